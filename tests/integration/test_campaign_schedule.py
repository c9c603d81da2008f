# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""campaign_schedule against the sandbox: the two seed pages, weekly, idempotency, check mode, bad input."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from .conftest import STREAM

SEED_NAME = 'Agentless Voice | Product Feedback | Jan 9'
SEED_ID = 'cd-671b3bd-a7a1-4709-bd6a-70803e3xxxxx'
SCHEDULE_PATH = '/campaign/api/v2/public/%s/campaign/schedule' % STREAM
DAILY = {'campaign': SEED_NAME, 'recurrence': 'daily', 'start': '2026-01-27 18:29:00', 'end': '2099-02-27 18:29:00'}


def writes(sandbox):
    return [r for r in sandbox.control.requests_log() if r['write']]


def test_enable_daily_as_the_seed_page_shows(ansible, sandbox):
    rc, results, output = ansible.playbook([{'koreai.campaign.campaign_schedule': DAILY}], diff=True)
    assert rc == 0, output
    result = results[0]
    assert result['changed'] and result['campaign_id'] == SEED_ID
    assert result['api_message'] == 'Campaign %s scheduled successfully' % SEED_NAME
    (sent,) = writes(sandbox)
    assert sent['method'] == 'POST' and sent['path'] == SCHEDULE_PATH
    assert sent['query_string'] == ('enableSchedule=true&campaignName='
                                    'Agentless%20Voice%20%7C%20Product%20Feedback%20%7C%20Jan%209')
    assert sent['body'] == {'startDateTime': '2026-01-27 18:29:00', 'endDateTime': '2099-02-27 18:29:00',
                            'recurrenceObject': {'recurType': 'Daily', 'dailyDetails': {'onceEveryNdays': 1}}}
    assert sent['headers']['content_type'].startswith('application/json')
    assert sent['headers']['iid'] == STREAM and sent['headers']['accountId']
    assert sent['status_code'] == 200
    campaign = sandbox.control.campaign(SEED_ID)
    assert campaign['schedule']['isSchedulingEnabled'] and campaign['status'] == 'Scheduled'
    assert result['diff']['before'] == {'enabled': False} and result['diff']['after']['recurrence'] == 'daily'


def test_disable_as_the_seed_page_shows_then_idempotent(ansible, sandbox):
    sandbox.control.set_campaign(SEED_ID, status='Scheduled',
                                 schedule={'isSchedulingEnabled': True, 'isRecurrenceEnabled': True})
    task = {'koreai.campaign.campaign_schedule': {'campaign': SEED_NAME, 'state': 'disabled'}}
    rc, results, output = ansible.playbook([task, task])
    assert rc == 0, output
    first, second = results
    assert first['changed'] and not second['changed']
    assert first['api_message'] == 'Campaign %s schedule has been disabled successfully' % SEED_NAME
    (sent,) = writes(sandbox)
    assert sent['query_string'] == ('enableSchedule=false&campaignName='
                                    'Agentless%20Voice%20%7C%20Product%20Feedback%20%7C%20Jan%209')
    assert sent['body'] == {} and sent['path'] == SCHEDULE_PATH
    assert not sandbox.control.campaign(SEED_ID)['schedule']['isSchedulingEnabled']


def test_weekly_with_offsets_and_day_names(ansible, sandbox):
    task = {'koreai.campaign.campaign_schedule': {
        'campaign': SEED_NAME, 'campaign_type': 'voice', 'recurrence': 'weekly', 'every': 2,
        'days': ['Friday', 'MON', 'wed'], 'start': '2026-01-28T00:00:00+05:30', 'end': '2099-01-01T00:00:00Z'}}
    rc, results, output = ansible.playbook([task])
    assert rc == 0, output
    (sent,) = writes(sandbox)
    assert sent['body'] == {'startDateTime': '2026-01-27 18:30:00', 'endDateTime': '2099-01-01 00:00:00',
                            'recurrenceObject': {'recurType': 'Weekly', 'weeklyDetails': {
                                'onceEveryNweeks': 2, 'whichDays': ['Mon', 'Wed', 'Fri']}}}
    assert results[0]['schedule']['days'] == ['Mon', 'Wed', 'Fri']


def test_second_run_without_recurrence_details_warns_and_sends_nothing(ansible, sandbox):
    task = {'koreai.campaign.campaign_schedule': DAILY}
    rc, results, output = ansible.playbook([task, task])
    assert rc == 0, output
    assert results[0]['changed'] and not results[1]['changed']
    assert any('could not be compared' in w for w in results[1]['warnings'])
    assert len(writes(sandbox)) == 1


def test_replace_sends_when_details_are_not_returned(ansible, sandbox):
    task = {'koreai.campaign.campaign_schedule': DAILY}
    replace = {'koreai.campaign.campaign_schedule': dict(DAILY, every=3, replace=True)}
    rc, results, output = ansible.playbook([task, replace])
    assert rc == 0, output
    assert results[1]['changed'] and len(writes(sandbox)) == 2
    assert writes(sandbox)[1]['body']['recurrenceObject']['dailyDetails'] == {'onceEveryNdays': 3}


def test_with_recurrence_details_same_is_no_op_and_change_is_applied(ansible, sandbox):
    sandbox.control.configure(schedule_details=True)
    same = {'koreai.campaign.campaign_schedule': DAILY}
    changed = {'koreai.campaign.campaign_schedule': dict(DAILY, every=2)}
    rc, results, output = ansible.playbook([same, same, changed, changed], diff=True)
    assert rc == 0, output
    assert [r['changed'] for r in results] == [True, False, True, False]
    assert not results[1].get('warnings')
    assert results[2]['diff']['before']['every'] == 1 and results[2]['diff']['after']['every'] == 2
    assert len(writes(sandbox)) == 2


def test_check_mode_sends_no_write(ansible, sandbox):
    rc, results, output = ansible.playbook([{'koreai.campaign.campaign_schedule': DAILY}], check=True, diff=True)
    assert rc == 0, output
    assert results[0]['changed'] and results[0]['msg'].startswith('(check mode)')
    assert writes(sandbox) == []
    assert not sandbox.control.campaign(SEED_ID)['schedule']['isSchedulingEnabled']


@pytest.mark.parametrize('name', [
    'Ops & Sales / Q1? #1 | 100%',
    u'Kampagne für Größe – Ü',
    u'キャンペーン 東京',
    'a+b=c;d',
])
def test_awkward_names_are_encoded(ansible, sandbox, name):
    created = sandbox.control.seed_campaign(type='sms', name=name)
    rc, results, output = ansible.playbook([{'koreai.campaign.campaign_schedule': dict(DAILY, campaign=name)}])
    assert rc == 0, output
    (sent,) = writes(sandbox)
    assert sent['query']['campaignName'] == name
    assert results[0]['campaign_id'] == created['_id']


def test_unknown_name_suggests_close_matches(ansible, sandbox):
    rc, results, output = ansible.playbook([{'koreai.campaign.campaign_schedule': dict(
        DAILY, campaign='Agentless Voice | Product Feedback | Jan 8')}])
    assert results[0]['failed']
    assert 'no voice or SMS campaign is named' in results[0]['msg'] and SEED_NAME in results[0]['msg']
    assert writes(sandbox) == []


def test_ambiguous_name_is_refused_before_any_write(ansible, sandbox):
    other = sandbox.control.seed_campaign(type='sms', name=SEED_NAME.upper())
    rc, results, output = ansible.playbook([{'koreai.campaign.campaign_schedule': DAILY}])
    assert results[0]['failed']
    assert SEED_ID in results[0]['msg'] and other['_id'] in results[0]['msg']
    assert writes(sandbox) == []


BAD_INPUTS = [
    (dict(end='2026-01-01 00:00:00'), 'must be later than start'),
    (dict(start='2020-01-01 00:00:00', end='2020-06-01 00:00:00'), 'is in the past'),
    (dict(recurrence='weekly'), 'recurrence=weekly needs days'),
    (dict(days=['mon']), 'days applies only to recurrence=weekly'),
    (dict(every=0), 'every=0 must be a whole number of at least 1'),
    (dict(recurrence='weekly', days=['mon', 'someday']), "days contains 'someday'"),
    (dict(start='next tuesday'), "start='next tuesday' is not a date and time"),
    (dict(end='2099-13-01 00:00:00'), 'is not a valid date and time'),
    (dict(state='disabled'), 'state=disabled takes no schedule options'),
    (dict(state='disabled', recurrence=None, start=None, end=None, every=2), 'every was given'),
    (dict(recurrence=None), 'state=enabled needs recurrence'),
    (dict(start=None), 'state=enabled needs start'),
    (dict(recurrence='monthly'), 'value of recurrence must be one of: daily, weekly'),
    (dict(campaign=''), 'campaign must not be empty'),
    (dict(campaign='x' * 49), 'at most 48'),
    (dict(every='often'), "every"),
    (dict(state='paused'), 'value of state must be one of: enabled, disabled'),
]


def test_bad_inputs_fail_clearly_before_any_request(ansible, sandbox):
    tasks = []
    for overrides, dummy in BAD_INPUTS:
        args = dict(DAILY)
        args.update(overrides)
        args = dict((k, v) for k, v in args.items() if v is not None)
        tasks.append({'koreai.campaign.campaign_schedule': args})
    rc, results, output = ansible.playbook(tasks)
    assert len(results) == len(BAD_INPUTS) >= 12
    for (overrides, message), result in zip(BAD_INPUTS, results):
        assert result.get('failed'), overrides
        assert message in result['msg'], (overrides, result['msg'])
    assert sandbox.control.requests_log() == []
