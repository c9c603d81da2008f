# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The append-only JSON-lines audit trail of every write (audit.py): whole lines across processes, owner-only, no secrets."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import errno
import json
import multiprocessing
import os
import stat
import subprocess
import sys

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import audit as audit_lib
from ansible_collections.koreai.campaign.plugins.module_utils.audit import AuditLog
from ansible_collections.koreai.campaign.plugins.module_utils.errors import AuditLogError


def _append(path, index):
    log = AuditLog(path, 'koreai.campaign.voice_campaign')
    for n in range(50):
        log.record('stop campaign', {'id': 'cd-%d-%d' % (index, n), 'name': 'x' * 300, 'type': 'voice'},
                   'Active', 'Stopped', 'success', 200)


def test_audit_lines_stay_whole_when_processes_append_at_once(tmp_path):
    path = str(tmp_path / 'audit' / 'writes.jsonl')
    workers = [multiprocessing.Process(target=_append, args=(path, i)) for i in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
    lines = open(path).read().splitlines()
    assert len(lines) == 200
    entries = [json.loads(line) for line in lines]
    assert set(e['outcome'] for e in entries) == {'success'}
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_audit_entry_fields(tmp_path):
    path = str(tmp_path / 'a.jsonl')
    AuditLog(path, 'koreai.campaign.sms_campaign').record(
        'delete campaign', {'id': 'cd-1', 'name': 'Texts', 'type': 'sms'}, 'Stopped', 'deleted', 'success', 200)
    entry = json.loads(open(path).read())
    assert set(entry) >= {'time', 'module', 'operation', 'campaign_id', 'campaign_name', 'status_before',
                          'status_after', 'outcome', 'http_status', 'user', 'controller'}
    assert entry['campaign_id'] == 'cd-1' and entry['http_status'] == 200 and entry['time'].endswith('+00:00')


def test_detail_only_when_given_and_no_secret_fields(tmp_path):
    path = str(tmp_path / 'a.jsonl')
    log = AuditLog(path, 'koreai.campaign.voice_campaign')
    log.record('stop campaign', {'id': 'cd-1', 'name': 'R', 'type': 'voice', 'token': 'x'}, 'Active', None, 'unknown',
               500, detail='HTTP 500: boom')
    log.record('stop campaign', {'id': 'cd-1', 'name': 'R', 'type': 'voice'}, 'Active', 'Stopped', 'success', 200)
    first, second = [json.loads(line) for line in open(path).read().splitlines()]
    assert first['detail'] == 'HTTP 500: boom' and 'detail' not in second
    assert 'token' not in first and first['outcome'] == 'unknown' and first['pid'] == os.getpid()


def test_home_is_expanded_and_a_bare_file_name_works(tmp_path, monkeypatch):
    monkeypatch.setenv('HOME', str(tmp_path))
    AuditLog('~/audit.jsonl', 'm').record('x', {'id': 'cd-1'}, None, None, 'success')
    assert (tmp_path / 'audit.jsonl').exists()
    monkeypatch.chdir(str(tmp_path))
    AuditLog('bare.jsonl', 'm').record('x', {'id': 'cd-1'}, None, None, 'success')
    assert (tmp_path / 'bare.jsonl').exists()


def test_a_missing_passwd_entry_names_the_uid(monkeypatch):
    def no_user():
        raise KeyError('getpwuid(): uid not found')
    monkeypatch.setattr(audit_lib.getpass, 'getuser', no_user)
    assert audit_lib._user() == str(os.getuid())


# -- intent before the write, outcome after, interrupted writes completed by the next run -------------

CAMPAIGN = {'id': 'cd-1', 'name': 'Renewals', 'type': 'voice', 'status': 'Active'}


def lines(path):
    return [json.loads(line) for line in open(str(path)).read().splitlines()]


def test_the_intent_names_the_write_and_the_status_before(tmp_path):
    path = tmp_path / 'a.jsonl'
    log = AuditLog(str(path), 'koreai.campaign.voice_campaign')
    log.intend('stop campaign', CAMPAIGN, 'w-1')
    log.record('stop campaign', CAMPAIGN, 'Active', 'Stopped', 'success', 200, write_id='w-1')
    intent, outcome = lines(path)
    assert (intent['event'], intent['outcome'], intent['write_id'], intent['status_before']) == (
        'sending', 'sending', 'w-1', 'Active')
    assert intent['status_after'] is None and intent['http_status'] is None
    assert (outcome['event'], outcome['write_id']) == ('outcome', 'w-1')


@pytest.mark.parametrize('make', ['directory', 'unwritable directory', 'file as directory'])
def test_an_unwritable_trail_is_an_audit_log_error_naming_the_file(tmp_path, make):
    if make == 'directory':
        path = tmp_path / 'trail.jsonl'
        path.mkdir()
    elif make == 'unwritable directory':
        if os.geteuid() == 0:
            pytest.skip('root writes anywhere')
        locked = tmp_path / 'locked'
        locked.mkdir(mode=0o500)
        path = locked / 'trail.jsonl'
    else:
        (tmp_path / 'plain').write_text('x')
        path = tmp_path / 'plain' / 'trail.jsonl'
    with pytest.raises(AuditLogError) as info:
        AuditLog(str(path), 'm').intend('stop campaign', CAMPAIGN, 'w-1')
    assert str(path) in str(info.value) and 'no write was sent' in str(info.value)


def test_a_full_disk_is_an_audit_log_error(tmp_path, monkeypatch):
    def full(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(os, 'write', full)
    with pytest.raises(AuditLogError) as info:
        AuditLog(str(tmp_path / 't.jsonl'), 'm').intend('stop campaign', CAMPAIGN, 'w-1')
    assert 'the disk is full' in str(info.value)


def test_a_fifo_in_place_of_the_trail_is_refused(tmp_path):
    path = tmp_path / 'fifo'
    os.mkfifo(str(path))
    with pytest.raises(AuditLogError) as info:
        AuditLog(str(path), 'm').intend('stop campaign', CAMPAIGN, 'w-1')
    assert 'not a plain file' in str(info.value)


def _dead_pid():
    child = subprocess.Popen([sys.executable, '-c', 'pass'])
    child.wait()
    return child.pid


def test_an_intent_left_by_a_killed_process_is_completed_by_the_next_run(tmp_path):
    path = tmp_path / 't.jsonl'
    killed = AuditLog(str(path), 'koreai.campaign.campaign_bulk')
    entry = killed.entry('stop campaign', CAMPAIGN, 'Active', None, 'sending', event='sending', write_id='w-dead')
    entry['pid'] = _dead_pid()
    live = killed.entry('stop campaign', CAMPAIGN, 'Active', None, 'sending', event='sending', write_id='w-live')
    done = killed.entry('stop campaign', CAMPAIGN, 'Active', None, 'sending', event='sending', write_id='w-done')
    done['pid'] = entry['pid']
    finished = killed.entry('stop campaign', CAMPAIGN, 'Active', 'Stopped', 'success', write_id='w-done')
    with open(str(path), 'w') as handle:
        for line in (entry, live, done, finished):
            handle.write(json.dumps(line) + '\n')
    rerun = AuditLog(str(path), 'koreai.campaign.voice_campaign')
    assert rerun.close_interrupted() == ['w-dead']
    assert rerun.close_interrupted() == []  # completed once only
    last = lines(path)[-1]
    assert (last['event'], last['outcome'], last['write_id'], last['interrupted_pid']) == (
        'interrupted', 'interrupted', 'w-dead', entry['pid'])
    assert last['pid'] == os.getpid() and last['campaign_id'] == 'cd-1' and last['operation'] == 'stop campaign'


def test_intents_of_other_controllers_are_left_alone(tmp_path):
    path = tmp_path / 't.jsonl'
    log = AuditLog(str(path), 'm')
    entry = log.entry('stop campaign', CAMPAIGN, 'Active', None, 'sending', event='sending', write_id='w-x')
    entry['controller'], entry['pid'] = 'another-host.example', _dead_pid()
    path.write_text(json.dumps(entry) + '\n{torn line\n')
    assert log.close_interrupted() == []


def test_closing_interrupted_intents_never_creates_or_fails(tmp_path):
    assert AuditLog(str(tmp_path / 'absent.jsonl'), 'm').close_interrupted() == []
    assert not (tmp_path / 'absent.jsonl').exists()
    (tmp_path / 'dir.jsonl').mkdir()
    assert AuditLog(str(tmp_path / 'dir.jsonl'), 'm').close_interrupted() == []
