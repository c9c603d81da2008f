# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Integration fixtures: the installed collection, a sandbox per test session, and helpers that run
ansible-playbook and ad-hoc ansible for real, from outside the source tree."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import os
import subprocess
import sys

import pytest
import yaml

from koreai_sandbox import start_sandbox
from koreai_sandbox.config import DEFAULT_ACCOUNT_ID, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_STREAM_ID

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.path.dirname(sys.executable)
STREAM = DEFAULT_STREAM_ID
ACCOUNT = DEFAULT_ACCOUNT_ID
CLIENT_ID = DEFAULT_CLIENT_ID
SECRET = DEFAULT_CLIENT_SECRET


@pytest.fixture(scope='session')
def collections_path(tmp_path_factory):
    """ANSIBLE_COLLECTIONS_PATH with koreai.campaign installed from a built tarball."""
    given = os.environ.get('ANSIBLE_COLLECTIONS_PATH')
    if given and os.path.isdir(os.path.join(given.split(':')[0], 'ansible_collections', 'koreai', 'campaign')):
        return given
    build = tmp_path_factory.mktemp('build')
    target = tmp_path_factory.mktemp('collections')
    subprocess.run([os.path.join(BIN, 'ansible-galaxy'), 'collection', 'build', '--output-path', str(build), ROOT],
                   check=True, capture_output=True)
    tarball = next(build.glob('koreai-campaign-*.tar.gz'))
    subprocess.run([os.path.join(BIN, 'ansible-galaxy'), 'collection', 'install', '--force', '-p', str(target),
                    str(tarball)], check=True, capture_output=True)
    return str(target)


@pytest.fixture(scope='session')
def sandbox_server():
    handle = start_sandbox()
    yield handle
    handle.stop()


@pytest.fixture
def sandbox(sandbox_server, request):
    """The session's sandbox, reset to its default seed and strict mode before each test."""
    sandbox_server.control.reset()
    yield sandbox_server
    if os.environ.get('KOREAI_REQUEST_LOG_DIR'):
        _keep_request_log(sandbox_server, request.node.nodeid, os.environ['KOREAI_REQUEST_LOG_DIR'])


def _keep_request_log(sandbox, nodeid, directory):
    """Writes what this test sent, in order and without run-to-run noise (ids, times, tokens), so two
    runs of the suite can be compared request for request (scripts/compare_request_logs.py)."""
    rows = []
    for entry in sandbox.control.requests_log():
        rows.append({key: entry.get(key) for key in ('method', 'route', 'operation', 'query_string', 'body',
                                                     'status_code', 'write')})
    os.makedirs(directory, exist_ok=True)
    name = ''.join(c if c.isalnum() or c in '-_.' else '_' for c in nodeid)[:200]
    with open(os.path.join(directory, name + '.json'), 'w') as handle:
        json.dump(rows, handle, indent=1, sort_keys=True)


class Ansible:
    """Runs ansible-playbook and ad-hoc ansible against the sandbox, as a user would."""

    def __init__(self, sandbox, collections_path, workdir):
        self.sandbox = sandbox
        self.workdir = workdir
        self.env = dict(os.environ)
        for name in list(self.env):
            if name.startswith('KOREAI_'):
                del self.env[name]
        self.env.update({
            'ANSIBLE_COLLECTIONS_PATH': collections_path,
            'ANSIBLE_COLLECTIONS_SCAN_SYS_PATH': 'false',
            'ANSIBLE_LOCALHOST_WARNING': 'false',
            'ANSIBLE_INVENTORY_UNPARSED_WARNING': 'false',
            'ANSIBLE_PYTHON_INTERPRETER': sys.executable,
            'ANSIBLE_NOCOLOR': '1',
            'ANSIBLE_FORCE_COLOR': '0',
            'ANSIBLE_RETRY_FILES_ENABLED': 'false',
            'ANSIBLE_HOME': str(workdir / 'ansible-home'),
            'KOREAI_HOST': sandbox.url,
            'KOREAI_CLIENT_ID': CLIENT_ID,
            'KOREAI_CLIENT_SECRET': SECRET,
            'KOREAI_STREAM_ID': STREAM,
            'KOREAI_ACCOUNT_ID': ACCOUNT,
            # Tests send far more than 60 requests a minute to the sandbox; pacing stays on, high.
            'KOREAI_RATE_LIMIT': '100000',
        })
        self.runs = 0

    def playbook(self, tasks, check=False, diff=False, extra_args=(), env=None, ignore_errors=True):
        """Run the tasks in one play on localhost; return (rc, [result of each task], output).

        Each task's registered result is written to a JSON file by a last task, so the test reads
        exactly what a playbook would see."""
        self.runs += 1
        out_file = self.workdir / ('results-%d.json' % self.runs)
        named = []
        for index, task in enumerate(tasks):
            task = dict(task)
            task.setdefault('name', 'task %d' % index)
            task['register'] = 'result_%d' % index
            if ignore_errors:
                task['ignore_errors'] = True
            named.append(task)
        collect = '{{ [%s] | to_json }}' % ', '.join('result_%d' % i for i in range(len(tasks)))
        named.append({'name': 'collect results', 'ansible.builtin.copy': {'content': collect, 'dest': str(out_file)},
                      'check_mode': False, 'diff': False})
        play = [{'name': 'integration', 'hosts': 'localhost', 'gather_facts': False, 'tasks': named}]
        path = self.workdir / ('playbook-%d.yml' % self.runs)
        path.write_text(yaml.safe_dump(play, sort_keys=False))
        args = [os.path.join(BIN, 'ansible-playbook'), '-i', 'localhost,', '-c', 'local', str(path)]
        if check:
            args.append('--check')
        if diff:
            args.append('--diff')
        args.extend(extra_args)
        proc = self._run(args, env)
        results = json.loads(out_file.read_text()) if out_file.exists() else None
        return proc.returncode, results, proc.stdout + proc.stderr

    def run_file(self, playbook, extra_args=(), env=None):
        args = [os.path.join(BIN, 'ansible-playbook'), '-i', 'localhost,', '-c', 'local', playbook]
        args.extend(extra_args)
        proc = self._run(args, env)
        return proc.returncode, proc.stdout + proc.stderr

    def adhoc(self, module, args, extra_args=(), env=None):
        """ansible localhost -m MODULE -a ARGS; return (rc, parsed result, output)."""
        command = [os.path.join(BIN, 'ansible'), 'localhost', '-i', 'localhost,', '-c', 'local', '-m', module,
                   '-a', args]
        command.extend(extra_args)
        proc = self._run(command, env)
        output = proc.stdout + proc.stderr
        return proc.returncode, parse_adhoc(proc.stdout), output

    def _run(self, args, env):
        run_env = dict(self.env)
        run_env.update(env or {})
        # From outside the source tree, so the installed collection is what runs.
        return subprocess.run(args, cwd=str(self.workdir), env=run_env, capture_output=True, text=True, timeout=600,
                              check=False)


def parse_adhoc(stdout):
    """The JSON after 'localhost | STATUS =>' in the minimal callback's output."""
    marker = stdout.find('=>')
    if marker < 0:
        return None
    try:
        return json.loads(stdout[marker + 2:])
    except ValueError:
        return None


@pytest.fixture
def ansible(sandbox, collections_path, tmp_path):
    return Ansible(sandbox, collections_path, tmp_path)


# -- reliability suite (test_reliability_*.py; helpers in reliability_support.py) ---------------------
# Each test's cases are recorded under .tmp/reliability/records/; `make reliability-report` renders
# docs/reliability.md from them. A test run never rewrites the tracked report by itself.

@pytest.fixture
def reliability(request):
    """Records this test's reliability cases; they are kept only if the test passes (or fails as an xfail)."""
    from .reliability_support import report_lib
    recorder = report_lib.TestRecorder(request.node.nodeid)
    failed_before = request.session.testsfailed
    yield recorder
    marker = request.node.get_closest_marker('xfail')
    if marker is not None:
        recorder.known_bug(None, marker.kwargs.get('reason', ''))
    recorder.finish(request.session.testsfailed == failed_before)


@pytest.fixture
def inproc(sandbox):
    """Runs modules' main() in this process against the session sandbox (see reliability_support.InProcess)."""
    from .reliability_support import InProcess
    return InProcess(sandbox)
