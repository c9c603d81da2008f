# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""voice_campaign's main() with only the HTTP layer faked: options, states, check mode, errors and no_log."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import os

import pytest

from ansible_collections.koreai.campaign.plugins.modules import voice_campaign

from ..fakes import SECRET, STREAM
from ..helpers import VOICE_OPTIONS
from ..module_args import patch_module_args
from .support import (
    CONNECTION, NOT_SENT_AGAIN, VOICE, listing, main_result, module_args, status_answer, warning_texts)


def run(args, capsys, check_mode=False, diff=False):
    with patch_module_args(module_args(args, check_mode, diff)):
        return main_result(voice_campaign, capsys)


@pytest.mark.parametrize('missing,message', [
    ('client_secret', 'no credentials: set client_id and client_secret'),
    ('stream_id', 'stream_id is required (option stream_id or environment variable KOREAI_STREAM_ID)'),
    ('account_id', 'KOREAI_ACCOUNT_ID'),
])
def test_missing_connection_options_fail_before_any_request(adapter, capsys, missing, message):
    args = dict(CONNECTION)
    del args[missing]
    result, dummy = run(dict(args, campaign_id='cd-1', state='stopped'), capsys)
    assert result['failed'] and message in result['msg'] and adapter.requests == []


def test_both_identities_fail_before_any_request(adapter, capsys):
    result, dummy = run(dict(CONNECTION, campaign_id='cd-1', name='x', state='stopped'), capsys)
    assert result['failed'] and 'mutually exclusive' in result['msg'] and adapter.requests == []


def test_stop_is_one_read_one_write_and_a_poll(adapter, capsys):
    adapter.add(body={'data': VOICE})
    adapter.add(body={'status': 'Stopped', 'message': 'Campaign Stopped', 'campaignInstanceId': 'cid-1'})
    adapter.add(body={'data': {'id': 'cd-1', 'status': 'Stopped'}})
    result, dummy = run(dict(CONNECTION, campaign_id='cd-1', state='stopped'), capsys, diff=True)
    assert result['changed'] and result['api_calls'] == 3
    assert result['diff'] == {'before': {'status': 'Active'}, 'after': {'status': 'Stopped'}}


def test_stop_result(adapter, capsys):
    adapter.add(body={'data': VOICE})
    adapter.add(body={'status': 'Stopped', 'campaignInstanceId': 'cid-1'})
    adapter.add(body=status_answer('Stopped'))
    result, dummy = run(dict(CONNECTION, campaign_id='cd-1', state='stopped'), capsys)
    assert result['msg'] == "campaign 'Renewals' (cd-1) stopped (was Active)" and result['actions'] == ['stop']
    assert result['campaign']['status'] == 'Stopped' and result['campaign_instance_id'] == 'cid-1'
    assert adapter.requests[1].path == '/api/v2/public/%s/campaign/trigger/cd-1' % STREAM


def test_no_op_is_one_read(adapter, capsys):
    adapter.add(body={'data': dict(VOICE, status='Stopped')})
    result, dummy = run(dict(CONNECTION, campaign_id='cd-1', state='stopped'), capsys)
    assert not result['changed'] and result['api_calls'] == 1 and 'diff' not in result


def test_check_mode_stop_sends_no_write(adapter, capsys):
    adapter.add(body={'data': VOICE})
    result, dummy = run(dict(CONNECTION, campaign_id='cd-1', state='stopped'), capsys, check_mode=True)
    assert result['changed'] and result['msg'] == "(check mode) campaign 'Renewals' (cd-1) would be stopped (was Active)"
    assert [r.method for r in adapter.requests] == ['GET']


def test_check_mode_delete_by_name_reads_only_the_list(adapter, capsys):
    adapter.add(body=listing(dict(VOICE, name='Leads deleted in May', lname='leads deleted in may', status='Ready')))
    adapter.add(body=listing())
    result, dummy = run(dict(CONNECTION, name='Leads deleted in May', state='absent'), capsys, check_mode=True)
    assert result['changed'] and result['msg'] == "(check mode) campaign 'Leads deleted in May' (cd-1) would be deleted"
    assert [r.method for r in adapter.requests] == ['POST'] and result['api_calls'] == 1


def test_delete_by_name_reads_the_whole_object_and_backs_it_up(adapter, capsys, tmp_path):
    full = dict(VOICE, status='Stopped', description='the whole object')
    adapter.add(body=listing(dict(VOICE, status='Stopped')))
    adapter.add(body={'data': full})
    adapter.add(body={'status': 'success', 'message': 'Campaign Renewals deleted successfully'})
    args = dict(CONNECTION, name='Renewals', state='absent', backup=True, backup_dir=str(tmp_path / 'bk'))
    result, dummy = run(args, capsys)
    assert result['changed'] and result['msg'] == "campaign 'Renewals' (cd-1) deleted"
    assert [r.method for r in adapter.requests] == ['POST', 'GET', 'DELETE']
    assert adapter.requests[2].path == '/campaign/api/v2/public/%s/campaign/cd-1' % STREAM
    with open(result['backup_file']) as handle:
        assert json.load(handle)['description'] == 'the whole object'
    assert os.path.dirname(result['backup_file']) == str(tmp_path / 'bk')


def test_delete_of_a_missing_campaign_is_no_change(adapter, capsys):
    adapter.add(404, {'errors': [{'msg': 'Campaign not found', 'code': 404}]})
    result, dummy = run(dict(CONNECTION, campaign_id='cd-9', state='absent'), capsys)
    assert not result['changed'] and result['msg'] == 'campaign does not exist'


def test_start_of_a_missing_name_fails_with_close_matches(adapter, capsys):
    adapter.add(body=listing(VOICE)).add(body=listing())
    result, dummy = run(dict(CONNECTION, name='Renewal', state='started'), capsys)
    assert result['failed'] and result['msg'] == "no voice campaign is named 'Renewal'; did you mean 'Renewals'?"


def test_start_of_an_sms_campaign_by_name_names_sms_campaign(adapter, capsys):
    adapter.add(body=listing(VOICE)).add(body=listing({'_id': 'cd-7', 'name': 'Texts', 'format': 'simple'}))
    result, dummy = run(dict(CONNECTION, name='Texts', state='started'), capsys)
    assert result['failed'] and result['msg'] == (
        "no voice campaign is named 'Texts'; 'Texts' is an SMS campaign (cd-7); manage it with "
        "koreai.campaign.sms_campaign")
    assert [r.method for r in adapter.requests] == ['POST', 'POST']


def test_present_by_a_missing_id_fails(adapter, capsys):
    adapter.add(404, {'errors': [{'msg': 'Campaign not found', 'code': 404}]}).add(body=listing()).add(body=listing())
    result, dummy = run(dict(CONNECTION, campaign_id='cd-9', state='present', priority=3), capsys)
    assert result['failed'] and result['msg'] == 'no voice campaign has id cd-9 (the API answered 404)'


def test_present_creates_a_missing_campaign(adapter, capsys):
    adapter.add(body=listing())
    adapter.add(body={'status': 'success', 'data': {'_id': 'cd-new', 'name': 'Renewals', 'status': 'Ready',
                                                    'dialingMode': 'Progressive'}})
    result, dummy = run(dict(CONNECTION, name='Renewals', state='present', **VOICE_OPTIONS), capsys)
    assert result['changed'] and result['msg'] == "campaign 'Renewals' (cd-new) created"
    assert result['actions'] == ['create'] and result['api_calls'] == 2
    assert adapter.requests[1].body['name'] == 'Renewals' and adapter.requests[1].body['dialingMode'] == 'Progressive'


def test_present_in_check_mode_reads_only(adapter, capsys):
    adapter.add(body=listing())
    result, dummy = run(dict(CONNECTION, name='Renewals', state='present', **VOICE_OPTIONS), capsys, check_mode=True)
    assert result['changed'] and result['msg'] == '(check mode) campaign would be created' and result['api_calls'] == 1


def test_present_options_are_checked_before_any_request(adapter, capsys):
    result, dummy = run(dict(CONNECTION, name='Renewals', state='present', priority=9), capsys)
    assert result['failed'] and 'priority=9 must be a whole number from 1 to 5' in result['msg']
    assert adapter.requests == []


def test_configuration_options_need_state_present(adapter, capsys):
    result, dummy = run(dict(CONNECTION, campaign_id='cd-1', state='stopped', priority=3, ring_time=30), capsys)
    assert result['failed'] and result['msg'] == 'priority, ring_time only apply with state=present'
    assert adapter.requests == []


def test_wait_timeout_must_be_positive(adapter, capsys):
    result, dummy = run(dict(CONNECTION, campaign_id='cd-1', state='stopped', wait_timeout=0), capsys)
    assert result['failed'] and result['msg'] == 'wait_timeout must be at least 1 second' and adapter.requests == []


def test_a_failure_after_an_accepted_write_reports_the_change(adapter, capsys):
    adapter.add(body={'data': VOICE})
    adapter.add(body={'status': 'Stopped'}).add(body=status_answer('Stopped'))
    adapter.add(400, {'errors': [{'msg': 'Campaign cannot be deleted', 'code': 400}]})
    result, dummy = run(dict(CONNECTION, campaign_id='cd-1', state='absent', force=True), capsys)
    assert result['failed'] and result['changed']
    assert result['accepted_writes'] == ["stop campaign 'Renewals' (cd-1)"]
    assert result['msg'].startswith("the API accepted stop campaign 'Renewals' (cd-1), then: delete voice campaign for "
                                    "campaign 'Renewals' (cd-1) failed (HTTP 400")
    assert result['api_calls'] == 4


def test_a_lost_answer_not_applied_fails_without_resending(adapter, capsys):
    adapter.add(body={'data': VOICE})
    adapter.add(500, {'errors': [{'msg': 'Internal error', 'code': 500}]})
    for dummy in range(10):
        adapter.add(body=status_answer('Active'))
    result, dummy = run(dict(CONNECTION, campaign_id='cd-1', state='stopped', wait_timeout=5), capsys)
    assert result['failed'] and not result.get('changed') and 'accepted_writes' not in result
    assert result['msg'].endswith(NOT_SENT_AGAIN)
    assert len([r for r in adapter.requests if 'trigger' in dict(r.query)]) == 1


def test_a_lost_answer_applied_warns(adapter, capsys):
    adapter.add(body={'data': VOICE})
    adapter.add(502, '<html>bad gateway</html>').add(body=status_answer('Stopped'))
    result, dummy = run(dict(CONNECTION, campaign_id='cd-1', state='stopped'), capsys)
    assert result['changed'] and not result.get('failed')
    warnings = warning_texts(result)
    assert len(warnings) == 1 and warnings[0].startswith("stop voice campaign for campaign 'Renewals' (cd-1) failed "
                                                         '(HTTP 502')
    assert warnings[0].endswith('; reading it back shows status Stopped, so it took effect')


def test_audit_log_from_the_environment(adapter, capsys, monkeypatch, tmp_path):
    path = tmp_path / 'audit' / 'writes.jsonl'
    monkeypatch.setenv('KOREAI_AUDIT_LOG', str(path))
    adapter.add(body={'data': VOICE}).add(body={'status': 'Stopped'}).add(body=status_answer('Stopped'))
    run(dict(CONNECTION, campaign_id='cd-1', state='stopped', _ansible_module_name='koreai.campaign.voice_campaign'),
        capsys)
    intent, entry = [json.loads(line) for line in path.read_text().splitlines()]
    assert (entry['module'], entry['operation'], entry['outcome'], entry['campaign_id']) == (
        'koreai.campaign.voice_campaign', 'stop campaign', 'success', 'cd-1')
    assert (intent['event'], entry['event'], intent['write_id']) == ('sending', 'outcome', entry['write_id'])


def test_an_unwritable_audit_log_fails_before_any_write(adapter, capsys, tmp_path):
    """A directory where the trail should be: the stop is never sent, the message names the file."""
    path = tmp_path / 'audit.jsonl'
    path.mkdir()
    adapter.add(body={'data': VOICE})
    result, dummy = run(dict(CONNECTION, campaign_id='cd-1', state='stopped', audit_log=str(path)), capsys)
    assert result['failed'] and not result.get('changed')
    assert 'the audit log %s cannot be written (it is a directory)' % path in result['msg']
    assert [r.method for r in adapter.requests] == ['GET']


def test_no_audit_trail_in_check_mode(adapter, capsys, tmp_path):
    path = tmp_path / 'audit.jsonl'
    adapter.add(body={'data': VOICE})
    run(dict(CONNECTION, campaign_id='cd-1', state='stopped', audit_log=str(path)), capsys, check_mode=True)
    assert not path.exists()


def test_trigger_path_from_the_environment(adapter, capsys, monkeypatch):
    monkeypatch.setenv('KOREAI_TRIGGER_PATH', 'v1')
    adapter.add(body={'data': VOICE}).add(body={'status': 'Stopped'})
    run(dict(CONNECTION, campaign_id='cd-1', state='stopped', wait=False), capsys)
    assert adapter.requests[1].path == '/campaign/api/v1/public/%s/campaign/cd-1' % STREAM


def test_secrets_never_reach_the_output(adapter, capsys):
    def echo(request):
        return {'errors': [{'msg': 'Invalid SDK credentials %s %s' % (SECRET, request.headers['auth']), 'code': 4002}]}
    adapter.add(401, echo)
    result, out = run(dict(CONNECTION, campaign_id='cd-1', state='stopped'), capsys)
    assert result['failed'] and 'HTTP 401' in result['msg'] and 'Invalid SDK credentials' in result['msg']
    token = adapter.requests[0].headers['auth']
    assert SECRET not in out and token not in out
