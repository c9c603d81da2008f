# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Secrets: a known client secret and a known ready token must never show, at any verbosity, anywhere.

A sandbox of its own runs with a fresh random client secret. Every module of the collection (found in
plugins/modules, so a new one is covered too) and every role runs at -vvvv, in success and failure paths,
with the secret from the environment (as an AWX credential injects it) and from variables. The failure paths
are made to carry the secret: injected faults answer with bodies that echo it (a 500 on a start, a 503 and an
HTML page on reads, a 401), so the secret reaches the modules' messages and warnings and must be masked there.
Then stdout, stderr, every registered result (invocation included), the backups, the audit trail and the
Ansible and HOME directories are scanned for the secret, its JSON, URL and base64 forms and for any JWT.
The same with a ready token, ad-hoc, and through ansible-runner (its whole artifacts tree is scanned).
The scanner is shown to find what is planted.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import os
import secrets
import shutil
import sys
import time

import jwt
import pytest
import yaml

from koreai_sandbox import start_sandbox

from .conftest import Ansible
from .reliability_support import (
    CLIENT_ID, ROOT, SMS_ACTIVE, SMS_COMPLETED, SMS_STOPPED, STREAM, ACCOUNT, VOICE_ACTIVE, VOICE_AGENTLESS,
    VOICE_AGENTLESS_NAME, VOICE_PAUSED, VOICE_READY, VOICE_READY_NAME, check_claims, scan_text, scan_tree)

FUTURE = dict(recurrence='daily', start='2030-01-05 10:00:00', end='2030-03-05 10:00:00')
MODULES_DIR = os.path.join(ROOT, 'plugins', 'modules')
KNOWN_MODULE_TASKS = {
    'campaign_info': [{}],
    'voice_campaign': [dict(campaign_id=VOICE_ACTIVE, state='stopped')],
    'sms_campaign': [dict(campaign_id=SMS_STOPPED, state='absent', backup=True)],
    'campaign_schedule': [dict(campaign='Holiday Greetings SMS 2025', **FUTURE)],
    'campaign_bulk': [dict(state='stopped', name_pattern='^Payment Reminder')],
    'contact_list': [dict(name='Secret scan list', state='present')],
}


def collection_modules():
    return sorted(name[:-3] for name in os.listdir(MODULES_DIR) if name.endswith('.py') and name != '__init__.py')


@pytest.fixture(scope='module')
def secret_sandbox():
    handle = start_sandbox(client_secret='reliability-%s' % secrets.token_hex(24))
    yield handle
    handle.stop()


@pytest.fixture
def sbx(secret_sandbox):
    secret_sandbox.control.reset()
    return secret_sandbox


@pytest.fixture
def runner(sbx, collections_path, tmp_path):
    ansible = Ansible(sbx, collections_path, tmp_path)
    ansible.env['KOREAI_CLIENT_SECRET'] = sbx.config['client_secret']
    ansible.env['HOME'] = str(tmp_path / 'home')
    return ansible


def echo(value):
    return 'upstream said: credentials %s were rejected' % value


def echo_faults(sbx, value):
    """Faults whose final answers carry the value, each bound to one campaign's requests."""
    sbx.control.inject(kind='status', status=500, body={'errors': [{'msg': echo(value), 'code': 500}]},
                       match={'path_contains': VOICE_READY, 'operation': 'trigger'})
    sbx.control.inject(kind='status', status=401, body={'errors': [{'msg': echo(value), 'code': 401}]},
                       match={'path_contains': SMS_COMPLETED})


def retried_echo_faults(sbx, value):
    """Faults on reads that are retried (so the module only warns) whose answers carry the value."""
    sbx.control.inject(kind='status', status=503, body={'errors': [{'msg': echo(value), 'code': 503}]},
                       match={'path_contains': VOICE_ACTIVE, 'method': 'GET'})
    sbx.control.inject(kind='malformed', body='<html>%s</html>' % echo(value), match={'path_contains': VOICE_PAUSED})


def failure_tasks(credential_var):
    """Failure paths: each meets one of the echo faults or fails on its own."""
    return [
        ('voice_campaign', dict(campaign_id=VOICE_READY, state='started', wait_timeout=2)),   # 500 echo, unknown
        ('campaign_info', dict(campaign_id=SMS_COMPLETED)),                                    # 401 echo
        ('voice_campaign', dict(campaign_id=VOICE_ACTIVE, state='stopped', stream_id='st-wrong')),  # real 401
        ('campaign_schedule', dict(campaign=VOICE_READY_NAME, recurrence='daily', start='2020-01-01 00:00:00',
                                   end='2020-02-01 00:00:00', **credential_var)),                # refused early
    ]


def play(tasks, out_file, roles=(), play_vars=None):
    """A play with the module tasks (registered, errors ignored), then the roles (each rescued)."""
    named = []
    for index, (module, args) in enumerate(tasks):
        named.append({'name': 'task %d %s' % (index, module), 'koreai.campaign.%s' % module: args,
                      'register': 'r%d' % index, 'ignore_errors': True})
    for role, role_vars in roles:
        named.append({'name': 'role %s' % role, 'vars': role_vars,
                      'block': [{'ansible.builtin.include_role': {'name': 'koreai.campaign.%s' % role}}],
                      'rescue': [{'ansible.builtin.debug': {'msg': 'role %s failed as expected or not' % role}}]})
    named.append({'name': 'keep the results', 'ansible.builtin.copy': {
        'content': '{{ [%s] | to_json }}' % ', '.join('r%d' % i for i in range(len(tasks))), 'dest': str(out_file)}})
    return [{'name': 'secrets', 'hosts': 'localhost', 'gather_facts': False, 'vars': play_vars or {},
             'tasks': named}]


def everything_written(runner, tmp_path, output):
    """[(where, text)] of all a run left behind: its output, and every file in the test's directory."""
    found = scan_text(output, runner.secrets, 'stdout/stderr')
    found += scan_tree(str(tmp_path), runner.secrets)
    return found


def test_every_module_and_role_at_vvvv_keeps_the_secret(runner, sbx, reliability, tmp_path):
    secret = sbx.config['client_secret']
    runner.secrets = [secret]
    echo_faults(sbx, secret)
    modules = collection_modules()
    tasks = []
    for module in modules:
        for args in KNOWN_MODULE_TASKS.get(module, [{}]):  # a module not listed runs with no options (fails)
            tasks.append((module, dict(args, backup_dir=str(tmp_path / 'backups')) if args.get('backup') else args))
    tasks += failure_tasks({'client_secret': '{{ koreai_secret }}'})
    # the same module with the secret given as an option (from a variable) instead of the environment
    tasks.append(('campaign_info', dict(campaign_type='sms', client_secret='{{ koreai_secret }}')))
    roles = [
        ('emergency_stop', {'emergency_stop_campaign_ids': [SMS_ACTIVE, VOICE_AGENTLESS],
                            'koreai_client_secret': '{{ koreai_secret }}'}),
        ('campaign_schedules', {'campaign_schedules_list': [dict(campaign=VOICE_AGENTLESS_NAME, **FUTURE)]}),
        ('decommission', {'decommission_campaigns': [{'id': VOICE_AGENTLESS, 'name': 'not its name'}],
                          'decommission_backup_dir': str(tmp_path / 'backups')}),
        ('decommission', {'decommission_campaigns': [{'id': VOICE_AGENTLESS, 'name': VOICE_AGENTLESS_NAME}],
                          'decommission_backup_dir': str(tmp_path / 'backups'),
                          'koreai_client_secret': '{{ koreai_secret }}'}),
    ]
    roles = [(r, v) for r, v in roles if os.path.isdir(os.path.join(ROOT, 'roles', r))]
    out_file = tmp_path / 'results.json'
    path = tmp_path / 'secrets.yml'
    play_vars = {'koreai_secret': "{{ lookup('ansible.builtin.env', 'RELIABILITY_SECRET') }}"}
    path.write_text(yaml.safe_dump(play(tasks, out_file, roles, play_vars), sort_keys=False))
    # ANSIBLE_INJECT_INVOCATION: ansible-core 2.21 puts the module arguments in the result (shown at -vvv) only
    # when asked; older lines always do and ignore the variable.
    rc, output = runner.run_file(str(path), extra_args=['-vvvv'],
                                 env={'KOREAI_AUDIT_LOG': str(tmp_path / 'audit.jsonl'), 'RELIABILITY_SECRET': secret,
                                      'ANSIBLE_INJECT_INVOCATION': 'true'})
    results = json.loads(out_file.read_text())
    by_module = dict((module, []) for module in modules)
    for (module, dummy), result in zip(tasks, results):
        by_module.setdefault(module, []).append(result)

    # the run did what the test is about: every module ran, failure paths failed, echoes were met
    assert all(by_module[m] for m in modules)
    failures = results[len(results) - 5:-1]
    assert all(r.get('failed') for r in failures), [r.get('msg') for r in failures]
    assert '********' in failures[1]['msg'], 'the 401 echo did not reach the message: %s' % failures[1]['msg']
    assert sbx.control.faults() == [], 'an echo fault was not met: %s' % sbx.control.faults()
    assert '********' in failures[0]['msg'], 'the 500 echo did not reach the message: %s' % failures[0]['msg']
    # -vvvv prints each task's invocation: the secret option is there, masked
    assert '"client_secret": "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"' in output
    assert (tmp_path / 'backups').is_dir() and list((tmp_path / 'backups').iterdir())
    assert (tmp_path / 'audit.jsonl').exists()
    for role, dummy in roles:
        assert 'TASK [koreai.campaign.%s : ' % role in output, 'role %s did not run' % role

    leaks = everything_written(runner, tmp_path, output)
    assert leaks == [], leaks
    minted = check_claims(sbx.control.requests_log())
    reliability.case('secrets', 'every module and role at -vvvv, secret from env and vars', module='ansible-playbook',
                     injected='%d module tasks (%s), %d role runs; 2 faults echo the secret (500 on a start, a 401)'
                              % (len(tasks), ', '.join(modules), len(roles)),
                     did='secret masked everywhere (******** in messages, VALUE_SPECIFIED_IN_NO_LOG_PARAMETER in '
                         'invocation); %d minted tokens, each exp <= 1 h and a fresh jti' % minted,
                     outcome='no leak in stdout, stderr, results, invocation, backups, audit trail, ~/.ansible',
                     secrets_leaked=len(leaks), faults=2)


def test_ready_token_and_adhoc_keep_the_token(runner, sbx, reliability, tmp_path):
    secret = sbx.config['client_secret']
    now = int(time.time())
    token = jwt.encode({'appId': CLIENT_ID, 'sub': 'reliability', 'iat': now, 'exp': now + 1800}, secret,
                       algorithm='HS256')
    runner.secrets = [token, secret]
    echo_faults(sbx, token)
    for name in ('KOREAI_CLIENT_ID', 'KOREAI_CLIENT_SECRET'):
        del runner.env[name]
    runner.env['KOREAI_TOKEN'] = token
    tasks = [('campaign_info', {}), ('voice_campaign', dict(campaign_id=VOICE_ACTIVE, state='stopped'))]
    tasks += [failure_tasks({'token': '{{ koreai_token }}'})[i] for i in (0, 1, 3)]
    out_file = tmp_path / 'results.json'
    path = tmp_path / 'token.yml'
    play_vars = {'koreai_token': "{{ lookup('ansible.builtin.env', 'RELIABILITY_TOKEN') }}"}
    path.write_text(yaml.safe_dump(play(tasks, out_file, play_vars=play_vars), sort_keys=False))
    rc, output = runner.run_file(str(path), extra_args=['-vvvv'], env={'RELIABILITY_TOKEN': token})
    results = json.loads(out_file.read_text())
    assert not results[0].get('failed') and not results[1].get('failed'), results[:2]
    assert all(r.get('failed') for r in results[2:])
    assert sbx.control.faults() == []
    # ad-hoc, with the token on the command line, in a failure path
    rc2, adhoc, adhoc_output = runner.adhoc('koreai.campaign.voice_campaign',
                                            'campaign_id=%s state=stopped token=%s account_id=000000000000000000000000'
                                            % (VOICE_PAUSED, token), extra_args=['-vvvv'])
    assert rc2 != 0 and adhoc and 'HTTP 401' in adhoc['msg']
    leaks = everything_written(runner, tmp_path, output + adhoc_output)
    assert leaks == [], leaks
    reliability.case('secrets', 'ready token (KOREAI_TOKEN and option) at -vvvv, and ad-hoc', module='ansible-playbook',
                     injected='%d module tasks with a known token; 2 faults echo the token; an ad-hoc run with '
                              'token=... on the command line failing with 401' % len(tasks),
                     did='token masked in messages, warnings and invocation; the ad-hoc output shows no token',
                     outcome='no leak', secrets_leaked=len(leaks), faults=2)


ansible_runner = pytest.importorskip('ansible_runner')


def test_ansible_runner_artifacts_keep_the_secret(sbx, collections_path, reliability, tmp_path, monkeypatch):
    monkeypatch.setenv('PATH', os.path.dirname(sys.executable) + os.pathsep + os.environ.get('PATH', ''))
    secret = sbx.config['client_secret']
    echo_faults(sbx, secret)
    data = tmp_path / 'runner'
    (data / 'project').mkdir(parents=True)
    tasks = [('campaign_info', {}), ('voice_campaign', dict(campaign_id=VOICE_ACTIVE, state='stopped'))]
    tasks += failure_tasks({})[:2]
    roles = [('emergency_stop', {'emergency_stop_campaign_ids': [SMS_ACTIVE]})]
    roles = [(r, v) for r, v in roles if os.path.isdir(os.path.join(ROOT, 'roles', r))]
    (data / 'project' / 'site.yml').write_text(yaml.safe_dump(play(tasks, data / 'results.json', roles),
                                                              sort_keys=False))
    envvars = {
        # what a credential of the koreai.campaign type injects
        'KOREAI_HOST': sbx.url, 'KOREAI_CLIENT_ID': CLIENT_ID, 'KOREAI_CLIENT_SECRET': secret,
        'KOREAI_STREAM_ID': STREAM, 'KOREAI_ACCOUNT_ID': ACCOUNT, 'KOREAI_RATE_LIMIT': '100000',
        'ANSIBLE_COLLECTIONS_PATH': collections_path, 'ANSIBLE_COLLECTIONS_SCAN_SYS_PATH': 'false',
        'ANSIBLE_PYTHON_INTERPRETER': sys.executable, 'ANSIBLE_LOCALHOST_WARNING': 'false',
        'ANSIBLE_INVENTORY_UNPARSED_WARNING': 'false', 'HOME': str(tmp_path / 'home'),
        'ANSIBLE_HOME': str(tmp_path / 'ansible-home'),
    }
    result = ansible_runner.run(private_data_dir=str(data), playbook='site.yml', envvars=envvars, verbosity=4,
                                quiet=True, inventory='localhost ansible_connection=local')
    assert result.status in ('successful', 'failed')
    results = json.loads((data / 'results.json').read_text())
    assert not results[0].get('failed') and not results[1].get('failed')
    assert all(r.get('failed') for r in results[2:]) and sbx.control.faults() == []
    events = list(result.events)
    assert any(e.get('event') == 'runner_on_ok' for e in events)
    artifacts = data / 'artifacts'
    # ansible-runner's 'command' artifact records the environment it was given (AWX keeps it only through
    # build_safe_env): the injected KOREAI_CLIENT_SECRET is there by design. Everything else is scanned as is.
    (command,) = list(artifacts.glob('*/command'))
    recorded = json.loads(command.read_text())
    assert recorded['env']['KOREAI_CLIENT_SECRET'] == secret
    recorded['env']['KOREAI_CLIENT_SECRET'] = '(injected by the credential)'
    command.write_text(json.dumps(recorded))
    leaks = scan_tree(str(artifacts), [secret]) + scan_text(result.stdout.read(), [secret], 'runner stdout')
    leaks += scan_text(json.dumps(events), [secret], 'runner events')
    assert leaks == [], leaks
    # and the scan is able to see a leak in this very tree: plant the secret in one copied event
    planted = tmp_path / 'planted'
    shutil.copytree(str(artifacts), str(planted))
    event_files = sorted((planted).rglob('job_events/*.json'))
    assert event_files
    victim = event_files[len(event_files) // 2]
    event = json.loads(victim.read_text())
    event.setdefault('event_data', {})['leak'] = 'auth failed for %s' % secret
    victim.write_text(json.dumps(event))
    found = scan_tree(str(planted), [secret])
    assert [where for where, dummy in found] == [os.path.relpath(str(victim), str(planted))]
    reliability.case('secrets', 'through ansible-runner (as AWX runs it)', module='ansible_runner.run',
                     injected='KOREAI_* in envvars as a credential injects them, verbosity 4, %d module tasks and %d role '
                              'runs; 2 faults echo the secret' % (len(tasks), len(roles)),
                     did='%d job events and stdout scanned, nothing found; the same scan finds the secret planted in one '
                         'copied job event' % len(events), outcome='no leak', secrets_leaked=len(leaks), faults=2)


def test_the_scanner_finds_every_form_of_a_planted_secret(tmp_path, reliability):
    secret = 'planted-%s' % secrets.token_hex(16)
    token = jwt.encode({'appId': CLIENT_ID}, secret, algorithm='HS256')
    import base64
    from urllib.parse import quote
    forms = {
        'artifacts/1/stdout': 'ok: [localhost] => %s' % secret,
        'artifacts/1/job_events/3-x.json': json.dumps({'event_data': {'res': {'msg': 'a"%s' % secret}}}),
        'artifacts/1/env.b64': base64.b64encode(secret.encode()).decode(),
        'artifacts/1/url.txt': 'https://h/x?secret=%s' % quote(secret + ' /', safe=''),
        'artifacts/1/token.txt': 'auth: %s' % token,
        'artifacts/1/binary.bin': b'\x00\xff' + secret.encode() + b'\x00',
    }
    for rel, content in forms.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)
    (tmp_path / 'artifacts' / '1' / 'clean.txt').write_text('nothing to see: %s' % secret[:6])
    found = scan_tree(str(tmp_path), [secret])
    assert sorted(set(w for w, dummy in found)) == sorted(forms)
    assert scan_tree(str(tmp_path / 'artifacts' / '1' / 'clean.txt'), [secret]) == []
    reliability.case('secrets', 'the scanner finds what is planted', module='reliability_support.scan_tree',
                     injected='the secret as is, JSON-escaped, base64, URL-encoded, inside a binary file, and a JWT',
                     did='all 6 plants found, a file with only a prefix of the secret is clean', outcome='scanner works')


FIXED_RETRY_WARNINGS = (
    'client.KoreaiClient.request (plugins/module_utils/client.py) passed the retry reason to on_retry unscrubbed '
    '("%s: %s; retrying in ..." with the API\'s raw message or body excerpt), and ansible-core 2.19 does not apply '
    'no_log masking to warnings (they are WarningSummary objects, which remove_values leaves alone). So when a '
    'retried read (HTTP 502/503/504, or an unreadable 200) answered with a body that echoes the client secret or '
    'the token, as some gateways do with request headers, the secret was shown in the task\'s warnings at every '
    'verbosity and stored in the registered result. Fix: self._on_retry(_scrub(message, self._secrets))')


FIXED_SECRET_ACROSS_THE_EXCERPT_CUT = (
    'client.parse_api_error cut an unreadable body to a 200-character excerpt before it was scrubbed, so a ready '
    'token echoed across the cut left its first part in the retry warning. Fixed: the body is scrubbed first')


@pytest.mark.parametrize('kind', ['client_secret', 'token'])
def test_retry_warnings_keep_the_secret(kind, sbx, inproc_secret, reliability):
    if kind == 'token':
        reliability.fixed_bug(FIXED_SECRET_ACROSS_THE_EXCERPT_CUT)
    if kind == 'client_secret':
        reliability.fixed_bug(FIXED_RETRY_WARNINGS)
    secret = sbx.config['client_secret']
    value = secret
    options = {}
    if kind == 'token':
        now = int(time.time())
        value = jwt.encode({'appId': CLIENT_ID, 'iat': now, 'exp': now + 600}, secret, algorithm='HS256')
        options = dict(token=value, client_id=None, client_secret=None)
    retried_echo_faults(sbx, value)
    stop = inproc_secret.run('voice_campaign', dict(campaign_id=VOICE_ACTIVE, state='stopped', **options))
    info = inproc_secret.run('campaign_info', dict(campaign_id=VOICE_PAUSED, **options))
    assert not stop.failed and not info.failed and sbx.control.faults() == []
    leaks = scan_text(stop.output + info.output, [value], 'module results')
    assert leaks == [], stop.warnings_text + info.warnings_text


@pytest.fixture
def inproc_secret(sbx):
    from .reliability_support import InProcess
    return InProcess(sbx, client_secret=sbx.config['client_secret'])
