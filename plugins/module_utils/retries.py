# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Retry policy, apart from the code that sends (as amazon.aws keeps it): what went wrong with one
attempt is described by a Failure, and the policy answers, without I/O, whether the outcome of a
write is unknown, and how long to wait before the next attempt or whether to give up."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime
import email.utils
import math
import random
import time

DEFAULT_RETRIES = 4
MAX_RETRY_WAIT = 60
# Reads are retried on these; a write that gets one may have been applied and is read back instead.
READ_RETRY_STATUSES = (502, 503, 504)
# The API's rate window (60 s per account) plus a second's margin. A 429 without a usable Retry-After
# (the real API documents none) is retried until the waits add up to more than this, so the oldest
# request of a full window has left it before the last attempt, whatever `retries` says.
RATE_WINDOW = 61.0

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

    def rate_limit_retries(self):
        """Retries of a 429 without Retry-After: as many as `retries`, and at least enough for the
        backoff (without jitter, which only adds) to outlast the rate window. None when retries is 0."""
        if self.retries == 0:
            return 0
        needed, waited = 0, 0.0
        while waited <= RATE_WINDOW:
            waited += min(self.max_wait, (2 ** needed) * 0.5)
            needed += 1
        return max(self.retries, needed)

    def attempts_for(self, failure):
        """How many attempts in all a failure of this kind gets: for the "attempt n of m" warnings."""
        if failure.kind == RATE_LIMITED and failure.retry_after is None:
            return self.rate_limit_retries() + 1
        return self.retries + 1

    def wait_before_retry(self, attempt, failure, write):
        """Seconds to wait before attempt number attempt + 1, or None to give up now."""
        if self.outcome_unknown(failure, write):
            return None
        if failure.kind == RATE_LIMITED and failure.retry_after is None:
            return self.backoff(attempt) if attempt < self.rate_limit_retries() else None
        if attempt >= self.retries:
            return None
        if failure.kind == RATE_LIMITED:
            return min(failure.retry_after, self.max_wait)
        if failure.kind == SERVER_ERROR and failure.status not in READ_RETRY_STATUSES:
            return None
        return self.backoff(attempt)


def retry_after_seconds(value, now=None):
    """Seconds to wait from a Retry-After header (delta seconds or an HTTP date in the future).

    None, so that the backoff schedule applies, when the header is absent or says nothing usable:
    a negative, infinite or NaN number, garbage, or a date that is not in the future. None of
    these may mean "retry at once" against a full rate window."""
    if value is None:
        return None
    value = str(value).strip()
    try:
        seconds = float(value)
    except ValueError:
        seconds = None
    else:
        return seconds if math.isfinite(seconds) and seconds >= 0 else None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed is None:
        return None
    if parsed.tzinfo is None:  # an HTTP date is GMT; a zone-less one is read as such
        parsed = parsed.replace(tzinfo=datetime.timezone.utc)
    now = time.time() if now is None else now
    try:
        ahead = parsed.timestamp() - now
    except (OverflowError, OSError, ValueError):
        return None
    return ahead if ahead > 0 else None
