# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""campaign_wait's main() with only the HTTP layer faked: an ended campaign, a timeout, option checks."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.modules import campaign_wait

from ..module_args import patch_module_args
from .support import CONNECTION, VOICE, listing, main_result, module_args


def run(args, capsys, check_mode=False):
    with patch_module_args(module_args(args, check_mode)):
        return main_result(campaign_wait, capsys)


def test_an_ended_campaign_costs_one_list_call(adapter, capsys):
    adapter.add(body=listing(dict(VOICE, status='COMPLETED')))
    result, dummy = run(dict(CONNECTION, names=['renewals'], campaign_type='voice'), capsys)
    assert not result.get('failed') and result['finished_ids'] == ['cd-1'] and result['api_calls'] == 1


def test_a_timeout_fails_unless_told_not_to(adapter, capsys):
    adapter.add(body=listing(VOICE))
    result, dummy = run(dict(CONNECTION, names=['Renewals'], campaign_type='voice', wait_timeout=0), capsys)
    assert result['failed'] and result['timed_out'] and 'last status seen: Active' in result['msg']
    adapter.add(body=listing(VOICE))
    result, dummy = run(dict(CONNECTION, names=['Renewals'], campaign_type='voice', wait_timeout=0,
                             fail_on_timeout=False), capsys)
    assert not result.get('failed') and result['unfinished_ids'] == ['cd-1']
    result, dummy = run(dict(CONNECTION, names=['Renewals'], final_statuses=[]), capsys)
    assert result['failed'] and 'final_statuses needs at least one status' in result['msg']
