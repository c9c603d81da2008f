# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Lists that change or lie while they are paged, names shared across types, statuses no document
spells, odd answers to a write, and runs on the same campaigns at once (issue 17).

The sandbox provokes each: the shift_pages and endless_pages faults, shown_statuses and
status_case=upper_all, a malformed answer after an applied stop, and concurrent ansible-playbook
processes on one account under the real 60 requests a minute."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import os
import subprocess
import sys
import time

import yaml

from .reliability_support import (
    ACCOUNT, duplicated_writes, effective_writes, log, prefill_pacer, prefill_sandbox_window, record_case,
    write_attempts)

SPEC = {'recurrence': 'daily', 'start': '2026-01-27 18:29:00', 'end': '2099-01-01 00:00:00'}


def seed(sandbox, count, prefix, status='Active', campaign_type='voice'):
    return [sandbox.control.seed_campaign(type=campaign_type, name='%s %03d' % (prefix, n), status=status)['_id']
            for n in range(count)]


def statuses(sandbox, ids):
    return [sandbox.control.campaign(i)['status'] for i in ids]


def test_bulk_stop_under_shifting_pages(sandbox, inproc, reliability):
    """250 Active; during the second list call 5 of page 1 complete and one new campaign appears."""
    ids = seed(sandbox, 250, 'Shift')
    sandbox.control.inject(kind='shift_pages', after=1, complete=5, insert=1,
                           match={'operation': 'list_campaigns'})
    since = log(sandbox)[-1]['seq'] if log(sandbox) else 0
    result = inproc.run('campaign_bulk', dict(state='stopped', campaign_type='voice', status=['Active'],
                                              name_pattern='^Sh', wait=False))
    entries = log(sandbox, since)
    assert not result.failed, result['msg']
    assert result['unconfirmed'] == []
    every = [c for c in sandbox.control.campaigns(type='voice') if c['name'].startswith('Sh')]
    assert len(every) == 251 and [c['name'] for c in every if c['status'] == 'Active'] == []
    assert sorted(c['status'] for c in every).count('Completed') == 5
    assert duplicated_writes(entries) == []
    targets = [e['campaign_id'] for e in write_attempts(entries)]
    assert len(targets) == len(set(targets)) == 251  # each campaign written once, the completed 5 refused
    assert len(effective_writes(entries)) == 246
    lists = [e for e in entries if e['operation'] == 'list_campaigns']
    assert len(lists) == 3 + 1 + 1  # 3 pages, the confirming list finds the missed ones, the next confirms
    record_case(reliability, 'paging', 'bulk stop while list pages shift', entries, result, module='campaign_bulk',
                injected='250 Active; on the 2nd list call 5 of page 1 complete and 1 new Active appears (shift_pages)',
                did='deduplicated the pages, stopped 246, listed again: found the missed ones and stopped them; '
                    'the 5 completed answered 409, read back as converged; %d requests' % len(entries),
                outcome='converged: none Active, each written once, unconfirmed=[]', bound=60)
    assert result.elapsed < 60


def test_endless_pages_end_at_the_servers_total_or_fail_clearly(sandbox, inproc, reliability):
    """A server that ignores skip and always says hasMore: 6 campaigns are read as 6 (its total ends
    the read); 156 fail at page 2, which repeats page 1, with no write sent."""
    sandbox.control.inject(kind='endless_pages', count=1000, match={'operation': 'list_campaigns'})
    since = log(sandbox)[-1]['seq'] if log(sandbox) else 0
    info = inproc.run('campaign_info', dict(campaign_type='voice'))
    assert not info.failed and len(info['campaigns']) == 6 and info['api_calls'] == 1
    seed(sandbox, 150, 'Endless')
    many = inproc.run('campaign_info', dict(campaign_type='voice'))
    bulk = inproc.run('campaign_bulk', dict(state='stopped', campaign_type='voice', name_pattern='.*'))
    entries = log(sandbox, since)
    for result in (many, bulk):
        assert result.failed and 'answered page 2 with the same 100 items as page 1; it is not paging' in result['msg']
        assert result['api_calls'] == 2
    assert 'campaigns' not in many and write_attempts(entries) == []
    record_case(reliability, 'paging', 'a server that ignores skip and always says hasMore', entries, bulk,
                module='campaign_info/campaign_bulk', injected='endless_pages: page 1 served for every page',
                did='6 campaigns read as 6 in 1 request (the total ends the read); with 156 both stopped at page 2 '
                    '(page 1 again) with a clear error; 5 requests, 0 writes',
                outcome='correct, or failed clearly with nothing written', bound=10)


def test_a_name_shared_by_a_voice_and_an_sms_campaign_blocks_schedule_writes(sandbox, inproc, reliability):
    voice = sandbox.control.seed_campaign(type='voice', name='CrossType', status='Ready')['_id']
    sms = sandbox.control.seed_campaign(type='sms', name='crosstype', status='Ready')['_id']
    since = log(sandbox)[-1]['seq'] if log(sandbox) else 0
    enable = inproc.run('campaign_schedule', dict(campaign='CrossType', campaign_type='voice', **SPEC))
    # state=absent with force on a campaign whose schedule is on: its disable goes by name too
    sandbox.control.set_campaign(voice, status='Scheduled', schedule={'isSchedulingEnabled': True})
    absent = inproc.run('voice_campaign', dict(campaign_id=voice, state='absent', force=True, backup=False))
    entries = log(sandbox, since)
    for result in (enable, absent):
        assert result.failed and 'the schedule API addresses a campaign by name only' in result['msg']
        assert "voice campaign 'CrossType' (%s), SMS campaign 'crosstype' (%s)" % (voice, sms) in result['msg']
    assert write_attempts(entries) == [] and sandbox.control.campaign(voice)['status'] == 'Scheduled'
    assert sandbox.control.campaign(sms)['status'] == 'Ready'
    record_case(reliability, 'paging', 'a voice and an SMS campaign named alike (CrossType, crosstype)', entries,
                absent, module='campaign_schedule/voice_campaign', injected='schedule enable; absent with force '
                'of the scheduled one', did='refused both before any write, naming both campaigns',
                outcome='failed clearly, nothing written', bound=10)


def test_unknown_and_differently_cased_statuses_count_as_running(sandbox, inproc, reliability):
    dialing, kept = seed(sandbox, 2, 'Odd status')
    upper, = seed(sandbox, 1, 'Upper status')
    since = log(sandbox)[-1]['seq'] if log(sandbox) else 0
    sandbox.control.configure(shown_statuses={'Active': 'Dialing'})
    stopped = inproc.run('voice_campaign', dict(campaign_id=dialing, state='stopped', wait=False))
    refused = inproc.run('voice_campaign', dict(campaign_id=kept, state='absent'))
    sandbox.control.configure(shown_statuses={}, status_case='upper_all')
    cased = inproc.run('voice_campaign', dict(campaign_id=upper, state='stopped'))
    again = inproc.run('voice_campaign', dict(campaign_id=upper, state='stopped'))
    entries = log(sandbox, since)
    assert stopped['changed'] and not stopped.failed
    assert any("has the status 'Dialing', which this collection does not know" in w for w in stopped.warnings_text)
    assert refused.failed and 'a status this collection does not know, so it may be running' in refused['msg']
    assert cased['changed'] and not cased.failed and not again['changed']
    assert statuses(sandbox, [dialing, kept, upper]) == ['Stopped', 'Active', 'Stopped']
    assert [e['campaign_id'] for e in effective_writes(entries)] == [dialing, upper]
    record_case(reliability, 'paging', 'unknown (Dialing) and upper-case (ACTIVE) statuses', entries, cased,
                module='voice_campaign', injected='shown_statuses Active->Dialing, then status_case=upper_all',
                did='stopped the Dialing one with a warning; refused to delete one without force; stopped the ACTIVE '
                    'one, then saw STOPPED as stopped', outcome='converged; the delete refused', bound=20)


def test_an_odd_answer_to_an_applied_stop_is_read_back(sandbox, inproc, reliability):
    campaign, = seed(sandbox, 1, 'Odd answer')
    since = log(sandbox)[-1]['seq'] if log(sandbox) else 0
    sandbox.control.inject(kind='malformed', body=[1], apply=True, match={'operation': 'trigger'})
    result = inproc.run('voice_campaign', dict(campaign_id=campaign, state='stopped', wait=False))
    entries = log(sandbox, since)
    assert not result.failed and result['changed'] and sandbox.control.campaign(campaign)['status'] == 'Stopped'
    assert len(write_attempts(entries)) == 1 and duplicated_writes(entries) == []
    record_case(reliability, 'paging', 'a stop answered with the JSON [1] after it applied', entries, result,
                module='voice_campaign', injected='malformed answer [1], apply=true',
                did='did not crash; read the campaign back (Stopped); one write', outcome='converged', bound=30)


# -- runs on the same campaigns at once, on one account at 60 requests a minute --------------------

def _inventory(tmp_path, hosts):
    path = tmp_path / 'hosts.yml'
    path.write_text(yaml.safe_dump({'forks': {'hosts': hosts, 'vars': {
        'ansible_connection': 'local', 'ansible_python_interpreter': sys.executable}}}))
    return path


def _limited(sandbox, home, prefill):
    sandbox.control.configure(rate_limit={'enabled': True, 'per_minute': 60, 'retry_after': False})
    if prefill:
        prefill_sandbox_window(sandbox, ACCOUNT, prefill, age=50)
        prefill_pacer(home, ACCOUNT, prefill, age=50)


def _reads(entries):
    """Status reads: each is a run that found its campaign written by another run (nothing else reads status here)."""
    return len([e for e in entries if e['operation'] == 'campaign_status'])


def _floor(requests, prefill, age=50):
    """Seconds the requests need at least: what does not fit beside the prefilled ones waits for them to age out."""
    return 0 if requests + prefill <= 60 else 60 - age


def test_two_emergency_stops_at_once_write_each_campaign_once(ansible, sandbox, reliability, tmp_path):
    """8 concurrent ansible-playbook runs of the same campaign_bulk stop, sharing one controller."""
    ids = seed(sandbox, 4, 'Twice')
    home = tmp_path / 'home'
    _limited(sandbox, home, 0)
    # Slow stops keep the first run's writes under way while the others list and reach the same campaigns.
    sandbox.control.inject(kind='delay', seconds=2, count=4, match={'operation': 'trigger'})
    playbook = tmp_path / 'stop.yml'
    out = tmp_path / 'out'
    out.mkdir()
    playbook.write_text(yaml.safe_dump([{'hosts': 'localhost', 'gather_facts': False, 'tasks': [
        {'name': 'emergency stop', 'koreai.campaign.campaign_bulk': {
            'state': 'stopped', 'campaign_type': 'voice', 'name_pattern': '^Twice', 'wait': False},
         'register': 'stop'},
        {'ansible.builtin.copy': {'content': '{{ stop | to_json }}', 'dest': '%s/{{ run }}.json' % out}}]}]))
    env = dict(ansible.env, HOME=str(home))
    del env['KOREAI_RATE_LIMIT']  # the module default: 60 a minute, shared through the pacing file
    since = log(sandbox)[-1]['seq'] if log(sandbox) else 0
    started = time.monotonic()
    command = [os.path.join(os.path.dirname(sys.executable), 'ansible-playbook'), '-i', 'localhost,', '-c', 'local',
               str(playbook)]
    runs = [subprocess.Popen(command + ['-e', 'run=%d' % n], cwd=str(tmp_path), env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True) for n in range(8)]
    outputs = [run.communicate(timeout=300)[0] for run in runs]
    elapsed = time.monotonic() - started
    assert all(run.returncode == 0 for run in runs), outputs
    entries = log(sandbox, since)
    results = [json.loads((out / ('%d.json' % n)).read_text()) for n in range(8)]
    assert statuses(sandbox, ids) == ['Stopped'] * 4
    assert sorted(e['campaign_id'] for e in write_attempts(entries)) == sorted(ids)  # each once, over all runs
    assert duplicated_writes(entries) == [] and [e for e in entries if e['rate_limited']] == []
    assert sum(len(r['changed_ids']) for r in results) == 4 and all(not r.get('failed') for r in results)
    floor = _floor(len(entries), 0)
    record_case(reliability, 'paging', '8 concurrent emergency stops of the same 4 campaigns', entries,
                module='campaign_bulk', injected='8 ansible-playbook processes at once; sandbox and pacing at 60/min',
                did='%d requests, 0 HTTP 429, %d writes over all runs (one per campaign); %d reads of a campaign '
                    'another run had written meanwhile, each then reported ok; %.0f s against a floor of %d s'
                    % (len(entries), len(write_attempts(entries)), _reads(entries), elapsed, floor),
                outcome='converged, 0 duplicated, 0 failed', elapsed=round(elapsed, 1), bound=120, requests=len(entries),
                rate_limited=0, floor=floor)
    assert elapsed < 120


def test_twenty_forks_on_five_campaigns_at_sixty_a_minute(ansible, sandbox, reliability, tmp_path):
    """20 forks stop 5 campaigns (4 forks each) while the account's window is already half full."""
    ids = seed(sandbox, 5, 'Forked')
    home = tmp_path / 'home'
    prefill = 40
    _limited(sandbox, home, prefill)
    sandbox.control.inject(kind='delay', seconds=1, count=5, match={'operation': 'trigger'})
    inventory = _inventory(tmp_path, dict(('f%02d' % n, {'campaign_id': ids[n % 5]}) for n in range(20)))
    playbook = tmp_path / 'forks.yml'
    out = tmp_path / 'out'
    out.mkdir()
    playbook.write_text(yaml.safe_dump([{'hosts': 'forks', 'gather_facts': False, 'tasks': [
        {'name': 'stop', 'koreai.campaign.voice_campaign': {'campaign_id': '{{ campaign_id }}', 'state': 'stopped',
                                                            'wait': False}, 'register': 'stop'},
        {'ansible.builtin.copy': {'content': '{{ stop | to_json }}',
                                  'dest': '%s/{{ inventory_hostname }}.json' % out}}]}]))
    env = {'HOME': str(home)}
    del ansible.env['KOREAI_RATE_LIMIT']
    since = log(sandbox)[-1]['seq'] if log(sandbox) else 0
    started = time.monotonic()
    rc, output = ansible.run_file(str(playbook), extra_args=['-i', str(inventory), '-f', '20'], env=env)
    elapsed = time.monotonic() - started
    assert rc == 0, output
    entries = log(sandbox, since)
    results = [json.loads((out / ('f%02d.json' % n)).read_text()) for n in range(20)]
    assert statuses(sandbox, ids) == ['Stopped'] * 5
    assert sorted(e['campaign_id'] for e in write_attempts(entries)) == sorted(ids)
    assert duplicated_writes(entries) == [] and [e for e in entries if e['rate_limited']] == []
    assert len([r for r in results if r['changed']]) == 5 and not [r for r in results if r.get('failed')]
    floor = _floor(len(entries), prefill)
    assert elapsed >= floor - 1 or len(entries) + prefill <= 60
    record_case(reliability, 'paging', '20 forks, 4 per campaign, on one account at 60/min', entries,
                module='voice_campaign', injected='forks=20 over 5 campaigns; %d requests already in the 60/min '
                'window (50 s old)' % prefill,
                did='%d requests, 0 HTTP 429, 5 writes (one per campaign, under its lock); %d reads of a campaign '
                    'another fork had written meanwhile, each then reported ok; %.0f s against a floor of %d s'
                    % (len(entries), _reads(entries), elapsed, floor),
                outcome='converged, 0 duplicated, 0 failed', elapsed=round(elapsed, 1), bound=120,
                requests=len(entries), rate_limited=0, floor=floor)
    assert elapsed < 120
