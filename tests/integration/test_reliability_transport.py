# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The transport and the files on the controller under the adversarial probe's faults (issue 17):

- a body trickling a byte at a time against `timeout` (a deadline for the whole request);
- a 429 without Retry-After while the account's window takes longer than the old backoff to free, and
  Retry-After values that say nothing usable (-5, nan, a past date);
- an audit trail that cannot be written (campaign_bulk must write nothing), and a module killed with
  SIGKILL mid-write (its intent stays; the rerun that converges completes it with the same write id);
- the pacing state file holding anything, symlinked, or locked by a stuck process;
- a full disk while writing the backup before a delete;
- secrets at -vvvv, ANSIBLE_DEBUG=1 and ANSIBLE_KEEP_REMOTE_FILES=1 when they come only from KOREAI_CLIENT_SECRET.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime
import email.utils
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import pacing

from .reliability_support import (
    ACCOUNT, SECRET, VOICE_ACTIVE, VOICE_READY, campaign, duplicated_writes, effective_writes, log,
    pacer_state_file, prefill_on_first_request, read_audit, record_case, scan_text, scan_tree, summary)


def seed_active(sandbox, count, prefix):
    return [sandbox.control.seed_campaign(type='voice', name='%s %02d' % (prefix, n), status='Active')['_id']
            for n in range(count)]


# -- timeout is a deadline -------------------------------------------------------------------------------

def test_a_trickling_answer_to_a_stop_is_cut_at_the_timeout(sandbox, inproc, reliability):
    """The stop's answer comes a byte every 2 s (about 40 s in all); timeout=4 ends the wait at 4 s.

    Before: each byte reset the per-read timeout, so the task took the whole trickle (the probe: 124 s)."""
    reliability.fixed_bug('issue 17.7: timeout was per socket read; a body trickling a byte every 2 s held a '
                          'timeout=5 task for 124 s')
    sandbox.control.inject(kind='trickle', seconds=2.0, match={'operation': 'trigger'})
    result = inproc.run('voice_campaign', dict(campaign_id=VOICE_ACTIVE, state='stopped', timeout=4, wait=False))
    entries = log(sandbox)
    assert not result.failed, result['msg']
    assert result['changed'] and result.elapsed < 15
    assert any('no complete response' in w and 'within 4.0 seconds' in w for w in result.warnings_text)
    assert any('took effect' in w for w in result.warnings_text)
    assert [e['operation'] for e in entries if e['write']] == ['trigger'] and duplicated_writes(entries) == []
    assert campaign(sandbox, VOICE_ACTIVE)['status'] == 'Stopped'
    record_case(reliability, 'faults', 'trickling answer to a write, timeout=4', entries, result,
                module='voice_campaign', injected='the stop answered a byte every 2 s (about 40 s in all)',
                did='cut the answer at 4 s, read the campaign back: the stop took effect, not resent',
                outcome='converged', bound=15)


def test_a_trickling_read_is_retried_within_the_deadline(sandbox, inproc, reliability):
    sandbox.control.inject(kind='trickle', seconds=1.0, match={'operation': 'get_campaign'})
    result = inproc.run('campaign_info', dict(campaign_id=VOICE_READY, timeout=2))
    entries = log(sandbox)
    assert not result.failed, result['msg']
    assert result.elapsed < 10
    assert [e['fault'] for e in entries] == ['trickle', None]
    assert any('no complete response' in w for w in result.warnings_text)
    record_case(reliability, 'faults', 'trickling answer to a read, timeout=2', entries, result,
                module='campaign_info', injected='the GET answered a byte every second',
                did='cut at 2 s and read again, which answered at once', outcome='converged', bound=10)


# -- a 429 without a usable Retry-After -----------------------------------------------------------------

def test_429_without_retry_after_waits_longer_than_the_old_8_s(sandbox, inproc, reliability, monkeypatch):
    """The window is full and frees 10 s after the first request: more than the old backoff's 7.5 s in all."""
    reliability.fixed_bug('issue 17.8: a 429 without Retry-After gave up after ~8 s while the window takes up '
                          'to 60 s to free')
    sandbox.control.configure(rate_limit={'enabled': True, 'per_minute': 20, 'retry_after': False})
    prefill_on_first_request(sandbox, monkeypatch, ACCOUNT, 20, age=50)
    result = inproc.run('voice_campaign', dict(campaign_id=VOICE_ACTIVE, state='stopped', wait=False))
    entries = log(sandbox)
    assert not result.failed, result['msg']
    limited = [e for e in entries if e['rate_limited']]
    assert len(limited) >= 5 and 9 <= result.elapsed < 40
    assert summary([e for e in entries if not e['rate_limited']]) == [('trigger', 'stop', 200, None)]
    assert campaign(sandbox, VOICE_ACTIVE)['status'] == 'Stopped' and duplicated_writes(entries) == []
    record_case(reliability, 'rate-limit', '429 without Retry-After for longer than the old backoff', entries,
                result, module='voice_campaign',
                injected='a full 20/min window freeing 10 s after the first request; no Retry-After',
                did='backed off 0.5, 1, 2, 4, 8 s (the schedule goes on past 60 s in all) and got through',
                outcome='converged', bound=40)


def _http_date(offset):
    return email.utils.format_datetime(datetime.datetime.now(datetime.timezone.utc)
                                       + datetime.timedelta(seconds=offset), usegmt=True)


@pytest.mark.parametrize('header', ['-5', 'nan', 'inf', 'soon', 'past date'])
def test_unusable_retry_after_is_the_backoff_not_at_once(sandbox, inproc, reliability, header):
    value = _http_date(-3600) if header == 'past date' else header
    sandbox.control.inject(kind='status', status=429, retry_after=value, count=2, match={'operation': 'get_campaign'})
    result = inproc.run('campaign_info', dict(campaign_id=VOICE_READY))
    entries = log(sandbox)
    assert not result.failed, result['msg']
    assert result.elapsed >= 1.4  # 0.5 s and 1 s of backoff, not two immediate retries
    assert not [w for w in result.warnings_text if 'retrying in 0.0 s' in w]
    record_case(reliability, 'rate-limit', 'Retry-After: %s' % header, entries, result, module='campaign_info',
                injected='2 x HTTP 429 with Retry-After: %s' % header,
                did='read as no Retry-After: backed off 0.5 s then 1 s', outcome='converged', bound=10)


# -- the audit trail ---------------------------------------------------------------------------------------

def test_bulk_with_an_unwritable_audit_log_writes_nothing(sandbox, inproc, reliability, tmp_path):
    reliability.fixed_bug('issue 17.2: with audit_log unwritable, campaign_bulk stopped one campaign, then crashed '
                          'with changed=false')
    ids = seed_active(sandbox, 3, 'Audit blocked')
    blocked = tmp_path / 'trail.jsonl'
    blocked.mkdir()  # a directory where the file should be; unlike a read-only directory, root cannot write it
    result = inproc.run('campaign_bulk', dict(campaign_ids=ids, state='stopped', audit_log=str(blocked)))
    entries = log(sandbox)
    assert result.failed and 'crash' not in result and not result.get('changed')
    assert 'the audit log %s cannot be written (it is a directory)' % blocked in result['msg']
    assert [e for e in entries if e['write']] == []
    assert all(campaign(sandbox, i)['status'] == 'Active' for i in ids)
    record_case(reliability, 'audit', 'unwritable audit log, bulk stop', entries, result, module='campaign_bulk',
                injected='audit_log names a directory; 3 Active campaigns to stop',
                did='failed before any write, naming the file; all 3 still Active', outcome='failed clearly')


def test_a_killed_write_leaves_its_intent_and_the_rerun_completes_it(ansible, sandbox, reliability, tmp_path):
    reliability.fixed_bug('issue 17.2: a write in flight when the process was killed (kill -9) never got an '
                          'audit line, even after the rerun converged')
    trail = tmp_path / 'trail.jsonl'
    # The stop is held 3 s by the sandbox, then applied: the module is killed while it waits for the answer.
    sandbox.control.inject(kind='delay', seconds=3, match={'operation': 'trigger'})
    args = 'campaign_id=%s state=stopped audit_log=%s' % (VOICE_ACTIVE, trail)
    command = [os.path.join(os.path.dirname(sys.executable), 'ansible'), 'localhost', '-i', 'localhost,',
               '-c', 'local', '-m', 'koreai.campaign.voice_campaign', '-a', args]
    started = time.monotonic()
    first = subprocess.Popen(command, cwd=str(tmp_path), env=ansible.env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, text=True)
    intent = None
    while time.monotonic() - started < 60 and intent is None:
        time.sleep(0.05)
        sending = [e for e in read_audit(trail, intents=True) if e['event'] == 'sending'] if trail.exists() else []
        intent = sending[0] if sending else None
    assert intent, 'no intent line appeared'
    os.kill(intent['pid'], signal.SIGKILL)  # the module process itself, mid-write
    first.communicate(timeout=120)
    left = read_audit(trail, intents=True)
    assert [e['event'] for e in left] == ['sending']
    deadline = time.monotonic() + 10
    while campaign(sandbox, VOICE_ACTIVE)['status'] != 'Stopped' and time.monotonic() < deadline:
        time.sleep(0.1)
    rc, result, output = ansible.adhoc('koreai.campaign.voice_campaign', args)
    assert rc == 0 and result['changed'] is False, output
    entries = read_audit(trail, intents=True)
    assert [e['event'] for e in entries] == ['sending', 'interrupted']
    closing = entries[-1]
    assert closing['write_id'] == intent['write_id'] and closing['interrupted_pid'] == intent['pid']
    assert closing['campaign_id'] == VOICE_ACTIVE and closing['operation'] == 'stop campaign'
    requests = log(sandbox)
    assert len(effective_writes(requests)) == 1 and duplicated_writes(requests) == []
    record_case(reliability, 'audit', 'kill -9 mid-write, then the rerun', requests, module='voice_campaign',
                injected='the stop held 3 s by the sandbox; the module process killed with SIGKILL meanwhile',
                did='the intent line (event sending) stayed; the rerun found the campaign Stopped, sent nothing and '
                    'completed the intent (event interrupted, same write_id, the killed pid)',
                outcome='recorded', elapsed=round(time.monotonic() - started, 1), bound=60)


# -- the pacing state file ---------------------------------------------------------------------------------

@pytest.fixture
def paced(inproc, tmp_path, monkeypatch):
    """Modules run with pacing on (60/min), their pacing file under a fresh HOME."""
    home = tmp_path / 'home'
    home.mkdir()
    monkeypatch.setenv('HOME', str(home))
    path = pacer_state_file(home, ACCOUNT)
    os.makedirs(os.path.dirname(path), 0o700)
    return home, path


@pytest.mark.parametrize('content', [b'5', b'null', b'[]', b'{"stamps": 1}', b'', b'\x00\xff\x13 binary'])
def test_any_pacing_state_is_recovered_from(sandbox, inproc, reliability, paced, content):
    if content == b'5':
        reliability.fixed_bug('issue 17.9: a pacing state file holding 5 or null broke every run until removed')
    home, path = paced
    with open(path, 'wb') as handle:
        handle.write(content)
    result = inproc.run('campaign_info', dict(campaign_id=VOICE_READY, rate_limit=60))
    assert not result.failed, result.get('crash') or result['msg']
    with open(path) as handle:
        assert len(json.load(handle)) == result['api_calls']
    record_case(reliability, 'rate-limit', 'pacing state file holding %r' % content[:12].decode('latin-1'),
                log(sandbox), result, module='campaign_info', injected='the state file replaced by that content',
                did='read as an empty window, rewritten as one booking', outcome='converged')


def test_a_symlinked_pacing_state_file_is_not_followed(sandbox, inproc, reliability, paced, tmp_path):
    reliability.fixed_bug("issue 17.9: a symlinked pacing state file's target was overwritten")
    home, path = paced
    target = tmp_path / 'precious.conf'
    target.write_text('keep me\n')
    os.symlink(str(target), path)
    result = inproc.run('campaign_info', dict(campaign_id=VOICE_READY, rate_limit=60))
    assert not result.failed, result['msg']
    assert target.read_text() == 'keep me\n' and not os.path.islink(path)
    record_case(reliability, 'rate-limit', 'symlinked pacing state file', log(sandbox), result,
                module='campaign_info', injected='the state file a symlink to another file',
                did='the link replaced by a plain 0600 file; its target untouched', outcome='converged')


def _hold(path, ready, seconds):
    import fcntl
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    pacing._record_holder(path + '.holder')
    ready.set()
    time.sleep(seconds)
    os.close(fd)


def test_a_stuck_pacing_lock_holder_fails_the_task_at_its_timeout(sandbox, inproc, reliability, paced):
    reliability.fixed_bug('issue 17.9: a stuck lock holder blocked every module silently, ignoring timeout')
    home, path = paced
    context = multiprocessing.get_context('fork')
    ready = context.Event()
    holder = context.Process(target=_hold, args=(path, ready, 20))  # before the fix: blocked for all 20 s
    holder.start()
    try:
        assert ready.wait(10)
        result = inproc.run('voice_campaign', dict(campaign_id=VOICE_ACTIVE, state='stopped', rate_limit=60,
                                                   timeout=2))
    finally:
        holder.terminate()
        holder.join(10)
    entries = log(sandbox)
    assert result.failed and result.elapsed < 8
    assert 'process %d' % holder.pid in result['msg'] and path in result['msg'] and 'no request was sent' in result['msg']
    assert entries == [] and campaign(sandbox, VOICE_ACTIVE)['status'] == 'Active'
    record_case(reliability, 'rate-limit', 'stuck pacing lock holder', entries, result, module='voice_campaign',
                injected='another process holds the pacing lock for 20 s; timeout=2',
                did='failed after 2 s naming the holder\'s pid and the file; nothing sent', outcome='failed clearly',
                bound=8)


# -- the backup before a delete ------------------------------------------------------------------------------

def test_a_full_disk_while_backing_up_sends_no_delete(sandbox, inproc, reliability, tmp_path, monkeypatch):
    reliability.fixed_bug('issue 17.10: a full disk left a 0-byte backup file')
    backups = tmp_path / 'backups'
    backups.mkdir()
    real_open = os.open

    def open_on_full_disk(path, flags, mode=0o777, **kwargs):
        fd = real_open(path, flags, mode, **kwargs)
        if str(path).startswith(str(backups) + os.sep) and flags & (os.O_WRONLY | os.O_RDWR):
            full = real_open('/dev/full', os.O_WRONLY)  # every write now fails with ENOSPC
            os.dup2(full, fd)
            os.close(full)
        return fd
    monkeypatch.setattr(os, 'open', open_on_full_disk)
    result = inproc.run('voice_campaign', dict(campaign_id=VOICE_READY, state='absent', backup=True,
                                               backup_dir=str(backups)))
    monkeypatch.undo()
    entries = log(sandbox)
    assert result.failed and 'crash' not in result and not result.get('changed')
    assert 'the disk is full' in result['msg'] and 'not deleted' in result['msg']
    assert os.listdir(str(backups)) == [] and [e for e in entries if e['write']] == []
    assert campaign(sandbox, VOICE_READY)['status'] == 'Ready'
    record_case(reliability, 'faults', 'full disk while writing the backup', entries, result, module='voice_campaign',
                injected='every write to the backup directory fails with ENOSPC (/dev/full)',
                did='no backup file left (not even 0 bytes), no delete sent, a clear message',
                outcome='failed clearly')


# -- secrets only in KOREAI_CLIENT_SECRET -----------------------------------------------------------------------

def test_a_secret_only_in_the_environment_shows_nowhere(ansible, sandbox, reliability, tmp_path):
    """README "Security": ansible-core itself prints (-vvvv, ANSIBLE_DEBUG=1) or keeps (ANSIBLE_KEEP_REMOTE_FILES=1)
    module arguments; a secret given only as KOREAI_CLIENT_SECRET is none of those."""
    kept = tmp_path / 'remote-tmp'
    debug = {'ANSIBLE_DEBUG': '1', 'ANSIBLE_KEEP_REMOTE_FILES': '1', 'ANSIBLE_REMOTE_TMP': str(kept)}
    rc, result, output = ansible.adhoc('koreai.campaign.campaign_info', 'campaign_id=%s' % VOICE_READY,
                                       extra_args=['-vvvv'], env=debug)
    assert rc == 0, output[-2000:]
    assert os.listdir(str(kept)), 'ANSIBLE_KEEP_REMOTE_FILES kept nothing: the check would prove nothing'
    leaks = scan_text(output, [SECRET], 'output') + scan_tree(str(kept), [SECRET])
    assert leaks == []
    # The same run with the secret as a module argument: ansible-core keeps it in the module file it leaves.
    arg_kept = tmp_path / 'remote-tmp-arg'
    env = dict(debug, ANSIBLE_REMOTE_TMP=str(arg_kept), KOREAI_CLIENT_SECRET='')
    rc, result, output = ansible.adhoc('koreai.campaign.campaign_info',
                                       'campaign_id=%s client_secret=%s' % (VOICE_READY, SECRET), env=env)
    assert rc == 0, output[-2000:]
    assert scan_tree(str(arg_kept), [SECRET]), 'ansible-core no longer keeps module arguments: update README'
    reliability.case('secrets', 'secret only in KOREAI_CLIENT_SECRET, -vvvv + ANSIBLE_DEBUG + KEEP_REMOTE_FILES',
                     module='campaign_info',
                     injected='-vvvv, ANSIBLE_DEBUG=1, ANSIBLE_KEEP_REMOTE_FILES=1; the secret only in the environment',
                     did='not in the output nor in the kept module files (given as an argument instead, it is in '
                         'the kept files: documented in README "Security")', outcome='no leak', secrets_leaked=0)
