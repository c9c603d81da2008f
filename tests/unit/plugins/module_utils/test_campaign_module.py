# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""voice_campaign and sms_campaign's one implementation (campaign_module.py): its options and the checks made before any request."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import campaign_module as cm
from ansible_collections.koreai.campaign.plugins.module_utils.errors import ValidationError

from ..helpers import SMS_OPTIONS, VOICE_OPTIONS


def params(campaign_type='voice', **given):
    """Module parameters as AnsibleModule gives them: every option present, None when not set."""
    values = dict((name, None) for name in cm.run_state_argument_spec(campaign_type, 'v2'))
    values.update(wait=True, wait_timeout=300, force=False, backup=False, trigger_path='documented')
    values.update(given)
    return values


def test_voice_and_sms_options():
    voice = cm.config_argument_spec('voice')
    sms = cm.config_argument_spec('sms')
    assert {'dialing_mode', 'queue', 'max_skips', 'ring_time'} <= set(voice) and not {'format', 'text'} & set(voice)
    assert {'format', 'text', 'template_name'} <= set(sms) and 'dialing_mode' not in sms
    assert voice['calling_hours']['options']['days']['elements'] == 'dict'


@pytest.mark.parametrize('campaign_type,delete_api', [('voice', 'v2'), ('sms', 'v1')])
def test_run_state_options(campaign_type, delete_api):
    spec = cm.run_state_argument_spec(campaign_type, delete_api)
    assert spec['delete_api']['default'] == delete_api and spec['state']['required']
    assert spec['state']['choices'] == ['present', 'started', 'stopped', 'absent']
    assert spec['campaign_id']['aliases'] == ['id'] and spec['backup_dir']['default'] == cm.DEFAULT_BACKUP_DIR


def test_run_states_take_no_configuration():
    assert cm.checked_options('voice', params(campaign_id='cd-1', state='stopped')) is None


@pytest.mark.parametrize('given,message', [
    (dict(priority=3), 'priority only applies with state=present'),
    (dict(priority=3, queue='Q'), 'priority, queue only apply with state=present'),
])
def test_configuration_options_need_state_present(given, message):
    with pytest.raises(ValidationError) as info:
        cm.checked_options('voice', params(campaign_id='cd-1', state='absent', **given))
    assert str(info.value) == message


def test_present_returns_the_normalised_configuration():
    spec = cm.checked_options('voice', params(name='Renewals', state='present', **VOICE_OPTIONS))
    assert spec['dialing_order'] == 'FIFO' and spec['calling_hours']['days'][0]['day'] == 'MO'
    assert cm.checked_options('sms', params('sms', name='Texts', state='present', **SMS_OPTIONS))['message'] == \
        'Message for your targeted customer'


def test_present_options_are_validated():
    with pytest.raises(ValidationError) as info:
        cm.checked_options('voice', params(name='Renewals', state='present', ring_time=4))
    assert 'ring_time=4' in str(info.value)


@pytest.mark.parametrize('given,message', [
    (dict(name='x' * 49, state='stopped'), 'at most 48'),
    (dict(campaign_id='..', state='stopped'), 'is not a campaign ID'),
    (dict(campaign_id='cd-1', state='stopped', wait_timeout=0), 'wait_timeout must be at least 1 second'),
])
def test_identity_and_wait_timeout(given, message):
    with pytest.raises(ValidationError) as info:
        cm.checked_options('voice', params(**given))
    assert message in str(info.value)
