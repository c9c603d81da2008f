# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A newcomer's first hour, against the sandbox: the README's cookbook line by line, the modules' EXAMPLES,
and the messages a first mistake gets (issue 16)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import ast
import os
import re
import shlex
import socket

import yaml

from .conftest import ROOT

SMS_NAME = 'Interactive Support SMS Campaign'
SMS_SEED_INSTANCE = 'cid-xxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'
VOICE_ID = 'cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx'
VOICE_NAME = 'Service Renewal Outreach Campaign61'


def cookbook_lines():
    """The `ansible localhost ...` lines of the README's ad-hoc cookbook, in order."""
    text = open(os.path.join(ROOT, 'README.md')).read()
    section = text.split('## Ad-hoc cookbook', 1)[1].split('\n## ', 1)[0]
    block = section.split('```bash', 1)[1].split('```', 1)[0]
    return [line for line in block.splitlines() if line.startswith('ansible localhost ')]


def module_examples(module):
    tree = ast.parse(open(os.path.join(ROOT, 'plugins', 'modules', module + '.py')).read())
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], 'id', None) == 'EXAMPLES':
            return yaml.safe_load(node.value.value)
    raise AssertionError('no EXAMPLES in %s' % module)


def writes(sandbox):
    return [r for r in sandbox.control.requests_log() if r['write']]


def test_every_cookbook_line_works_as_written_in_order(ansible, sandbox):
    lines = cookbook_lines()
    assert len(lines) == 10
    results = []
    for line in lines:
        words = shlex.split(line, comments=True)
        assert words[:2] == ['ansible', 'localhost'] and words[2] == '-m' and words[4] == '-a', line
        rc, result, output = ansible.adhoc(words[3], words[5], extra_args=words[6:])
        assert rc == 0, (line, output)
        results.append(result)
    info_running, info_one, stop, start, daily, weekly, disabled, delete, stop_all, stop_none = results
    assert info_one['campaigns'][0]['id'] == VOICE_ID
    assert start['changed'] and daily['changed'] and disabled['changed'] and delete['changed']
    # The weekly line replaces the daily schedule only because it says replace=true.
    assert weekly['changed'] and 'replace=true' in weekly['msg']
    assert os.path.exists(delete['backup_file'])
    assert stop_all['changed']
    assert re.match(r"no voice campaign matches name_pattern '\^Black Friday' \(\d+ listed\), so none was stopped$",
                    stop_none['msg']), stop_none['msg']


def test_the_weekly_line_without_replace_changes_nothing_and_says_why(ansible, sandbox):
    daily, weekly = cookbook_lines()[4:6]
    for line in (daily, weekly.replace(' replace=true', '')):
        words = shlex.split(line, comments=True)
        rc, result, output = ansible.adhoc(words[3], words[5])
        assert rc == 0, output
    assert not result['changed'] and 'replace=true' in ' '.join(result.get('warnings') or [output])


def test_the_schedule_and_contact_list_examples_work_against_the_seed(ansible, sandbox):
    tasks = []
    for module in ('campaign_schedule', 'contact_list'):
        for example in module_examples(module):
            tasks.append(dict((k, v) for k, v in example.items()))
    rc, results, output = ansible.playbook(tasks)
    assert rc == 0, output
    failed = [(task['name'], result.get('msg')) for task, result in zip(tasks, results) if result.get('failed')]
    assert failed == []
    assert all(result['changed'] for result in results), [(t['name'], r.get('msg')) for t, r in zip(tasks, results)]


# -- messages -------------------------------------------------------------------------------------------------

def test_an_sms_campaigns_name_given_to_voice_campaign_names_sms_campaign(ansible, sandbox):
    tasks = [{'koreai.campaign.voice_campaign': {'name': SMS_NAME, 'state': 'stopped'}},
             {'koreai.campaign.sms_campaign': {'name': VOICE_NAME, 'state': 'started'}},
             {'koreai.campaign.voice_campaign': {'campaign_id': VOICE_NAME.lower(), 'state': 'stopped'}}]
    rc, results, output = ansible.playbook(tasks)
    sms_as_voice, voice_as_sms, name_as_id = results
    assert sms_as_voice['failed'] and sms_as_voice['msg'].startswith("no voice campaign is named %r; " % SMS_NAME)
    assert ("is an SMS campaign (cd-3aefda80-f98e-5f4f-ad41-92803abbxxxx); manage it with "
            "koreai.campaign.sms_campaign") in sms_as_voice['msg']
    assert voice_as_sms['failed'] and 'is a voice campaign (%s); manage it with koreai.campaign.voice_campaign' % (
        VOICE_ID) in voice_as_sms['msg']
    assert name_as_id['failed'] and ("is the name of a voice campaign, whose id is %s: write name=%r or "
                                     "campaign_id=%s" % (VOICE_ID, VOICE_NAME, VOICE_ID)) in name_as_id['msg']
    assert writes(sandbox) == []


def test_https_to_the_plain_http_sandbox_says_use_http(ansible, sandbox):
    https = sandbox.url.replace('http://', 'https://')
    rc, result, output = ansible.adhoc('koreai.campaign.campaign_info', 'campaign_type=voice validate_certs=false',
                                       env={'KOREAI_HOST': https})
    assert rc != 0, output
    assert 'speaks plain HTTP, not HTTPS; use host=%s' % sandbox.url in result['msg']
    assert 'certificate' not in result['msg'] and 'validate_certs' not in result['msg']


def test_an_unreachable_host_fails_fast_with_a_hint_to_check_host(ansible, sandbox):
    probe = socket.socket()
    probe.bind(('127.0.0.1', 0))
    port = probe.getsockname()[1]
    probe.close()
    rc, result, output = ansible.adhoc('koreai.campaign.campaign_info', 'campaign_type=voice',
                                       env={'KOREAI_HOST': 'http://127.0.0.1:%d' % port})
    assert rc != 0 and 'nothing accepts connections at 127.0.0.1:%d (connection refused); check host' % port \
        in result['msg']
    assert 'attempt' not in result['msg'] and not result.get('warnings')


def test_a_host_with_a_path_is_refused_before_any_request(ansible, sandbox):
    sandbox.control.clear_log()
    rc, result, output = ansible.adhoc('koreai.campaign.campaign_info', 'campaign_type=voice',
                                       env={'KOREAI_HOST': sandbox.url + '/campaign/api/v2'})
    assert rc != 0 and 'host must be the base URL without a path' in result['msg']
    assert 'write %s' % sandbox.url in result['msg']
    assert sandbox.control.requests_log() == []


def test_a_ready_token_with_a_jti_fails_on_its_second_request_saying_it_is_single_use(ansible, sandbox):
    token = sandbox.token()
    env = {'KOREAI_CLIENT_ID': '', 'KOREAI_CLIENT_SECRET': '', 'KOREAI_TOKEN': token}
    rc, result, output = ansible.adhoc('koreai.campaign.campaign_info', 'campaign_type=all', env=env)
    assert rc != 0 and 'possibly a replay' in result['msg']
    assert 'a token with a jti is single-use' in result['msg'] and 'Give client_id and client_secret' in result['msg']
    assert token not in output


# -- bugs -----------------------------------------------------------------------------------------------------

def test_an_sms_start_does_not_return_the_previous_runs_instance_id(ansible, sandbox):
    assert sandbox.control.campaign('cd-3aefda80-f98e-5f4f-ad41-92803abbxxxx').get('campaignInstanceId') == \
        SMS_SEED_INSTANCE
    rc, results, output = ansible.playbook([{'koreai.campaign.sms_campaign': {'name': SMS_NAME, 'state': 'started'}}])
    assert rc == 0, output
    (started,) = results
    assert started['changed'] and started.get('campaign_instance_id') != SMS_SEED_INSTANCE
    assert started['campaign'].get('campaignInstanceId') != SMS_SEED_INSTANCE


def test_day_aliases_and_a_sip_caller_id_work_in_state_present(ansible, sandbox):
    hours = {'timezone': 'America/New_York',
             'days': [{'day': 'thurs', 'start': '9:00 AM', 'end': '5:00 PM'},
                      {'day': 'Tues', 'start': '09:00', 'end': '17:00'}]}
    voice = {'name': 'Newcomer Calls', 'state': 'present', 'description': 'Day aliases and a SIP caller id',
             'contact_lists': ['Renewal Due - May/June 2025'], 'dnc_list': 'DNC CL Dec 4',
             'dialing_mode': 'progressive', 'queue': 'Default Queue', 'caller_id': 'sip:renewals@sip.example.com',
             'calling_hours': hours}
    task = {'koreai.campaign.voice_campaign': voice}
    rc, results, output = ansible.playbook([task, task])
    assert rc == 0, output
    created, again = results
    assert created['changed'] and not again['changed'], (created.get('msg'), again.get('msg'))
    (create,) = writes(sandbox)
    strategy = create['body']['dialingStrategy']
    assert strategy['callerId'] == {'phoneNumber': 'sip:renewals@sip.example.com'}
    assert [d['day'] for d in strategy['callingHours']['days']] == ['TU', 'TH']


def test_check_mode_keeps_a_name_that_holds_the_verb(ansible, sandbox):
    name = 'Leads deleted in May'
    sandbox.control.seed_campaign(type='voice', name=name, status='Ready')
    rc, results, output = ansible.playbook([{'koreai.campaign.voice_campaign': {'name': name, 'state': 'absent'}}],
                                           check=True)
    assert rc == 0, output
    assert results[0]['msg'].startswith("(check mode) campaign 'Leads deleted in May' (")
    assert results[0]['msg'].endswith(') would be deleted') and writes(sandbox) == []


def test_a_role_argument_error_is_short_and_says_what_is_wrong(ansible, sandbox):
    play = [{'hosts': 'localhost', 'gather_facts': False,
             'roles': [{'role': 'koreai.campaign.emergency_stop', 'vars': {'emergency_stop_campaign_type': 'fax'}}]}]
    path = ansible.workdir / 'bad-role-arguments.yml'
    path.write_text(yaml.safe_dump(play))
    rc, output = ansible.run_file(str(path))
    assert rc != 0
    assert ('"msg": "koreai.campaign.emergency_stop: value of emergency_stop_campaign_type must be one of: voice, '
            'sms, all, got: fax. The arguments are described by: ansible-doc -t role koreai.campaign.emergency_stop"'
            in output)
    assert 'argument_spec_data' not in output and len(output) < 2500
    assert sandbox.control.requests_log() == []
