# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Option validation: every bad input fails with a message naming the option and the fix."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime

import pytest
from hypothesis import given, strategies as st

from ansible_collections.koreai.campaign.plugins.module_utils.validate import (
    ValidationError, check_identity, check_name, normalize_days, parse_datetime, schedule_spec)

NOW = datetime.datetime(2026, 1, 10, 12, 0, 0, tzinfo=datetime.timezone.utc)


def spec(**kwargs):
    options = dict(state='enabled', recurrence='daily', every=None, days=None, start='2026-01-27 18:29:00',
                   end='2026-02-27 18:29:00', now=NOW)
    options.update(kwargs)
    return schedule_spec(**options)


def test_daily_seed_values():
    assert spec() == {'recurrence': 'daily', 'every': 1, 'start': '2026-01-27 18:29:00', 'end': '2026-02-27 18:29:00'}


def test_weekly_days_are_normalised():
    result = spec(recurrence='weekly', every=2, days=['FRIDAY', 'mon', 'Mon', 'we'])
    assert result['days'] == ['Mon', 'Wed', 'Fri'] and result['every'] == 2


def test_offsets_are_converted_to_utc():
    result = spec(start='2026-01-28T00:00:00+05:30', end='2026-02-01T00:00:00Z')
    assert result['start'] == '2026-01-27 18:30:00' and result['end'] == '2026-02-01 00:00:00'


def test_unpadded_dates_are_padded():
    assert spec(start='2026-1-1 8:05:00')['start'] == '2026-01-01 08:05:00'


def test_disabled_takes_nothing():
    assert schedule_spec('disabled') is None


BAD = [
    (dict(end='2026-01-20 00:00:00'), 'end (2026-01-20 00:00:00 UTC) must be later than start'),
    (dict(start='2025-01-01 00:00:00', end='2026-01-01 00:00:00'), 'is in the past'),
    (dict(recurrence='weekly'), 'recurrence=weekly needs days'),
    (dict(days=['mon']), 'days applies only to recurrence=weekly'),
    (dict(every=0), 'every=0 must be a whole number of at least 1'),
    (dict(every=-3), 'every=-3'),
    (dict(recurrence='weekly', days=['mon', 'funday']), "days contains 'funday'"),
    (dict(start='27/01/2026 18:29'), "start='27/01/2026 18:29' is not a date and time; write 'YYYY-MM-DD HH:MM:SS'"),
    (dict(end='2026-02-30 10:00:00'), 'end=' + repr('2026-02-30 10:00:00') + ' is not a valid date'),
    (dict(start='2026-01-27 25:00:00'), 'is not a valid date'),
    (dict(start='2026-01-27T10:00:00+25:00'), 'impossible UTC offset'),
    (dict(recurrence=None), 'state=enabled needs recurrence'),
    (dict(start=None, end=None), 'state=enabled needs start and end'),
    (dict(recurrence='monthly'), "recurrence='monthly' is not supported; write daily or weekly"),
    (dict(state='disabled', recurrence=None, start=None, end=None, days=['mon']),
     'state=disabled takes no schedule options, but days was given; remove it'),
    (dict(state='disabled'), 'state=disabled takes no schedule options, but end, recurrence, start were given'),
    (dict(every=True), 'every=True'),
]


@pytest.mark.parametrize('options,message', BAD)
def test_bad_schedule_options(options, message):
    with pytest.raises(ValidationError) as info:
        spec(**options)
    assert message in str(info.value)


def test_names():
    assert check_name('Renewals') == 'Renewals'
    for bad, message in (('', 'must not be empty'), ('   ', 'must not be empty'), ('x' * 49, 'at most 48')):
        with pytest.raises(ValidationError) as info:
            check_name(bad)
        assert message in str(info.value)


@pytest.mark.parametrize('campaign_id,name', [(None, None), ('cd-1', 'n'), ('', '')])
def test_identity_needs_exactly_one(campaign_id, name):
    with pytest.raises(ValidationError) as info:
        check_identity(campaign_id, name)
    assert 'exactly one of campaign_id' in str(info.value)


@given(st.datetimes(min_value=datetime.datetime(2001, 1, 1), max_value=datetime.datetime(2998, 12, 31)),
       st.integers(min_value=-14 * 60, max_value=14 * 60))
def test_iso_offsets_round_trip_to_utc(moment, offset_minutes):
    moment = moment.replace(microsecond=0)
    tz = datetime.timezone(datetime.timedelta(minutes=offset_minutes))
    aware = moment.replace(tzinfo=tz)
    assert parse_datetime(aware.isoformat(), 'start') == aware.astimezone(datetime.timezone.utc)


@given(st.text(max_size=40))
def test_parse_datetime_never_crashes_on_garbage(text):
    try:
        parse_datetime(text, 'start')
    except ValidationError as exc:
        assert 'start=' in str(exc)


@given(st.lists(st.sampled_from(['mon', 'Tuesday', 'WED', 'thu', 'Fri', 'sat', 'SUNDAY', 'su', 'Mo']), min_size=1))
def test_days_are_unique_and_in_week_order(days):
    result = normalize_days(days)
    order = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
    assert result == sorted(set(result), key=order.index)


@pytest.mark.parametrize('value', ['1999-12-31 23:59:59', '3000-01-01 00:00:00', '0999-01-01 00:00:00',
                                   '0001-01-01T00:00:00+01:00', '9999-12-31T23:59:59-01:00'])
def test_years_outside_2000_to_2999_are_refused(value):
    with pytest.raises(ValidationError) as info:
        parse_datetime(value, 'start')
    assert 'start=' in str(info.value)
