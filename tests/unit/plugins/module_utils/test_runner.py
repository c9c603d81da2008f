# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The Runner (runner.py): the one write path (send, read back a lost answer, audit every outcome) and the one poll loop."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import os

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import runner as runner_lib
from ansible_collections.koreai.campaign.plugins.module_utils.audit import AuditLog
from ansible_collections.koreai.campaign.plugins.module_utils.errors import (
    AuditLogError, KoreaiApiError, KoreaiError, KoreaiUnknownOutcome, WriteNotApplied)
from ansible_collections.koreai.campaign.plugins.module_utils.plan import change, no_change
from ansible_collections.koreai.campaign.plugins.module_utils.runner import Found

from ..fakes import STREAM
from ..helpers import audit_lines

PATH = '/api/v2/public/%s/campaign/trigger/cd-1' % STREAM
CAMPAIGN = {'id': 'cd-1', 'name': 'Renewals', 'type': 'voice', 'status': 'Active'}
NOT_SENT_AGAIN = ('; the request was not sent again, so that it cannot apply twice. Run the task again to retry')


@pytest.fixture
def audit_path(tmp_path):
    return tmp_path / 'audit' / 'writes.jsonl'


@pytest.fixture
def audited(runner, audit_path):
    def factory(**kwargs):
        return runner(audit=AuditLog(str(audit_path), 'koreai.campaign.voice_campaign'), **kwargs)
    return factory


def stop(client):
    return lambda: client.request('POST', PATH, 'stop voice campaign', body={}, write=True, campaign="'Renewals' (cd-1)")


# -- poll -----------------------------------------------------------------------------------------

def test_poll_backs_off_from_half_a_second_doubling_up_to_ten(runner, clock):
    reads = []
    polled = runner(wait_timeout=60).poll(lambda: reads.append(1) or len(reads), lambda value: False)
    assert clock.slept == [0.5, 1, 2, 4, 8, 10, 10, 10, 10]
    assert not polled.done and polled.value == len(reads) == 10


def test_poll_gives_up_before_the_next_sleep_would_pass_the_timeout(runner, clock):
    for timeout in (1, 1.5, 3, 10, 15.5, 16, 25.5, 60, 300):
        clock.now = 0.0
        del clock.slept[:]
        polled = runner(wait_timeout=timeout).poll(lambda: None, lambda value: False)
        assert clock.now <= timeout and polled.elapsed == clock.now
        assert clock.now + min(10, clock.slept[-1] * 2 if clock.slept else 0.5) > timeout


def test_poll_returns_the_elapsed_time_and_the_value_that_held(runner, clock):
    values = iter(['Ready', 'Ready', 'Ready', 'Active'])
    polled = runner().poll(lambda: next(values), lambda status: status == 'Active')
    assert polled.done and polled.value == 'Active' and polled.elapsed == pytest.approx(0.5 + 1 + 2)
    assert clock.slept == [0.5, 1, 2]


def test_poll_reads_at_once_and_does_not_sleep_when_done(runner, clock):
    polled = runner().poll(lambda: 'Active', lambda status: status == 'Active')
    assert polled.done and polled.elapsed == 0 and clock.slept == []


def test_poll_counts_the_time_reads_take(runner, clock):
    def slow_read():
        clock.now += 3
        return 'Ready'
    polled = runner().poll(slow_read, lambda status: False, timeout=10)
    assert clock.slept == [0.5, 1] and polled.elapsed == pytest.approx(10.5) and not polled.done


def test_poll_takes_its_own_timeout_first_and_most(runner, clock):
    polled = runner(wait_timeout=1000).poll(lambda: None, lambda value: False, timeout=20, first=1, most=4)
    assert clock.slept == [1, 2, 4, 4, 4, 4] and polled.elapsed == 19


def test_poll_with_a_timeout_shorter_than_the_first_sleep_reads_once(runner, clock):
    reads = []
    polled = runner().poll(lambda: reads.append(1), lambda value: False, timeout=0.1)
    assert len(reads) == 1 and clock.slept == [] and not polled.done


def test_read_back_window(runner):
    assert runner(wait_timeout=300).read_back_window(True) == 300
    assert runner(wait_timeout=300).read_back_window(False) == runner_lib.UNKNOWN_OUTCOME_WINDOW == 30
    assert runner(wait_timeout=10).read_back_window(False) == 10


# -- write ----------------------------------------------------------------------------------------

def test_success_is_audited_with_the_status_the_answer_gives(audited, client, adapter, audit_path):
    adapter.add(body={'status': 'Stopped', 'message': 'Campaign Stopped'})
    run = audited()
    assert run.write('stop campaign', CAMPAIGN, stop(client), status_after='Stopped') == {
        'status': 'Stopped', 'message': 'Campaign Stopped'}
    entry, = audit_lines(audit_path)
    assert (entry['operation'], entry['outcome'], entry['status_before'], entry['status_after'], entry['http_status'],
            entry['campaign_id'], entry['campaign_name'], entry['campaign_type']) == (
        'stop campaign', 'success', 'Active', 'Stopped', 200, 'cd-1', 'Renewals', 'voice')
    assert run.accepted == ["stop campaign 'Renewals' (cd-1)"] and run.warnings == []


def test_a_success_flag_is_not_a_status(audited, client, adapter, audit_path):
    adapter.add(body={'status': 'success', 'message': 'deleted'})
    audited().write('delete campaign', CAMPAIGN, stop(client), status_after='deleted')
    assert audit_lines(audit_path)[0]['status_after'] == 'deleted'


def test_failure_is_audited_and_raised(audited, client, adapter, audit_path):
    adapter.add(400, {'errors': [{'msg': 'Campaign is not running', 'code': 400}]})
    run = audited()
    with pytest.raises(KoreaiApiError) as info:
        run.write('stop campaign', CAMPAIGN, stop(client))
    entry, = audit_lines(audit_path)
    assert entry['outcome'] == 'failed' and entry['http_status'] == 400 and entry['status_after'] is None
    assert entry['detail'] == info.value.detail == 'Campaign is not running (code 400)'
    assert run.accepted == []


def test_a_non_api_error_is_audited_with_its_text(audited, audit_path):
    def send():
        raise KoreaiError('the Python library "requests" is required')
    with pytest.raises(KoreaiError):
        audited().write('stop campaign', CAMPAIGN, send)
    assert audit_lines(audit_path)[0]['detail'] == 'the Python library "requests" is required'


def test_unknown_outcome_without_read_back_is_audited_and_raised(audited, client, adapter, audit_path):
    adapter.add(500, {'errors': [{'msg': 'Internal error', 'code': 500}]})
    run = audited()
    with pytest.raises(KoreaiUnknownOutcome):
        run.write('stop campaign', CAMPAIGN, stop(client))
    entry, = audit_lines(audit_path)
    assert entry['outcome'] == 'unknown' and entry['http_status'] == 500
    assert 'may have been applied' in entry['detail']
    assert run.accepted == [] and len(adapter.requests) == 1


def test_unknown_outcome_read_back_applied(audited, client, adapter, audit_path):
    adapter.add(500, {'errors': [{'msg': 'Internal error', 'code': 500}]})
    run = audited()
    value = run.write('stop campaign', CAMPAIGN, stop(client),
                      lambda: Found(True, 'reading it back shows status Stopped, so it took effect', 'Stopped',
                                    {'status': 'Stopped'}))
    assert value == {'status': 'Stopped'}
    unknown, applied = audit_lines(audit_path)
    assert unknown['outcome'] == 'unknown' and applied['outcome'] == 'applied (read back)'
    assert applied['status_after'] == 'Stopped' and applied['campaign_id'] == 'cd-1'
    assert run.accepted == ["stop campaign 'Renewals' (cd-1)"]
    warning, = run.warnings
    assert warning.startswith("stop voice campaign for campaign 'Renewals' (cd-1) failed (HTTP 500")
    assert warning.endswith('; reading it back shows status Stopped, so it took effect')
    assert len(adapter.requests) == 1


def test_unknown_outcome_read_back_applied_names_the_found_subject(audited, client, adapter, audit_path):
    adapter.add(502, '<html>bad gateway</html>')
    placeholder = {'id': None, 'name': 'Renewals', 'type': 'voice', 'status': None}
    created = {'id': 'cd-new', 'name': 'Renewals', 'type': 'voice', 'status': 'Preparing'}
    run = audited()
    run.write('create campaign', placeholder, stop(client),
              lambda: Found(True, 'it was created', 'Preparing', created, subject=created))
    unknown, applied = audit_lines(audit_path)
    assert unknown['campaign_id'] is None and applied['campaign_id'] == 'cd-new'
    assert run.accepted == ["create campaign 'Renewals' (cd-new)"]


def test_unknown_outcome_read_back_not_applied(audited, client, adapter, audit_path):
    adapter.add(500, {'errors': [{'msg': 'Internal error', 'code': 500}]})
    run = audited()
    with pytest.raises(WriteNotApplied) as info:
        run.write('stop campaign', CAMPAIGN, stop(client), lambda: Found(False, 'Reading it back shows status Active'))
    message = str(info.value)
    assert message.startswith("stop voice campaign for campaign 'Renewals' (cd-1) failed (HTTP 500")
    assert message.endswith('. Reading it back shows status Active' + NOT_SENT_AGAIN)
    assert [e['outcome'] for e in audit_lines(audit_path)] == ['unknown', 'not applied (read back)']
    assert run.accepted == [] and run.warnings == [] and len(adapter.requests) == 1


def test_a_failing_read_back_says_what_was_sent(audited, client, adapter, audit_path):
    adapter.add(500, {'errors': [{'msg': 'Internal error', 'code': 500}]})

    def read_back():
        raise KoreaiApiError('get campaign', 'Invalid JWT token', status=401)
    with pytest.raises(KoreaiError) as info:
        audited().write('stop campaign', CAMPAIGN, stop(client), read_back)
    assert not isinstance(info.value, WriteNotApplied)
    assert 'Reading it back failed as well (get campaign failed (HTTP 401): Invalid JWT token)' in str(info.value)
    assert 'The request was not sent again; check the campaign before running the task again' in str(info.value)
    assert [e['outcome'] for e in audit_lines(audit_path)] == ['unknown']


def test_settle_applied_returns_the_warning(runner, audit_path):
    exc = KoreaiUnknownOutcome('stop voice campaign', 'HTTP 500: x; the request may have been applied', status=500)
    run = runner(audit=AuditLog(str(audit_path), 'm'))
    words = run.settle('stop campaign', CAMPAIGN, exc, Found(True, 'it took effect', 'Stopped'))
    assert words == '%s; it took effect' % exc
    assert audit_lines(audit_path)[0]['outcome'] == 'applied (read back)'
    assert run.warnings == []  # the caller decides where the words go


def test_settle_not_applied_raises(runner):
    exc = KoreaiUnknownOutcome('stop voice campaign', 'no response within 30 seconds; the request may have been applied')
    run = runner()
    with pytest.raises(WriteNotApplied) as info:
        run.settle('stop campaign', CAMPAIGN, exc, Found(False, 'Reading it back shows status Active'))
    assert str(info.value) == '%s. Reading it back shows status Active%s' % (exc, NOT_SENT_AGAIN)


def test_accepted_lists_every_write_that_took_effect(runner, client, adapter):
    run = runner()
    adapter.add(body={'status': 'Stopped'})
    run.write('stop campaign', CAMPAIGN, stop(client))
    adapter.add(400, {})
    with pytest.raises(KoreaiApiError):
        run.write('delete campaign', CAMPAIGN, stop(client))
    adapter.add(body={'status': 'success'})
    run.write('create contact list', {'id': None, 'name': 'Leads', 'type': 'contact list'}, stop(client))
    assert run.accepted == ["stop campaign 'Renewals' (cd-1)", "create contact list 'Leads'"]


def test_no_audit_trail_writes_nothing(runner, client, adapter, tmp_path):
    adapter.add(body={'status': 'Stopped'})
    runner().write('stop campaign', CAMPAIGN, stop(client))
    assert list(tmp_path.iterdir()) == []


# -- result and warnings --------------------------------------------------------------------------

def test_result_of_a_plan(runner):
    warned = []
    run = runner(warn=warned.append, check_mode=True)
    plan = change(['stop'], {'status': 'Active'}, {'status': 'Stopped'}, "campaign 'Renewals' (cd-1)", 'stopped',
                  'would be stopped', ' (was Active)', warnings=['careful'])
    result = run.result(plan, campaign=CAMPAIGN, schedule=None)
    assert result == {'changed': True, 'msg': "(check mode) campaign 'Renewals' (cd-1) would be stopped (was Active)",
                      'diff': {'before': {'status': 'Active'}, 'after': {'status': 'Stopped'}}, 'actions': ['stop'],
                      'campaign': CAMPAIGN}
    assert warned == ['careful'] and run.warnings == ['careful']


def test_result_of_a_no_change_plan(runner):
    result = runner().result(no_change({'status': 'Stopped'}, 'campaign is not running'))
    assert result == {'changed': False, 'msg': 'campaign is not running', 'actions': [],
                      'diff': {'before': {'status': 'Stopped'}, 'after': {'status': 'Stopped'}}}


def test_defaults(client):
    run = runner_lib.Runner(client)
    assert (run.check_mode, run.wait, run.wait_timeout, run.accepted, run.warnings, run.audit) == (
        False, True, 300, [], [], None)
    assert (runner_lib.POLL_FIRST, runner_lib.POLL_MAX) == (0.5, 10.0)


# -- concurrent runs: the write lock and converged outcomes (issue 17, item 6) --------------------

ALREADY = {'errors': [{'msg': 'Campaign Renewals is already Stopped', 'code': 409}]}


def shows(status):
    return lambda: Found(status == 'Stopped', 'reading it back shows status %s' % status, status)


def test_a_409_that_a_read_confirms_is_converged(runner, client, adapter, audit_path):
    adapter.add(409, ALREADY)
    run = runner(audit=AuditLog(str(audit_path), 'm'))
    answer = run.write('stop campaign', CAMPAIGN, stop(client), converged=shows('Stopped'))
    assert isinstance(answer, runner_lib.Converged) and answer == {'status': 'Stopped'}
    assert answer.words.startswith('the API answered: Campaign Renewals is already Stopped')
    assert run.accepted == [] and [e['outcome'] for e in audit_lines(audit_path)] == ['failed', 'converged']
    assert len(set(e['write_id'] for e in audit_lines(audit_path, intents=True))) == 1  # one write, one id


def test_a_409_that_a_read_does_not_confirm_is_raised(runner, client, adapter):
    adapter.add(409, {'errors': [{'msg': 'Campaign Renewals cannot be stopped', 'code': 409}]})
    with pytest.raises(KoreaiApiError) as info:
        runner().write('stop campaign', CAMPAIGN, stop(client), converged=shows('Active'))
    assert info.value.status == 409


def test_a_409_without_a_converged_read_is_raised(runner, client, adapter):
    adapter.add(409, ALREADY)
    with pytest.raises(KoreaiApiError):
        runner().write('stop campaign', CAMPAIGN, stop(client))


@pytest.mark.parametrize('status,message,done', [(409, 'anything', True), (400, 'Campaign is already Active', True),
                                                 (400, 'Campaign cannot be started', False),
                                                 (500, 'already', False)])
def test_already_done(status, message, done):
    assert runner_lib.already_done(KoreaiApiError('stop', message, status=status, api_message=message)) is done


def test_a_write_after_another_process_wrote_the_campaign_reads_first(runner, client, adapter, tmp_path):
    from ansible_collections.koreai.campaign.plugins.module_utils.write_lock import WriteLocks
    locks = WriteLocks('acct', state_dir=str(tmp_path))
    first, second = runner(locks=locks), runner(locks=locks)
    adapter.add(body={'status': 'Stopped'})
    first.write('stop campaign', CAMPAIGN, stop(client), converged=shows('Stopped'))
    answer = second.write('stop campaign', CAMPAIGN, stop(client), converged=shows('Stopped'))
    assert isinstance(answer, runner_lib.Converged) and answer.words.startswith('another run wrote it first')
    assert len(adapter.requests) == 1 and second.accepted == []


def test_a_write_after_another_wrote_sends_when_the_read_shows_it_is_still_needed(runner, client, adapter, tmp_path):
    from ansible_collections.koreai.campaign.plugins.module_utils.write_lock import WriteLocks
    locks = WriteLocks('acct', state_dir=str(tmp_path))
    first, second = runner(locks=locks), runner(locks=locks)
    adapter.add(body={'status': 'Stopped'}).add(body={'status': 'Stopped'})
    first.write('stop campaign', CAMPAIGN, stop(client), converged=shows('Stopped'))
    second.write('stop campaign', CAMPAIGN, stop(client), converged=shows('Active'))
    assert len(adapter.requests) == 2 and second.accepted == ["stop campaign 'Renewals' (cd-1)"]


def test_a_runs_own_earlier_write_needs_no_read_before_the_next(runner, client, adapter, tmp_path):
    from ansible_collections.koreai.campaign.plugins.module_utils.write_lock import WriteLocks
    run = runner(locks=WriteLocks('acct', state_dir=str(tmp_path)))
    adapter.add(body={'status': 'Stopped'}).add(body={'status': 'Active'})
    reads = []
    run.write('stop campaign', CAMPAIGN, stop(client), converged=lambda: reads.append(1) or Found(True, 'x'))
    run.write('start campaign', CAMPAIGN, stop(client), converged=lambda: reads.append(1) or Found(True, 'x'))
    assert reads == [] and len(adapter.requests) == 2


# -- the intent line before every write ---------------------------------------------------------------

def test_the_intent_is_written_before_the_write_is_sent(audited, client, adapter, audit_path):
    seen = []

    def send():
        seen.append(audit_lines(audit_path, intents=True))
        return {'status': 'Stopped'}
    audited().write('stop campaign', CAMPAIGN, send)
    (intent,), = seen
    assert intent['event'] == 'sending' and intent['campaign_id'] == CAMPAIGN['id']
    outcome, = audit_lines(audit_path)
    assert outcome['write_id'] == intent['write_id'] and outcome['event'] == 'outcome'


def test_an_unwritable_trail_sends_nothing(runner, tmp_path):
    (tmp_path / 'trail').mkdir()
    sent = []
    run = runner(audit=AuditLog(str(tmp_path / 'trail'), 'koreai.campaign.campaign_bulk'))
    with pytest.raises(AuditLogError):
        run.write('stop campaign', CAMPAIGN, lambda: sent.append(1))
    assert sent == [] and run.accepted == []


def test_an_outcome_that_cannot_be_written_still_counts_the_accepted_write(runner, tmp_path, monkeypatch):
    path = tmp_path / 'trail.jsonl'
    if os.geteuid() == 0:
        pytest.skip('root writes anywhere')
    run = runner(audit=AuditLog(str(path), 'm'))

    def send():
        os.chmod(str(path), 0o400)  # the trail turns read-only while the write is out
        return {'status': 'Stopped'}
    with pytest.raises(AuditLogError):
        run.write('stop campaign', CAMPAIGN, send)
    assert run.accepted  # fail_from reports changed=true and names it


def test_a_lost_answer_and_its_settlement_share_the_intents_write_id(audited, client, adapter, audit_path):
    def send():
        raise KoreaiUnknownOutcome('stop campaign', 'HTTP 502', status=502)
    run = audited()
    with pytest.raises(KoreaiUnknownOutcome) as info:
        run.write('stop campaign', CAMPAIGN, send)
    run.settle('stop campaign', CAMPAIGN, info.value, Found(True, 'it is Stopped', 'Stopped'))
    entries = audit_lines(audit_path, intents=True)
    assert [e['event'] for e in entries] == ['sending', 'outcome', 'outcome']
    assert len(set(e['write_id'] for e in entries)) == 1
