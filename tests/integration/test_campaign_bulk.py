# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""campaign_bulk against the sandbox: one task over many campaigns, fewest calls, failures isolated."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type


def writes(sandbox):
    return [r for r in sandbox.control.requests_log() if r['write']]


def seed(sandbox, count, prefix='Flash Sale', status='Active', campaign_type='voice'):
    return [sandbox.control.seed_campaign(type=campaign_type, name='%s %02d' % (prefix, i), status=status)['_id']
            for i in range(count)]


def test_emergency_stop_by_pattern_then_idempotent(ansible, sandbox):
    voice = seed(sandbox, 4)
    sms = seed(sandbox, 3, campaign_type='sms')
    quiet = seed(sandbox, 2, status='Stopped')
    task = {'koreai.campaign.campaign_bulk': {'state': 'stopped', 'name_pattern': '^Flash Sale'}}
    rc, results, output = ansible.playbook([task, task], diff=True)
    assert rc == 0, output
    first, second = results
    assert sorted(first['changed_ids']) == sorted(voice + sms)
    assert first['failed_ids'] == [] and first['msg'] == '7 of 9 campaigns stopped'
    assert {e['status'] for e in first['campaigns']} == {'Stopped'}
    assert set(first['diff']['before']) == set(voice + sms)
    assert not second['changed'] and second['changed_ids'] == []
    stops = [w for w in writes(sandbox) if w['operation'] == 'trigger']
    assert len(stops) == 7 and len(writes(sandbox)) == 7
    assert not set(quiet) & set(w['campaign_id'] for w in writes(sandbox))
    # reads: one list call per type, one poll round per type, then the confirming list call per type;
    # the second run lists only
    assert first['api_calls'] == 2 + 7 + 2 + 2 and second['api_calls'] == 2


def test_check_mode_is_a_dry_run(ansible, sandbox):
    ids = seed(sandbox, 3)
    rc, results, output = ansible.playbook([{'koreai.campaign.campaign_bulk': {
        'state': 'stopped', 'campaign_type': 'voice', 'campaign_ids': ids}}], check=True)
    assert rc == 0, output
    assert sorted(results[0]['changed_ids']) == sorted(ids) and results[0]['msg'].startswith('(check mode)')
    assert writes(sandbox) == []


def test_one_failure_does_not_stop_the_others(ansible, sandbox):
    ids = seed(sandbox, 3, status='Stopped')
    sandbox.control.inject(kind='status', status=409, count=1,
                           match={'operation': 'trigger', 'path_contains': ids[1]})
    rc, results, output = ansible.playbook([{'koreai.campaign.campaign_bulk': {
        'state': 'started', 'campaign_ids': ids + ['cd-missing'], 'campaign_type': 'voice'}}])
    result = results[0]
    assert result['failed']
    assert sorted(result['failed_ids']) == sorted([ids[1], 'cd-missing'])
    assert sorted(result['changed_ids']) == sorted([ids[0], ids[2]])
    entry = [e for e in result['campaigns'] if e['id'] == ids[1]][0]
    assert 'HTTP 409' in entry['msg'] and entry['status'] == 'Stopped'
    assert len(writes(sandbox)) == 3


def test_lost_answer_is_read_back_not_resent(ansible, sandbox):
    ids = seed(sandbox, 2)
    sandbox.control.inject(kind='status', status=500, count=1, apply=True,
                           match={'operation': 'trigger', 'path_contains': ids[0]})
    rc, results, output = ansible.playbook([{'koreai.campaign.campaign_bulk': {
        'state': 'stopped', 'campaign_ids': ids, 'campaign_type': 'voice', 'wait': False}}])
    assert rc == 0, output
    assert sorted(results[0]['changed_ids']) == sorted(ids)
    assert len([w for w in writes(sandbox) if w['campaign_id'] == ids[0]]) == 1
    assert any('took effect' in e['msg'] for e in results[0]['campaigns'])


def test_a_filter_is_required(ansible, sandbox):
    rc, results, output = ansible.playbook([{'koreai.campaign.campaign_bulk': {'state': 'stopped'}}])
    assert results[0]['failed'] and 'one of the following is required' in results[0]['msg']
    assert sandbox.control.requests_log() == []
