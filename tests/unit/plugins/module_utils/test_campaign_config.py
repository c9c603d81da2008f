# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Campaign configuration (campaign_config.py): option validation, the API body and read-back normalisation."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest
from hypothesis import given, strategies as st

from ansible_collections.koreai.campaign.plugins.module_utils import campaign_config as cc
from ansible_collections.koreai.campaign.plugins.module_utils.errors import ValidationError

from ..helpers import API_VOICE, HOURS, SMS_OPTIONS as SMS, VOICE_OPTIONS as VOICE


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
    ('voice', dict(caller_id='+1 816 330 0000'), 'E.164'),
    ('voice', dict(caller_id='+0816330000'), 'E.164'),
    ('voice', dict(caller_id=''), 'SIP number'),
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


@pytest.mark.parametrize('day,code', [('thurs', 'TH'), ('Tues', 'TU'), ('tu', 'TU'), ('Monday.', 'MO'), ('Thu', 'TH'),
                                      ('wednesday', 'WE'), ('fri.', 'FR'), ('SA', 'SA'), ('sun', 'SU')])
def test_calling_hours_days_accept_the_schedule_spellings(day, code):
    options = dict(VOICE, calling_hours=dict(HOURS, days=[{'day': day, 'start': '9:00', 'end': '17:00'}]))
    assert cc.campaign_spec('voice', options)['calling_hours']['days'] == [{'day': code, 'start': '9:00 AM',
                                                                           'end': '5:00 PM'}]


def test_calling_hours_days_in_every_spelling_are_sorted_by_week():
    days = [{'day': d, 'start': '9:00', 'end': '17:00'} for d in ('thurs', 'Tues', 'Monday.', 'tu')]
    spec = cc.campaign_spec('voice', dict(VOICE, calling_hours=dict(HOURS, days=days)))
    assert [d['day'] for d in spec['calling_hours']['days']] == ['MO', 'TU', 'TU', 'TH']


def test_calling_hours_read_back_in_other_spellings_still_match():
    campaign = dict(API_VOICE)
    campaign['dialingStrategy'] = dict(API_VOICE['dialingStrategy'], callingHours={
        'frequency': 'weekly', 'timezone': 'Asia/Kolkata',
        'days': [{'day': 'Tues', 'start': '09:00', 'end': '18:00'}, {'day': 'Monday', 'start': '9:00 AM', 'end': '6:00 PM'}]})
    changed, dummy = cc.changed_fields(cc.spec_from_campaign(campaign, 'voice'), cc.campaign_spec('voice', VOICE))
    assert changed == []


def test_unreadable_calling_hours_read_back_compare_unequal():
    campaign = dict(API_VOICE)
    hours = {'frequency': 'WEEKLY', 'timezone': 'Asia/Kolkata', 'days': [{'day': 'XX', 'start': '9:00 AM', 'end': '6:00 PM'}]}
    campaign['dialingStrategy'] = dict(API_VOICE['dialingStrategy'], callingHours=hours)
    current = cc.spec_from_campaign(campaign, 'voice')
    assert current['calling_hours'] == hours
    assert cc.changed_fields(current, cc.campaign_spec('voice', VOICE))[0] == ['calling_hours']


@pytest.mark.parametrize('hours,message', [
    ('weekly', 'calling_hours must be a dictionary'),
    (dict(HOURS, start='9:00'), 'unknown keys start'),
    (dict(HOURS, days=[{'day': 'mo', 'start': '9:00'}]), 'calling_hours.days[0] must have exactly day, start and end'),
    (dict(HOURS, days=[{'day': 'mo', 'start': '9:00', 'end': '9:60'}]), 'not a valid time of day'),
    (dict(HOURS, days=[{'day': 'mo', 'start': '13:00 PM', 'end': '14:00'}]), 'not a valid time of day'),
])
def test_calling_hours_shapes(hours, message):
    with pytest.raises(ValidationError) as info:
        cc.campaign_spec('voice', dict(VOICE, calling_hours=hours))
    assert message in str(info.value)


@pytest.mark.parametrize('value', [True, 3.0, '3'])
def test_numbers_must_be_whole_numbers(value):
    with pytest.raises(ValidationError) as info:
        cc.campaign_spec('voice', dict(VOICE, max_attempts=value))
    assert 'max_attempts=' in str(info.value)


def test_contact_lists_are_a_sorted_set():
    spec = cc.campaign_spec('voice', dict(VOICE, contact_lists=['b', 'a', 'b', ' ']))
    assert spec['contact_lists'] == ['a', 'b']


def test_only_the_given_options_are_in_the_spec():
    assert cc.campaign_spec('voice', {'priority': 2}) == {'priority': 2}
    assert cc.campaign_spec('sms', {}) == {}


AGENTLESS = dict(VOICE, dialing_mode='agentless', experience_flow='Feedback Flow', machine_detection='detect')
del AGENTLESS['queue']
PREVIEW = dict(VOICE, dialing_mode='preview', max_skips=2)


def test_agentless_body():
    body = cc.body_from_spec('voice', 'Feedback', cc.campaign_spec('voice', AGENTLESS))
    assert body['dialingMode'] == 'Agentless' and body['experienceFlowName'] == 'Feedback Flow'
    assert body['enableMachineDetect'] == 'detect' and 'queue_name' not in body


def test_preview_body():
    body = cc.body_from_spec('voice', 'Preview', cc.campaign_spec('voice', PREVIEW))
    assert body['dialingMode'] == 'Preview' and body['maxSkips'] == 2 and body['queue_name'] == 'Default Queue'


def test_voice_defaults_in_the_body():
    defaulted = ('dialing_order', 'max_attempts', 'retry_period', 'ring_time', 'priority')
    options = dict((k, v) for k, v in VOICE.items() if k not in defaulted)
    body = cc.body_from_spec('voice', 'Renewals', cc.campaign_spec('voice', options))
    strategy = body['dialingStrategy']
    assert (strategy['dialingOrder'], strategy['maxAttemptsPerRecord'], strategy['defaultRetryPeriod'],
            strategy['maxRingTime'], body['priority']) == ('FIFO', 3, 10, 30, '5')


def test_advanced_sms_body_and_template():
    advanced = dict(SMS, format='advanced', experience_flow='SMS Flow')
    del advanced['text']
    body = cc.body_from_spec('sms', 'Texts', cc.campaign_spec('sms', advanced))
    assert body['format'] == 'advanced' and body['experienceFlowName'] == 'SMS Flow' and 'message' not in body
    body = cc.body_from_spec('sms', 'Texts', cc.campaign_spec('sms', dict(SMS, template_name='promo')))
    assert body['message']['template_name'] == 'promo'


@pytest.mark.parametrize('campaign_type,options,message', [
    ('voice', dict(AGENTLESS, experience_flow=None), 'experience_flow (dialing_mode=agentless)'),
    ('voice', dict(PREVIEW, max_skips=None), 'max_skips (dialing_mode=preview)'),
    ('sms', dict(SMS, format='advanced', text=None), 'experience_flow (format=advanced)'),
])
def test_complete_configurations_by_mode(campaign_type, options, message):
    with pytest.raises(ValidationError) as info:
        cc.check_complete(campaign_type, cc.campaign_spec(campaign_type, options))
    assert message in str(info.value)


def test_missing_options_are_named_at_once():
    with pytest.raises(ValidationError) as info:
        cc.check_complete('voice', {'description': 'x'})
    assert str(info.value) == ('state=present needs contact_lists, dnc_list, caller_id, calling_hours, dialing_mode to '
                               'create or rewrite the campaign')


def test_sms_read_back_matches_what_was_sent():
    spec = cc.campaign_spec('sms', dict(SMS, template_name='promo'))
    body = cc.body_from_spec('sms', 'Texts', spec)
    current = cc.spec_from_campaign(dict(body, _id='cd-s', status='Ready'), 'sms')
    assert cc.changed_fields(current, spec) == ([], [])


def test_voice_read_back_of_the_written_body_matches_except_the_unreadable():
    for options in (VOICE, AGENTLESS, PREVIEW):
        spec = cc.campaign_spec('voice', options)
        body = cc.body_from_spec('voice', 'Renewals', spec)
        changed, dummy = cc.changed_fields(cc.spec_from_campaign(body, 'voice'), spec)
        assert changed == [], options


def test_decode_message_leaves_non_text_alone():
    assert cc.decode_message(None) is None and cc.decode_message({'a': 1}) == {'a': 1}
    assert cc.decode_message('abc') == 'abc'  # not Base64 of itself


@pytest.mark.parametrize('caller_id', ['+18163300000', '18163300000', 'sip:renewals@sip.example.com', '4420'])
def test_pre_registered_sip_numbers_are_caller_ids(caller_id):
    """Kore.ai accepts pre-registered SIP numbers as caller ids in every dialing mode (API notes 8.1)."""
    assert cc.check_caller_id(caller_id) == caller_id
