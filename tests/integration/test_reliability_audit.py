# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The audit trail (audit_log / KOREAI_AUDIT_LOG) with concurrent module runs, under faults, and in check mode.

The fault matrix (test_reliability_faults.py) checks the trail of every write case, unknown outcomes
included; here: six forks writing one file at once, some of them meeting faults; many processes appending
long lines at once; what a line holds; and that check mode writes nothing.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import multiprocessing
import os
import sys
import time

import yaml

from ansible_collections.koreai.campaign.plugins.module_utils.audit import AuditLog

from .reliability_support import SECRET, VOICE_ACTIVE, duplicated_writes, log, read_audit, record_case

FIELDS = {'time', 'module', 'operation', 'campaign_id', 'campaign_name', 'campaign_type', 'status_before',
          'status_after', 'outcome', 'http_status', 'user', 'controller', 'pid', 'event', 'write_id'}


def read_trail(path):
    return read_audit(path)


def test_concurrent_forks_share_one_trail(ansible, sandbox, reliability, tmp_path):
    ids = [sandbox.control.seed_campaign(type='voice' if n % 2 else 'sms', name='Audited %d' % n,
                                         status='Active')['_id'] for n in range(6)]
    for faulty in ids[:2]:  # two of them lose the answer to their stop, which took effect
        sandbox.control.inject(kind='status', status=500, apply=True,
                               match={'path_contains': faulty, 'operation': 'trigger'})
    trail = tmp_path / 'audit' / 'trail.jsonl'
    inventory = tmp_path / 'hosts.yml'
    inventory.write_text(yaml.safe_dump({'forks': {
        'hosts': dict(('f%d' % n, {'campaign_id': i, 'module_type': 'voice' if n % 2 else 'sms'})
                      for n, i in enumerate(ids)),
        'vars': {'ansible_connection': 'local', 'ansible_python_interpreter': sys.executable}}}))
    playbook = tmp_path / 'forks.yml'
    playbook.write_text(yaml.safe_dump([{'hosts': 'forks', 'gather_facts': False, 'tasks': [
        {'name': 'stop (voice)', 'when': "module_type == 'voice'",
         'koreai.campaign.voice_campaign': {'campaign_id': '{{ campaign_id }}', 'state': 'stopped',
                                            'audit_log': str(trail)}},
        {'name': 'stop (sms)', 'when': "module_type == 'sms'",
         'koreai.campaign.sms_campaign': {'campaign_id': '{{ campaign_id }}', 'state': 'stopped',
                                          'audit_log': str(trail)}}]}]))
    started = time.monotonic()
    rc, output = ansible.run_file(str(playbook), extra_args=['-i', str(inventory), '-f', '6'])
    elapsed = time.monotonic() - started
    assert rc == 0, output
    entries = read_trail(trail)
    assert all(set(e) >= FIELDS for e in entries)
    by_campaign = dict((i, [e['outcome'] for e in entries if e['campaign_id'] == i]) for i in ids)
    assert by_campaign[ids[0]] == ['unknown', 'applied (read back)']
    assert by_campaign[ids[1]] == ['unknown', 'applied (read back)']
    assert all(by_campaign[i] == ['success'] for i in ids[2:])
    assert len(set(e['pid'] for e in entries)) == 6
    assert all(e['status_before'] == 'Active' and e['status_after'] in ('Stopped', None) for e in entries)
    assert all(e['operation'] == 'stop campaign' and e['campaign_type'] in ('voice', 'sms') for e in entries)
    assert oct(os.stat(str(trail)).st_mode & 0o777) == oct(0o600)
    assert SECRET not in trail.read_text()
    requests = log(sandbox)
    assert duplicated_writes(requests) == []
    assert all(sandbox.control.campaign(i)['status'] == 'Stopped' for i in ids)
    record_case(reliability, 'audit', 'six forks, one trail', requests, module='voice_campaign/sms_campaign',
                injected='6 concurrent stops (forks=6) appending to one file; 2 meet HTTP 500 after the stop applied',
                did='8 whole JSON lines: 4 success, 2 x (unknown, applied (read back)); 6 pids; mode 0600; no secret',
                outcome='recorded', elapsed=round(elapsed, 1), bound=60)


def _append_many(path, worker, count, size):
    log_ = AuditLog(path, 'koreai.campaign.stress')
    for n in range(count):
        log_.record('stop campaign', {'id': 'cd-%d-%d' % (worker, n), 'name': 'N', 'type': 'voice'}, 'Active',
                    'Stopped', 'success', 200, detail='x' * size)


def test_long_lines_stay_whole_under_concurrent_appends(tmp_path, reliability):
    path = str(tmp_path / 'stress.jsonl')
    workers, count, size = 6, 60, 20000   # lines far beyond PIPE_BUF (4096 bytes)
    context = multiprocessing.get_context('fork')
    processes = [context.Process(target=_append_many, args=(path, w, count, size)) for w in range(workers)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
        assert process.exitcode == 0
    with open(path) as handle:
        lines = handle.read().split('\n')
    assert lines[-1] == ''
    entries = [json.loads(line) for line in lines[:-1]]
    assert len(entries) == workers * count
    assert sorted(e['campaign_id'] for e in entries) == sorted('cd-%d-%d' % (w, n) for w in range(workers)
                                                               for n in range(count))
    reliability.case('audit', 'concurrent appends of long lines', module='module_utils.audit',
                     injected='%d processes x %d records of %d KB each, at once' % (workers, count, size // 1000),
                     did='%d whole JSON lines, none torn or lost' % len(entries), outcome='recorded')


def test_check_mode_and_reads_write_no_trail(sandbox, inproc, reliability, tmp_path):
    trail = tmp_path / 'trail.jsonl'
    stop = inproc.run('voice_campaign', dict(campaign_id=VOICE_ACTIVE, state='stopped', audit_log=str(trail)),
                      check_mode=True)
    info = inproc.run('campaign_info', dict(audit_log=str(trail)))
    noop = inproc.run('voice_campaign', dict(campaign_id='cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx', state='stopped',
                                             audit_log=str(trail)))
    assert stop['changed'] and not stop.failed and not info.failed and not noop['changed']
    assert not trail.exists()
    assert [e for e in log(sandbox) if e['write']] == []
    reliability.case('audit', 'check mode, reads and no-ops', module='voice_campaign/campaign_info',
                     injected='a stop in check mode, a list, a stop of a campaign that is not running',
                     did='no write sent, no trail written', outcome='nothing recorded')
