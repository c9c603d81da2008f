# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""contact_store.py: the private SQLite store of a load (duplicates, held numbers, batches, mode 0600)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import os
import stat

from ansible_collections.koreai.campaign.plugins.module_utils.contact_rows import Row
from ansible_collections.koreai.campaign.plugins.module_utils.contact_store import ContactStore


def row(number, line):
    return Row('f.csv line %d' % line, line, {'phoneNumber': '+1415555%04d' % number})


def test_duplicates_held_numbers_and_batches_in_file_order(tmp_path):
    with ContactStore(str(tmp_path)) as store:
        directory = store._directory
        files = os.listdir(directory)
        assert stat.S_IMODE(os.stat(directory).st_mode) == 0o700
        assert stat.S_IMODE(os.stat(os.path.join(directory, files[0])).st_mode) == 0o600
        assert [store.add_wanted(row(n, n + 2)) for n in range(250)] == [None] * 250
        assert store.add_wanted(row(7, 300)) == 'f.csv line 9'
        store.add_held(['+14155550000', '+14155550001', '+19999999999'])
        assert (store.rows, store.wanted, store.held, store.missing) == (251, 250, 3, 248)
        batches = list(store.batches(100))
        assert [len(b) for b in batches] == [100, 100, 48]
        assert batches[0][0] == {'phoneNumber': '+14155550002'}
    assert not os.path.exists(directory), 'the store with its phone numbers is removed at the end'
