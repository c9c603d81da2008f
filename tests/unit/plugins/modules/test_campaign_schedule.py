# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""campaign_schedule's main() with only the HTTP layer faked: validation first, then enable or disable by campaign name."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.modules import campaign_schedule

from ..module_args import patch_module_args
from .support import CONNECTION, NOT_SENT_AGAIN, VOICE, listing, main_result, module_args

READY = dict(VOICE, status='Ready')
ENABLE = dict(CONNECTION, campaign='Renewals', recurrence='daily', start='2030-01-27 18:29:00', end='2030-02-27 18:29:00')


def run(args, capsys, check_mode=False, diff=False):
    with patch_module_args(module_args(args, check_mode, diff)):
        return main_result(campaign_schedule, capsys)


def test_schedule_validation_fails_before_any_request(adapter, capsys):
    args = dict(CONNECTION, campaign='x', recurrence='weekly', start='2026-01-27 18:29:00', end='2099-01-01 00:00:00')
    result, dummy = run(args, capsys)
    assert result['failed'] and 'needs days' in result['msg'] and adapter.requests == []


def test_unknown_campaign_name(adapter, capsys):
    adapter.add(body={'data': {'results': [VOICE], 'hasMore': False}})
    args = dict(CONNECTION, campaign='Renewal', campaign_type='voice', state='disabled')
    result, dummy = run(args, capsys)
    assert result['failed'] and "did you mean 'Renewals'" in result['msg'] and result['api_calls'] == 1


def test_enable_looks_in_both_types_and_sends_the_schedule(adapter, capsys):
    adapter.add(body=listing(READY)).add(body=listing())
    adapter.add(body={'status': 'success', 'message': 'Campaign Renewals scheduled successfully', 'id': 'cd-1'})
    result, dummy = run(ENABLE, capsys)
    assert result['changed'] and result['msg'] == "schedule of campaign 'Renewals' (cd-1) enabled"
    assert result['api_message'] == 'Campaign Renewals scheduled successfully' and result['api_calls'] == 3
    assert [r.body.get('type') for r in adapter.requests[:2]] == ['voice', 'sms']
    sent = adapter.requests[2]
    assert sent.query == [('enableSchedule', 'true'), ('campaignName', 'Renewals')]
    assert sent.body == {'startDateTime': '2030-01-27 18:29:00', 'endDateTime': '2030-02-27 18:29:00',
                         'recurrenceObject': {'recurType': 'Daily', 'dailyDetails': {'onceEveryNdays': 1}}}


def test_weekly_days_in_any_spelling(adapter, capsys):
    adapter.add(body=listing(READY)).add(body=listing()).add(body={'status': 'success'})
    args = dict(ENABLE, campaign_type='voice', recurrence='weekly', days=['thurs', 'Tues', 'tu', 'Monday.'])
    result, dummy = run(args, capsys)
    weekly = adapter.requests[2].body['recurrenceObject']['weeklyDetails']
    assert weekly == {'onceEveryNweeks': 1, 'whichDays': ['Mon', 'Tue', 'Thu']}
    assert result['schedule']['days'] == ['Mon', 'Tue', 'Thu']


def test_check_mode_reads_only(adapter, capsys):
    adapter.add(body=listing(READY)).add(body=listing())
    result, dummy = run(dict(ENABLE, campaign_type='voice'), capsys, check_mode=True)
    assert result['changed'] and result['msg'] == "(check mode) schedule of campaign 'Renewals' (cd-1) would be enabled"
    assert result['api_calls'] == 2  # its own type, and the other type for a campaign of the same name


def test_disable_when_already_disabled_is_no_change(adapter, capsys):
    adapter.add(body=listing(READY))
    result, dummy = run(dict(CONNECTION, campaign='Renewals', campaign_type='voice', state='disabled'), capsys)
    assert not result['changed'] and result['msg'] == "schedule of campaign 'Renewals' (cd-1) is already disabled"


def test_a_lost_answer_not_applied_fails(adapter, capsys):
    adapter.add(body=listing(READY)).add(body=listing()).add(500, {'errors': [{'msg': 'Internal error', 'code': 500}]})
    adapter.add(body={'data': READY})
    result, dummy = run(dict(ENABLE, campaign_type='voice'), capsys)
    assert result['failed'] and result['msg'].endswith(
        '. Reading it back shows the schedule is still disabled' + NOT_SENT_AGAIN)
    assert 'accepted_writes' not in result


def test_a_name_that_is_too_long_fails_before_any_request(adapter, capsys):
    result, dummy = run(dict(ENABLE, campaign='x' * 49), capsys)
    assert result['failed'] and 'campaign is 49 characters long' in result['msg'] and adapter.requests == []
