# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""One write at a time per account and campaign, across the module processes of one controller.

Two runs on the same campaigns at once (two emergency stops from two AWX jobs, or forks) both read
"Active" and would both send the stop. Each write holds an exclusive lock on a small file per
account and campaign (next to the pacing state, see pacing.py) and notes there when it wrote. A run
that gets the lock after another process wrote the campaign since this run began reads the
campaign again before it sends, and sends nothing when it already is as wanted."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import errno
import hashlib
import json
import os
import time

from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiError
from ansible_collections.koreai.campaign.plugins.module_utils import pacing

try:
    import fcntl
    HAS_FCNTL = True
except ImportError:  # pragma: no cover - Windows controllers are not supported by Ansible
    HAS_FCNTL = False

# A write holds the lock for one request and its retries; far longer means a stuck process.
LOCK_TIMEOUT = 300.0
LOCK_POLL = 0.05


class WriteLocks:
    """Hands out the lock of one campaign of one account; disabled where flock is missing."""

    def __init__(self, account_id, state_dir=None, timeout=LOCK_TIMEOUT, clock=None, sleep=None):
        self.directory = os.path.expanduser(state_dir or pacing.DEFAULT_STATE_DIR)
        self.account = str(account_id)
        self.timeout = timeout
        self._clock = clock or time.time
        self._sleep = sleep or time.sleep

    def path(self, key):
        # Hashed: no path tricks from an id, no account or campaign id on disk in clear.
        digest = hashlib.sha256(('%s\n%s' % (self.account, key)).encode('utf-8')).hexdigest()[:24]
        return os.path.join(self.directory, 'write-%s.lock' % digest)

    def hold(self, key, label=None):
        return HeldLock(self, key, label or key)


class HeldLock:
    """Context manager: holds the campaign's lock; written_since()/mark_written() use its note."""

    def __init__(self, locks, key, label):
        self._locks = locks
        self._key = key
        self._label = label
        self._fd = None

    def __enter__(self):
        if not HAS_FCNTL:
            return self
        locks = self._locks
        try:
            os.makedirs(locks.directory, 0o700)
        except OSError as exc:
            if exc.errno != errno.EEXIST:
                raise
        path = locks.path(self._key)
        flags = os.O_RDWR | os.O_CREAT | getattr(os, 'O_NOFOLLOW', 0)
        try:
            fd = os.open(path, flags, 0o600)
        except OSError as exc:
            raise KoreaiError('cannot open the write lock %s for campaign %s (%s); check that the directory is '
                              'writable by this user' % (path, self._label, exc.strerror or exc))
        deadline = locks._clock() + locks.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except (IOError, OSError) as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    os.close(fd)
                    raise
                if locks._clock() >= deadline:
                    os.close(fd)
                    raise KoreaiError('another process has held the write lock of campaign %s for more than %.0f s '
                                      '(%s); nothing was sent. Check for a hung ansible process, then run again'
                                      % (self._label, locks.timeout, path))
                locks._sleep(LOCK_POLL)
        self._fd = fd
        return self

    def __exit__(self, *exc_info):
        if self._fd is not None:
            os.close(self._fd)  # closing releases the lock
            self._fd = None
        return False

    def _note(self):
        os.lseek(self._fd, 0, os.SEEK_SET)
        raw = os.read(self._fd, 4096)
        try:
            note = json.loads(raw.decode('utf-8') or '{}')
        except ValueError:
            return {}  # a torn or foreign file: no note
        return note if isinstance(note, dict) else {}

    def written_since(self, when, by=None):
        """Whether a write to this campaign was noted at or after when (epoch seconds) by another
        writer than by (a run's own earlier writes do not count)."""
        if self._fd is None:
            return False
        note = self._note()
        written = note.get('written')
        if by is not None and note.get('by') == by:
            return False
        return isinstance(written, (int, float)) and not isinstance(written, bool) and written >= when

    def mark_written(self, by=None):
        if self._fd is None:
            return
        data = json.dumps({'written': self._locks._clock(), 'by': by}).encode('utf-8')
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.ftruncate(self._fd, 0)
        os.write(self._fd, data)
