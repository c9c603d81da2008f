# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every campaign operation (api_campaigns.py) sends the documented method, path, query, headers and body."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import api_campaigns as api
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiApiError, KoreaiUnknownOutcome
from ansible_collections.koreai.campaign.plugins.module_utils.schedule import schedule_body

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
    api.enable_schedule(client, 'Agentless Voice | Product Feedback | Jan 9', schedule_body(spec))
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
    api.enable_schedule(client, 'x', schedule_body(spec))
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


def test_normalize_campaign_adds_id_and_type_only():
    campaign = {'_id': 'cd-1', 'name': 'n', 'dialingMode': 'Agentless'}
    assert api.normalize_campaign(campaign) == dict(campaign, id='cd-1', type='voice')
    assert api.normalize_campaign({'id': 'cd-2'}, 'sms') == {'id': 'cd-2', 'type': 'sms'}


def test_get_campaign_without_data_is_an_error(client, adapter):
    adapter.add(body={'status': 'success'})
    with pytest.raises(KoreaiApiError) as info:
        api.get_campaign(client, 'cd-1')
    assert 'no campaign object in "data"' in str(info.value)


def test_status_of_a_missing_campaign_is_none(client, adapter):
    adapter.add(404, {'errors': [{'msg': 'Campaign not found', 'code': 404}]})
    assert api.campaign_status(client, 'cd-1') is None


def test_status_without_a_status_is_an_error(client, adapter):
    adapter.add(body={'status': 'success', 'data': {'id': 'cd-1'}})
    with pytest.raises(KoreaiApiError) as info:
        api.campaign_status(client, 'cd-1')
    assert 'no "data.status"' in str(info.value)


def test_list_sends_sort_and_leaves_dialing_modes_out_for_sms(client, adapter):
    adapter.add(body={'data': {'results': [], 'hasMore': False}})
    api.list_campaigns(client, 'sms', dialing_modes=['Preview'], sort_by={'createdAt': -1})
    assert one(adapter).body == {'type': 'sms', 'limit': 100, 'skip': 0, 'page': 1, 'sortBy': {'createdAt': -1}}


def test_list_stops_at_an_empty_page_even_if_more_is_claimed(client, adapter):
    adapter.add(body={'data': {'results': [], 'hasMore': True}})
    assert api.list_campaigns(client, 'voice') == []
    assert len(adapter.requests) == 1


def test_triggers_are_writes(client, adapter):
    adapter.add(500, {'errors': [{'msg': 'Internal error', 'code': 500}]})
    with pytest.raises(KoreaiUnknownOutcome) as info:
        api.trigger_campaign(client, {'id': 'cd-1', 'name': 'Renewals'}, 'voice', 'play')
    assert len(adapter.requests) == 1
    assert str(info.value).startswith("start voice campaign for campaign 'Renewals' (cd-1) failed (HTTP 500")


def test_create_campaign_matches_the_documented_request(client, adapter):
    body = {'name': 'Renewals', 'description': 'd'}
    adapter.add(body={'status': 'success', 'message': 'Campaign creation in progress',
                      'data': {'_id': 'cd-new', 'name': 'Renewals', 'status': 'Preparing', 'dialingMode': 'Progressive'}})
    created = api.create_campaign(client, 'voice', body)
    sent = one(adapter)
    assert (sent.method, sent.path, sent.raw_query, sent.body) == (
        'POST', '/campaign/api/v2/public/%s/campaign' % STREAM, 'accountId=%s&campaignType=voice' % ACCOUNT, body)
    assert created['id'] == 'cd-new' and created['type'] == 'voice' and created['status'] == 'Preparing'


def test_create_campaign_without_data_names_the_campaign(client, adapter):
    adapter.add(body={'status': 'success', 'message': 'ok'})
    with pytest.raises(KoreaiApiError) as info:
        api.create_campaign(client, 'sms', {'name': 'Texts'})
    assert str(info.value) == "create sms campaign for campaign 'Texts' failed: the response has no campaign object in \"data\""


def test_update_campaign_puts_the_whole_body(client, adapter):
    body = {'name': 'Texts', 'format': 'simple'}
    adapter.add(body={'status': 'success', 'data': dict(SMS, description='new')})
    updated = api.update_campaign(client, {'id': SMS['_id'], 'name': SMS['name']}, 'sms', body)
    sent = one(adapter)
    assert (sent.method, sent.path, sent.raw_query, sent.body) == (
        'PUT', '/campaign/api/v2/public/%s/campaign/%s' % (STREAM, SMS['_id']), 'accountId=%s&campaignType=sms' % ACCOUNT,
        body)
    assert updated['id'] == SMS['_id'] and updated['description'] == 'new' and updated['type'] == 'sms'


def test_update_voice_answer_with_a_top_level_id(client, adapter):
    adapter.add(body={'status': 'success', 'id': 'cd-1', 'data': {'name': 'Renewals', 'dialingMode': 'Progressive'}})
    updated = api.update_campaign(client, {'id': 'cd-1', 'name': 'Renewals'}, 'voice', {'name': 'Renewals'})
    assert updated['id'] == 'cd-1'


def test_schedule_label_defaults_to_the_name(client, adapter):
    adapter.add(400, {'status': 'failure', 'message': 'Campaign name is invalid'})
    with pytest.raises(KoreaiApiError) as info:
        api.disable_schedule(client, 'Renewals')
    assert str(info.value).startswith("disable schedule for campaign 'Renewals' failed (HTTP 400")


def test_trigger_path_styles():
    assert api.TRIGGER_PATH_STYLES == ('api', 'campaign', 'documented', 'v1')
    assert api.TRIGGER_ACTIONS == {'play': 'start', 'stop': 'stop'}


# -- paging that cannot be trusted (issue 17, items 1, 3 and 10) ------------------------------------

def _page(ids, has_more=True, total=None, skip=0):
    data = {'results': [dict(VOICE, _id=i, name=i) for i in ids], 'hasMore': has_more, 'skip': skip}
    if total is not None:
        data['totalResults'] = total
    return {'status': 'success', 'data': data}


def test_list_refuses_a_server_that_serves_the_same_page_again(client, adapter):
    """A server that ignores skip and always says hasMore: the second page repeats the first."""
    for dummy in range(3):
        adapter.add(body=_page(['cd-%d' % i for i in range(6)]))
    with pytest.raises(KoreaiApiError) as info:
        api.list_campaigns(client, 'voice')
    assert 'answered page 2 with the same 6 items as page 1' in str(info.value)
    assert len(adapter.requests) == 2


def test_list_refuses_more_campaigns_than_the_servers_own_total(client, adapter):
    adapter.add(body=_page(['cd-%d' % i for i in range(100)], total=150))
    adapter.add(body=_page(['cd-x%d' % i for i in range(100)], total=150))
    with pytest.raises(KoreaiApiError) as info:
        api.list_campaigns(client, 'voice')
    assert 'returned 200 items although it says there are 150' in str(info.value)


def test_list_keeps_one_copy_of_a_campaign_that_moved_to_the_next_page(client, adapter):
    """A campaign created during the read pushes page 1's last entry onto page 2."""
    adapter.add(body=_page(['cd-%d' % i for i in range(100)], total=101))
    adapter.add(body=_page(['cd-99', 'cd-100'], has_more=False, total=102, skip=100))
    found = api.list_campaigns(client, 'voice')
    assert [c['id'] for c in found] == ['cd-%d' % i for i in range(101)]


def test_list_refuses_entries_that_are_not_objects(client, adapter):
    adapter.add(body={'data': {'results': [1, 2], 'hasMore': False}})
    with pytest.raises(KoreaiApiError) as info:
        api.list_campaigns(client, 'voice')
    assert 'list of campaign objects' in str(info.value)


@pytest.mark.parametrize('campaign_id', [None, '', 7])
def test_no_write_goes_to_a_campaign_without_an_id(client, adapter, campaign_id):
    campaign = {'id': campaign_id, 'name': 'No Id', 'type': 'voice'}
    for send in (lambda: api.trigger_campaign(client, campaign, 'voice', 'stop'),
                 lambda: api.delete_campaign(client, campaign, 'voice'),
                 lambda: api.update_campaign(client, campaign, 'voice', {})):
        with pytest.raises(KoreaiApiError) as info:
            send()
        assert 'no id' in str(info.value) and "'No Id'" in str(info.value)
    assert adapter.requests == []
