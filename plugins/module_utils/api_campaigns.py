# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""One function per campaign operation of the Campaign Management API, with the documented method,
path, query and body. Path variants the documentation disagrees on live here and nowhere else."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils.api import (
    V1_AGENTASSIST, account_query, campaign_label, data_object, v2_path)
from ansible_collections.koreai.campaign.plugins.module_utils.client import quote_segment
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiApiError
from ansible_collections.koreai.campaign.plugins.module_utils.paging import Page, read_pages

CAMPAIGN_TYPES = ('voice', 'sms')
LIST_PAGE_SIZE = 100

# Start/stop paths. The official pages disagree (API reference section 5, item 3): "documented" follows
# each page as written (the SMS-stop page's stray "//" collapsed); the others use one shape for all.
TRIGGER_PATHS = {
    'documented': {
        ('voice', 'play'): '/api/v2/public/{stream}/campaign/trigger/{campaign}',
        ('voice', 'stop'): '/api/v2/public/{stream}/campaign/trigger/{campaign}',
        ('sms', 'play'): '/campaign/api/v2/public/{stream}/campaign/{campaign}',
        ('sms', 'stop'): '/campaign/api/v2/public/{stream}/campaign/trigger/{campaign}',
    },
    'campaign': '/campaign/api/v2/public/{stream}/campaign/trigger/{campaign}',
    'api': '/api/v2/public/{stream}/campaign/trigger/{campaign}',
    'v1': '/campaign/api/v1/public/{stream}/campaign/{campaign}',
}
TRIGGER_PATH_STYLES = tuple(sorted(TRIGGER_PATHS))
TRIGGER_ACTIONS = {'play': 'start', 'stop': 'stop'}


def infer_campaign_type(campaign, default=None):
    """The API's campaign objects carry no type field; voice ones have a dialing mode, SMS ones a format."""
    explicit = campaign.get('campaignType') or campaign.get('type')
    if explicit in CAMPAIGN_TYPES:
        return explicit
    strategy = campaign.get('dialingStrategy') or {}
    if campaign.get('dialingMode') or 'maxRingTime' in strategy or 'dialingOrder' in strategy:
        return 'voice'
    if 'message' in campaign or campaign.get('format') in ('simple', 'advanced', 'basic') \
            or 'totalMessagesSent' in campaign:
        return 'sms'
    return default


def normalize_campaign(campaign, campaign_type=None):
    """Every campaign gets 'id' (the API says '_id' or 'id') and 'type'; nothing else is changed."""
    result = dict(campaign)
    result['id'] = campaign.get('_id') or campaign.get('id')
    result['type'] = infer_campaign_type(campaign, campaign_type)
    return result


def get_campaign(client, campaign_id):
    """GET v2 campaign by id; None when the API answers 404."""
    try:
        payload = client.request('GET', v2_path(client, '/' + quote_segment(campaign_id)), 'get campaign',
                                 query=account_query(client), campaign=campaign_id)
    except KoreaiApiError as exc:
        if exc.not_found:
            return None
        raise
    return normalize_campaign(data_object(payload, 'get campaign', campaign_id))


def list_campaigns(client, campaign_type, statuses=None, priorities=None, dialing_modes=None,
                   page_size=LIST_PAGE_SIZE, sort_by=None):
    """Every campaign of one type through getAllCampaignDetails, following all pages."""
    body = {'type': campaign_type, 'limit': page_size, 'skip': 0, 'page': 1}
    filters = {}
    if statuses:
        filters['status'] = list(statuses)
    if priorities:
        filters['priority'] = [int(p) for p in priorities]
    if dialing_modes and campaign_type == 'voice':
        filters['dialingMode'] = list(dialing_modes)
    if filters:
        body['filters'] = filters
    if sort_by:
        body['sortBy'] = sort_by
    operation = 'list %s campaigns' % campaign_type

    def fetch(number, skip):
        payload = client.request('POST', v2_path(client, '/getAllCampaignDetails'), operation,
                                 query=account_query(client), body=dict(body, page=number, skip=skip))
        data = payload.get('data') if isinstance(payload, dict) else None
        batch = data.get('results') if isinstance(data, dict) else None
        if not isinstance(batch, list) or not all(isinstance(item, dict) for item in batch):
            raise KoreaiApiError(operation, 'the response has no "data.results" list of campaign objects')
        total = data.get('totalResults')
        total = total if isinstance(total, int) and not isinstance(total, bool) and total >= 0 else None
        return Page(batch, bool(data.get('hasMore')), total)

    # Offset paging over a list that changes while it is read can serve a campaign twice (one that
    # moved up a page): keep the first. One that moved the other way is missed; the callers that act
    # on a listing (campaign_bulk) list again at the end for that.
    results = []
    seen = set()
    for item in read_pages(fetch, page_size, operation):
        campaign = normalize_campaign(item, campaign_type)
        if campaign['id'] is not None:
            if campaign['id'] in seen:
                continue
            seen.add(campaign['id'])
        results.append(campaign)
    return results


def campaign_status(client, campaign_id):
    """POST v2 .../status?view=status -> {'id', 'status', 'name'}; None when the campaign is gone."""
    try:
        payload = client.request('POST', v2_path(client, '/%s/status' % quote_segment(campaign_id)), 'read campaign status',
                                 query=account_query(client) + [('view', 'status')], body={}, campaign=campaign_id)
    except KoreaiApiError as exc:
        if exc.not_found:
            return None
        raise
    data = payload.get('data') if isinstance(payload, dict) else None
    if not isinstance(data, dict) or 'status' not in data:
        raise KoreaiApiError('read campaign status', 'the response has no "data.status"', campaign=campaign_id)
    return data


def trigger_path(client, campaign_type, trigger, style='documented'):
    template = TRIGGER_PATHS[style]
    if isinstance(template, dict):
        template = template[(campaign_type, trigger)]
    return template.format(stream=quote_segment(client.stream_id), campaign='{campaign}')


def campaign_id_of(campaign, operation):
    """The id a write addresses; a campaign the API gave no id is refused before anything is sent
    (a write to ".../None" could reach another object, or none)."""
    campaign_id = campaign.get('id')
    if not campaign_id or not isinstance(campaign_id, str):
        raise KoreaiApiError(operation, 'the API gave this campaign no id (%r), so nothing can address it; nothing '
                             'was sent. Check the campaign in the Kore.ai UI' % (campaign_id,),
                             campaign=campaign_label(campaign) or repr(campaign.get('name')))
    return campaign_id


def trigger_campaign(client, campaign, campaign_type, trigger, style='documented'):
    """Start (trigger=play) or stop (trigger=stop) a campaign; returns the API's answer as is."""
    campaign_id = campaign_id_of(campaign, '%s %s campaign' % (TRIGGER_ACTIONS[trigger], campaign_type))
    path = trigger_path(client, campaign_type, trigger, style).replace('{campaign}', quote_segment(campaign_id))
    query = [('campaignType', campaign_type), ('trigger', trigger)]
    if style != 'v1':
        query = account_query(client) + query
    return client.request('POST', path, '%s %s campaign' % (TRIGGER_ACTIONS[trigger], campaign_type),
                          query=query, body={}, campaign=campaign_label(campaign), write=True)


def delete_campaign(client, campaign, campaign_type, api_version='v2'):
    """DELETE a campaign; v2 by default, or the v1 agentassist path of the delete-sms page."""
    campaign_id = quote_segment(campaign_id_of(campaign, 'delete %s campaign' % campaign_type))
    if api_version == 'v1':
        path = V1_AGENTASSIST.format(stream=quote_segment(client.stream_id)) + '/' + campaign_id
        query = [('campaignType', campaign_type)]
    else:
        path = v2_path(client, '/' + campaign_id)
        query = account_query(client) + [('campaignType', campaign_type)]
    return client.request('DELETE', path, 'delete %s campaign' % campaign_type, query=query,
                          campaign=campaign_label(campaign), write=True)


def _schedule(client, campaign_name, enable, body, label):
    # The schedule pages send no accountId in the query (only the header); keep it exactly so.
    query = [('enableSchedule', enable), ('campaignName', campaign_name)]
    operation = 'enable schedule' if enable else 'disable schedule'
    return client.request('POST', v2_path(client, '/schedule'), operation, query=query, body=body,
                          campaign=label, write=True)


def enable_schedule(client, campaign_name, body, label=None):
    """Enable (and replace) a campaign's schedule; body from schedule.schedule_body()."""
    return _schedule(client, campaign_name, True, body, label or campaign_label(name=campaign_name))


def disable_schedule(client, campaign_name, label=None):
    return _schedule(client, campaign_name, False, {}, label or campaign_label(name=campaign_name))


# -- configuration (state=present) ----------------------------------------------------------------

def _written_campaign(payload, operation, label):
    data = data_object(payload, operation, label)
    if not (data.get('_id') or data.get('id')) and isinstance(payload, dict) and payload.get('id'):
        data = dict(data, id=payload['id'])  # update-voice answers with a top-level id
    return data


def create_campaign(client, campaign_type, body):
    """POST v2 campaign; voice answers 'creation in progress' with status Preparing."""
    label = campaign_label(name=body.get('name'))
    payload = client.request('POST', v2_path(client), 'create %s campaign' % campaign_type,
                             query=account_query(client) + [('campaignType', campaign_type)], body=body,
                             campaign=label, write=True)
    return normalize_campaign(_written_campaign(payload, 'create %s campaign' % campaign_type, label), campaign_type)


def update_campaign(client, campaign, campaign_type, body):
    """PUT v2 campaign with the full body (the API has no partial update)."""
    label = campaign_label(campaign)
    campaign_id = campaign_id_of(campaign, 'update %s campaign' % campaign_type)
    payload = client.request('PUT', v2_path(client, '/' + quote_segment(campaign_id)),
                             'update %s campaign' % campaign_type,
                             query=account_query(client) + [('campaignType', campaign_type)], body=body,
                             campaign=label, write=True)
    return normalize_campaign(_written_campaign(payload, 'update %s campaign' % campaign_type, label), campaign_type)
