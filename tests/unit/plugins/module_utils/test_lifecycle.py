# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Pure planning, no I/O: current campaign + desired state -> actions and diff."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import lifecycle as lc
from ansible_collections.koreai.campaign.plugins.module_utils.lifecycle import PlanError


def campaign(status, scheduled=False, **schedule):
    sched = dict({'isSchedulingEnabled': scheduled, 'isRecurrenceEnabled': scheduled}, **schedule)
    return {'id': 'cd-1', 'name': 'Renewals', 'status': status, 'schedule': sched}


@pytest.mark.parametrize('status,actions', [
    ('Active', []),
    ('Ready', [lc.START]),
    ('Stopped', [lc.START]),
    ('Completed', [lc.START]),
    ('Paused', [lc.START]),
    ('Preparing', [lc.AWAIT_READY, lc.START]),
])
def test_started(status, actions):
    plan = lc.plan_run_state(campaign(status), 'started')
    assert plan.actions == actions
    assert plan.diff == {'before': {'status': status}, 'after': {'status': 'Active'}}


@pytest.mark.parametrize('status,actions', [
    ('Active', [lc.STOP]), ('Paused', [lc.STOP]), ('Ready', []), ('Stopped', []), ('Completed', []),
    ('Preparing', []), ('Scheduled', []), ('Rescheduled', []),
])
def test_stopped(status, actions):
    plan = lc.plan_run_state(campaign(status), 'stopped')
    assert plan.actions == actions
    assert plan.changed == bool(actions)
    if not actions:
        assert plan.diff['before'] == plan.diff['after']


@pytest.mark.parametrize('status', ['Scheduled', 'Rescheduled'])
def test_started_refuses_scheduled(status):
    with pytest.raises(PlanError) as info:
        lc.plan_run_state(campaign(status, scheduled=True), 'started')
    assert 'campaign_schedule state=disabled' in str(info.value)


def test_started_refuses_a_ready_campaign_whose_schedule_is_on():
    with pytest.raises(PlanError):
        lc.plan_run_state(campaign('Ready', scheduled=True), 'started')


def test_preparing_without_wait_is_refused():
    with pytest.raises(PlanError) as info:
        lc.plan_run_state(campaign('Preparing'), 'started', wait=False)
    assert 'wait=true' in str(info.value)


def test_absent_missing_is_a_no_op():
    plan = lc.plan_absent(None)
    assert not plan.changed and plan.diff == {'before': {}, 'after': {}}


@pytest.mark.parametrize('status,scheduled,actions', [
    ('Ready', False, [lc.DELETE]),
    ('Stopped', False, [lc.DELETE]),
    ('Completed', False, [lc.DELETE]),
    ('Preparing', False, [lc.DELETE]),
    ('Active', False, [lc.STOP, lc.DELETE]),
    ('Paused', False, [lc.STOP, lc.DELETE]),
    ('Scheduled', True, [lc.DISABLE_SCHEDULE, lc.DELETE]),
    ('Active', True, [lc.STOP, lc.DISABLE_SCHEDULE, lc.DELETE]),
])
def test_absent(status, scheduled, actions):
    current = campaign(status, scheduled)
    needs_force = lc.STOP in actions or lc.DISABLE_SCHEDULE in actions
    if needs_force:
        with pytest.raises(PlanError) as info:
            lc.plan_absent(current)
        assert status in str(info.value) and 'force=true' in str(info.value)
    plan = lc.plan_absent(current, force=True)
    assert plan.actions == actions
    assert plan.diff == {'before': current, 'after': {}}


DAILY = {'recurrence': 'daily', 'every': 1, 'start': '2026-01-27 18:29:00', 'end': '2026-02-27 18:29:00'}
DETAILS = dict(startDateTime='2026-01-27 18:29:00', endDateTime='2026-02-27 18:29:00',
               recurrenceObject={'recurType': 'Daily', 'dailyDetails': {'onceEveryNdays': 1}})


def test_schedule_enable_when_off():
    plan = lc.plan_schedule(campaign('Ready'), DAILY)
    assert plan.actions == [lc.ENABLE_SCHEDULE]
    assert plan.diff == {'before': {'enabled': False}, 'after': dict(DAILY, enabled=True)}


def test_schedule_disable_when_off_is_a_no_op():
    assert not lc.plan_schedule(campaign('Ready'), None).changed


def test_schedule_disable_when_on():
    plan = lc.plan_schedule(campaign('Scheduled', True), None)
    assert plan.actions == [lc.DISABLE_SCHEDULE] and plan.after == {'enabled': False}


def test_schedule_without_details_matches_and_warns():
    plan = lc.plan_schedule(campaign('Scheduled', True), DAILY)
    assert not plan.changed and plan.warnings and 'replace=true' in plan.warnings[0]


def test_schedule_without_details_replace():
    plan = lc.plan_schedule(campaign('Scheduled', True), DAILY, replace=True)
    assert plan.actions == [lc.ENABLE_SCHEDULE] and not plan.warnings


def test_schedule_with_equal_details_is_a_no_op():
    plan = lc.plan_schedule(campaign('Scheduled', True, **DETAILS), DAILY)
    assert not plan.changed and not plan.warnings


def test_schedule_with_unpadded_details_still_matches():
    details = dict(DETAILS)
    details['startDateTime'] = '2026-1-27 18:29:00'
    assert not lc.plan_schedule(campaign('Scheduled', True, **details), DAILY).changed


def test_schedule_with_other_details_is_replaced():
    plan = lc.plan_schedule(campaign('Scheduled', True, **DETAILS), dict(DAILY, every=2))
    assert plan.actions == [lc.ENABLE_SCHEDULE]
    assert plan.before['every'] == 1 and plan.after['every'] == 2


def test_weekly_details_are_compared():
    weekly = {'recurrence': 'weekly', 'every': 1, 'days': ['Mon', 'Fri'], 'start': DAILY['start'], 'end': DAILY['end']}
    details = dict(DETAILS)
    details['recurrenceObject'] = {'recurType': 'Weekly',
                                   'weeklyDetails': {'onceEveryNweeks': 1, 'whichDays': ['Fri', 'Mon']}}
    assert not lc.plan_schedule(campaign('Scheduled', True, **details), weekly).changed
    assert lc.plan_schedule(campaign('Scheduled', True, **details), dict(weekly, days=['Mon'])).changed


LISTED = [
    {'id': 'cd-1', 'name': 'Flash Sale 1', 'lname': 'flash sale 1', 'status': 'Active'},
    {'id': 'cd-2', 'name': 'Flash Sale 2', 'status': 'Stopped'},
    {'id': 'cd-3', 'name': 'Renewals', 'lname': 'renewals', 'status': 'Active'},
]


def test_select_by_pattern_and_status():
    import re
    selected, missing = lc.select_campaigns(LISTED, name_pattern=re.compile('^Flash'), statuses=['Active'])
    assert [c['id'] for c in selected] == ['cd-1'] and missing == []


def test_select_by_ids_and_names_reports_the_missing():
    selected, missing = lc.select_campaigns(LISTED, campaign_ids=['cd-3', 'cd-9'])
    assert [c['id'] for c in selected] == ['cd-3'] and missing == ['cd-9']
    selected, missing = lc.select_campaigns(LISTED, names=['RENEWALS', 'flash sale 2', 'Nope'])
    assert [c['id'] for c in selected] == ['cd-2', 'cd-3'] and missing == ['Nope']


def test_all_filters_must_match():
    selected, dummy = lc.select_campaigns(LISTED, campaign_ids=['cd-1', 'cd-3'], names=['renewals'])
    assert [c['id'] for c in selected] == ['cd-3']
