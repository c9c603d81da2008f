# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""contacts_plan.py: the request cost of a load and its plan, in words for both modes."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils import contacts_plan as cp

LIST = {'id': 'cl-1', 'name': 'Leads', 'totalRecordCount': 0}


def test_costs():
    assert cp.request_cost(LIST, 250, wait=False) == {'reads': 1, 'contact_pages': 0, 'writes': 3,
                                                      'confirm_polls_at_least': 0, 'total_at_least': 4}
    held = dict(LIST, totalRecordCount=1000)
    assert cp.request_cost(held, 10, wait=True) == {'reads': 21, 'contact_pages': 20, 'writes': 1,
                                                    'confirm_polls_at_least': 1, 'total_at_least': 23}
    assert cp.request_cost(dict(LIST, totalRecordCount=1001), 0, wait=True)['total_at_least'] == 22
    unknown = {'id': 'cl-1', 'name': 'Leads'}
    assert cp.holds_contacts(unknown) and cp.read_cost(unknown) is None
    assert not cp.holds_contacts(LIST) and cp.read_cost(LIST) == 0


def test_plan_words_and_diff():
    plan = cp.plan_contacts(dict(LIST, totalRecordCount=990), 1000, 990, 10)
    assert plan.actions == ['add_contacts'] and plan.diff == {'before': {'contacts': 990}, 'after': {'contacts': 1000}}
    assert plan.message(False) == "10 contacts added to contact list 'Leads' (cl-1) in 1 request (990 of 1000 already there)"
    assert plan.message(True) == ("(check mode) 10 contacts would be added to contact list 'Leads' (cl-1) in 1 request "
                                  "(990 of 1000 already there)")
    same = cp.plan_contacts(dict(LIST, totalRecordCount=5), 5, 5, 0)
    assert not same.changed and same.message(True) == "contact list 'Leads' (cl-1) already holds all 5 contacts"
    assert cp.plan_contacts(LIST, 201, 0, 201).actions == ['add_contacts'] * 3
