# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Option validation (validate.py): dates, names and identity; every bad input fails with a message naming the option and the fix."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime
import re

import pytest
from hypothesis import given, strategies as st

from ansible_collections.koreai.campaign.plugins.module_utils.errors import ValidationError
from ansible_collections.koreai.campaign.plugins.module_utils.validate import (
    check_description, check_identity, check_name, format_api_datetime, parse_datetime)

UTC = datetime.timezone.utc


def test_names():
    assert check_name('Renewals') == 'Renewals'
    for bad, message in (('', 'must not be empty'), ('   ', 'must not be empty'), ('x' * 49, 'at most 48')):
        with pytest.raises(ValidationError) as info:
            check_name(bad)
        assert message in str(info.value)


def test_name_errors_name_the_option():
    with pytest.raises(ValidationError) as info:
        check_name(None, 'campaign')
    assert str(info.value).startswith('campaign must not be empty')
    assert check_name('x' * 48) == 'x' * 48


def test_descriptions():
    assert check_description(None) is None and check_description('x' * 256) == 'x' * 256
    with pytest.raises(ValidationError) as info:
        check_description('x' * 257)
    assert 'description is 257 characters long; Kore.ai allows at most 256' in str(info.value)


@pytest.mark.parametrize('campaign_id,name', [(None, None), ('cd-1', 'n'), ('', '')])
def test_identity_needs_exactly_one(campaign_id, name):
    with pytest.raises(ValidationError) as info:
        check_identity(campaign_id, name)
    assert 'exactly one of campaign_id' in str(info.value)


def test_identity_checks_the_name():
    check_identity('cd-1', None)
    check_identity(None, 'Renewals')
    with pytest.raises(ValidationError) as info:
        check_identity(None, 'x' * 49)
    assert 'at most 48' in str(info.value)


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


@pytest.mark.parametrize('value', ['1999-12-31 23:59:59', '3000-01-01 00:00:00', '0999-01-01 00:00:00',
                                   '0001-01-01T00:00:00+01:00', '9999-12-31T23:59:59-01:00'])
def test_years_outside_2000_to_2999_are_refused(value):
    with pytest.raises(ValidationError) as info:
        parse_datetime(value, 'start')
    assert 'start=' in str(info.value)


@pytest.mark.parametrize('value,expected', [
    ('2026-01-27 18:29:00', datetime.datetime(2026, 1, 27, 18, 29, tzinfo=UTC)),
    ('2026-01-27T18:29', datetime.datetime(2026, 1, 27, 18, 29, tzinfo=UTC)),
    ('2026-01-27 18:29:00 UTC', datetime.datetime(2026, 1, 27, 18, 29, tzinfo=UTC)),
    ('2026-01-27T18:29:00.123Z', datetime.datetime(2026, 1, 27, 18, 29, tzinfo=UTC)),
    ('2026-01-28T00:00:00+0530', datetime.datetime(2026, 1, 27, 18, 30, tzinfo=UTC)),
    ('2026-01-27T13:00:00-05:00', datetime.datetime(2026, 1, 27, 18, 0, tzinfo=UTC)),
    (datetime.datetime(2026, 1, 27, 18, 29), datetime.datetime(2026, 1, 27, 18, 29, tzinfo=UTC)),
])
def test_accepted_spellings_are_utc(value, expected):
    assert parse_datetime(value, 'start') == expected


def test_api_format_is_zero_padded_utc():
    moment = datetime.datetime(2026, 1, 2, 3, 4, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=5, minutes=30)))
    assert format_api_datetime(moment) == '2026-01-01 21:34:05'


def test_the_date_format_message_gives_examples_in_the_future():
    """Copying the example of the message must give a date the API takes (an end after now)."""
    with pytest.raises(ValidationError) as info:
        parse_datetime('next friday', 'end')
    examples = re.findall(r"'(\d{4}-\d\d-\d\d)[ T]", str(info.value))
    assert len(examples) == 2
    for example in re.findall(r"'(\d{4}-[^']+)'", str(info.value)):
        assert parse_datetime(example, 'end') > datetime.datetime.now(UTC)
