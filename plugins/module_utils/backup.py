# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""The backup written before a delete, so nothing the API held is lost."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime
import errno
import json
import os
import re
import uuid

from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiError


class BackupError(KoreaiError):
    """The backup before a delete could not be written whole; the delete is not sent."""


def write_backup(backup_dir, campaign):
    """Write the campaign object as JSON, owner-only, before it is deleted; return the file's path.

    The file appears whole or not at all: written to a temporary file beside it, flushed to disk,
    then renamed. Any write error (a full disk, say) removes the temporary file and raises
    BackupError, so that the delete is never sent without a backup."""
    backup_dir = os.path.expanduser(backup_dir)
    try:
        os.makedirs(backup_dir, 0o700, exist_ok=True)  # forks may delete campaigns at once
    except OSError as exc:
        raise _error('cannot create the backup directory %s' % backup_dir, exc)
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime('%Y%m%dT%H%M%S%fZ')
    slug = re.sub(r'[^A-Za-z0-9._-]+', '-', campaign.get('name') or 'campaign').strip('-')[:48] or 'campaign'
    name = '%s_%s_%s.json' % (slug, re.sub(r'[^A-Za-z0-9_-]', '', campaign['id']), stamp)
    path = os.path.join(backup_dir, name)
    temporary = os.path.join(backup_dir, '.%s.%s.partial' % (name, uuid.uuid4().hex[:8]))
    data = (json.dumps(campaign, indent=2, sort_keys=True) + '\n').encode('utf-8')
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, 'O_NOFOLLOW', 0), 0o600)
    except OSError as exc:
        raise _error('cannot create a backup file in %s' % backup_dir, exc)
    try:
        try:
            written = 0
            while written < len(data):  # os.write may write less than asked
                written += os.write(fd, data[written:])
            os.fsync(fd)
        finally:
            os.close(fd)
        os.rename(temporary, path)
    except OSError as exc:
        _remove(temporary)
        raise _error('cannot write the backup file %s' % path, exc)
    _sync_directory(backup_dir)
    return path


def _error(what, exc):
    reason = 'the disk is full' if exc.errno in (errno.ENOSPC, errno.EDQUOT) else exc.strerror or str(exc)
    return BackupError('%s (%s); the campaign was not deleted. Free space or fix the directory (backup_dir), '
                       'or set backup=false to delete without a backup' % (what, reason))


def _remove(path):
    try:
        os.unlink(path)
    except OSError:
        pass


def _sync_directory(directory):
    """Best effort: make the rename itself durable before the delete goes out."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
