# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""An append-only JSON-lines audit trail of every write the collection sends, so an ops team can
answer "who stopped this campaign, and when". Never holds a secret: only what the API calls and
the campaign's id, name and status.

Each write gets two lines with the same write_id: event "sending" just before it goes out (the
intent), and event "outcome" once its outcome is known. A process killed in between leaves the
intent alone; the next run that uses the trail on that controller completes it with an event
"interrupted" line naming the same write_id, so the rerun that converged can be matched to it.
A trail that cannot be written raises AuditLogError before the write is sent."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime
import errno
import getpass
import json
import os
import socket
import stat
import uuid

try:
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None

from ansible_collections.koreai.campaign.plugins.module_utils.errors import AuditLogError
from ansible_collections.koreai.campaign.plugins.module_utils.fd_read import read_from

SENDING = 'sending'
OUTCOME = 'outcome'
INTERRUPTED = 'interrupted'
# How much of the trail's end is searched for intents a killed process left open.
RECENT_BYTES = 1024 * 1024


def new_write_id():
    return uuid.uuid4().hex


class AuditLog:
    def __init__(self, path, module_name, check_mode=False):
        self.path = os.path.expanduser(path)
        self.module_name = module_name
        self.check_mode = check_mode

    def entry(self, operation, campaign, status_before, status_after, outcome, http_status=None, detail=None,
              event=OUTCOME, write_id=None):
        entry = {
            'time': datetime.datetime.now(datetime.timezone.utc).isoformat(timespec='milliseconds'),
            'module': self.module_name,
            'event': event,
            'write_id': write_id,
            'operation': operation,
            'campaign_id': campaign.get('id'),
            'campaign_name': campaign.get('name'),
            'campaign_type': campaign.get('type'),
            'status_before': status_before,
            'status_after': status_after,
            'outcome': outcome,
            'http_status': http_status,
            'user': _user(),
            'controller': socket.gethostname(),
            'pid': os.getpid(),
        }
        if detail:
            entry['detail'] = detail
        return entry

    def record(self, operation, campaign, status_before, status_after, outcome, http_status=None, detail=None,
               event=OUTCOME, write_id=None):
        """Append one line; AuditLogError when it cannot be written whole."""
        self._append([self.entry(operation, campaign, status_before, status_after, outcome, http_status, detail,
                                 event, write_id)])

    def intend(self, operation, campaign, write_id):
        """The line written before a write is sent: the trace a killed process leaves."""
        self.record(operation, campaign, campaign.get('status'), None, SENDING, event=SENDING, write_id=write_id)

    def close_interrupted(self):
        """Complete the intents of processes on this controller that ended before their outcome line.

        Returns the write ids completed. Best effort: a trail that cannot be read is left to the next
        write's intent line, which fails the task clearly before anything is sent."""
        try:
            fd = _open_trail(self.path, os.O_RDWR, create=False)
        except (AuditLogError, OSError):
            return []
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            entries = _recent_entries(fd)
            host = socket.gethostname()
            done = set(e.get('write_id') for e in entries if e.get('event') in (OUTCOME, INTERRUPTED))
            lines = []
            for intent in entries:
                if (intent.get('event') != SENDING or intent.get('write_id') in done
                        or intent.get('controller') != host or _alive(intent.get('pid'))):
                    continue
                subject = {'id': intent.get('campaign_id'), 'name': intent.get('campaign_name'),
                           'type': intent.get('campaign_type')}
                line = self.entry(intent.get('operation'), subject, intent.get('status_before'), None, INTERRUPTED,
                                  detail='process %s ended after sending this write and before its outcome; what '
                                         'the API holds now is what this or a later run read' % intent.get('pid'),
                                  event=INTERRUPTED, write_id=intent.get('write_id'))
                line['interrupted_pid'] = intent.get('pid')
                lines.append(line)
            if lines:
                _write_all(fd, b''.join(_encode(line) for line in lines))
            return [line['write_id'] for line in lines]
        except OSError:
            return []
        finally:
            os.close(fd)

    def _append(self, entries):
        data = b''.join(_encode(entry) for entry in entries)
        directory = os.path.dirname(self.path)
        try:
            if directory:
                # Several module runs may create it at the same moment.
                os.makedirs(directory, 0o700, exist_ok=True)
            # O_APPEND writes one line at a time; the lock keeps lines whole across concurrent runs.
            fd = _open_trail(self.path, os.O_WRONLY | os.O_APPEND, create=True)
            try:
                if fcntl is not None:
                    fcntl.flock(fd, fcntl.LOCK_EX)
                _write_all(fd, data)
            finally:
                os.close(fd)
        except OSError as exc:
            raise AuditLogError('the audit log %s cannot be written (%s); no write was sent after this. Fix the '
                                'path or its directory (audit_log, KOREAI_AUDIT_LOG) and run the task again'
                                % (self.path, _reason(exc)))


def _open_trail(path, flags, create):
    # O_NONBLOCK: a FIFO in the trail's place must fail now, not wait for a reader (no effect on files).
    fd = os.open(path, flags | (os.O_CREAT if create else 0) | os.O_NONBLOCK | getattr(os, 'O_CLOEXEC', 0), 0o600)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise AuditLogError('the audit log %s is not a plain file; name a file for audit_log' % path)
    return fd


def _write_all(fd, data):
    written = 0
    while written < len(data):  # os.write may write less than asked
        written += os.write(fd, data[written:])


def _encode(entry):
    return (json.dumps(entry, sort_keys=True) + '\n').encode('utf-8')


def _recent_entries(fd):
    size = os.fstat(fd).st_size
    start = max(0, size - RECENT_BYTES)
    lines = read_from(fd, start).split(b'\n')
    if start:
        lines = lines[1:]  # the first line was cut by the start of the window
    entries = []
    for line in lines:
        try:
            entry = json.loads(line.decode('utf-8'))
        except ValueError:
            continue
        if isinstance(entry, dict):
            entries.append(entry)
    return entries


def _alive(pid):
    try:
        os.kill(int(pid), 0)
    except (TypeError, ValueError):
        return True  # no usable pid: not ours to complete
    except OSError as exc:
        return exc.errno != errno.ESRCH  # EPERM: alive, another user's
    return True


def _reason(exc):
    if exc.errno == errno.EISDIR:
        return 'it is a directory'
    if exc.errno == errno.ENXIO:
        return 'it is not a plain file'
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return 'the disk is full'
    return exc.strerror or str(exc)


def _user():
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return str(os.getuid())
