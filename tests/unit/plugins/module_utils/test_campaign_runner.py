# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Carrying out campaign plans (campaign_runner.py) against a faked HTTP layer: writes sent, waits, read-back after lost answers."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import os
import stat

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import campaign_config as cc
from ansible_collections.koreai.campaign.plugins.module_utils import campaign_runner
from ansible_collections.koreai.campaign.plugins.module_utils.audit import AuditLog
from ansible_collections.koreai.campaign.plugins.module_utils.errors import (
    KoreaiError, PlanError, WaitTimeout, WriteNotApplied)
from ansible_collections.koreai.campaign.plugins.module_utils.lookup import full_campaign

from ..fakes import ACCOUNT, STREAM
from ..helpers import API_VOICE, VOICE_OPTIONS, audit_lines, listing, status_answer, trigger_requests, voice

NOT_SENT_AGAIN = '; the request was not sent again, so that it cannot apply twice. Run the task again to retry'
INTERNAL = {'errors': [{'msg': 'Internal error', 'code': 500}]}


# -- run state ------------------------------------------------------------------------------------

def test_stop_then_wait(runner, adapter):
    adapter.add(body={'status': 'Stopped', 'message': 'Campaign Stopped', 'campaignInstanceId': 'cid-1'})
    adapter.add(body=status_answer('Stopped'))
    result = campaign_runner.ensure_run_state(runner(), voice('Active'), 'stopped')
    assert result['changed'] and result['actions'] == ['stop']
    assert result['campaign']['status'] == 'Stopped' and result['campaign_instance_id'] == 'cid-1'
    assert result['diff'] == {'before': {'status': 'Active'}, 'after': {'status': 'Stopped'}}
    assert len(adapter.requests) == 2


def test_stop_words(runner, adapter):
    adapter.add(body={'status': 'Stopped'}).add(body=status_answer('Stopped'))
    assert campaign_runner.ensure_run_state(runner(), voice('Active'), 'stopped')['msg'] == \
        "campaign 'Renewals' (cd-1) stopped (was Active)"


def test_no_op_sends_nothing(runner, adapter):
    result = campaign_runner.ensure_run_state(runner(), voice('Stopped'), 'stopped')
    assert not result['changed'] and adapter.requests == []


def test_check_mode_sends_nothing(runner, adapter):
    result = campaign_runner.ensure_run_state(runner(check_mode=True), voice('Ready'), 'started')
    assert result['changed'] and result['msg'].startswith('(check mode)') and adapter.requests == []


def test_check_mode_words_come_from_the_plan(runner, adapter):
    result = campaign_runner.ensure_run_state(runner(check_mode=True), voice('Active'), 'stopped')
    assert result['msg'] == "(check mode) campaign 'Renewals' (cd-1) would be stopped (was Active)"
    result = campaign_runner.ensure_run_state(runner(check_mode=True), voice('Ready'), 'started')
    assert result['msg'] == "(check mode) campaign 'Renewals' (cd-1) would be started (was Ready)"
    assert adapter.requests == []


def test_wait_polls_with_backoff_until_active(runner, adapter, clock):
    adapter.add(body={'status': 'Active', 'message': 'Campaign Started'})
    for status in ('Ready', 'Ready', 'Active'):
        adapter.add(body=status_answer(status))
    result = campaign_runner.ensure_run_state(runner(), voice('Ready'), 'started')
    assert result['campaign']['status'] == 'Active'
    assert clock.now == pytest.approx(0.5 + 1.0)


def test_a_short_campaign_may_be_completed_when_first_read(runner, adapter):
    adapter.add(body={'status': 'Active'}).add(body=status_answer('Completed'))
    result = campaign_runner.ensure_run_state(runner(), voice('Ready'), 'started')
    assert result['campaign']['status'] == 'Completed' and result['diff']['after'] == {'status': 'Completed'}


def test_wait_timeout_names_the_last_status(runner, adapter, clock):
    adapter.add(body={'status': 'Active'})
    for dummy in range(20):
        adapter.add(body=status_answer('Ready'))
    with pytest.raises(WaitTimeout) as info:
        campaign_runner.ensure_run_state(runner(wait_timeout=10), voice('Ready'), 'started')
    assert 'last status seen: Ready' in str(info.value) and 'Renewals' in str(info.value)
    assert clock.now <= 10


def test_wait_timeout_words(runner, adapter, clock):
    adapter.add(body={'status': 'Active'})
    for dummy in range(5):
        adapter.add(body=status_answer('Ready'))
    with pytest.raises(WaitTimeout) as info:
        campaign_runner.ensure_run_state(runner(wait_timeout=4), voice('Ready'), 'started')
    assert str(info.value) == ("timed out after 4 s waiting for campaign 'Renewals' (cd-1) to become Active; "
                               'last status seen: Ready')


def test_a_campaign_gone_while_waiting(runner, adapter):
    adapter.add(body={'status': 'Stopped'}).add(404, {'errors': [{'msg': 'Campaign not found', 'code': 404}]})
    with pytest.raises(KoreaiError) as info:
        campaign_runner.ensure_run_state(runner(), voice('Active'), 'stopped')
    assert str(info.value) == "campaign 'Renewals' (cd-1) disappeared while waiting for it to become Stopped"


def test_no_wait_takes_the_trigger_answer(runner, adapter):
    adapter.add(body={'status': 'Active', 'campaignInstanceId': 'cid-9'})
    result = campaign_runner.ensure_run_state(runner(wait=False), voice('Ready'), 'started')
    assert result['campaign']['status'] == 'Active' and len(adapter.requests) == 1


def test_a_start_never_returns_the_previous_runs_instance_id(runner, adapter):
    """An SMS start answers without campaignInstanceId; the id read before the start is the last run's."""
    sms = dict(voice('Stopped', campaignInstanceId='cid-previous-run'), type='sms')
    adapter.add(body={'status': 'Active', 'message': 'Campaign Started'})
    result = campaign_runner.ensure_run_state(runner(wait=False), sms, 'started')
    assert result['changed'] and 'campaign_instance_id' not in result
    assert 'campaignInstanceId' not in result['campaign']


def test_a_start_returns_the_new_instance_id_the_answer_gives(runner, adapter):
    adapter.add(body={'status': 'Active', 'campaignInstanceId': 'cid-new-run'})
    result = campaign_runner.ensure_run_state(runner(wait=False), voice('Stopped', campaignInstanceId='cid-old'),
                                              'started')
    assert result['campaign_instance_id'] == 'cid-new-run' == result['campaign']['campaignInstanceId']


def test_resuming_a_paused_campaign_keeps_its_instance_id(runner, adapter):
    sms = dict(voice('Paused', campaignInstanceId='cid-this-run'), type='sms')
    adapter.add(body={'status': 'Active', 'message': 'Campaign Started'})
    result = campaign_runner.ensure_run_state(runner(wait=False), sms, 'started')
    assert result['campaign_instance_id'] == 'cid-this-run'


def test_no_wait_without_a_status_in_the_answer_assumes_the_wanted_one(runner, adapter):
    adapter.add(body={'message': 'Campaign Started'})
    result = campaign_runner.ensure_run_state(runner(wait=False), voice('Ready'), 'started')
    assert result['campaign']['status'] == 'Active'


def test_preparing_is_waited_for_before_start(runner, adapter):
    adapter.add(body=status_answer('Preparing'))
    adapter.add(body=status_answer('Ready'))
    adapter.add(body={'status': 'Active'})
    adapter.add(body=status_answer('Active'))
    result = campaign_runner.ensure_run_state(runner(), voice('Preparing'), 'started')
    assert result['actions'] == ['await_ready', 'start'] and result['campaign']['status'] == 'Active'


def test_preparing_that_became_scheduled_is_planned_again(runner, adapter):
    adapter.add(body=status_answer('Scheduled'))
    with pytest.raises(PlanError) as info:
        campaign_runner.ensure_run_state(runner(), voice('Preparing'), 'started')
    assert 'schedule is on' in str(info.value) and trigger_requests(adapter) == []


def test_preparing_that_was_started_meanwhile_is_not_started_again(runner, adapter):
    adapter.add(body=status_answer('Active'))
    result = campaign_runner.ensure_run_state(runner(), voice('Preparing'), 'started')
    assert not result['changed'] and trigger_requests(adapter) == []


def test_unknown_outcome_read_back_shows_it_applied(runner, adapter):
    warnings = []
    adapter.add(500, {'errors': [{'msg': 'Internal error', 'code': 500}]})
    adapter.add(body=status_answer('Stopped'))
    result = campaign_runner.ensure_run_state(runner(warn=warnings.append), voice('Active'), 'stopped')
    assert result['changed'] and result['campaign']['status'] == 'Stopped'
    assert len([r for r in adapter.requests if 'trigger' in dict(r.query)]) == 1
    assert warnings and 'took effect' in warnings[0]


def test_unknown_outcome_applied_is_not_waited_for_twice(runner, adapter):
    adapter.add(500, INTERNAL).add(body=status_answer('Active')).add(body=status_answer('Stopped'))
    result = campaign_runner.ensure_run_state(runner(), voice('Active'), 'stopped')
    assert result['campaign']['status'] == 'Stopped' and len(adapter.requests) == 3


def test_unknown_outcome_not_applied_is_not_resent(runner, adapter):
    adapter.add(500, {'errors': [{'msg': 'Internal error', 'code': 500}]})
    for dummy in range(20):
        adapter.add(body=status_answer('Active'))
    with pytest.raises(KoreaiError) as info:
        campaign_runner.ensure_run_state(runner(wait=False), voice('Active'), 'stopped')
    assert 'not sent again' in str(info.value) and 'HTTP 500' in str(info.value)
    assert len([r for r in adapter.requests if 'trigger' in dict(r.query)]) == 1


def test_unknown_outcome_not_applied_is_write_not_applied(runner, adapter, clock):
    adapter.add(500, INTERNAL)
    for dummy in range(20):
        adapter.add(body=status_answer('Active'))
    with pytest.raises(WriteNotApplied) as info:
        campaign_runner.ensure_run_state(runner(wait=False, wait_timeout=300), voice('Active'), 'stopped')
    message = str(info.value)
    assert '. Reading the campaign back: timed out after' in message and 'last status seen: Active' in message
    assert message.endswith(NOT_SENT_AGAIN)
    assert clock.now <= 30  # the read-back window without wait


def test_unknown_outcome_read_back_that_fails_too(runner, adapter):
    adapter.add(500, INTERNAL).add(404, {'errors': [{'msg': 'Campaign not found', 'code': 404}]})
    with pytest.raises(KoreaiError) as info:
        campaign_runner.ensure_run_state(runner(), voice('Active'), 'stopped')
    assert 'Reading it back failed as well (campaign' in str(info.value)
    assert not isinstance(info.value, WriteNotApplied)


def test_trigger_uses_the_path_style(runner, adapter):
    adapter.add(body={'status': 'Active'})
    campaign_runner.ensure_run_state(runner(wait=False), voice('Ready'), 'started', style='v1')
    assert adapter.requests[0].path == '/campaign/api/v1/public/%s/campaign/cd-1' % STREAM


def test_writes_are_audited(runner, adapter, tmp_path):
    path = tmp_path / 'audit.jsonl'
    adapter.add(body={'status': 'Stopped'}).add(body=status_answer('Stopped'))
    run = runner(audit=AuditLog(str(path), 'koreai.campaign.voice_campaign'))
    campaign_runner.ensure_run_state(run, voice('Active'), 'stopped')
    entry, = audit_lines(path)
    assert (entry['operation'], entry['outcome'], entry['status_before'], entry['status_after']) == (
        'stop campaign', 'success', 'Active', 'Stopped')
    assert run.accepted == ["stop campaign 'Renewals' (cd-1)"]


# -- delete ---------------------------------------------------------------------------------------

def test_force_delete_of_an_active_scheduled_campaign(runner, adapter, tmp_path):
    current = voice('Active', schedule={'isSchedulingEnabled': True, 'isRecurrenceEnabled': True})
    adapter.add(body=listing(current)).add(body=listing())  # no other campaign has its name, in either type
    adapter.add(body={'status': 'Stopped'})
    adapter.add(body=status_answer('Stopped'))
    adapter.add(body={'status': 'success', 'message': 'disabled'})
    adapter.add(body={'status': 'success', 'message': 'Campaign Renewals deleted successfully', 'data': current})
    result = campaign_runner.ensure_absent(runner(wait=False), current, force=True, backup_dir=str(tmp_path / 'bk'))
    assert result['actions'] == ['stop', 'disable_schedule', 'delete']
    methods = [(r.method, dict(r.query).get('trigger'), dict(r.query).get('enableSchedule')) for r in adapter.requests]
    assert methods[2:] == [('POST', 'stop', None), ('POST', None, None), ('POST', None, 'false'), ('DELETE', None, None)]
    assert result['diff'] == {'before': current, 'after': {}}
    path = result['backup_file']
    assert json.load(open(path)) == current
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode) == 0o700


def test_delete_refused_without_force(runner, adapter):
    with pytest.raises(PlanError):
        campaign_runner.ensure_absent(runner(), voice('Active'))
    assert adapter.requests == []


def test_delete_of_a_listed_campaign_reads_the_full_object_first(runner, client, adapter):
    adapter.add(body={'data': dict(voice('Ready'), description='full')})
    adapter.add(body={'status': 'success', 'data': {}})
    listed = {'id': 'cd-1', 'type': 'voice', 'name': 'Renewals', 'status': 'Ready'}
    result = campaign_runner.ensure_absent(runner(), full_campaign(client, listed))
    assert result['campaign']['description'] == 'full'
    assert [r.method for r in adapter.requests] == ['GET', 'DELETE']


def test_delete_of_a_missing_campaign_sends_nothing(runner, adapter):
    result = campaign_runner.ensure_absent(runner(), None)
    assert not result['changed'] and result['msg'] == 'campaign does not exist' and 'campaign' not in result
    assert adapter.requests == []


def test_delete_sends_the_documented_request(runner, adapter):
    adapter.add(body={'status': 'success'})
    result = campaign_runner.ensure_absent(runner(), voice('Stopped'))
    sent, = adapter.requests
    assert (sent.method, sent.path, sent.raw_query) == (
        'DELETE', '/campaign/api/v2/public/%s/campaign/cd-1' % STREAM, 'accountId=%s&campaignType=voice' % ACCOUNT)
    assert result['msg'] == "campaign 'Renewals' (cd-1) deleted" and 'backup_file' not in result


def test_delete_through_v1(runner, adapter):
    adapter.add(body={'status': 'success'})
    campaign_runner.ensure_absent(runner(), voice('Stopped', type='sms'), api_version='v1')
    assert adapter.requests[0].path == '/agentassist/api/v1/public/%s/campaign/cd-1' % STREAM


def test_check_mode_delete_keeps_the_name_as_it_is(runner, adapter):
    result = campaign_runner.ensure_absent(runner(check_mode=True), voice('Ready', name='Leads deleted in May'))
    assert result['msg'] == "(check mode) campaign 'Leads deleted in May' (cd-1) would be deleted"
    assert result['changed'] and adapter.requests == []


def test_delete_unknown_outcome_then_gone(runner, adapter):
    adapter.add(502, '<html>bad gateway</html>')
    adapter.add(404, {'errors': [{'msg': 'not found', 'code': 404}]})
    result = campaign_runner.ensure_absent(runner(), voice('Ready'))
    assert result['changed'] and [r.method for r in adapter.requests] == ['DELETE', 'GET']


def test_delete_unknown_outcome_still_there(runner, adapter):
    adapter.add(500, {})
    adapter.add(body={'data': voice('Ready')})
    with pytest.raises(KoreaiError) as info:
        campaign_runner.ensure_absent(runner(), voice('Ready'))
    assert 'still exists' in str(info.value)
    assert [r.method for r in adapter.requests] == ['DELETE', 'GET']


def test_delete_unknown_outcome_still_there_words(runner, adapter):
    adapter.add(500, {}).add(body={'data': voice('Ready')})
    with pytest.raises(WriteNotApplied) as info:
        campaign_runner.ensure_absent(runner(), voice('Ready'))
    assert str(info.value).endswith('. Reading it back shows the campaign still exists' + NOT_SENT_AGAIN)


def test_force_delete_stops_and_waits_even_without_wait(runner, adapter):
    adapter.add(body={'status': 'Stopped'}).add(body=status_answer('Active')).add(body=status_answer('Stopped'))
    adapter.add(body={'status': 'success'})
    result = campaign_runner.ensure_absent(runner(wait=False), voice('Active'), force=True)
    assert result['actions'] == ['stop', 'delete']
    assert [r.method for r in adapter.requests] == ['POST', 'POST', 'POST', 'DELETE']


# -- configuration (state=present) ----------------------------------------------------------------

SPEC = cc.campaign_spec('voice', VOICE_OPTIONS)
NEW = {'_id': 'cd-new', 'name': 'Renewals', 'status': 'Ready', 'dialingMode': 'Progressive', 'description': 'Renewals'}
LABEL = "'Service Renewal Outreach Campaign61' (cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx)"


def present(run, campaign, spec=None, name='Renewals', **kwargs):
    return campaign_runner.ensure_present(run, campaign, 'voice', name, SPEC if spec is None else spec, **kwargs)


def updated_voice(**changes):
    campaign = json.loads(json.dumps(API_VOICE))
    campaign['dialingStrategy'].update(changes)
    return campaign


def test_create(runner, adapter):
    adapter.add(body={'status': 'success', 'message': 'Campaign created', 'data': NEW})
    result = present(runner(), None)
    assert result['changed'] and result['actions'] == ['create']
    assert result['campaign']['id'] == 'cd-new' and result['campaign']['type'] == 'voice'
    assert result['msg'] == "campaign 'Renewals' (cd-new) created"
    assert result['diff'] == {'before': {}, 'after': SPEC}
    sent, = adapter.requests
    assert (sent.method, sent.path, sent.raw_query) == (
        'POST', '/campaign/api/v2/public/%s/campaign' % STREAM, 'accountId=%s&campaignType=voice' % ACCOUNT)
    assert sent.body == cc.body_from_spec('voice', 'Renewals', SPEC)


def test_create_of_a_preparing_voice_campaign_waits_until_ready(runner, adapter, clock):
    adapter.add(body={'status': 'success', 'message': 'Campaign creation in progress', 'data': dict(NEW, status='Preparing')})
    adapter.add(body=status_answer('Preparing', 'cd-new')).add(body=status_answer('Ready', 'cd-new'))
    result = present(runner(), None)
    assert result['campaign']['status'] == 'Ready' and clock.slept == [0.5]
    assert [r.path.rsplit('/', 1)[-1] for r in adapter.requests] == ['campaign', 'status', 'status']
    assert adapter.requests[1].path == '/campaign/api/v2/public/%s/campaign/cd-new/status' % STREAM


def test_create_without_wait_returns_preparing(runner, adapter):
    adapter.add(body={'status': 'success', 'data': dict(NEW, status='Preparing')})
    result = present(runner(wait=False), None)
    assert result['campaign']['status'] == 'Preparing' and len(adapter.requests) == 1


def test_create_in_check_mode_sends_nothing(runner, adapter):
    result = present(runner(check_mode=True), None)
    assert result['changed'] and result['msg'] == '(check mode) campaign would be created' and adapter.requests == []


def test_update(runner, adapter):
    spec = cc.campaign_spec('voice', dict(VOICE_OPTIONS, ring_time=45))
    adapter.add(body={'status': 'success', 'message': 'Campaign updated', 'data': updated_voice(maxRingTime=45)})
    result = present(runner(), dict(API_VOICE), spec, name=None)
    assert result['changed'] and result['actions'] == ['update']
    assert result['msg'] == 'campaign %s updated (ring_time)' % LABEL
    assert result['diff'] == {'before': {'ring_time': 30}, 'after': {'ring_time': 45}}
    assert result['campaign']['dialingStrategy']['maxRingTime'] == 45 and result['campaign']['type'] == 'voice'
    sent, = adapter.requests
    assert (sent.method, sent.path) == ('PUT', '/campaign/api/v2/public/%s/campaign/%s' % (STREAM, API_VOICE['id']))
    assert sent.body['dialingStrategy']['maxRingTime'] == 45 and sent.body['name'] == API_VOICE['name']
    assert sent.body['queue_name'] == 'Default Queue'


def test_update_in_check_mode_sends_nothing(runner, adapter):
    spec = cc.campaign_spec('voice', dict(VOICE_OPTIONS, ring_time=45))
    result = present(runner(check_mode=True), dict(API_VOICE), spec)
    assert result['msg'] == '(check mode) campaign %s would be updated (ring_time)' % LABEL and adapter.requests == []


def test_no_change_sends_nothing_and_warns(runner, adapter):
    warnings = []
    result = present(runner(warn=warnings.append), dict(API_VOICE))
    assert not result['changed'] and result['actions'] == [] and adapter.requests == []
    assert result['msg'] == 'campaign %s already matches' % LABEL
    assert len(warnings) == 1 and 'queue' in warnings[0]


def test_running_without_force_is_refused(runner, adapter):
    spec = cc.campaign_spec('voice', dict(VOICE_OPTIONS, ring_time=45))
    with pytest.raises(PlanError) as info:
        present(runner(), dict(API_VOICE, status='Active'), spec)
    assert 'does not allow editing a running campaign' in str(info.value) and 'force=true' in str(info.value)
    assert adapter.requests == []


def test_running_with_force_stops_updates_and_starts(runner, adapter):
    spec = cc.campaign_spec('voice', dict(VOICE_OPTIONS, ring_time=45))
    adapter.add(body={'status': 'Stopped'}).add(body=status_answer('Stopped', API_VOICE['id']))
    adapter.add(body={'status': 'success', 'data': dict(updated_voice(maxRingTime=45), status='Stopped')})
    adapter.add(body={'status': 'Active'}).add(body=status_answer('Active', API_VOICE['id']))
    result = present(runner(), dict(API_VOICE, status='Active'), spec, force=True)
    assert result['actions'] == ['stop', 'update', 'start']
    assert result['campaign']['status'] == 'Active' and result['campaign']['dialingStrategy']['maxRingTime'] == 45
    assert [(r.method, dict(r.query).get('trigger')) for r in adapter.requests] == [
        ('POST', 'stop'), ('POST', None), ('PUT', None), ('POST', 'play'), ('POST', None)]


def test_running_with_force_and_no_wait_still_waits_for_the_stop(runner, adapter):
    spec = cc.campaign_spec('voice', dict(VOICE_OPTIONS, ring_time=45))
    adapter.add(body={'status': 'Stopped'}).add(body=status_answer('Stopped', API_VOICE['id']))
    adapter.add(body={'status': 'success', 'data': updated_voice(maxRingTime=45)})
    adapter.add(body={'status': 'Active'})
    result = present(runner(wait=False), dict(API_VOICE, status='Paused'), spec, force=True)
    assert result['campaign']['status'] == 'Active' and len(adapter.requests) == 4


def test_create_unknown_outcome_read_back_finds_it(runner, adapter, tmp_path):
    path = tmp_path / 'audit.jsonl'
    warnings = []
    adapter.add(500, INTERNAL)
    adapter.add(body=listing(dict(NEW, lname='renewals')))
    run = runner(warn=warnings.append, audit=AuditLog(str(path), 'koreai.campaign.voice_campaign'))
    result = present(run, None)
    assert result['changed'] and result['campaign']['id'] == 'cd-new'
    assert result['msg'] == "campaign 'Renewals' (cd-new) created"
    assert [r.method for r in adapter.requests] == ['POST', 'POST']
    assert adapter.requests[1].path.endswith('/getAllCampaignDetails')
    assert len(warnings) == 1 and warnings[0].endswith('; reading it back finds the campaign, so it was created')
    assert warnings[0].startswith("create voice campaign for campaign 'Renewals' failed (HTTP 500")
    unknown, applied = audit_lines(path)
    assert (unknown['outcome'], unknown['campaign_id']) == ('unknown', None)
    assert (applied['outcome'], applied['campaign_id'], applied['status_after']) == ('applied (read back)', 'cd-new',
                                                                                     'Ready')
    assert run.accepted == ["create campaign 'Renewals' (cd-new)"]


def test_create_unknown_outcome_read_back_finds_it_preparing_and_waits(runner, adapter):
    adapter.add(502, '<html>bad gateway</html>')
    adapter.add(body=listing(dict(NEW, status='Preparing')))
    adapter.add(body=status_answer('Ready', 'cd-new'))
    result = present(runner(), None)
    assert result['campaign']['status'] == 'Ready' and len(adapter.requests) == 3


def test_create_unknown_outcome_read_back_finds_nothing(runner, adapter, tmp_path):
    path = tmp_path / 'audit.jsonl'
    adapter.add(500, INTERNAL)
    adapter.add(body=listing(dict(NEW, _id='cd-other', name='Renewals 2')))
    run = runner(audit=AuditLog(str(path), 'm'))
    with pytest.raises(WriteNotApplied) as info:
        present(run, None)
    message = str(info.value)
    assert message.startswith("create voice campaign for campaign 'Renewals' failed (HTTP 500")
    assert message.endswith(". Reading it back finds no campaign named 'Renewals'" + NOT_SENT_AGAIN)
    assert [e['outcome'] for e in audit_lines(path)] == ['unknown', 'not applied (read back)']
    assert len([r for r in adapter.requests if r.body and 'dialingStrategy' in r.body]) == 1
    assert run.accepted == []


def test_update_unknown_outcome_read_back_shows_the_new_settings(runner, adapter):
    warnings = []
    spec = cc.campaign_spec('voice', dict(VOICE_OPTIONS, ring_time=45))
    adapter.add(504, '<html>gateway timeout</html>')
    adapter.add(body={'status': 'success', 'data': updated_voice(maxRingTime=45)})
    result = present(runner(warn=warnings.append), dict(API_VOICE), spec)
    assert result['changed'] and result['campaign']['dialingStrategy']['maxRingTime'] == 45
    assert [r.method for r in adapter.requests] == ['PUT', 'GET']
    assert len(warnings) == 2 and 'does not return queue' in warnings[0]  # the plan's, then the read-back's
    assert 'HTTP 504' in warnings[1] and warnings[1].endswith(
        '; reading it back shows the new settings, so the update took effect')


def test_update_unknown_outcome_read_back_shows_the_old_settings(runner, adapter):
    spec = cc.campaign_spec('voice', dict(VOICE_OPTIONS, ring_time=45))
    adapter.add(500, INTERNAL)
    adapter.add(body={'status': 'success', 'data': dict(API_VOICE)})
    with pytest.raises(WriteNotApplied) as info:
        present(runner(), dict(API_VOICE), spec)
    assert str(info.value).endswith('. Reading it back shows the old settings' + NOT_SENT_AGAIN)
    assert [r.method for r in adapter.requests] == ['PUT', 'GET']


def test_update_unknown_outcome_of_a_campaign_gone_meanwhile(runner, adapter):
    spec = cc.campaign_spec('voice', dict(VOICE_OPTIONS, ring_time=45))
    adapter.add(500, INTERNAL).add(404, {'errors': [{'msg': 'Campaign not found', 'code': 404}]})
    with pytest.raises(WriteNotApplied) as info:
        present(runner(), dict(API_VOICE), spec)
    assert 'Reading it back shows the old settings' in str(info.value)


def test_update_refused_by_the_api_is_reported_as_is(runner, adapter):
    spec = cc.campaign_spec('voice', dict(VOICE_OPTIONS, ring_time=45))
    adapter.add(400, {'errors': [{'msg': 'Queue not found', 'code': 400}]})
    with pytest.raises(KoreaiError) as info:
        present(runner(), dict(API_VOICE), spec)
    assert 'Queue not found' in str(info.value) and not isinstance(info.value, WriteNotApplied)
    assert len(adapter.requests) == 1


# -- odd answers, stale reads, shared names, unknown statuses (issue 17) -----------------------------

@pytest.mark.parametrize('answer', [[1], [], 7])
def test_a_trigger_answered_with_an_odd_shape_is_read_back_not_a_crash(runner, adapter, answer):
    adapter.add(body=answer).add(body=status_answer('Stopped'))
    warnings = []
    result = campaign_runner.ensure_run_state(runner(wait=False, warn=warnings.append), voice('Active'), 'stopped')
    assert result['changed'] and result['campaign']['status'] == 'Stopped' and len(adapter.requests) == 2
    assert adapter.requests[1].path.endswith('/cd-1/status')
    assert warnings == ["the API answered the stop of campaign 'Renewals' (cd-1) with %r, not a JSON object; reading "
                        "its status instead" % (answer,)]


def test_an_already_stopped_answer_after_a_stale_read_is_ok_and_unchanged(runner, adapter):
    adapter.add(409, {'errors': [{'msg': 'Campaign Renewals is already Stopped', 'code': 409}]})
    adapter.add(body=status_answer('Stopped'))
    run = runner()
    result = campaign_runner.ensure_run_state(run, voice('Active'), 'stopped')
    assert not result['changed'] and result['campaign']['status'] == 'Stopped' and run.accepted == []
    assert result['msg'].startswith("campaign 'Renewals' (cd-1) is already Stopped; nothing sent again (the API "
                                    "answered: Campaign Renewals is already Stopped")
    assert len(adapter.requests) == 2


def test_an_unknown_status_is_stopped(runner, adapter):
    adapter.add(body={'status': 'Stopped'}).add(body=status_answer('Stopped'))
    warnings = []
    result = campaign_runner.ensure_run_state(runner(warn=warnings.append), voice('Dialing'), 'stopped')
    assert result['changed'] and trigger_requests(adapter) and 'does not know' in warnings[0]


def test_force_delete_refuses_a_schedule_name_shared_with_an_sms_campaign_before_any_write(runner, adapter, tmp_path):
    current = voice('Scheduled', name='CrossType', schedule={'isSchedulingEnabled': True})
    adapter.add(body=listing(current)).add(body=listing({'id': 'cd-s', 'name': 'crosstype', 'format': 'simple'}))
    with pytest.raises(KoreaiError) as info:
        campaign_runner.ensure_absent(runner(), current, force=True, backup_dir=str(tmp_path / 'bk'))
    assert "SMS campaign 'crosstype' (cd-s)" in str(info.value) and len(adapter.requests) == 2
    assert not (tmp_path / 'bk').exists()
