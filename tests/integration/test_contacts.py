# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""koreai.campaign.contacts and contacts_info through ansible-playbook against the sandbox: first load, the
same file again, a few new rows among many, bad rows, skip mode, lost answers, 429s and resumed loads."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import csv
import os

LIST = 'Load Test Leads'


def make_list(sandbox, name=LIST, **extra):
    return sandbox.control.seed_contact_list(name=name, description='leads', **extra)


def number(i):
    return '+1415%07d' % i


def write_csv(path, numbers, header=('phone', 'first_name', 'tz'), extra_rows=()):
    with open(str(path), 'w', newline='') as handle:
        out = csv.writer(handle)
        out.writerow(header)
        for i in numbers:
            out.writerow([number(i), 'Name%d' % i, 'America/New_York'])
        for row in extra_rows:
            out.writerow(row)
    return str(path)


def load_task(src, **extra):
    task = {'contact_list': LIST, 'src': src, 'columns': {'phone': 'phoneNumber', 'first_name': 'firstName',
                                                          'tz': 'timeZone'}}
    task.update(extra)
    return {'koreai.campaign.contacts': task}


def api_log(sandbox):
    return [r for r in sandbox.control.requests_log() if r['operation']]


def adds(sandbox):
    return [r for r in api_log(sandbox) if r['operation'] == 'add_contacts']


def test_first_load_then_the_same_file_again(ansible, sandbox, tmp_path):
    listed = make_list(sandbox)
    src = write_csv(tmp_path / 'leads.csv', range(250))
    sandbox.control.clear_log()
    rc, results, output = ansible.playbook([load_task(src, wait=False)])
    assert rc == 0 and results[0]['changed'], output
    log = api_log(sandbox)
    assert [r['operation'] for r in log] == ['list_contact_lists'] + ['add_contacts'] * 3, \
        'a first load into an empty list costs 1 read + ceil(N/100) adds'
    assert results[0]['api_calls'] == 4 and results[0]['added'] == 250
    assert [len(r['body']['data']) for r in adds(sandbox)] == [100, 100, 50]
    assert sandbox.control.contact_list(listed['_id'])['totalRecordCount'] == 250
    assert '+1415' not in output, 'phone numbers are never printed'

    sandbox.control.clear_log()
    rc, results, output = ansible.playbook([load_task(src)])
    assert rc == 0 and not results[0]['changed'], output
    assert adds(sandbox) == [] and results[0]['api_calls'] == 1 + 5, 'same file: 1 read + 250/50 pages, no write'
    assert results[0]['already_in_list'] == 250


def test_ten_new_rows_among_a_thousand_cost_one_add(ansible, sandbox, tmp_path):
    listed = make_list(sandbox)
    sandbox.control.seed_contacts(listed['_id'], contacts=[{'phoneNumber': number(i)} for i in range(990)])
    src = write_csv(tmp_path / 'leads.csv', range(1000))
    sandbox.control.clear_log()
    rc, results, output = ansible.playbook([load_task(src), load_task(src)])
    assert rc == 0, output
    first, again = results
    assert first['changed'] and first['added'] == 10 and first['already_in_list'] == 990
    assert len(adds(sandbox)) == 1 and len(adds(sandbox)[0]['body']['data']) == 10
    assert first['requests']['reads'] == 1 + 20 and first['requests']['writes'] == 1
    assert not again['changed'] and again['api_calls'] == 1 + 20
    assert sandbox.control.contact_list(listed['_id'])['totalRecordCount'] == 1000


def test_bad_rows_fail_before_any_request_naming_line_and_column(ansible, sandbox, tmp_path):
    make_list(sandbox)
    bad_rows = [['3125550198', 'NoPlus', 'UTC'], ['+13125550197', 'BadZone', 'Mars/Olympus']]
    src = write_csv(tmp_path / 'leads.csv', range(3), extra_rows=bad_rows)
    sandbox.control.clear_log()
    rc, results, output = ansible.playbook([load_task(src)])
    assert results[0]['failed'] and api_log(sandbox) == [], 'nothing is sent, not even a read'
    msg = results[0]['msg']
    assert msg.startswith('2 rows cannot be loaded, so nothing was sent: leads.csv line 5, column 1 (phone): the '
                          'phone number has no country code'), msg
    assert "leads.csv line 6, column 3 (tz): timeZone 'Mars/Olympus' is not an IANA time zone" in msg
    assert '3125550198' not in output and '3125550197' not in output

    rc, results, output = ansible.playbook([load_task(src, invalid_rows='skip')])
    assert rc == 0 and results[0]['added'] == 3 and results[0]['invalid'] == 2, output
    assert [s['line'] for s in results[0]['skipped_rows']] == [5, 6]
    assert not results[0].get('skipped') and 'skipping:' not in output, 'a loaded task must not look skipped'


def test_check_mode_reports_the_requests_and_sends_no_write(ansible, sandbox, tmp_path):
    make_list(sandbox)
    src = write_csv(tmp_path / 'leads.csv', range(420))
    sandbox.control.clear_log()
    rc, results, output = ansible.playbook([load_task(src)], check=True)
    assert rc == 0 and results[0]['changed'] and results[0]['would_add'] == 420, output
    assert results[0]['requests'] == {'reads': 1, 'contact_pages': 0, 'writes': 5, 'confirm_polls_at_least': 1,
                                      'total_at_least': 7}
    assert [r for r in api_log(sandbox) if r['write']] == []


def test_a_lost_answer_on_a_batch_is_read_back_never_resent(ansible, sandbox, tmp_path):
    listed = make_list(sandbox)
    src = write_csv(tmp_path / 'leads.csv', range(300))
    sandbox.control.inject(kind='status', status=502, apply=True, match={'operation': 'add_contacts'})
    sandbox.control.inject(kind='drop', apply=True, match={'operation': 'add_contacts'})
    rc, results, output = ansible.playbook([load_task(src)])
    assert rc == 0 and results[0]['added'] == 300, output
    sent = adds(sandbox)
    assert len(sent) == 3, 'each batch sent exactly once'
    firsts = [batch['body']['data'][0]['phoneNumber'] for batch in sent]
    assert len(set(firsts)) == 3
    assert sum('so the add took effect' in w for w in results[0].get('warnings', [])) == 2
    assert sandbox.control.contact_list(listed['_id'])['totalRecordCount'] == 300


def test_429s_in_the_middle_of_a_load_are_ridden_out(ansible, sandbox, tmp_path):
    listed = make_list(sandbox)
    src = write_csv(tmp_path / 'leads.csv', range(250))
    sandbox.control.clear_log()
    sandbox.control.inject(kind='status', status=429, retry_after='1', count=2, match={'operation': 'add_contacts'})
    rc, results, output = ansible.playbook([load_task(src)])
    assert rc == 0 and results[0]['added'] == 250, output
    statuses = [r['status_code'] for r in adds(sandbox)]
    assert statuses.count(429) == 2 and statuses.count(200) == 3
    assert sandbox.control.contact_list(listed['_id'])['totalRecordCount'] == 250


def test_an_interrupted_load_resumes_where_it_stopped(ansible, sandbox, tmp_path):
    listed = make_list(sandbox)
    src = write_csv(tmp_path / 'leads.csv', range(350))
    # The third add fails for good (as when the job is cancelled there): two batches are in.
    sandbox.control.inject(kind='delay', seconds=0, count=2, match={'operation': 'add_contacts'})
    sandbox.control.inject(kind='status', status=400, count=1, match={'operation': 'add_contacts'})
    rc, results, output = ansible.playbook([load_task(src)])
    assert results[0]['failed'] and 'add contacts' in results[0]['msg'], output
    assert sandbox.control.contact_list(listed['_id'])['totalRecordCount'] == 200
    sandbox.control.clear_log()
    rc, results, output = ansible.playbook([load_task(src)])
    assert rc == 0 and results[0]['added'] == 150 and results[0]['already_in_list'] == 200, output
    assert [len(r['body']['data']) for r in adds(sandbox)] == [100, 50]
    assert sandbox.control.contact_list(listed['_id'])['totalRecordCount'] == 350


def test_asynchronous_adds_are_waited_for_and_a_missing_add_fails_clearly(ansible, sandbox, tmp_path):
    listed = make_list(sandbox)
    sandbox.control.configure(contacts_delay_reads=2)
    src = write_csv(tmp_path / 'leads.csv', range(30))
    rc, results, output = ansible.playbook([load_task(src)])
    assert rc == 0 and results[0]['contact_list']['totalRecordCount'] == 30, output
    polls = [r for r in api_log(sandbox) if r['operation'] == 'get_contact_list']
    assert len(polls) >= 2 and sandbox.control.contact_list(listed['_id'])['totalRecordCount'] == 30

    other = make_list(sandbox, name='Swallowed')
    sandbox.control.configure(contacts_delay=3600, contacts_delay_reads=0)
    task = load_task(src, contact_list='Swallowed', wait_timeout=2)
    rc, results, output = ansible.playbook([task])
    msg = results[0]['msg']
    assert results[0]['failed'] and 'sent 30 contacts to' in msg and 'not the 30 expected (it held 0 before)' in msg
    assert 'Nothing was sent again' in msg and sandbox.control.contact_list(other['_id'])['totalRecordCount'] == 0


def test_the_documented_answer_shapes_and_the_id_form(ansible, sandbox, tmp_path):
    listed = make_list(sandbox)
    src = write_csv(tmp_path / 'leads.csv', range(5))
    sandbox.control.configure(add_contacts_answer='queued')
    rc, results, output = ansible.playbook([load_task(src, address_by='id')])
    assert rc == 0 and results[0]['added'] == 5 and not results[0].get('warnings'), output
    assert adds(sandbox)[0]['body']['contactListId'] == listed['_id']


def test_contacts_info_counts_and_reads_on_request(ansible, sandbox, tmp_path):
    listed = make_list(sandbox, name='DNC Check')
    make_list(sandbox, name='Empty DNC')
    sandbox.control.seed_contacts(listed['_id'], contacts=[{'phoneNumber': number(i)} for i in range(120)])
    sandbox.control.clear_log()
    rc, results, output = ansible.playbook([
        {'koreai.campaign.contacts_info': {'dnc_list': 'dnc check'}},
        {'koreai.campaign.contacts_info': {'dnc_list': 'Empty DNC'}},
        {'koreai.campaign.contacts_info': {'contact_list': 'DNC Check', 'max_contacts': 60}},
        {'koreai.campaign.contacts_info': {'contact_list': 'Nope'}},
    ], check=True)
    assert rc == 0, output
    count, empty, read, missing = results
    assert (count['count'], count['api_calls'], 'contacts' in count) == (120, 1, False)
    assert empty['count'] == 0 and empty['exists']
    assert len(read['contacts']) == 60 and read['truncated'] and read['api_calls'] == 1 + 2
    assert missing == dict(missing, exists=False, count=0)


def test_a_yaml_file_and_a_list_in_the_task(ansible, sandbox, tmp_path):
    listed = make_list(sandbox)
    src = tmp_path / 'c.yml'
    src.write_text('- {phoneNumber: "+14155550123", firstName: Ada, contactPriority: 2}\n')
    rc, results, output = ansible.playbook([
        {'koreai.campaign.contacts': {'contact_list': LIST, 'src': str(src)}},
        {'koreai.campaign.contacts': {'contact_list': LIST, 'contacts': [
            {'phoneNumber': '+14155550123'}, {'phoneNumber': '+14155550124', 'vip': True}]}},
    ])
    assert rc == 0, output
    assert results[0]['added'] == 1 and results[1]['added'] == 1 and results[1]['already_in_list'] == 1
    contacts = sandbox.control.contacts(listed['_id'])
    assert os.path.basename(str(src)) == 'c.yml' and len(contacts['results'] if isinstance(contacts, dict)
                                                         else contacts) == 2
