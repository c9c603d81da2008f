# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""state=present for voice and SMS campaigns, and contact_list, against the sandbox."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import base64

import pytest

from .conftest import ACCOUNT, STREAM

HOURS = {'timezone': 'Asia/Kolkata', 'days': [{'day': 'mon', 'start': '9:00 AM', 'end': '6:00 PM'},
                                              {'day': 'tue', 'start': '09:00', 'end': '18:00'}]}
VOICE = {'name': 'Code Renewals', 'state': 'present', 'description': 'Renewal calls from code',
         'contact_lists': ['CL Only 2020 Dec 4'], 'dnc_list': 'DNC CL Dec 4', 'priority': 4,
         'dialing_mode': 'progressive', 'queue': 'Default Queue', 'caller_id': '+18163300000',
         'calling_hours': HOURS}
SMS = {'name': 'Code Texts', 'state': 'present', 'description': 'Texts from code',
       'contact_lists': ['Renewal Due - May/June 2025'], 'format': 'simple',
       'text': 'Message for your targeted customer', 'caller_id': '+919876543210', 'calling_hours': HOURS}


def writes(sandbox):
    return [r for r in sandbox.control.requests_log() if r['write']]


def test_voice_create_then_no_op_then_one_field(ansible, sandbox):
    task = {'koreai.campaign.voice_campaign': VOICE}
    changed = {'koreai.campaign.voice_campaign': dict(VOICE, ring_time=45)}
    rc, results, output = ansible.playbook([task, task, changed, changed], diff=True)
    assert rc == 0, output
    created, again, updated, updated_again = results
    assert created['changed'] and created['campaign']['status'] == 'Ready'
    assert not again['changed'] and not updated_again['changed']
    assert updated['diff'] == {'before': {'ring_time': 30}, 'after': {'ring_time': 45}}
    sent = writes(sandbox)
    assert [(w['method'], w['status_code']) for w in sent] == [('POST', 200), ('PUT', 200)]
    create, update = sent
    assert create['path'] == '/campaign/api/v2/public/%s/campaign' % STREAM
    assert create['query_string'] == 'accountId=%s&campaignType=voice' % ACCOUNT
    body = create['body']
    assert body['dialingMode'] == 'Progressive' and body['priority'] == '4' and body['queue_name'] == 'Default Queue'
    assert body['dialingStrategy']['callingHours']['days'][1] == {'day': 'TU', 'start': '9:00 AM', 'end': '6:00 PM'}
    assert update['path'].endswith('/campaign/' + created['campaign']['id'])
    assert update['body']['dialingStrategy']['maxRingTime'] == 45


def test_sms_simple_message_is_sent_base64_and_compared_decoded(ansible, sandbox):
    task = {'koreai.campaign.sms_campaign': SMS}
    rc, results, output = ansible.playbook([task, task])
    assert rc == 0, output
    assert results[0]['changed'] and not results[1]['changed']
    (create,) = writes(sandbox)
    encoded = create['body']['message']['message']
    assert base64.b64decode(encoded).decode() == SMS['text']
    assert create['query']['campaignType'] == 'sms'


def test_check_mode_creates_nothing(ansible, sandbox):
    rc, results, output = ansible.playbook([{'koreai.campaign.voice_campaign': VOICE}], check=True, diff=True)
    assert rc == 0, output
    assert results[0]['changed'] and writes(sandbox) == []


def test_update_of_an_active_campaign_is_refused_then_forced(ansible, sandbox):
    rc, results, output = ansible.playbook([
        {'koreai.campaign.voice_campaign': VOICE},
        {'koreai.campaign.voice_campaign': {'name': VOICE['name'], 'state': 'started'}},
        {'koreai.campaign.voice_campaign': dict(VOICE, priority=2)},
        {'koreai.campaign.voice_campaign': dict(VOICE, priority=2, force=True)},
    ])
    refused, forced = results[2], results[3]
    assert refused['failed'] and 'force=true' in refused['msg'] and 'Active' in refused['msg']
    assert not forced.get('failed'), forced.get('msg')
    assert forced['actions'] == ['stop', 'update', 'start'] and forced['campaign']['status'] == 'Active'
    operations = [w['operation'] for w in writes(sandbox)]
    assert operations[-3:] == ['trigger', 'update_campaign', 'trigger'] or \
        [w['method'] for w in writes(sandbox)][-3:] == ['POST', 'PUT', 'POST']


BAD = [
    (dict(priority=9), 'priority=9 must be a whole number from 1 to 5'),
    (dict(ring_time=200), 'ring_time=200 must be a whole number from 5 to 120 seconds'),
    (dict(max_attempts=0), 'max_attempts=0'),
    (dict(retry_period=2000), 'retry_period=2000'),
    (dict(caller_id='+1 555 1234'), 'E.164'),
    (dict(description='d' * 300), 'at most 256'),
    (dict(name='n' * 60), 'at most 48'),
    (dict(calling_hours={'timezone': 'Asia/Kolkata', 'days': [{'day': 'xx', 'start': '9:00', 'end': '10:00'}]}),
     "'xx' is not a day"),
    (dict(calling_hours={'timezone': 'Asia/Kolkata', 'days': [{'day': 'mo', 'start': '10:00', 'end': '9:00'}]}),
     'must be later than start'),
    (dict(calling_hours={'timezone': 'not a zone', 'days': [{'day': 'mo', 'start': '9:00', 'end': '10:00'}]}),
     'IANA time zone'),
    (dict(dialing_mode='agentless'), 'queue applies only to dialing_mode=progressive or preview'),
    (dict(experience_flow='Flow'), 'experience_flow applies only to dialing_mode=agentless'),
    (dict(state='stopped'), 'only apply with state=present'),
    (dict(dnc_list=None), 'needs dnc_list'),
]


def test_every_validation_rule_fails_before_any_request(ansible, sandbox):
    tasks = []
    for override, dummy in BAD:
        args = dict(VOICE)
        args.update(override)
        tasks.append({'koreai.campaign.voice_campaign': dict((k, v) for k, v in args.items() if v is not None)})
    sandbox.control.clear_log()
    rc, results, output = ansible.playbook(tasks)
    for (override, message), result in zip(BAD, results):
        assert result.get('failed'), override
        assert message in result['msg'], (override, result['msg'])
    # Only the 'needs dnc_list' case reads (to learn that the campaign is new); nothing is written.
    assert writes(sandbox) == []
    assert len(sandbox.control.requests_log()) <= 1


def test_contact_list_lifecycle(ansible, sandbox):
    present = {'koreai.campaign.contact_list': {'name': 'Code List', 'description': 'made by a test'}}
    changed = {'koreai.campaign.contact_list': {'name': 'code list', 'description': 'described again',
                                                'allow_duplicates': False}}
    duplicates = {'koreai.campaign.contact_list': {'name': 'Code List', 'allow_duplicates': True}}
    absent = {'koreai.campaign.contact_list': {'name': 'Code List', 'state': 'absent'}}
    rc, results, output = ansible.playbook([present, present, changed, changed, duplicates, absent, absent], diff=True)
    assert [r['changed'] for r in results[:4]] == [True, False, True, False]
    assert results[2]['diff'] == {'before': {'description': 'made by a test'}, 'after': {'description': 'described again'}}
    assert results[4]['failed'] and 'delete and re-create the list' in results[4]['msg']
    assert [r['changed'] for r in results[5:]] == [True, False]
    assert [w['method'] for w in writes(sandbox)] == ['POST', 'PUT', 'DELETE']
    assert writes(sandbox)[1]['body'] == {'description': 'described again'}
    assert writes(sandbox)[0]['body'] == {'name': 'Code List', 'description': 'made by a test',
                                          'source': 'passiveApi', 'allowDuplicates': False}


def test_contact_list_in_use_is_refused_unless_forced(ansible, sandbox):
    rc, results, output = ansible.playbook([
        {'koreai.campaign.contact_list': {'name': 'DNC CL Dec 4', 'state': 'absent'}},
    ])
    assert results[0]['failed'] and 'campaigns still use it' in results[0]['msg']
    assert writes(sandbox) == []


@pytest.mark.parametrize('mode', ['strict', 'tolerant'])
def test_whole_walk_from_nothing(ansible, sandbox, mode, tmp_path):
    sandbox.control.configure(mode=mode)
    contact = {'koreai.campaign.contact_list': {'name': 'Walk List', 'description': 'walk'}}
    campaign = dict(SMS, name='Walk Texts', contact_lists=['Walk List'])
    steps = [
        contact,
        {'koreai.campaign.sms_campaign': campaign},
        {'koreai.campaign.campaign_schedule': {'campaign': 'Walk Texts', 'campaign_type': 'sms', 'recurrence': 'daily',
                                               'start': '2026-01-27 18:29:00', 'end': '2099-01-01 00:00:00'}},
        {'koreai.campaign.campaign_schedule': {'campaign': 'Walk Texts', 'campaign_type': 'sms', 'state': 'disabled'}},
        {'koreai.campaign.sms_campaign': {'name': 'Walk Texts', 'state': 'started'}},
        {'koreai.campaign.sms_campaign': {'name': 'Walk Texts', 'state': 'stopped'}},
        {'koreai.campaign.sms_campaign': {'name': 'Walk Texts', 'state': 'absent', 'backup': True,
                                          'backup_dir': str(tmp_path)}},
        {'koreai.campaign.contact_list': {'name': 'Walk List', 'state': 'absent'}},
    ]
    rc, results, output = ansible.playbook([step for step in steps for dummy in (1, 2)])
    assert rc == 0, output
    assert [r['changed'] for r in results] == [True, False] * len(steps), [r.get('msg') for r in results]
