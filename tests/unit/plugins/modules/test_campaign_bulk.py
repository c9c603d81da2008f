# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""campaign_bulk's main() with only the HTTP layer faked: many campaigns into one run state, check mode, failures."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.modules import campaign_bulk

from ..module_args import patch_module_args
from .support import CONNECTION, VOICE, listing, main_result, module_args

FLASH = dict(VOICE, _id='cd-2', name='Flash Sale', lname='flash sale')
TEXTS = {'id': 'cd-4', 'name': 'Texts', 'format': 'simple', 'status': 'Active'}


def run(args, capsys, check_mode=False, diff=False):
    with patch_module_args(module_args(args, check_mode, diff)):
        return main_result(campaign_bulk, capsys)


def test_stop_every_active_campaign(adapter, capsys):
    adapter.add(body=listing(VOICE, FLASH)).add(body=listing(TEXTS))
    adapter.add(body={'status': 'Stopped'}).add(body={'status': 'Stopped'}).add(body={'status': 'Stopped'})
    adapter.add(body=listing(dict(VOICE, status='Stopped'), dict(FLASH, status='Stopped')))
    adapter.add(body=listing(dict(TEXTS, status='Stopped')))
    adapter.add(body=listing()).add(body=listing())  # the confirming list of the selection, per type
    result, dummy = run(dict(CONNECTION, state='stopped', status=['Active']), capsys, diff=True)
    assert result['changed'] and not result.get('failed')
    assert result['msg'] == '3 of 3 campaigns stopped' and result['changed_ids'] == ['cd-1', 'cd-2', 'cd-4']
    assert result['diff']['after'] == {'cd-1': 'Stopped', 'cd-2': 'Stopped', 'cd-4': 'Stopped'}
    assert result['api_calls'] == 9 and adapter.requests[0].body['filters'] == {'status': ['Active']}
    assert result['unconfirmed'] == []


def test_check_mode_entries_carry_the_plans_words(adapter, capsys):
    adapter.add(body=listing(VOICE, FLASH))
    result, dummy = run(dict(CONNECTION, state='stopped', campaign_type='voice', name_pattern='^Flash'), capsys,
                        check_mode=True)
    assert result['changed'] and result['msg'] == '(check mode) 1 of 1 campaigns would be stopped'
    assert result['campaigns'][0]['msg'] == "(check mode) campaign 'Flash Sale' (cd-2) would be stopped (was Active)"
    assert result['api_calls'] == 1


def test_a_failure_fails_the_task_with_every_entry(adapter, capsys):
    adapter.add(body=listing(VOICE, FLASH))
    adapter.add(400, {'errors': [{'msg': 'Campaign cannot be stopped', 'code': 400}]})
    adapter.add(body={'status': 'Stopped'})
    adapter.add(body=listing(VOICE, dict(FLASH, status='Stopped')))
    result, dummy = run(dict(CONNECTION, state='stopped', campaign_type='voice', names=['renewals', 'Flash Sale'],
                             wait=False), capsys)
    assert result['failed'] and result['msg'] == '1 of 2 campaigns stopped; 1 failed'
    assert result['failed_ids'] == ['cd-1'] and result['changed_ids'] == ['cd-2'] and result['changed']
    failed, = [e for e in result['campaigns'] if e['failed']]
    assert 'Campaign cannot be stopped' in failed['msg']
    assert result['accepted_writes'] == ["stop campaign 'Flash Sale' (cd-2)"]


def test_a_missing_name_fails_the_task(adapter, capsys):
    adapter.add(body=listing(VOICE))
    result, dummy = run(dict(CONNECTION, state='started', campaign_type='voice', names=['Nope']), capsys)
    assert result['failed'] and result['failed_ids'] == ['Nope']
    assert result['campaigns'][0]['msg'] == "no voice campaign matches 'Nope'"


def test_a_bad_pattern_fails_before_any_request(adapter, capsys):
    result, dummy = run(dict(CONNECTION, state='started', name_pattern='(['), capsys)
    assert result['failed'] and "name_pattern='([' is not a valid regular expression" in result['msg']
    assert adapter.requests == []


def test_a_selection_is_required(adapter, capsys):
    result, dummy = run(dict(CONNECTION, state='started'), capsys)
    assert result['failed'] and 'one of the following is required' in result['msg'] and adapter.requests == []


def test_wait_timeout_must_be_positive(adapter, capsys):
    result, dummy = run(dict(CONNECTION, state='started', status=['Ready'], wait_timeout=0), capsys)
    assert result['failed'] and result['msg'] == 'wait_timeout must be at least 1 second' and adapter.requests == []


def test_a_timeout_after_an_accepted_stop_still_reports_the_change(adapter, capsys):
    """Was a pinned bug: the stop the API accepted was reported with changed=false."""
    adapter.add(body=listing(VOICE)).add(body={'status': 'Stopped', 'message': 'Campaign Stopped'})
    for dummy in range(3):
        adapter.add(body=listing(VOICE))
    result, dummy = run(dict(CONNECTION, state='stopped', campaign_type='voice', campaign_ids=['cd-1'],
                             wait_timeout=1), capsys)
    assert result['failed'] and 'timed out after' in result['campaigns'][0]['msg']
    assert result['changed'] and result['accepted_writes'] == ["stop campaign 'Renewals' (cd-1)"]


def test_an_emergency_stop_that_cannot_confirm_every_stop_fails_naming_them(adapter, capsys):
    adapter.add(body=listing(VOICE)).add(body=[1])  # an odd answer to the stop does not crash
    for campaign_id, name in (('cd-7', 'Late 1'), ('cd-8', 'Late 2'), ('cd-9', 'Late 3')):
        adapter.add(body=listing(dict(VOICE, _id=campaign_id, name=name, lname=name.lower())))
        adapter.add(body={'status': 'Stopped'})
    result, dummy = run(dict(CONNECTION, state='stopped', campaign_type='voice', status=['Active'], wait=False),
                        capsys)
    assert result['failed'] and result['changed'] and not adapter.queue
    assert result['unconfirmed'] == [{'id': 'cd-9', 'name': 'Late 3', 'type': 'voice', 'status': 'Active'}]
    assert result['msg'] == "3 of 4 campaigns stopped; 1 failed; NOT confirmed stopped: 'Late 3' (cd-9)"
    assert result['api_calls'] == 8
