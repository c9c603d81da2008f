# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""contacts' main() with only the HTTP layer faked: a load, check mode, bad rows, and what it never prints."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.modules import contacts

from ..module_args import patch_module_args
from .support import CONNECTION, main_result, module_args

LISTS = {'status': 'success', 'data': [{'_id': 'cl-1', 'name': 'Leads', 'totalRecordCount': 0}]}


def run(args, capsys, check_mode=False):
    with patch_module_args(module_args(args, check_mode)):
        return main_result(contacts, capsys)


def test_load_from_a_csv_file(adapter, capsys, tmp_path):
    src = tmp_path / 'leads.csv'
    src.write_text('phone,name\n+14155550100,Ada\n+14155550101,Alan\n')
    adapter.add(body=LISTS).add(body={'message': 'Adding contacts to public list is in progress'})
    adapter.add(body={'data': {'_id': 'cl-1', 'name': 'Leads', 'totalRecordCount': 2}})
    result, out = run(dict(CONNECTION, contact_list='leads', src=str(src), columns={'phone': 'phoneNumber'}), capsys)
    assert result['changed'] and result['added'] == 2 and result['api_calls'] == 3
    sent = [{'phoneNumber': '+14155550100', 'name': 'Ada'}, {'phoneNumber': '+14155550101', 'name': 'Alan'}]
    assert adapter.requests[1].body['data'] == sent
    assert '+1415555010' not in out, 'the result never carries phone numbers'


def test_check_mode_and_bad_rows(adapter, capsys):
    adapter.add(body=LISTS)
    rows = [{'phoneNumber': '+14155550100'}, {'phoneNumber': 'call me'}]
    result, dummy = run(dict(CONNECTION, contact_list='Leads', contacts=rows, invalid_rows='skip'), capsys,
                        check_mode=True)
    assert result['changed'] and result['would_add'] == 1 and result['invalid'] == 1 and len(adapter.requests) == 1
    result, dummy = run(dict(CONNECTION, contact_list='Leads', contacts=rows), capsys)
    assert result['failed'] and result['msg'].startswith('1 row cannot be loaded, so nothing was sent')
    assert len(adapter.requests) == 1 and result['api_calls'] == 0


def test_options_are_checked_first(adapter, capsys):
    result, dummy = run(dict(CONNECTION, contact_list='Leads', contacts=[], wait_timeout=0), capsys)
    assert result['failed'] and 'wait_timeout must be at least 1 second' in result['msg']
    result, dummy = run(dict(CONNECTION, contact_list='Leads', src='/nope/leads.csv'), capsys)
    assert result['failed'] and 'cannot read the contacts file /nope/leads.csv' in result['msg']
    assert adapter.requests == []
