# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Reading a file descriptor to its end, for the files the collection opens with os.open (pacing state,
audit trail): they are opened that way for O_NOFOLLOW and flock, so there is no file object to read."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import os

CHUNK = 65536


def read_from(fd, offset=0):
    """The bytes of fd from offset to its end."""
    os.lseek(fd, offset, os.SEEK_SET)
    chunks = []
    while True:
        chunk = os.read(fd, CHUNK)
        if not chunk:
            return b''.join(chunks)
        chunks.append(chunk)
