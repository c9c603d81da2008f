# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Mutation check of the reliability suite: break a guard on purpose and see the tests that guard it fail.

    python scripts/mutation_check.py              every mutation (several minutes; not part of `make test`)
    python scripts/mutation_check.py --list       the mutations and the tests each runs
    python scripts/mutation_check.py --only resend-writes-on-5xx --only ignore-retry-after

The tree (git's tracked and untracked, not ignored, files) is copied to a temporary
.../ansible_collections/koreai/campaign, which is both what the in-process tests import (the root
conftest.py sees it is already in an ansible_collections tree) and, through ANSIBLE_COLLECTIONS_PATH, what
ansible-playbook runs. First the selected tests run on the unchanged copy and must pass. Then, for each
mutation, one small edit is made to the copy (the exact text it replaces must be found once, or the mutation
is reported as not applicable: the code moved on and the mutation needs updating), its tests run, and the
edit is undone. A mutation is caught when at least one of its tests fails.

The results go to .tmp/reliability/mutations.json (each run's pytest output to
.tmp/reliability/mutations/NAME.log) and into the "Mutation check" section of docs/reliability.md.
Exit status 1 when a mutation survived or the baseline failed.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import argparse
import datetime
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FAULTS = 'tests/integration/test_reliability_faults.py'
RATE = 'tests/integration/test_reliability_ratelimit.py'
INPUT = 'tests/integration/test_reliability_input.py'
SECRETS = 'tests/integration/test_reliability_secrets.py'
TLS = 'tests/integration/test_reliability_tls.py'
AUDIT = 'tests/integration/test_reliability_audit.py'
PAGING = 'tests/integration/test_reliability_paging.py'
TRANSPORT = 'tests/integration/test_reliability_transport.py'
PROPERTIES = 'tests/unit/plugins/module_utils/test_reliability_properties.py'


def matrix(*names):
    return ['%s::test_fault_matrix[%s]' % (FAULTS, name) for name in names]


class Mutation:
    def __init__(self, name, guard, path, edits, tests):
        self.name = name
        self.guard = guard      # what the tests must show
        self.path = path        # the file edited
        self.edits = edits      # [(old text, new text)], each old text must occur exactly once
        self.tests = tests


MUTATIONS = [
    Mutation('resend-writes-on-5xx', 'no write is sent twice after HTTP 5xx (the module reads back instead)',
             'plugins/module_utils/retries.py',
             [('return write and failure.kind in (NO_ANSWER, SERVER_ERROR, UNREADABLE)',
               'return write and failure.kind in (NO_ANSWER,)'),
              ('if failure.kind == SERVER_ERROR and failure.status not in READ_RETRY_STATUSES:',
               'if False:')],
             matrix('500 on a start that took effect', '500 on a start that took effect, tolerant server',
                    '500 on a stop that did not take effect',
                    '502 on an SMS stop (wait=false) that did not take effect', '500 on a delete that took effect')
             + ['%s::test_matrix_through_ansible_playbook' % FAULTS]),
    Mutation('no-read-back-after-unknown-outcome', 'a start or stop whose answer was lost is read back, not failed',
             'plugins/module_utils/runner.py',
             [("            if read_back is None:\n                raise\n",
               "            raise\n")],
             matrix('500 on a start that took effect', 'a write slower than timeout',
                    'connection reset on a start that took effect')),
    Mutation('ignore-retry-after', 'Retry-After is honoured', 'plugins/module_utils/retries.py',
             [('            return min(failure.retry_after, self.max_wait)\n', '            return self.backoff(attempt)\n')],
             matrix('429 burst with Retry-After on a read', '429 with Retry-After as an HTTP date')
             + ['%s::test_without_pacing_429s_are_ridden_out' % RATE]),
    Mutation('no-read-retries-on-5xx', 'reads are retried on HTTP 502/503/504', 'plugins/module_utils/retries.py',
             [('READ_RETRY_STATUSES = (502, 503, 504)', 'READ_RETRY_STATUSES = ()')],
             matrix('503 on the read', '502 on the list (lookup by name)', '504 on the status polls while waiting')),
    Mutation('pacing-off', 'client pacing keeps a loop under the account limit (zero 429s)',
             'plugins/module_utils/pacing.py',
             [('return self.per_minute > 0 and HAS_FCNTL', 'return False')],
             ['%s::test_scaled_limit_paced_in_process' % RATE,
              '%s::test_pacing_keeps_forks_and_loops_under_the_real_limit' % RATE]),
    Mutation('secrets-not-no_log', 'the client secret and token are registered as no_log values',
             'plugins/module_utils/koreai_module.py',
             [("client_secret=dict(type='str', no_log=True,", "client_secret=dict(type='str', no_log=False,"),
              ("token=dict(type='str', no_log=True,", "token=dict(type='str', no_log=False,"),
              ('on_secret=self.no_log_values.add, ', 'on_secret=None, ')],
             ['%s::test_every_module_and_role_at_vvvv_keeps_the_secret' % SECRETS,
              '%s::test_ready_token_and_adhoc_keep_the_token' % SECRETS]),
    Mutation('no-message-scrubbing', 'error messages (and the audit trail) are scrubbed of secrets by the client',
             'plugins/module_utils/client.py',
             [('def _scrub(text, secrets):\n', 'def _scrub(text, secrets):\n    return text\n')],
             ['%s::test_every_module_and_role_at_vvvv_keeps_the_secret' % SECRETS,
              '%s::test_retry_warnings_keep_the_secret[client_secret]' % SECRETS]),
    Mutation('tls-verify-off', 'an unverifiable certificate is refused by default', 'plugins/module_utils/client.py',
             [('self.verify = (ca_path or True) if validate_certs else False', 'self.verify = False')],
             ['%s::test_tls[default: refused]' % TLS,
              '%s::test_tls[ca_path of another CA: refused]' % TLS]),
    Mutation('end-in-the-past-not-checked', 'a schedule ending in the past is refused before any request',
             'plugins/module_utils/schedule.py',
             [('    if end_at <= now:\n', '    if False:\n')],
             ['%s::test_refused_before_any_request[end in the past]' % INPUT,
              '%s::test_schedule_options_are_refused_or_accepted_by_the_api' % PROPERTIES]),
    Mutation('host-scheme-not-checked', 'a host with a scheme other than http or https is refused before any request',
             'plugins/module_utils/client.py',
             [("    if parts.scheme not in ('http', 'https')", "    if False and parts.scheme not in ('http', 'https')")],
             ['%s::test_refused_before_any_request[host without scheme]' % INPUT,
              '%s::test_refused_before_any_request[host with another scheme]' % INPUT]),
    Mutation('audit-skips-unknown-outcomes', 'writes with an unknown outcome are recorded in the audit trail',
             'plugins/module_utils/runner.py',
             [("            self.record(operation, subject, None, 'unknown', detail=exc.detail, write_id=write_id)\n", '')],
             matrix('500 on a start that took effect') + ['%s::test_concurrent_forks_share_one_trail' % AUDIT]),
    Mutation('no-confirming-list', 'campaign_bulk lists again after its writes and reports what it cannot confirm',
             'plugins/module_utils/bulk_runner.py',
             [('MAX_CONFIRM_ROUNDS = 3', 'MAX_CONFIRM_ROUNDS = 0')],
             ['%s::test_bulk_stop_under_shifting_pages' % PAGING]),
    Mutation('repeated-pages-accepted', 'a page served again is detected, not paged through forever',
             'plugins/module_utils/paging.py',
             [('if previous is not None and keys and keys == previous:', 'if False:')],
             ['%s::test_endless_pages_end_at_the_servers_total_or_fail_clearly' % PAGING]),
    Mutation('timeout-per-read', 'timeout is a deadline for the whole request, not per socket read',
             'plugins/module_utils/client.py',
             [('        remaining = deadline - time.monotonic()\n', '        remaining = 3600.0\n')],
             ['%s::test_a_trickling_answer_to_a_stop_is_cut_at_the_timeout' % TRANSPORT]),
    Mutation('reused-jti', 'every request carries a fresh jti', 'plugins/module_utils/client.py',
             [("'jti': str(uuid.uuid4()),", "'jti': 'koreai-campaign',")],
             matrix('503 on the read')),
]


def report_lib():
    spec = importlib.util.spec_from_file_location('koreai_reliability_report',
                                                  os.path.join(ROOT, 'scripts', 'reliability_report.py'))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def copy_tree(target):
    files = subprocess.run(['git', 'ls-files', '-z', '-co', '--exclude-standard'], cwd=ROOT, check=True,
                           capture_output=True).stdout.decode('utf-8').split('\0')
    for rel in files:
        if not rel or rel.startswith(('.tmp/', '.venv/')):
            continue
        src = os.path.join(ROOT, rel)
        if not os.path.isfile(src):
            continue
        dst = os.path.join(target, rel)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        shutil.copy2(src, dst)


def run_tests(copy_root, collections_root, tests, workers):
    env = dict(os.environ)
    for name in list(env):
        if name.startswith(('KOREAI_', 'PYTEST_')):
            del env[name]
    env.update(ANSIBLE_COLLECTIONS_PATH=collections_root, ANSIBLE_COLLECTIONS_SCAN_SYS_PATH='false')
    command = [sys.executable, '-m', 'pytest', '-q', '-p', 'no:cacheprovider', '--no-header', '-rfE']
    if workers:
        command += ['-n', str(workers)]
    started = time.monotonic()
    proc = subprocess.run(command + list(tests), cwd=copy_root, env=env, capture_output=True, text=True,
                          timeout=1200, check=False)
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    return proc.returncode, (lines[-1] if lines else proc.stderr[-300:]), proc.stdout, time.monotonic() - started


def save_output(name, output):
    """Keep each run's pytest output in .tmp/reliability/mutations/NAME.log, to see why a mutation was caught."""
    directory = os.path.join(ROOT, '.tmp', 'reliability', 'mutations')
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, name + '.log'), 'w') as handle:
        handle.write(output)


def apply(copy_root, mutation):
    path = os.path.join(copy_root, mutation.path)
    with open(path) as handle:
        original = handle.read()
    text = original
    for old, new in mutation.edits:
        if text.count(old) != 1:
            return None, '%r found %d times in %s' % (old[:60], text.count(old), mutation.path)
        text = text.replace(old, new)
    with open(path, 'w') as handle:
        handle.write(text)
    return original, None


def markdown(results, baseline):
    caught = len([r for r in results if r['result'] == 'caught'])
    lines = [
        'Last run: %s, `python scripts/mutation_check.py` (%d of %d mutations caught; baseline on the unchanged '
        'copy: %s). Each mutation is one small edit to a copy of the collection; it is caught when at least one '
        'of the tests listed fails against that copy.' % (
            datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M UTC'), caught, len(results),
            baseline),
        '',
        '| mutation | the guard it breaks | tests run | result |',
        '|---|---|---|---|',
    ]
    for r in results:
        tests = ', '.join('`%s`' % t.split('::', 1)[1] for t in r['tests'])
        lines.append('| `%s` | %s | %s | **%s** (%s, %.0f s) |' % (
            r['name'], r['guard'], tests, r['result'], r['detail'].replace('|', '\\|'), r['seconds']))
    return '\n'.join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n', maxsplit=1)[0])
    parser.add_argument('--list', action='store_true', help='show the mutations and their tests')
    parser.add_argument('--only', action='append', default=[], help='run only this mutation (repeatable)')
    parser.add_argument('--keep', action='store_true', help='keep the temporary copy')
    parser.add_argument('--workers', type=int, default=2, help='pytest-xdist workers per run (0: none)')
    args = parser.parse_args(argv)
    chosen = [m for m in MUTATIONS if not args.only or m.name in args.only]
    if args.list:
        for m in MUTATIONS:
            print('%s: %s (%s)\n  %s' % (m.name, m.guard, m.path, '\n  '.join(m.tests)))
        return 0
    unknown = set(args.only) - set(m.name for m in MUTATIONS)
    if unknown:
        parser.error('unknown mutation(s): %s' % ', '.join(sorted(unknown)))

    workdir = tempfile.mkdtemp(prefix='koreai-mutation-')
    collections_root = workdir
    copy_root = os.path.join(workdir, 'ansible_collections', 'koreai', 'campaign')
    try:
        copy_tree(copy_root)
        every_test = sorted(set(t for m in chosen for t in m.tests))
        print('baseline: %d tests on the unchanged copy ...' % len(every_test), flush=True)
        rc, summary, output, seconds = run_tests(copy_root, collections_root, every_test, args.workers)
        baseline = 'passed' if rc == 0 else 'FAILED (%s)' % summary
        print('baseline: %s (%.0f s)' % (summary, seconds), flush=True)
        if rc != 0:
            sys.stdout.write(output[-4000:])
            return 1
        results = []
        for mutation in chosen:
            original, problem = apply(copy_root, mutation)
            if problem:
                results.append(dict(name=mutation.name, guard=mutation.guard, tests=mutation.tests,
                                    result='not applicable', detail=problem, seconds=0))
                print('%-36s not applicable: %s' % (mutation.name, problem), flush=True)
                continue
            try:
                rc, summary, output, seconds = run_tests(copy_root, collections_root, mutation.tests, args.workers)
            finally:
                with open(os.path.join(copy_root, mutation.path), 'w') as handle:
                    handle.write(original)
            result = 'caught' if rc == 1 else 'SURVIVED' if rc == 0 else 'error (pytest exit %d)' % rc
            save_output(mutation.name, output)
            results.append(dict(name=mutation.name, guard=mutation.guard, tests=mutation.tests, result=result,
                                detail=summary, seconds=seconds))
            print('%-36s %s: %s (%.0f s)' % (mutation.name, result, summary, seconds), flush=True)
    finally:
        if args.keep:
            print('copy kept in %s' % workdir)
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    store = os.path.join(ROOT, '.tmp', 'reliability')
    os.makedirs(store, exist_ok=True)
    with open(os.path.join(store, 'mutations.json'), 'w') as handle:
        json.dump({'baseline': baseline, 'results': results}, handle, indent=1)
    report_lib().write_mutation_section(markdown(results, baseline))
    caught = len([r for r in results if r['result'] == 'caught'])
    print('%d of %d mutations caught; results in docs/reliability.md' % (caught, len(results)))
    return 0 if caught == len(results) else 1


if __name__ == '__main__':
    sys.exit(main())
