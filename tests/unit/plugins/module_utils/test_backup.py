# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The backup written before a delete (backup.py): the whole object, owner-only, one new file each time."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import os
import stat

from ansible_collections.koreai.campaign.plugins.module_utils import campaign_runner
from ansible_collections.koreai.campaign.plugins.module_utils.backup import write_backup

from ..helpers import voice


def test_backup_is_not_written_in_check_mode(runner, adapter, tmp_path):
    result = campaign_runner.ensure_absent(runner(check_mode=True), voice('Ready'), backup_dir=str(tmp_path / 'bk'))
    assert result['changed'] and 'backup_file' not in result and not (tmp_path / 'bk').exists()


def test_backup_holds_the_whole_object_owner_only(tmp_path):
    campaign = voice('Ready', description='Renewals', dialingStrategy={'maxRingTime': 30})
    path = write_backup(str(tmp_path / 'deep' / 'bk'), campaign)
    with open(path) as handle:
        assert json.load(handle) == campaign
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode) == 0o700
    assert os.path.dirname(path) == str(tmp_path / 'deep' / 'bk')


def test_backup_file_names_carry_the_name_and_id_made_safe(tmp_path):
    path = write_backup(str(tmp_path), voice('Ready', id='cd-1/../../x', name='Leads: May/June 2025 ?'))
    name = os.path.basename(path)
    assert name.startswith('Leads-May-June-2025_cd-1x_') and name.endswith('Z.json')
    assert os.path.dirname(path) == str(tmp_path)


def test_backup_of_a_campaign_without_a_usable_name(tmp_path):
    assert os.path.basename(write_backup(str(tmp_path), voice('Ready', name=None))).startswith('campaign_cd-1_')
    assert os.path.basename(write_backup(str(tmp_path), voice('Ready', name='///'))).startswith('campaign_cd-1_')


def test_long_names_are_cut(tmp_path):
    name = os.path.basename(write_backup(str(tmp_path), voice('Ready', name='x' * 100)))
    assert name.startswith('x' * 48 + '_cd-1_')


def test_every_backup_is_a_new_file(tmp_path):
    paths = set(write_backup(str(tmp_path), voice('Ready')) for dummy in range(5))
    assert len(paths) == 5 and len(os.listdir(str(tmp_path))) == 5


def test_an_existing_directory_is_kept_as_it_is(tmp_path):
    directory = tmp_path / 'bk'
    directory.mkdir(mode=0o755)
    os.chmod(str(directory), 0o755)
    write_backup(str(directory), voice('Ready'))
    assert stat.S_IMODE(os.stat(str(directory)).st_mode) == 0o755


def test_home_is_expanded(tmp_path, monkeypatch):
    monkeypatch.setenv('HOME', str(tmp_path))
    path = write_backup('~/backups', voice('Ready'))
    assert path.startswith(str(tmp_path / 'backups') + os.sep)
