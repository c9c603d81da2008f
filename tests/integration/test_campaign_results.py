# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""campaign_results, campaign_wait and campaign_preflight through ansible-playbook against the sandbox's
dialer: a run to Completed, its report equal to the sandbox's own outcomes, complete files, waits, checks."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import csv
import datetime
import json
import os
import stat

import pytest


def seed_run(sandbox, name, contacts, dnc=3, campaign_type='voice', status='Ready', dnc_start=10 ** 6, **fields):
    """A campaign with a contact list of `contacts` generated numbers and a DNC list of `dnc` numbers from
    dnc_start (by default none of them a contact's; dnc_start=0 puts the first contacts on it)."""
    control = sandbox.control
    leads = control.seed_contact_list(name='%s leads' % name, description='leads',
                                      contacts={'count': contacts, 'start': 0})
    dnc_list = control.seed_contact_list(name='%s dnc' % name, description='dnc',
                                         contacts={'count': dnc, 'start': dnc_start} if dnc else [])
    extra = {'contactLists': [leads['name']]}
    if campaign_type == 'voice':
        extra['dncLists'] = {'id': dnc_list['_id'], 'name': dnc_list['name']}
    extra.update(fields)
    return control.seed_campaign(type=campaign_type, name=name, status=status, **extra), leads, dnc_list


def far_day_hours():
    """Calling hours only on the week day three days from now (UTC): never within the next 24 hours."""
    day = ('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')[(datetime.datetime.now(datetime.timezone.utc).weekday() + 3) % 7]
    return {'frequency': 'WEEKLY', 'timezone': 'UTC', 'days': [{'day': day, 'start': '9:00 AM', 'end': '6:00 PM'}]}


def finish(sandbox, campaign_id):
    """Run the campaign's dialing to the end now, unless the sandbox's dialer got there first."""
    if sandbox.control.campaign(campaign_id)['status'] == 'Active':
        sandbox.control.finish_dialing(campaign_id)


def folded(counts):
    return dict(('none' if k in ('', None) else k, v) for k, v in counts.items())


def api_log(sandbox, operation=None):
    return [r for r in sandbox.control.requests_log()
            if r['operation'] and (operation is None or r['operation'] == operation)]


@pytest.mark.parametrize('contacts', [1, 100, 101, 1000])
def test_a_run_to_completed_and_its_complete_report(ansible, sandbox, tmp_path, contacts):
    campaign, leads, dnc = seed_run(sandbox, 'Report Run %d' % contacts, contacts)
    cid = campaign['_id']
    rc, results, output = ansible.playbook([
        {'koreai.campaign.voice_campaign': {'campaign_id': cid, 'state': 'started'}}])
    assert rc == 0, output
    finish(sandbox, cid)
    truth = sandbox.control.outcomes(cid)
    dest = tmp_path / 'report.csv'
    sandbox.control.clear_log()
    rc, results, output = ansible.playbook([
        {'koreai.campaign.campaign_wait': {'campaign_ids': [cid], 'poll_interval': 1}},
        {'koreai.campaign.campaign_results': {'campaign_id': cid, 'dest': str(dest)}}])
    assert rc == 0, output
    waited, report = results
    assert waited['finished_ids'] == [cid] and waited['campaigns'][0]['status'] == 'Completed'
    pages = -(-contacts // 100)
    assert report['result_pages'] == pages and report['api_calls'] == 1 + pages
    summary = report['summary']
    assert summary['contacts'] == truth['contacts'] == contacts
    assert folded(summary['by_dialer_outcome']) == folded(truth['dialerOutcome'])
    assert folded(summary['by_bot_outbound_status']) == folded(truth['botOutboundStatus'])
    assert folded(summary['by_disposition']) == folded(truth['disposition'])
    assert summary['by_attempts'] == truth['numberOfAttemptsSoFar']
    assert stat.S_IMODE(os.stat(str(dest)).st_mode) == 0o600
    with open(str(dest)) as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == contacts and len(set(r['phoneNumber'] for r in rows)) == contacts, 'every contact once'
    assert 'phoneNumber' not in json.dumps(report) and '+1' not in output, 'no contact in the output unless asked'


def test_dnc_and_calling_hours_outcomes_and_lower_case_statuses(ansible, sandbox, tmp_path):
    sandbox.control.configure(status_case='lower', dial_now='2026-12-02 03:00:00')
    hours = {'frequency': 'WEEKLY', 'timezone': 'UTC',
             'days': [{'day': 'WE', 'start': '9:00 AM', 'end': '6:00 PM'}]}
    campaign, leads, dnc = seed_run(sandbox, 'Outcome Mix', 20, dnc=4, dnc_start=0,
                                    dialingStrategy={'callingHours': hours, 'maxAttemptsPerRecord': 2})
    sandbox.control.set_campaign(campaign['_id'], status='Active')
    finish(sandbox, campaign['_id'])
    truth = sandbox.control.outcomes(campaign['_id'])
    rc, results, output = ansible.playbook([
        {'koreai.campaign.campaign_results': {'campaign_id': campaign['_id'], 'return_rows': True,
                                              'dialer_outcomes': ['DNCEXCLUDED', 'callinghoursskipped']}}],
        check=True)
    assert rc == 0, output
    report = results[0]
    assert folded(report['summary']['by_dialer_outcome']) == folded(truth['dialerOutcome'])
    assert report['matched'] == len(report['rows']) == truth['outcome']['dnc'] + truth['outcome']['skipped']


def test_a_wait_that_times_out_names_the_last_status(ansible, sandbox):
    sandbox.control.configure(dial_rate=0)
    campaign, leads, dnc = seed_run(sandbox, 'Never Ends', 5, status='Active')
    rc, results, output = ansible.playbook([
        {'koreai.campaign.campaign_wait': {'names': ['never ends'], 'wait_timeout': 3, 'poll_interval': 1}},
        {'koreai.campaign.campaign_wait': {'names': ['never ends'], 'wait_timeout': 0, 'fail_on_timeout': False}}])
    failed, quiet = results
    assert failed['failed'] and failed['unfinished_ids'] == [campaign['_id']]
    assert "'Never Ends' (%s) (last status seen: Active)" % campaign['_id'] in failed['msg']
    assert not quiet.get('failed') and quiet['timed_out'] and quiet['api_calls'] == 2


def test_ten_campaigns_one_list_call_per_poll_round(ansible, sandbox):
    sandbox.control.configure(dial_rate=0)
    ids = [seed_run(sandbox, 'Ten %d' % i, 2, status='Active')[0]['_id'] for i in range(10)]
    for cid in ids[:4]:
        finish(sandbox, cid)
    sandbox.control.clear_log()
    rc, results, output = ansible.playbook([
        {'koreai.campaign.campaign_wait': {'campaign_ids': ids, 'campaign_type': 'voice', 'wait_timeout': 4,
                                           'poll_interval': 2, 'fail_on_timeout': False}}])
    assert rc == 0, output
    result = results[0]
    lists = api_log(sandbox, 'list_campaigns')
    assert len(lists) == result['poll_rounds'] == result['api_calls'] and result['poll_rounds'] >= 2, result
    assert all(r['operation'] == 'list_campaigns' for r in api_log(sandbox))
    assert sorted(result['finished_ids']) == sorted(ids[:4]) and len(result['unfinished_ids']) == 6


def test_every_preflight_rule_fails_once_with_its_message(ansible, sandbox):
    control = sandbox.control
    # The API shows a schedule's end only with details; campaigns on contact lists stay Active without dialing.
    control.configure(schedule_details=True, dial_rate=0)
    empty_dnc = control.seed_contact_list(name='Pre Empty DNC', description='d', contacts=[])
    control.seed_contact_list(name='Pre Empty Leads', description='d', contacts=[])
    control.seed_contact_list(name='Pre Shared', description='d', contacts={'count': 5, 'start': 0})
    control.seed_campaign(type='sms', name='Pre Other', status='Active', contactLists=['Pre Shared'])
    never = far_day_hours()
    bad = control.seed_campaign(
        type='voice', name='Pre Everything Wrong', status='Ready',
        contactLists=['Pre Empty Leads', 'Pre Shared'], dncLists={'id': empty_dnc['_id'], 'name': 'Pre Empty DNC'},
        dialingStrategy={'callingHours': never},
        schedule={'isSchedulingEnabled': True, 'isRecurrenceEnabled': True, 'startDateTime': '2025-12-01 00:00:00',
                  'endDateTime': '2026-01-01 00:00:00',
                  'recurrenceObject': {'recurType': 'Daily', 'dailyDetails': {'onceEveryNdays': 1}}})
    for i in range(50):
        control.seed_campaign(type='voice', name='Pre Busy %d' % i, status='Active', contactLists=['CL Only 2020 Dec 4'])
    control.seed_campaign(type='voice', name='Pre No DNC', status='Ready', dncLists=None, contactLists=['Pre Shared'])
    control.clear_log()
    rc, results, output = ansible.playbook([
        {'koreai.campaign.campaign_preflight': {'campaign_id': bad['_id']}},
        {'koreai.campaign.campaign_preflight': {'name': 'pre no dnc', 'fail_on_error': False,
                                                'checks': ['dnc_list']}}], check=True)
    everything, missing_dnc = results
    assert everything['failed'] and everything['failed_checks'] == [
        'dnc_list', 'contact_lists', 'contact_list_in_use', 'voice_limit', 'calling_hours', 'schedule_end']
    messages = dict((c['rule'], c['message']) for c in everything['checks'])
    assert "'Pre Empty DNC', which is empty" in messages['dnc_list']
    assert "is empty: 'Pre Empty Leads'" in messages['contact_lists']
    assert "'Pre Shared' is used by 'Pre Other'" in messages['contact_list_in_use']
    assert 'would be voice campaign number 53 running at once, and Kore.ai runs at most 50' in messages['voice_limit']
    assert 'schedule that ended at 2026-01-01 00:00:00 UTC' in messages['schedule_end']
    assert 'none of that falls in the next 24 hours' in messages['calling_hours']
    assert everything['msg'].startswith('6 of 6 checks failed')
    assert not missing_dnc.get('failed') and missing_dnc['failed_checks'] == ['dnc_list']
    assert 'has no DNC list' in missing_dnc['msg']
    assert [r for r in api_log(sandbox) if r['write']] == []
    assert everything['api_calls'] == 1 + 1 + 2, 'campaign, contact lists, running campaigns of each type'


def test_calling_hours_rule_fails_alone(ansible, sandbox):
    campaign, leads, dnc = seed_run(sandbox, 'Pre Hours', 3, dialingStrategy={'callingHours': far_day_hours()})
    open_now = {'frequency': 'WEEKLY', 'timezone': 'UTC', 'days': [
        {'day': d, 'start': '12:00 AM', 'end': '11:59 PM'} for d in ('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')]}
    fine, leads2, dnc2 = seed_run(sandbox, 'Pre Hours Fine', 3, dialingStrategy={'callingHours': open_now})
    rc, results, output = ansible.playbook([
        {'koreai.campaign.campaign_preflight': {'campaign_id': campaign['_id'], 'fail_on_error': False}},
        {'koreai.campaign.campaign_preflight': {'campaign_id': fine['_id']}}])
    assert rc == 0, output
    assert results[0]['failed_checks'] == ['calling_hours'], results[0]['msg']
    assert 'none of that falls in the next 24 hours' in results[0]['msg'] and results[1]['passed']
