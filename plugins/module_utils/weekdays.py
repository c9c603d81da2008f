# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""The one table of week days. Schedules spell them Mon..Sun, calling hours MO..SU; users may write
either, the full name, or the usual abbreviations, in any case."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

# (schedule spelling, calling-hours code, full name), Monday first.
WEEKDAYS = (
    ('Mon', 'MO', 'monday'),
    ('Tue', 'TU', 'tuesday'),
    ('Wed', 'WE', 'wednesday'),
    ('Thu', 'TH', 'thursday'),
    ('Fri', 'FR', 'friday'),
    ('Sat', 'SA', 'saturday'),
    ('Sun', 'SU', 'sunday'),
)
SCHEDULE_DAYS = tuple(day[0] for day in WEEKDAYS)
CALLING_HOURS_DAYS = tuple(day[1] for day in WEEKDAYS)

_INDEX = {}
for _number, (_short, _code, _full) in enumerate(WEEKDAYS):
    for _alias in (_short, _code, _full):
        _INDEX[_alias.lower()] = _number
_INDEX.update({'tues': 1, 'wednes': 2, 'thur': 3, 'thurs': 3})


def weekday_number(value):
    """0 (Monday) to 6 (Sunday) for any accepted spelling; None for anything else."""
    return _INDEX.get(str(value).strip().lower().rstrip('.'))
