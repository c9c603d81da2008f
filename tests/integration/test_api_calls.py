# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Requests per operation, the scarce resource under 60 requests/minute: a regression fails CI.

Targets: a no-op costs only the reads it needs (1 by id), a change one read plus one write, plus
status polls only while waiting."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

STOPPED_ID = 'cd-3aefda80-f98e-5f4f-ad41-92803abbxxxx'  # SMS, Stopped


def test_calls_per_operation(ansible, sandbox):
    control = sandbox.control
    v_stopped = control.seed_campaign(type='voice', name='Calls Stopped', status='Stopped')['_id']
    v_active = control.seed_campaign(type='voice', name='Calls Active', status='Active')['_id']
    v_active2 = control.seed_campaign(type='voice', name='Calls Active Two', status='Active')['_id']
    v_ready = control.seed_campaign(type='voice', name='Calls Ready', status='Ready')['_id']
    v_ready2 = control.seed_campaign(type='voice', name='Calls Ready Two', status='Ready')['_id']
    v_delete = control.seed_campaign(type='voice', name='Calls Delete', status='Ready')['_id']
    control.seed_campaign(type='voice', name='Calls Delete By Name', status='Ready')
    control.seed_campaign(type='sms', name='Calls Schedule', status='Ready')
    cases = [
        # (task, expected requests, expected writes)
        ({'koreai.campaign.campaign_info': {'campaign_id': v_ready}}, 1, 0),
        ({'koreai.campaign.campaign_info': {'campaign_type': 'voice'}}, 1, 0),
        ({'koreai.campaign.campaign_info': {}}, 2, 0),
        ({'koreai.campaign.voice_campaign': {'campaign_id': v_stopped, 'state': 'stopped'}}, 1, 0),
        ({'koreai.campaign.voice_campaign': {'campaign_id': v_active, 'state': 'started'}}, 1, 0),
        ({'koreai.campaign.voice_campaign': {'campaign_id': 'cd-none', 'state': 'absent'}}, 1, 0),
        ({'koreai.campaign.voice_campaign': {'campaign_id': v_active, 'state': 'stopped', 'wait': False}}, 2, 1),
        ({'koreai.campaign.voice_campaign': {'campaign_id': v_active2, 'state': 'stopped'}}, 3, 1),
        ({'koreai.campaign.voice_campaign': {'campaign_id': v_ready, 'state': 'started', 'wait': False}}, 2, 1),
        ({'koreai.campaign.voice_campaign': {'campaign_id': v_ready2, 'state': 'started'}}, 3, 1),
        ({'koreai.campaign.voice_campaign': {'campaign_id': v_delete, 'state': 'absent'}}, 2, 1),
        ({'koreai.campaign.voice_campaign': {'name': 'Calls Delete By Name', 'state': 'absent'}}, 3, 1),
        ({'koreai.campaign.sms_campaign': {'campaign_id': STOPPED_ID, 'state': 'stopped'}}, 1, 0),
        ({'koreai.campaign.campaign_schedule': {'campaign': 'Calls Schedule', 'campaign_type': 'sms',
                                                'state': 'disabled'}}, 1, 0),
        # the sms list, the voice list (no campaign of the other type may share the name), the write
        ({'koreai.campaign.campaign_schedule': {'campaign': 'Calls Schedule', 'campaign_type': 'sms',
                                                'recurrence': 'daily', 'start': '2026-01-27 18:29:00',
                                                'end': '2099-01-01 00:00:00'}}, 3, 1),
        ({'koreai.campaign.campaign_schedule': {'campaign': 'Calls Schedule', 'state': 'disabled'}}, 3, 1),
        # the two started above are running: one list call, two stops, the confirming list call
        ({'koreai.campaign.campaign_bulk': {'state': 'stopped', 'campaign_type': 'voice',
                                            'name_pattern': '^Calls', 'wait': False}}, 4, 2),
        ({'koreai.campaign.campaign_bulk': {'state': 'stopped', 'campaign_type': 'voice',
                                            'name_pattern': '^Calls'}}, 1, 0),
    ]
    control.clear_log()
    rc, results, output = ansible.playbook([case[0] for case in cases])
    assert rc == 0, output
    log = control.requests_log()
    assert len(log) == sum(r['api_calls'] for r in results), 'api_calls must count every request sent'
    for (task, calls, writes), result in zip(cases, results):
        assert not result.get('failed'), (task, result.get('msg'))
        assert result['api_calls'] == calls, (task, result['api_calls'], calls)
    assert len([r for r in log if r['write']]) == sum(case[2] for case in cases)


def test_calls_of_contacts_results_waits_and_checks(ansible, sandbox, tmp_path):
    """The request cost each new module states in its ansible-doc, pinned."""
    control = sandbox.control
    leads = control.seed_contact_list(name='Calls Leads', description='l', contacts={'count': 120, 'start': 0})
    dnc = control.seed_contact_list(name='Calls DNC', description='d', contacts={'count': 2, 'start': 0})
    control.seed_contact_list(name='Calls Empty', description='e', contacts=[])
    voice = control.seed_campaign(type='voice', name='Calls Run', status='Ready', contactLists=[leads['name']],
                                  dncLists={'id': dnc['_id'], 'name': dnc['name']})['_id']
    control.set_campaign(voice, status='Active')
    control.finish_dialing(voice)
    src = tmp_path / 'new.csv'
    src.write_text('phoneNumber\n' + ''.join('+1312555%04d\n' % i for i in range(150)))
    same = tmp_path / 'two.csv'
    same.write_text('phoneNumber\n+13125550000\n+13125550001\n')
    cases = [
        # contacts: empty list, wait=false: 1 read + ceil(150/100) adds
        ({'koreai.campaign.contacts': {'contact_list': 'Calls Empty', 'src': str(src), 'wait': False}}, 3, 2),
        # the same file again into the list that now holds 150: 1 read + 3 pages of 50, no write
        ({'koreai.campaign.contacts': {'contact_list': 'Calls Empty', 'src': str(src)}}, 4, 0),
        # two of them into a list of 120 others: 1 read + 3 pages + 1 add + 1 confirming poll
        ({'koreai.campaign.contacts': {'contact_list': 'Calls Leads', 'src': str(same)}}, 6, 1),
        ({'koreai.campaign.contacts_info': {'contact_list': 'Calls DNC'}}, 1, 0),
        ({'koreai.campaign.contacts_info': {'contact_list': 'Calls Leads', 'max_contacts': 60}}, 3, 0),
        # results of 120 contacts by id: 1 GET + 2 pages
        ({'koreai.campaign.campaign_results': {'campaign_id': voice}}, 3, 0),
        # by name: 1 list call + 2 pages
        ({'koreai.campaign.campaign_results': {'name': 'Calls Run'}}, 3, 0),
        # a campaign that has ended: the one list call that finds it
        ({'koreai.campaign.campaign_wait': {'campaign_ids': [voice], 'campaign_type': 'voice'}}, 1, 0),
        ({'koreai.campaign.campaign_wait': {'names': ['Calls Run']}}, 2, 0),
        # the campaign, the contact lists, running campaigns of each type
        ({'koreai.campaign.campaign_preflight': {'campaign_id': voice, 'fail_on_error': False}}, 4, 0),
        ({'koreai.campaign.campaign_preflight': {'name': 'Calls Run', 'fail_on_error': False}}, 5, 0),
    ]
    control.clear_log()
    rc, results, output = ansible.playbook([case[0] for case in cases])
    assert rc == 0, output
    log = control.requests_log()
    assert len(log) == sum(r['api_calls'] for r in results), 'api_calls must count every request sent'
    for (task, calls, writes), result in zip(cases, results):
        assert not result.get('failed'), (task, result.get('msg'))
        assert result['api_calls'] == calls, (task, result['api_calls'], calls)
    assert len([r for r in log if r['write']]) == sum(case[2] for case in cases)


def test_calls_of_bulk_confirmation_and_shared_names(ansible, sandbox):
    """campaign_bulk lists again after its writes; a schedule change reads the other type for its name."""
    control = sandbox.control
    for n in range(3):
        control.seed_campaign(type='voice', name='Confirm %d' % n, status='Active')
    control.seed_campaign(type='sms', name='Confirm Sms', status='Active')
    control.seed_campaign(type='voice', name='Shared Name', status='Ready')
    control.seed_campaign(type='sms', name='shared name', status='Ready')
    cases = [
        # voice list, sms list, 4 stops, the wait's polls (one list per type), the confirming lists (one per type)
        ({'koreai.campaign.campaign_bulk': {'state': 'stopped', 'name_pattern': '^Confirm'}}, 10, 4),
        # nothing to write and one page per type: the first lists only
        ({'koreai.campaign.campaign_bulk': {'state': 'stopped', 'name_pattern': '^Confirm'}}, 2, 0),
        # a name a campaign of the other type shares: both lists, refused before any write
        ({'koreai.campaign.campaign_schedule': {'campaign': 'Shared Name', 'campaign_type': 'voice',
                                                'recurrence': 'daily', 'start': '2026-01-27 18:29:00',
                                                'end': '2099-01-01 00:00:00'}}, 2, 0),
    ]
    control.clear_log()
    rc, results, output = ansible.playbook([case[0] for case in cases])
    log = control.requests_log()
    assert len(log) == sum(r['api_calls'] for r in results), 'api_calls must count every request sent'
    for (task, calls, writes), result in zip(cases, results):
        assert result['api_calls'] == calls, (task, result['api_calls'], calls, result.get('msg'))
    assert not results[0].get('failed') and not results[1].get('failed') and results[2]['failed']
    assert len([r for r in log if r['write']]) == sum(case[2] for case in cases)


def test_calls_of_export_and_clone(ansible, sandbox):
    """The request cost campaign_info's export and campaign_clone state in their ansible-doc, pinned."""
    control = sandbox.control
    voice = len(control.campaigns(type='voice'))
    sms = len(control.campaigns(type='sms'))
    lists = len(control.contact_lists())
    assert (voice, sms, lists) == (6, 3, 12), 'the default seed this test counts on'
    # The seed's caller ids are masked (+181633xxxxx); a clone is created with an E.164 one.
    clone = {'source': 'Service Renewal Outreach Campaign61', 'name': 'Calls Clone', 'campaign_type': 'voice',
             'caller_id': '+18163300000'}
    cases = [
        # 2 list calls (one per type) + 1 GET per campaign + 1 list call of the lists + 1 GET per list
        ({'koreai.campaign.campaign_info': {'export': True}}, 2 + 9 + 1 + 12, 0),
        # a filtered export: 1 list call, 1 GET, the lists call, a GET of each list it uses (1 list + 1 DNC list)
        ({'koreai.campaign.campaign_info': {'export': True, 'campaign_type': 'voice',
                                            'name': 'Service Renewal Outreach Campaign61'}}, 1 + 1 + 1 + 2, 0),
        # clone: 1 list call, 1 GET of the source, 1 create
        ({'koreai.campaign.campaign_clone': dict(clone, wait=False)}, 3, 1),
        # the rerun: the same reads, no write
        ({'koreai.campaign.campaign_clone': clone}, 2, 0),
        # with the wait: + status polls while Preparing (Ready after 2 reads: 3 polls)
        ({'koreai.campaign.campaign_clone': dict(clone, name='Calls Clone Two')}, 6, 1),
    ]
    control.clear_log()
    rc, results, output = ansible.playbook([case[0] for case in cases])
    assert rc == 0, output
    log = control.requests_log()
    assert len(log) == sum(r['api_calls'] for r in results), 'api_calls must count every request sent'
    for (task, calls, writes), result in zip(cases, results):
        assert not result.get('failed'), (task, result.get('msg'))
        assert result['api_calls'] == calls, (task, result['api_calls'], calls)
    assert len([r for r in log if r['write']]) == sum(case[2] for case in cases)
