# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one table of week days (weekdays.py): every accepted spelling, and nothing else."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils.weekdays import (
    CALLING_HOURS_DAYS, SCHEDULE_DAYS, WEEKDAYS, weekday_number)


def test_the_two_api_spellings():
    assert SCHEDULE_DAYS == ('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')
    assert CALLING_HOURS_DAYS == ('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')
    assert len(WEEKDAYS) == 7


@pytest.mark.parametrize('value,number', [
    ('mon', 0), ('Mon', 0), ('MO', 0), ('mo', 0), ('Monday', 0), ('MONDAY', 0), ('Monday.', 0), (' mon ', 0),
    ('tue', 1), ('Tues', 1), ('tu', 1), ('TU', 1), ('tuesday', 1), ('Tue.', 1),
    ('wed', 2), ('wednes', 2), ('WE', 2), ('Wednesday', 2),
    ('thu', 3), ('thur', 3), ('thurs', 3), ('Thurs.', 3), ('TH', 3), ('thursday', 3),
    ('fri', 4), ('fr', 4), ('friday', 4), ('fri.', 4),
    ('sat', 5), ('Sa', 5), ('SATURDAY', 5),
    ('sun', 6), ('su', 6), ('SUNDAY', 6),
])
def test_accepted_spellings(value, number):
    assert weekday_number(value) == number


@pytest.mark.parametrize('value', ['funday', '', 'M', 'T', 'mond', 'weekday', '1', 'tuesdays', 'thurday', None, 0])
def test_anything_else_is_none(value):
    assert weekday_number(value) is None


def test_every_table_spelling_maps_back_to_its_day():
    for number, spellings in enumerate(WEEKDAYS):
        for spelling in spellings:
            assert weekday_number(spelling) == number
