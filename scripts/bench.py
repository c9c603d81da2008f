#!/usr/bin/env python
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""make bench: API calls per operation, overhead per task against ansible.builtin.uri, module start-up
time, bulk stops of 50 and 200 campaigns, a load of 10,000 contacts and its re-run, and a results export of
10,000 contacts under the rate limit, the memory of loads of 1,000 to 100,000 rows, and the cost of waiting
for 1, 10 and 100 campaigns, against the local sandbox.

Prints the figures and writes docs/performance.md. Run it through `make bench`, which builds and
installs the collection first and exports ANSIBLE_COLLECTIONS_PATH.

    .venv/bin/python scripts/bench.py [--quick] [--output docs/performance.md]
"""

import argparse
import datetime
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'sandbox'))

from koreai_sandbox import start_sandbox  # noqa: E402 pylint: disable=wrong-import-position

BIN = os.path.dirname(sys.executable)


class Bench:
    def __init__(self, sandbox, workdir):
        self.sandbox = sandbox
        self.workdir = workdir
        config = sandbox.config
        stream = config['streams'][0]
        self.env = dict(os.environ)
        self.env.update({
            'HOME': os.path.join(workdir, 'home'),  # a fresh rate-pacing window for every run
            'ANSIBLE_HOME': os.path.join(workdir, 'ansible-home'),
            'ANSIBLE_LOCALHOST_WARNING': 'false', 'ANSIBLE_INVENTORY_UNPARSED_WARNING': 'false',
            'ANSIBLE_PYTHON_INTERPRETER': sys.executable, 'ANSIBLE_NOCOLOR': '1',
            'KOREAI_HOST': sandbox.url, 'KOREAI_CLIENT_ID': config['client_id'],
            'KOREAI_CLIENT_SECRET': config['client_secret'], 'KOREAI_STREAM_ID': stream['stream_id'],
            'KOREAI_ACCOUNT_ID': stream['account_id'], 'KOREAI_RATE_LIMIT': '100000',
        })
        self.env.pop('KOREAI_TOKEN', None)
        os.makedirs(self.env['HOME'], exist_ok=True)
        self.runs = 0

    def playbook(self, tasks, extra_env=None, play_vars=None):
        """Run tasks on localhost; return (registered results, seconds per task from timestamps)."""
        self.runs += 1
        out = os.path.join(self.workdir, 'out-%d.json' % self.runs)
        body = []
        for index, task in enumerate(tasks):
            body.append({'name': 'mark %d' % index, 'ansible.builtin.set_fact': {'mark_%d' % index: '{{ now().timestamp() }}'}})
            body.append(dict(task, name='task %d' % index, register='result_%d' % index))
        body.append({'name': 'mark end', 'ansible.builtin.set_fact': {'mark_end': '{{ now().timestamp() }}'}})
        marks = ['mark_%d' % i for i in range(len(tasks))] + ['mark_end']
        collect = '{{ {"results": [%s], "marks": [%s]} | to_json }}' % (
            ', '.join('result_%d' % i for i in range(len(tasks))), ', '.join(marks))
        body.append({'name': 'collect', 'ansible.builtin.copy': {'content': collect, 'dest': out}})
        play = [{'name': 'bench', 'hosts': 'localhost', 'gather_facts': False, 'vars': play_vars or {}, 'tasks': body}]
        path = os.path.join(self.workdir, 'bench-%d.yml' % self.runs)
        with open(path, 'w') as handle:
            yaml.safe_dump(play, handle, sort_keys=False)
        env = dict(self.env)
        env.update(extra_env or {})
        proc = subprocess.run([os.path.join(BIN, 'ansible-playbook'), '-i', 'localhost,', '-c', 'local', path],
                              cwd=self.workdir, env=env, capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise SystemExit('benchmark playbook failed:\n' + proc.stdout[-3000:] + proc.stderr[-2000:])
        with open(out) as handle:
            data = json.load(handle)
        stamps = [float(m) for m in data['marks']]
        # mark_i is set just before task i; the set_fact between tasks is the same for every task.
        durations = [stamps[i + 1] - stamps[i] for i in range(len(tasks))]
        return data['results'], durations


def calls_per_operation(bench):
    control = bench.sandbox.control
    control.reset()
    ids = dict((name, control.seed_campaign(type='voice', name=name, status=status)['_id']) for name, status in (
        ('Bench Stopped', 'Stopped'), ('Bench Active', 'Active'), ('Bench Active Wait', 'Active'),
        ('Bench Ready', 'Ready'), ('Bench Ready Wait', 'Ready'), ('Bench Delete', 'Ready')))
    control.seed_campaign(type='sms', name='Bench Schedule', status='Ready')
    cases = [
        ('campaign_info', 'one campaign by id', {'campaign_info': {'campaign_id': ids['Bench Ready']}}, 1),
        ('campaign_info', 'all voice campaigns (< 100)', {'campaign_info': {'campaign_type': 'voice'}}, 1),
        ('campaign_info', 'voice and SMS', {'campaign_info': {}}, 2),
        ('voice_campaign', 'stopped, already stopped (no-op)',
         {'voice_campaign': {'campaign_id': ids['Bench Stopped'], 'state': 'stopped'}}, 1),
        ('voice_campaign', 'started, already Active (no-op)',
         {'voice_campaign': {'campaign_id': ids['Bench Active'], 'state': 'started'}}, 1),
        ('voice_campaign', 'absent, already gone (no-op)',
         {'voice_campaign': {'campaign_id': 'cd-gone', 'state': 'absent'}}, 1),
        ('voice_campaign', 'stopped, Active -> Stopped, wait=false',
         {'voice_campaign': {'campaign_id': ids['Bench Active'], 'state': 'stopped', 'wait': False}}, 2),
        ('voice_campaign', 'stopped, Active -> Stopped, wait=true',
         {'voice_campaign': {'campaign_id': ids['Bench Active Wait'], 'state': 'stopped'}}, 3),
        ('voice_campaign', 'started, Ready -> Active, wait=false',
         {'voice_campaign': {'campaign_id': ids['Bench Ready'], 'state': 'started', 'wait': False}}, 2),
        ('voice_campaign', 'started, Ready -> Active, wait=true',
         {'voice_campaign': {'campaign_id': ids['Bench Ready Wait'], 'state': 'started'}}, 3),
        ('voice_campaign', 'absent, by id', {'voice_campaign': {'campaign_id': ids['Bench Delete'], 'state': 'absent'}}, 2),
        ('campaign_schedule', 'disabled, already off (no-op)',
         {'campaign_schedule': {'campaign': 'Bench Schedule', 'campaign_type': 'sms', 'state': 'disabled'}}, 1),
        ('campaign_schedule', 'enabled daily, off -> on',
         {'campaign_schedule': {'campaign': 'Bench Schedule', 'campaign_type': 'sms', 'recurrence': 'daily',
                                'start': '2026-01-27 18:29:00', 'end': '2099-01-01 00:00:00'}}, 2),
        ('campaign_schedule', 'enabled daily, same again (no-op)',
         {'campaign_schedule': {'campaign': 'Bench Schedule', 'campaign_type': 'sms', 'recurrence': 'daily',
                                'start': '2026-01-27 18:29:00', 'end': '2099-01-01 00:00:00'}}, 1),
        ('campaign_bulk', 'stopped, 3 running of 6 (wait=false)',
         {'campaign_bulk': {'state': 'stopped', 'campaign_type': 'voice', 'name_pattern': '^Bench', 'wait': False}}, 3),
        ('campaign_bulk', 'stopped, none running (no-op)',
         {'campaign_bulk': {'state': 'stopped', 'campaign_type': 'voice', 'name_pattern': '^Bench'}}, 1),
    ]
    tasks = [dict(('koreai.campaign.' + k, v) for k, v in case[2].items()) for case in cases]
    results, dummy = bench.playbook(tasks)
    rows = []
    for (module, scenario, dummy_task, target), result in zip(cases, results):
        rows.append((module, scenario, result['api_calls'], target))
    return rows


def overhead_against_uri(bench, repeats):
    """The same single GET as koreai.campaign.campaign_info and as ansible.builtin.uri, in one run."""
    control = bench.sandbox.control
    control.reset()
    campaign_id = control.seed_campaign(type='voice', name='Bench Overhead', status='Ready')['_id']
    stream = bench.sandbox.config['streams'][0]
    url = '%s/campaign/api/v2/public/%s/campaign/%s?accountId=%s' % (
        bench.sandbox.url, stream['stream_id'], campaign_id, stream['account_id'])
    # uri gets a pre-minted token per call: the sandbox, like Kore.ai with JTI enforced, refuses replays.
    tokens = [bench.sandbox.token() for dummy in range(repeats)]
    tasks = []
    for index in range(repeats):
        tasks.append({'koreai.campaign.campaign_info': {'campaign_id': campaign_id}})
        tasks.append({'ansible.builtin.uri': {'url': url, 'method': 'GET', 'return_content': False, 'headers': {
            'auth': tokens[index], 'iid': stream['stream_id'], 'accountId': stream['account_id']}}})
    dummy, durations = bench.playbook(tasks)
    module_times = durations[0::2]
    uri_times = durations[1::2]
    return statistics.median(module_times), statistics.median(uri_times)


def startup_time(repeats):
    """Seconds to import a module file with its module_utils, above importing AnsibleModule alone."""
    env = dict(os.environ)
    paths = env.get('ANSIBLE_COLLECTIONS_PATH', '').split(':')
    env['PYTHONPATH'] = ':'.join(p for p in paths if p)

    def timed(code):
        samples = []
        for dummy in range(repeats):
            started = time.perf_counter()
            subprocess.run([sys.executable, '-c', code], env=env, check=True)
            samples.append(time.perf_counter() - started)
        return statistics.median(samples)
    base = timed('import ansible.module_utils.basic')
    module = timed('import ansible.module_utils.basic; '
                   'import ansible_collections.koreai.campaign.plugins.modules.voice_campaign')
    return base, module


def bulk_stop(bench, count, per_minute):
    """Stop `count` running campaigns in one campaign_bulk task with the sandbox limit on."""
    control = bench.sandbox.control
    control.reset(seed='empty')
    for index in range(count):
        control.seed_campaign(type='voice', name='Bulk %03d' % index, status='Active')
    control.configure(rate_limit={'enabled': True, 'per_minute': per_minute, 'retry_after': True})
    control.clear_log()
    task = {'koreai.campaign.campaign_bulk': {'state': 'stopped', 'campaign_type': 'voice',
                                              'name_pattern': '^Bulk ', 'wait': True}}
    # A fresh pacing window (HOME), like the sandbox's after its reset.
    home = tempfile.mkdtemp(prefix='home-', dir=bench.workdir)
    started = time.monotonic()
    results, durations = bench.playbook([task], extra_env={'KOREAI_RATE_LIMIT': str(per_minute), 'HOME': home})
    wall = time.monotonic() - started
    log = control.requests_log()
    control.configure(rate_limit={'enabled': False})
    result = results[0]
    writes = len([r for r in log if r['write'] and not r['rate_limited']])
    calls = len(log)
    limited = len([r for r in log if r['rate_limited']])
    steady_floor = 60.0 * writes / per_minute
    # Under a sliding 60 s window, `calls` requests need ceil(calls / limit) - 1 full windows.
    window_floor = 60.0 * max(0, math.ceil(calls / float(per_minute)) - 1)
    return {'count': count, 'per_minute': per_minute, 'calls': calls, 'writes': writes, 'rate_limited': limited,
            'task_seconds': durations[0], 'wall': wall, 'steady_floor': steady_floor, 'window_floor': window_floor,
            'stopped': len(result['changed_ids']), 'failed': len(result['failed_ids'])}


def _limited_run(bench, tasks, per_minute):
    """Run tasks with the sandbox enforcing per_minute and the modules pacing to it, from a fresh window."""
    control = bench.sandbox.control
    control.configure(rate_limit={'enabled': True, 'per_minute': per_minute, 'retry_after': False})
    control.clear_log()
    home = tempfile.mkdtemp(prefix='home-', dir=bench.workdir)
    time.sleep(61)  # the sandbox's window must be empty too: earlier cases used it
    started = time.monotonic()
    results, durations = bench.playbook(tasks, extra_env={'KOREAI_RATE_LIMIT': str(per_minute), 'HOME': home})
    wall = time.monotonic() - started
    log = control.requests_log()
    control.configure(rate_limit={'enabled': False})
    calls = len([r for r in log if not r['rate_limited']])
    return {'results': results, 'durations': durations, 'wall': wall, 'calls': calls,
            'writes': len([r for r in log if r['write'] and not r['rate_limited']]),
            'rate_limited': len([r for r in log if r['rate_limited']]),
            'window_floor': 60.0 * max(0, math.ceil(calls / float(per_minute)) - 1)}


def contacts_load(bench, rows, per_minute):
    """Load `rows` contacts into an empty list, then the same file again, under the rate limit."""
    control = bench.sandbox.control
    control.reset(seed='empty')
    control.seed_contact_list(name='Bench Leads', description='bench')
    src = os.path.join(bench.workdir, 'bench-%d.csv' % rows)
    with open(src, 'w') as handle:
        handle.write('phoneNumber,firstName\n')
        for i in range(rows):
            handle.write('+1312%07d,Name%d\n' % (i, i))
    task = {'koreai.campaign.contacts': {'contact_list': 'Bench Leads', 'src': src, 'wait_timeout': 600}}
    first = _limited_run(bench, [task], per_minute)
    again = _limited_run(bench, [task], per_minute)
    adds = -(-rows // 100)
    return {'rows': rows, 'per_minute': per_minute, 'first': first, 'again': again,
            'add_floor': 60.0 * adds / per_minute, 'read_floor': 60.0 * (1 + -(-rows // 50)) / per_minute}


def results_export(bench, contacts, per_minute):
    """Export the per-contact results of a finished run of `contacts` contacts under the rate limit."""
    control = bench.sandbox.control
    control.reset(seed='empty')
    leads = control.seed_contact_list(name='Bench Run', description='bench', contacts={'count': contacts, 'start': 0})
    dnc = control.seed_contact_list(name='Bench DNC', description='bench', contacts=[])
    cid = control.seed_campaign(type='voice', name='Bench Run', status='Ready', contactLists=[leads['name']],
                                dncLists={'id': dnc['_id'], 'name': dnc['name']})['_id']
    control.set_campaign(cid, status='Active')
    control.finish_dialing(cid)
    dest = os.path.join(bench.workdir, 'results-%d.csv' % contacts)
    run = _limited_run(bench, [{'koreai.campaign.campaign_results': {'campaign_id': cid, 'dest': dest}}], per_minute)
    pages = -(-contacts // 100)
    return {'contacts': contacts, 'per_minute': per_minute, 'run': run, 'pages': pages,
            'page_floor': 60.0 * pages / per_minute}


def wait_cost(bench, count, seconds=30):
    """Requests an hour that campaign_wait costs for `count` running campaigns, measured over `seconds`."""
    control = bench.sandbox.control
    control.reset(seed='empty')
    control.configure(dial_rate=0)
    ids = [control.seed_campaign(type='voice', name='Wait %03d' % i, status='Active')['_id'] for i in range(count)]
    control.clear_log()
    task = {'koreai.campaign.campaign_wait': {'campaign_ids': ids, 'campaign_type': 'voice',
                                              'wait_timeout': seconds, 'fail_on_timeout': False}}
    results, durations = bench.playbook([task], extra_env={'KOREAI_RATE_LIMIT': '60'})
    control.configure(dial_rate=20)
    result = results[0]
    per_hour = result['api_calls'] * 3600.0 / max(result['waited_seconds'], 1)
    return {'count': count, 'calls': result['api_calls'], 'seconds': result['waited_seconds'],
            'interval': result['poll_interval'], 'per_hour': per_hour, 'per_campaign_hour': per_hour / count}


def contacts_memory(bench, rows):
    """Peak memory (maxrss) of the contacts module process reading `rows` rows in check mode."""
    control = bench.sandbox.control
    control.reset(seed='empty')
    control.seed_contact_list(name='Memory Leads', description='bench')
    src = os.path.join(bench.workdir, 'memory-%d.csv' % rows)
    with open(src, 'w') as handle:
        handle.write('phoneNumber,firstName,lastName,segment\n')
        for i in range(rows):
            handle.write('+1312%07d,First%d,Last%d,segment-%d\n' % (i, i, i, i % 7))
    args = os.path.join(bench.workdir, 'memory-%d.json' % rows)
    with open(args, 'w') as handle:
        json.dump({'ANSIBLE_MODULE_ARGS': {'contact_list': 'Memory Leads', 'src': src, '_ansible_check_mode': True}},
                  handle)
    collections = os.environ['ANSIBLE_COLLECTIONS_PATH'].split(':')[0]
    code = ('import resource, runpy, sys; sys.argv = ["contacts", %r]\n'
            'try:\n    runpy.run_module("ansible_collections.koreai.campaign.plugins.modules.contacts", '
            'run_name="__main__")\nexcept SystemExit:\n    pass\n'
            'sys.stderr.write("MAXRSS %%d\\n" %% resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)' % args)
    env = dict(bench.env, PYTHONPATH=collections)
    started = time.monotonic()
    proc = subprocess.run([sys.executable, '-c', code], env=env, capture_output=True, text=True, check=False)
    seconds = time.monotonic() - started
    result = json.loads(proc.stdout[proc.stdout.index('{'):]) if '{' in proc.stdout else {}
    if result.get('failed') or 'MAXRSS' not in proc.stderr:
        raise SystemExit('memory run failed: %s %s' % (proc.stdout[-1000:], proc.stderr[-1000:]))
    kib = int(proc.stderr.split('MAXRSS ')[1].split()[0])
    return {'rows': rows, 'maxrss_mib': kib / 1024.0, 'seconds': seconds, 'would_add': result.get('would_add')}


def render(rows, overhead, startup, bulks, quick, extra=None):
    lines = ['# Performance', '',
             'Produced by `make bench` (scripts/bench.py) against the local sandbox on %s, Python %s, %s.' % (
                 datetime.date.today().isoformat(), platform.python_version(), platform.machine()),
             'Figures are from one run on a shared 2-core machine; counts are exact, times are indicative.',
             '' if not quick else '(--quick run: fewer repeats, smaller bulk case.)', '',
             '## API calls per operation', '',
             'Kore.ai allows 60 requests per minute per account, so requests are the scarce resource. Target: a',
             'no-op costs only the reads it needs (1 by id), a change one read plus one write, plus status polls',
             'only while waiting. `tests/integration/test_api_calls.py` fails CI when these counts grow.', '',
             '| module | scenario | calls | target |', '|---|---|---|---|']
    for module, scenario, calls, target in rows:
        lines.append('| %s | %s | %d | %d%s |' % (module, scenario, calls, target, '' if calls <= target else ' (MISSED)'))
    module_time, uri_time = overhead
    base, module_import = startup
    lines += ['', '## Overhead per task', '',
              'One GET of a campaign, as `koreai.campaign.campaign_info campaign_id=...` and as `ansible.builtin.uri`',
              'with hand-made headers, alternating in one playbook run (median of each):', '',
              '| task | seconds |', '|---|---|',
              '| koreai.campaign.campaign_info | %.3f |' % module_time,
              '| ansible.builtin.uri | %.3f |' % uri_time,
              '| ratio (target <= 1.2) | %.2f |' % (module_time / uri_time), '',
              'Start-up: importing `voice_campaign` with its module_utils (requests, PyJWT included) takes',
              '%.3f s against %.3f s for `ansible.module_utils.basic` alone (+%.3f s).' % (
                  module_import, base, module_import - base), '',
              '## Bulk stop under the rate limit', '',
              'One `koreai.campaign.campaign_bulk state=stopped` task over N running campaigns, the sandbox enforcing',
              'the per-minute limit (scaled down so that the run needs more than one window) and the modules pacing',
              'to the same limit (`rate_limit`). The steady-rate floor is writes / limit; the exact floor under a',
              'sliding one-minute window is (ceil(calls / limit) - 1) full minutes, since a full window of requests',
              'may go at once.', '',
              '| N | limit/min | calls | writes | HTTP 429 | task s | steady floor s | window floor s | task / window floor |',
              '|---|---|---|---|---|---|---|---|---|']
    for b in bulks:
        ratio = b['task_seconds'] / b['window_floor'] if b['window_floor'] else float('nan')
        lines.append('| %d | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.2f |' % (
            b['count'], b['per_minute'], b['calls'], b['writes'], b['rate_limited'], b['task_seconds'],
            b['steady_floor'], b['window_floor'], ratio))
    lines += ['', 'Calls for N campaigns: ceil(N / 100) list calls to read every status, N stops, then one list',
              'call per poll round while waiting, instead of N reads, N writes and N status polls.', '',
              '## Pacing across processes', '',
              'Ansible runs every task, fork and loop item in its own process. The modules share the account\'s',
              'budget through a small lock file per account under `~/.ansible/tmp/koreai.campaign/` (a sliding',
              'one-minute log of request times, kept under `flock`), so forks, loops and parallel playbooks on one',
              'controller wait for a free slot instead of running into HTTP 429. Set `rate_limit`',
              '(`KOREAI_RATE_LIMIT`) lower when other tools or controllers share the account; HTTP 429 is still',
              'retried after `Retry-After` when that happens.', '']
    if extra:
        lines += render_contacts_and_results(extra)
    return '\n'.join(lines)


def render_contacts_and_results(extra):
    lines = ['## Loading contacts under the rate limit', '',
             'One `koreai.campaign.contacts` task loads N contacts from a CSV file into an empty list, then the same',
             'file again, the sandbox enforcing the limit and the module pacing to it. The add floor is the',
             'steady-rate time of the adds alone (adds / limit); the window floor is the exact least time under a',
             'sliding one-minute window ((ceil(calls / limit) - 1) minutes), which a paced client can beat the',
             'steady rate by, since a full window may go at once.', '',
             '| N | limit/min | run | calls | writes | HTTP 429 | task s | add floor s | window floor s | task / add floor |',
             '|---|---|---|---|---|---|---|---|---|---|']
    for load in extra['loads']:
        for label, run in (('first load', load['first']), ('same file again', load['again'])):
            floor = load['add_floor'] if label == 'first load' else load['read_floor']
            lines.append('| %d | %d | %s | %d | %d | %d | %.1f | %.1f | %.1f | %.2f |' % (
                load['rows'], load['per_minute'], label, run['calls'], run['writes'], run['rate_limited'],
                run['durations'][0], floor, run['window_floor'], run['durations'][0] / floor))
    lines += ['', 'The rerun sends no write; its floor is its reads (1 + N / 50) / limit. Reading back what a large list',
              'holds is the cost of idempotency; the module reads it only when the list is not empty.', '',
              '## Memory of a load', '',
              'Peak resident memory (maxrss) of the `contacts` module process reading a CSV file of N rows and',
              'planning the load (check mode, empty list: every row read, checked and stored):', '',
              '| rows | peak MiB | seconds |', '|---|---|---|']
    for m in extra['memory']:
        lines.append('| %d | %.1f | %.1f |' % (m['rows'], m['maxrss_mib'], m['seconds']))
    lines += ['', 'Rows are streamed and kept in a private SQLite file, not in memory: the peak stays flat as the',
              'file grows.', '', '## Results export under the rate limit', '',
              '`koreai.campaign.campaign_results` of a finished run of N contacts, written to a CSV file page by page:',
              '', '| contacts | limit/min | calls | pages | HTTP 429 | task s | page floor s | window floor s | task / page floor |',
              '|---|---|---|---|---|---|---|---|---|']
    for r in extra['results']:
        run = r['run']
        lines.append('| %d | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.2f |' % (
            r['contacts'], r['per_minute'], run['calls'], r['pages'], run['rate_limited'], run['durations'][0],
            r['page_floor'], run['window_floor'], run['durations'][0] / r['page_floor']))
    lines += ['', '## Waiting for the end of a run', '',
              '`koreai.campaign.campaign_wait` over N running campaigns of one type, with the default poll interval',
              '(30 s, never shorter than what keeps the wait within half of 60 requests a minute), measured over a',
              'short wait and scaled to an hour:', '',
              '| campaigns | calls | seconds | interval s | requests / hour | requests / campaign-hour |',
              '|---|---|---|---|---|---|']
    for w in extra['waits']:
        lines.append('| %d | %d | %.0f | %.0f | %.0f | %.2f |' % (
            w['count'], w['calls'], w['seconds'], w['interval'], w['per_hour'], w['per_campaign_hour']))
    lines += ['', 'One list call reads 100 campaigns, so the cost of a round does not grow with the campaigns until',
              'there are more than 100 of a type.', '']
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--quick', action='store_true', help='fewer repeats and a smaller bulk case')
    parser.add_argument('--output', default=os.path.join(ROOT, 'docs', 'performance.md'))
    args = parser.parse_args()
    if not os.environ.get('ANSIBLE_COLLECTIONS_PATH'):
        raise SystemExit('run through `make bench` (it installs the collection and sets ANSIBLE_COLLECTIONS_PATH)')
    with tempfile.TemporaryDirectory(prefix='koreai-bench-') as workdir, start_sandbox() as sandbox:
        bench = Bench(sandbox, workdir)
        print('calls per operation ...', flush=True)
        rows = calls_per_operation(bench)
        print('overhead against ansible.builtin.uri ...', flush=True)
        overhead = overhead_against_uri(bench, 3 if args.quick else 10)
        print('module start-up ...', flush=True)
        startup = startup_time(3 if args.quick else 10)
        bulks = []
        for count, per_minute in ((20, 15),) if args.quick else ((50, 40), (200, 150)):
            print('bulk stop of %d campaigns at %d/minute ...' % (count, per_minute), flush=True)
            bulks.append(bulk_stop(bench, count, per_minute))
        extra = {'loads': [], 'memory': [], 'results': [], 'waits': []}
        for count in (1000,) if args.quick else (10000,):
            print('loading %d contacts ...' % count, flush=True)
            extra['loads'].append(contacts_load(bench, count, 60))
        for count in (1000, 10000) if args.quick else (1000, 10000, 100000):
            print('memory of a load of %d rows ...' % count, flush=True)
            extra['memory'].append(contacts_memory(bench, count))
        for count in (1000,) if args.quick else (10000,):
            print('results export of %d contacts ...' % count, flush=True)
            extra['results'].append(results_export(bench, count, 60))
        for count in (1, 10, 100):
            print('waiting for %d campaigns ...' % count, flush=True)
            extra['waits'].append(wait_cost(bench, count, 20 if args.quick else 60))
    text = render(rows, overhead, startup, bulks, args.quick, extra)
    print(text)
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, 'w') as handle:
        handle.write(text)
    print('wrote %s' % os.path.relpath(args.output, ROOT))


if __name__ == '__main__':
    main()
