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
        ({'koreai.campaign.campaign_schedule': {'campaign': 'Calls Schedule', 'campaign_type': 'sms',
                                                'recurrence': 'daily', 'start': '2026-01-27 18:29:00',
                                                'end': '2099-01-01 00:00:00'}}, 2, 1),
        ({'koreai.campaign.campaign_schedule': {'campaign': 'Calls Schedule', 'state': 'disabled'}}, 3, 1),
        # the two started above are running: one list call, two stops
        ({'koreai.campaign.campaign_bulk': {'state': 'stopped', 'campaign_type': 'voice',
                                            'name_pattern': '^Calls', 'wait': False}}, 3, 2),
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
