# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What a planner returns (plan.py): actions, diff and the words for a real run and for check mode."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils import plan as p


def test_change_words_for_a_run_and_for_check_mode():
    plan = p.change([p.STOP], {'status': 'Active'}, {'status': 'Stopped'}, "campaign 'X' (cd-1)", 'stopped',
                    'would be stopped', ' (was Active)')
    assert plan.changed and plan.actions == ['stop']
    assert plan.msg == "campaign 'X' (cd-1) stopped (was Active)"
    assert plan.check_msg == "campaign 'X' (cd-1) would be stopped (was Active)"
    assert plan.message(False) == plan.msg
    assert plan.message(True) == "(check mode) campaign 'X' (cd-1) would be stopped (was Active)"
    assert plan.diff == {'before': {'status': 'Active'}, 'after': {'status': 'Stopped'}}


def test_words_are_never_rewritten():
    plan = p.change([p.DELETE], {}, {}, "campaign 'Leads deleted in May' (cd-1)", 'deleted', 'would be deleted')
    assert plan.message(True) == "(check mode) campaign 'Leads deleted in May' (cd-1) would be deleted"
    assert plan.message(False) == "campaign 'Leads deleted in May' (cd-1) deleted"


def test_no_change_says_the_same_in_check_mode():
    plan = p.no_change({'status': 'Stopped'}, 'campaign is not running', warnings=['w'])
    assert not plan.changed and plan.actions == [] and plan.warnings == ['w']
    assert plan.diff == {'before': {'status': 'Stopped'}, 'after': {'status': 'Stopped'}}
    assert plan.message(True) == plan.message(False) == 'campaign is not running'


def test_payload_and_warnings_are_kept():
    plan = p.change([p.UPDATE], {}, {}, 'campaign', 'updated', 'would be updated', warnings=['a'], payload={'x': 1})
    assert plan.payload == {'x': 1} and plan.warnings == ['a']
    assert p.no_change({}, 'm').payload is None


def test_plan_without_check_msg_uses_msg():
    plan = p.Plan([p.START], {}, {}, 'started')
    assert plan.check_msg == 'started' and plan.message(True) == '(check mode) started'


def test_action_names_are_what_modules_return():
    assert (p.START, p.STOP, p.AWAIT_READY, p.DISABLE_SCHEDULE, p.ENABLE_SCHEDULE, p.DELETE, p.CREATE, p.UPDATE) == (
        'start', 'stop', 'await_ready', 'disable_schedule', 'enable_schedule', 'delete', 'create', 'update')


def test_repr():
    assert repr(p.no_change({}, 'm')) == "Plan(actions=[], msg='m')"


# Every planner, with a name that holds the verbs it says: check mode must say the name exactly as it is.
TRICKY = 'Leads deleted in May, started and stopped, enabled, created or updated'


def _every_plan():
    from ansible_collections.koreai.campaign.plugins.module_utils import campaign_plan, contact_list_plan, schedule
    campaign = {'id': 'cd-1', 'name': TRICKY, 'type': 'voice', 'status': 'Ready'}
    active = dict(campaign, status='Active')
    spec = schedule.schedule_spec('enabled', 'daily', None, None, '2031-01-27 18:29:00', '2031-02-27 18:29:00')
    return [
        campaign_plan.plan_run_state(campaign, 'started'),
        campaign_plan.plan_run_state(active, 'stopped'),
        campaign_plan.plan_absent(campaign),
        schedule.plan_schedule(campaign, spec),
        schedule.plan_schedule(dict(campaign, status='Scheduled', scheduleEnabled=True,
                                    schedule={'scheduleEnabled': True}), None),
        contact_list_plan.plan_contact_list({'id': 'cl-1', 'name': TRICKY}, 'absent'),
        contact_list_plan.plan_contact_list(None, 'present', description='d', name=TRICKY),
        contact_list_plan.plan_contact_list({'id': 'cl-1', 'name': TRICKY, 'description': 'old'}, 'present',
                                            description='new'),
    ]


def test_every_planner_keeps_names_intact_in_check_mode():
    plans = _every_plan()
    assert all(plan.changed for plan in plans), [plan for plan in plans if not plan.changed]
    for plan in plans:
        assert TRICKY in plan.message(True) and TRICKY in plan.message(False), plan
        assert plan.message(True).startswith('(check mode) ') and ' would be ' in plan.message(True)
        assert plan.message(True).count(' would be ') == 1
