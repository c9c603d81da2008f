# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""voice_campaign and sms_campaign against the sandbox: seed pages, lifecycle, idempotency, safety."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import os
import stat

import pytest

from .conftest import ACCOUNT, STREAM

VOICE_READY = 'cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx'
SMS_STOPPED = 'cd-3aefda80-f98e-5f4f-ad41-92803abbxxxx'
VOICE_ACTIVE = 'cd-5c2f9e1-4b7a-4d3e-9f21-8a6b0c4xxxxx'
VOICE_SCHEDULED = 'cd-3f6e8d2-1a2b-4c3d-8e4f-5a6b7c8xxxxx'
VOICE_PREPARING = 'cd-9e14b72-88cc-4544-9a98-7aee9b7xxxxx'


def writes(sandbox):
    return [r for r in sandbox.control.requests_log() if r['write']]


def exists(sandbox, campaign_id):
    return any(c['_id'] == campaign_id for c in sandbox.control.campaigns())


def task(module, **args):
    return {'koreai.campaign.%s_campaign' % module: args}


def test_stop_voice_as_the_seed_page_shows(ansible, sandbox):
    rc, results, output = ansible.playbook([task('voice', campaign_id=VOICE_ACTIVE, state='stopped')])
    assert rc == 0, output
    (sent,) = writes(sandbox)
    assert sent['method'] == 'POST'
    assert sent['path'] == '/api/v2/public/%s/campaign/trigger/%s' % (STREAM, VOICE_ACTIVE)
    assert sent['query_string'] == 'accountId=%s&campaignType=voice&trigger=stop' % ACCOUNT
    assert sent['body'] == {}
    assert sent['headers']['iid'] == STREAM and sent['headers']['accountId'] == ACCOUNT
    assert sent['headers']['content_type'].startswith('application/json')
    assert sent['headers']['auth_claims']['appId']
    assert results[0]['campaign']['status'] == 'Stopped' and results[0]['campaign_instance_id'].startswith('cid-')


def test_delete_voice_v2_as_the_seed_page_shows(ansible, sandbox):
    rc, results, output = ansible.playbook([task('voice', campaign_id=VOICE_READY, state='absent')])
    assert rc == 0, output
    (sent,) = writes(sandbox)
    assert sent['method'] == 'DELETE'
    assert sent['path'] == '/campaign/api/v2/public/%s/campaign/%s' % (STREAM, VOICE_READY)
    assert sent['query_string'] == 'accountId=%s&campaignType=voice' % ACCOUNT
    assert sent['body'] is None and not sent['headers'].get('content_type')
    assert sent['headers']['iid'] == STREAM and sent['headers']['accountId'] == ACCOUNT
    assert results[0]['campaign']['name'] == 'Service Renewal Outreach Campaign61'
    assert results[0]['campaign']['dncLists']['name'] == 'DNC CL Dec 4'


def test_delete_sms_v1_as_the_seed_page_shows(ansible, sandbox):
    rc, results, output = ansible.playbook([task('sms', campaign_id=SMS_STOPPED, state='absent')])
    assert rc == 0, output
    (sent,) = writes(sandbox)
    assert sent['method'] == 'DELETE'
    assert sent['path'] == '/agentassist/api/v1/public/%s/campaign/%s' % (STREAM, SMS_STOPPED)
    assert sent['query_string'] == 'campaignType=sms'
    assert sent['headers']['iid'] == STREAM and sent['headers']['accountId'] == ACCOUNT


def test_sms_delete_v2_on_request(ansible, sandbox):
    rc, results, output = ansible.playbook([task('sms', campaign_id=SMS_STOPPED, state='absent', delete_api='v2')])
    assert rc == 0, output
    (sent,) = writes(sandbox)
    assert sent['path'] == '/campaign/api/v2/public/%s/campaign/%s' % (STREAM, SMS_STOPPED)
    assert sent['query_string'] == 'accountId=%s&campaignType=sms' % ACCOUNT


@pytest.mark.parametrize('module', ['voice', 'sms'])
@pytest.mark.parametrize('mode', ['strict', 'tolerant'])
def test_start_stop_absent_each_twice(ansible, sandbox, module, mode, tmp_path):
    sandbox.control.configure(mode=mode)
    created = sandbox.control.seed_campaign(type=module, name='Lifecycle %s %s' % (module, mode), status='Ready')
    name = created['name']
    steps = []
    for state in ('started', 'stopped', 'started', 'absent'):
        args = dict(name=name, state=state)
        if state == 'absent':
            args.update(force=True, backup=True, backup_dir=str(tmp_path / 'backups'))
        steps += [task(module, **args), task(module, **args)]
    rc, results, output = ansible.playbook(steps, diff=True)
    assert rc == 0, output
    assert [r['changed'] for r in results] == [True, False] * 4, [r.get('msg') for r in results]
    assert [r['operation'] for r in writes(sandbox)] == ['trigger', 'trigger', 'trigger', 'trigger', 'delete_campaign']
    triggers = [r['query']['trigger'] for r in writes(sandbox) if r['operation'] == 'trigger']
    assert triggers == ['play', 'stop', 'play', 'stop']
    deleted = results[6]
    assert deleted['actions'] == ['stop', 'delete'] and deleted['diff']['after'] == {}
    backup = deleted['backup_file']
    assert json.load(open(backup))['_id'] == created['_id']
    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600
    assert not exists(sandbox, created['_id'])


def test_check_mode_sends_no_write(ansible, sandbox):
    rc, results, output = ansible.playbook([
        task('voice', campaign_id=VOICE_ACTIVE, state='stopped'),
        task('voice', campaign_id=VOICE_READY, state='started'),
        task('voice', campaign_id=VOICE_ACTIVE, state='absent', force=True, backup=True),
    ], check=True, diff=True)
    assert rc == 0, output
    assert [r['changed'] for r in results] == [True, True, True]
    assert results[2]['actions'] == ['stop', 'delete'] and 'backup_file' not in results[2]
    assert writes(sandbox) == []


def test_refuses_to_delete_running_without_force(ansible, sandbox):
    rc, results, output = ansible.playbook([task('voice', campaign_id=VOICE_ACTIVE, state='absent')])
    assert results[0]['failed']
    assert 'refusing to delete' in results[0]['msg'] and 'Active' in results[0]['msg']
    assert 'force=true' in results[0]['msg']
    assert writes(sandbox) == []


def test_force_deletes_an_active_scheduled_campaign(ansible, sandbox):
    sandbox.control.set_campaign(VOICE_ACTIVE, schedule={'isSchedulingEnabled': True, 'isRecurrenceEnabled': True})
    rc, results, output = ansible.playbook([task('voice', campaign_id=VOICE_ACTIVE, state='absent', force=True,
                                                 wait=False)])
    assert rc == 0, output
    assert [r['operation'] for r in writes(sandbox)] == ['trigger', 'schedule_disable', 'delete_campaign']
    assert not exists(sandbox, VOICE_ACTIVE)


def test_start_of_a_scheduled_campaign_is_refused(ansible, sandbox):
    rc, results, output = ansible.playbook([task('voice', campaign_id=VOICE_SCHEDULED, state='started')])
    assert results[0]['failed'] and 'campaign_schedule state=disabled' in results[0]['msg']
    assert writes(sandbox) == []


def test_preparing_is_waited_for_then_started(ansible, sandbox):
    rc, results, output = ansible.playbook([task('voice', campaign_id=VOICE_PREPARING, state='started')])
    assert rc == 0, output
    assert results[0]['campaign']['status'] == 'Active'
    assert [r['query']['trigger'] for r in writes(sandbox)] == ['play']


def test_wait_timeout_reports_the_last_status(ansible, sandbox):
    sandbox.control.configure(lag_reads=1000)
    rc, results, output = ansible.playbook([task('voice', campaign_id=VOICE_ACTIVE, state='stopped',
                                                 wait_timeout=2)])
    assert results[0]['failed']
    assert 'timed out after' in results[0]['msg'] and 'last status seen: Active' in results[0]['msg']
    assert len(writes(sandbox)) == 1


def test_lagging_reads_are_waited_out(ansible, sandbox):
    sandbox.control.configure(lag_reads=2)
    rc, results, output = ansible.playbook([task('voice', campaign_id=VOICE_ACTIVE, state='stopped')])
    assert rc == 0, output
    assert len(writes(sandbox)) == 1


def test_unknown_id_and_ambiguous_name(ansible, sandbox):
    sandbox.control.seed_campaign(type='voice', name='Twins')
    sandbox.control.seed_campaign(type='voice', name='TWINS')
    rc, results, output = ansible.playbook([
        task('voice', campaign_id='cd-does-not-exist', state='stopped'),
        task('voice', campaign_id='cd-does-not-exist', state='absent'),
        task('voice', name='twins', state='stopped'),
        task('voice', name='Servic Renewal Outreach Campaign61', state='started'),
    ])
    missing, absent, ambiguous, close = results
    assert missing['failed'] and 'no voice campaign has id cd-does-not-exist' in missing['msg']
    assert not absent.get('failed') and not absent['changed']
    assert ambiguous['failed'] and 'matches 2 campaigns' in ambiguous['msg']
    assert close['failed'] and "did you mean 'Service Renewal Outreach Campaign61'" in close['msg']
    assert writes(sandbox) == []


def test_wrong_module_for_the_type(ansible, sandbox):
    rc, results, output = ansible.playbook([task('sms', campaign_id=VOICE_ACTIVE, state='stopped')])
    assert results[0]['failed'] and 'koreai.campaign.voice_campaign' in results[0]['msg']
    assert writes(sandbox) == []


@pytest.mark.parametrize('style,path', [
    ('campaign', '/campaign/api/v2/public/{s}/campaign/trigger/{c}'),
    ('api', '/api/v2/public/{s}/campaign/trigger/{c}'),
    ('v1', '/campaign/api/v1/public/{s}/campaign/{c}'),
])
def test_trigger_path_styles(ansible, sandbox, style, path):
    rc, results, output = ansible.playbook([task('voice', campaign_id=VOICE_ACTIVE, state='stopped',
                                                 trigger_path=style)])
    assert rc == 0, output
    assert writes(sandbox)[0]['path'] == path.format(s=STREAM, c=VOICE_ACTIVE)


def test_adhoc_stop_with_environment_credentials(ansible, sandbox):
    rc, result, output = ansible.adhoc('koreai.campaign.voice_campaign',
                                       'campaign_id=%s state=stopped' % VOICE_ACTIVE)
    assert rc == 0, output
    assert result['changed'] and result['campaign']['status'] == 'Stopped'
    rc, result, output = ansible.adhoc('koreai.campaign.voice_campaign',
                                       'campaign_id=%s state=stopped' % VOICE_ACTIVE)
    assert rc == 0 and not result['changed'] and result['api_calls'] == 1
    assert len(writes(sandbox)) == 1


def test_audit_trail_records_every_write_and_no_secret(ansible, sandbox, tmp_path):
    audit = tmp_path / 'audit.jsonl'
    rc, results, output = ansible.playbook([
        task('voice', campaign_id=VOICE_ACTIVE, state='stopped'),
        task('voice', campaign_id=VOICE_ACTIVE, state='stopped'),
        task('voice', campaign_id=VOICE_ACTIVE, state='absent'),
    ], env={'KOREAI_AUDIT_LOG': str(audit)})
    assert rc == 0, output
    entries = [e for e in map(json.loads, audit.read_text().splitlines()) if e['event'] != 'sending']
    assert [(e['operation'], e['status_before'], e['status_after'], e['outcome'], e['http_status'])
            for e in entries] == [('stop campaign', 'Active', 'Stopped', 'success', 200),
                                  ('delete campaign', 'Stopped', 'deleted', 'success', 200)]
    assert all(e['campaign_id'] == VOICE_ACTIVE and e['module'] == 'koreai.campaign.voice_campaign' for e in entries)
    text = audit.read_text()
    assert ansible.env['KOREAI_CLIENT_SECRET'] not in text and 'eyJ' not in text
