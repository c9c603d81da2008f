# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Request pacing shared by every module process on one controller.

Kore.ai allows 60 requests per minute per account. Ansible runs each task (each fork, each loop
item) in its own process, so pacing in memory would let concurrent runs overrun the limit. The
budget is kept in a small file per account instead: a sliding one-minute log of request times,
read and written under an exclusive lock."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import errno
import hashlib
import json
import os
import time

try:
    import fcntl
    HAS_FCNTL = True
except ImportError:  # pragma: no cover - Windows controllers are not supported by Ansible
    HAS_FCNTL = False

WINDOW = 60.0
# Slots free a second late: the API counts a request when it arrives, the pacer when it is sent.
MARGIN = 1.0
DEFAULT_STATE_DIR = '~/.ansible/tmp/koreai.campaign'


class RatePacer:
    """Blocks until a request fits into the account's per-minute budget, then books it."""

    def __init__(self, per_minute, account_id, state_dir=None, clock=None, sleep=None):
        self.per_minute = int(per_minute)
        self._clock = clock or time.time
        self._sleep = sleep or time.sleep
        self.waited = 0.0
        directory = os.path.expanduser(state_dir or DEFAULT_STATE_DIR)
        # The account id names the file through a hash: no path tricks, no id on disk in clear.
        key = hashlib.sha256(str(account_id).encode('utf-8')).hexdigest()[:16]
        self.path = os.path.join(directory, 'rate-%s.json' % key)
        self._directory = directory

    @property
    def enabled(self):
        return self.per_minute > 0 and HAS_FCNTL

    def acquire(self):
        """Wait for a free slot in the last minute's window and record this request in it."""
        if not self.enabled:
            return 0.0
        waited = 0.0
        while True:
            delay = self._try_book()
            if delay <= 0:
                self.waited += waited
                return waited
            self._sleep(delay)
            waited += delay

    def _try_book(self):
        self._ensure_directory()
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            now = self._clock()
            stamps = [t for t in _read(fd) if now - WINDOW - MARGIN < t <= now + 1]
            if len(stamps) >= self.per_minute:
                return max(0.01, stamps[len(stamps) - self.per_minute] + WINDOW + MARGIN - now)
            stamps.append(now)
            _write(fd, stamps)
            return 0.0
        finally:
            os.close(fd)  # closing releases the lock

    def _ensure_directory(self):
        try:
            os.makedirs(self._directory, 0o700)
        except OSError as exc:
            if exc.errno != errno.EEXIST:
                raise


def _read(fd):
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while True:
        chunk = os.read(fd, 65536)
        if not chunk:
            break
        chunks.append(chunk)
    try:
        stamps = json.loads(b''.join(chunks).decode('utf-8') or '[]')
    except ValueError:
        return []  # a torn or foreign file: start a fresh window rather than fail the task
    return [float(t) for t in stamps if isinstance(t, (int, float))]


def _write(fd, stamps):
    data = json.dumps(sorted(stamps)[-10000:]).encode('utf-8')
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    os.write(fd, data)
