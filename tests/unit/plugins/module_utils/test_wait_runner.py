# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""wait_runner.py: one list call per round and type, the budget-bound interval, timeouts and check mode."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils.errors import NotFound
from ansible_collections.koreai.campaign.plugins.module_utils.runner import Runner
from ansible_collections.koreai.campaign.plugins.module_utils.wait_runner import poll_interval, wait_for_end


class Clock:
    def __init__(self):
        self.now = 0.0
        self.sleeps = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


def listing(statuses, kind='voice'):
    return {'status': 'success', 'data': {'results': [
        {'_id': 'cd-%d' % i, 'name': 'C%d' % i, 'status': s, 'dialingMode': 'Agentless'} for i, s in
        enumerate(statuses)], 'hasMore': False}}


@pytest.fixture
def clock():
    return Clock()


def make_run(client, clock, timeout=600, check_mode=False):
    return Runner(client, check_mode=check_mode, wait_timeout=timeout, sleep=clock.sleep, clock=clock)


def test_interval_respects_the_budget_share():
    assert poll_interval(30, 1, 60) == 30.0
    assert poll_interval(1, 1, 60) == 2.0
    assert poll_interval(1, 3, 60) == 6.0
    assert poll_interval(5, 10, 0) == 5.0


def test_ten_campaigns_one_list_call_per_round(client, adapter, clock):
    adapter.add(body=listing(['Active'] * 10))
    adapter.add(body=listing(['Active'] * 5 + ['Completed'] * 5))
    adapter.add(body=listing(['completed'] * 9 + ['Stopped']))
    result = wait_for_end(make_run(client, clock), ['voice'], campaign_ids=['cd-%d' % i for i in range(10)],
                          interval=30)
    assert len(adapter.requests) == 3 and result['poll_rounds'] == 3 and clock.sleeps == [30.0, 30.0]
    assert result['unfinished_ids'] == [] and len(result['finished_ids']) == 10
    assert all(c['finished'] and c['finished_at'] for c in result['campaigns'])
    assert result['msg'] == 'all 10 campaigns reached Completed or Stopped'


def test_timeout_names_what_still_runs_with_its_last_status(client, adapter, clock):
    for dummy in range(5):
        adapter.add(body=listing(['Completed', 'Active']))
    result = wait_for_end(make_run(client, clock, timeout=100), ['voice'], names=['c0', 'C1'], interval=30)
    assert result['timed_out'] and result['unfinished_ids'] == ['cd-1'] and result['finished_ids'] == ['cd-0']
    assert "'C1' (cd-1) (last status seen: Active)" in result['msg'] and len(adapter.requests) == 4


def test_check_mode_reads_once_and_missing_names_fail(client, adapter, clock):
    adapter.add(body=listing(['Active']))
    result = wait_for_end(make_run(client, clock, check_mode=True), ['voice'], names=['C0'])
    assert len(adapter.requests) == 1 and result['msg'].startswith('(check mode) 1 of 1') and clock.sleeps == []
    adapter.add(body=listing(['Active']))
    with pytest.raises(NotFound, match="no voice campaign matches 'Nope'"):
        wait_for_end(make_run(client, clock), ['voice'], names=['Nope'])
