# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""The one loop that follows an API's pages, for every paged read (contacts, results, campaigns).

A server that ignores the page it was asked for, or keeps saying there is more, must not make a
module read (or act on) the same objects over and over: a page that repeats the previous one, or
more pages than the server's own total allows, ends the read with an error that says so."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiApiError

MAX_PAGES = 100000


class Page:
    """One page as the API answered it: its items, whether more follow, and the total when given."""

    def __init__(self, items, has_more, total=None):
        self.items = items
        self.has_more = has_more
        self.total = total


def read_pages(fetch, page_size, operation, key=None, max_items=None):
    """Yield the items of every page. fetch(number, skip) returns the Page numbered number (from 1),
    starting at item skip; key(item) identifies an item, to notice a page served twice.

    Stops after max_items items when given (a cap the caller chose); the caller can tell from the
    count it got. Sends exactly one request per page read."""
    key = key or (lambda item: item.get('_id') or item.get('id'))
    yielded = 0
    previous = None
    for number in range(1, MAX_PAGES + 1):
        page = fetch(number, yielded)
        keys = [key(item) for item in page.items]
        if previous is not None and keys and keys == previous:
            raise KoreaiApiError(operation, 'the API answered page %d with the same %d items as page %d; it is '
                                 'not paging, so the read stops here rather than loop' % (number, len(keys), number - 1))
        previous = keys
        for item in page.items:
            if max_items is not None and yielded >= max_items:
                return
            yield item
            yielded += 1
        if page.total is not None and yielded > page.total:
            raise KoreaiApiError(operation, 'the API has returned %d items although it says there are %d in all; '
                                 'the read stops here rather than loop' % (yielded, page.total))
        if not page.items or not page.has_more or (page.total is not None and yielded >= page.total):
            return
        if page_size and len(page.items) > page_size:
            raise KoreaiApiError(operation, 'the API answered with %d items on a page of %d'
                                 % (len(page.items), page_size))
    raise KoreaiApiError(operation, 'more than %d pages; the read stops here' % MAX_PAGES)
