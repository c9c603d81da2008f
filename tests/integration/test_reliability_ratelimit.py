# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The per-account rate limit switched on while playbooks loop over many campaigns.

A real minute is too long to wait for, so each test starts with the account's 60-second window almost full:
the sandbox's window (and, when pacing is on, the client's pacing file, as earlier runs on this controller
would have left it) holds requests sent 50-57 s ago, which leave the window a few seconds into the test.
The loop then needs more requests than the free slots, so it can only get through by waiting: with pacing
on it must never be refused (zero 429s); with pacing off it must ride out the 429s and still send each
write exactly once.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime
import json
import sys
import time

import yaml

from .reliability_support import (
    ACCOUNT, duplicated_writes, effective_writes, log, prefill_on_first_request, prefill_pacer, prefill_sandbox_window,
    record_case, summary)

LOOP = 8


def seed_running(sandbox, count, prefix):
    return [sandbox.control.seed_campaign(type='voice', name='%s %02d' % (prefix, i), status='Active')['_id']
            for i in range(count)]


def limit(sandbox, per_minute, retry_after):
    sandbox.control.configure(rate_limit={'enabled': True, 'per_minute': per_minute, 'retry_after': retry_after})


def logged_at(entry):
    return datetime.datetime.strptime(entry['time'], '%Y-%m-%dT%H:%M:%S.%fZ').replace(
        tzinfo=datetime.timezone.utc).timestamp()


def assert_stopped_once_each(sandbox, ids, entries):
    assert sorted(e['campaign_id'] for e in effective_writes(entries)) == sorted(ids)
    assert duplicated_writes(entries) == []
    assert all(sandbox.control.campaign(i)['status'] == 'Stopped' for i in ids)


def test_pacing_keeps_forks_and_loops_under_the_real_limit(ansible, sandbox, reliability, tmp_path):
    """60/minute, the module default: four forks loop over two campaigns each, sharing the pacing file."""
    ids = seed_running(sandbox, LOOP, 'Paced loop')
    limit(sandbox, 60, True)
    home = tmp_path / 'home'
    # frees 10 s from now: enough for ansible-playbook to start on a busy machine and still meet a full window
    free_at = time.time() + 10
    prefill_sandbox_window(sandbox, ACCOUNT, 57, age=50)
    prefill_pacer(home, ACCOUNT, 57, age=50)
    out = tmp_path / 'out'
    out.mkdir()
    inventory = tmp_path / 'inventory.yml'
    inventory.write_text(yaml.safe_dump({'workers': {
        'hosts': dict(('w%d' % n, {'campaign_ids': ids[2 * n:2 * n + 2]}) for n in range(4)),
        'vars': {'ansible_connection': 'local', 'ansible_python_interpreter': sys.executable}}}))
    playbook = tmp_path / 'loop.yml'
    playbook.write_text(yaml.safe_dump([{'hosts': 'workers', 'gather_facts': False, 'tasks': [
        {'name': 'stop', 'koreai.campaign.voice_campaign': {'campaign_id': '{{ item }}', 'state': 'stopped',
                                                            'wait': False},
         'loop': '{{ campaign_ids }}', 'register': 'stops'},
        {'name': 'keep', 'ansible.builtin.copy': {'content': '{{ stops | to_json }}',
                                                  'dest': '%s/{{ inventory_hostname }}.json' % out}}]}]))
    del ansible.env['KOREAI_RATE_LIMIT']  # the module default: 60 a minute
    started = time.monotonic()
    rc, output = ansible.run_file(str(playbook), extra_args=['-i', str(inventory), '-f', '4'],
                                  env={'HOME': str(home)})
    elapsed = time.monotonic() - started
    assert rc == 0, output
    entries = log(sandbox)
    assert [e for e in entries if e['rate_limited']] == [], 'the API refused requests: pacing let too many through'
    assert len(entries) == 2 * LOOP
    assert len([e for e in entries if logged_at(e) < free_at - 0.2]) <= 3, 'pacing did not wait for the window'
    assert_stopped_once_each(sandbox, ids, entries)
    results = [r for n in range(4) for r in json.loads((out / ('w%d.json' % n)).read_text())['results']]
    assert all(r['changed'] and r['api_calls'] == 2 for r in results)
    assert elapsed < 60
    record_case(reliability, 'rate-limit', '60/min limit, client pacing at its default, 4 forks x 2 campaigns', entries,
                module='voice_campaign', injected='sandbox limit 60/min/account with 57 requests already in the window '
                '(50 s old); 16 requests needed', did='paced: waited for the window, 8 campaigns stopped, 0 HTTP 429',
                outcome='converged, zero 429s', elapsed=round(elapsed, 1), bound=60)


def test_without_pacing_429s_are_ridden_out(ansible, sandbox, reliability, tmp_path, monkeypatch):
    """Pacing off: the API's 429 (with Retry-After) is the only brake; each campaign is still stopped once."""
    ids = seed_running(sandbox, LOOP, 'Unpaced loop')
    limit(sandbox, 20, True)
    prefill_on_first_request(sandbox, monkeypatch, ACCOUNT, 18, age=56)
    started = time.monotonic()
    rc, results, output = ansible.playbook([
        {'koreai.campaign.voice_campaign': {'campaign_id': '{{ item }}', 'state': 'stopped', 'wait': False},
         'loop': ids}], env={'KOREAI_RATE_LIMIT': '0'})
    elapsed = time.monotonic() - started
    assert rc == 0, output
    entries = log(sandbox)
    refused = [e for e in entries if e['rate_limited']]
    assert refused, 'the sandbox never refused a request: the test did not exercise the limit'
    assert_stopped_once_each(sandbox, ids, entries)
    warnings = results[0].get('warnings', [])  # a loop's warnings are gathered on the task's result
    assert any('rate limited (HTTP 429); retrying in' in w for w in warnings)
    for warning in warnings:  # waits come from Retry-After (whole seconds, at most the 4 s left in the window)
        seconds = float(warning.split('retrying in ')[1].split(' s')[0])
        assert seconds == int(seconds) and 1 <= seconds <= 5, warning
    assert elapsed < 60
    record_case(reliability, 'rate-limit', '20/min limit, pacing off, 429 with Retry-After', entries,
                module='voice_campaign', injected='sandbox limit 20/min with 18 requests in the window; '
                'KOREAI_RATE_LIMIT=0; loop over %d campaigns' % LOOP,
                did='waited Retry-After after each 429, stopped all %d campaigns once each' % LOOP,
                outcome='converged', elapsed=round(elapsed, 1), bound=60)


def test_scaled_limit_paced_in_process(sandbox, inproc, reliability, tmp_path):
    """rate_limit=20 against a 20/minute sandbox: a loop of module runs is never refused."""
    ids = seed_running(sandbox, 6, 'Scaled loop')
    limit(sandbox, 20, False)
    home = tmp_path / 'home'
    prefill_sandbox_window(sandbox, ACCOUNT, 18, age=57)
    prefill_pacer(home, ACCOUNT, 18, age=57)
    started = time.monotonic()
    results = [inproc.run('voice_campaign', dict(campaign_id=i, state='stopped', wait=False, rate_limit=20),
                          env={'HOME': str(home)}) for i in ids]
    elapsed = time.monotonic() - started
    assert not [r for r in results if r.failed], [r['msg'] for r in results if r.failed]
    entries = log(sandbox)
    assert [e for e in entries if e['rate_limited']] == []
    assert_stopped_once_each(sandbox, ids, entries)
    assert elapsed >= 2.0, 'no pacing wait: the window was not full'
    record_case(reliability, 'rate-limit', 'rate_limit=20 against a 20/min sandbox, 6 module runs', entries,
                module='voice_campaign', injected='18 requests in both windows, 12 requests needed',
                did='each run waited for a slot in the shared pacing file; 6 stopped', outcome='converged, zero 429s',
                elapsed=round(elapsed, 1), bound=30)


def test_429_without_retry_after_backs_off(sandbox, inproc, reliability, monkeypatch):
    """Pacing off and no Retry-After: exponential backoff outlasts the window, each write once."""
    ids = seed_running(sandbox, 4, 'Backoff loop')
    limit(sandbox, 20, False)
    prefill_on_first_request(sandbox, monkeypatch, ACCOUNT, 19, age=57)
    started = time.monotonic()
    results = [inproc.run('voice_campaign', dict(campaign_id=i, state='stopped', wait=False)) for i in ids]
    elapsed = time.monotonic() - started
    assert not [r for r in results if r.failed], [r['msg'] for r in results if r.failed]
    entries = log(sandbox)
    assert [e for e in entries if e['rate_limited']]
    assert_stopped_once_each(sandbox, ids, entries)
    assert all(e['status_code'] == 429 for e in entries if e['rate_limited'])
    assert summary([e for e in entries if not e['rate_limited']]) == [('trigger', 'stop', 200, None)] * 4
    record_case(reliability, 'rate-limit', '20/min limit, pacing off, 429 without Retry-After', entries,
                module='voice_campaign', injected='19 requests in the window; no Retry-After header',
                did='backed off exponentially until the window freed; 4 stopped once each', outcome='converged',
                elapsed=round(elapsed, 1), bound=30)
    assert elapsed < 30
