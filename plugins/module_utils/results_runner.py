# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Reads what a campaign run did: every page of its per-contact results (summed up, filtered, and
written to a file page by page), and on request its sessions from the analytics API, window by
window within that API's caps."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime

from ansible_collections.koreai.campaign.plugins.module_utils import api_results
from ansible_collections.koreai.campaign.plugins.module_utils.results_file import ResultsFile
from ansible_collections.koreai.campaign.plugins.module_utils.results_summary import (
    ResultFilter, ResultsSummary, SessionsSummary)
from ansible_collections.koreai.campaign.plugins.module_utils.validate import UTC, format_api_datetime

MAX_WINDOW = datetime.timedelta(days=7)
# A window whose sessions do not fit in offset 0..10 is split in two, down to this span.
MIN_WINDOW = datetime.timedelta(hours=1)
MAX_SESSIONS_PER_WINDOW = (api_results.ANALYTICS_MAX_OFFSET + 1) * api_results.ANALYTICS_LIMIT


def read_campaign_results(client, campaign, dest=None, fmt=None, row_filter=None, return_rows=False,
                          max_rows=1000):
    summary = ResultsSummary()
    row_filter = row_filter or ResultFilter()
    report = ResultsFile(dest, fmt) if dest else None
    matched = 0
    rows = []
    calls_before = client.calls
    try:
        for row in api_results.read_results(client, campaign):
            summary.add(row)
            if not row_filter.keeps(row):
                continue
            matched += 1
            if report is not None:
                report.write(row)
            if return_rows and len(rows) < max_rows:
                rows.append(row)
        if report is not None:
            report.commit()
    except BaseException:  # also KeyboardInterrupt: never leave a partial report behind
        if report is not None:
            report.abort()
        raise
    result = {'summary': summary.as_dict(), 'matched': matched, 'result_pages': client.calls - calls_before}
    if report is not None:
        result.update(dest=report.path, dest_format=report.format, dest_rows=report.rows)
    if return_rows:
        result['rows'] = rows
        result['rows_truncated'] = matched > len(rows)
    return result


def windows(since, until):
    """[start, end] pairs of at most seven days (ends inclusive, to the second) covering since..until."""
    start = since
    while start <= until:
        end = min(until, start + MAX_WINDOW - datetime.timedelta(seconds=1))
        yield start, end
        start = end + datetime.timedelta(seconds=1)


def read_sessions(run, campaign, since, until):
    """The campaign's sessions between since and until (aware datetimes), summed up."""
    summary = SessionsSummary()
    state = {'requests': 0, 'windows': 0, 'truncated': []}
    for start, end in windows(since.astimezone(UTC), until.astimezone(UTC)):
        _read_window(run, campaign, start, end, summary, state)
    result = {'sessions': summary.as_dict(), 'session_requests': state['requests'],
              'session_windows': state['windows']}
    if state['truncated']:
        result['sessions_truncated'] = state['truncated']
        run.warn('the analytics API shows at most %d sessions per query; %d window(s) of one hour still held more, '
                 'so the session counts are incomplete' % (MAX_SESSIONS_PER_WINDOW, len(state['truncated'])))
    return result


def _read_window(run, campaign, start, end, summary, state):
    texts = (format_api_datetime(start), format_api_datetime(end))
    found = []
    total = None
    for offset in range(api_results.ANALYTICS_MAX_OFFSET + 1):
        page, total = api_results.sessions_page(run.client, texts[0], texts[1], offset)
        state['requests'] += 1
        found.extend(page)
        if total is not None and total > MAX_SESSIONS_PER_WINDOW and end - start > MIN_WINDOW:
            # More than offset/limit can reach: read the two halves instead.
            middle = start + (end - start) / 2
            middle = middle.replace(microsecond=0)
            _read_window(run, campaign, start, middle, summary, state)
            _read_window(run, campaign, middle + datetime.timedelta(seconds=1), end, summary, state)
            return
        if len(page) < api_results.ANALYTICS_LIMIT or (total is not None and len(found) >= total):
            break
    else:
        if total is None or len(found) < total:
            state['truncated'].append('%s..%s' % texts)
    state['windows'] += 1
    for session in found:
        info = session.get('campaigninfo') if isinstance(session, dict) else None
        if isinstance(info, dict) and info.get('campaignId') == campaign['id']:
            summary.add(info)
