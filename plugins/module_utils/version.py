# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""The collection's version, for the User-Agent. Modules cannot read galaxy.yml at run time, so it is
kept here; tests/unit/plugins/module_utils/test_version.py fails when the two disagree."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

COLLECTION_VERSION = '0.1.0'
