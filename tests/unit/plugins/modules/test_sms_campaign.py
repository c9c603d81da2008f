# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""sms_campaign's main() with only the HTTP layer faked: the SMS type, its delete endpoint and its configuration."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils.campaign_config import decode_message
from ansible_collections.koreai.campaign.plugins.modules import sms_campaign

from ..fakes import STREAM
from ..module_args import patch_module_args
from .support import CONNECTION, SMS, VOICE, listing, main_result, module_args

SMS_FULL = dict(SMS, description='Texts', contactLists=['Leads'], priority='2', format='simple',
                message={'message': 'SGVsbG8='},
                dialingStrategy={'callerId': {'phoneNumber': '+919876543210'},
                                 'callingHours': {'frequency': 'WEEKLY', 'timezone': 'Asia/Kolkata', 'days': [
                                     {'day': 'MO', 'start': '9:00 AM', 'end': '6:00 PM'}]}})


def run(args, capsys, check_mode=False, diff=False):
    with patch_module_args(module_args(args, check_mode, diff)):
        return main_result(sms_campaign, capsys)


def test_sms_module_refuses_a_voice_campaign(adapter, capsys):
    adapter.add(body={'data': VOICE})
    result, dummy = run(dict(CONNECTION, campaign_id='cd-1', state='stopped'), capsys)
    assert result['failed'] and 'koreai.campaign.voice_campaign' in result['msg']


def test_sms_delete_uses_the_v1_seed_endpoint_by_default(adapter, capsys):
    sms = {'_id': 'cd-s', 'name': 'Texts', 'format': 'simple', 'message': {}, 'status': 'Stopped',
           'schedule': {'isSchedulingEnabled': False}}
    adapter.add(body={'data': sms})
    adapter.add(body={'status': 'success', 'data': sms})
    result, dummy = run(dict(CONNECTION, campaign_id='cd-s', state='absent'), capsys)
    assert result['changed']
    assert adapter.requests[1].path == '/agentassist/api/v1/public/%s/campaign/cd-s' % STREAM


def test_sms_delete_through_v2_when_asked(adapter, capsys):
    adapter.add(body={'data': SMS}).add(body={'status': 'success'})
    run(dict(CONNECTION, campaign_id='cd-s', state='absent', delete_api='v2'), capsys)
    assert adapter.requests[1].path == '/campaign/api/v2/public/%s/campaign/cd-s' % STREAM
    assert dict(adapter.requests[1].query)['campaignType'] == 'sms'


def test_start_by_name(adapter, capsys):
    adapter.add(body=listing(SMS)).add(body={'status': 'Active'}).add(body={'data': {'id': 'cd-s', 'status': 'Active'}})
    result, dummy = run(dict(CONNECTION, name='texts', state='started'), capsys)
    assert result['changed'] and result['msg'] == "campaign 'Texts' (cd-s) started (was Stopped)"
    assert adapter.requests[0].body['type'] == 'sms'
    assert adapter.requests[1].path == '/campaign/api/v2/public/%s/campaign/cd-s' % STREAM
    assert dict(adapter.requests[1].query)['trigger'] == 'play'


def test_start_in_check_mode(adapter, capsys):
    adapter.add(body=listing(SMS))
    result, dummy = run(dict(CONNECTION, name='Texts', state='started'), capsys, check_mode=True)
    assert result['changed'] and result['msg'] == "(check mode) campaign 'Texts' (cd-s) would be started (was Stopped)"
    assert len(adapter.requests) == 1


def test_update_sends_the_text_as_base64(adapter, capsys):
    adapter.add(body={'data': SMS_FULL})
    adapter.add(body={'status': 'success', 'data': dict(SMS_FULL, message={'message': 'SGkgdGhlcmU='})})
    result, dummy = run(dict(CONNECTION, campaign_id='cd-s', state='present', text='Hi there'), capsys, diff=True)
    assert result['changed'] and result['actions'] == ['update']
    assert result['diff'] == {'before': {'message': 'Hello'}, 'after': {'message': 'Hi there'}}
    sent = adapter.requests[1]
    assert sent.method == 'PUT' and decode_message(sent.body['message']['message']) == 'Hi there'
    assert sent.body['message']['message'] == 'SGkgdGhlcmU='


def test_sms_options_are_refused_by_type(adapter, capsys):
    result, dummy = run(dict(CONNECTION, campaign_id='cd-s', state='present', dialing_mode='agentless'), capsys)
    assert result['failed'] and 'dialing_mode' in result['msg'] and adapter.requests == []
