# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""contacts_info's main() with only the HTTP layer faked: the count, contacts on request, a missing list."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.modules import contacts_info

from ..module_args import patch_module_args
from .support import CONNECTION, main_result, module_args

LISTS = {'status': 'success', 'data': [{'_id': 'cl-1', 'name': 'DNC', 'totalRecordCount': 2, 'isGlobalDNC': False}]}


def run(args, capsys):
    with patch_module_args(module_args(args, check_mode=True)):
        return main_result(contacts_info, capsys)


def test_count_then_contacts(adapter, capsys):
    adapter.add(body=LISTS)
    result, dummy = run(dict(CONNECTION, dnc_list='dnc'), capsys)
    assert (result['count'], result['exists'], result['api_calls'], 'contacts' in result) == (2, True, 1, False)
    page = {'results': [{'_id': 'cc-1', 'phoneNumber': '+14155550100'}], 'hasMore': False, 'totalResults': 1}
    adapter.add(body=LISTS).add(body={'data': page})
    result, dummy = run(dict(CONNECTION, contact_list='DNC', max_contacts=10), capsys)
    assert result['contacts'] == [{'_id': 'cc-1', 'phoneNumber': '+14155550100'}] and result['truncated']


def test_missing_list_and_bad_cap(adapter, capsys):
    adapter.add(body={'status': 'success', 'data': []})
    result, dummy = run(dict(CONNECTION, contact_list='Nope'), capsys)
    assert result == dict(result, exists=False, count=0, changed=False)
    result, dummy = run(dict(CONNECTION, contact_list='Nope', max_contacts=-1), capsys)
    assert result['failed'] and 'max_contacts must be 0' in result['msg'] and len(adapter.requests) == 1
