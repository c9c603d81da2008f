# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The per-account, per-campaign write lock shared by module processes (write_lock.py)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import multiprocessing
import os
import stat

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import pacing, write_lock
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiError


def test_the_note_says_when_the_campaign_was_last_written(tmp_path):
    now = [100.0]
    locks = write_lock.WriteLocks('acct', state_dir=str(tmp_path), clock=lambda: now[0])
    with locks.hold('cd-1') as lock:
        assert not lock.written_since(0)
        lock.mark_written()
    with locks.hold('cd-1') as lock:
        assert lock.written_since(100.0) and not lock.written_since(100.5)
    with locks.hold('cd-2') as lock:
        assert not lock.written_since(0)  # one note per campaign


def test_the_file_names_neither_account_nor_campaign_and_is_private(tmp_path):
    locks = write_lock.WriteLocks('acct-secret-id', state_dir=str(tmp_path / 'state'))
    with locks.hold('cd-1') as lock:
        lock.mark_written()
    name, = os.listdir(str(tmp_path / 'state'))
    assert name.startswith('write-') and 'acct' not in name and 'cd-1' not in name
    assert stat.S_IMODE(os.stat(str(tmp_path / 'state' / name)).st_mode) == 0o600
    assert locks.path('cd-1') != write_lock.WriteLocks('other', state_dir=str(tmp_path)).path('cd-1')


def test_a_torn_note_is_no_note(tmp_path):
    locks = write_lock.WriteLocks('acct', state_dir=str(tmp_path))
    for junk in (b'{', b'5', b'null', b'{"written": true}', b'{"written": "soon"}'):
        with open(locks.path('cd-1'), 'wb') as handle:
            handle.write(junk)
        with locks.hold('cd-1') as lock:
            assert not lock.written_since(0)


def _hold(path, ready, release):
    locks = write_lock.WriteLocks('acct', state_dir=path)
    with locks.hold('cd-1'):
        ready.set()
        release.wait(10)


def test_a_holder_in_another_process_makes_the_next_one_wait_then_fail_clearly(tmp_path):
    ready, release = multiprocessing.Event(), multiprocessing.Event()
    holder = multiprocessing.Process(target=_hold, args=(str(tmp_path), ready, release))
    holder.start()
    try:
        assert ready.wait(10)
        now = [0.0]
        slept = []

        def sleep(seconds):
            slept.append(seconds)
            now[0] += seconds
        locks = write_lock.WriteLocks('acct', state_dir=str(tmp_path), timeout=1, clock=lambda: now[0], sleep=sleep)
        with pytest.raises(KoreaiError) as info:
            with locks.hold('cd-1', "'Renewals' (cd-1)"):
                pass
        assert "another process has held the write lock of campaign 'Renewals' (cd-1) for more than 1 s" in str(
            info.value) and 'nothing was sent' in str(info.value)
        assert slept and sum(slept) >= 1
    finally:
        release.set()
        holder.join(10)
    with write_lock.WriteLocks('acct', state_dir=str(tmp_path)).hold('cd-1'):
        pass  # free again once the holder is gone


def test_the_default_directory_is_the_pacing_one(monkeypatch, tmp_path):
    monkeypatch.setattr(pacing, 'DEFAULT_STATE_DIR', str(tmp_path / 'pacing'))
    assert write_lock.WriteLocks('acct').directory == str(tmp_path / 'pacing')


def test_a_symlinked_lock_file_is_not_followed(tmp_path):
    locks = write_lock.WriteLocks('acct', state_dir=str(tmp_path))
    target = tmp_path / 'target'
    target.write_text('keep')
    os.symlink(str(target), locks.path('cd-1'))
    with pytest.raises(KoreaiError) as info:
        with locks.hold('cd-1'):
            pass
    assert 'cannot open the write lock' in str(info.value) and target.read_text() == 'keep'


def test_a_writers_own_earlier_write_does_not_count(tmp_path):
    locks = write_lock.WriteLocks('acct', state_dir=str(tmp_path))
    with locks.hold('cd-1') as lock:
        lock.mark_written('run-a')
    with locks.hold('cd-1') as lock:
        assert not lock.written_since(0, 'run-a') and lock.written_since(0, 'run-b') and lock.written_since(0)
