# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What every API operation shares (api.py): the v2 path, the accountId query, campaign labels, the answer's data."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import api
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiApiError

from ..fakes import ACCOUNT, STREAM


def test_campaign_label():
    assert api.campaign_label({'id': 'cd-1', 'name': 'N'}) == "'N' (cd-1)"
    assert api.campaign_label(name='N') == "'N'"
    assert api.campaign_label(campaign_id='cd-1') == 'cd-1'


def test_campaign_label_reads_underscore_id_and_prefers_explicit_values():
    assert api.campaign_label({'_id': 'cd-2', 'name': 'N'}) == "'N' (cd-2)"
    assert api.campaign_label({'id': 'cd-1', 'name': 'N'}, campaign_id='cd-9', name='M') == "'M' (cd-9)"
    assert api.campaign_label() is None


def test_v2_path_escapes_the_stream(client):
    assert api.v2_path(client) == '/campaign/api/v2/public/%s/campaign' % STREAM
    assert api.v2_path(client, '/schedule') == '/campaign/api/v2/public/%s/campaign/schedule' % STREAM
    client.stream_id = 'st-1/../x'
    assert api.v2_path(client) == '/campaign/api/v2/public/st-1%2F..%2Fx/campaign'


def test_account_query(client):
    assert api.account_query(client) == [('accountId', ACCOUNT)]


def test_data_object():
    assert api.data_object({'data': {'_id': 'cd-1'}}, 'get campaign', 'cd-1') == {'_id': 'cd-1'}


@pytest.mark.parametrize('payload', [{}, {'data': None}, {'data': []}, {'data': 'x'}, None, []])
def test_a_missing_data_object_names_the_operation(payload):
    with pytest.raises(KoreaiApiError) as info:
        api.data_object(payload, 'get contact list', 'cl-1', 'contact list')
    assert str(info.value) == 'get contact list for campaign cl-1 failed: the response has no contact list in "data"'
