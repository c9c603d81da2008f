# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Where a load keeps its contacts while it works: a SQLite file in a private temporary directory,
so memory stays flat whatever the size of the file or of the list. The file holds phone numbers
(personal data): it is created owner-only (0600) and removed when the load ends."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import os
import shutil
import sqlite3
import tempfile


class ContactStore:
    """The file's contacts (first row of each phone number kept) and the numbers the list holds."""

    def __init__(self, directory=None):
        self._directory = tempfile.mkdtemp(prefix='koreai-contacts-', dir=directory)  # mode 0700
        path = os.path.join(self._directory, 'contacts.sqlite')
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        self._db = sqlite3.connect(path)
        self._db.execute('PRAGMA journal_mode=OFF')
        self._db.execute('PRAGMA synchronous=OFF')
        self._db.execute('CREATE TABLE wanted (seq INTEGER PRIMARY KEY, phone TEXT UNIQUE, line INTEGER, '
                         'where_ TEXT, contact TEXT)')
        self._db.execute('CREATE TABLE held (phone TEXT PRIMARY KEY)')
        self.rows = 0

    def close(self):
        try:
            self._db.close()
        finally:
            shutil.rmtree(self._directory, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def add_wanted(self, row):
        """Keep a row from the file; returns the place of the earlier row with the same number, or None."""
        self.rows += 1
        try:
            self._db.execute('INSERT INTO wanted (phone, line, where_, contact) VALUES (?, ?, ?, ?)',
                             (row.contact['phoneNumber'], row.line, row.where,
                              json.dumps(row.contact, sort_keys=True)))
            return None
        except sqlite3.IntegrityError:
            first = self._db.execute('SELECT where_ FROM wanted WHERE phone = ?', (row.contact['phoneNumber'],))
            return first.fetchone()[0]

    def add_held(self, phone_numbers):
        self._db.executemany('INSERT OR IGNORE INTO held (phone) VALUES (?)', ((p,) for p in phone_numbers))

    @property
    def wanted(self):
        return self._db.execute('SELECT COUNT(*) FROM wanted').fetchone()[0]

    @property
    def held(self):
        return self._db.execute('SELECT COUNT(*) FROM held').fetchone()[0]

    @property
    def missing(self):
        """How many of the file's contacts the list does not hold."""
        return self._db.execute('SELECT COUNT(*) FROM wanted WHERE phone NOT IN (SELECT phone FROM held)').fetchone()[0]

    def batches(self, size):
        """The contacts the list does not hold, in file order, size at a time."""
        cursor = self._db.execute('SELECT contact FROM wanted WHERE phone NOT IN (SELECT phone FROM held) '
                                  'ORDER BY seq')
        while True:
            chunk = cursor.fetchmany(size)
            if not chunk:
                return
            yield [json.loads(text) for (text,) in chunk]
