# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Writes a run's per-contact results to a CSV, JSON or JSON-lines file, a page at a time. The rows
hold phone numbers (personal data): the file is created owner-only (0600) under a temporary name
beside the destination and renamed into place only when complete, so a failed read leaves no
partial report."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import csv
import io
import json
import os

from ansible_collections.koreai.campaign.plugins.module_utils.errors import ValidationError

# The documented fields of a result (API reference section 1.1 #14), in this order in a CSV file.
RESULT_FIELDS = ('phoneNumber', 'uniqueId', 'dialerOutcome', 'numberOfAttemptsSoFar', 'botSessionId',
                 'agentDispositionCodes', 'botOutboundStatus', 'botOutboundStatusDetail')
FORMATS = ('csv', 'json', 'jsonl')


def file_format(path, given=None):
    if given:
        return given
    extension = os.path.splitext(path)[1].lower().lstrip('.')
    if extension in ('json', 'jsonl'):
        return extension
    if extension == 'ndjson':
        return 'jsonl'
    return 'csv'


class ResultsFile:
    def __init__(self, path, fmt=None):
        self.path = os.path.abspath(os.path.expanduser(path))
        self.format = file_format(self.path, fmt)
        directory = os.path.dirname(self.path)
        if not os.path.isdir(directory):
            raise ValidationError('dest %s: the directory %s does not exist' % (path, directory))
        self._temp = '%s.%d.part' % (self.path, os.getpid())
        try:
            fd = os.open(self._temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except OSError as exc:
            raise ValidationError('dest %s cannot be written: %s' % (path, exc.strerror or exc))
        self._handle = io.open(fd, 'w', encoding='utf-8', newline='')
        self.rows = 0
        if self.format == 'csv':
            self._csv = csv.writer(self._handle)
            self._csv.writerow(RESULT_FIELDS)
        elif self.format == 'json':
            self._handle.write('[')

    def write(self, row):
        if self.format == 'csv':
            codes = row.get('agentDispositionCodes')
            values = [row.get(field) for field in RESULT_FIELDS]
            values[RESULT_FIELDS.index('agentDispositionCodes')] = ';'.join(str(c) for c in codes) \
                if isinstance(codes, list) else codes
            self._csv.writerow(['' if v is None else v for v in values])
        elif self.format == 'json':
            self._handle.write(('\n  ' if not self.rows else ',\n  ') + json.dumps(row, sort_keys=True))
        else:
            self._handle.write(json.dumps(row, sort_keys=True) + '\n')
        self.rows += 1

    def commit(self):
        if self.format == 'json':
            self._handle.write('\n]\n' if self.rows else ']\n')
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        os.replace(self._temp, self.path)

    def abort(self):
        if not self._handle.closed:
            self._handle.close()
        try:
            os.unlink(self._temp)
        except OSError:
            pass
