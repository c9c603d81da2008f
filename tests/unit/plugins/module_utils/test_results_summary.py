# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""results_summary.py: counts grouped case-insensitively, and the row filter."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils.results_summary import (
    ResultFilter, ResultsSummary, SessionsSummary)

ROWS = [
    {'dialerOutcome': 'Answered', 'botOutboundStatus': 'userHangUp', 'agentDispositionCodes': ['Renewed'],
     'numberOfAttemptsSoFar': 1},
    {'dialerOutcome': 'answered', 'botOutboundStatus': 'USERHANGUP', 'agentDispositionCodes': ['renewed', 'VIP'],
     'numberOfAttemptsSoFar': 2},
    {'dialerOutcome': 'no_answer', 'botOutboundStatus': None, 'agentDispositionCodes': [],
     'numberOfAttemptsSoFar': 10},
]


def test_summary_groups_without_case_under_the_first_spelling():
    summary = ResultsSummary()
    for row in ROWS:
        summary.add(row)
    assert summary.as_dict() == {
        'contacts': 3, 'by_dialer_outcome': {'Answered': 2, 'no_answer': 1},
        'by_bot_outbound_status': {'none': 1, 'userHangUp': 2}, 'by_disposition': {'Renewed': 2, 'VIP': 1},
        'by_attempts': {'1': 1, '2': 1, '10': 1}}


def test_filter_is_case_insensitive_and_combines():
    assert [ResultFilter(dialer_outcomes=['ANSWERED']).keeps(r) for r in ROWS] == [True, True, False]
    assert [ResultFilter(dispositions=['vip']).keeps(r) for r in ROWS] == [False, True, False]
    both = ResultFilter(dialer_outcomes=['answered'], bot_statuses=['userhangup'], dispositions=['renewed'])
    assert [both.keeps(r) for r in ROWS] == [True, True, False] and both.active and not ResultFilter().active


def test_sessions_summary():
    summary = SessionsSummary()
    for info in ({'contactStatus': 'Answered', 'attempt': 1, 'campaignInstanceId': 'cid-1'},
                 {'contactStatus': 'answered', 'attempt': 2, 'campaignInstanceId': 'cid-2'}):
        summary.add(info)
    assert summary.as_dict() == {'sessions': 2, 'by_contact_status': {'Answered': 2}, 'by_attempt': {'1': 1, '2': 1},
                                 'instances': ['cid-1', 'cid-2']}
