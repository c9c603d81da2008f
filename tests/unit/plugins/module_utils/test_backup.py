# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The backup written before a delete (backup.py): the whole object, owner-only, one new file each time."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import os
import stat

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import campaign_runner
from ansible_collections.koreai.campaign.plugins.module_utils.backup import BackupError, write_backup

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


# -- a backup that cannot be written whole: no file, no delete --------------------------------------

def full_disk_under(directory, monkeypatch):
    """Files opened under directory are created as usual, but every write to them fails with ENOSPC:
    /dev/full put in their place (dup2), as a disk that has just filled up behaves, however the bytes are written."""
    real_open = os.open

    def open_(path, flags, mode=0o777, **kwargs):
        fd = real_open(path, flags, mode, **kwargs)
        if str(path).startswith(str(directory) + os.sep) and flags & (os.O_WRONLY | os.O_RDWR):
            full = real_open('/dev/full', os.O_WRONLY)
            os.dup2(full, fd)
            os.close(full)
        return fd
    monkeypatch.setattr(os, 'open', open_)


def test_a_full_disk_leaves_no_backup_file_at_all(tmp_path, monkeypatch):
    full_disk_under(tmp_path, monkeypatch)
    with pytest.raises(BackupError) as info:
        write_backup(str(tmp_path), voice('Ready', description='x' * 100000))
    assert os.listdir(str(tmp_path)) == []
    assert 'the disk is full' in str(info.value) and 'not deleted' in str(info.value)


def test_a_disk_filling_up_halfway_leaves_no_partial_file(tmp_path, monkeypatch):
    import errno
    real_write = os.write
    calls = []

    def write(fd, data):
        calls.append(len(data))
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data[:10])
    monkeypatch.setattr(os, 'write', write)
    with pytest.raises(BackupError):
        write_backup(str(tmp_path), voice('Ready'))
    assert os.listdir(str(tmp_path)) == []


def test_a_failing_fsync_leaves_no_backup_file(tmp_path, monkeypatch):
    import errno

    def fsync(fd):
        raise OSError(errno.EIO, 'Input/output error')
    monkeypatch.setattr(os, 'fsync', fsync)
    with pytest.raises(BackupError):
        write_backup(str(tmp_path), voice('Ready'))
    assert os.listdir(str(tmp_path)) == []


def test_short_writes_are_completed(tmp_path, monkeypatch):
    real = os.write
    monkeypatch.setattr(os, 'write', lambda fd, data: real(fd, data[:7]))
    path = write_backup(str(tmp_path), voice('Ready', description='d' * 500))
    with open(path) as handle:
        assert json.load(handle)['description'] == 'd' * 500


def test_the_backup_is_flushed_to_disk_before_it_gets_its_name(tmp_path, monkeypatch):
    events = []
    real_fsync, real_rename = os.fsync, os.rename
    monkeypatch.setattr(os, 'fsync', lambda fd: events.append('fsync') or real_fsync(fd))
    monkeypatch.setattr(os, 'rename', lambda a, b: events.append(('rename', os.path.basename(b))) or real_rename(a, b))
    path = write_backup(str(tmp_path), voice('Ready'))
    assert events[0] == 'fsync' and events[1] == ('rename', os.path.basename(path))
    assert os.listdir(str(tmp_path)) == [os.path.basename(path)]
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_an_unusable_backup_directory_is_a_clear_error(tmp_path):
    blocker = tmp_path / 'file'
    blocker.write_text('x')
    with pytest.raises(BackupError) as info:
        write_backup(str(blocker / 'bk'), voice('Ready'))
    assert str(blocker / 'bk') in str(info.value) and 'backup=false' in str(info.value)


def test_no_delete_is_sent_when_the_backup_fails(runner, adapter, tmp_path, monkeypatch):
    (tmp_path / 'bk').mkdir()
    full_disk_under(tmp_path / 'bk', monkeypatch)
    run = runner()
    with pytest.raises(BackupError):
        campaign_runner.ensure_absent(run, voice('Ready'), backup_dir=str(tmp_path / 'bk'))
    assert adapter.requests == [] and run.accepted == []
    assert os.listdir(str(tmp_path / 'bk')) == []
