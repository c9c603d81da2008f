# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Many campaigns into one run state (bulk_runner.py) against a faked HTTP layer: selection, failures, waits, lost answers."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import re

from ansible_collections.koreai.campaign.plugins.module_utils.audit import AuditLog
from ansible_collections.koreai.campaign.plugins.module_utils.bulk_runner import bulk_run_state

from ..helpers import audit_lines, listing, trigger_requests

NOT_SENT_AGAIN = '; the request was not sent again, so that it cannot apply twice. Run the task again to retry'
INTERNAL = {'errors': [{'msg': 'Internal error', 'code': 500}]}
TYPES = ['voice', 'sms']


def voice_list(**statuses):
    """The voice campaigns cd-1 'Flash Sale 1', cd-2 'Flash Sale 2' and cd-3 'Renewals', with statuses overridden."""
    status = dict({'cd-1': 'Active', 'cd-2': 'Stopped', 'cd-3': 'Active'}, **statuses)
    names = {'cd-1': 'Flash Sale 1', 'cd-2': 'Flash Sale 2', 'cd-3': 'Renewals'}
    return listing(*[{'_id': key, 'name': names[key], 'dialingMode': 'Progressive', 'status': status[key]}
                     for key in sorted(status) if status[key] is not None])


SMS_LIST = listing({'id': 'cd-4', 'name': 'Texts', 'format': 'simple', 'status': 'Active'})


def by_id(result):
    return dict((e['id'], e) for e in result['campaigns'])


def test_pattern_selects_and_only_the_running_are_stopped(runner, adapter):
    adapter.add(body=voice_list()).add(body=SMS_LIST)
    adapter.add(body={'status': 'Stopped', 'message': 'Campaign Stopped'})
    adapter.add(body=voice_list(**{'cd-1': 'Stopped'}))
    adapter.add(body=voice_list(**{'cd-1': 'Stopped'})).add(body=SMS_LIST)  # the confirming list, once per type
    result = bulk_run_state(runner(), TYPES, 'stopped', name_pattern=re.compile('^Flash'))
    entries = by_id(result)
    assert sorted(entries) == ['cd-1', 'cd-2']
    assert result['changed'] and result['changed_ids'] == ['cd-1'] and result['failed_ids'] == []
    assert result['msg'] == '1 of 2 campaigns stopped'
    assert entries['cd-1']['status'] == 'Stopped' and entries['cd-1']['status_before'] == 'Active'
    assert entries['cd-1']['msg'] == "campaign 'Flash Sale 1' (cd-1) stopped (was Active)"
    assert entries['cd-2']['msg'] == "campaign 'Flash Sale 2' (cd-2) is not running (status Stopped)"
    assert result['diff'] == {'before': {'cd-1': 'Active'}, 'after': {'cd-1': 'Stopped'}}
    assert [r.body.get('type') for r in adapter.requests if r.body and 'type' in r.body] == [
        'voice', 'sms', 'voice', 'voice', 'sms']
    assert [dict(r.query)['trigger'] for r in trigger_requests(adapter)] == ['stop']


def test_a_status_filter_alone_is_sent_to_the_server(runner, adapter):
    adapter.add(body=voice_list(**{'cd-2': None}))
    adapter.add(body={'status': 'Stopped'}).add(body={'status': 'Stopped'})
    adapter.add(body=listing())
    bulk_run_state(runner(wait=False), ['voice'], 'stopped', statuses=['Active'])
    assert adapter.requests[0].body['filters'] == {'status': ['Active']}
    assert adapter.requests[-1].body['filters'] == {'status': ['Active']}


def test_a_status_filter_with_names_is_applied_here(runner, adapter):
    adapter.add(body=voice_list()).add(body=SMS_LIST)
    result = bulk_run_state(runner(), TYPES, 'stopped', names=['flash sale 2'], statuses=['Stopped'])
    assert 'filters' not in adapter.requests[0].body and [e['id'] for e in result['campaigns']] == ['cd-2']
    assert not result['changed'] and len(adapter.requests) == 2


def test_missing_names_and_ids_are_failed_entries(runner, adapter):
    adapter.add(body=voice_list()).add(body=SMS_LIST)
    result = bulk_run_state(runner(), TYPES, 'stopped', names=['Flash Sale 2', 'Nope'])
    entries = by_id(result)
    assert entries['Nope']['failed'] and entries['Nope']['msg'] == "no voice or SMS campaign matches 'Nope'"
    assert entries['Nope']['name'] is None and not entries['cd-2']['failed']
    assert result['failed_ids'] == ['Nope'] and result['msg'] == '0 of 2 campaigns stopped; 1 failed'
    adapter.add(body=voice_list())
    result = bulk_run_state(runner(), ['voice'], 'stopped', campaign_ids=['cd-9'])
    assert result['campaigns'][0]['msg'] == "no voice campaign matches 'cd-9'"


def test_check_mode_sends_no_write_and_carries_the_plans_words(runner, adapter):
    adapter.add(body=voice_list()).add(body=SMS_LIST)
    result = bulk_run_state(runner(check_mode=True), TYPES, 'stopped', name_pattern=re.compile('.'))
    entries = by_id(result)
    assert entries['cd-1']['msg'] == "(check mode) campaign 'Flash Sale 1' (cd-1) would be stopped (was Active)"
    assert entries['cd-4']['msg'] == "(check mode) campaign 'Texts' (cd-4) would be stopped (was Active)"
    assert entries['cd-2']['msg'] == "campaign 'Flash Sale 2' (cd-2) is not running (status Stopped)"
    assert entries['cd-1']['status'] == 'Stopped' and entries['cd-1']['changed']
    assert result['msg'] == '(check mode) 3 of 4 campaigns would be stopped'
    assert len(adapter.requests) == 2 and trigger_requests(adapter) == []


def test_check_mode_start_words(runner, adapter):
    adapter.add(body=voice_list())
    result = bulk_run_state(runner(check_mode=True), ['voice'], 'started', campaign_ids=['cd-2'])
    assert result['campaigns'][0]['msg'] == "(check mode) campaign 'Flash Sale 2' (cd-2) would be started (was Stopped)"


def test_a_failure_on_one_campaign_and_the_rest_go_on(runner, adapter):
    adapter.add(body=voice_list())
    adapter.add(400, {'errors': [{'msg': 'Campaign cannot be stopped', 'code': 400}]})
    adapter.add(body={'status': 'Stopped'})
    adapter.add(body=voice_list(**{'cd-3': 'Stopped'}))
    result = bulk_run_state(runner(wait=False), ['voice'], 'stopped', names=['Flash Sale 1', 'Renewals'])
    entries = by_id(result)
    assert entries['cd-1']['failed'] and not entries['cd-1']['changed'] and entries['cd-1']['status'] == 'Active'
    assert 'HTTP 400' in entries['cd-1']['msg'] and 'Campaign cannot be stopped' in entries['cd-1']['msg']
    assert entries['cd-3']['changed'] and entries['cd-3']['status'] == 'Stopped'
    assert result['changed_ids'] == ['cd-3'] and result['failed_ids'] == ['cd-1']
    assert result['msg'] == '1 of 2 campaigns stopped; 1 failed'
    assert len(trigger_requests(adapter)) == 2


def test_a_refused_plan_on_one_campaign_and_the_rest_go_on(runner, adapter):
    adapter.add(body=listing({'_id': 'cd-5', 'name': 'Weekly', 'dialingMode': 'Progressive', 'status': 'Scheduled'},
                             {'_id': 'cd-2', 'name': 'Flash Sale 2', 'dialingMode': 'Progressive', 'status': 'Stopped'}))
    adapter.add(body={'status': 'Active'})
    adapter.add(body=listing({'_id': 'cd-5', 'name': 'Weekly', 'dialingMode': 'Progressive', 'status': 'Scheduled'},
                             {'_id': 'cd-2', 'name': 'Flash Sale 2', 'dialingMode': 'Progressive', 'status': 'Active'}))
    result = bulk_run_state(runner(wait=False), ['voice'], 'started', campaign_ids=['cd-5', 'cd-2'])
    entries = by_id(result)
    assert entries['cd-5']['failed'] and 'Disable the schedule first' in entries['cd-5']['msg']
    assert entries['cd-2']['changed'] and entries['cd-2']['status'] == 'Active'
    assert len(trigger_requests(adapter)) == 1


def test_preparing_campaigns_are_refused_as_bulk_does_not_wait_for_them(runner, adapter):
    adapter.add(body=listing({'_id': 'cd-6', 'name': 'New', 'dialingMode': 'Progressive', 'status': 'Preparing'}))
    result = bulk_run_state(runner(), ['voice'], 'started', campaign_ids=['cd-6'])
    assert result['failed_ids'] == ['cd-6'] and 'still Preparing' in result['campaigns'][0]['msg']


def test_wait_polls_the_list_call_until_every_one_shows_it(runner, adapter, clock):
    adapter.add(body=voice_list()).add(body={'status': 'Stopped'}).add(body={'status': 'Stopped'})
    adapter.add(body=voice_list(**{'cd-1': 'Stopped'}))
    adapter.add(body=voice_list(**{'cd-1': 'Stopped', 'cd-3': 'Completed'}))
    adapter.add(body=listing())
    result = bulk_run_state(runner(), ['voice'], 'stopped', statuses=['Active'])
    entries = by_id(result)
    assert (entries['cd-1']['status'], entries['cd-3']['status']) == ('Stopped', 'Completed')
    assert clock.slept == [0.5] and result['failed_ids'] == []
    assert [r.path.rsplit('/', 1)[-1] for r in adapter.requests] == [
        'getAllCampaignDetails', 'cd-1', 'cd-3', 'getAllCampaignDetails', 'getAllCampaignDetails',
        'getAllCampaignDetails']


def test_timeout_names_the_last_status(runner, adapter, clock):
    adapter.add(body=voice_list()).add(body={'status': 'Stopped'})
    for dummy in range(5):
        adapter.add(body=voice_list())
    result = bulk_run_state(runner(wait_timeout=4), ['voice'], 'stopped', campaign_ids=['cd-1'])
    entry, = result['campaigns']
    assert entry['failed'] and entry['status'] == 'Active'
    assert entry['msg'] == 'timed out after 4 s waiting for it to become Stopped; last status seen: Active'
    # the API accepted the stop: that is a change, even though waiting for it failed
    assert clock.now <= 4 and result['failed_ids'] == ['cd-1'] and result['changed']
    assert len(trigger_requests(adapter)) == 1 and not adapter.queue


def test_a_campaign_that_disappears_while_waiting(runner, adapter):
    adapter.add(body=voice_list()).add(body={'status': 'Stopped'})
    adapter.add(body=voice_list(**{'cd-1': None})).add(body=voice_list(**{'cd-1': None}))
    result = bulk_run_state(runner(), ['voice'], 'stopped', campaign_ids=['cd-1'])
    entry, = result['campaigns']
    assert entry['failed'] and entry['msg'] == 'campaign disappeared while waiting for it'


def test_no_wait_takes_the_trigger_answers(runner, adapter):
    adapter.add(body=voice_list()).add(body={'status': 'Stopped', 'message': 'Campaign Stopped'})
    adapter.add(body=voice_list(**{'cd-1': 'Stopped'}))
    result = bulk_run_state(runner(wait=False), ['voice'], 'stopped', campaign_ids=['cd-1'])
    assert result['campaigns'][0]['status'] == 'Stopped' and len(adapter.requests) == 3


def test_writes_are_paced_through_one_client_and_audited(runner, adapter, tmp_path):
    path = tmp_path / 'audit.jsonl'
    adapter.add(body=voice_list()).add(body={'status': 'Stopped'}).add(body={'status': 'Stopped'})
    adapter.add(body=listing())
    run = runner(wait=False, audit=AuditLog(str(path), 'koreai.campaign.campaign_bulk'))
    bulk_run_state(run, ['voice'], 'stopped', statuses=['Active'])
    assert [(e['campaign_id'], e['operation'], e['outcome'], e['status_after']) for e in audit_lines(path)] == [
        ('cd-1', 'stop campaign', 'success', 'Stopped'), ('cd-3', 'stop campaign', 'success', 'Stopped')]
    assert run.accepted == ["stop campaign 'Flash Sale 1' (cd-1)", "stop campaign 'Renewals' (cd-3)"]


# -- lost answers, settled through the list-call poll ----------------------------------------------

def test_lost_answers_settled_applied(runner, adapter, clock, tmp_path):
    path = tmp_path / 'audit.jsonl'
    adapter.add(body=voice_list())
    adapter.add(500, INTERNAL).add(body={'status': 'Stopped'})
    adapter.add(body=voice_list()).add(body=voice_list(**{'cd-1': 'Stopped'}))
    adapter.add(body=voice_list(**{'cd-1': 'Stopped', 'cd-3': 'Stopped'}))
    run = runner(wait=False, audit=AuditLog(str(path), 'm'))
    result = bulk_run_state(run, ['voice'], 'stopped', campaign_ids=['cd-1', 'cd-3'])
    entries = by_id(result)
    assert entries['cd-1']['changed'] and not entries['cd-1']['failed'] and entries['cd-1']['status'] == 'Stopped'
    assert entries['cd-1']['msg'].startswith("stop voice campaign for campaign 'Flash Sale 1' (cd-1) failed (HTTP 500")
    assert entries['cd-1']['msg'].endswith('; reading it back shows status Stopped, so it took effect')
    assert result['changed_ids'] == ['cd-1', 'cd-3'] and result['failed_ids'] == []
    assert len(trigger_requests(adapter)) == 2 and clock.slept == [0.5]
    outcomes = [(e['campaign_id'], e['outcome'], e['status_after']) for e in audit_lines(path)]
    assert outcomes == [('cd-1', 'unknown', None), ('cd-3', 'success', 'Stopped'),
                        ('cd-1', 'applied (read back)', 'Stopped')]
    assert run.accepted == ["stop campaign 'Renewals' (cd-3)", "stop campaign 'Flash Sale 1' (cd-1)"]


def test_lost_answers_settled_not_applied(runner, adapter, clock, tmp_path):
    path = tmp_path / 'audit.jsonl'
    adapter.add(body=voice_list()).add(504, '<html>gateway timeout</html>')
    for dummy in range(8):
        adapter.add(body=voice_list())
    run = runner(wait=False, wait_timeout=300, audit=AuditLog(str(path), 'm'))
    result = bulk_run_state(run, ['voice'], 'stopped', campaign_ids=['cd-1'])
    entry, = result['campaigns']
    assert entry['failed'] and not entry['changed'] and entry['status'] == 'Active'
    assert entry['msg'].endswith('. Reading it back shows status Active' + NOT_SENT_AGAIN)
    assert 'HTTP 504' in entry['msg']
    assert not result['changed'] and result['failed_ids'] == ['cd-1']
    assert clock.now <= 30 and not adapter.queue  # read back within the 30 s window: 7 list calls, 1 confirming
    assert [e['outcome'] for e in audit_lines(path)] == ['unknown', 'not applied (read back)']
    assert len(trigger_requests(adapter)) == 1 and run.accepted == []


def test_lost_answers_with_wait_are_confirmed_with_the_rest(runner, adapter):
    adapter.add(body=voice_list()).add(500, INTERNAL).add(body={'status': 'Stopped'})
    adapter.add(body=voice_list(**{'cd-1': 'Stopped', 'cd-3': 'Stopped'})).add(body=listing())
    result = bulk_run_state(runner(), ['voice'], 'stopped', statuses=['Active'])
    entries = by_id(result)
    assert entries['cd-1']['msg'].endswith('so it took effect') and entries['cd-3']['status'] == 'Stopped'
    assert result['changed_ids'] == ['cd-1', 'cd-3'] and len(adapter.requests) == 5


def test_one_lost_answer_not_applied_and_one_timed_out(runner, adapter):
    adapter.add(body=voice_list()).add(500, INTERNAL).add(body={'status': 'Stopped'})
    for dummy in range(5):
        adapter.add(body=voice_list())
    result = bulk_run_state(runner(wait_timeout=4), ['voice'], 'stopped', statuses=['Active'])
    entries = by_id(result)
    assert entries['cd-1']['msg'].endswith(NOT_SENT_AGAIN) and not entries['cd-1']['changed']
    assert entries['cd-3']['msg'].startswith('timed out after 4 s') and entries['cd-3']['changed']
    assert result['failed_ids'] == ['cd-1', 'cd-3'] and result['changed_ids'] == []


# -- lists that change while they are read, concurrent runs, odd entries (issue 17) -----------------

def voice_page(ids, status='Active', has_more=False, total=None):
    data = {'results': [{'_id': i, 'name': 'Camp %s' % i, 'dialingMode': 'Progressive', 'status': status}
                        for i in ids], 'hasMore': has_more}
    if total is not None:
        data['totalResults'] = total
    return {'status': 'success', 'data': data}


def ids(first, last):
    return ['cd-%03d' % i for i in range(first, last)]


def test_a_campaign_missed_by_a_shifting_page_is_stopped_by_the_confirming_list(runner, adapter):
    """250 Active; 5 of page 1 complete during the second list call, so 5 campaigns slide onto page 1
    and are never listed: the list after the writes finds them, and they are stopped too."""
    adapter.add(body=voice_page(ids(0, 100), has_more=True, total=250))
    adapter.add(body=voice_page(ids(105, 205), has_more=True, total=245))
    adapter.add(body=voice_page(ids(205, 250), total=245))
    for dummy in range(245):
        adapter.add(body={'status': 'Stopped'})
    adapter.add(body=voice_page(ids(100, 105)))  # the confirming list: only the missed ones still run
    for dummy in range(5):
        adapter.add(body={'status': 'Stopped'})
    adapter.add(body=voice_page([]))  # the second round confirms
    result = bulk_run_state(runner(wait=False), ['voice'], 'stopped', statuses=['Active'])
    assert not adapter.queue and len(trigger_requests(adapter)) == 250
    assert len(set(r.path for r in trigger_requests(adapter))) == 250  # no campaign written twice
    assert result['failed_ids'] == [] and result['unconfirmed'] == [] and len(result['changed_ids']) == 250
    assert result['msg'] == '250 of 250 campaigns stopped'


def test_a_campaign_listed_twice_is_written_once(runner, adapter):
    adapter.add(body=voice_page(ids(0, 100), has_more=True, total=102))
    # one campaign created at the top meanwhile (it does not match): page 1's last one comes again
    adapter.add(body=voice_page(['cd-099', 'cd-100', 'cd-101'], total=103))
    for dummy in range(102):
        adapter.add(body={'status': 'Stopped'})
    adapter.add(body=voice_page([]))
    result = bulk_run_state(runner(wait=False), ['voice'], 'stopped', statuses=['Active'])
    assert len(trigger_requests(adapter)) == 102 and len(result['campaigns']) == 102 and not adapter.queue


def test_what_is_still_found_after_the_last_round_is_unconfirmed_and_fails(runner, adapter):
    adapter.add(body=voice_page(['cd-1']))
    adapter.add(body={'status': 'Stopped'})
    for new in ('cd-2', 'cd-3', 'cd-4'):  # every list after the writes shows one more still Active
        adapter.add(body=voice_page([new])).add(body={'status': 'Stopped'})
    result = bulk_run_state(runner(wait=False), ['voice'], 'stopped', statuses=['Active'])
    assert not adapter.queue and len(trigger_requests(adapter)) == 4
    assert result['unconfirmed'] == [{'id': 'cd-4', 'name': 'Camp cd-4', 'type': 'voice', 'status': 'Active'}]
    assert result['failed_ids'] == ['cd-4'] and "NOT confirmed stopped: 'Camp cd-4' (cd-4)" in result['msg']
    assert 'not confirmed stopped: found only by the last of 3 lists' in by_id(result)['cd-4']['msg']


def test_a_stopped_campaign_running_again_at_the_confirming_list_is_unconfirmed(runner, adapter):
    adapter.add(body=voice_list()).add(body={'status': 'Stopped'})
    adapter.add(body=voice_list(**{'cd-1': 'Stopped'}))  # the wait sees it stopped
    adapter.add(body=voice_list())                      # someone started it again
    result = bulk_run_state(runner(), ['voice'], 'stopped', campaign_ids=['cd-1'])
    assert result['unconfirmed'] == [{'id': 'cd-1', 'name': 'Flash Sale 1', 'type': 'voice', 'status': 'Active'}]
    assert len(trigger_requests(adapter)) == 1 and result['failed_ids'] == ['cd-1']


def test_nothing_written_and_one_page_needs_no_confirming_list(runner, adapter):
    adapter.add(body=voice_list(**{'cd-1': 'Stopped', 'cd-3': 'Stopped'}))
    result = bulk_run_state(runner(), ['voice'], 'stopped', name_pattern=re.compile('.'))
    assert not result['changed'] and len(adapter.requests) == 1


def test_an_entry_without_an_id_is_refused_by_name_and_nothing_goes_to_none(runner, adapter):
    adapter.add(body=listing({'name': 'Ghost', 'dialingMode': 'Progressive', 'status': 'Active'},
                             {'_id': 'cd-1', 'name': 'Real', 'dialingMode': 'Progressive', 'status': 'Active'}))
    adapter.add(body={'status': 'Stopped'})
    adapter.add(body=listing({'name': 'Ghost', 'dialingMode': 'Progressive', 'status': 'Active'}))
    result = bulk_run_state(runner(wait=False), ['voice'], 'stopped', statuses=['Active'])
    assert [r.path.rsplit('/', 1)[-1] for r in trigger_requests(adapter)] == ['cd-1']
    ghost, = [e for e in result['campaigns'] if e['id'] is None]
    assert ghost['failed'] and ghost['msg'].startswith("the API listed campaign 'Ghost' without an id")
    assert result['failed_ids'] == ['Ghost'] and len(result['campaigns']) == 2


def test_an_already_stopped_answer_after_a_stale_read_is_converged(runner, adapter):
    """Another run stopped it between our list and our stop: the API refuses, a read confirms, ok."""
    adapter.add(body=voice_list())
    adapter.add(409, {'errors': [{'msg': 'Campaign Flash Sale 1 is already Stopped', 'code': 409}]})
    adapter.add(body={'status': 'success', 'data': {'id': 'cd-1', 'status': 'Stopped'}})
    adapter.add(body=voice_list(**{'cd-1': 'Stopped'}))
    result = bulk_run_state(runner(wait=False), ['voice'], 'stopped', campaign_ids=['cd-1'])
    entry, = result['campaigns']
    assert not entry['failed'] and not entry['changed'] and entry['status'] == 'Stopped'
    assert 'nothing sent again' in entry['msg'] and 'already Stopped' in entry['msg']
    assert result['failed_ids'] == [] and not result['changed'] and len(trigger_requests(adapter)) == 1


def test_a_refusal_that_a_read_does_not_confirm_stays_a_failure(runner, adapter):
    adapter.add(body=voice_list())
    adapter.add(409, {'errors': [{'msg': 'Campaign cannot be stopped now', 'code': 409}]})
    adapter.add(body={'status': 'success', 'data': {'id': 'cd-1', 'status': 'Active'}})
    adapter.add(body=voice_list())
    result = bulk_run_state(runner(wait=False), ['voice'], 'stopped', campaign_ids=['cd-1'])
    assert result['failed_ids'] == ['cd-1'] and 'cannot be stopped now' in result['campaigns'][0]['msg']


def test_a_filter_that_matches_nothing_says_so(runner, adapter):
    adapter.add(body=voice_list())
    result = bulk_run_state(runner(), ['voice'], 'stopped', name_pattern=re.compile('^Black Friday'))
    assert not result['changed'] and result['campaigns'] == [] and len(adapter.requests) == 1
    assert result['msg'] == "no voice campaign matches name_pattern '^Black Friday' (3 listed), so none was stopped"
