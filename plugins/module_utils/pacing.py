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
import math
import os
import socket
import stat
import time

try:
    import fcntl
    HAS_FCNTL = True
except ImportError:  # pragma: no cover - Windows controllers are not supported by Ansible
    HAS_FCNTL = False

from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiError
from ansible_collections.koreai.campaign.plugins.module_utils.fd_read import read_from

WINDOW = 60.0
# Slots free a second late: the API counts a request when it arrives, the pacer when it is sent.
MARGIN = 1.0
DEFAULT_STATE_DIR = '~/.ansible/tmp/koreai.campaign'
# A booking holds the lock for microseconds; a holder past this is stuck (stopped, or on a hung disk).
DEFAULT_LOCK_TIMEOUT = 30.0
LOCK_POLL_FIRST = 0.01
LOCK_POLL_MAX = 0.25


class PacingError(KoreaiError):
    """The pacing state cannot be used: its lock is held too long, or its path is not a plain file."""


class RatePacer:
    """Blocks until a request fits into the account's per-minute budget, then books it."""

    def __init__(self, per_minute, account_id, state_dir=None, clock=None, sleep=None,
                 lock_timeout=DEFAULT_LOCK_TIMEOUT):
        self.per_minute = int(per_minute)
        self._clock = clock or time.time
        self._sleep = sleep or time.sleep
        self.lock_timeout = float(lock_timeout)
        self.waited = 0.0
        directory = os.path.expanduser(state_dir or DEFAULT_STATE_DIR)
        # The account id names the file through a hash: no path tricks, no id on disk in clear.
        key = hashlib.sha256(str(account_id).encode('utf-8')).hexdigest()[:16]
        self.path = os.path.join(directory, 'rate-%s.json' % key)
        # Who holds the lock, written by each holder as it takes it: names a stuck one in the error.
        self.holder_path = self.path + '.holder'
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
        fd = _open_plain_file(self.path)
        try:
            self._lock(fd)
            _record_holder(self.holder_path)
            now = self._clock()
            stamps = [t for t in _read(fd) if now - WINDOW - MARGIN < t <= now + 1]
            if len(stamps) >= self.per_minute:
                return max(0.01, stamps[len(stamps) - self.per_minute] + WINDOW + MARGIN - now)
            stamps.append(now)
            _write(fd, stamps)
            return 0.0
        finally:
            os.close(fd)  # closing releases the lock

    def _lock(self, fd):
        """Take the file's lock, waiting at most lock_timeout seconds (the task's timeout)."""
        # Real time, not the injected clock and sleep: those model the rate window, this a stuck process.
        deadline = time.monotonic() + self.lock_timeout
        interval = LOCK_POLL_FIRST
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    raise PacingError('cannot lock the pacing state file %s: %s' % (self.path, exc.strerror))
            if time.monotonic() >= deadline:
                raise PacingError(
                    'the pacing state file %s has been locked for more than %.0f s (the timeout) by %s; no request '
                    'was sent. Stop that process if it is stuck, or set rate_limit=0 to run without pacing'
                    % (self.path, self.lock_timeout, _holder_words(self.holder_path)))
            time.sleep(min(interval, max(0.0, deadline - time.monotonic())))
            interval = min(LOCK_POLL_MAX, interval * 2)

    def _ensure_directory(self):
        try:
            os.makedirs(self._directory, 0o700)
        except OSError as exc:
            if exc.errno != errno.EEXIST:
                raise PacingError('cannot create the pacing state directory %s: %s'
                                  % (self._directory, exc.strerror))


def _open_plain_file(path, flags=os.O_RDWR):
    """Open (creating) path without following a symlink; a symlink in its place is removed, never
    written through (its target stays as it was). Anything else but a plain file is refused."""
    nofollow = getattr(os, 'O_NOFOLLOW', 0) | getattr(os, 'O_CLOEXEC', 0)
    for dummy in range(5):
        try:
            fd = os.open(path, flags | os.O_CREAT | nofollow, 0o600)
        except OSError as exc:
            if exc.errno == errno.ELOOP or (exc.errno == errno.EEXIST and os.path.islink(path)):
                _remove_link(path)
                continue
            raise PacingError('cannot open the pacing state file %s: %s; remove it, or set rate_limit=0'
                              % (path, exc.strerror))
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise PacingError('the pacing state file %s is not a plain file; remove it, or set rate_limit=0' % path)
        return fd
    raise PacingError('the pacing state file %s keeps being replaced by a symlink; remove it' % path)


def _remove_link(path):
    try:
        if os.path.islink(path):
            os.unlink(path)  # removes the link itself, not what it points to
    except OSError as exc:
        if exc.errno != errno.ENOENT:
            raise PacingError('the pacing state file %s is a symlink that cannot be removed: %s'
                              % (path, exc.strerror))


def _record_holder(path):
    """Best effort: a holder that cannot say who it is still paces correctly."""
    try:
        fd = _open_plain_file(path, os.O_WRONLY)
    except PacingError:
        return
    try:
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps({'pid': os.getpid(), 'host': socket.gethostname(),
                                 'since': time.time()}).encode('utf-8'))
    except OSError:
        pass
    finally:
        os.close(fd)


def _holder_words(path):
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, 'O_NOFOLLOW', 0))
        try:
            holder = json.loads(os.read(fd, 4096).decode('utf-8'))
        finally:
            os.close(fd)
        pid, host = int(holder['pid']), str(holder['host'])
    except (OSError, ValueError, TypeError, KeyError):
        return 'a process that did not record itself in %s' % path
    return 'process %d on %s (recorded in %s)' % (pid, host, path)


def _read(fd):
    try:
        stamps = json.loads(read_from(fd).decode('utf-8') or '[]')
    except ValueError:
        return []  # a torn or foreign file: start a fresh window rather than fail the task
    if not isinstance(stamps, list):
        return []  # 5, null, {}: not ours either
    return [float(t) for t in stamps
            if isinstance(t, (int, float)) and not isinstance(t, bool) and math.isfinite(t)]


def _write(fd, stamps):
    data = json.dumps(sorted(stamps)[-10000:]).encode('utf-8')
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    os.write(fd, data)
