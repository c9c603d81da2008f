# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""contacts_runner.py: loads against a faked HTTP layer (reads first, only missing contacts sent, confirmation)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest
import requests

from ansible_collections.koreai.campaign.plugins.module_utils.contact_rows import ContactReader
from ansible_collections.koreai.campaign.plugins.module_utils.contacts_runner import load_contacts
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiError, ValidationError
from ansible_collections.koreai.campaign.plugins.module_utils.runner import Runner

IN_PROGRESS = {'message': 'Adding contacts to public list is in progress'}


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds


def lists(total):
    return {'status': 'success', 'data': [{'_id': 'cl-1', 'name': 'Leads', 'totalRecordCount': total}]}


def one_list(total):
    return {'status': 'success', 'data': {'_id': 'cl-1', 'name': 'Leads', 'totalRecordCount': total}}


def contacts_page(numbers, total, more):
    return {'status': 'success', 'data': {'results': [{'_id': 'cc-%s' % n, 'phoneNumber': n} for n in numbers],
                                          'skip': 0, 'limit': 50, 'hasMore': more, 'totalResults': total}}


def number(i):
    return '+1415555%04d' % i


def rows(count, start=0):
    return list(ContactReader().read_items([{'phoneNumber': number(i), 'firstName': 'C%d' % i}
                                            for i in range(start, start + count)]))


@pytest.fixture
def run(client):
    clock = Clock()
    return Runner(client, wait=True, wait_timeout=60, sleep=clock.sleep, clock=clock)


def test_first_load_into_an_empty_list_costs_one_read_and_an_add_per_hundred(run, adapter):
    adapter.add(body=lists(0))
    for dummy in range(3):
        adapter.add(body=IN_PROGRESS)
    adapter.add(body=one_list(250))
    result = load_contacts(run, 'leads', rows(250))
    methods = [(r.method, r.path.rsplit('/', 1)[-1]) for r in adapter.requests]
    assert methods == [('POST', 'getAllListDetails')] + [('POST', 'addContacts')] * 3 + [('GET', 'cl-1')]
    assert [len(r.body['data']) for r in adapter.requests[1:4]] == [100, 100, 50]
    assert adapter.requests[1].body['contact_list_name'] == 'Leads' and 'contactListId' not in adapter.requests[1].body
    assert adapter.requests[1].path.endswith('/api/1.1/public/%s/campaign/contactList/addContacts'
                                             % adapter.requests[1].headers['iid'])
    assert result['changed'] and result['added'] == 250 and result['actions'] == ['add_contacts'] * 3
    assert result['requests'] == {'reads': 1, 'contact_pages': 0, 'writes': 3, 'confirm_polls_at_least': 1,
                                  'total_at_least': 5}
    assert result['contact_list']['totalRecordCount'] == 250


def test_only_missing_contacts_are_sent_and_the_id_form_is_available(run, adapter):
    adapter.add(body=lists(60))
    adapter.add(body=contacts_page([number(i) for i in range(50)], 60, True))
    adapter.add(body=contacts_page([number(i) for i in range(50, 60)], 60, False))
    adapter.add(body={'status': 'success', 'message': 'Contacts queued for addition.'})
    adapter.add(body=one_list(70))
    result = load_contacts(run, 'Leads', rows(70), address_by='id')
    add = adapter.requests[3]
    assert add.body['contactListId'] == 'cl-1' and [c['phoneNumber'] for c in add.body['data']] == \
        [number(i) for i in range(60, 70)]
    assert adapter.requests[1].query == [('accountId', adapter.requests[1].headers['accountId']), ('skip', '0'),
                                         ('limit', '50')]
    assert adapter.requests[2].query[1] == ('skip', '50')
    assert result['already_in_list'] == 60 and result['added'] == 10 and len(adapter.requests) == 5


def test_nothing_new_sends_no_write(run, adapter):
    adapter.add(body=lists(3))
    adapter.add(body=contacts_page([number(i) for i in range(3)], 3, False))
    result = load_contacts(run, 'Leads', rows(3))
    assert not result['changed'] and result['added'] == 0 and len(adapter.requests) == 2
    assert result['msg'] == "contact list 'Leads' (cl-1) already holds all 3 contacts"


def test_check_mode_reads_and_reports_the_cost(client, adapter):
    adapter.add(body=lists(0))
    result = load_contacts(Runner(client, check_mode=True), 'Leads', rows(120))
    assert len(adapter.requests) == 1 and result['would_add'] == 120 and result['requests']['writes'] == 2
    assert result['msg'].startswith('(check mode) 120 contacts would be added')


def test_bad_rows_fail_before_any_request_unless_skipped(run, adapter):
    bad = list(ContactReader().read_items([{'phoneNumber': number(1)}, {'phoneNumber': '12'}, {'firstName': 'x'}]))
    with pytest.raises(ValidationError) as info:
        load_contacts(run, 'Leads', bad)
    assert adapter.requests == []
    assert str(info.value).startswith('2 rows cannot be loaded, so nothing was sent: contacts[1], column phoneNumber:')
    adapter.add(body=lists(0)).add(body=IN_PROGRESS).add(body=one_list(1))
    result = load_contacts(run, 'Leads', list(bad), invalid_rows='skip')
    assert result['invalid'] == 2 and result['added'] == 1 and [s['where'] for s in result['skipped_rows']] == \
        ['contacts[1]', 'contacts[2]']
    # 'skipped' is Ansible's flag for a skipped task: a list there marks the task skipped (2.21 makes it a bool)
    assert 'skipped' not in result


def test_duplicates_in_the_file_are_reported_and_sent_once(run, adapter):
    adapter.add(body=lists(0)).add(body=IN_PROGRESS).add(body=one_list(2))
    result = load_contacts(run, 'Leads', rows(2) + rows(1))
    assert len(adapter.requests[1].body['data']) == 2 and result['duplicates'] == 1
    assert result['duplicate_rows'] == [{'where': 'contacts[0]', 'same_number_as': 'contacts[0]'}]


def test_a_lost_answer_is_read_back_from_the_count_never_resent(run, adapter):
    adapter.add(body=lists(0)).add(body=IN_PROGRESS)
    adapter.add_error(requests.exceptions.ReadTimeout('read timed out'))
    adapter.add(body=one_list(100)).add(body=one_list(150))  # read back: the second batch shows up
    adapter.add(body=one_list(150))  # confirmation
    result = load_contacts(run, 'Leads', rows(150))
    assert [r.path.rsplit('/', 1)[-1] for r in adapter.requests].count('addContacts') == 2
    assert result['added'] == 150 and any('so the add took effect' in w for w in run.warnings)


def test_a_lost_answer_that_never_shows_stops_the_load(run, adapter):
    adapter.add(body=lists(0))
    adapter.add_error(requests.exceptions.ConnectionError('reset'))
    for dummy in range(20):
        adapter.add(body=one_list(0))
    with pytest.raises(KoreaiError, match='not the 100 expected; the request was not sent again'):
        load_contacts(run, 'Leads', rows(120))
    assert [r.path.rsplit('/', 1)[-1] for r in adapter.requests].count('addContacts') == 1


def test_contacts_that_never_show_fail_with_what_was_sent(run, adapter):
    adapter.add(body=lists(0)).add(body=IN_PROGRESS)
    for dummy in range(20):
        adapter.add(body=one_list(3))
    with pytest.raises(KoreaiError) as info:
        load_contacts(run, 'Leads', rows(5))
    assert 'sent 5 contacts to' in str(info.value) and 'shows 3 contacts, not the 5 expected (it held 0' in \
        str(info.value)


def test_a_missing_list_says_how_to_create_it(run, adapter):
    adapter.add(body={'status': 'success', 'data': []})
    with pytest.raises(KoreaiError, match="no contact list is named 'Nope'; create it first"):
        load_contacts(run, 'Nope', rows(1))
