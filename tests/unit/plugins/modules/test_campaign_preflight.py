# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""campaign_preflight's main() with only the HTTP layer faked: every failure at once, and what it reads."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.modules import campaign_preflight

from ..module_args import patch_module_args
from .support import CONNECTION, VOICE, listing, main_result, module_args


def run(args, capsys, check_mode=False):
    with patch_module_args(module_args(args, check_mode)):
        return main_result(campaign_preflight, capsys)


def test_failures_reported_at_once(adapter, capsys):
    campaign = dict(VOICE, status='Ready', contactLists=['Leads'], dncLists={'name': 'DNC'})
    adapter.add(body={'status': 'success', 'data': campaign})
    adapter.add(body={'status': 'success', 'data': [{'_id': 'cl-1', 'name': 'Leads', 'totalRecordCount': 0},
                                                    {'_id': 'cl-2', 'name': 'DNC', 'totalRecordCount': 0}]})
    adapter.add(body=listing()).add(body=listing())
    result, dummy = run(dict(CONNECTION, campaign_id='cd-1'), capsys, check_mode=True)
    assert result['failed'] and result['failed_checks'] == ['dnc_list', 'contact_lists']
    assert result['msg'].startswith('2 of 6 checks failed: ') and result['api_calls'] == 4
    assert [dict(r.query).get('accountId') is not None for r in adapter.requests] == [True] * 4
    assert adapter.requests[2].body['filters'] == {'status': ['Active', 'Paused']}
