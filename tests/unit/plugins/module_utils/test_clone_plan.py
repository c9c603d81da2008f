# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Pure planning of a clone (clone_plan.py), no I/O: the source's options with the overrides, nothing when the
clone exists, and a refusal to guess what the API does not show."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import clone_plan as cp
from ansible_collections.koreai.campaign.plugins.module_utils import plan as lc
from ansible_collections.koreai.campaign.plugins.module_utils.errors import PlanError, ValidationError

from ..helpers import API_VOICE

LISTED = {'connection': 'Default Queue'}
NO_OVERRIDES = dict((k, None) for k in cp.OVERRIDES)


def test_clone_copies_the_source_and_applies_overrides():
    overrides = dict(NO_OVERRIDES, contact_lists=['July'], description='Next cycle')
    plan = cp.plan_clone(API_VOICE, 'voice', 'Renewals July', LISTED, None, overrides)
    assert plan.actions == [lc.CREATE] and plan.diff['before'] == {}
    assert plan.payload['contact_lists'] == ['July'] and plan.payload['description'] == 'Next cycle'
    assert plan.payload['queue'] == 'Default Queue' and plan.payload['max_attempts'] == 3
    assert plan.payload['dnc_list'] == 'DNC CL Dec 4' and 'schedule' not in plan.payload
    assert plan.diff['after']['name'] == 'Renewals July'
    assert plan.message(True).startswith('(check mode) ') and 'would be created as a clone of' in plan.message(True)


def test_an_existing_clone_is_left_alone():
    plan = cp.plan_clone(API_VOICE, 'voice', 'Renewals July', LISTED, {'id': 'cd-9', 'name': 'Renewals July'},
                         NO_OVERRIDES)
    assert plan.actions == [] and 'exists already' in plan.msg


def test_calling_hours_override_is_validated():
    with pytest.raises(ValidationError):
        backwards = {'timezone': 'UTC', 'days': [{'day': 'mon', 'start': '5:00 PM', 'end': '9:00 AM'}]}
        cp.plan_clone(API_VOICE, 'voice', 'X', LISTED, None, dict(NO_OVERRIDES, calling_hours=backwards))


def test_what_the_api_does_not_show_must_be_given():
    agentless = dict(API_VOICE, dialingMode='Agentless', experienceFlow='cf-1', enableMachineDetect=True)
    with pytest.raises(PlanError) as refused:
        cp.plan_clone(agentless, 'voice', 'X', None, None, NO_OVERRIDES)
    assert 'experience_flow' in str(refused.value) and 'machine_detection' in str(refused.value)
    plan = cp.plan_clone(agentless, 'voice', 'X', None, None,
                         dict(NO_OVERRIDES, experience_flow='Survey', machine_detection='detect'))
    assert plan.payload['experience_flow'] == 'Survey' and plan.payload['machine_detection'] == 'detect'


def test_voice_only_overrides_are_refused_for_sms():
    sms = {'name': 'T', 'format': 'simple', 'message': {'message': 'aGk='}, 'description': 'd', 'contactLists': ['A'],
           'dialingStrategy': API_VOICE['dialingStrategy']}
    with pytest.raises(ValidationError):
        cp.plan_clone(sms, 'sms', 'T2', None, None, dict(NO_OVERRIDES, queue='Q'))
    assert cp.plan_clone(sms, 'sms', 'T2', None, None, NO_OVERRIDES).payload['message'] == 'hi'
