# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""patch_module_args for the module tests, on every ansible-core: the official helper where it exists (2.19+)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import contextlib
import json

from ansible.module_utils import basic

try:
    from ansible.module_utils.testing import patch_module_args as _official
except ImportError:  # ansible-core before 2.19
    _official = None

_UNSET = object()


@contextlib.contextmanager
def _legacy_patch_module_args(args):
    """Expose args to AnsibleModule the way ansible-core before 2.19 reads them."""
    saved_args = basic._ANSIBLE_ARGS
    saved_profile = getattr(basic, '_ANSIBLE_PROFILE', _UNSET)
    basic._ANSIBLE_ARGS = json.dumps({'ANSIBLE_MODULE_ARGS': args or {}}).encode('utf-8')
    if saved_profile is not _UNSET:
        basic._ANSIBLE_PROFILE = 'legacy'
    try:
        yield
    finally:
        basic._ANSIBLE_ARGS = saved_args
        if saved_profile is not _UNSET:
            basic._ANSIBLE_PROFILE = saved_profile


def patch_module_args(args):
    """A context manager in which AnsibleModule instances read args as their module arguments."""
    if _official is not None:
        return _official(args)
    return _legacy_patch_module_args(args)
