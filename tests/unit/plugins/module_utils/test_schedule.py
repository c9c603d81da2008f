# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A campaign's schedule (schedule.py): options -> spec, spec -> enable-schedule body, campaign -> view, and the plan."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime

import pytest
from hypothesis import given, strategies as st

from ansible_collections.koreai.campaign.plugins.module_utils import plan as actions
from ansible_collections.koreai.campaign.plugins.module_utils.errors import ValidationError
from ansible_collections.koreai.campaign.plugins.module_utils.schedule import (
    normalize_days, plan_schedule, schedule_body, schedule_spec, schedule_view)

NOW = datetime.datetime(2026, 1, 10, 12, 0, 0, tzinfo=datetime.timezone.utc)


def spec(**kwargs):
    options = dict(state='enabled', recurrence='daily', every=None, days=None, start='2026-01-27 18:29:00',
                   end='2026-02-27 18:29:00', now=NOW)
    options.update(kwargs)
    return schedule_spec(**options)


def campaign(status, scheduled=False, **schedule):
    sched = dict({'isSchedulingEnabled': scheduled, 'isRecurrenceEnabled': scheduled}, **schedule)
    return {'id': 'cd-1', 'name': 'Renewals', 'status': status, 'schedule': sched}


# -- options -> spec ------------------------------------------------------------------------------

def test_daily_seed_values():
    assert spec() == {'recurrence': 'daily', 'every': 1, 'start': '2026-01-27 18:29:00', 'end': '2026-02-27 18:29:00'}


def test_weekly_days_are_normalised():
    result = spec(recurrence='weekly', every=2, days=['FRIDAY', 'mon', 'Mon', 'we'])
    assert result['days'] == ['Mon', 'Wed', 'Fri'] and result['every'] == 2


@pytest.mark.parametrize('day,expected', [('thurs', 'Thu'), ('Tues', 'Tue'), ('tu', 'Tue'), ('Monday.', 'Mon'),
                                          ('TH', 'Thu'), ('wednesday', 'Wed'), ('Sa', 'Sat'), ('sun.', 'Sun')])
def test_schedule_days_accept_every_spelling_of_the_one_table(day, expected):
    assert spec(recurrence='weekly', days=[day])['days'] == [expected]


def test_schedule_days_in_every_spelling_at_once():
    assert spec(recurrence='weekly', days=['thurs', 'Tues', 'tu', 'Monday.'])['days'] == ['Mon', 'Tue', 'Thu']


def test_offsets_are_converted_to_utc():
    result = spec(start='2026-01-28T00:00:00+05:30', end='2026-02-01T00:00:00Z')
    assert result['start'] == '2026-01-27 18:30:00' and result['end'] == '2026-02-01 00:00:00'


def test_unpadded_dates_are_padded():
    assert spec(start='2026-1-1 8:05:00')['start'] == '2026-01-01 08:05:00'


def test_disabled_takes_nothing():
    assert schedule_spec('disabled') is None


def test_disabled_accepts_an_empty_day_list():
    assert schedule_spec('disabled', days=[]) is None


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


@given(st.lists(st.sampled_from(['mon', 'Tuesday', 'WED', 'thu', 'Fri', 'sat', 'SUNDAY', 'su', 'Mo']), min_size=1))
def test_days_are_unique_and_in_week_order(days):
    result = normalize_days(days)
    order = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
    assert result == sorted(set(result), key=order.index)


# -- spec -> wire ---------------------------------------------------------------------------------

def test_daily_body():
    assert schedule_body(spec()) == {
        'startDateTime': '2026-01-27 18:29:00', 'endDateTime': '2026-02-27 18:29:00',
        'recurrenceObject': {'recurType': 'Daily', 'dailyDetails': {'onceEveryNdays': 1}}}


def test_weekly_body():
    body = schedule_body(spec(recurrence='weekly', every=2, days=['fri', 'mon']))
    assert body['recurrenceObject'] == {'recurType': 'Weekly',
                                        'weeklyDetails': {'onceEveryNweeks': 2, 'whichDays': ['Mon', 'Fri']}}


# -- campaign -> view -----------------------------------------------------------------------------

DAILY = {'recurrence': 'daily', 'every': 1, 'start': '2026-01-27 18:29:00', 'end': '2026-02-27 18:29:00'}
DETAILS = dict(startDateTime='2026-01-27 18:29:00', endDateTime='2026-02-27 18:29:00',
               recurrenceObject={'recurType': 'Daily', 'dailyDetails': {'onceEveryNdays': 1}})


def test_view_of_a_campaign_without_schedule():
    assert schedule_view({'id': 'cd-1', 'status': 'Ready'}) == {'enabled': False}


def test_view_of_a_scheduled_status_counts_as_enabled():
    assert schedule_view({'id': 'cd-1', 'status': 'Rescheduled'}) == {'enabled': True}


def test_view_with_details_reads_them_back_as_a_spec():
    assert schedule_view(campaign('Scheduled', True, **DETAILS)) == dict(DAILY, enabled=True)


def test_view_with_unreadable_details_falls_back_to_the_flag():
    details = dict(DETAILS)
    details['startDateTime'] = 'next tuesday'
    assert schedule_view(campaign('Scheduled', True, **details)) == {'enabled': True}
    details = dict(DETAILS)
    details['recurrenceObject'] = {'recurType': 'Weekly', 'weeklyDetails': {'whichDays': ['Funday']}}
    assert schedule_view(campaign('Scheduled', True, **details)) == {'enabled': True}


def test_view_ignores_details_of_a_disabled_schedule():
    assert schedule_view(campaign('Ready', False, **DETAILS)) == {'enabled': False}


# -- the plan -------------------------------------------------------------------------------------

def test_schedule_enable_when_off():
    plan = plan_schedule(campaign('Ready'), DAILY)
    assert plan.actions == [actions.ENABLE_SCHEDULE]
    assert plan.diff == {'before': {'enabled': False}, 'after': dict(DAILY, enabled=True)}


def test_schedule_disable_when_off_is_a_no_op():
    assert not plan_schedule(campaign('Ready'), None).changed


def test_schedule_disable_when_on():
    plan = plan_schedule(campaign('Scheduled', True), None)
    assert plan.actions == [actions.DISABLE_SCHEDULE] and plan.after == {'enabled': False}


def test_schedule_without_details_matches_and_warns():
    plan = plan_schedule(campaign('Scheduled', True), DAILY)
    assert not plan.changed and plan.warnings and 'replace=true' in plan.warnings[0]


def test_schedule_without_details_replace():
    plan = plan_schedule(campaign('Scheduled', True), DAILY, replace=True)
    assert plan.actions == [actions.ENABLE_SCHEDULE] and not plan.warnings


def test_schedule_with_equal_details_is_a_no_op():
    plan = plan_schedule(campaign('Scheduled', True, **DETAILS), DAILY)
    assert not plan.changed and not plan.warnings


def test_schedule_with_unpadded_details_still_matches():
    details = dict(DETAILS)
    details['startDateTime'] = '2026-1-27 18:29:00'
    assert not plan_schedule(campaign('Scheduled', True, **details), DAILY).changed


def test_schedule_with_other_details_is_replaced():
    plan = plan_schedule(campaign('Scheduled', True, **DETAILS), dict(DAILY, every=2))
    assert plan.actions == [actions.ENABLE_SCHEDULE]
    assert plan.before['every'] == 1 and plan.after['every'] == 2


def test_weekly_details_are_compared():
    weekly = {'recurrence': 'weekly', 'every': 1, 'days': ['Mon', 'Fri'], 'start': DAILY['start'], 'end': DAILY['end']}
    details = dict(DETAILS)
    details['recurrenceObject'] = {'recurType': 'Weekly',
                                   'weeklyDetails': {'onceEveryNweeks': 1, 'whichDays': ['Fri', 'Mon']}}
    assert not plan_schedule(campaign('Scheduled', True, **details), weekly).changed
    assert plan_schedule(campaign('Scheduled', True, **details), dict(weekly, days=['Mon'])).changed


def test_weekly_details_in_other_spellings_still_match():
    weekly = spec(recurrence='weekly', days=['thurs', 'Tues'])
    details = dict(DETAILS)
    details['recurrenceObject'] = {'recurType': 'Weekly',
                                   'weeklyDetails': {'onceEveryNweeks': 1, 'whichDays': ['TH', 'tu']}}
    assert not plan_schedule(campaign('Scheduled', True, **details), weekly).changed


@pytest.mark.parametrize('current,wanted,msg', [
    (campaign('Ready'), DAILY, "schedule of campaign 'Renewals' (cd-1) enabled"),
    (campaign('Scheduled', True), None, "schedule of campaign 'Renewals' (cd-1) disabled"),
    (campaign('Scheduled', True, **DETAILS), dict(DAILY, every=2), "schedule of campaign 'Renewals' (cd-1) replaced"),
    (campaign('Scheduled', True), DAILY, "schedule of campaign 'Renewals' (cd-1) is already enabled"),
    (campaign('Ready'), None, "schedule of campaign 'Renewals' (cd-1) is already disabled"),
    (campaign('Scheduled', True, **DETAILS), DAILY, "schedule of campaign 'Renewals' (cd-1) already matches"),
])
def test_messages(current, wanted, msg):
    assert plan_schedule(current, wanted).msg == msg


@pytest.mark.parametrize('current,wanted,replace,check_msg', [
    (campaign('Ready'), DAILY, False, "(check mode) schedule of campaign 'Renewals' (cd-1) would be enabled"),
    (campaign('Scheduled', True), None, False, "(check mode) schedule of campaign 'Renewals' (cd-1) would be disabled"),
    (campaign('Scheduled', True, **DETAILS), dict(DAILY, every=2), False,
     "(check mode) schedule of campaign 'Renewals' (cd-1) would be replaced"),
    (campaign('Scheduled', True), DAILY, True,
     "(check mode) schedule of campaign 'Renewals' (cd-1) would be replaced (replace=true)"),
])
def test_check_mode_messages_come_from_the_plan(current, wanted, replace, check_msg):
    assert plan_schedule(current, wanted, replace).message(check_mode=True) == check_msg


def test_check_mode_no_op_says_what_is():
    plan = plan_schedule(campaign('Ready'), None)
    assert plan.message(check_mode=True) == "schedule of campaign 'Renewals' (cd-1) is already disabled"
