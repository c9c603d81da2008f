# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""fd_read: reading a raw file descriptor to its end, from any offset."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import os

from ansible_collections.koreai.campaign.plugins.module_utils import fd_read


def _fd(tmp_path, data):
    path = tmp_path / 'f'
    path.write_bytes(data)
    return os.open(str(path), os.O_RDONLY)


def test_reads_the_whole_file_across_chunks_whatever_the_position(tmp_path):
    data = b'x' * (fd_read.CHUNK * 2 + 7)
    fd = _fd(tmp_path, data)
    try:
        os.read(fd, 10)  # the position left by an earlier read does not matter
        assert fd_read.read_from(fd) == data
    finally:
        os.close(fd)


def test_reads_from_an_offset_and_an_empty_file_is_empty(tmp_path):
    fd = _fd(tmp_path, b'0123456789')
    try:
        assert fd_read.read_from(fd, 7) == b'789'
        assert fd_read.read_from(fd, 10) == b''
    finally:
        os.close(fd)
    fd = _fd(tmp_path, b'')
    try:
        assert fd_read.read_from(fd) == b''
    finally:
        os.close(fd)
