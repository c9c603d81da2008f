# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""campaign_results' main() with only the HTTP layer faked: summary, the report file, option checks."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import os
import stat

from ansible_collections.koreai.campaign.plugins.modules import campaign_results

from ..module_args import patch_module_args
from .support import CONNECTION, VOICE, main_result, module_args

PAGE = {'status': 'success', 'data': {'results': [
    {'phoneNumber': '+14155550100', 'dialerOutcome': 'completed', 'numberOfAttemptsSoFar': 1,
     'agentDispositionCodes': ['Renewed'], 'botOutboundStatus': 'agentHangUp'}],
    'page': 1, 'limit': 100, 'totalPages': 1, 'totalResults': 1}}


def run(args, capsys, check_mode=False):
    with patch_module_args(module_args(args, check_mode)):
        return main_result(campaign_results, capsys)


def test_summary_and_report(adapter, capsys, tmp_path):
    adapter.add(body={'status': 'success', 'data': VOICE}).add(body=PAGE)
    dest = tmp_path / 'r.csv'
    result, out = run(dict(CONNECTION, campaign_id='cd-1', dest=str(dest)), capsys, check_mode=True)
    assert result['summary']['by_dialer_outcome'] == {'completed': 1} and result['api_calls'] == 2
    assert result['dest_rows'] == 1 and stat.S_IMODE(os.stat(str(dest)).st_mode) == 0o600
    assert result['campaign'] == {'id': 'cd-1', 'name': 'Renewals', 'type': 'voice', 'status': 'Active'}
    assert '+14155550100' not in out


def test_options_are_checked_first(adapter, capsys):
    result, dummy = run(dict(CONNECTION, campaign_id='cd-1', since='2026-01-01 00:00:00'), capsys)
    assert result['failed'] and 'set sessions=true' in result['msg']
    result, dummy = run(dict(CONNECTION, campaign_id='cd-1', sessions=True, since='2026-02-01 00:00:00',
                             until='2026-01-01 00:00:00'), capsys)
    assert result['failed'] and 'since must not be later than until' in result['msg'] and adapter.requests == []
