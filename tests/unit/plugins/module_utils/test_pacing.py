# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The request budget every module process on one controller shares per account (pacing.py)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import multiprocessing
import os
import stat

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import pacing
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


def test_slots_free_a_minute_and_a_second_after_they_were_booked(tmp_path):
    clock = Clock()
    pacer = RatePacer(1, 'acc', state_dir=str(tmp_path), clock=clock, sleep=clock.sleep)
    pacer.acquire()
    clock.now += 30
    assert pacer.acquire() == pytest.approx(31.0) and pacer.waited == pytest.approx(31.0)


def test_old_bookings_are_dropped(tmp_path):
    clock = Clock()
    pacer = RatePacer(2, 'acc', state_dir=str(tmp_path), clock=clock, sleep=clock.sleep)
    pacer.acquire()
    pacer.acquire()
    clock.now += 62
    assert pacer.acquire() == 0
    with open(pacer.path) as handle:
        assert json.load(handle) == [clock.now]


def test_the_state_directory_is_created_owner_only(tmp_path):
    directory = tmp_path / 'state' / 'koreai'
    pacer = RatePacer(5, 'acc', state_dir=str(directory))
    pacer.acquire()
    assert stat.S_IMODE(os.stat(str(directory)).st_mode) == 0o700


def test_the_file_name_is_a_hash_of_the_account(tmp_path):
    pacer = RatePacer(5, '67777ce93e25326494e9xxxx', state_dir=str(tmp_path))
    assert os.path.basename(pacer.path) == 'rate-06964aa5f45c2099.json'
    assert RatePacer(5, '../../etc', state_dir=str(tmp_path)).path.startswith(str(tmp_path) + os.sep)


def test_the_default_state_directory_is_read_when_the_pacer_is_made(tmp_path, monkeypatch):
    monkeypatch.setattr(pacing, 'DEFAULT_STATE_DIR', str(tmp_path))
    assert RatePacer(1, 'acc').path.startswith(str(tmp_path) + os.sep)


def test_foreign_values_in_the_file_are_ignored(tmp_path):
    pacer = RatePacer(2, 'acc', state_dir=str(tmp_path), clock=lambda: 1000.0)
    with open(pacer.path, 'w') as handle:
        json.dump(['x', None, 999.5], handle)
    assert pacer.acquire() == 0
    with open(pacer.path) as handle:
        assert json.load(handle) == [999.5, 1000.0]


# -- whatever the state file holds, wherever it points -------------------------------------------

@pytest.mark.parametrize('content', [b'5', b'null', b'[]', b'{}', b'"x"', b'true', b'', b'\x00\xff\xfe binary',
                                     b'[NaN, Infinity, -Infinity, true]', b'[1e999]', b'[[1], {"a": 2}]'])
def test_any_state_file_content_is_recovered_from(tmp_path, content):
    pacer = RatePacer(2, 'acc', state_dir=str(tmp_path), clock=lambda: 1000.0)
    with open(pacer.path, 'wb') as handle:
        handle.write(content)
    assert pacer.acquire() == 0
    with open(pacer.path) as handle:
        assert json.load(handle) == [1000.0]


def test_a_symlinked_state_file_is_not_followed_and_its_target_is_untouched(tmp_path):
    state = tmp_path / 'state'
    state.mkdir()
    target = tmp_path / 'precious.txt'
    target.write_text('keep me\n')
    pacer = RatePacer(2, 'acc', state_dir=str(state), clock=lambda: 1000.0)
    os.symlink(str(target), pacer.path)
    assert pacer.acquire() == 0
    assert target.read_text() == 'keep me\n'
    assert not os.path.islink(pacer.path) and stat.S_IMODE(os.stat(pacer.path).st_mode) == 0o600
    with open(pacer.path) as handle:
        assert json.load(handle) == [1000.0]


def test_a_dangling_symlink_creates_nothing_at_its_target(tmp_path):
    pacer = RatePacer(2, 'acc', state_dir=str(tmp_path), clock=lambda: 1000.0)
    target = tmp_path / 'elsewhere.json'
    os.symlink(str(target), pacer.path)
    assert pacer.acquire() == 0
    assert not target.exists() and not os.path.islink(pacer.path)


def test_a_symlinked_holder_file_is_not_followed(tmp_path):
    target = tmp_path / 'precious.txt'
    target.write_text('keep me\n')
    pacer = RatePacer(2, 'acc', state_dir=str(tmp_path), clock=lambda: 1000.0)
    os.symlink(str(target), pacer.holder_path)
    pacer.acquire()
    assert target.read_text() == 'keep me\n'


def test_a_directory_in_place_of_the_state_file_is_a_clear_error(tmp_path):
    pacer = RatePacer(2, 'acc', state_dir=str(tmp_path))
    os.mkdir(pacer.path)
    with pytest.raises(pacing.PacingError) as info:
        pacer.acquire()
    assert pacer.path in str(info.value) and 'rate_limit=0' in str(info.value)


def _hold_the_lock(path, holder_path, ready, release):
    import fcntl
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    pacing._record_holder(holder_path)
    ready.set()
    release.wait(30)
    os.close(fd)


def test_a_stuck_lock_holder_fails_the_request_at_the_timeout_naming_it(tmp_path):
    import time
    pacer = RatePacer(5, 'acc', state_dir=str(tmp_path), lock_timeout=0.5)
    context = multiprocessing.get_context('fork')
    ready, release = context.Event(), context.Event()
    holder = context.Process(target=_hold_the_lock, args=(pacer.path, pacer.holder_path, ready, release))
    holder.start()
    try:
        assert ready.wait(10)
        started = time.monotonic()
        with pytest.raises(pacing.PacingError) as info:
            pacer.acquire()
        assert 0.5 <= time.monotonic() - started < 2.0
        assert 'process %d' % holder.pid in str(info.value) and pacer.path in str(info.value)
        assert 'no request was sent' in str(info.value)
    finally:
        release.set()
        holder.join(10)
    assert pacer.acquire() == 0  # once the holder is gone, pacing goes on


def test_a_lock_held_briefly_is_waited_for(tmp_path):
    import threading
    pacer = RatePacer(5, 'acc', state_dir=str(tmp_path), lock_timeout=5)
    context = multiprocessing.get_context('fork')
    ready, release = context.Event(), context.Event()
    holder = context.Process(target=_hold_the_lock, args=(pacer.path, pacer.holder_path, ready, release))
    holder.start()
    assert ready.wait(10)
    threading.Timer(0.3, release.set).start()
    assert pacer.acquire() == 0
    holder.join(10)
