# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The shared per-account request budget and the audit trail."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import multiprocessing
import os
import stat

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils.audit import AuditLog
from ansible_collections.koreai.campaign.plugins.module_utils.pacing import RatePacer


class Clock:
    def __init__(self, now=1000.0):
        self.now = now
        self.slept = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds


def test_books_up_to_the_limit_then_waits_for_the_oldest_to_expire(tmp_path):
    clock = Clock()
    pacer = RatePacer(3, 'acc', state_dir=str(tmp_path), clock=clock, sleep=clock.sleep)
    for dummy in range(3):
        assert pacer.acquire() == 0
        clock.now += 1
    pacer.acquire()
    assert clock.slept == [pytest.approx(58.0)]
    assert stat.S_IMODE(os.stat(pacer.path).st_mode) == 0o600


def test_disabled_with_zero(tmp_path):
    pacer = RatePacer(0, 'acc', state_dir=str(tmp_path))
    for dummy in range(100):
        pacer.acquire()
    assert not os.path.exists(pacer.path)


def test_accounts_have_separate_budgets(tmp_path):
    clock = Clock()
    one = RatePacer(1, 'account-one', state_dir=str(tmp_path), clock=clock, sleep=clock.sleep)
    two = RatePacer(1, 'account-two', state_dir=str(tmp_path), clock=clock, sleep=clock.sleep)
    one.acquire()
    two.acquire()
    assert clock.slept == [] and one.path != two.path and 'account' not in os.path.basename(one.path)


def test_a_corrupt_state_file_starts_a_fresh_window(tmp_path):
    pacer = RatePacer(2, 'acc', state_dir=str(tmp_path))
    with open(pacer.path, 'w') as handle:
        handle.write('{not json')
    assert pacer.acquire() == 0


class NoWait(Exception):
    pass


def _book_until_full(state_dir, queue):
    def refuse(seconds):
        raise NoWait()
    pacer = RatePacer(10, 'shared', state_dir=state_dir, clock=lambda: 5000.0, sleep=refuse)
    booked = 0
    try:
        for dummy in range(10):
            pacer.acquire()
            booked += 1
    except NoWait:
        pass
    queue.put(booked)


def test_concurrent_processes_share_one_budget(tmp_path):
    """Four processes, each wanting ten requests in the same instant: together they get exactly ten."""
    queue = multiprocessing.Queue()
    workers = [multiprocessing.Process(target=_book_until_full, args=(str(tmp_path), queue)) for dummy in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(30)
    assert sum(queue.get(timeout=5) for dummy in workers) == 10


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
