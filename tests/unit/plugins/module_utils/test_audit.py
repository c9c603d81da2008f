# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The append-only JSON-lines audit trail of every write (audit.py): whole lines across processes, owner-only, no secrets."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import multiprocessing
import os
import stat

from ansible_collections.koreai.campaign.plugins.module_utils import audit as audit_lib
from ansible_collections.koreai.campaign.plugins.module_utils.audit import AuditLog


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
