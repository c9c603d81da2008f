# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every contact-list operation (api_contact_lists.py) sends the documented method, path, query and body."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import api_contact_lists as api
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiApiError, KoreaiUnknownOutcome

from ..fakes import ACCOUNT, STREAM

BASE = '/campaign/api/v2/public/%s/campaign/contactList' % STREAM
DNC = {'_id': 'cl-68b802a-2b99-4245-8eea-6d322a8xxxxx', 'name': 'DNC CL Dec 4', 'description': 'Do not call',
       'isListInUse': True, 'campaignInUse': [{'id': 'cd-1', 'name': 'Renewals'}]}


def one(adapter):
    assert len(adapter.requests) == 1, adapter.requests
    return adapter.requests[0]


def test_list_contact_lists(client, adapter):
    adapter.add(body={'status': 'success', 'data': [DNC]})
    found = api.list_contact_lists(client)
    sent = one(adapter)
    assert (sent.method, sent.path, sent.query, sent.body) == (
        'POST', BASE + '/getAllListDetails', [('accountId', ACCOUNT), ('type', 'call')], {})
    assert found[0]['id'] == DNC['_id'] and found[0]['name'] == 'DNC CL Dec 4'


def test_list_contact_lists_reads_paged_results_too(client, adapter):
    adapter.add(body={'status': 'success', 'data': {'results': [dict(DNC, id='cl-2', _id=None)]}})
    assert [c['id'] for c in api.list_contact_lists(client)] == ['cl-2']


@pytest.mark.parametrize('payload', [{'status': 'success'}, {'data': {}}, {'data': 'x'}])
def test_list_without_a_list_is_an_error(client, adapter, payload):
    adapter.add(body=payload)
    with pytest.raises(KoreaiApiError) as info:
        api.list_contact_lists(client)
    assert 'list contact lists failed: the response has no "data" list' in str(info.value)


def test_get_contact_list(client, adapter):
    adapter.add(body={'status': 'success', 'data': dict(DNC, allowDuplicates=False)})
    found = api.get_contact_list(client, 'cl-1/x')
    sent = one(adapter)
    assert (sent.method, sent.path, sent.query, sent.body) == ('GET', BASE + '/cl-1%2Fx', [('accountId', ACCOUNT)], None)
    assert found['allowDuplicates'] is False and found['id'] == DNC['_id']


def test_get_contact_list_without_data(client, adapter):
    adapter.add(body={'status': 'success'})
    with pytest.raises(KoreaiApiError) as info:
        api.get_contact_list(client, 'cl-1')
    assert 'no contact list in "data"' in str(info.value)


def test_create_contact_list(client, adapter):
    adapter.add(body={'status': 'success', 'data': {'_id': 'cl-9', 'name': 'Leads'}})
    created = api.create_contact_list(client, 'Leads', 'May leads', allow_duplicates=True)
    sent = one(adapter)
    assert (sent.method, sent.path, sent.query) == ('POST', BASE + '/createContactList', [('accountId', ACCOUNT)])
    assert sent.body == {'name': 'Leads', 'description': 'May leads', 'source': 'passiveApi', 'allowDuplicates': True}
    assert created == {'_id': 'cl-9', 'id': 'cl-9', 'name': 'Leads'}


def test_create_contact_list_defaults_to_no_duplicates(client, adapter):
    adapter.add(body={'status': 'success', 'data': {'_id': 'cl-9'}})
    api.create_contact_list(client, 'Leads', 'May leads')
    assert one(adapter).body['allowDuplicates'] is False


def test_update_contact_list_sends_only_the_changes(client, adapter):
    adapter.add(body={'status': 'success', 'message': 'updated'})
    answer = api.update_contact_list(client, {'id': 'cl-1', 'name': 'DNC'}, {'description': 'new'})
    sent = one(adapter)
    assert (sent.method, sent.path, sent.query, sent.body) == (
        'PUT', BASE + '/cl-1', [('accountId', ACCOUNT)], {'description': 'new'})
    assert answer == {'status': 'success', 'message': 'updated'}


def test_delete_contact_list(client, adapter):
    adapter.add(body={'status': 'success'})
    api.delete_contact_list(client, {'id': 'cl-1', 'name': 'DNC'})
    sent = one(adapter)
    assert (sent.method, sent.path, sent.query, sent.body) == ('DELETE', BASE + '/cl-1', [('accountId', ACCOUNT)], None)
    assert 'Content-Type' not in sent.headers


@pytest.mark.parametrize('call', [
    lambda client: api.create_contact_list(client, 'Leads', 'd'),
    lambda client: api.update_contact_list(client, {'id': 'cl-1', 'name': 'DNC'}, {'description': 'x'}),
    lambda client: api.delete_contact_list(client, {'id': 'cl-1', 'name': 'DNC'}),
])
def test_contact_list_changes_are_writes(client, adapter, call):
    adapter.add(502, '<html>bad gateway</html>')
    with pytest.raises(KoreaiUnknownOutcome):
        call(client)
    assert len(adapter.requests) == 1


def test_errors_name_the_list(client, adapter):
    adapter.add(400, {'errors': [{'msg': 'List is in use', 'code': 400}]})
    with pytest.raises(KoreaiApiError) as info:
        api.delete_contact_list(client, {'id': 'cl-1', 'name': 'DNC'})
    assert str(info.value).startswith("delete contact list for campaign 'DNC' (cl-1) failed (HTTP 400")
