# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""An append-only JSON-lines audit trail of every write the collection sends, so an ops team can
answer "who stopped this campaign, and when". Never holds a secret: only what the API calls and
the campaign's id, name and status."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime
import getpass
import json
import os
import socket

try:
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None


class AuditLog:
    def __init__(self, path, module_name, check_mode=False):
        self.path = os.path.expanduser(path)
        self.module_name = module_name
        self.check_mode = check_mode

    def record(self, operation, campaign, status_before, status_after, outcome, http_status=None, detail=None):
        entry = {
            'time': datetime.datetime.now(datetime.timezone.utc).isoformat(timespec='milliseconds'),
            'module': self.module_name,
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
        line = (json.dumps(entry, sort_keys=True) + '\n').encode('utf-8')
        directory = os.path.dirname(self.path)
        if directory:
            # Several module runs may create it at the same moment.
            os.makedirs(directory, 0o700, exist_ok=True)
        # O_APPEND writes one line at a time; the lock keeps lines whole across concurrent runs.
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_EX)
            os.write(fd, line)
        finally:
            os.close(fd)


def _user():
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return str(os.getuid())
