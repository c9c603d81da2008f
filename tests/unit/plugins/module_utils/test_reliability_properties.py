# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Property-based tests of option validation and URL building (the reliability suite's bad-input part that
needs no server; tests/integration/test_reliability_input.py sends the rest to the sandbox).

The central property: every schedule the options validation accepts is one the API accepts (the sandbox's
own validation of the enable-schedule body is the judge), and everything else is refused with a
ValidationError that names the option. Nothing else may escape (no crash).
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime
import importlib.util
import os
from urllib.parse import parse_qsl, unquote

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from ansible_collections.koreai.campaign.plugins.module_utils import schedule as api
from ansible_collections.koreai.campaign.plugins.module_utils.client import build_query, quote_segment
from ansible_collections.koreai.campaign.plugins.module_utils.errors import ValidationError
from ansible_collections.koreai.campaign.plugins.module_utils.schedule import schedule_spec
from ansible_collections.koreai.campaign.plugins.module_utils.validate import check_identity, check_name
from koreai_sandbox import validation as sandbox_validation
from koreai_sandbox.errors import ApiError

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..', '..'))
NOW = datetime.datetime(2026, 1, 10, 12, 0, 0, tzinfo=datetime.timezone.utc)
PROPERTY = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
OPTIONS = ('state', 'recurrence', 'every', 'days', 'start', 'end')


def _report_lib():
    spec = importlib.util.spec_from_file_location('koreai_reliability_report',
                                                  os.path.join(ROOT, 'scripts', 'reliability_report.py'))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope='module')
def report_lib():
    # Records only: `make reliability-report` renders docs/reliability.md from them when asked.
    return _report_lib()


@pytest.fixture
def reliability(request, report_lib):
    recorder = report_lib.TestRecorder(request.node.nodeid)
    failed_before = request.session.testsfailed
    yield recorder
    marker = request.node.get_closest_marker('xfail')
    if marker is not None:
        recorder.known_bug(None, marker.kwargs.get('reason', ''))
    recorder.finish(request.session.testsfailed == failed_before)


# -- strategies ------------------------------------------------------------------------------------------

def _moments(min_year, max_year):
    return st.datetimes(min_value=datetime.datetime(min_year, 1, 1), max_value=datetime.datetime(max_year, 12, 31))


def _date_texts(min_year=1900, max_year=2300):
    """What people write for start/end: every accepted spelling, offsets, near misses and garbage."""
    moment = _moments(min_year, max_year)
    offset = st.integers(min_value=-23 * 60 - 59, max_value=23 * 60 + 59)

    def with_offset(pair):
        value, minutes = pair
        sign = '-' if minutes < 0 else '+'
        return value.strftime('%Y-%m-%dT%H:%M:%S') + '%s%02d:%02d' % (sign, abs(minutes) // 60, abs(minutes) % 60)

    future = _moments(2026, 2031)
    return st.one_of(
        future.map(lambda m: m.strftime('%Y-%m-%d %H:%M:%S')),
        future.map(lambda m: m.strftime('%Y-%m-%dT%H:%M:%S+05:30')),
        moment.map(lambda m: m.strftime('%Y-%m-%d %H:%M:%S')),
        moment.map(lambda m: '%04d-%d-%d %d:%02d:%02d' % (m.year, m.month, m.day, m.hour, m.minute, m.second)),
        moment.map(lambda m: m.strftime('%Y-%m-%dT%H:%M')),
        moment.map(lambda m: m.strftime('%Y-%m-%dT%H:%M:%S.%fZ')),
        moment.map(lambda m: m.strftime('%Y-%m-%d %H:%M:%S UTC')),
        st.tuples(moment, offset).map(with_offset),
        st.from_regex(r'\A\d{4}-\d{1,2}-\d{1,2}[ T]\d{1,2}:\d{2}(:\d{2})?\Z'),
        st.text(max_size=30),
    )


def _bad_every():
    return st.one_of(st.integers(max_value=0), st.integers(min_value=10 ** 6), st.booleans(), st.text(max_size=3),
                     st.floats(allow_nan=True))


GOOD_DAY = st.sampled_from(['mon', 'Tuesday', 'WED', 'thu', 'fri.', 'Sa', 'SUNDAY', 'su', 'tues', 'Mo'])
BAD_DAY = st.one_of(st.sampled_from(['funday', '', ' mon ', 'weekday', '1', 'M', 'mond']), st.text(max_size=6))


@st.composite
def schedule_options(draw):
    """A valid option set with 0 to 3 of its options replaced by something wrong or surprising."""
    recurrence = draw(st.sampled_from(['daily', 'weekly']))
    start = draw(_moments(2026, 2031))
    end = start + draw(st.timedeltas(min_value=datetime.timedelta(seconds=1), max_value=datetime.timedelta(days=900)))
    options = dict(state='enabled', recurrence=recurrence, every=draw(st.one_of(st.none(), st.integers(1, 52))),
                   days=draw(st.lists(GOOD_DAY, min_size=1, max_size=8)) if recurrence == 'weekly' else None,
                   start=start.strftime('%Y-%m-%d %H:%M:%S'), end=end.strftime('%Y-%m-%d %H:%M:%S'))
    wrong = {
        'state': st.just('disabled'),
        'recurrence': st.sampled_from([None, 'monthly', '', 'Daily', 'weekly', 'daily']),
        'every': _bad_every(),
        'days': st.one_of(st.none(), st.lists(st.one_of(GOOD_DAY, BAD_DAY), max_size=8)),
        'start': st.one_of(_date_texts(), st.none(), st.just(options['end'])),
        'end': st.one_of(_date_texts(), st.none(), st.just(options['start'])),
    }
    for field in draw(st.lists(st.sampled_from(sorted(wrong)), max_size=3, unique=True)):
        options[field] = draw(wrong[field])
    return options


# -- schedule options ------------------------------------------------------------------------------------

def test_schedule_options_are_refused_or_accepted_by_the_api(reliability):
    counts = {'tried': 0, 'refused': 0, 'accepted': 0}

    @PROPERTY
    @given(options=schedule_options())
    @example(options=dict(state='enabled', recurrence='daily', every=None, days=None, start='2026-01-27 18:29:00',
                          end='2026-02-27 18:29:00'))
    @example(options=dict(state='enabled', recurrence='weekly', every=2, days=['mon', 'fri'], start='2026-1-1 8:05',
                          end='2026-12-31T23:59:59+05:30'))
    def check(options):
        counts['tried'] += 1
        state, recurrence, every, days, start, end = (options[k] for k in OPTIONS)
        try:
            spec = schedule_spec(state, recurrence, every, days, start, end, now=NOW)
        except ValidationError as exc:
            counts['refused'] += 1
            message = str(exc)
            assert any(option in message for option in OPTIONS), message
            return
        if state == 'disabled':
            assert spec is None
            return
        counts['accepted'] += 1
        body = api.schedule_body(spec)
        try:
            sandbox_validation.parse_schedule(body, now=NOW.replace(tzinfo=None))
        except ApiError as exc:
            raise AssertionError('validation let through a schedule the API refuses (%s): %r' % (exc.msg, body))

    check()
    assert counts['refused'] > 100 and counts['accepted'] > 50, counts
    reliability.case('bad-input', 'schedule options (property)', module='campaign_schedule',
                     injected='%d generated option sets: valid ones with up to 3 options replaced (state, recurrence, '
                              'every as ints/bools/floats/text, day lists with bad days, start/end in 10 spellings incl. '
                              'offsets, swapped and garbage)' % counts['tried'],
                     did='%d refused with a ValidationError naming the option; %d accepted, and the sandbox\'s own '
                         'validation accepted every accepted body' % (counts['refused'], counts['accepted']),
                     outcome='refused before any request / accepted by the API', bad_inputs=counts['refused'])


SEGMENT_TEXT = st.text(st.characters(blacklist_categories=('Cs',)), min_size=1, max_size=200)
AWKWARD_TEXT = st.one_of(SEGMENT_TEXT, st.text(alphabet=' |&/?#%+=.\t\n', min_size=1, max_size=60))


def test_names_ids_and_queries(reliability):
    tried = {'names': 0, 'refused': 0, 'ids': 0, 'queries': 0}

    @PROPERTY
    @given(name=st.one_of(st.text(max_size=80), AWKWARD_TEXT))
    def names(name):
        tried['names'] += 1
        try:
            kept = check_name(name)
        except ValidationError as exc:
            tried['refused'] += 1
            assert 'name' in str(exc) and ('must not be empty' in str(exc) or 'at most 48' in str(exc))
            assert not name.strip() or len(name) > 48
            return
        assert kept == name and name.strip() and len(name) <= 48

    @PROPERTY
    @given(campaign_id=st.one_of(st.none(), st.text(max_size=20)), name=st.one_of(st.none(), st.text(max_size=60)))
    def identities(campaign_id, name):
        try:
            check_identity(campaign_id, name)
        except ValidationError as exc:
            assert 'campaign_id' in str(exc) or 'name' in str(exc)
            return
        assert bool(campaign_id) != bool(name)

    @PROPERTY
    @given(value=AWKWARD_TEXT.filter(lambda v: v.strip('.')))
    def segments(value):
        tried['ids'] += 1
        encoded = quote_segment(value)
        assert unquote(encoded) == value
        assert all(c.isalnum() and c.isascii() or c in '-._~%' for c in encoded), encoded

    @PROPERTY
    @given(pairs=st.lists(st.tuples(st.sampled_from(['campaignName', 'accountId', 'campaignType', 'trigger']),
                                    st.one_of(AWKWARD_TEXT, st.booleans())), max_size=5))
    def queries(pairs):
        tried['queries'] += 1
        encoded = build_query(pairs)
        wanted = [(k, 'true' if v is True else 'false' if v is False else v) for k, v in pairs]
        assert parse_qsl(encoded, keep_blank_values=True) == wanted
        assert '+' not in encoded and ' ' not in encoded and '#' not in encoded

    names()
    identities()
    segments()
    queries()
    reliability.case('bad-input', 'names, path segments and query strings (property)', module='module_utils',
                     injected='%d names, %d ids, %d query strings: any Unicode but lone surrogates, up to 200 '
                              'characters, with space | & / ? # %% + = . tab newline' % (
                                  tried['names'], tried['ids'], tried['queries']),
                     did='%d names refused (empty or over 48 characters), the rest kept exactly; every id is one '
                         'percent-encoded path segment that decodes back exactly; every query value decodes back '
                         'exactly' % tried['refused'],
                     outcome='refused before any request / encoded exactly',
                     bad_inputs=tried['names'] + tried['ids'] + tried['queries'])


# -- bugs found by this suite (FIXED_*: fixed since, now regression tests; xfail: open) ------------------------

FIXED_YEARS_BEFORE_1000_ARE_REFUSED_OR_SENT_PADDED = (
    'validate.format_api_datetime (plugins/module_utils/validate.py) formats with strftime("%Y-%m-%d %H:%M:%S"), '
    'which writes years before 1000 without padding on Linux ("999-12-31 10:00:00"); schedule_spec accepts '
    'start="0999-12-31 10:00:00" and the module sends a startDateTime the API refuses (400). Fix: format with '
    '"%04d-%02d-%02d %02d:%02d:%02d" or refuse years before 2000 in schedule_spec')


def test_years_before_1000_are_refused_or_sent_padded(reliability):
    reliability.fixed_bug(FIXED_YEARS_BEFORE_1000_ARE_REFUSED_OR_SENT_PADDED)
    try:
        spec = schedule_spec('enabled', 'daily', None, None, '0999-12-31 10:00:00', '2030-01-01 00:00:00', now=NOW)
    except ValidationError as exc:
        assert 'start=' in str(exc)
        return
    sandbox_validation.parse_schedule(api.schedule_body(spec), now=NOW.replace(tzinfo=None))


FIXED_CALENDAR_EDGES_WITH_OFFSETS_ARE_REFUSED = (
    'validate.parse_datetime (plugins/module_utils/validate.py, "parsed = parsed - sign * offset") raises an '
    'uncaught OverflowError for dates at the ends of the calendar with an offset (start="0001-01-01T00:00:00+01:00", '
    'end="9999-12-31T23:59:59-01:00"): the module crashes with a traceback instead of naming the option. Fix: catch '
    'OverflowError there and raise ValidationError, or refuse years outside 2000..2999')


@pytest.mark.parametrize('start,end', [('0001-01-01T00:00:00+01:00', '2030-01-01 00:00:00'),
                                       ('2029-01-01 00:00:00', '9999-12-31T23:59:59-01:00')])
def test_calendar_edges_with_offsets_are_refused(reliability, start, end):
    reliability.fixed_bug(FIXED_CALENDAR_EDGES_WITH_OFFSETS_ARE_REFUSED)
    with pytest.raises(ValidationError):
        schedule_spec('enabled', 'daily', None, None, start, end, now=NOW)


@pytest.mark.parametrize('value', ['.', '..'])
def test_dot_segments_are_refused_as_campaign_ids(reliability, value):
    """requests decodes %2E back to a dot and drops dot segments, so such ids are refused before any request."""
    from ansible_collections.koreai.campaign.plugins.module_utils.validate import ValidationError, check_identity
    with pytest.raises(ValidationError):
        check_identity(value, None)
