# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""campaign_clone's main() with only the HTTP layer faked: what it reads, the one create, check mode, a rerun."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.modules import campaign_clone

from ..helpers import API_VOICE
from ..module_args import patch_module_args
from .support import CONNECTION, listing, main_result, module_args

LISTED = dict(API_VOICE, connection='Default Queue')


def run(args, capsys, check_mode=False, diff=False):
    with patch_module_args(module_args(args, check_mode, diff)):
        return main_result(campaign_clone, capsys)


ARGS = dict(CONNECTION, source='service renewal outreach campaign61', name='Renewals July', campaign_type='voice',
            contact_lists=['July'], wait=False)


def test_clone_reads_the_source_and_creates_once(adapter, capsys):
    adapter.add(body=listing(LISTED))
    adapter.add(body={'data': API_VOICE})
    adapter.add(body={'status': 'success', 'data': {'id': 'cd-new', 'name': 'Renewals July', 'status': 'Preparing'}})
    result, dummy = run(ARGS, capsys, diff=True)
    assert result['changed'] and result['actions'] == ['create'] and result['api_calls'] == 3, result
    assert result['campaign']['id'] == 'cd-new' and result['source']['id'] == API_VOICE['_id']
    create = adapter.requests[2]
    assert create.method == 'POST' and dict(create.query)['campaignType'] == 'voice'
    assert create.body['name'] == 'Renewals July' and create.body['contactLists'] == ['July']
    assert create.body['queue_name'] == 'Default Queue' and create.body['schedule'] == {'isSchedulingEnabled': False}
    assert result['diff']['after']['contact_lists'] == ['July']


def test_check_mode_sends_no_write(adapter, capsys):
    adapter.add(body=listing(LISTED))
    adapter.add(body={'data': API_VOICE})
    result, dummy = run(ARGS, capsys, check_mode=True)
    assert result['changed'] and result['msg'].startswith('(check mode)') and len(adapter.requests) == 2


def test_a_rerun_finds_the_clone_and_sends_nothing(adapter, capsys):
    adapter.add(body=listing(LISTED, dict(API_VOICE, _id='cd-new', id='cd-new', name='Renewals July')))
    adapter.add(body={'data': API_VOICE})
    result, dummy = run(ARGS, capsys)
    assert not result['changed'] and result['actions'] == [] and 'exists already' in result['msg']
    assert [r.method for r in adapter.requests] == ['POST', 'GET']


def test_a_missing_source_fails_with_close_names(adapter, capsys):
    adapter.add(body=listing(LISTED))
    result, dummy = run(dict(ARGS, source='Service Renewal Outreach Campaign6'), capsys)
    assert result['failed'] and 'did you mean' in result['msg'] and len(adapter.requests) == 1


def test_bad_overrides_fail_before_any_request(adapter, capsys):
    bad = dict(ARGS, calling_hours={'timezone': 'UTC', 'days': [{'day': 'someday', 'start': '9:00', 'end': '10:00'}]})
    result, dummy = run(bad, capsys)
    assert result['failed'] and 'is not a day' in result['msg'] and adapter.requests == []


def test_source_id_without_type_reads_it_first(adapter, capsys):
    adapter.add(body={'data': API_VOICE})
    adapter.add(body=listing(LISTED))
    args = dict((k, v) for k, v in ARGS.items() if k not in ('source', 'campaign_type'))
    result, dummy = run(dict(args, source_id=API_VOICE['_id']), capsys, check_mode=True)
    assert result.get('changed'), result
    assert [r.method for r in adapter.requests] == ['GET', 'POST']
