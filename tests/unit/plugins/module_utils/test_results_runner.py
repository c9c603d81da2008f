# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""results_runner.py: every result page once, filtered rows to the file, sessions window by window."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime
import json

from ansible_collections.koreai.campaign.plugins.module_utils import results_runner
from ansible_collections.koreai.campaign.plugins.module_utils.results_summary import ResultFilter
from ansible_collections.koreai.campaign.plugins.module_utils.runner import Runner

CAMPAIGN = {'id': 'cd-1', 'name': 'Renewals', 'type': 'voice'}
UTC = datetime.timezone.utc


def page(numbers, page_number, pages, total, outcome='answered'):
    return {'status': 'success', 'data': {'results': [
        {'phoneNumber': '+1415555%04d' % n, 'dialerOutcome': outcome if n % 2 else 'busy',
         'numberOfAttemptsSoFar': 1} for n in numbers], 'page': page_number, 'limit': 100, 'totalPages': pages,
        'totalResults': total}}


def test_pages_summary_filter_and_file(client, adapter, tmp_path):
    adapter.add(body=page(range(100), 1, 2, 101)).add(body=page(range(100, 101), 2, 2, 101))
    dest = tmp_path / 'r.jsonl'
    result = results_runner.read_campaign_results(client, CAMPAIGN, str(dest), row_filter=ResultFilter(['BUSY']),
                                                  return_rows=True, max_rows=10)
    assert [r.body for r in adapter.requests] == [{'page': 1, 'limit': 100}, {'page': 2, 'limit': 100}]
    assert ('view', 'contacts') in adapter.requests[0].query
    assert result['summary']['contacts'] == 101 and result['summary']['by_dialer_outcome'] == {
        'answered': 50, 'busy': 51}
    assert result['matched'] == 51 and result['dest_rows'] == 51 and len(result['rows']) == 10
    assert result['rows_truncated'] and len(dest.read_text().splitlines()) == 51 and result['result_pages'] == 2


def test_windows_cover_the_range_in_seven_days_at_most():
    since = datetime.datetime(2026, 11, 1, tzinfo=UTC)
    until = datetime.datetime(2026, 11, 20, 12, tzinfo=UTC)
    spans = list(results_runner.windows(since, until))
    assert len(spans) == 3 and spans[0][1] - spans[0][0] == datetime.timedelta(days=7, seconds=-1)
    assert spans[-1][1] == until and spans[1][0] == spans[0][1] + datetime.timedelta(seconds=1)


def sessions(count, campaign_id='cd-1'):
    return [{'sessionId': 's%d' % i,
             'campaigninfo': {'campaignId': campaign_id if i % 3 else 'cd-other', 'contactStatus': 'Answered',
                              'attempt': 1}}
            for i in range(count)]


def test_sessions_only_of_the_campaign_and_split_when_over_the_cap(client, adapter):
    since = datetime.datetime(2026, 11, 1, tzinfo=UTC)
    until = datetime.datetime(2026, 11, 1, 10, tzinfo=UTC)
    adapter.add(body={'numResults': 1500, 'data': sessions(100)})  # too many for offset 0..10: split
    adapter.add(body={'numResults': 30, 'data': sessions(30)})
    adapter.add(body={'numResults': 3, 'data': sessions(3)})
    result = results_runner.read_sessions(Runner(client), CAMPAIGN, since, until)
    bodies = [r.body for r in adapter.requests]
    assert [(b['startDate'], b['endDate']) for b in bodies] == [
        ('2026-11-01 00:00:00', '2026-11-01 10:00:00'), ('2026-11-01 00:00:00', '2026-11-01 05:00:00'),
        ('2026-11-01 05:00:01', '2026-11-01 10:00:00')]
    assert bodies[0]['selectedFields'] == ['campaigninfo'] and bodies[0]['direction'] == 'Outbound'
    assert adapter.requests[0].query == [('offset', '0'), ('limit', '100')]
    assert result['sessions']['sessions'] == 20 + 2 and result['session_requests'] == 3
    assert json.dumps(result)
