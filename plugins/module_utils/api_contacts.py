# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""The contacts of a contact list (API reference sections 1.2 and 8.3): add up to 100 at a time
(asynchronous), read them in pages of 50. There is no API to remove a contact."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils.api import account_query, campaign_label, v2_path
from ansible_collections.koreai.campaign.plugins.module_utils.client import quote_segment
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiApiError
from ansible_collections.koreai.campaign.plugins.module_utils.paging import Page, read_pages

ADD_PATH = '/api/1.1/public/{stream}/campaign/contactList/addContacts'
MAX_PER_ADD = 100
READ_PAGE_SIZE = 50
# Both documented answers to an add: the current page's, and the older variant's.
ADD_ANSWERS = ('adding contacts to public list is in progress', 'contacts queued for addition')


def add_contacts(client, contact_list, contacts, address_by='name'):
    """Queue up to 100 contacts for the list. The page addresses the list by name (contact_list_name);
    a release note says by id: address_by='id' sends contactListId instead (unverified)."""
    if not 0 < len(contacts) <= MAX_PER_ADD:
        raise ValueError('add_contacts takes 1 to %d contacts, not %d' % (MAX_PER_ADD, len(contacts)))
    body = {'data': list(contacts)}
    if address_by == 'id':
        body['contactListId'] = contact_list['id']
    else:
        body['contact_list_name'] = contact_list['name']
    return client.request('POST', ADD_PATH.format(stream=quote_segment(client.stream_id)), 'add contacts',
                          body=body, campaign=campaign_label(contact_list), write=True)


def is_add_accepted(answer):
    """Whether an add's answer is one of the two documented acknowledgements."""
    message = str((answer or {}).get('message') or '').lower() if isinstance(answer, dict) else ''
    return any(known in message for known in ADD_ANSWERS)


def contacts_page(client, contact_list, skip, limit=READ_PAGE_SIZE):
    """One page of a list's contacts, starting at skip."""
    path = v2_path(client, '/contactList/%s/getAllContacts' % quote_segment(contact_list['id']))
    payload = client.request('GET', path, 'read contacts', query=account_query(client) + [
        ('skip', skip), ('limit', limit)], campaign=campaign_label(contact_list))
    data = payload.get('data') if isinstance(payload, dict) else None
    results = data.get('results') if isinstance(data, dict) else None
    if not isinstance(results, list):
        raise KoreaiApiError('read contacts', 'the response has no "data.results" list',
                             campaign=campaign_label(contact_list))
    total = data.get('totalResults')
    return Page(results, bool(data.get('hasMore')), total if isinstance(total, int) else None)


def read_contacts(client, contact_list, max_items=None):
    """Every contact of the list, page by page (one request per 50)."""
    return read_pages(lambda number, skip: contacts_page(client, contact_list, skip), READ_PAGE_SIZE,
                      'read contacts of %s' % campaign_label(contact_list), max_items=max_items)
