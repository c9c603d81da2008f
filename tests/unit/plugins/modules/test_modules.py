# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The modules' main() with only the HTTP layer faked: options, env fallbacks, errors, no_log."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json

import pytest
from ansible.module_utils.testing import patch_module_args

from ansible_collections.koreai.campaign.plugins.module_utils import client as client_lib
from ansible_collections.koreai.campaign.plugins.modules import (
    campaign_info, campaign_schedule, sms_campaign, voice_campaign)

from ..fakes import ACCOUNT, CLIENT_ID, HOST, SECRET, STREAM

CONNECTION = dict(host=HOST, client_id=CLIENT_ID, client_secret=SECRET, stream_id=STREAM, account_id=ACCOUNT)
VOICE = {'_id': 'cd-1', 'name': 'Renewals', 'lname': 'renewals', 'dialingMode': 'Progressive', 'status': 'Active',
         'createdAt': '2025-12-04T10:50:56.762Z', 'schedule': {'isSchedulingEnabled': False}}


@pytest.fixture(autouse=True)
def fake_http(adapter, monkeypatch):
    original = client_lib.KoreaiClient.__init__

    def init(self, *args, **kwargs):
        kwargs['sleep'] = lambda seconds: None
        original(self, *args, **kwargs)
        self.session.mount('https://', adapter)
        self.session.mount('http://', adapter)
    monkeypatch.setattr(client_lib.KoreaiClient, '__init__', init)
    for name in ('KOREAI_HOST', 'KOREAI_CLIENT_ID', 'KOREAI_CLIENT_SECRET', 'KOREAI_TOKEN', 'KOREAI_STREAM_ID',
                 'KOREAI_ACCOUNT_ID', 'KOREAI_TRIGGER_PATH'):
        monkeypatch.delenv(name, raising=False)


def run(module, args, capsys, check_mode=False, diff=False):
    args = dict(args)
    if check_mode:
        args['_ansible_check_mode'] = True
    if diff:
        args['_ansible_diff'] = True
    with patch_module_args(args):
        with pytest.raises(SystemExit):
            module.main()
    out = capsys.readouterr().out
    return json.loads(out), out


def test_info_lists_both_types(adapter, capsys):
    adapter.add(body={'data': {'results': [VOICE], 'hasMore': False}})
    adapter.add(body={'data': {'results': [{'id': 'cd-2', 'name': 'Texts', 'format': 'simple'}], 'hasMore': False}})
    result, dummy = run(campaign_info, CONNECTION, capsys)
    assert not result['changed'] and result['count'] == 2 and result['api_calls'] == 2
    assert [(c['id'], c['type']) for c in result['campaigns']] == [('cd-1', 'voice'), ('cd-2', 'sms')]


def test_info_by_id_missing_is_empty(adapter, capsys):
    adapter.add(404, {'errors': [{'msg': 'Campaign not found', 'code': 404}]})
    result, dummy = run(campaign_info, dict(CONNECTION, campaign_id='cd-x'), capsys)
    assert result['campaigns'] == [] and result['api_calls'] == 1


def test_info_name_filter(adapter, capsys):
    adapter.add(body={'data': {'results': [VOICE, dict(VOICE, _id='cd-3', name='Other', lname='other')],
                               'hasMore': False}})
    result, dummy = run(campaign_info, dict(CONNECTION, campaign_type='voice', name='RENEWALS'), capsys)
    assert [c['id'] for c in result['campaigns']] == ['cd-1']


def test_connection_options_from_environment(adapter, capsys, monkeypatch):
    for option, value in CONNECTION.items():
        monkeypatch.setenv('KOREAI_' + option.upper(), value)
    adapter.add(body={'data': {'results': [], 'hasMore': False}})
    result, dummy = run(campaign_info, {'campaign_type': 'voice'}, capsys)
    assert not result.get('failed') and adapter.requests[0].url.startswith(HOST + '/campaign/api/v2/public/' + STREAM)
    assert adapter.requests[0].headers['accountId'] == ACCOUNT


@pytest.mark.parametrize('missing,message', [
    ('client_secret', 'no credentials: set client_id and client_secret'),
    ('stream_id', 'stream_id is required (option stream_id or environment variable KOREAI_STREAM_ID)'),
    ('account_id', 'KOREAI_ACCOUNT_ID'),
])
def test_missing_connection_options_fail_before_any_request(adapter, capsys, missing, message):
    args = dict(CONNECTION)
    del args[missing]
    result, dummy = run(voice_campaign, dict(args, campaign_id='cd-1', state='stopped'), capsys)
    assert result['failed'] and message in result['msg'] and adapter.requests == []


def test_bad_host_fails_before_any_request(adapter, capsys):
    result, dummy = run(campaign_info, dict(CONNECTION, host='platform.kore.ai'), capsys)
    assert result['failed'] and 'host must be a base URL' in result['msg'] and adapter.requests == []


def test_both_identities_fail_before_any_request(adapter, capsys):
    result, dummy = run(voice_campaign, dict(CONNECTION, campaign_id='cd-1', name='x', state='stopped'), capsys)
    assert result['failed'] and 'mutually exclusive' in result['msg'] and adapter.requests == []


def test_stop_is_one_read_one_write_and_a_poll(adapter, capsys):
    adapter.add(body={'data': VOICE})
    adapter.add(body={'status': 'Stopped', 'message': 'Campaign Stopped', 'campaignInstanceId': 'cid-1'})
    adapter.add(body={'data': {'id': 'cd-1', 'status': 'Stopped'}})
    result, dummy = run(voice_campaign, dict(CONNECTION, campaign_id='cd-1', state='stopped'), capsys, diff=True)
    assert result['changed'] and result['api_calls'] == 3
    assert result['diff'] == {'before': {'status': 'Active'}, 'after': {'status': 'Stopped'}}


def test_no_op_is_one_read(adapter, capsys):
    adapter.add(body={'data': dict(VOICE, status='Stopped')})
    result, dummy = run(voice_campaign, dict(CONNECTION, campaign_id='cd-1', state='stopped'), capsys)
    assert not result['changed'] and result['api_calls'] == 1 and 'diff' not in result


def test_sms_module_refuses_a_voice_campaign(adapter, capsys):
    adapter.add(body={'data': VOICE})
    result, dummy = run(sms_campaign, dict(CONNECTION, campaign_id='cd-1', state='stopped'), capsys)
    assert result['failed'] and 'koreai.campaign.voice_campaign' in result['msg']


def test_sms_delete_uses_the_v1_seed_endpoint_by_default(adapter, capsys):
    sms = {'_id': 'cd-s', 'name': 'Texts', 'format': 'simple', 'message': {}, 'status': 'Stopped',
           'schedule': {'isSchedulingEnabled': False}}
    adapter.add(body={'data': sms})
    adapter.add(body={'status': 'success', 'data': sms})
    result, dummy = run(sms_campaign, dict(CONNECTION, campaign_id='cd-s', state='absent'), capsys)
    assert result['changed']
    assert adapter.requests[1].path == '/agentassist/api/v1/public/%s/campaign/cd-s' % STREAM


def test_schedule_validation_fails_before_any_request(adapter, capsys):
    args = dict(CONNECTION, campaign='x', recurrence='weekly', start='2026-01-27 18:29:00', end='2099-01-01 00:00:00')
    result, dummy = run(campaign_schedule, args, capsys)
    assert result['failed'] and 'needs days' in result['msg'] and adapter.requests == []


def test_unknown_campaign_name(adapter, capsys):
    adapter.add(body={'data': {'results': [VOICE], 'hasMore': False}})
    args = dict(CONNECTION, campaign='Renewal', campaign_type='voice', state='disabled')
    result, dummy = run(campaign_schedule, args, capsys)
    assert result['failed'] and "did you mean 'Renewals'" in result['msg'] and result['api_calls'] == 1


def test_secrets_never_reach_the_output(adapter, capsys):
    def echo(request):
        return {'errors': [{'msg': 'Invalid SDK credentials %s %s' % (SECRET, request.headers['auth']), 'code': 4002}]}
    adapter.add(401, echo)
    result, out = run(voice_campaign, dict(CONNECTION, campaign_id='cd-1', state='stopped'), capsys)
    assert result['failed'] and 'HTTP 401' in result['msg'] and 'Invalid SDK credentials' in result['msg']
    token = adapter.requests[0].headers['auth']
    assert SECRET not in out and token not in out


def test_ready_token_never_reaches_the_output(adapter, capsys):
    token = 'eyJhbGciOiJIUzI1NiJ9.eyJhcHBJZCI6ImNzLXgifQ.c2lnbmF0dXJlLXZhbHVlLXRoYXQtaXMtbG9uZw'
    args = dict(CONNECTION, token=token)
    del args['client_secret']
    adapter.add(400, {'errors': [{'msg': 'bad token ' + token, 'code': 400}]})
    result, out = run(campaign_info, args, capsys)
    assert result['failed'] and token not in out
