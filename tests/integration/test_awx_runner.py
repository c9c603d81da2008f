# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The path AWX / Automation Controller takes: the credential type's injectors render the KOREAI_* environment,
survey answers arrive as extra variables, and ansible-runner runs the playbooks from a private data directory.
Each playbook runs twice against the sandbox (the second run must change nothing), and afterwards nothing in
ansible-runner's artifacts may hold a secret. The secret check is shown to catch a planted leak. Also: the
credential type fits the modules' environment fallbacks, the surveys fit the playbooks, and the execution
environment definition renders a build context that installs the collection with its Python requirements."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import time

import jwt
import pytest
import yaml
from jinja2 import meta
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .conftest import ACCOUNT, BIN, CLIENT_ID, ROOT, SECRET, STREAM

ansible_runner = pytest.importorskip('ansible_runner')

CREDENTIAL_TYPE = os.path.join(ROOT, 'awx', 'credential_type_koreai.yml')
SURVEYS = {'schedules': 'survey_schedules.json', 'emergency_stop': 'survey_emergency_stop.json',
           'decommission': 'survey_decommission.json'}
# awx.main.models.credential.build_safe_env: the job's recorded environment hides these names' values.
AWX_HIDDEN_ENV = re.compile(r'API|TOKEN|KEY|SECRET|PASS', re.I)
AWX_SURVEY_TYPES = {'text', 'textarea', 'password', 'integer', 'float', 'multiplechoice', 'multiselect'}

VOICE_ACTIVE = 'cd-5c2f9e1-4b7a-4d3e-9f21-8a6b0c4xxxxx'
SMS_ACTIVE = 'cd-7e21c4b0-5a9d-5c1e-8f3a-1b2c3d4exxxx'
VOICE_PAUSED = 'cd-6a7b8c9-0d1e-4f2a-9b3c-4d5e6f7xxxxx'
FEEDBACK = 'cd-671b3bd-a7a1-4709-bd6a-70803e3xxxxx'
# A ready JWT without jti (the docs' minimal shape), which the sandbox accepts for any number of requests.
TOKEN = jwt.encode({'appId': CLIENT_ID, 'iat': int(time.time()), 'exp': int(time.time()) + 3000}, SECRET,
                   algorithm='HS256')


def load_credential_type():
    with open(CREDENTIAL_TYPE) as f:
        return yaml.safe_load(f)


def inject(credential_type, inputs):
    """The environment AWX injects for a credential with these inputs (awx.main.models.credential): the env
    templates rendered in a Jinja2 ImmutableSandboxedEnvironment, fields left empty undefined, boolean fields
    left out False."""
    namespace = {k: v for k, v in inputs.items() if isinstance(v, bool) or v}
    for field in credential_type['inputs']['fields']:
        if field['type'] == 'boolean' and field['id'] not in inputs:
            namespace[field['id']] = False
    env = ImmutableSandboxedEnvironment()
    return {name: env.from_string(template).render(**namespace)
            for name, template in credential_type['injectors']['env'].items()}


def module_env_fallbacks():
    """{environment variable: (option, no_log)} of the modules' connection options, from the argument spec."""
    from ansible_collections.koreai.campaign.plugins.module_utils.koreai_module import connection_argument_spec
    found = {}
    for option, spec in connection_argument_spec().items():
        fallback = spec.get('fallback')
        if fallback:
            for name in fallback[1]:
                found[name] = (option, bool(spec.get('no_log')))
    return found


def awx_safe_env(env):
    """The environment as AWX records it with the job (build_safe_env)."""
    return {k: ('**********' if AWX_HIDDEN_ENV.search(k) and not k.startswith('ANSIBLE_') else v)
            for k, v in env.items()}


def find_secrets(private_data_dir, secrets):
    """Every (file, secret name) where a secret's value appears under the private data dir: artifacts (job
    events, stdout, status, ...), inventory, project and env. The 'command' artifact records the process
    environment, which AWX keeps only as build_safe_env shows it (and deletes with the private data dir), so
    that file is read the same way."""
    found = []
    for dirpath, dummy, filenames in os.walk(str(private_data_dir)):
        for name in filenames:
            path = os.path.join(dirpath, name)
            with open(path, 'rb') as f:
                text = f.read().decode('utf-8', 'replace')
            if name == 'command' and os.path.basename(os.path.dirname(os.path.dirname(path))) == 'artifacts':
                data = json.loads(text)
                data['env'] = awx_safe_env(data['env'])
                text = json.dumps(data)
            for label, value in secrets.items():
                if value in text or json.dumps(value)[1:-1] in text:
                    found.append((os.path.relpath(path, str(private_data_dir)), label))
    return sorted(set(found))


SECRETS = {'client_secret': SECRET, 'token': TOKEN}
CLIENT_CREDENTIAL = {'host': None, 'client_id': CLIENT_ID, 'client_secret': SECRET, 'stream_id': STREAM,
                     'account_id': ACCOUNT}
TOKEN_CREDENTIAL = {'host': None, 'token': TOKEN, 'stream_id': STREAM, 'account_id': ACCOUNT}


class Controller:
    """Runs a job the way AWX does: a private data dir with the project's playbook, a YAML inventory and the
    survey answers in env/extravars; the credential's environment passed to ansible-runner, never written."""

    def __init__(self, sandbox, collections_path, tmp_path):
        self.sandbox = sandbox
        self.collections_path = collections_path
        self.base = tmp_path
        self.jobs = 0

    def job(self, playbook, credential, extravars, check=False, verbosity=0, private_data_dir=None):
        self.jobs += 1
        data_dir = private_data_dir or self.base / ('job-%d' % self.jobs)
        (data_dir / 'project').mkdir(parents=True, exist_ok=True)
        (data_dir / 'inventory').mkdir(exist_ok=True)
        (data_dir / 'env').mkdir(exist_ok=True)
        if os.path.isabs(playbook):
            shutil.copy(playbook, str(data_dir / 'project'))
        else:
            shutil.copy(os.path.join(ROOT, 'playbooks', playbook), str(data_dir / 'project'))
        (data_dir / 'inventory' / 'hosts.yml').write_text(yaml.safe_dump({'all': {'hosts': {'localhost': {
            'ansible_connection': 'local', 'ansible_python_interpreter': sys.executable}}}}))
        # AWX writes the job's extra variables (survey answers included) to env/extravars.
        (data_dir / 'env' / 'extravars').write_text(yaml.safe_dump(extravars))
        inputs = dict(credential, host=self.sandbox.url)
        envvars = inject(load_credential_type(), inputs)
        envvars.update({
            'ANSIBLE_COLLECTIONS_PATH': self.collections_path,
            'ANSIBLE_COLLECTIONS_SCAN_SYS_PATH': 'false',
            'ANSIBLE_LOCALHOST_WARNING': 'false',
            'ANSIBLE_HOME': str(self.base / 'ansible-home'),
            'ANSIBLE_NOCOLOR': '1',
            # A job template's extra environment: pacing stays on, high, as the tests send many requests.
            'KOREAI_RATE_LIMIT': '100000',
            # The -vvv checks read the (masked) module arguments in the result's invocation, which ansible-core
            # 2.21 adds only when asked; older lines always add it and ignore the variable.
            'ANSIBLE_INJECT_INVOCATION': 'true',
        })
        runner = ansible_runner.run(
            private_data_dir=str(data_dir), ident='run-%d' % self.jobs, playbook=os.path.basename(playbook),
            inventory=str(data_dir / 'inventory' / 'hosts.yml'), envvars=envvars, suppress_env_files=True,
            cmdline='--check' if check else None, verbosity=verbosity or None, quiet=True)
        stdout = runner.stdout.read()
        return runner, stdout, data_dir


@pytest.fixture
def controller(sandbox, collections_path, tmp_path, monkeypatch):
    # ansible-runner starts from this process's environment: only the credential may bring KOREAI_* in.
    for name in [n for n in os.environ if n.startswith('KOREAI_')]:
        monkeypatch.delenv(name)
    return Controller(sandbox, collections_path, tmp_path)


def writes(sandbox):
    return [r for r in sandbox.control.requests_log() if r['write']]


def changed(runner):
    return sum(runner.stats['changed'].values()) if runner.stats else None


def assert_no_secret(data_dir):
    leaks = find_secrets(data_dir, SECRETS)
    assert leaks == [], 'secrets found in ansible-runner files: %s' % leaks


# --- the credential type and the surveys -------------------------------------------------------------------

def test_credential_type_injects_exactly_the_modules_environment():
    credential_type = load_credential_type()
    fallbacks = module_env_fallbacks()
    fields = {f['id']: f for f in credential_type['inputs']['fields']}
    injectors = credential_type['injectors']['env']

    assert set(credential_type) >= {'name', 'description', 'kind', 'inputs', 'injectors'}
    assert credential_type['kind'] == 'cloud'
    assert set(credential_type['injectors']) == {'env'}
    assert not [name for name in injectors if name.startswith('ANSIBLE_')]  # AWX refuses to inject those
    assert set(injectors) == {'KOREAI_HOST', 'KOREAI_CLIENT_ID', 'KOREAI_CLIENT_SECRET', 'KOREAI_TOKEN',
                              'KOREAI_STREAM_ID', 'KOREAI_ACCOUNT_ID', 'KOREAI_VALIDATE_CERTS'}
    assert set(injectors) <= set(fallbacks), 'injected variables no module reads: %s' % (set(injectors) - set(fallbacks))
    assert set(credential_type['inputs']['required']) <= set(fields)
    env = ImmutableSandboxedEnvironment()
    for name, template in injectors.items():
        (field_id,) = meta.find_undeclared_variables(env.parse(template))
        field = fields[field_id]
        option, no_log = fallbacks[name]
        # A secret field feeds exactly the options the modules never log, and AWX hides its variable.
        assert bool(field.get('secret')) == no_log, (field_id, option)
        if no_log:
            assert AWX_HIDDEN_ENV.search(name), name
        if field['type'] == 'string' and option not in ('validate_certs',):
            assert field_id == option, (field_id, option)

    # Certificates are verified unless the box is ticked, including on a credential made without the field.
    for inputs, expected in (({}, 'true'), ({'skip_tls_verify': False}, 'true'), ({'skip_tls_verify': True}, 'false')):
        assert inject(credential_type, dict(CLIENT_CREDENTIAL, host='https://x', **inputs))['KOREAI_VALIDATE_CERTS'] == expected
    rendered = inject(credential_type, dict(TOKEN_CREDENTIAL, host='https://eu-platform.kore.ai'))
    assert rendered['KOREAI_TOKEN'] == TOKEN and rendered['KOREAI_CLIENT_SECRET'] == ''
    assert rendered['KOREAI_HOST'] == 'https://eu-platform.kore.ai'


def test_surveys_ask_for_what_the_playbooks_read():
    for playbook, survey_file in SURVEYS.items():
        with open(os.path.join(ROOT, 'awx', survey_file)) as f:
            survey = json.load(f)
        with open(os.path.join(ROOT, 'playbooks', playbook + '.yml')) as f:
            (play,) = yaml.safe_load(f)
        known = set(play.get('vars') or {})
        for role in play.get('roles') or []:
            name = role['role'].split('.')[-1]
            with open(os.path.join(ROOT, 'roles', name, 'meta', 'argument_specs.yml')) as f:
                known |= set(yaml.safe_load(f)['argument_specs']['main']['options'])
        assert survey['name'] and survey['description'] and survey['spec']
        for question in survey['spec']:
            assert set(question) >= {'question_name', 'required', 'type', 'variable'}, question
            assert question['type'] in AWX_SURVEY_TYPES, question
            assert question['variable'] in known, (survey_file, question['variable'])
            assert not question['variable'].startswith(('ansible_', 'koreai_')), question
            if question['type'] in ('multiplechoice', 'multiselect'):
                assert isinstance(question['choices'], list) and question['choices']
                default = question.get('default')
                assert not default or default in question['choices'], question


def test_execution_environment_renders_and_installs_the_collection_with_its_requirements(tmp_path):
    with open(os.path.join(ROOT, 'execution-environment.yml')) as f:
        definition = yaml.safe_load(f)
    assert definition['version'] == 3
    with open(os.path.join(ROOT, 'meta', 'execution-environment.yml')) as f:
        assert yaml.safe_load(f)['dependencies']['python'] == 'requirements.txt'

    context = tmp_path / 'context'
    subprocess.run([os.path.join(BIN, 'ansible-builder'), 'create', '-f', os.path.join(ROOT, 'execution-environment.yml'),
                    '-c', str(context), '--output-filename', 'Containerfile'], check=True, capture_output=True, cwd=str(tmp_path))
    containerfile = (context / 'Containerfile').read_text()
    assert 'ansible-galaxy collection install' in containerfile and 'introspect' in containerfile
    build = context / '_build'
    with open(os.path.join(ROOT, 'requirements.txt')) as f:
        assert (build / 'requirements.txt').read_text() == f.read()

    # What the galaxy stage does in the image, here: install the collection from the build context.
    collections = tmp_path / 'collections'
    env = {k: v for k, v in os.environ.items() if not k.startswith('ANSIBLE_')}
    env.update(ANSIBLE_GALAXY_DISABLE_GPG_VERIFY='1', ANSIBLE_HOME=str(tmp_path / 'home'),
               ANSIBLE_COLLECTIONS_PATH=str(collections))
    subprocess.run([os.path.join(BIN, 'ansible-galaxy'), 'collection', 'install', '--offline', '-r', 'requirements.yml',
                    '--collections-path', str(collections)], check=True, capture_output=True, cwd=str(build), env=env)
    installed = collections / 'ansible_collections' / 'koreai' / 'campaign'
    for path in ('roles/emergency_stop/meta/argument_specs.yml', 'roles/decommission/tasks/main.yml',
                 'roles/campaign_schedules/defaults/main.yml', 'playbooks/emergency_stop.yml',
                 'plugins/modules/campaign_info.py', 'meta/runtime.yml', 'meta/execution-environment.yml'):
        assert (installed / path).is_file(), path

    # What the builder stage does: introspection finds the collection's Python requirements.
    proc = subprocess.run([sys.executable, str(build / 'scripts' / 'introspect.py'), 'introspect', str(collections),
                           '--write-pip', str(tmp_path / 'pip.txt')], check=True, capture_output=True, text=True)
    pip = (tmp_path / 'pip.txt').read_text()
    assert 'requests' in pip and 'PyJWT' in pip and 'from collection koreai.campaign' in pip, proc.stdout


# --- the playbooks through ansible-runner, twice each, and no secret in what runner keeps -------------------

def test_schedule_from_a_survey(controller, sandbox):
    survey = {'schedule_campaign': 'agentless voice | product feedback | jan 9', 'schedule_campaign_type': 'voice',
              'schedule_state': 'enabled', 'schedule_recurrence': 'weekly', 'schedule_days': ['mon', 'wed', 'fri'],
              'schedule_every': 2, 'schedule_start': '2027-01-04 09:00:00', 'schedule_end': '2030-12-31 18:00:00'}
    runner, stdout, data_dir = controller.job('schedules.yml', CLIENT_CREDENTIAL, survey, verbosity=3)
    assert runner.status == 'successful', stdout
    assert changed(runner) == 1
    (sent,) = writes(sandbox)
    assert sent['operation'] == 'schedule_enable' and sent['headers']['auth_claims']['appId'] == CLIENT_ID
    assert sent['body']['recurrenceObject']['weeklyDetails'] == {'onceEveryNweeks': 2, 'whichDays': ['Mon', 'Wed', 'Fri']}
    # The secret reached the module from the environment, and ansible hid it.
    assert 'VALUE_SPECIFIED_IN_NO_LOG_PARAMETER' in stdout

    sandbox.control.clear_log()
    runner, stdout = controller.job('schedules.yml', CLIENT_CREDENTIAL, survey, private_data_dir=data_dir)[:2]
    assert runner.status == 'successful', stdout
    assert changed(runner) == 0 and writes(sandbox) == []
    assert sandbox.control.campaign(FEEDBACK)['schedule']['isSchedulingEnabled']
    assert len(list((data_dir / 'artifacts').iterdir())) == 2
    assert_no_secret(data_dir)


def test_emergency_stop_from_a_survey_dry_run_then_twice(controller, sandbox):
    survey = {'emergency_stop_campaign_type': 'all', 'emergency_stop_name_pattern': '',
              'emergency_stop_campaign_ids': '%s\n%s, %s\n' % (VOICE_ACTIVE, SMS_ACTIVE, VOICE_PAUSED),
              'emergency_stop_names': '', 'emergency_stop_status': ['Active']}
    runner, stdout, data_dir = controller.job('emergency_stop.yml', TOKEN_CREDENTIAL, survey, check=True)
    assert runner.status == 'successful', stdout
    assert 'would stop 2 of 2 matching campaigns' in stdout
    assert writes(sandbox) == []

    runner, stdout = controller.job('emergency_stop.yml', TOKEN_CREDENTIAL, survey, verbosity=3,
                                    private_data_dir=data_dir)[:2]
    assert runner.status == 'successful', stdout
    assert changed(runner) == 1 and 'stopped 2 of 2 matching campaigns' in stdout
    assert sorted(w['campaign_id'] for w in writes(sandbox)) == sorted([VOICE_ACTIVE, SMS_ACTIVE])
    assert sandbox.control.campaign(VOICE_PAUSED)['status'] == 'Paused'  # only Active was asked for

    sandbox.control.clear_log()
    runner, stdout = controller.job('emergency_stop.yml', TOKEN_CREDENTIAL, survey, private_data_dir=data_dir)[:2]
    assert runner.status == 'successful', stdout
    assert changed(runner) == 0 and writes(sandbox) == []
    assert_no_secret(data_dir)


def test_decommission_from_a_survey(controller, sandbox, tmp_path):
    survey = {'decommission_campaign_id': VOICE_PAUSED, 'decommission_campaign_name': 'Collections Follow-up | Q4 2025',
              'decommission_backup_dir': str(tmp_path / 'backups')}
    runner, stdout, data_dir = controller.job('decommission.yml', CLIENT_CREDENTIAL, survey, verbosity=3)
    assert runner.status == 'successful', stdout
    assert [w['operation'] for w in writes(sandbox)] == ['trigger', 'delete_campaign']
    assert sandbox.control.campaign(VOICE_PAUSED) is None
    (backup,) = (tmp_path / 'backups').iterdir()
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600

    sandbox.control.clear_log()
    runner, stdout = controller.job('decommission.yml', CLIENT_CREDENTIAL, survey, private_data_dir=data_dir)[:2]
    assert runner.status == 'successful', stdout
    assert changed(runner) == 0 and writes(sandbox) == []
    assert_no_secret(data_dir)


def test_running_campaigns_report(controller, sandbox):
    runner, stdout, data_dir = controller.job('running_campaigns.yml', CLIENT_CREDENTIAL,
                                              {'running_campaign_type': 'voice'})
    assert runner.status == 'successful', stdout
    assert '2 running campaign(s)' in stdout and 'Winter Retention Callback Campaign' in stdout
    runner, stdout = controller.job('running_campaigns.yml', CLIENT_CREDENTIAL, {'running_campaign_type': 'voice'},
                                    private_data_dir=data_dir)[:2]
    assert runner.status == 'successful' and changed(runner) == 0, stdout
    assert writes(sandbox) == []
    assert_no_secret(data_dir)


def test_the_secret_check_catches_a_planted_secret(controller, sandbox, tmp_path):
    """The check above is not vacuous: a playbook that prints the injected secret and token is caught, in the
    job events and in stdout, and the raw 'command' artifact does hold the injected environment."""
    leaky = tmp_path / 'leaky.yml'
    leaky.write_text(yaml.safe_dump([{'name': 'leak', 'hosts': 'localhost', 'gather_facts': False, 'tasks': [
        {'name': 'print what the credential injected',
         'ansible.builtin.debug': {'msg': "{{ lookup('ansible.builtin.env', 'KOREAI_CLIENT_SECRET') }}"}}]}]))
    runner, stdout, data_dir = controller.job(str(leaky), CLIENT_CREDENTIAL, {})
    assert runner.status == 'successful', stdout
    leaks = find_secrets(data_dir, SECRETS)
    files = {path for path, label in leaks if label == 'client_secret'}
    assert 'artifacts/run-%d/stdout' % controller.jobs in files
    assert any(path.startswith('artifacts/run-%d/job_events/' % controller.jobs) for path in files)
    with pytest.raises(AssertionError, match='secrets found'):
        assert_no_secret(data_dir)

    # The raw record of the process environment holds it (owner-only); AWX keeps only the masked copy.
    command = data_dir / 'artifacts' / ('run-%d' % controller.jobs) / 'command'
    assert json.loads(command.read_text())['env']['KOREAI_CLIENT_SECRET'] == SECRET
    assert stat.S_IMODE(command.stat().st_mode) == 0o600
    assert not (data_dir / 'env' / 'envvars').exists()
