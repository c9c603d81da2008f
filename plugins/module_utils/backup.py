# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""The backup written before a delete, so nothing the API held is lost."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime
import json
import os
import re


def write_backup(backup_dir, campaign):
    """Write the campaign object as JSON, owner-only, before it is deleted; return the file's path."""
    backup_dir = os.path.expanduser(backup_dir)
    os.makedirs(backup_dir, 0o700, exist_ok=True)  # forks may delete campaigns at once
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime('%Y%m%dT%H%M%S%fZ')
    slug = re.sub(r'[^A-Za-z0-9._-]+', '-', campaign.get('name') or 'campaign').strip('-')[:48] or 'campaign'
    path = os.path.join(backup_dir, '%s_%s_%s.json' % (slug, re.sub(r'[^A-Za-z0-9_-]', '', campaign['id']), stamp))
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, 'w') as handle:
        json.dump(campaign, handle, indent=2, sort_keys=True)
        handle.write('\n')
    return path
