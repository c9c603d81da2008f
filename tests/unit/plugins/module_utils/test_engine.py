# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Carrying out plans against a faked HTTP layer: writes sent, waits, read-back after unknown outcomes."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import os
import stat

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import engine
from ansible_collections.koreai.campaign.plugins.module_utils.client import KoreaiError
from ansible_collections.koreai.campaign.plugins.module_utils.lifecycle import PlanError


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds


def voice(status, **extra):
    obj = {'_id': 'cd-1', 'id': 'cd-1', 'type': 'voice', 'name': 'Renewals', 'status': status,
           'createdAt': '2025-12-04T10:50:56.762Z', 'schedule': {'isSchedulingEnabled': False}}
    obj.update(extra)
    return obj


def status_answer(status):
    return {'status': 'success', 'data': {'id': 'cd-1', 'status': status, 'name': 'Renewals'}}


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def runner(client, clock):
    def factory(**kwargs):
        options = dict(check_mode=False, wait=True, wait_timeout=60, sleep=clock.sleep, clock=clock)
        options.update(kwargs)
        return engine.Runner(client, **options)
    return factory


def test_stop_then_wait(runner, adapter):
    adapter.add(body={'status': 'Stopped', 'message': 'Campaign Stopped', 'campaignInstanceId': 'cid-1'})
    adapter.add(body=status_answer('Stopped'))
    result = runner().ensure_run_state(voice('Active'), 'stopped')
    assert result['changed'] and result['actions'] == ['stop']
    assert result['campaign']['status'] == 'Stopped' and result['campaign_instance_id'] == 'cid-1'
    assert result['diff'] == {'before': {'status': 'Active'}, 'after': {'status': 'Stopped'}}
    assert len(adapter.requests) == 2


def test_no_op_sends_nothing(runner, adapter):
    result = runner().ensure_run_state(voice('Stopped'), 'stopped')
    assert not result['changed'] and adapter.requests == []


def test_check_mode_sends_nothing(runner, adapter):
    result = runner(check_mode=True).ensure_run_state(voice('Ready'), 'started')
    assert result['changed'] and result['msg'].startswith('(check mode)') and adapter.requests == []


def test_wait_polls_with_backoff_until_active(runner, adapter, clock):
    adapter.add(body={'status': 'Active', 'message': 'Campaign Started'})
    for status in ('Ready', 'Ready', 'Active'):
        adapter.add(body=status_answer(status))
    result = runner().ensure_run_state(voice('Ready'), 'started')
    assert result['campaign']['status'] == 'Active'
    assert clock.now == pytest.approx(0.5 + 1.0)


def test_wait_timeout_names_the_last_status(runner, adapter, clock):
    adapter.add(body={'status': 'Active'})
    for dummy in range(20):
        adapter.add(body=status_answer('Ready'))
    with pytest.raises(engine.WaitTimeout) as info:
        runner(wait_timeout=10).ensure_run_state(voice('Ready'), 'started')
    assert 'last status seen: Ready' in str(info.value) and 'Renewals' in str(info.value)
    assert clock.now <= 10


def test_no_wait_takes_the_trigger_answer(runner, adapter):
    adapter.add(body={'status': 'Active', 'campaignInstanceId': 'cid-9'})
    result = runner(wait=False).ensure_run_state(voice('Ready'), 'started')
    assert result['campaign']['status'] == 'Active' and len(adapter.requests) == 1


def test_preparing_is_waited_for_before_start(runner, adapter):
    adapter.add(body=status_answer('Preparing'))
    adapter.add(body=status_answer('Ready'))
    adapter.add(body={'status': 'Active'})
    adapter.add(body=status_answer('Active'))
    result = runner().ensure_run_state(voice('Preparing'), 'started')
    assert result['actions'] == ['await_ready', 'start'] and result['campaign']['status'] == 'Active'


def test_unknown_outcome_read_back_shows_it_applied(runner, adapter):
    warnings = []
    adapter.add(500, {'errors': [{'msg': 'Internal error', 'code': 500}]})
    adapter.add(body=status_answer('Stopped'))
    result = runner(warn=warnings.append).ensure_run_state(voice('Active'), 'stopped')
    assert result['changed'] and result['campaign']['status'] == 'Stopped'
    assert len([r for r in adapter.requests if 'trigger' in dict(r.query)]) == 1
    assert warnings and 'took effect' in warnings[0]


def test_unknown_outcome_not_applied_is_not_resent(runner, adapter):
    adapter.add(500, {'errors': [{'msg': 'Internal error', 'code': 500}]})
    for dummy in range(20):
        adapter.add(body=status_answer('Active'))
    with pytest.raises(KoreaiError) as info:
        runner(wait=False).ensure_run_state(voice('Active'), 'stopped')
    assert 'not sent again' in str(info.value) and 'HTTP 500' in str(info.value)
    assert len([r for r in adapter.requests if 'trigger' in dict(r.query)]) == 1


def test_force_delete_of_an_active_scheduled_campaign(runner, adapter, tmp_path):
    current = voice('Active', schedule={'isSchedulingEnabled': True, 'isRecurrenceEnabled': True})
    adapter.add(body={'status': 'Stopped'})
    adapter.add(body=status_answer('Stopped'))
    adapter.add(body={'status': 'success', 'message': 'disabled'})
    adapter.add(body={'status': 'success', 'message': 'Campaign Renewals deleted successfully', 'data': current})
    result = runner(wait=False).ensure_absent(current, force=True, backup_dir=str(tmp_path / 'bk'))
    assert result['actions'] == ['stop', 'disable_schedule', 'delete']
    methods = [(r.method, dict(r.query).get('trigger'), dict(r.query).get('enableSchedule')) for r in adapter.requests]
    assert methods == [('POST', 'stop', None), ('POST', None, None), ('POST', None, 'false'), ('DELETE', None, None)]
    assert result['diff'] == {'before': current, 'after': {}}
    path = result['backup_file']
    assert json.load(open(path)) == current
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode) == 0o700


def test_delete_refused_without_force(runner, adapter):
    with pytest.raises(PlanError):
        runner().ensure_absent(voice('Active'))
    assert adapter.requests == []


def test_delete_of_a_listed_campaign_reads_the_full_object_first(runner, adapter):
    adapter.add(body={'data': dict(voice('Ready'), description='full')})
    adapter.add(body={'status': 'success', 'data': {}})
    result = runner().ensure_absent({'id': 'cd-1', 'type': 'voice', 'name': 'Renewals', 'status': 'Ready'},
                                    summary=True)
    assert result['campaign']['description'] == 'full'
    assert [r.method for r in adapter.requests] == ['GET', 'DELETE']


def test_delete_unknown_outcome_then_gone(runner, adapter):
    adapter.add(502, '<html>bad gateway</html>')
    adapter.add(404, {'errors': [{'msg': 'not found', 'code': 404}]})
    result = runner().ensure_absent(voice('Ready'))
    assert result['changed'] and [r.method for r in adapter.requests] == ['DELETE', 'GET']


def test_delete_unknown_outcome_still_there(runner, adapter):
    adapter.add(500, {})
    adapter.add(body={'data': voice('Ready')})
    with pytest.raises(KoreaiError) as info:
        runner().ensure_absent(voice('Ready'))
    assert 'still exists' in str(info.value)
    assert [r.method for r in adapter.requests] == ['DELETE', 'GET']


def test_backup_is_not_written_in_check_mode(runner, adapter, tmp_path):
    result = runner(check_mode=True).ensure_absent(voice('Ready'), backup_dir=str(tmp_path / 'bk'))
    assert result['changed'] and 'backup_file' not in result and not (tmp_path / 'bk').exists()


def test_schedule_is_written_with_the_api_spelling_of_the_name(runner, adapter):
    adapter.add(body={'status': 'success', 'message': 'Campaign Renewals scheduled successfully', 'id': 'cd-1'})
    spec = {'recurrence': 'daily', 'every': 1, 'start': '2026-01-27 18:29:00', 'end': '2026-02-27 18:29:00'}
    result = runner().ensure_schedule(voice('Ready'), spec)
    assert result['api_message'] == 'Campaign Renewals scheduled successfully'
    assert dict(adapter.requests[0].query)['campaignName'] == 'Renewals'


def listing(*campaigns):
    return {'data': {'results': list(campaigns), 'hasMore': False}}


def test_resolve_by_name_ambiguous(client, adapter):
    adapter.add(body=listing(voice('Ready')))
    adapter.add(body=listing({'id': 'cd-2', 'name': 'RENEWALS', 'format': 'simple'}))
    with pytest.raises(KoreaiError) as info:
        engine.resolve_by_name(client, 'renewals', ['voice', 'sms'])
    assert 'cd-1 voice' in str(info.value) and 'cd-2 SMS' in str(info.value)


def test_resolve_by_name_suggests_close_matches(client, adapter):
    adapter.add(body=listing(voice('Ready')))
    missing = engine.resolve_by_name(client, 'Renewal', ['voice'])
    assert not missing
    assert "did you mean 'Renewals'" in str(missing.error())


def test_resolve_by_id_wrong_type(client, adapter):
    adapter.add(body={'data': {'_id': 'cd-2', 'name': 'Texts', 'format': 'simple', 'message': {}}})
    with pytest.raises(KoreaiError) as info:
        engine.resolve_campaign(client, 'voice', campaign_id='cd-2')
    assert 'koreai.campaign.sms_campaign' in str(info.value)


def test_resolve_by_id_missing(client, adapter):
    adapter.add(404, {'errors': [{'msg': 'Campaign not found', 'code': 404}]})
    missing = engine.resolve_campaign(client, 'voice', campaign_id='cd-404')
    assert not missing and 'cd-404' in str(missing.error())
