# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every API operation sends the documented method, path, query, headers and body."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import campaigns as api
from ansible_collections.koreai.campaign.plugins.module_utils.client import KoreaiApiError

from ..fakes import ACCOUNT, STREAM

VOICE = {'_id': 'cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx', 'name': 'Service Renewal Outreach Campaign61',
         'lname': 'service renewal outreach campaign61', 'dialingMode': 'Progressive', 'status': 'Ready'}
SMS = {'_id': 'cd-3aefda80-f98e-5f4f-ad41-92803abbxxxx', 'name': 'Interactive Support SMS Campaign',
       'lname': 'interactive support sms campaign', 'format': 'advanced', 'status': 'Stopped'}


def one(adapter):
    assert len(adapter.requests) == 1, adapter.requests
    return adapter.requests[0]


def test_get_campaign_v2(client, adapter):
    adapter.add(body={'status': 'success', 'message': 'Campaign x retrieved successfully', 'data': VOICE})
    campaign = api.get_campaign(client, VOICE['_id'])
    sent = one(adapter)
    assert (sent.method, sent.path, sent.query) == (
        'GET', '/campaign/api/v2/public/%s/campaign/%s' % (STREAM, VOICE['_id']), [('accountId', ACCOUNT)])
    assert sent.body is None
    assert campaign['id'] == VOICE['_id'] and campaign['type'] == 'voice' and campaign['_id'] == VOICE['_id']


def test_get_campaign_404_is_none(client, adapter):
    adapter.add(404, {'errors': [{'msg': 'Campaign not found', 'code': 404}]})
    assert api.get_campaign(client, 'cd-nope') is None


def test_get_campaign_other_errors_raise(client, adapter):
    adapter.add(401, {'errors': [{'msg': 'Invalid JWT token', 'code': 4002}]})
    with pytest.raises(KoreaiApiError):
        api.get_campaign(client, 'cd-1')


def test_ids_are_escaped_in_paths(client, adapter):
    adapter.add(body={'data': VOICE})
    api.get_campaign(client, 'cd-1/../x?y')
    assert one(adapter).url.startswith('https://kore.example.test/campaign/api/v2/public/%s/campaign/cd-1%%2F..%%2Fx%%3Fy?' % STREAM)


def test_list_follows_every_page(client, adapter):
    page1 = [dict(VOICE, _id='cd-%d' % i, name='c%d' % i) for i in range(100)]
    adapter.add(body={'status': 'success', 'data': {'results': page1, 'hasMore': True, 'skip': 0, 'limit': 100}})
    adapter.add(body={'status': 'success', 'data': {'results': [dict(VOICE, _id='cd-x')], 'hasMore': False}})
    found = api.list_campaigns(client, 'voice', statuses=['Active', 'Paused'])
    assert len(found) == 101
    first, second = adapter.requests
    assert first.method == 'POST'
    assert first.path == '/campaign/api/v2/public/%s/campaign/getAllCampaignDetails' % STREAM
    assert first.query == [('accountId', ACCOUNT)]
    assert first.body == {'type': 'voice', 'limit': 100, 'skip': 0, 'page': 1,
                          'filters': {'status': ['Active', 'Paused']}}
    assert second.body['skip'] == 100 and second.body['page'] == 2
    assert first.headers['Content-Type'] == 'application/json'


def test_list_reads_sms_id_field(client, adapter):
    sms = dict(SMS)
    sms['id'] = sms.pop('_id')
    adapter.add(body={'data': {'results': [sms], 'hasMore': False}})
    found = api.list_campaigns(client, 'sms')
    assert found[0]['id'] == SMS['_id'] and found[0]['type'] == 'sms'


def test_list_filters(client, adapter):
    adapter.add(body={'data': {'results': [], 'hasMore': False}})
    api.list_campaigns(client, 'voice', priorities=['5'], dialing_modes=['Preview'])
    assert one(adapter).body['filters'] == {'priority': [5], 'dialingMode': ['Preview']}


def test_list_without_results_is_an_error(client, adapter):
    adapter.add(body={'status': 'success', 'data': {}})
    with pytest.raises(KoreaiApiError):
        api.list_campaigns(client, 'voice')


def test_find_by_name_compares_lower_cased_across_types(client, adapter):
    adapter.add(body={'data': {'results': [VOICE], 'hasMore': False}})
    adapter.add(body={'data': {'results': [dict(SMS, _id='cd-s2', name='SERVICE renewal outreach CAMPAIGN61',
                                                lname=None)], 'hasMore': False}})
    found = api.find_campaigns_by_name(client, 'Service Renewal Outreach campaign61')
    assert [c['id'] for c in found] == [VOICE['_id'], 'cd-s2']
    assert [r.body['type'] for r in adapter.requests] == ['voice', 'sms']


def test_status(client, adapter):
    adapter.add(body={'status': 'success', 'data': {'id': 'cd-1', 'status': 'Active', 'name': 'n'}})
    assert api.campaign_status(client, 'cd-1')['status'] == 'Active'
    sent = one(adapter)
    assert (sent.method, sent.path, sent.query, sent.body) == (
        'POST', '/campaign/api/v2/public/%s/campaign/cd-1/status' % STREAM,
        [('accountId', ACCOUNT), ('view', 'status')], {})


def test_stop_voice_matches_the_seed_page(client, adapter):
    """stop-voice-campaign-v2.txt: POST /api/v2/public/{streamId}/campaign/trigger/{campaignId}
    ?accountId=...&campaignType=voice&trigger=stop, body {}, headers auth, accountid, iid, Content-Type."""
    adapter.add(body={'status': 'Stopped', 'message': 'Campaign Stopped', 'updatedAt': '2025-12-05T12:01:35.312Z',
                      'campaignInstanceId': 'cid-835ee4a-697e-4846-8340-7e3e301xxxxx'})
    answer = api.trigger_campaign(client, {'id': 'cd-1', 'name': 'n'}, 'voice', 'stop')
    sent = one(adapter)
    assert sent.method == 'POST'
    assert sent.path == '/api/v2/public/%s/campaign/trigger/cd-1' % STREAM
    assert sent.raw_query == 'accountId=%s&campaignType=voice&trigger=stop' % ACCOUNT
    assert sent.body == {}
    assert set(['auth', 'accountId', 'iid', 'Content-Type']) <= set(sent.headers)
    assert answer['status'] == 'Stopped'


@pytest.mark.parametrize('campaign_type,trigger,style,path,query', [
    ('voice', 'play', 'documented', '/api/v2/public/{s}/campaign/trigger/cd-1',
     'accountId={a}&campaignType=voice&trigger=play'),
    ('sms', 'play', 'documented', '/campaign/api/v2/public/{s}/campaign/cd-1',
     'accountId={a}&campaignType=sms&trigger=play'),
    ('sms', 'stop', 'documented', '/campaign/api/v2/public/{s}/campaign/trigger/cd-1',
     'accountId={a}&campaignType=sms&trigger=stop'),
    ('sms', 'play', 'campaign', '/campaign/api/v2/public/{s}/campaign/trigger/cd-1',
     'accountId={a}&campaignType=sms&trigger=play'),
    ('voice', 'stop', 'campaign', '/campaign/api/v2/public/{s}/campaign/trigger/cd-1',
     'accountId={a}&campaignType=voice&trigger=stop'),
    ('sms', 'stop', 'api', '/api/v2/public/{s}/campaign/trigger/cd-1',
     'accountId={a}&campaignType=sms&trigger=stop'),
    ('voice', 'play', 'v1', '/campaign/api/v1/public/{s}/campaign/cd-1', 'campaignType=voice&trigger=play'),
])
def test_trigger_paths(client, adapter, campaign_type, trigger, style, path, query):
    adapter.add(body={'status': 'Active'})
    api.trigger_campaign(client, {'id': 'cd-1'}, campaign_type, trigger, style)
    sent = one(adapter)
    assert (sent.method, sent.path, sent.raw_query, sent.body) == (
        'POST', path.format(s=STREAM), query.format(a=ACCOUNT), {})


def test_delete_voice_v2_matches_the_seed_page(client, adapter):
    """delete-voice-campaign-v2.txt: DELETE /campaign/api/v2/public/{streamId}/campaign/{campaignId}
    ?accountId=...&campaignType=voice, headers auth, accountid, iid and no body."""
    adapter.add(body={'status': 'success', 'message': 'Campaign x deleted successfully', 'data': VOICE})
    api.delete_campaign(client, {'id': VOICE['_id'], 'name': VOICE['name']}, 'voice')
    sent = one(adapter)
    assert sent.method == 'DELETE'
    assert sent.path == '/campaign/api/v2/public/%s/campaign/%s' % (STREAM, VOICE['_id'])
    assert sent.raw_query == 'accountId=%s&campaignType=voice' % ACCOUNT
    assert sent.body is None and 'Content-Type' not in sent.headers
    assert set(['auth', 'accountId', 'iid']) <= set(sent.headers)


def test_delete_sms_v1_matches_the_seed_page(client, adapter):
    """delete-sms-campaign.txt: DELETE /agentassist/api/v1/public/{IId}/campaign/{campaignId}?campaignType=sms
    (the page's typo puts {{campaignType}} where the id belongs)."""
    adapter.add(body={'status': 'success', 'data': SMS})
    api.delete_campaign(client, {'id': SMS['_id']}, 'sms', api_version='v1')
    sent = one(adapter)
    assert (sent.method, sent.path, sent.raw_query) == (
        'DELETE', '/agentassist/api/v1/public/%s/campaign/%s' % (STREAM, SMS['_id']), 'campaignType=sms')


def test_enable_daily_schedule_matches_the_seed_page(client, adapter):
    adapter.add(body={'status': 'success', 'message': 'Campaign x scheduled successfully', 'id': 'cd-1'})
    spec = {'recurrence': 'daily', 'every': 1, 'start': '2026-01-27 18:29:00', 'end': '2026-02-27 18:29:00'}
    api.enable_schedule(client, 'Agentless Voice | Product Feedback | Jan 9', spec)
    sent = one(adapter)
    assert sent.method == 'POST'
    assert sent.path == '/campaign/api/v2/public/%s/campaign/schedule' % STREAM
    assert sent.query == [('enableSchedule', 'true'), ('campaignName', 'Agentless Voice | Product Feedback | Jan 9')]
    assert sent.body == {'startDateTime': '2026-01-27 18:29:00', 'endDateTime': '2026-02-27 18:29:00',
                         'recurrenceObject': {'recurType': 'Daily', 'dailyDetails': {'onceEveryNdays': 1}}}
    assert set(['auth', 'accountId', 'iid', 'Content-Type']) <= set(sent.headers)


def test_enable_weekly_schedule_body(client, adapter):
    adapter.add(body={'status': 'success', 'id': 'cd-1'})
    spec = {'recurrence': 'weekly', 'every': 2, 'days': ['Mon', 'Fri'], 'start': '2026-01-01 18:29:00',
            'end': '2026-01-27 18:29:00'}
    api.enable_schedule(client, 'x', spec)
    assert one(adapter).body['recurrenceObject'] == {
        'recurType': 'Weekly', 'weeklyDetails': {'onceEveryNweeks': 2, 'whichDays': ['Mon', 'Fri']}}


def test_disable_schedule_matches_the_seed_page(client, adapter):
    adapter.add(body={'status': 'success', 'message': 'Campaign x schedule has been disabled successfully'})
    api.disable_schedule(client, 'Agentless Voice | Product Feedback | Jan 9')
    sent = one(adapter)
    assert sent.raw_query == 'enableSchedule=false&campaignName=Agentless%20Voice%20%7C%20Product%20Feedback%20%7C%20Jan%209'
    assert sent.body == {}


@pytest.mark.parametrize('campaign,expected', [
    ({'dialingMode': 'Agentless'}, 'voice'),
    ({'dialingStrategy': {'maxRingTime': 30}}, 'voice'),
    ({'format': 'simple', 'message': {}}, 'sms'),
    ({'campaignType': 'sms', 'dialingMode': 'x'}, 'sms'),
    ({'name': 'bare'}, None),
])
def test_infer_campaign_type(campaign, expected):
    assert api.infer_campaign_type(campaign) == expected


def test_campaign_label():
    assert api.campaign_label({'id': 'cd-1', 'name': 'N'}) == "'N' (cd-1)"
    assert api.campaign_label(name='N') == "'N'"
    assert api.campaign_label(campaign_id='cd-1') == 'cd-1'
