# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The retry policy (retries.py) as a pure function: which failures are retried, how long to wait, when to give up."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import retries
from ansible_collections.koreai.campaign.plugins.module_utils.retries import (
    NO_ANSWER, NOT_SENT, RATE_LIMITED, SERVER_ERROR, UNREADABLE, Failure, RetryPolicy, retry_after_seconds)

LIMIT = 3


def policy(retries=LIMIT, max_wait=60, jitter=0.0):
    return RetryPolicy(retries, max_wait=max_wait, jitter=lambda: jitter)


def failure(kind, status=None, retry_after=None):
    if status is None:
        status = {RATE_LIMITED: 429, SERVER_ERROR: 503, UNREADABLE: 200}.get(kind)
    return Failure(kind, 'detail', status=status, retry_after=retry_after)


# kind, status, retried as a read, retried as a write (below the limit; never at it)
TABLE = [
    (NOT_SENT, None, True, True),          # the server saw nothing: safe to send again
    (NO_ANSWER, None, True, False),        # a write may have been applied
    (RATE_LIMITED, 429, True, True),       # refused, so not applied
    (SERVER_ERROR, 502, True, False),
    (SERVER_ERROR, 503, True, False),
    (SERVER_ERROR, 504, True, False),
    (SERVER_ERROR, 500, False, False),     # not a gateway error: retrying a read will not help
    (UNREADABLE, 200, True, False),
]


@pytest.mark.parametrize('kind,status,read_retried,write_retried', TABLE)
@pytest.mark.parametrize('write', [False, True])
@pytest.mark.parametrize('attempt', [0, LIMIT - 1, LIMIT, LIMIT + 1])
def test_every_kind_read_and_write_below_and_at_the_limit(kind, status, read_retried, write_retried, write, attempt):
    wait = policy().wait_before_retry(attempt, failure(kind, status), write)
    # A 429 without Retry-After is retried past the limit, until the backoff outlasts the rate window.
    limit = policy().rate_limit_retries() if kind == RATE_LIMITED else LIMIT
    retried = (write_retried if write else read_retried) and attempt < limit
    if retried:
        assert wait == pytest.approx((2 ** attempt) * 0.5)
    else:
        assert wait is None


@pytest.mark.parametrize('kind,unknown_for_writes', [
    (NOT_SENT, False), (NO_ANSWER, True), (RATE_LIMITED, False), (SERVER_ERROR, True), (UNREADABLE, True)])
def test_outcome_unknown_only_for_writes_that_reached_the_server(kind, unknown_for_writes):
    assert RetryPolicy.outcome_unknown(failure(kind), True) is unknown_for_writes
    assert not RetryPolicy.outcome_unknown(failure(kind), False)


@pytest.mark.parametrize('status', [500, 502, 503, 504])
def test_server_errors_on_writes_are_never_retried(status):
    assert RetryPolicy.outcome_unknown(failure(SERVER_ERROR, status), True)
    assert policy().wait_before_retry(0, failure(SERVER_ERROR, status), True) is None


@pytest.mark.parametrize('status,retried', [(500, False), (501, False), (502, True), (503, True), (504, True),
                                            (505, False)])
def test_reads_retry_only_gateway_errors(status, retried):
    wait = policy().wait_before_retry(0, failure(SERVER_ERROR, status), False)
    assert (wait is not None) is retried


@pytest.mark.parametrize('write', [False, True])
@pytest.mark.parametrize('retry_after,expected', [(7.0, 7.0), (0.0, 0.0), (60.0, 60.0), (61.0, 60.0),
                                                  (3600.0, 60.0)])
def test_retry_after_is_honoured_and_capped_at_max_wait(write, retry_after, expected):
    assert policy().wait_before_retry(0, failure(RATE_LIMITED, retry_after=retry_after), write) == expected


def test_retry_after_cap_follows_max_wait():
    assert policy(max_wait=5).wait_before_retry(1, failure(RATE_LIMITED, retry_after=30), False) == 5


def test_retry_after_does_not_extend_the_limit():
    assert policy().wait_before_retry(LIMIT, failure(RATE_LIMITED, retry_after=1), False) is None


def test_retry_after_ignores_the_backoff():
    assert policy(jitter=0.2).wait_before_retry(2, failure(RATE_LIMITED, retry_after=1.5), False) == 1.5


def test_rate_limit_without_retry_after_backs_off():
    assert policy().wait_before_retry(2, failure(RATE_LIMITED), True) == pytest.approx(2.0)


def test_backoff_doubles_from_half_a_second_and_stops_at_max_wait():
    waits = [policy(retries=20, max_wait=60).backoff(attempt) for attempt in range(10)]
    assert waits == [0.5, 1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_backoff_adds_the_jitter_below_the_cap_only():
    jittered = policy(max_wait=60, jitter=0.25)
    assert jittered.backoff(0) == pytest.approx(0.75) and jittered.backoff(3) == pytest.approx(4.25)
    assert jittered.backoff(7) == 60


def test_the_wait_is_the_backoff_of_the_attempt():
    jitters = iter([0.1, 0.2, 0.05])
    ruled = RetryPolicy(5, jitter=lambda: next(jitters))
    waits = [ruled.wait_before_retry(attempt, failure(NOT_SENT), True) for attempt in range(3)]
    assert waits == [pytest.approx(0.6), pytest.approx(1.2), pytest.approx(2.05)]


def test_default_jitter_is_at_most_a_quarter_second():
    default = RetryPolicy()
    for dummy in range(50):
        assert 0.5 <= default.backoff(0) <= 0.75


def test_defaults():
    default = RetryPolicy()
    assert default.retries == retries.DEFAULT_RETRIES == 4 and default.max_wait == retries.MAX_RETRY_WAIT == 60
    assert retries.READ_RETRY_STATUSES == (502, 503, 504)


@pytest.mark.parametrize('value,expected', [(-1, 0), (0, 0), ('2', 2), (4.0, 4)])
def test_retries_are_a_whole_number_of_at_least_zero(value, expected):
    assert RetryPolicy(value).retries == expected


def test_zero_retries_gives_up_at_once():
    for kind, status, dummy, dummy2 in TABLE:
        assert RetryPolicy(0, jitter=lambda: 0).wait_before_retry(0, failure(kind, status), False) is None


def test_failure_repr_names_kind_and_status():
    assert repr(Failure(SERVER_ERROR, 'HTTP 503: x', status=503)) == "Failure('server error', status=503)"


# -- Retry-After ---------------------------------------------------------------------------------

def test_retry_after_http_date():
    assert retry_after_seconds('Wed, 21 Oct 2015 07:28:00 GMT', now=1445412475) == pytest.approx(5, abs=1)
    assert retry_after_seconds('soon') is None
    assert retry_after_seconds(None) is None


@pytest.mark.parametrize('value,expected', [('7', 7.0), (' 7 ', 7.0), ('1.5', 1.5), (3, 3.0), ('0', 0.0)])
def test_retry_after_delta_seconds(value, expected):
    assert retry_after_seconds(value) == expected


def test_retry_after_date_in_the_past_is_absent_not_retry_at_once():
    assert retry_after_seconds('Wed, 21 Oct 2015 07:28:00 GMT', now=1445412475 + 3600) is None
    assert retry_after_seconds('Wed, 21 Oct 2015 07:28:00 GMT', now=1445412480) is None  # exactly now


def test_retry_after_date_without_a_zone_is_gmt():
    assert retry_after_seconds('Wed, 21 Oct 2015 07:28:00', now=1445412475) == pytest.approx(5, abs=1)


@pytest.mark.parametrize('value', ['', 'soon', 'Wed, 99 Foo 2015', 'in 5 minutes', '-5', '-0.5', 'nan', 'NaN',
                                   'inf', '-inf', 'Infinity', '1e999', '\x00\xff'])
def test_unusable_retry_after_is_absent(value):
    assert retry_after_seconds(value) is None


@pytest.mark.parametrize('value', ['-5', 'nan', 'inf', 'garbage', 'Wed, 21 Oct 2015 07:28:00 GMT'])
def test_unusable_retry_after_waits_by_the_schedule(value):
    """The header read as absent: the 429 waits like one without Retry-After, never 0 s."""
    waits = []
    for attempt in range(10):
        wait = policy(retries=4).wait_before_retry(attempt, failure(RATE_LIMITED, retry_after=retry_after_seconds(
            value, now=1445412475 + 3600)), False)
        if wait is None:
            break
        waits.append(wait)
    assert waits[0] == 0.5 and sum(waits) > retries.RATE_WINDOW


# -- a 429 without Retry-After outlasts the rate window ------------------------------------------

@pytest.mark.parametrize('configured', [1, 2, 4])
def test_429_without_retry_after_keeps_waiting_past_the_60_s_window(configured):
    ruled = policy(retries=configured)
    waits = []
    while True:
        wait = ruled.wait_before_retry(len(waits), failure(RATE_LIMITED), True)
        if wait is None:
            break
        waits.append(wait)
    assert sum(waits) > 60 + 1  # the last attempt comes after the oldest request of a full window left it
    assert sum(waits[:-1]) <= retries.RATE_WINDOW  # and not one wait more than that needs
    assert max(waits) <= ruled.max_wait


def test_429_schedule_follows_a_small_max_wait():
    ruled = policy(retries=4, max_wait=5)
    waits = [ruled.wait_before_retry(n, failure(RATE_LIMITED), False) for n in range(ruled.rate_limit_retries())]
    assert max(waits) == 5 and sum(waits) > retries.RATE_WINDOW
    assert ruled.wait_before_retry(ruled.rate_limit_retries(), failure(RATE_LIMITED), False) is None


def test_more_retries_than_the_window_needs_are_kept():
    assert policy(retries=20).rate_limit_retries() == 20


def test_zero_retries_means_no_retry_of_a_429_either():
    assert policy(retries=0).wait_before_retry(0, failure(RATE_LIMITED), False) is None


def test_a_usable_retry_after_keeps_the_configured_limit():
    assert policy().wait_before_retry(LIMIT, failure(RATE_LIMITED, retry_after=0.0), False) is None


def test_attempts_for_names_the_schedule_that_applies():
    ruled = policy(retries=4)
    assert ruled.attempts_for(failure(RATE_LIMITED)) == ruled.rate_limit_retries() + 1 == 8
    assert ruled.attempts_for(failure(RATE_LIMITED, retry_after=2.0)) == 5
    assert ruled.attempts_for(failure(SERVER_ERROR, 503)) == 5
