# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The pure parts of campaign_bulk (bulk_plan.py): which campaigns a filter selects, the entries and the summary."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import re

from ansible_collections.koreai.campaign.plugins.module_utils import bulk_plan as lc

LISTED = [
    {'id': 'cd-1', 'name': 'Flash Sale 1', 'lname': 'flash sale 1', 'status': 'Active'},
    {'id': 'cd-2', 'name': 'Flash Sale 2', 'status': 'Stopped'},
    {'id': 'cd-3', 'name': 'Renewals', 'lname': 'renewals', 'status': 'Active'},
]


def test_select_by_pattern_and_status():
    selected, missing = lc.select_campaigns(LISTED, name_pattern=re.compile('^Flash'), statuses=['Active'])
    assert [c['id'] for c in selected] == ['cd-1'] and missing == []


def test_select_by_ids_and_names_reports_the_missing():
    selected, missing = lc.select_campaigns(LISTED, campaign_ids=['cd-3', 'cd-9'])
    assert [c['id'] for c in selected] == ['cd-3'] and missing == ['cd-9']
    selected, missing = lc.select_campaigns(LISTED, names=['RENEWALS', 'flash sale 2', 'Nope'])
    assert [c['id'] for c in selected] == ['cd-2', 'cd-3'] and missing == ['Nope']


def test_all_filters_must_match():
    selected, dummy = lc.select_campaigns(LISTED, campaign_ids=['cd-1', 'cd-3'], names=['renewals'])
    assert [c['id'] for c in selected] == ['cd-3']


def test_no_filter_selects_everything_in_list_order():
    selected, missing = lc.select_campaigns(LISTED)
    assert selected == LISTED and missing == []


def test_pattern_is_searched_not_matched():
    selected, dummy = lc.select_campaigns(LISTED, name_pattern=re.compile('Sale'))
    assert [c['id'] for c in selected] == ['cd-1', 'cd-2']


def test_missing_ids_come_sorted_then_missing_names_sorted_as_given():
    dummy, missing = lc.select_campaigns(LISTED, campaign_ids=['cd-9', 'cd-8'], names=['Zed', 'alpha', 'RENEWALS'])
    assert missing == ['cd-8', 'cd-9', 'Zed', 'alpha']


def test_entry():
    assert lc.entry({'id': 'cd-1', 'name': 'N', 'type': 'voice', 'extra': 1}, 'Active', changed=True, msg='m') == {
        'id': 'cd-1', 'name': 'N', 'type': 'voice', 'status_before': 'Active', 'status': 'Active', 'changed': True,
        'failed': False, 'msg': 'm'}


def test_bulk_result_counts_changes_and_failures():
    entries = [dict(lc.entry({'id': 'cd-1'}, 'Active', changed=True), status='Stopped'),
               lc.entry({'id': 'cd-2'}, 'Stopped'),
               lc.entry({'id': 'cd-3'}, 'Active', changed=True, failed=True),
               lc.entry({'id': 'Nope'}, None, failed=True)]
    result = lc.bulk_result(entries, 'stopped', False)
    assert result['changed'] and result['changed_ids'] == ['cd-1'] and result['failed_ids'] == ['cd-3', 'Nope']
    assert result['msg'] == '1 of 4 campaigns stopped; 2 failed'
    assert result['diff'] == {'before': {'cd-1': 'Active', 'cd-3': 'Active'}, 'after': {'cd-1': 'Stopped', 'cd-3': 'Active'}}
    assert result['campaigns'] is entries


def test_bulk_result_in_check_mode():
    entries = [dict(lc.entry({'id': 'cd-1'}, 'Ready', changed=True), status='Active'), lc.entry({'id': 'cd-2'}, 'Active')]
    result = lc.bulk_result(entries, 'started', True)
    assert result['msg'] == '(check mode) 1 of 2 campaigns would be started'


def test_bulk_result_of_nothing():
    result = lc.bulk_result([], 'started', False)
    assert not result['changed'] and result['msg'] == '0 of 0 campaigns started'
    assert result['diff'] == {'before': {}, 'after': {}}


def test_nothing_selected_says_which_filter_matched_nothing():
    selection = lc.describe_filter(['voice'], name_pattern=re.compile('^Black Friday'), statuses=['Active', 'Paused'])
    result = lc.bulk_result([], 'stopped', False, selection=selection, listed=7)
    assert result['msg'] == ("no voice campaign matches name_pattern '^Black Friday' and status Active,Paused "
                             "(7 listed), so none was stopped")
    assert not result['changed'] and '0 of 0' not in result['msg']
    check = lc.bulk_result([], 'started', True, selection=lc.describe_filter(['voice', 'SMS'], names=['Flash Sale']),
                           listed=0)
    assert check['msg'] == "(check mode) no voice or SMS campaign matches names 'Flash Sale' (0 listed), so none would be started"
