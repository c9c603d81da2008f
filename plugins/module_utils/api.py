# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""What every API operation shares: the v2 base path, the accountId query, how results name
objects, and reading the "data" of an answer. One file per resource holds the operations
(api_campaigns.py, api_contact_lists.py)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils.client import quote_segment
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiApiError

V2 = '/campaign/api/v2/public/{stream}/campaign'
V1_AGENTASSIST = '/agentassist/api/v1/public/{stream}/campaign'


def v2_path(client, suffix=''):
    return V2.format(stream=quote_segment(client.stream_id)) + suffix


def account_query(client):
    return [('accountId', client.account_id)]


def campaign_label(campaign=None, campaign_id=None, name=None):
    """How errors name a campaign: 'Name' (cd-…)."""
    if campaign:
        campaign_id = campaign_id or campaign.get('id') or campaign.get('_id')
        name = name or campaign.get('name')
    if name and campaign_id:
        return "'%s' (%s)" % (name, campaign_id)
    if name:
        return "'%s'" % name
    return campaign_id


def data_object(payload, operation, label, what='campaign object'):
    """The answer's "data" object; a missing one is an error that names the operation."""
    data = payload.get('data') if isinstance(payload, dict) else None
    if not isinstance(data, dict):
        raise KoreaiApiError(operation, 'the response has no %s in "data"' % what, campaign=label)
    return data
