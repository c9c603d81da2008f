# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Loads contacts into a contact list (or DNC list): every row checked before any request, only the
contacts the list does not hold sent, 100 per add, each add through Runner.write (a lost answer is
read back from the list's count, never resent), and the asynchronous adds confirmed by polling the
list until it shows them."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils import api_contact_lists, api_contacts
from ansible_collections.koreai.campaign.plugins.module_utils.api import campaign_label
from ansible_collections.koreai.campaign.plugins.module_utils.contact_rows import Problem
from ansible_collections.koreai.campaign.plugins.module_utils.contact_store import ContactStore
from ansible_collections.koreai.campaign.plugins.module_utils.contacts_plan import (
    PER_ADD, holds_contacts, plan_contacts, request_cost)
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiError, NotFound, ValidationError
from ansible_collections.koreai.campaign.plugins.module_utils.lookup import contact_list_by_name
from ansible_collections.koreai.campaign.plugins.module_utils.runner import Found

# How many problems and duplicates a result or message names; the counts always cover all.
SHOWN_IN_MESSAGE = 10
KEPT_IN_RESULT = 1000


class Checked:
    """What checking the rows found: the store of good rows, the problems, the in-file duplicates."""

    def __init__(self, store):
        self.store = store
        self.problems = []
        self.problem_count = 0
        self.duplicates = []
        self.duplicate_count = 0


def check_rows(rows, store):
    """Read every row into the store before any request; count and keep (some of) what is wrong."""
    checked = Checked(store)
    for item in rows:
        if isinstance(item, Problem):
            checked.problem_count += 1
            if len(checked.problems) < KEPT_IN_RESULT:
                checked.problems.append(item)
            continue
        earlier = store.add_wanted(item)
        if earlier is not None:
            checked.duplicate_count += 1
            if len(checked.duplicates) < KEPT_IN_RESULT:
                checked.duplicates.append({'where': item.where, 'same_number_as': earlier})
    return checked


def refuse_problems(checked):
    shown = '; '.join(str(p) for p in checked.problems[:SHOWN_IN_MESSAGE])
    more = checked.problem_count - min(SHOWN_IN_MESSAGE, checked.problem_count)
    raise ValidationError('%d row%s cannot be loaded, so nothing was sent: %s%s. Fix them, or set invalid_rows=skip to '
                          'load the others and get the skipped rows back'
                          % (checked.problem_count, '' if checked.problem_count == 1 else 's', shown,
                             ' (and %d more)' % more if more else ''))


def load_contacts(run, list_name, rows, invalid_rows='fail', address_by='name', store_dir=None):
    with ContactStore(store_dir) as store:
        checked = check_rows(rows, store)
        if checked.problem_count and invalid_rows == 'fail':
            refuse_problems(checked)
        contact_list = contact_list_by_name(run.client, list_name)
        if contact_list is None:
            raise NotFound("no contact list is named '%s'; create it first with koreai.campaign.contact_list" % list_name)
        if holds_contacts(contact_list):
            for contact in api_contacts.read_contacts(run.client, contact_list):
                if contact.get('phoneNumber'):
                    store.add_held([contact['phoneNumber']])
        wanted, missing = store.wanted, store.missing
        plan = plan_contacts(contact_list, wanted, wanted - missing, missing)
        result = run.result(plan, contact_list=api_contact_lists.list_summary(contact_list))
        result.update(rows=store.rows + checked.problem_count, valid=store.rows, invalid=checked.problem_count,
                      skipped_rows=[p.as_dict() for p in checked.problems], duplicates=checked.duplicate_count,
                      duplicate_rows=checked.duplicates, already_in_list=wanted - missing, added=0,
                      requests=request_cost(contact_list, missing, run.wait))
        if not plan.changed or run.check_mode:
            if run.check_mode:
                result['would_add'] = missing
            return result
        sent = send_batches(run, contact_list, store, address_by)
        result['added'] = sent
        if run.wait:
            result['contact_list'] = api_contact_lists.list_summary(confirm(run, contact_list, sent))
        return result


def send_batches(run, contact_list, store, address_by):
    """Send the missing contacts, PER_ADD at a time; return how many were sent (and taken)."""
    before = contact_list.get('totalRecordCount') or 0
    sent = 0
    for batch in store.batches(PER_ADD):
        expected = before + sent + len(batch)
        answer = run.write('add contacts', _subject(contact_list),
                           lambda b=batch: api_contacts.add_contacts(run.client, contact_list, b, address_by),
                           _count_read_back(run, contact_list, expected), status_after='queued')
        if isinstance(answer, dict) and answer and not api_contacts.is_add_accepted(answer):
            run.warn('the API answered the add of %d contacts to %s with %r, which is neither of its documented '
                     'answers; the count of the list decides whether they arrived'
                     % (len(batch), campaign_label(contact_list), str(answer.get('message'))[:120]))
        sent += len(batch)
    return sent


def _count_read_back(run, contact_list, expected):
    """After a lost answer to an add: the list's count shows whether the batch arrived."""
    def read_back():
        polled = run.poll(lambda: _count(run, contact_list), lambda count: count >= expected,
                          run.read_back_window(run.wait))
        if polled.done:
            return Found(True, 'reading the list back shows %d contacts, so the add took effect' % polled.value,
                         'queued', {})
        return Found(False, 'Reading the list back shows %s contacts after %.0f s, not the %d expected'
                     % (polled.value, polled.elapsed, expected))
    return read_back


def confirm(run, contact_list, sent):
    """Poll the list until its count shows every contact sent; fail saying what was sent and what it shows."""
    before = contact_list.get('totalRecordCount') or 0
    expected = before + sent
    latest = {}

    def read():
        latest.update(api_contact_lists.get_contact_list(run.client, contact_list['id']))
        return latest.get('totalRecordCount')

    polled = run.poll(read, lambda count: isinstance(count, int) and count >= expected)
    if not polled.done:
        raise KoreaiError('sent %d contacts to %s in %d adds, which the API took, but after %.0f s the list shows %s '
                          'contacts, not the %d expected (it held %d before). Nothing was sent again; run the task '
                          'again later: it reads the list and sends only the contacts it still lacks'
                          % (sent, campaign_label(contact_list), -(-sent // PER_ADD), polled.elapsed, polled.value,
                             expected, before))
    return latest


def _count(run, contact_list):
    return api_contact_lists.get_contact_list(run.client, contact_list['id']).get('totalRecordCount') or 0


def _subject(contact_list):
    return {'id': contact_list.get('id'), 'name': contact_list.get('name'), 'type': 'contact list', 'status': None}
