# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""What a campaign run did (API reference sections 1.1 #14 and 8.4): the per-contact results of a
campaign (view=contacts, pages of at most 100), and the per-session analytics with campaign info
(another API scope, "SmartAssist Analytics"; windows of at most 7 days, offset at most 10 pages of
at most 100)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json

from ansible_collections.koreai.campaign.plugins.module_utils.api import account_query, campaign_label, v2_path
from ansible_collections.koreai.campaign.plugins.module_utils.client import quote_segment
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiApiError
from ansible_collections.koreai.campaign.plugins.module_utils.paging import Page, read_pages

RESULTS_PAGE_SIZE = 100
ANALYTICS_PATH = '/agentassist/api/public/analytics/account/{account}/v2/interactionDetails'
ANALYTICS_LIMIT = 100
ANALYTICS_MAX_OFFSET = 10


def results_page(client, campaign, number, limit=RESULTS_PAGE_SIZE):
    """Page number (from 1) of the campaign's per-contact results."""
    label = campaign_label(campaign)
    payload = client.request('POST', v2_path(client, '/%s/status' % quote_segment(campaign['id'])),
                             'read contact results', query=account_query(client) + [('view', 'contacts')],
                             body={'page': number, 'limit': limit}, campaign=label)
    data = payload.get('data') if isinstance(payload, dict) else None
    results = data.get('results') if isinstance(data, dict) else None
    if not isinstance(results, list):
        raise KoreaiApiError('read contact results', 'the response has no "data.results" list', campaign=label)
    pages, total = data.get('totalPages'), data.get('totalResults')
    more = number < pages if isinstance(pages, int) else len(results) == limit
    return Page(results, more, total if isinstance(total, int) else None)


def read_results(client, campaign):
    """Every per-contact result of the campaign, a request per 100."""
    return read_pages(lambda number, skip: results_page(client, campaign, number), RESULTS_PAGE_SIZE,
                      'read contact results of %s' % campaign_label(campaign),
                      key=lambda item: json.dumps(item, sort_keys=True))


def sessions_page(client, start, end, offset, limit=ANALYTICS_LIMIT, utc_offset_minutes=0):
    """One page of outbound sessions with campaign info between start and end ('YYYY-MM-DD HH:mm:ss')."""
    body = {'startDate': start, 'endDate': end, 'timeZoneOffset': utc_offset_minutes, 'direction': 'Outbound',
            'selectedFields': ['campaigninfo']}
    path = ANALYTICS_PATH.format(account=quote_segment(client.account_id))
    payload = client.request('POST', path, 'read session analytics', query=[('offset', offset), ('limit', limit)],
                             body=body)
    data = payload.get('data') if isinstance(payload, dict) else None
    if not isinstance(data, list):
        raise KoreaiApiError('read session analytics', 'the response has no "data" list of sessions')
    total = payload.get('numResults')
    return data, total if isinstance(total, int) else None
