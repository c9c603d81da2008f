# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The tenant as code (campaign_export.py), no I/O: API objects -> the options state=present takes, what the API
does not show back named in notes, stable ordering, and the round trip through campaign_config."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import copy

from ansible_collections.koreai.campaign.plugins.module_utils import campaign_config as cc
from ansible_collections.koreai.campaign.plugins.module_utils import campaign_export as ce

from ..helpers import API_VOICE

LISTED = {'connection': 'Default Queue'}
AGENTLESS = dict(copy.deepcopy(API_VOICE), _id='cd-2', id='cd-2', name='Survey', dialingMode='Agentless',
                 experienceFlow='cf-9', enableMachineDetect=False)
SMS = {'_id': 'cd-s', 'id': 'cd-s', 'name': 'Texts', 'description': 'Reminders', 'priority': '2', 'format': 'simple',
       'message': {'message': 'TWVzc2FnZSBmb3IgeW91ciB0YXJnZXRlZCBjdXN0b21lcg%3D%3D', 'template_name': 'reminder',
                   'templateId': 'cmt-1'},
       'dialingStrategy': API_VOICE['dialingStrategy'], 'contactLists': ['B', 'A'], 'status': 'Active',
       'schedule': {'isSchedulingEnabled': False}}


def test_voice_options_are_exactly_what_state_present_takes():
    options, notes = ce.campaign_options(API_VOICE, 'voice', LISTED)
    assert notes == []
    assert options == {
        'name': 'Service Renewal Outreach Campaign61', 'description': 'Renewals', 'contact_lists': ['CL Only 2020 Dec 4'],
        'dnc_list': 'DNC CL Dec 4', 'priority': 5, 'dialing_mode': 'progressive', 'queue': 'Default Queue',
        'caller_id': '+18163300000', 'dialing_order': 'fifo', 'max_attempts': 3, 'retry_period': 10, 'ring_time': 30,
        'calling_hours': {'frequency': 'weekly', 'timezone': 'Asia/Kolkata',
                          'days': [{'day': 'mon', 'start': '9:00 AM', 'end': '6:00 PM'},
                                   {'day': 'tue', 'start': '9:00 AM', 'end': '6:00 PM'}]}}


def test_exported_options_compare_equal_with_the_campaign_so_applying_them_writes_nothing():
    for campaign, campaign_type, listed in ((API_VOICE, 'voice', LISTED), (SMS, 'sms', None),
                                            (AGENTLESS, 'voice', {'connection': 'Survey Flow'})):
        options, dummy = ce.campaign_options(campaign, campaign_type, listed)
        desired = cc.campaign_spec(campaign_type, options)
        changed, dummy = cc.changed_fields(cc.spec_from_campaign(campaign, campaign_type), desired)
        assert changed == [], (campaign['name'], changed)
        cc.check_complete(campaign_type, desired)  # and they are enough to create it elsewhere


def test_sms_text_is_decoded_and_lists_sorted():
    options, notes = ce.campaign_options(SMS, 'sms')
    assert options['text'] == 'Message for your targeted customer' and options['template_name'] == 'reminder'
    assert options['contact_lists'] == ['A', 'B'] and 'templateId' not in str(options) and notes == []


def test_what_the_api_does_not_show_is_named_never_guessed():
    detecting = dict(AGENTLESS, enableMachineDetect=True, schedule={'isSchedulingEnabled': True})
    options, notes = ce.campaign_options(detecting, 'voice', None)
    assert 'experience_flow' not in options and 'machine_detection' not in options
    assert [n.split(':')[0] for n in notes] == ['experience_flow', 'machine_detection', 'schedule']
    assert 'cf-9' in notes[0]
    options, notes = ce.campaign_options(API_VOICE, 'voice', None)
    assert 'queue' not in options and notes[0].startswith('queue:')
    advanced = dict(SMS, format='advanced', experienceFlow='cf-3', message=None)
    options, notes = ce.campaign_options(advanced, 'sms')
    assert 'experience_flow' not in options and 'cf-3' in notes[0]


def test_the_flow_name_of_an_agentless_campaign_comes_from_the_list_entry():
    options, notes = ce.campaign_options(AGENTLESS, 'voice', {'connection': 'Survey Flow'})
    assert options['experience_flow'] == 'Survey Flow' and notes == []


def test_unreadable_calling_hours_are_named():
    odd = copy.deepcopy(API_VOICE)
    odd['dialingStrategy']['callingHours']['days'] = [{'day': 'XX', 'start': 'noon', 'end': 'later'}]
    options, notes = ce.campaign_options(odd, 'voice', LISTED)
    assert 'calling_hours' not in options and notes[0].startswith('calling_hours:')


def test_contact_list_options_and_notes():
    options, notes = ce.contact_list_options({'name': 'DNC', 'description': 'Never', 'allowDuplicates': False,
                                              'source': 'passiveApi', 'totalRecordCount': 5})
    assert options == {'name': 'DNC', 'description': 'Never', 'allow_duplicates': False} and notes == []
    options, notes = ce.contact_list_options({'name': 'G', 'isGlobalDNC': True, 'source': 'localDrive'})
    assert options == {'name': 'G'} and len(notes) == 2 and 'Global DNC' in notes[0] and 'localDrive' in notes[1]


def test_build_export_is_sorted_and_has_run_state_only_when_asked():
    campaigns = [dict(SMS, type='sms'), dict(API_VOICE, name='b voice', type='voice'),
                 dict(AGENTLESS, name='A voice', type='voice')]
    lists = [{'id': 'cl-2', 'name': 'b', 'description': 'x'}, {'id': 'cl-1', 'name': 'A', 'description': 'y'}]
    export = ce.build_export(campaigns, lists, listed={'cd-2': {'connection': 'Flow'}})
    assert [c['name'] for c in export['voice_campaigns']] == ['A voice', 'b voice']
    assert [c['name'] for c in export['contact_lists']] == ['A', 'b']
    assert export['format'] == 1 and 'observed' not in export
    assert export['unexported'] == {'voice_campaigns': {'b voice': [
        'queue: the API does not show the agent queue of this campaign; add queue before creating it elsewhere']}}
    assert ce.build_export(list(reversed(campaigns)), list(reversed(lists)), listed={'cd-2': {'connection': 'Flow'}}) \
        == export, 'the same tenant gives the same export, whatever order the API answered in'
    observed = ce.build_export(campaigns, lists, run_state=True)['observed']
    assert observed['sms_campaigns']['Texts'] == {'id': 'cd-s', 'status': 'Active', 'schedule_enabled': False,
                                                  'recurrence_enabled': False}
    assert observed['voice_campaigns']['b voice']['dnc_list_id'] == 'cl-68b802a-2b99-4245-8eea-6d322a8xxxxx'
    assert observed['contact_lists']['A'] == {'id': 'cl-1', 'total_record_count': None}


def test_used_list_names():
    assert ce.used_list_names([API_VOICE, SMS]) == {'CL Only 2020 Dec 4', 'DNC CL Dec 4', 'A', 'B'}
