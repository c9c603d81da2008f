# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""paging.py: one request per page, caps, and the guards against servers that do not page."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiApiError
from ansible_collections.koreai.campaign.plugins.module_utils.paging import Page, read_pages


def pager(total, size, has_more=None, repeat=False, report_total=True):
    calls = []

    def fetch(number, skip):
        calls.append((number, skip))
        start = 0 if repeat else skip
        items = [{'_id': 'cc-%d' % i} for i in range(start, min(total, start + size))]
        more = has_more if has_more is not None else start + size < total
        return Page(items, more, total if report_total else None)
    return fetch, calls


@pytest.mark.parametrize('total, pages', [(0, 1), (1, 1), (50, 1), (51, 2), (1000, 20)])
def test_one_request_per_page(total, pages):
    fetch, calls = pager(total, 50)
    assert len(list(read_pages(fetch, 50, 'read'))) == total and len(calls) == pages
    assert [skip for number, skip in calls] == [50 * i for i in range(pages)]


def test_cap_stops_reading():
    fetch, calls = pager(1000, 50)
    assert len(list(read_pages(fetch, 50, 'read', max_items=120))) == 120 and len(calls) == 3


def test_a_server_that_ignores_skip_is_caught():
    fetch, calls = pager(60, 50, has_more=True, repeat=True, report_total=False)
    with pytest.raises(KoreaiApiError, match='same 50 items as page 1'):
        list(read_pages(fetch, 50, 'read contacts'))
    assert len(calls) == 2


def test_more_items_than_the_total_is_caught():
    def fetch(number, skip):
        return Page([{'_id': 'cc-%d' % (skip + i)} for i in range(50)], True, 60)
    with pytest.raises(KoreaiApiError, match='returned 100 items although it says there are 60'):
        list(read_pages(fetch, 50, 'read contacts'))
