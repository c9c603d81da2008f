# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""One function per contact-list operation (DNC lists are contact lists too)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils.api import (
    account_query, campaign_label, data_object, v2_path)
from ansible_collections.koreai.campaign.plugins.module_utils.client import quote_segment
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiApiError


def _contact_lists_path(client, suffix=''):
    return v2_path(client, '/contactList' + suffix)


def normalize_contact_list(item):
    result = dict(item)
    result['id'] = item.get('_id') or item.get('id')
    return result


def list_summary(contact_list):
    """What results show of a list: its id, name, count, duplicate setting and global-DNC flag."""
    keys = ('id', 'name', 'totalRecordCount', 'allowDuplicates', 'isGlobalDNC')
    return dict((k, contact_list.get(k)) for k in keys if k in contact_list)


def list_contact_lists(client):
    payload = client.request('POST', _contact_lists_path(client, '/getAllListDetails'), 'list contact lists',
                             query=account_query(client) + [('type', 'call')], body={})
    data = payload.get('data') if isinstance(payload, dict) else None
    if isinstance(data, dict):
        data = data.get('results')
    if not isinstance(data, list):
        raise KoreaiApiError('list contact lists', 'the response has no "data" list')
    return [normalize_contact_list(item) for item in data]


def get_contact_list(client, contact_list_id):
    payload = client.request('GET', _contact_lists_path(client, '/' + quote_segment(contact_list_id)),
                             'get contact list', query=account_query(client), campaign=contact_list_id)
    return normalize_contact_list(data_object(payload, 'get contact list', contact_list_id, 'contact list'))


def create_contact_list(client, name, description, allow_duplicates=False):
    body = {'name': name, 'description': description, 'source': 'passiveApi', 'allowDuplicates': allow_duplicates}
    payload = client.request('POST', _contact_lists_path(client, '/createContactList'), 'create contact list',
                             query=account_query(client), body=body, campaign=campaign_label(name=name), write=True)
    return normalize_contact_list(payload.get('data') or {})


def update_contact_list(client, contact_list, changes):
    return client.request('PUT', _contact_lists_path(client, '/' + quote_segment(contact_list['id'])),
                          'update contact list', query=account_query(client), body=changes,
                          campaign=campaign_label(contact_list), write=True)


def delete_contact_list(client, contact_list):
    return client.request('DELETE', _contact_lists_path(client, '/' + quote_segment(contact_list['id'])),
                          'delete contact list', query=account_query(client),
                          campaign=campaign_label(contact_list), write=True)
