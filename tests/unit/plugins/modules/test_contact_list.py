# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""contact_list's main() with only the HTTP layer faked: create, update, delete, check mode and refusals."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.modules import contact_list

from ..module_args import patch_module_args
from .support import CONNECTION, main_result, module_args

DNC = {'_id': 'cl-1', 'name': 'DNC', 'description': 'old', 'isListInUse': True,
       'campaignInUse': [{'id': 'cd-1', 'name': 'Renewals'}]}


def run(args, capsys, check_mode=False, diff=False):
    with patch_module_args(module_args(args, check_mode, diff)):
        return main_result(contact_list, capsys)


def test_create(adapter, capsys):
    adapter.add(body={'status': 'success', 'data': []})
    adapter.add(body={'status': 'success', 'data': {'_id': 'cl-9', 'name': 'Leads', 'description': 'May leads'}})
    result, dummy = run(dict(CONNECTION, name='Leads', description='May leads'), capsys, diff=True)
    assert result['changed'] and result['msg'] == "contact list 'Leads' (cl-9) created"
    assert result['contact_list']['id'] == 'cl-9' and result['api_calls'] == 2
    assert result['diff'] == {'before': {}, 'after': {'description': 'May leads'}}
    assert adapter.requests[1].body == {'name': 'Leads', 'description': 'May leads', 'source': 'passiveApi',
                                        'allowDuplicates': False}


def test_update(adapter, capsys):
    adapter.add(body={'data': [DNC]}).add(body={'status': 'success'})
    result, dummy = run(dict(CONNECTION, name='dnc', description='new'), capsys)
    assert result['changed'] and result['msg'] == "contact list 'DNC' updated (description)"
    assert adapter.requests[1].method == 'PUT' and adapter.requests[1].body == {'description': 'new'}


def test_check_mode_sends_no_write(adapter, capsys):
    adapter.add(body={'status': 'success', 'data': []})
    result, dummy = run(dict(CONNECTION, name='Leads', description='May leads'), capsys, check_mode=True)
    assert result['changed'] and result['msg'] == "(check mode) contact list 'Leads' would be created"
    assert result['api_calls'] == 1


def test_a_list_in_use_is_not_deleted(adapter, capsys):
    adapter.add(body={'data': [DNC]})
    result, dummy = run(dict(CONNECTION, name='DNC', state='absent'), capsys)
    assert result['failed'] and result['msg'] == (
        "refusing to delete contact list 'DNC' (cl-1): campaigns still use it (Renewals). Remove it from them first, "
        'or set force=true')
    assert result['api_calls'] == 1 and not result.get('changed')


def test_force_deletes_a_list_in_use(adapter, capsys):
    adapter.add(body={'data': [DNC]}).add(body={'status': 'success'})
    result, dummy = run(dict(CONNECTION, name='DNC', state='absent', force=True), capsys)
    assert result['changed'] and result['msg'] == "contact list 'DNC' deleted"
    assert adapter.requests[1].method == 'DELETE'


def test_absent_takes_no_description(adapter, capsys):
    result, dummy = run(dict(CONNECTION, name='DNC', state='absent', description='x'), capsys)
    assert result['failed'] and result['msg'] == 'state=absent takes no description or allow_duplicates; remove them'
    assert adapter.requests == []


def test_a_long_description_fails_before_any_request(adapter, capsys):
    result, dummy = run(dict(CONNECTION, name='DNC', description='x' * 257), capsys)
    assert result['failed'] and 'at most 256' in result['msg'] and adapter.requests == []


def test_an_api_error_fails_with_its_message(adapter, capsys):
    adapter.add(body={'data': []}).add(400, {'errors': [{'msg': 'Name already exists', 'code': 400}]})
    result, dummy = run(dict(CONNECTION, name='Leads', description='x'), capsys)
    assert result['failed'] and 'Name already exists' in result['msg'] and 'HTTP 400' in result['msg']
