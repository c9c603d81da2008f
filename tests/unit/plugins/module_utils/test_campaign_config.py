# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Campaign configuration: option validation, API body, read-back normalisation and planning."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest
from hypothesis import given, strategies as st

from ansible_collections.koreai.campaign.plugins.module_utils import campaign_config as cc
from ansible_collections.koreai.campaign.plugins.module_utils import lifecycle as lc
from ansible_collections.koreai.campaign.plugins.module_utils.validate import ValidationError

HOURS = {'frequency': 'weekly', 'timezone': 'Asia/Kolkata',
         'days': [{'day': 'tue', 'start': '09:00', 'end': '18:00'}, {'day': 'MO', 'start': '9:00 AM', 'end': '6:00 PM'}]}
VOICE = dict(description='Renewals', contact_lists=['CL Only 2020 Dec 4'], dnc_list='DNC CL Dec 4', priority=5,
             caller_id='+18163300000', calling_hours=HOURS, dialing_mode='progressive', queue='Default Queue',
             dialing_order='fifo', max_attempts=3, retry_period=10, ring_time=30)
SMS = dict(description='Texts', contact_lists=['Renewal Due - May/June 2025'], priority=2, caller_id='+919876543210',
           calling_hours=HOURS, format='simple', text='Message for your targeted customer')

# The delete-voice-campaign-v2 page's object, as the API shows it.
API_VOICE = {
    '_id': 'cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx', 'id': 'cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx',
    'name': 'Service Renewal Outreach Campaign61', 'description': 'Renewals',
    'dncLists': {'id': 'cl-68b802a-2b99-4245-8eea-6d322a8xxxxx', 'name': 'DNC CL Dec 4'}, 'priority': '5',
    'dialingMode': 'Progressive',
    'dialingStrategy': {'callerId': {'phoneNumber': '+18163300000'},
                        'callingHours': {'frequency': 'WEEKLY', 'timezone': 'Asia/Kolkata', 'days': [
                            {'start': '9:00 AM', 'end': '6:00 PM', 'day': 'MO'},
                            {'start': '9:00 AM', 'end': '6:00 PM', 'day': 'TU'}]},
                        'dialingOrder': 'FIFO', 'maxAttemptsPerRecord': 3, 'defaultRetryPeriod': 10, 'maxRingTime': 30},
    'status': 'Ready', 'contactLists': ['CL Only 2020 Dec 4'], 'schedule': {'isSchedulingEnabled': False},
}


def test_voice_spec_normalises():
    spec = cc.campaign_spec('voice', VOICE)
    assert spec['calling_hours']['days'] == [{'day': 'MO', 'start': '9:00 AM', 'end': '6:00 PM'},
                                             {'day': 'TU', 'start': '9:00 AM', 'end': '6:00 PM'}]
    assert spec['dialing_order'] == 'FIFO' and spec['priority'] == 5


def test_read_back_of_the_documented_object_matches():
    current = cc.spec_from_campaign(API_VOICE, 'voice')
    changed, unreadable = cc.changed_fields(current, cc.campaign_spec('voice', VOICE))
    assert changed == [] and unreadable == ['queue']


def test_voice_body_matches_the_documented_shape():
    body = cc.body_from_spec('voice', 'Renewals', cc.campaign_spec('voice', VOICE))
    assert body['priority'] == '5' and body['dialingMode'] == 'Progressive' and body['queue_name'] == 'Default Queue'
    assert body['dncLists'] == {'name': 'DNC CL Dec 4'} and body['campaignType'] == 'voice'
    assert body['dialingStrategy']['callingHours']['days'][0] == {'day': 'MO', 'start': '9:00 AM', 'end': '6:00 PM'}
    assert body['schedule'] == {'isSchedulingEnabled': False}
    assert 'experienceFlowName' not in body and 'maxSkips' not in body


def test_sms_message_is_base64_as_in_the_docs():
    body = cc.body_from_spec('sms', 'Texts', cc.campaign_spec('sms', SMS))
    assert body['message'] == {'message': 'TWVzc2FnZSBmb3IgeW91ciB0YXJnZXRlZCBjdXN0b21lcg=='}
    assert 'dialingOrder' not in body['dialingStrategy'] and 'dialingMode' not in body


@pytest.mark.parametrize('value', ['TWVzc2FnZSBmb3IgeW91ciB0YXJnZXRlZCBjdXN0b21lcg==',
                                   'TWVzc2FnZSBmb3IgeW91ciB0YXJnZXRlZCBjdXN0b21lcg%3D%3D',
                                   'Message for your targeted customer'])
def test_message_read_back_in_every_documented_form(value):
    assert cc.decode_message(value) == 'Message for your targeted customer'


@given(st.text(min_size=1, max_size=300))
def test_any_message_round_trips(text):
    assert cc.decode_message(cc.encode_message(text)) == text


@pytest.mark.parametrize('value,expected', [('9:00 AM', '9:00 AM'), ('09:00', '9:00 AM'), ('17:30', '5:30 PM'),
                                            ('12:00 PM', '12:00 PM'), ('12:15 am', '12:15 AM'), ('0:05', '12:05 AM')])
def test_times(value, expected):
    assert cc.normalize_time(value, 't')[0] == expected


BAD = [
    ('voice', dict(priority=0), 'priority=0 must be a whole number from 1 to 5'),
    ('voice', dict(priority=6), 'from 1 to 5'),
    ('voice', dict(description='x' * 257), 'at most 256'),
    ('voice', dict(contact_lists=[]), 'at least one contact list'),
    ('voice', dict(caller_id='18163300000'), 'E.164'),
    ('voice', dict(max_attempts=101), 'max_attempts=101 must be a whole number from 1 to 100'),
    ('voice', dict(retry_period=0), 'from 1 to 1440 minutes'),
    ('voice', dict(ring_time=4), 'from 5 to 120 seconds'),
    ('voice', dict(ring_time=121), 'from 5 to 120 seconds'),
    ('voice', dict(calling_hours=dict(HOURS, timezone='India Time')), 'IANA time zone'),
    ('voice', dict(calling_hours=dict(HOURS, days=[])), 'at least one entry'),
    ('voice', dict(calling_hours=dict(HOURS, days=[{'day': 'funday', 'start': '9:00', 'end': '10:00'}])),
     "'funday' is not a day"),
    ('voice', dict(calling_hours=dict(HOURS, days=[{'day': 'mo', 'start': '25:00', 'end': '26:00'}])),
     'not a valid time of day'),
    ('voice', dict(calling_hours=dict(HOURS, days=[{'day': 'mo', 'start': 'nine', 'end': '10:00'}])), 'is not a time'),
    ('voice', dict(calling_hours=dict(HOURS, days=[{'day': 'mo', 'start': '6:00 PM', 'end': '9:00 AM'}])),
     'must be later than start'),
    ('voice', dict(calling_hours=dict(HOURS, frequency='hourly')), 'weekly, daily or custom'),
    ('voice', dict(experience_flow='Flow'), 'experience_flow applies only to dialing_mode=agentless'),
    ('voice', dict(dialing_mode='agentless', queue='Q'), 'queue applies only to dialing_mode=progressive or preview'),
    ('voice', dict(max_skips=2), 'max_skips applies only to dialing_mode=preview'),
    ('sms', dict(format='advanced', text='hi'), 'format=advanced sends an experience flow'),
    ('sms', dict(format='simple', experience_flow='Flow'), 'experience_flow applies only to format=advanced'),
]


@pytest.mark.parametrize('campaign_type,override,message', BAD)
def test_every_documented_constraint(campaign_type, override, message):
    options = dict(VOICE if campaign_type == 'voice' else SMS)
    options.update(override)
    with pytest.raises(ValidationError) as info:
        cc.campaign_spec(campaign_type, options)
    assert message in str(info.value)


@pytest.mark.parametrize('campaign_type,remove,message', [
    ('voice', 'dnc_list', 'dnc_list'),
    ('voice', 'queue', 'queue (dialing_mode=progressive)'),
    ('voice', 'caller_id', 'caller_id'),
    ('sms', 'text', 'text (format=simple)'),
    ('sms', 'format', 'format'),
])
def test_create_needs_a_complete_configuration(campaign_type, remove, message):
    options = dict(VOICE if campaign_type == 'voice' else SMS)
    del options[remove]
    with pytest.raises(ValidationError) as info:
        lc.plan_present(None, campaign_type, cc.campaign_spec(campaign_type, options))
    assert message in str(info.value)


def test_plan_create():
    plan, full = lc.plan_present(None, 'voice', cc.campaign_spec('voice', VOICE))
    assert plan.actions == [lc.CREATE] and plan.diff['before'] == {} and full['queue'] == 'Default Queue'


def test_plan_no_op_warns_about_what_cannot_be_compared():
    plan, full = lc.plan_present(dict(API_VOICE), 'voice', cc.campaign_spec('voice', VOICE))
    assert not plan.changed and full is None and 'queue' in plan.warnings[0]


def test_plan_update_of_one_field_diffs_only_it():
    plan, full = lc.plan_present(dict(API_VOICE), 'voice', cc.campaign_spec('voice', dict(VOICE, ring_time=45)))
    assert plan.actions == [lc.UPDATE]
    assert plan.diff == {'before': {'ring_time': 30}, 'after': {'ring_time': 45}}
    assert full['ring_time'] == 45 and full['caller_id'] == '+18163300000'


def test_plan_update_with_only_the_changed_option_given_keeps_the_rest():
    plan, full = lc.plan_present(dict(API_VOICE), 'voice', {'priority': 3, 'queue': 'Default Queue'})
    assert plan.diff == {'before': {'priority': 5}, 'after': {'priority': 3}}
    body = cc.body_from_spec('voice', API_VOICE['name'], full)
    assert body['priority'] == '3' and body['dncLists'] == {'name': 'DNC CL Dec 4'}


def test_plan_update_that_needs_an_unreadable_option_says_so():
    with pytest.raises(ValidationError) as info:
        lc.plan_present(dict(API_VOICE), 'voice', {'priority': 3})
    assert 'queue (dialing_mode=progressive)' in str(info.value)


def test_plan_update_of_an_active_campaign_needs_force():
    active = dict(API_VOICE, status='Active')
    with pytest.raises(lc.PlanError) as info:
        lc.plan_present(active, 'voice', cc.campaign_spec('voice', dict(VOICE, ring_time=45)))
    assert 'force=true' in str(info.value)
    plan, dummy = lc.plan_present(active, 'voice', cc.campaign_spec('voice', dict(VOICE, ring_time=45)), force=True)
    assert plan.actions == [lc.STOP, lc.UPDATE, lc.START]


def test_contact_list_plans():
    used = {'id': 'cl-1', 'name': 'DNC', 'description': 'd', 'allowDuplicates': False,
            'campaignInUse': [{'id': 'cd-1', 'name': 'Renewals'}]}
    with pytest.raises(lc.PlanError) as info:
        lc.plan_contact_list(used, 'absent')
    assert 'Renewals' in str(info.value)
    assert lc.plan_contact_list(used, 'absent', force=True).actions == [lc.DELETE]
    assert not lc.plan_contact_list(used, 'present', description='d').changed
    plan = lc.plan_contact_list(used, 'present', description='new', allow_duplicates=False)
    assert plan.diff == {'before': {'description': 'd'}, 'after': {'description': 'new'}}
    assert lc.plan_contact_list(None, 'present', description='x').actions == [lc.CREATE]
    with pytest.raises(lc.PlanError) as info:
        lc.plan_contact_list(used, 'present', allow_duplicates=True)
    assert 'delete and re-create' in str(info.value)
    with pytest.raises(lc.PlanError):
        lc.plan_contact_list(None, 'present')
