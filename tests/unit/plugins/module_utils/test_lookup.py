# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Finding what a task names (lookup.py): campaigns by id or name, the whole object behind a list entry, contact lists."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import lookup
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiError, NotFound

from ..helpers import listing, voice

SMS_VOICE_NAME = {'_id': 'cd-s2', 'name': 'SERVICE renewal outreach CAMPAIGN61', 'lname': None, 'format': 'advanced',
                  'status': 'Stopped'}
VOICE_LISTED = {'_id': 'cd-a1', 'name': 'Service Renewal Outreach Campaign61',
                'lname': 'service renewal outreach campaign61', 'dialingMode': 'Progressive', 'status': 'Ready'}


def test_resolve_by_name_ambiguous(client, adapter):
    adapter.add(body=listing(voice('Ready')))
    adapter.add(body=listing({'id': 'cd-2', 'name': 'RENEWALS', 'format': 'simple'}))
    with pytest.raises(KoreaiError) as info:
        lookup.campaign_by_name(client, 'renewals', ['voice', 'sms'])
    assert 'cd-1 voice' in str(info.value) and 'cd-2 SMS' in str(info.value)


def test_find_by_name_compares_lower_cased_across_types(client, adapter):
    """Names compare lower-cased (lname, or the name when lname is missing) across every type listed, in order."""
    adapter.add(body=listing(VOICE_LISTED))
    adapter.add(body=listing(SMS_VOICE_NAME))
    with pytest.raises(KoreaiError) as info:
        lookup.campaign_by_name(client, 'Service Renewal Outreach campaign61', ['voice', 'sms'])
    assert "matches 2 campaigns (cd-a1 voice 'Service Renewal Outreach Campaign61', cd-s2 SMS " \
        "'SERVICE renewal outreach CAMPAIGN61')" in str(info.value)
    assert 'use campaign_id' in str(info.value)
    assert [r.body['type'] for r in adapter.requests] == ['voice', 'sms']


def test_by_name_finds_the_one_match(client, adapter):
    adapter.add(body=listing(VOICE_LISTED, voice('Ready')))
    adapter.add(body=listing(SMS_VOICE_NAME))
    found = lookup.campaign_by_name(client, 'RENEWALS', ['voice', 'sms'])
    assert found['id'] == 'cd-1' and found['type'] == 'voice'


def test_resolve_by_name_suggests_close_matches(client, adapter):
    adapter.add(body=listing(voice('Ready')))
    missing = lookup.campaign_by_name(client, 'Renewal', ['voice'])
    assert not missing
    assert "did you mean 'Renewals'" in str(missing.error())


def test_close_matches_come_from_every_type_and_at_most_three(client, adapter):
    adapter.add(body=listing(*[voice('Ready', _id='cd-%d' % n, id='cd-%d' % n, name='Renewals %d' % n, lname=None)
                               for n in range(5)]))
    adapter.add(body=listing({'id': 'cd-s', 'name': 'Renewals X', 'format': 'simple'}))
    missing = lookup.campaign_by_name(client, 'Renewals', ['voice', 'sms'])
    message = str(missing.error())
    assert message.startswith("no voice or SMS campaign is named 'Renewals'; did you mean ")
    assert message.count("'Renewals ") == 3


def test_nothing_close_says_only_what_is_missing(client, adapter):
    adapter.add(body=listing(voice('Ready')))
    missing = lookup.campaign_by_name(client, 'Flash Sale', ['voice'])
    assert missing.message == "no voice campaign is named 'Flash Sale'"
    assert isinstance(missing.error(), NotFound)


def test_missing_is_falsy():
    assert not lookup.Missing('x') and lookup.Missing('x').error().args == ('x',)
    assert lookup.CampaignNotFound is NotFound


def test_resolve_by_id_wrong_type(client, adapter):
    adapter.add(body={'data': {'_id': 'cd-2', 'name': 'Texts', 'format': 'simple', 'message': {}}})
    with pytest.raises(KoreaiError) as info:
        lookup.resolve_campaign(client, 'voice', campaign_id='cd-2')
    assert 'koreai.campaign.sms_campaign' in str(info.value)


def test_resolve_by_name_wrong_type_names_the_module(client, adapter):
    adapter.add(body=listing({'_id': 'cd-2', 'name': 'Texts', 'campaignType': 'sms'}))
    with pytest.raises(KoreaiError) as info:
        lookup.resolve_campaign(client, 'voice', name='Texts')
    assert str(info.value) == "campaign 'Texts' (cd-2) is an SMS campaign; manage it with koreai.campaign.sms_campaign"


def test_resolve_by_id_missing(client, adapter):
    adapter.add(404, {'errors': [{'msg': 'Campaign not found', 'code': 404}]})
    missing = lookup.resolve_campaign(client, 'voice', campaign_id='cd-404')
    assert not missing and len(adapter.requests) == 1
    adapter.add(body=listing()).add(body=listing())
    assert str(missing.error()) == 'no voice campaign has id cd-404 (the API answered 404)'


def test_a_name_given_as_campaign_id_says_to_write_name(client, adapter):
    """The id lookup answers 404; only when the failure is reported are the names listed, for the hint."""
    adapter.add(404, {'errors': [{'msg': 'Campaign not found', 'code': 404}]})
    missing = lookup.resolve_campaign(client, 'voice', campaign_id='service renewal outreach campaign61')
    adapter.add(body=listing(VOICE_LISTED)).add(body=listing())
    assert str(missing.error()) == (
        "no voice campaign has id service renewal outreach campaign61 (the API answered 404); "
        "campaign_id='service renewal outreach campaign61' is the name of a voice campaign, whose id is cd-a1: "
        "write name='Service Renewal Outreach Campaign61' or campaign_id=cd-a1")


def test_an_sms_name_given_as_voice_campaign_id_names_the_module(client, adapter):
    adapter.add(404, {'errors': [{'msg': 'Campaign not found', 'code': 404}]})
    missing = lookup.resolve_campaign(client, 'voice', campaign_id='Texts')
    adapter.add(body=listing()).add(body=listing({'_id': 'cd-2', 'name': 'Texts', 'format': 'simple'}))
    assert str(missing.error()).endswith(
        "campaign_id='Texts' is the name of an SMS campaign, whose id is cd-2: write name='Texts' or "
        "campaign_id=cd-2, with koreai.campaign.sms_campaign")


def test_an_sms_campaign_name_given_to_voice_names_the_module(client, adapter):
    """By name, the voice list misses; reporting it lists the SMS campaigns (one call) for the hint."""
    adapter.add(body=listing(VOICE_LISTED))
    missing = lookup.resolve_campaign(client, 'voice', name='Texts')
    assert not missing and len(adapter.requests) == 1
    adapter.add(body=listing({'_id': 'cd-2', 'name': 'Texts', 'format': 'simple'}))
    assert str(missing.error()) == ("no voice campaign is named 'Texts'; 'Texts' is an SMS campaign (cd-2); "
                                    "manage it with koreai.campaign.sms_campaign")
    assert [r.body['type'] for r in adapter.requests] == ['voice', 'sms']


def test_a_voice_campaign_name_given_to_sms_names_the_module(client, adapter):
    adapter.add(body=listing())
    missing = lookup.resolve_campaign(client, 'sms', name='service renewal outreach campaign61')
    adapter.add(body=listing(VOICE_LISTED))
    assert str(missing.error()).endswith("'Service Renewal Outreach Campaign61' is a voice campaign (cd-a1); "
                                         "manage it with koreai.campaign.voice_campaign")


def test_a_failing_hint_keeps_the_lookup_message(client, adapter):
    adapter.add(body=listing())
    missing = lookup.resolve_campaign(client, 'voice', name='Texts')
    adapter.add(401, {'errors': [{'msg': 'Unauthorized', 'code': 401}]})
    assert str(missing.error()) == "no voice campaign is named 'Texts'"


def test_type_article():
    assert lookup.type_article('sms') == 'an SMS' and lookup.type_article('voice') == 'a voice'


def test_resolve_by_id_is_one_get_with_or_without_full(client, adapter):
    for full in (False, True):
        adapter.add(body={'data': dict(voice('Ready'), description='full')})
        found = lookup.resolve_campaign(client, 'voice', campaign_id='cd-1', full=full)
        assert found['description'] == 'full' and found['type'] == 'voice'
    assert [r.method for r in adapter.requests] == ['GET', 'GET']


def test_resolve_by_name_is_the_list_call(client, adapter):
    adapter.add(body=listing({'_id': 'cd-1', 'name': 'Renewals', 'status': 'Ready'}))
    found = lookup.resolve_campaign(client, 'voice', name='renewals')
    assert found['id'] == 'cd-1' and found['type'] == 'voice' and 'description' not in found
    assert [r.method for r in adapter.requests] == ['POST']


def test_resolve_by_name_full_costs_one_get(client, adapter):
    adapter.add(body=listing({'_id': 'cd-1', 'name': 'Renewals', 'status': 'Ready'}))
    adapter.add(body={'data': dict(voice('Ready'), description='full')})
    found = lookup.resolve_campaign(client, 'voice', name='Renewals', full=True)
    assert found['description'] == 'full' and found['type'] == 'voice'
    assert [(r.method, r.path.rsplit('/', 1)[-1]) for r in adapter.requests] == [
        ('POST', 'getAllCampaignDetails'), ('GET', 'cd-1')]


def test_resolve_by_name_full_of_a_campaign_gone_meanwhile(client, adapter):
    adapter.add(body=listing({'_id': 'cd-1', 'name': 'Renewals', 'status': 'Ready'}))
    adapter.add(404, {'errors': [{'msg': 'Campaign not found', 'code': 404}]})
    missing = lookup.resolve_campaign(client, 'voice', name='Renewals', full=True)
    assert not missing and str(missing.error()) == "campaign 'Renewals' disappeared while it was read"


def test_resolve_by_name_missing_costs_no_get(client, adapter):
    adapter.add(body=listing())
    assert not lookup.resolve_campaign(client, 'sms', name='Texts', full=True)
    assert len(adapter.requests) == 1


def test_full_campaign_keeps_the_listed_type(client, adapter):
    adapter.add(body={'data': {'_id': 'cd-1', 'name': 'Renewals'}})
    assert lookup.full_campaign(client, {'id': 'cd-1', 'type': 'sms'})['type'] == 'sms'
    adapter.add(404, {})
    assert lookup.full_campaign(client, {'id': 'cd-1', 'type': 'sms'}) is None


def test_contact_list_by_name(client, adapter):
    lists = {'data': [{'_id': 'cl-1', 'name': 'DNC'}, {'_id': 'cl-2', 'name': 'Leads'}, {'_id': 'cl-3'}]}
    adapter.add(body=lists)
    assert lookup.contact_list_by_name(client, 'leads')['id'] == 'cl-2'
    adapter.add(body=lists)
    assert lookup.contact_list_by_name(client, 'Nope') is None


def test_contact_list_by_ambiguous_name(client, adapter):
    adapter.add(body={'data': [{'_id': 'cl-1', 'name': 'DNC'}, {'_id': 'cl-2', 'name': 'dnc'}]})
    with pytest.raises(KoreaiError) as info:
        lookup.contact_list_by_name(client, 'Dnc')
    assert str(info.value) == "contact list name 'Dnc' matches 2 lists (cl-1, cl-2)"


def test_same_name_campaigns_across_types_without_case(client, adapter):
    campaign = voice('Ready', name='CrossType', lname='crosstype')
    adapter.add(body=listing(campaign, voice('Ready', _id='cd-2', id='cd-2', name='Other', lname='other')))
    adapter.add(body=listing({'id': 'cd-s', 'name': 'CROSSTYPE', 'format': 'simple'}))
    others = lookup.same_name_campaigns(client, campaign, ['voice', 'sms'])
    assert [(c['id'], c['type']) for c in others] == [('cd-s', 'sms')]
    assert lookup.same_name_campaigns(client, campaign, ['voice', 'sms'], listed_types=['voice', 'sms']) == []
    assert len(adapter.requests) == 2
