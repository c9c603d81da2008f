# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Retry policy, apart from the code that sends (as amazon.aws keeps it): what went wrong with one
attempt is described by a Failure, and the policy answers, without I/O, whether the outcome of a
write is unknown, and how long to wait before the next attempt or whether to give up."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import email.utils
import random
import time

DEFAULT_RETRIES = 4
MAX_RETRY_WAIT = 60
# Reads are retried on these; a write that gets one may have been applied and is read back instead.
READ_RETRY_STATUSES = (502, 503, 504)

# The kinds of Failure.
NOT_SENT = 'not sent'           # refused connection, DNS, connect timeout: the server saw nothing
NO_ANSWER = 'no answer'         # sent, then a timeout or a dropped connection
RATE_LIMITED = 'rate limited'   # HTTP 429 or the API's rate-limit message
SERVER_ERROR = 'server error'   # HTTP 5xx
UNREADABLE = 'unreadable'       # HTTP 2xx whose body is not JSON


class Failure:
    """What went wrong with one attempt; detail is the secret-free text for messages."""

    def __init__(self, kind, detail, status=None, retry_after=None, api_message=None):
        self.kind = kind
        self.detail = detail
        self.status = status
        self.retry_after = retry_after
        self.api_message = api_message

    def __repr__(self):
        return 'Failure(%r, status=%r)' % (self.kind, self.status)


class RetryPolicy:
    """Which failures to retry and how long to wait, for `retries` attempts after the first."""

    def __init__(self, retries=DEFAULT_RETRIES, max_wait=MAX_RETRY_WAIT, jitter=None):
        self.retries = max(0, int(retries))
        self.max_wait = max_wait
        self._jitter = jitter if jitter is not None else (lambda: random.uniform(0, 0.25))

    @staticmethod
    def outcome_unknown(failure, write):
        """A write that reached the server and got no trustworthy answer may have been applied."""
        return write and failure.kind in (NO_ANSWER, SERVER_ERROR, UNREADABLE)

    def backoff(self, attempt):
        return min(self.max_wait, (2 ** attempt) * 0.5 + self._jitter())

    def wait_before_retry(self, attempt, failure, write):
        """Seconds to wait before attempt number attempt + 1, or None to give up now."""
        if self.outcome_unknown(failure, write) or attempt >= self.retries:
            return None
        if failure.kind == RATE_LIMITED:
            if failure.retry_after is not None:
                return min(failure.retry_after, self.max_wait)
            return self.backoff(attempt)
        if failure.kind == SERVER_ERROR and failure.status not in READ_RETRY_STATUSES:
            return None
        return self.backoff(attempt)


def retry_after_seconds(value, now=None):
    """Seconds to wait from a Retry-After header (delta seconds or HTTP date); None when absent or unreadable."""
    if value is None:
        return None
    value = str(value).strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None:
        return None
    now = time.time() if now is None else now
    return max(0.0, parsed.timestamp() - now)
