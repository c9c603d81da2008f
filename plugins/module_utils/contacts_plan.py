# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Pure planning of a contacts load: what it costs in requests, whether the list's contacts are worth
reading first, and the Plan (adds to send, diff, words). No I/O.

Requests are the scarce resource (60 a minute per account): one read finds the list and its
totalRecordCount; reading what a list holds costs a request per 50 contacts, so it is done only
when the list holds any; each add carries up to 100 contacts; confirming an add polls the list."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils.plan import change, no_change

ADD = 'add_contacts'
PER_ADD = 100
PER_PAGE = 50


def pages(count, size):
    return -(-count // size) if count > 0 else 0


def holds_contacts(contact_list):
    """Whether the list may hold contacts (a list that does not say counts as one that does)."""
    total = contact_list.get('totalRecordCount')
    return not isinstance(total, int) or isinstance(total, bool) or total > 0


def read_cost(contact_list):
    """Requests to read what the list holds: none for an empty list, a page per 50 contacts otherwise."""
    if not holds_contacts(contact_list):
        return 0
    total = contact_list.get('totalRecordCount')
    return pages(total, PER_PAGE) if isinstance(total, int) else None


def request_cost(contact_list, missing, wait):
    """What the whole load costs: reads (the list, its contacts), writes (adds), and the least polls."""
    adds = pages(missing, PER_ADD)
    contact_pages = read_cost(contact_list)
    return {'reads': 1 + (contact_pages or 0), 'contact_pages': contact_pages, 'writes': adds,
            'confirm_polls_at_least': 1 if wait and adds else 0,
            'total_at_least': 1 + (contact_pages or 0) + adds + (1 if wait and adds else 0)}


def plan_contacts(contact_list, wanted, held, missing):
    """wanted: the file's distinct contacts; held: how many of them the list already holds."""
    subject = "contact list '%s' (%s)" % (contact_list.get('name'), contact_list.get('id'))
    total = contact_list.get('totalRecordCount')
    before = {'contacts': total}
    if not missing:
        return no_change(before, '%s already holds all %d contacts' % (subject, wanted))
    adds = pages(missing, PER_ADD)
    after = {'contacts': total + missing if isinstance(total, int) else None}
    detail = ' in %d request%s (%d of %d already there)' % (adds, '' if adds == 1 else 's', held, wanted)
    return change([ADD] * adds, before, after, '%d contact%s' % (missing, '' if missing == 1 else 's'),
                  'added to %s' % subject, 'would be added to %s' % subject, detail)
