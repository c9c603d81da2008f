# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Pure planning for one campaign (campaign_plan.py), no I/O: current campaign + desired state -> actions, diff and words."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import campaign_config as cc
from ansible_collections.koreai.campaign.plugins.module_utils import campaign_plan as cp
from ansible_collections.koreai.campaign.plugins.module_utils import plan as lc
from ansible_collections.koreai.campaign.plugins.module_utils.errors import PlanError, ValidationError

from ..helpers import API_VOICE, SMS_OPTIONS as SMS, VOICE_OPTIONS as VOICE


def campaign(status, scheduled=False, **schedule):
    sched = dict({'isSchedulingEnabled': scheduled, 'isRecurrenceEnabled': scheduled}, **schedule)
    return {'id': 'cd-1', 'name': 'Renewals', 'status': status, 'schedule': sched}


# -- run state ------------------------------------------------------------------------------------

@pytest.mark.parametrize('status,actions', [
    ('Active', []),
    ('Ready', [lc.START]),
    ('Stopped', [lc.START]),
    ('Completed', [lc.START]),
    ('Paused', [lc.START]),
    ('Preparing', [lc.AWAIT_READY, lc.START]),
])
def test_started(status, actions):
    plan = cp.plan_run_state(campaign(status), 'started')
    assert plan.actions == actions
    assert plan.diff == {'before': {'status': status}, 'after': {'status': 'Active'}}


@pytest.mark.parametrize('status,actions', [
    ('Active', [lc.STOP]), ('Paused', [lc.STOP]), ('Ready', []), ('Stopped', []), ('Completed', []),
    ('Preparing', []), ('Scheduled', []), ('Rescheduled', []),
])
def test_stopped(status, actions):
    plan = cp.plan_run_state(campaign(status), 'stopped')
    assert plan.actions == actions
    assert plan.changed == bool(actions)
    if not actions:
        assert plan.diff['before'] == plan.diff['after']


@pytest.mark.parametrize('status', ['Scheduled', 'Rescheduled'])
def test_started_refuses_scheduled(status):
    with pytest.raises(PlanError) as info:
        cp.plan_run_state(campaign(status, scheduled=True), 'started')
    assert 'campaign_schedule state=disabled' in str(info.value)


def test_started_refuses_a_ready_campaign_whose_schedule_is_on():
    with pytest.raises(PlanError):
        cp.plan_run_state(campaign('Ready', scheduled=True), 'started')


def test_preparing_without_wait_is_refused():
    with pytest.raises(PlanError) as info:
        cp.plan_run_state(campaign('Preparing'), 'started', wait=False)
    assert 'wait=true' in str(info.value)


def test_unknown_run_state_is_a_programming_error():
    with pytest.raises(ValueError):
        cp.plan_run_state(campaign('Ready'), 'paused')


@pytest.mark.parametrize('status,desired,msg,check_msg', [
    ('Active', 'stopped', "campaign 'Renewals' (cd-1) stopped (was Active)",
     "(check mode) campaign 'Renewals' (cd-1) would be stopped (was Active)"),
    ('Paused', 'stopped', "campaign 'Renewals' (cd-1) stopped (was Paused)",
     "(check mode) campaign 'Renewals' (cd-1) would be stopped (was Paused)"),
    ('Ready', 'started', "campaign 'Renewals' (cd-1) started (was Ready)",
     "(check mode) campaign 'Renewals' (cd-1) would be started (was Ready)"),
    ('Active', 'started', "campaign 'Renewals' (cd-1) is already Active",
     "campaign 'Renewals' (cd-1) is already Active"),
    ('Stopped', 'stopped', "campaign 'Renewals' (cd-1) is not running (status Stopped)",
     "campaign 'Renewals' (cd-1) is not running (status Stopped)"),
])
def test_run_state_words(status, desired, msg, check_msg):
    plan = cp.plan_run_state(campaign(status), desired)
    assert plan.message(False) == msg and plan.message(True) == check_msg


# -- delete ---------------------------------------------------------------------------------------

def test_absent_missing_is_a_no_op():
    plan = cp.plan_absent(None)
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
            cp.plan_absent(current)
        assert status in str(info.value) and 'force=true' in str(info.value)
    plan = cp.plan_absent(current, force=True)
    assert plan.actions == actions
    assert plan.diff == {'before': current, 'after': {}}


def test_absent_refusals_say_what_to_do():
    with pytest.raises(PlanError) as info:
        cp.plan_absent(campaign('Active', True))
    assert str(info.value) == (
        "refusing to delete campaign 'Renewals' (cd-1): it is Active and its schedule is on. Stop it first "
        "(state=stopped, and campaign_schedule state=disabled), or set force=true to stop it and disable its schedule "
        "and then delete it")
    with pytest.raises(PlanError) as info:
        cp.plan_absent(campaign('Ready', True))
    assert 'it has its schedule on (status Ready)' in str(info.value)


def test_a_name_with_deleted_in_it_is_not_mangled():
    named = dict(campaign('Ready'), name='Leads deleted in May')
    plan = cp.plan_absent(named)
    assert plan.message(False) == "campaign 'Leads deleted in May' (cd-1) deleted"
    assert plan.message(True) == "(check mode) campaign 'Leads deleted in May' (cd-1) would be deleted"


# -- configuration (state=present) ----------------------------------------------------------------

@pytest.mark.parametrize('campaign_type,remove,message', [
    ('voice', 'dnc_list', 'dnc_list'),
    ('voice', 'queue', 'queue (dialing_mode=progressive)'),
    ('voice', 'caller_id', 'caller_id'),
    ('sms', 'text', 'text (format=simple)'),
    ('sms', 'format', 'format'),
])
def test_create_needs_a_complete_configuration(campaign_type, remove, message):
    options = dict(VOICE if campaign_type == 'voice' else SMS)
    del options[remove]
    with pytest.raises(ValidationError) as info:
        cp.plan_present(None, campaign_type, cc.campaign_spec(campaign_type, options))
    assert message in str(info.value)


def test_plan_create():
    plan = cp.plan_present(None, 'voice', cc.campaign_spec('voice', VOICE))
    full = plan.payload
    assert plan.actions == [lc.CREATE] and plan.diff['before'] == {} and full['queue'] == 'Default Queue'


def test_plan_create_words():
    plan = cp.plan_present(None, 'voice', cc.campaign_spec('voice', VOICE))
    assert plan.message(False) == 'campaign created' and plan.message(True) == '(check mode) campaign would be created'


def test_plan_no_op_warns_about_what_cannot_be_compared():
    plan = cp.plan_present(dict(API_VOICE), 'voice', cc.campaign_spec('voice', VOICE))
    full = plan.payload
    assert not plan.changed and full is None and 'queue' in plan.warnings[0]


def test_plan_no_op_warning_words():
    plan = cp.plan_present(dict(API_VOICE), 'voice', cc.campaign_spec('voice', VOICE))
    assert plan.msg == "campaign 'Service Renewal Outreach Campaign61' (cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx) " \
        "already matches"
    assert plan.warnings == [
        "the API does not return queue of campaign 'Service Renewal Outreach Campaign61' "
        "(cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx), so it could not be compared and is sent only when another "
        "option changes"]


def test_plan_update_of_one_field_diffs_only_it():
    plan = cp.plan_present(dict(API_VOICE), 'voice', cc.campaign_spec('voice', dict(VOICE, ring_time=45)))
    full = plan.payload
    assert plan.actions == [lc.UPDATE]
    assert plan.diff == {'before': {'ring_time': 30}, 'after': {'ring_time': 45}}
    assert full['ring_time'] == 45 and full['caller_id'] == '+18163300000'


def test_plan_update_words():
    plan = cp.plan_present(dict(API_VOICE), 'voice', cc.campaign_spec('voice', dict(VOICE, ring_time=45, priority=3)))
    label = "campaign 'Service Renewal Outreach Campaign61' (cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx)"
    assert plan.message(False) == label + ' updated (priority, ring_time)'
    assert plan.message(True) == '(check mode) ' + label + ' would be updated (priority, ring_time)'


def test_plan_update_with_only_the_changed_option_given_keeps_the_rest():
    plan = cp.plan_present(dict(API_VOICE), 'voice', {'priority': 3, 'queue': 'Default Queue'})
    full = plan.payload
    assert plan.diff == {'before': {'priority': 5}, 'after': {'priority': 3}}
    body = cc.body_from_spec('voice', API_VOICE['name'], full)
    assert body['priority'] == '3' and body['dncLists'] == {'name': 'DNC CL Dec 4'}


def test_plan_update_that_needs_an_unreadable_option_says_so():
    with pytest.raises(ValidationError) as info:
        cp.plan_present(dict(API_VOICE), 'voice', {'priority': 3})
    assert 'queue (dialing_mode=progressive)' in str(info.value)


def test_plan_update_of_an_active_campaign_needs_force():
    active = dict(API_VOICE, status='Active')
    with pytest.raises(PlanError) as info:
        cp.plan_present(active, 'voice', cc.campaign_spec('voice', dict(VOICE, ring_time=45)))
    assert 'force=true' in str(info.value)
    plan = cp.plan_present(active, 'voice', cc.campaign_spec('voice', dict(VOICE, ring_time=45)), force=True)
    assert plan.actions == [lc.STOP, lc.UPDATE, lc.START]


def test_no_op_of_an_active_campaign_needs_no_force():
    plan = cp.plan_present(dict(API_VOICE, status='Active'), 'voice', cc.campaign_spec('voice', VOICE))
    assert not plan.changed


# -- statuses in other spellings and unknown statuses (issue 17, item 5) ---------------------------

@pytest.mark.parametrize('status', ['ACTIVE', 'running', 'Rerun', 'Run as Emergency', 'paused'])
def test_stopped_stops_a_running_status_in_any_spelling(status):
    plan = cp.plan_run_state({'id': 'cd-1', 'name': 'R', 'status': status}, 'stopped')
    assert plan.actions == [lc.STOP] and plan.warnings == []


def test_stopped_stops_an_unknown_status_and_warns():
    plan = cp.plan_run_state({'id': 'cd-1', 'name': 'R', 'status': 'Dialing'}, 'stopped')
    assert plan.actions == [lc.STOP]
    assert plan.warnings == ["campaign 'R' (cd-1) has the status 'Dialing', which this collection does not know; "
                             "it is treated as possibly running"]


def test_started_refuses_an_unknown_status():
    with pytest.raises(PlanError) as info:
        cp.plan_run_state({'id': 'cd-1', 'name': 'R', 'status': 'Dialing'}, 'started')
    assert "has the status 'Dialing', which this collection does not know" in str(info.value)


def test_started_takes_a_lower_case_active_as_started():
    assert not cp.plan_run_state({'id': 'cd-1', 'name': 'R', 'status': 'active'}, 'started').changed


@pytest.mark.parametrize('status', ['Dialing', 'ACTIVE', 'rerun'])
def test_absent_refuses_an_unknown_or_running_status_without_force(status):
    campaign = {'id': 'cd-1', 'name': 'R', 'status': status, 'schedule': {}}
    with pytest.raises(PlanError) as info:
        cp.plan_absent(campaign)
    assert 'refusing to delete' in str(info.value)
    if status == 'Dialing':
        assert 'a status this collection does not know, so it may be running' in str(info.value)
    assert cp.plan_absent(campaign, force=True).actions == [lc.STOP, lc.DELETE]
