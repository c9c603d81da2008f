# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Pure planning for one contact list (contact_list_plan.py): create, update, delete, and the refusals."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import contact_list_plan as clp
from ansible_collections.koreai.campaign.plugins.module_utils import plan as lc
from ansible_collections.koreai.campaign.plugins.module_utils.errors import PlanError

USED = {'id': 'cl-1', 'name': 'DNC', 'description': 'd', 'allowDuplicates': False,
        'campaignInUse': [{'id': 'cd-1', 'name': 'Renewals'}]}
FREE = {'id': 'cl-2', 'name': 'Leads', 'description': 'd', 'allowDuplicates': True}


def test_contact_list_plans():
    used = dict(USED)
    with pytest.raises(PlanError) as info:
        clp.plan_contact_list(used, 'absent')
    assert 'Renewals' in str(info.value)
    assert clp.plan_contact_list(used, 'absent', force=True).actions == [lc.DELETE]
    assert not clp.plan_contact_list(used, 'present', description='d').changed
    plan = clp.plan_contact_list(used, 'present', description='new', allow_duplicates=False)
    assert plan.diff == {'before': {'description': 'd'}, 'after': {'description': 'new'}}
    assert clp.plan_contact_list(None, 'present', description='x').actions == [lc.CREATE]
    with pytest.raises(PlanError) as info:
        clp.plan_contact_list(used, 'present', allow_duplicates=True)
    assert 'delete and re-create' in str(info.value)
    with pytest.raises(PlanError):
        clp.plan_contact_list(None, 'present')


def test_create_words_name_the_list():
    plan = clp.plan_contact_list(None, 'present', description='x', name='DNC Dec')
    assert plan.message(False) == "contact list 'DNC Dec' created"
    assert plan.message(True) == "(check mode) contact list 'DNC Dec' would be created"
    assert plan.diff == {'before': {}, 'after': {'description': 'x'}}


def test_create_without_a_name_still_has_words():
    assert clp.plan_contact_list(None, 'present', description='x').message(True) == \
        '(check mode) contact list would be created'


def test_create_sends_allow_duplicates_when_given():
    plan = clp.plan_contact_list(None, 'present', description='x', allow_duplicates=True, name='L')
    assert plan.after == {'description': 'x', 'allowDuplicates': True}


def test_update_and_delete_words():
    plan = clp.plan_contact_list(FREE, 'present', description='new')
    assert plan.message(False) == "contact list 'Leads' updated (description)"
    assert plan.message(True) == "(check mode) contact list 'Leads' would be updated (description)"
    plan = clp.plan_contact_list(FREE, 'absent')
    assert plan.message(True) == "(check mode) contact list 'Leads' would be deleted"
    assert plan.diff == {'before': FREE, 'after': {}}


def test_absent_missing_is_a_no_op():
    plan = clp.plan_contact_list(None, 'absent')
    assert not plan.changed and plan.msg == 'contact list does not exist'


def test_no_change_words():
    plan = clp.plan_contact_list(FREE, 'present', description='d', allow_duplicates=True)
    assert plan.msg == "contact list 'Leads' already matches" and plan.message(True) == plan.msg
    assert plan.diff == {'before': {'description': 'd', 'allowDuplicates': True},
                         'after': {'description': 'd', 'allowDuplicates': True}}


def test_refusal_to_delete_names_the_users_and_the_way_out():
    with pytest.raises(PlanError) as info:
        clp.plan_contact_list(USED, 'absent')
    assert str(info.value) == ("refusing to delete contact list 'DNC' (cl-1): campaigns still use it (Renewals). "
                               'Remove it from them first, or set force=true')


def test_allow_duplicates_change_is_refused_with_the_current_value():
    with pytest.raises(PlanError) as info:
        clp.plan_contact_list(FREE, 'present', allow_duplicates=False)
    assert 'has allow_duplicates=true' in str(info.value)


@pytest.mark.parametrize('contact_list,users', [
    ({'campaignInUse': [{'id': 'cd-1', 'name': 'A'}, {'id': 'cd-2'}]}, ['A', 'cd-2']),
    ({'campaignInUse': [], 'isListInUse': True}, ['(campaigns not named by the API)']),
    ({'isListInUse': False}, []),
    ({'campaignInUse': ['not a dict']}, []),
    ({}, []),
])
def test_contact_list_users(contact_list, users):
    assert clp.contact_list_users(contact_list) == users
