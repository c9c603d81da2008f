# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Carrying out schedule plans (schedule_runner.py) against a faked HTTP layer: enable, disable, lost answers read back."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import schedule_runner
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiError, WriteNotApplied
from ansible_collections.koreai.campaign.plugins.module_utils.schedule import schedule_body

from ..fakes import STREAM
from ..helpers import voice

SPEC = {'recurrence': 'daily', 'every': 1, 'start': '2026-01-27 18:29:00', 'end': '2026-02-27 18:29:00'}
SCHEDULED = voice('Scheduled', schedule={'isSchedulingEnabled': True})
BOTH = ('voice', 'sms')  # the types the caller already searched for the name
NOT_SENT_AGAIN = '; the request was not sent again, so that it cannot apply twice. Run the task again to retry'


def test_schedule_is_written_with_the_api_spelling_of_the_name(runner, adapter):
    adapter.add(body={'status': 'success', 'message': 'Campaign Renewals scheduled successfully', 'id': 'cd-1'})
    spec = {'recurrence': 'daily', 'every': 1, 'start': '2026-01-27 18:29:00', 'end': '2026-02-27 18:29:00'}
    result = schedule_runner.ensure_schedule(runner(), voice('Ready'), spec, listed_types=BOTH)
    assert result['api_message'] == 'Campaign Renewals scheduled successfully'
    assert dict(adapter.requests[0].query)['campaignName'] == 'Renewals'


def test_enable_sends_the_body_and_reports_the_plan(runner, adapter):
    adapter.add(body={'status': 'success', 'message': 'scheduled'})
    result = schedule_runner.ensure_schedule(runner(), voice('Ready'), SPEC, listed_types=BOTH)
    sent, = adapter.requests
    assert (sent.method, sent.path, sent.query) == (
        'POST', '/campaign/api/v2/public/%s/campaign/schedule' % STREAM,
        [('enableSchedule', 'true'), ('campaignName', 'Renewals')])
    assert sent.body == schedule_body(SPEC)
    assert result['changed'] and result['actions'] == ['enable_schedule']
    assert result['msg'] == "schedule of campaign 'Renewals' (cd-1) enabled"
    assert (result['campaign_id'], result['campaign_name']) == ('cd-1', 'Renewals')
    assert result['schedule'] == dict(SPEC, enabled=True)


def test_disable(runner, adapter):
    adapter.add(body={'status': 'success', 'message': 'Campaign Renewals schedule has been disabled successfully'})
    result = schedule_runner.ensure_schedule(runner(), SCHEDULED, None, listed_types=BOTH)
    sent, = adapter.requests
    assert sent.query == [('enableSchedule', 'false'), ('campaignName', 'Renewals')] and sent.body == {}
    assert result['schedule'] == {'enabled': False} and result['api_message'].endswith('disabled successfully')


def test_check_mode_sends_nothing(runner, adapter):
    result = schedule_runner.ensure_schedule(runner(check_mode=True), voice('Ready'), SPEC, listed_types=BOTH)
    assert result['changed'] and adapter.requests == []
    assert result['msg'] == "(check mode) schedule of campaign 'Renewals' (cd-1) would be enabled"
    result = schedule_runner.ensure_schedule(runner(check_mode=True), SCHEDULED, None, listed_types=BOTH)
    assert result['msg'] == "(check mode) schedule of campaign 'Renewals' (cd-1) would be disabled"


def test_no_change_sends_nothing(runner, adapter):
    result = schedule_runner.ensure_schedule(runner(), voice('Ready'), None, listed_types=BOTH)
    assert not result['changed'] and adapter.requests == [] and 'api_message' not in result


def test_enabled_without_details_warns_and_replace_sends(runner, adapter):
    warnings = []
    result = schedule_runner.ensure_schedule(runner(warn=warnings.append), SCHEDULED, SPEC, listed_types=BOTH)
    assert not result['changed'] and adapter.requests == [] and 'replace=true' in warnings[0]
    adapter.add(body={'status': 'success'})
    result = schedule_runner.ensure_schedule(runner(), SCHEDULED, SPEC, replace=True, listed_types=BOTH)
    assert result['changed'] and len(adapter.requests) == 1 and 'api_message' not in result


def test_lost_answer_read_back_shows_it_enabled(runner, adapter):
    warnings = []
    adapter.add(500, {'errors': [{'msg': 'Internal error', 'code': 500}]})
    adapter.add(body={'data': SCHEDULED})
    run = runner(warn=warnings.append)
    result = schedule_runner.ensure_schedule(run, voice('Ready'), SPEC, listed_types=BOTH)
    assert result['changed'] and 'api_message' not in result
    assert [r.method for r in adapter.requests] == ['POST', 'GET']
    assert warnings[0].endswith('; reading it back shows the schedule is enabled, so it took effect')
    assert run.accepted == ["enable schedule 'Renewals' (cd-1)"]


def test_lost_answer_read_back_shows_it_not_enabled(runner, adapter):
    adapter.add(500, {'errors': [{'msg': 'Internal error', 'code': 500}]})
    adapter.add(body={'data': voice('Ready')})
    with pytest.raises(WriteNotApplied) as info:
        schedule_runner.ensure_schedule(runner(), voice('Ready'), SPEC, listed_types=BOTH)
    assert str(info.value).endswith('. Reading it back shows the schedule is still disabled' + NOT_SENT_AGAIN)
    assert len(adapter.requests) == 2


def test_lost_disable_read_back(runner, adapter):
    adapter.add(502, '<html>bad gateway</html>').add(body={'data': voice('Stopped')})
    assert schedule_runner.write_schedule(runner(), SCHEDULED, None) == {}
    adapter.add(502, '<html>bad gateway</html>').add(body={'data': SCHEDULED})
    with pytest.raises(WriteNotApplied) as info:
        schedule_runner.write_schedule(runner(), SCHEDULED, None)
    assert 'Reading it back shows the schedule is still enabled' in str(info.value)


def test_lost_answer_of_a_campaign_gone_meanwhile(runner, adapter):
    adapter.add(500, {}).add(404, {'errors': [{'msg': 'Campaign not found', 'code': 404}]})
    with pytest.raises(WriteNotApplied):
        schedule_runner.ensure_schedule(runner(), voice('Ready'), SPEC, listed_types=BOTH)


def test_refused_schedule_is_reported_as_the_api_says(runner, adapter):
    adapter.add(200, {'status': 'failure', 'message': 'Campaign name is invalid'})
    with pytest.raises(KoreaiError) as info:
        schedule_runner.ensure_schedule(runner(), voice('Ready'), SPEC, listed_types=BOTH)
    assert str(info.value).startswith("enable schedule for campaign 'Renewals' (cd-1) failed (HTTP 200")
    assert 'Campaign name is invalid' in str(info.value)


# -- a name shared across types (issue 17, item 4) ---------------------------------------------------

def _listing(*campaigns):
    return {'status': 'success', 'data': {'results': list(campaigns), 'hasMore': False}}


CROSS_SMS = {'id': 'cd-s', 'name': 'crosstype', 'format': 'simple', 'status': 'Ready'}


@pytest.mark.parametrize('spec,campaign', [(SPEC, voice('Ready', name='CrossType')),
                                           (None, voice('Scheduled', name='CrossType',
                                                        schedule={'isSchedulingEnabled': True}))])
def test_a_name_that_an_sms_campaign_shares_is_refused_naming_both(runner, adapter, spec, campaign):
    adapter.add(body=_listing(dict(campaign, lname='crosstype'))).add(body=_listing(CROSS_SMS))
    with pytest.raises(KoreaiError) as info:
        schedule_runner.ensure_schedule(runner(), campaign, spec)
    message = str(info.value)
    assert message.startswith("refusing to change the schedule of campaign 'CrossType' (cd-1): the schedule API "
                              "addresses a campaign by name only")
    assert "voice campaign 'CrossType' (cd-1), SMS campaign 'crosstype' (cd-s)" in message
    assert 'Nothing was sent' in message and [r.method for r in adapter.requests] == ['POST', 'POST']
    assert all(r.path.endswith('getAllCampaignDetails') for r in adapter.requests)


def test_check_mode_refuses_a_shared_name_too(runner, adapter):
    adapter.add(body=_listing(CROSS_SMS))
    with pytest.raises(KoreaiError):
        schedule_runner.ensure_schedule(runner(check_mode=True), voice('Ready', name='CrossType'), SPEC,
                                        listed_types=('voice',))
    assert len(adapter.requests) == 1 and adapter.requests[0].body['type'] == 'sms'


def test_a_name_of_its_own_lists_only_the_types_not_searched_yet(runner, adapter):
    adapter.add(body=_listing(dict(CROSS_SMS, name='Other'))).add(body={'status': 'success'})
    schedule_runner.ensure_schedule(runner(), voice('Ready'), SPEC, listed_types=('voice',))
    assert [r.body.get('type') for r in adapter.requests[:1]] == ['sms'] and len(adapter.requests) == 2
