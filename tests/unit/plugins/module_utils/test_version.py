# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The collection version in version.py (the User-Agent's) is galaxy.yml's."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import os

import yaml

from ansible_collections.koreai.campaign.plugins.module_utils.version import COLLECTION_VERSION

# tests/unit/plugins/module_utils/ -> the repository root, which is the collection root.
GALAXY = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'galaxy.yml')


def test_version_is_galaxy_ymls():
    with open(GALAXY) as handle:
        galaxy = yaml.safe_load(handle)
    assert (galaxy['namespace'], galaxy['name']) == ('koreai', 'campaign')
    assert COLLECTION_VERSION == str(galaxy['version'])
