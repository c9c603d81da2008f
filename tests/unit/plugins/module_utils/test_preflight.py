# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""preflight.py: every pre-start rule passing and failing, with what to change."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime

from ansible_collections.koreai.campaign.plugins.module_utils import preflight

NOW = datetime.datetime(2026, 12, 2, 12, 0, tzinfo=datetime.timezone.utc)  # a Wednesday
HOURS = {'timezone': 'America/New_York', 'days': [{'day': 'WE', 'start': '9:00 AM', 'end': '6:00 PM'}]}


def campaign(**extra):
    obj = {'id': 'cd-1', 'name': 'Renewals', 'type': 'voice', 'status': 'Ready', 'contactLists': ['Leads'],
           'dncLists': {'name': 'DNC'}, 'dialingStrategy': {'callingHours': HOURS},
           'schedule': {'isSchedulingEnabled': False}}
    obj.update(extra)
    return obj


LISTS = [{'id': 'cl-1', 'name': 'Leads', 'totalRecordCount': 10, 'campaignInUse': [{'id': 'cd-1'}]},
         {'id': 'cl-2', 'name': 'DNC', 'totalRecordCount': 3}, {'id': 'cl-3', 'name': 'Empty', 'totalRecordCount': 0}]


def failed(checks):
    return dict((c.rule, c.message) for c in checks if not c.passed)


def test_all_pass():
    checks = preflight.run_checks(campaign(), LISTS, [], NOW)
    assert [c.rule for c in checks] == list(preflight.RULES) and failed(checks) == {}


def test_each_rule_fails_with_what_to_change():
    assert "has no DNC list, which Kore.ai requires" in failed(preflight.run_checks(
        campaign(dncLists=None), LISTS, [], NOW))['dnc_list']
    assert "'Empty', which is empty; load its numbers with koreai.campaign.contacts" in failed(preflight.run_checks(
        campaign(dncLists={'name': 'Empty'}), LISTS, [], NOW))['dnc_list']
    assert "'Nope', which does not exist" in failed(preflight.run_checks(
        campaign(dncLists={'name': 'Nope'}), LISTS, [], NOW))['dnc_list']
    message = failed(preflight.run_checks(campaign(contactLists=['Leads', 'Empty', 'Gone']), LISTS, [], NOW))[
        'contact_lists']
    assert "does not exist: 'Gone'" in message and "is empty: 'Empty'" in message
    other = {'id': 'cd-2', 'name': 'Other', 'type': 'sms', 'status': 'Active', 'contactLists': ['Leads']}
    assert "'Leads' is used by 'Other' (cd-2), which is Active" in failed(preflight.run_checks(
        campaign(), LISTS, [other], NOW))['contact_list_in_use']
    running = [{'id': 'cd-%d' % (i + 10), 'name': 'V%d' % i, 'type': 'voice', 'status': 'Active'} for i in range(50)]
    assert 'number 51 running at once, and Kore.ai runs at most 50' in failed(preflight.run_checks(
        campaign(), LISTS, running, NOW))['voice_limit']
    assert preflight.check_voice_limit(campaign(), running[:49]).passed
    sunday_only = {'timezone': 'Asia/Kolkata', 'days': [{'day': 'SU', 'start': '9:00 AM', 'end': '10:00 AM'}]}
    assert 'none of that falls in the next 24 hours' in failed(preflight.run_checks(
        campaign(dialingStrategy={'callingHours': sunday_only}), LISTS, [], NOW))['calling_hours']
    ended = {'isSchedulingEnabled': True, 'endDateTime': '2026-11-30 00:00:00'}
    assert 'schedule that ended at 2026-11-30 00:00:00 UTC' in failed(preflight.run_checks(
        campaign(schedule=ended), LISTS, [], NOW))['schedule_end']


def test_calling_windows_cross_midnight_and_zones():
    # 12:00 UTC is 07:00 in New York: the window opens at 09:00 local = 14:00 UTC today.
    windows = preflight.calling_windows(HOURS, NOW)
    assert windows == [(datetime.datetime(2026, 12, 2, 14, 0, tzinfo=datetime.timezone.utc),
                        datetime.datetime(2026, 12, 2, 23, 0, tzinfo=datetime.timezone.utc))]
    thursday = {'timezone': 'UTC', 'days': [{'day': 'thurs', 'start': '9:00', 'end': '17:00'}]}
    assert preflight.calling_windows(thursday, NOW)[0][0].day == 3
    assert preflight.check_calling_hours(campaign(dialingStrategy={}), NOW).passed


def test_sms_campaigns_need_no_dnc_list_and_no_voice_slot():
    sms = campaign(type='sms', dncLists=None)
    assert not failed(preflight.run_checks(sms, LISTS, [], NOW, rules=['dnc_list', 'voice_limit']))
