# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The roles (campaign_schedules, emergency_stop, decommission) and the inventory example, for real against
the sandbox with the installed collection: check mode first, then a run that changes, then a run that must
change nothing and send no write; and the refusals, which must come before any write."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import os
import re
import shutil

import yaml

from .conftest import ACCOUNT, CLIENT_ID, ROOT, SECRET, STREAM

VOICE_READY = 'cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx'          # Service Renewal Outreach Campaign61
FEEDBACK = 'cd-671b3bd-a7a1-4709-bd6a-70803e3xxxxx'             # Agentless Voice | Product Feedback | Jan 9
VOICE_ACTIVE = 'cd-5c2f9e1-4b7a-4d3e-9f21-8a6b0c4xxxxx'         # Winter Retention Callback Campaign
SMS_ACTIVE = 'cd-7e21c4b0-5a9d-5c1e-8f3a-1b2c3d4exxxx'          # Payment Reminder SMS | December
VOICE_SCHEDULED = 'cd-3f6e8d2-1a2b-4c3d-8e4f-5a6b7c8xxxxx'      # Weekly Satisfaction Survey Calls
FAR_END = '2030-12-31 18:00:00'


def writes(sandbox):
    return [r for r in sandbox.control.requests_log() if r['write']]


def recap(output):
    """(changed, failed) from the PLAY RECAP line of localhost."""
    match = re.search(r'localhost\s*:\s*ok=\d+\s+changed=(\d+)\s+unreachable=\d+\s+failed=(\d+)', output)
    assert match, output
    return int(match.group(1)), int(match.group(2))


class RoleRunner:
    """Runs one role of the installed collection in a play, with its variables as play vars (as group_vars
    would give them), and reads back the facts it sets."""

    def __init__(self, ansible):
        self.ansible = ansible
        self.count = 0

    def __call__(self, role, role_vars, facts=(), check=False):
        self.count += 1
        facts_file = self.ansible.workdir / ('facts-%s-%d.json' % (role, self.count))
        dump = '{{ {%s} | to_json }}' % ', '.join("'%s': %s | default(none)" % (f, f) for f in facts)
        play = [{
            'name': 'role %s' % role, 'hosts': 'localhost', 'gather_facts': False, 'vars': role_vars,
            'tasks': [{
                'name': 'run the role',
                'block': [{'name': 'include it', 'ansible.builtin.include_role': {'name': 'koreai.campaign.' + role}}],
                'always': [{'name': 'keep its facts', 'ansible.builtin.copy': {'content': dump, 'dest': str(facts_file)},
                            'check_mode': False, 'diff': False, 'changed_when': False}],
            }],
        }]
        path = self.ansible.workdir / ('role-%s-%d.yml' % (role, self.count))
        path.write_text(yaml.safe_dump(play, sort_keys=False))
        rc, output = self.ansible.run_file(str(path), extra_args=['--check'] if check else [])
        result = json.loads(facts_file.read_text()) if facts_file.exists() else None
        return rc, result, output


# --- campaign_schedules ------------------------------------------------------------------------------------

SCHEDULES = [
    {'campaign': 'Agentless Voice | Product Feedback | Jan 9', 'recurrence': 'daily',
     'start': '2027-01-04 09:00:00', 'end': FAR_END},
    {'campaign': 'service renewal outreach campaign61', 'campaign_type': 'voice', 'recurrence': 'weekly',
     'days': ['mon', 'Wednesday'], 'every': 2, 'start': '2027-01-04T09:00:00+05:30', 'end': FAR_END},
    {'campaign': 'Weekly Satisfaction Survey Calls', 'state': 'disabled'},
]


def test_campaign_schedules_check_then_apply_then_nothing_to_do(ansible, sandbox):
    run = RoleRunner(ansible)
    role_vars = {'campaign_schedules_list': SCHEDULES}

    rc, facts, output = run('campaign_schedules', role_vars, facts=['campaign_schedules_changed'], check=True)
    assert rc == 0, output
    assert len(facts['campaign_schedules_changed']) == 3
    assert writes(sandbox) == []

    rc, facts, output = run('campaign_schedules', role_vars, facts=['campaign_schedules_changed'])
    assert rc == 0, output
    assert recap(output) == (1, 0)
    sent = writes(sandbox)
    assert [w['operation'] for w in sent] == ['schedule_enable', 'schedule_enable', 'schedule_disable']
    assert sent[1]['body']['recurrenceObject'] == {
        'recurType': 'Weekly', 'weeklyDetails': {'onceEveryNweeks': 2, 'whichDays': ['Mon', 'Wed']}}
    assert sent[1]['body']['startDateTime'] == '2027-01-04 03:30:00'
    assert sorted(facts['campaign_schedules_changed']) == sorted([
        'Agentless Voice | Product Feedback | Jan 9', 'Service Renewal Outreach Campaign61',
        'Weekly Satisfaction Survey Calls'])
    assert sandbox.control.campaign(FEEDBACK)['schedule']['isSchedulingEnabled']
    assert not sandbox.control.campaign(VOICE_SCHEDULED)['schedule']['isSchedulingEnabled']

    sandbox.control.clear_log()
    rc, facts, output = run('campaign_schedules', role_vars, facts=['campaign_schedules_changed'])
    assert rc == 0, output
    assert recap(output) == (0, 0)
    assert writes(sandbox) == [] and facts['campaign_schedules_changed'] == []


def test_campaign_schedules_refuses_a_bad_entry_before_any_request(ansible, sandbox):
    run = RoleRunner(ansible)
    bad = [{'campaign': 'Weekly Satisfaction Survey Calls', 'recurrence': 'monthly'}, {'state': 'disabled'}]
    rc, facts, output = run('campaign_schedules', {'campaign_schedules_list': bad}, facts=['campaign_schedules_changed'])
    assert rc != 0 and facts == {'campaign_schedules_changed': None}
    assert 'koreai.campaign.campaign_schedules: value of recurrence must be one of: daily, weekly, got: monthly' \
        in output and 'missing required arguments: campaign' in output
    assert 'argument_spec_data' not in output and 'ansible-doc -t role koreai.campaign.campaign_schedules' in output
    assert sandbox.control.requests_log() == []


# --- emergency_stop ----------------------------------------------------------------------------------------

def test_emergency_stop_dry_run_then_stop_then_nothing_to_do(ansible, sandbox):
    blitz_voice = sandbox.control.seed_campaign(type='voice', name='Renewal Blitz | Voice', status='Active')['_id']
    blitz_sms = sandbox.control.seed_campaign(type='sms', name='Renewal Blitz | SMS', status='Paused')['_id']
    ready = sandbox.control.seed_campaign(type='voice', name='Renewal Blitz | Later', status='Ready')['_id']
    run = RoleRunner(ansible)
    role_vars = {'emergency_stop_name_pattern': '^Renewal Blitz'}
    facts = ['emergency_stop_stopped', 'emergency_stop_failed']

    rc, result, output = run('emergency_stop', role_vars, facts=facts, check=True)
    assert rc == 0, output
    assert sorted(c['id'] for c in result['emergency_stop_stopped']) == sorted([blitz_voice, blitz_sms])
    assert 'would stop 2 of 3 matching campaigns' in output
    assert writes(sandbox) == []

    rc, result, output = run('emergency_stop', role_vars, facts=facts)
    assert rc == 0, output
    assert recap(output) == (1, 0)
    stopped = {c['id']: c for c in result['emergency_stop_stopped']}
    assert sorted(stopped) == sorted([blitz_voice, blitz_sms])
    assert stopped[blitz_sms]['status_before'] == 'Paused' and stopped[blitz_sms]['status'] == 'Stopped'
    assert 'stopped 2 of 3 matching campaigns' in output and 'Renewal Blitz | Voice' in output
    assert sorted(w['operation'] for w in writes(sandbox)) == ['trigger', 'trigger']
    assert {w['query']['trigger'] for w in writes(sandbox)} == {'stop'}
    assert sandbox.control.campaign(ready)['status'] == 'Ready'
    assert sandbox.control.campaign(VOICE_ACTIVE)['status'] == 'Active'  # does not match the pattern

    sandbox.control.clear_log()
    rc, result, output = run('emergency_stop', role_vars, facts=facts)
    assert rc == 0, output
    assert recap(output) == (0, 0)
    assert result['emergency_stop_stopped'] == [] and 'none was running' in output
    assert writes(sandbox) == []


def test_emergency_stop_without_a_filter_refuses_before_any_request(ansible, sandbox):
    rc, facts, output = RoleRunner(ansible)('emergency_stop', {'emergency_stop_campaign_type': 'voice'},
                                            facts=['emergency_stop_stopped'])
    assert rc != 0 and facts == {'emergency_stop_stopped': None}
    assert "emergency_stop_name_pattern='.*'" in output
    assert sandbox.control.requests_log() == []


def test_emergency_stop_stops_the_others_reports_and_fails_when_one_cannot_be_stopped(ansible, sandbox):
    # One string with the ids on separate lines, as an AWX survey textarea gives them.
    role_vars = {'emergency_stop_campaign_ids': '%s\ncd-0000000-no-such-campaign\n' % VOICE_ACTIVE}
    rc, result, output = RoleRunner(ansible)('emergency_stop', role_vars,
                                             facts=['emergency_stop_stopped', 'emergency_stop_failed'])
    assert rc != 0
    assert [c['id'] for c in result['emergency_stop_stopped']] == [VOICE_ACTIVE]
    assert [c['id'] for c in result['emergency_stop_failed']] == ['cd-0000000-no-such-campaign']
    assert 'could not stop: cd-0000000-no-such-campaign' in output
    assert sandbox.control.campaign(VOICE_ACTIVE)['status'] == 'Stopped'


# --- decommission ------------------------------------------------------------------------------------------

DECOMMISSION = [
    {'id': VOICE_ACTIVE, 'name': 'Winter Retention Callback Campaign'},
    {'id': SMS_ACTIVE, 'name': 'Payment Reminder SMS | December'},
    {'id': VOICE_SCHEDULED, 'name': 'Weekly Satisfaction Survey Calls'},
]


def test_decommission_check_then_stop_backup_delete_then_nothing_to_do(ansible, sandbox, tmp_path):
    backups = tmp_path / 'backups'
    run = RoleRunner(ansible)
    role_vars = {'decommission_campaigns': DECOMMISSION, 'decommission_backup_dir': str(backups)}
    facts = ['decommission_deleted', 'decommission_absent']

    rc, result, output = run('decommission', role_vars, facts=facts, check=True)
    assert rc == 0, output
    assert sorted(c['id'] for c in result['decommission_deleted']) == sorted(c['id'] for c in DECOMMISSION)
    assert 'would delete 3 of 3 campaigns' in output
    assert writes(sandbox) == [] and not backups.exists()

    rc, result, output = run('decommission', role_vars, facts=facts)
    assert rc == 0, output
    assert recap(output) == (2, 0)  # the voice task and the SMS task
    sent = [(w['operation'], w['campaign_id'] or w['campaign_name']) for w in writes(sandbox)]
    assert sorted(sent) == sorted([('trigger', VOICE_ACTIVE), ('delete_campaign', VOICE_ACTIVE),
                                   ('trigger', SMS_ACTIVE), ('delete_campaign', SMS_ACTIVE),
                                   ('schedule_disable', VOICE_SCHEDULED),
                                   ('delete_campaign', VOICE_SCHEDULED)])
    for first, then in ((('trigger', VOICE_ACTIVE), ('delete_campaign', VOICE_ACTIVE)),
                        (('schedule_disable', VOICE_SCHEDULED), ('delete_campaign', VOICE_SCHEDULED))):
        assert sent.index(first) < sent.index(then)
    for entry in DECOMMISSION:
        assert sandbox.control.campaign(entry['id']) is None
    deleted = {c['id']: c for c in result['decommission_deleted']}
    assert sorted(deleted) == sorted(c['id'] for c in DECOMMISSION)
    for campaign_id, entry in deleted.items():
        with open(entry['backup_file']) as f:
            assert json.load(f)['_id'] == campaign_id
        assert os.path.dirname(entry['backup_file']) == str(backups)
    assert deleted[SMS_ACTIVE]['type'] == 'sms'

    sandbox.control.clear_log()
    rc, result, output = run('decommission', role_vars, facts=facts)
    assert rc == 0, output
    assert recap(output) == (0, 0)
    assert result['decommission_deleted'] == []
    assert sorted(result['decommission_absent']) == sorted(c['id'] for c in DECOMMISSION)
    assert writes(sandbox) == [] and len(list(backups.iterdir())) == 3


def test_decommission_refuses_an_unconfirmed_entry_and_deletes_nothing(ansible, sandbox, tmp_path):
    entries = [{'id': VOICE_READY, 'name': 'Service Renewal Outreach Campaign61'},
               {'id': SMS_ACTIVE, 'name': 'payment reminder sms | december'},      # wrong case
               {'id': VOICE_ACTIVE, 'name': 'Service Renewal Outreach Campaign61'}]  # another campaign's name
    rc, facts, output = RoleRunner(ansible)('decommission', {'decommission_campaigns': entries,
                                                             'decommission_backup_dir': str(tmp_path / 'b')},
                                            facts=['decommission_deleted'])
    assert rc != 0 and facts == {'decommission_deleted': None}
    assert 'Refusing to decommission %s' % SMS_ACTIVE in output
    assert 'named \\"Winter Retention Callback Campaign\\"' in output or \
        'named "Winter Retention Callback Campaign"' in output
    assert writes(sandbox) == []
    for entry in entries:
        assert sandbox.control.campaign(entry['id']) is not None
    assert not (tmp_path / 'b').exists()


# --- the inventory example: credentials from Ansible Vault, then from the environment ------------------------

def test_inventory_example_with_vault_then_with_environment(ansible, sandbox, tmp_path):
    from ansible.parsing.vault import VaultLib, VaultSecret

    inventory = tmp_path / 'inventory'
    shutil.copytree(os.path.join(ROOT, 'examples', 'inventory'), str(inventory))
    with open(os.path.join(ROOT, 'examples', 'vault.yml.example')) as f:
        example = yaml.safe_load(f)
    assert sorted(example) == ['vault_koreai_client_id', 'vault_koreai_client_secret']
    password = b'an example vault password, long enough'
    vault = VaultLib([('default', VaultSecret(password))])
    plain = yaml.safe_dump({'vault_koreai_client_id': CLIENT_ID, 'vault_koreai_client_secret': SECRET})
    (inventory / 'group_vars' / 'koreai' / 'vault.yml').write_bytes(vault.encrypt(plain))
    (tmp_path / 'vault-pass').write_bytes(password)
    playbook = os.path.join(ROOT, 'playbooks', 'schedules.yml')
    args = ['-i', str(inventory), '-e', 'koreai_host=%s' % sandbox.url]

    # Only the vault holds the credentials; without it the modules would find none.
    no_credentials = {'KOREAI_CLIENT_ID': '', 'KOREAI_CLIENT_SECRET': '', 'KOREAI_STREAM_ID': '',
                      'KOREAI_ACCOUNT_ID': ''}
    rc, output = ansible.run_file(playbook, extra_args=args + ['--vault-password-file', str(tmp_path / 'vault-pass')],
                                  env=no_credentials)
    assert rc == 0, output
    assert recap(output) == (1, 0)
    assert [w['operation'] for w in writes(sandbox)] == ['schedule_enable', 'schedule_enable', 'schedule_disable']
    assert all(w['headers']['iid'] == STREAM and w['headers']['accountId'] == ACCOUNT for w in writes(sandbox))
    assert SECRET not in output

    # Without the vault file, the secrets come from KOREAI_CLIENT_ID / KOREAI_CLIENT_SECRET (the fixture's).
    (inventory / 'group_vars' / 'koreai' / 'vault.yml').unlink()
    sandbox.control.clear_log()
    rc, output = ansible.run_file(playbook, extra_args=args)
    assert rc == 0, output
    assert recap(output) == (0, 0)
    assert writes(sandbox) == []


# --- campaign_run ------------------------------------------------------------------------------------------

def test_campaign_run_checks_starts_waits_reports_and_reruns_nothing(ansible, sandbox, tmp_path):
    control = sandbox.control
    leads = control.seed_contact_list(name='Run Leads', description='l', contacts={'count': 40, 'start': 0})
    dnc = control.seed_contact_list(name='Run DNC', description='d', contacts={'count': 2, 'start': 0})
    open_hours = {'frequency': 'WEEKLY', 'timezone': 'UTC', 'days': [
        {'day': d, 'start': '12:00 AM', 'end': '11:59 PM'} for d in ('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')]}
    cid = control.seed_campaign(type='voice', name='Run To The End', status='Ready', contactLists=[leads['name']],
                                dncLists={'id': dnc['_id'], 'name': dnc['name']},
                                dialingStrategy={'callingHours': open_hours, 'maxAttemptsPerRecord': 2})['_id']
    reports = tmp_path / 'reports'
    reports.mkdir()
    run = RoleRunner(ansible)
    role_vars = {'campaign_run_name': 'run to the end', 'campaign_run_report_dir': str(reports),
                 'campaign_run_poll_interval': 1, 'campaign_run_wait_timeout': 120}

    rc, facts, output = run('campaign_run', role_vars, facts=['campaign_run_summary'], check=True)
    assert rc == 0, output
    assert writes(sandbox) == [] and facts['campaign_run_summary']['report'] is None
    assert [c['passed'] for c in facts['campaign_run_summary']['preflight']] == [True] * 6

    rc, facts, output = run('campaign_run', role_vars, facts=['campaign_run_summary'])
    assert rc == 0, output
    summary = facts['campaign_run_summary']
    assert summary['started'] and summary['status'] == 'Completed' and summary['finished']
    assert summary['results']['contacts'] == 40
    assert [w['operation'] for w in writes(sandbox)] == ['trigger']
    assert os.stat(summary['report']).st_mode & 0o777 == 0o600
    truth = control.outcomes(cid)
    assert summary['results']['by_attempts'] == truth['numberOfAttemptsSoFar']

    control.clear_log()
    rc, facts, output = run('campaign_run', role_vars, facts=['campaign_run_summary'])
    assert rc == 0, output
    assert writes(sandbox) == [] and not facts['campaign_run_summary']['started']
    assert 'already ended its run (Completed)' in output


def test_campaign_run_stops_before_any_write_when_a_check_fails(ansible, sandbox, tmp_path):
    control = sandbox.control
    control.seed_contact_list(name='Run Empty', description='l', contacts=[])
    control.seed_campaign(type='voice', name='Run Nobody', status='Ready', contactLists=['Run Empty'])
    run = RoleRunner(ansible)
    rc, facts, output = run('campaign_run', {'campaign_run_name': 'Run Nobody',
                                             'campaign_run_report_dir': str(tmp_path)}, facts=['campaign_run_summary'])
    assert rc != 0 and writes(sandbox) == []
    assert "cannot call anyone: its contact list is empty: 'Run Empty'" in output
