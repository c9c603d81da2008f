# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The module tests' patch_module_args (module_args.py): both the official helper and the fallback for older ansible-core."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest
from ansible.module_utils import basic
from ansible.module_utils.basic import AnsibleModule

from . import module_args


@pytest.mark.parametrize('official', [True, False])
def test_modules_read_the_patched_arguments(monkeypatch, official):
    if not official:
        monkeypatch.setattr(module_args, '_official', None)
    before = (basic._ANSIBLE_ARGS, getattr(basic, '_ANSIBLE_PROFILE', None))
    with module_args.patch_module_args({'name': 'Renewals', 'count': 2, '_ansible_check_mode': True}):
        built = AnsibleModule(argument_spec=dict(name=dict(type='str'), count=dict(type='int')),
                              supports_check_mode=True)
    assert built.params == {'name': 'Renewals', 'count': 2} and built.check_mode
    assert (basic._ANSIBLE_ARGS, getattr(basic, '_ANSIBLE_PROFILE', None)) == before


def test_the_fallback_restores_after_an_error(monkeypatch):
    monkeypatch.setattr(module_args, '_official', None)
    before = basic._ANSIBLE_ARGS
    with pytest.raises(RuntimeError):
        with module_args.patch_module_args({'x': 1}):
            assert b'"ANSIBLE_MODULE_ARGS"' in basic._ANSIBLE_ARGS
            raise RuntimeError('boom')
    assert basic._ANSIBLE_ARGS is before
