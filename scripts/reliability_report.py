# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The reliability report: docs/reliability.md, written from what the reliability tests recorded.

Every reliability test (tests/integration/test_reliability_*.py,
tests/unit/plugins/module_utils/test_reliability_*.py) records its cases while it runs: what was
injected or tried, what the module did, the writes the sandbox saw, how long it took. A test's
records are kept only when the test passed, in one JSON file per test under
.tmp/reliability/records/. The tracked docs/reliability.md is rendered from all records on disk
only when asked, with `make reliability-report` after a test run (`make test`, `make unit`,
`make integration`), so the report shows the latest result of every case and a test run leaves
the working tree as it was.

    python scripts/reliability_report.py            render docs/reliability.md from the records
    python scripts/reliability_report.py --check    also exit 1 if a duplicated write or a leaked
                                                    secret was recorded, or nothing was recorded
    python scripts/reliability_report.py --stdout   print the report instead of writing it

scripts/mutation_check.py writes its results into the marked section at the end of the report;
rendering keeps that section as it is.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import argparse
import hashlib
import json
import math
import os
import re
import sys
import time

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows
    fcntl = None

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STORE = os.path.join(ROOT, '.tmp', 'reliability')
RECORDS = os.path.join(STORE, 'records')
DOC = os.path.join(ROOT, 'docs', 'reliability.md')
MUTATIONS_BEGIN = '<!-- mutation-check:begin (written by scripts/mutation_check.py) -->'
MUTATIONS_END = '<!-- mutation-check:end -->'

GROUPS = [
    ('faults', '1. Fault matrix',
     'Faults injected through the sandbox (`/__sandbox__/faults`) while a module runs. Each case asserts the '
     'final campaign state, the exact writes in the request log and the time taken.'),
    ('rate-limit', '1b. Rate limit',
     'The sandbox\'s per-account limit switched on while a playbook loops over many campaigns.'),
    ('bad-input', '2. Bad input',
     'Options that must be refused before any request, and values that must reach the sandbox encoded exactly. '
     'Property-based cases count every generated input.'),
    ('secrets', '3. Secrets',
     'A known client secret and ready token, every module (and role, when present) at `-vvvv`, in success and '
     'failure paths, ad-hoc, and through ansible-runner; everything the run leaves behind is scanned.'),
    ('tls', '4. TLS', 'A second sandbox serving HTTPS with a self-signed certificate made in the test.'),
    ('audit', '5. Audit trail', 'The audit trail (`audit_log`) under faults and concurrent module runs.'),
    ('paging', '6. Shifting lists, odd statuses and concurrent runs',
     'List pages that shift or never end (`shift_pages`, `endless_pages` faults), names shared across types, '
     'statuses in other spellings, odd answers to a write, and runs on the same campaigns at once on one account '
     'at 60 requests a minute (requests, HTTP 429s and the time against the rate-limit floor in each row).'),
]
GROUP_KEYS = [g[0] for g in GROUPS]


def _slug(nodeid):
    readable = re.sub(r'[^A-Za-z0-9_.-]+', '_', nodeid.split('/')[-1])[:90]
    return '%s-%s.json' % (readable, hashlib.sha256(nodeid.encode('utf-8')).hexdigest()[:10])


class TestRecorder:
    """The cases one test records; stored by finish() only when the test passed."""

    def __init__(self, nodeid, records_dir=RECORDS):
        self.nodeid = nodeid
        self.cases = []
        self.bug = None
        self.fixed = None
        self.path = os.path.join(records_dir, _slug(nodeid))
        # A failing run must not leave the last passing run's record behind.
        try:
            os.unlink(self.path)
        except OSError:
            pass

    def case(self, group, case, did, outcome, injected='', module='', writes=0, write_attempts=0, duplicated=0,
             faults=0, bad_inputs=0, secrets_leaked=0, elapsed=None, bound=None, **extra):
        if group not in GROUP_KEYS:
            raise ValueError('unknown report group %r' % (group,))
        entry = dict(group=group, case=case, did=did, outcome=outcome, injected=injected, module=module,
                     writes=writes, write_attempts=write_attempts, duplicated=duplicated, faults=faults,
                     bad_inputs=bad_inputs, secrets_leaked=secrets_leaked, elapsed=elapsed, bound=bound)
        entry.update(extra)
        self.cases.append(entry)
        return entry

    def known_bug(self, group, reason):
        """A collection bug this (strict xfail) test pins; listed as open."""
        self.bug = {'group': group, 'reason': reason}

    def fixed_bug(self, reason):
        """A collection bug this test found and now guards against, fixed since; listed as fixed."""
        self.fixed = reason

    def finish(self, passed):
        if not passed or not (self.cases or self.bug or self.fixed):
            return
        if not os.path.isdir(os.path.dirname(self.path)):
            os.makedirs(os.path.dirname(self.path))
        data = {'test': self.nodeid, 'time': time.time(), 'cases': self.cases, 'bug': self.bug, 'fixed': self.fixed}
        tmp = '%s.%d.tmp' % (self.path, os.getpid())
        with open(tmp, 'w') as handle:
            json.dump(data, handle, indent=1, sort_keys=True)
        os.replace(tmp, self.path)


def _still_defined(nodeid):
    """False for records of tests that were renamed or removed since they ran."""
    path, sep, rest = nodeid.partition('::')
    name = rest.split('[')[0].split('::')[-1]
    try:
        with open(os.path.join(ROOT, path)) as handle:
            return re.search(r'^\s*def %s\(' % re.escape(name), handle.read(), re.M) is not None
    except OSError:
        return False


def load(records_dir=RECORDS):
    tests = []
    if not os.path.isdir(records_dir):
        return tests
    for name in sorted(os.listdir(records_dir)):
        if not name.endswith('.json'):
            continue
        try:
            with open(os.path.join(records_dir, name)) as handle:
                record = json.load(handle)
        except (OSError, ValueError):
            continue
        if _still_defined(record['test']):
            tests.append(record)
    return tests


def summarize(tests):
    cases = [c for t in tests for c in t['cases']]
    return {
        'tests': len([t for t in tests if t['cases']]),
        'cases': len(cases),
        'faults_survived': sum(c['faults'] for c in cases),
        'bad_inputs': sum(c['bad_inputs'] for c in cases),
        'writes': sum(c['writes'] for c in cases),
        'duplicated': sum(c['duplicated'] for c in cases),
        'secrets_leaked': sum(c['secrets_leaked'] for c in cases),
        'known_bugs': len([t for t in tests if t.get('bug')]),
        'bugs': len(set(t['bug']['reason'] for t in tests if t.get('bug'))),
        'fixed': len(set(t['fixed'] for t in tests if t.get('fixed'))),
        'per_group': dict((g, len([c for c in cases if c['group'] == g])) for g in GROUP_KEYS),
    }


def _backoff(match):
    return match.group(0) if float(match.group(1)).is_integer() else 'retrying in <backoff> s'


# What changes from run to run without meaning anything: temporary paths, ports, the clock, backoff jitter.
VOLATILE = [
    (re.compile(r'/tmp/[^\s|,;)\'"]+'), '<tmp>'),
    (re.compile(r'127\.0\.0\.1:\d{2,5}'), '127.0.0.1:<port>'),
    (re.compile(r'port=\d{2,5}'), 'port=<port>'),
    (re.compile(r'now \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)'), 'now (<now>)'),
    (re.compile(r'retrying in (\d+\.\d) s'), _backoff),
]


def _cell(text, normalise=True):
    text = ' '.join(str(text if text is not None else '').split())
    if normalise:
        for pattern, replacement in VOLATILE:
            text = pattern.sub(replacement, text)
    return text.replace('|', '\\|')


def _seconds(case):
    if case.get('elapsed') is None:
        return ''
    text = '%d s' % max(0, int(math.ceil(case['elapsed'] - 0.05)))
    if case.get('bound'):
        text += ' (≤ %g s)' % case['bound']
    return text


def render(tests, mutation_section=None):
    totals = summarize(tests)
    lines = [
        '# Reliability report',
        '',
        'Generated by the test suite: every reliability test records its cases while it runs, and each pytest',
        'session that runs them (`make test`, `make unit`, `make integration`) writes this file from the records',
        'of the tests that passed (`python scripts/reliability_report.py` writes it again from the same records).',
        'Do not edit it by hand. A failing test leaves no record, so its cases are missing here.',
        '',
        'The tests: `tests/integration/test_reliability_*.py` (helpers in `reliability_support.py`) and',
        '`tests/unit/plugins/module_utils/test_reliability_properties.py`. Most fault and input cases run the',
        'modules\' `main()` in the test process against the sandbox over real HTTP (real retries, sleeps and',
        'timeouts); a cross-section of each group also runs through `ansible-playbook`. Run one group with e.g.',
        '`scripts/pytest.sh integration tests/integration/test_reliability_faults.py`. The mutation check at the',
        'end is `python scripts/mutation_check.py` (slow, not part of `make test`).',
        '',
        '## Totals',
        '',
        '| what | count |',
        '|---|---|',
        '| cases run | %d (in %d tests) |' % (totals['cases'], totals['tests']),
        '| faults injected and survived (converged, or failed with a clear message in bounded time) | %d |'
        % totals['faults_survived'],
        '| bad inputs tried | %d |' % totals['bad_inputs'],
        '| writes that reached the sandbox | %d |' % totals['writes'],
        '| **writes duplicated** (must be 0) | **%d** |' % totals['duplicated'],
        '| **secrets leaked** (must be 0) | **%d** |' % totals['secrets_leaked'],
        '| collection bugs open, pinned by strict xfail tests | %d (in %d tests) |' % (totals['bugs'], totals['known_bugs']),
        '| collection bugs found by this suite and fixed since (now regression tests) | %d |' % totals['fixed'],
        '',
        'A *write* is a start, stop, delete or schedule call that the sandbox processed. A write is *duplicated*',
        'when the same call (method, path and query) reached the sandbox again after an attempt whose outcome the',
        'module could not know (HTTP 5xx, dropped connection, timeout, unreadable answer), or after it succeeded.',
        'Attempts refused with HTTP 429 are not writes: the API did not process them.',
        '',
    ]
    for key, title, intro in GROUPS:
        group_cases = sorted(((c.get('order', 1000), t['test'], i), c) for t in tests
                             for i, c in enumerate(t['cases']) if c['group'] == key)
        if not group_cases:
            continue
        lines += ['## %s' % title, '', intro, '',
                  '| # | case | injected / tried | what the module did | outcome | writes | dup | time |',
                  '|---|---|---|---|---|---|---|---|']
        for index, (dummy, case) in enumerate(group_cases, 1):
            module = ('`%s`: ' % case['module']) if case.get('module') else ''
            writes = '%d' % case['writes']
            if case.get('write_attempts') and case['write_attempts'] != case['writes']:
                writes += ' (%d sent)' % case['write_attempts']
            lines.append('| %d | %s | %s | %s%s | %s | %s | %d | %s |' % (
                index, _cell(case['case']), _cell(case['injected']), module, _cell(case['did']),
                _cell(case['outcome']), writes, case['duplicated'], _seconds(case)))
        lines.append('')
    bugs = {}
    for test in tests:
        if test.get('bug'):
            bugs.setdefault(test['bug']['reason'], []).append(test['test'])
    lines += ['## Collection bugs found', '',
              'Each is pinned by tests marked `xfail(strict=True)`: they fail today as the bug predicts, and will',
              'turn into errors (XPASS) once the bug is fixed, so the mark must then be removed.', '']
    if bugs:
        for number, reason in enumerate(sorted(bugs), 1):
            lines.append('%d. %s  ' % (number, _cell(reason, normalise=False)))
            lines.append('   Pinned by: %s' % ', '.join('`%s`' % t for t in sorted(bugs[reason])))
    else:
        lines.append('None open.')
    fixed = {}
    for test in tests:
        if test.get('fixed'):
            fixed.setdefault(test['fixed'], []).append(test['test'])
    if fixed:
        lines += ['', 'Found by this suite and fixed since; the tests that pinned them now guard against their return:', '']
        for number, reason in enumerate(sorted(fixed), 1):
            lines.append('%d. %s  ' % (number, _cell(reason, normalise=False)))
            lines.append('   Guarded by: %s' % ', '.join('`%s`' % t for t in sorted(fixed[reason])))
    lines.append('')
    lines.append('## Mutation check')
    lines.append('')
    lines.append(mutation_section.strip('\n') if mutation_section else
                 '%s\nNot run yet: `python scripts/mutation_check.py` (slow; not part of `make test`).\n%s'
                 % (MUTATIONS_BEGIN, MUTATIONS_END))
    lines.append('')
    return '\n'.join(lines)


def mutation_section(text):
    """The marked mutation-check section of an existing report, markers included, or None."""
    start = text.find(MUTATIONS_BEGIN)
    end = text.find(MUTATIONS_END)
    if start < 0 or end < start:
        return None
    return text[start:end + len(MUTATIONS_END)]


def _read(path):
    try:
        with open(path) as handle:
            return handle.read()
    except OSError:
        return ''


def write_doc(doc=DOC, records_dir=RECORDS):
    """Render the report from the records, under a lock (pytest-xdist workers finish at different times)."""
    if not os.path.isdir(STORE):
        os.makedirs(STORE)
    lock = os.open(os.path.join(STORE, 'render.lock'), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)
        tests = load(records_dir)
        if not tests:
            return None
        text = render(tests, mutation_section(_read(doc)))
        if _read(doc) != text:
            tmp = '%s.%d.tmp' % (doc, os.getpid())
            with open(tmp, 'w') as handle:
                handle.write(text)
            os.replace(tmp, doc)
        return summarize(tests)
    finally:
        os.close(lock)


def write_mutation_section(section, doc=DOC):
    """Replace the mutation-check section of the report (used by scripts/mutation_check.py)."""
    section = '%s\n%s\n%s' % (MUTATIONS_BEGIN, section.strip('\n'), MUTATIONS_END)
    text = _read(doc)
    current = mutation_section(text)
    if current:
        text = text.replace(current, section)
    else:
        text = render(load(), section)
    with open(doc, 'w') as handle:
        handle.write(text)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n', maxsplit=1)[0])
    parser.add_argument('--check', action='store_true',
                        help='exit 1 when a duplicated write or a leaked secret was recorded, or no records exist')
    parser.add_argument('--stdout', action='store_true', help='print the report instead of writing docs/reliability.md')
    args = parser.parse_args(argv)
    tests = load()
    if args.stdout:
        sys.stdout.write(render(tests, mutation_section(_read(DOC))))
        totals = summarize(tests)
    else:
        totals = write_doc() or summarize(tests)
        print('%s: %d cases, %d faults survived, %d bad inputs, %d writes duplicated, %d secrets leaked'
              % (os.path.relpath(DOC, ROOT), totals['cases'], totals['faults_survived'], totals['bad_inputs'],
                 totals['duplicated'], totals['secrets_leaked']))
    if args.check and (not totals['cases'] or totals['duplicated'] or totals['secrets_leaked']):
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
