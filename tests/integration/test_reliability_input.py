# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Bad input against the modules and the sandbox.

- Options that must be refused before any request: the sandbox's request log stays empty.
- Credentials and ids the API refuses (expired or malformed token, wrong stream or account): one read,
  a clear 401 message, nothing that could change anything.
- Property-based: awkward campaign ids, names and stream/account ids either are refused before any request
  or reach the sandbox exactly (raw path percent-encoded as one segment, decoded back to the same value).
- A fuzz of campaign_schedule's options through the module: whatever the module lets through, the API accepts.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import time
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from .reliability_support import (
    ACCOUNT, CLIENT_ID, SECRET, STREAM, VOICE_ACTIVE, VOICE_READY_NAME, log, task, write_attempts)

PROPERTY = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
V2 = '/campaign/api/v2/public/%s/campaign' % STREAM
# AnsibleModule's own refusal (ansible-core 2.21+) of an argument with a NUL character, which syslog cannot take
CORE_REFUSES_NUL = 'Failed to log to syslog (embedded null character).'
FUTURE = dict(recurrence='daily', start='2030-01-05 10:00:00', end='2030-03-05 10:00:00')

# (name, module, args, substrings of the message); every one must fail before any request.
BEFORE_ANY_REQUEST = [
    ('wrong type: every', 'campaign_schedule', dict(campaign=VOICE_READY_NAME, every='weekly', **FUTURE),
     ["argument 'every' is of type", 'int']),
    ('wrong type: wait_timeout', 'voice_campaign', dict(campaign_id=VOICE_ACTIVE, state='stopped', wait_timeout='soon'),
     ["argument 'wait_timeout'"]),
    ('wrong type: timeout', 'campaign_info', dict(timeout='fast'), ["argument 'timeout'", 'float']),
    ('wrong type: validate_certs', 'campaign_info', dict(validate_certs='maybe'), ["argument 'validate_certs'", 'bool']),
    ('unknown state', 'voice_campaign', dict(campaign_id=VOICE_ACTIVE, state='paused'),
     ['value of state must be one of', 'started, stopped, absent']),
    ('unknown status filter', 'campaign_info', dict(status=['Running']), ['value of status must be one', 'Running']),
    ('unknown option', 'sms_campaign', dict(campaign_id=VOICE_ACTIVE, state='stopped', campaing='x'),
     ['Unsupported parameters', 'campaing']),
    ('both id and name', 'voice_campaign', dict(campaign_id=VOICE_ACTIVE, name='x', state='stopped'),
     ['mutually exclusive', 'campaign_id', 'name']),
    ('neither id nor name', 'sms_campaign', dict(state='stopped'), ['one of the following is required', 'campaign_id']),
    ('empty campaign_id', 'voice_campaign', dict(campaign_id='', state='absent'), ['exactly one of campaign_id']),
    ('name too long', 'voice_campaign', dict(name='N' * 49, state='stopped'), ['name is 49 characters long', '48']),
    ('blank schedule name', 'campaign_schedule', dict(campaign='   ', **FUTURE), ['campaign must not be empty']),
    ('start not a date', 'campaign_schedule', dict(campaign=VOICE_READY_NAME, recurrence='daily', start='tomorrow',
                                                   end='2030-03-05 10:00:00'), ["start='tomorrow' is not a date"]),
    ('end in the past', 'campaign_schedule', dict(campaign=VOICE_READY_NAME, recurrence='daily',
                                                  start='2020-01-01 10:00:00', end='2020-02-01 10:00:00'),
     ['is in the past']),
    ('end before start', 'campaign_schedule', dict(campaign=VOICE_READY_NAME, recurrence='daily',
                                                   start='2030-03-05 10:00:00', end='2030-01-05 10:00:00'),
     ['must be later than start']),
    ('31 February', 'campaign_schedule', dict(campaign=VOICE_READY_NAME, recurrence='daily',
                                              start='2030-02-31 10:00:00', end='2030-03-05 10:00:00'),
     ['is not a valid date']),
    ('weekly without days', 'campaign_schedule', dict(campaign=VOICE_READY_NAME, recurrence='weekly',
                                                      start='2030-01-05 10:00:00', end='2030-03-05 10:00:00'),
     ['recurrence=weekly needs days']),
    ('a day that is not one', 'campaign_schedule', dict(campaign=VOICE_READY_NAME, recurrence='weekly',
                                                        days=['mon', 'funday'], start='2030-01-05 10:00:00',
                                                        end='2030-03-05 10:00:00'), ["days contains 'funday'"]),
    ('every=0', 'campaign_schedule', dict(campaign=VOICE_READY_NAME, every=0, **FUTURE), ['every=0']),
    ('schedule options with state=disabled', 'campaign_schedule',
     dict(campaign=VOICE_READY_NAME, state='disabled', recurrence='daily'), ['state=disabled takes no schedule options']),
    ('wait_timeout=0', 'voice_campaign', dict(campaign_id=VOICE_ACTIVE, state='stopped', wait_timeout=0),
     ['wait_timeout must be at least 1']),
    ('timeout=0', 'voice_campaign', dict(campaign_id=VOICE_ACTIVE, state='stopped', timeout=0),
     ['timeout must be a positive number']),
    ('retries=-1', 'campaign_info', dict(retries=-1), ['retries must be 0 or more']),
    ('rate_limit=-5', 'campaign_info', dict(rate_limit=-5), ['rate_limit must be 0']),
    ('no credentials', 'voice_campaign', dict(campaign_id=VOICE_ACTIVE, state='stopped', client_id=None,
                                              client_secret=None), ['no credentials', 'KOREAI_CLIENT_SECRET']),
    ('client_id without secret', 'campaign_info', dict(client_secret=None), ['missing: client_secret']),
    ('no stream_id', 'campaign_info', dict(stream_id=None), ['stream_id is required', 'KOREAI_STREAM_ID']),
    ('no account_id', 'sms_campaign', dict(campaign_id=VOICE_ACTIVE, state='absent', account_id=None),
     ['account_id is required', 'KOREAI_ACCOUNT_ID']),
    ('host without scheme', 'campaign_info', dict(host='platform.kore.ai'), ['host must be a base URL', 'KOREAI_HOST']),
    ('host with another scheme', 'campaign_info', dict(host='ftp://platform.kore.ai'), ['host must be a base URL']),
    ('host without a name', 'voice_campaign', dict(campaign_id=VOICE_ACTIVE, state='stopped', host='https://'),
     ['host must be a base URL']),
    ('host with a query', 'campaign_info', dict(host='https://platform.kore.ai/?region=eu'),
     ['must not contain a query']),
    ('host with a fragment', 'campaign_info', dict(host='https://platform.kore.ai#x'), ['must not contain a query']),
    ('broken IPv6 host', 'campaign_info', dict(host='http://[::1'), ['host']),
]


@pytest.mark.parametrize('name,module,args,messages', BEFORE_ANY_REQUEST, ids=[c[0] for c in BEFORE_ANY_REQUEST])
def test_refused_before_any_request(name, module, args, messages, sandbox, inproc, reliability):
    result = inproc.run(module, args)
    assert 'crash' not in result, result['crash']
    assert result.failed
    for text in messages:
        assert text in result['msg'], 'missing %r in %r' % (text, result['msg'])
    assert log(sandbox) == [], 'a request was sent'
    assert SECRET not in result.output
    reliability.case('bad-input', name, module=module, injected=', '.join('%s=%r' % kv for kv in sorted(args.items())),
                     did='failed: %s' % result['msg'], outcome='refused before any request', bad_inputs=1,
                     order=[c[0] for c in BEFORE_ANY_REQUEST].index(name))


def _expired():
    from koreai_sandbox.auth import mint_token
    now = int(time.time())
    return mint_token(CLIENT_ID, SECRET, lifetime=None, jti=True, iat=now - 7200, exp=now - 3600)


def _foreign_token():
    import jwt
    return jwt.encode({'appId': CLIENT_ID, 'iat': int(time.time())}, 'some-other-secret-0123456789-abcdefghijkl',
                      algorithm='HS256')


def _token(**kwargs):
    from koreai_sandbox.auth import mint_token
    return mint_token(CLIENT_ID, SECRET, **kwargs)


# (name, connection overrides, substrings); each against a stop of an Active campaign.
REFUSED_BY_THE_API = [
    ('expired token', lambda: dict(token=_expired()), ['HTTP 401', '"exp" not satisfied']),
    ('malformed token', lambda: dict(token='not.a.jwt'), ['HTTP 401', 'Invalid JWT token']),
    ('token signed with another secret', lambda: dict(token=_foreign_token()), ['HTTP 401', 'Invalid JWT token']),
    ('token with a jti and exp 2 h ahead', lambda: dict(token=_token(lifetime=7200)),
     ['HTTP 401', 'must be <= 1 hour']),
    ('wrong client secret', lambda: dict(client_secret='wrong-secret-0123456789-abcdefghijklmnop'),
     ['HTTP 401', 'Invalid JWT token', 'check client_id/client_secret']),
    ('wrong client id', lambda: dict(client_id='cs-00000000-0000-0000-0000-000000000000'),
     ['HTTP 401', 'Invalid SDK credentials']),
    ('unknown stream id', lambda: dict(stream_id='st-00000000-0000-0000-0000-000000000000'),
     ['HTTP 401', 'Invalid SDK credentials', 'stream_id/account_id']),
    ('wrong account id', lambda: dict(account_id='000000000000000000000000'),
     ['HTTP 401', 'Invalid SDK credentials', 'stream_id/account_id']),
]


@pytest.mark.parametrize('name,overrides,messages', REFUSED_BY_THE_API, ids=[c[0] for c in REFUSED_BY_THE_API])
def test_refused_by_the_api_changes_nothing(name, overrides, messages, sandbox, inproc, reliability):
    options = overrides()
    result = inproc.run('voice_campaign', dict(campaign_id=VOICE_ACTIVE, state='stopped', **options))
    assert 'crash' not in result, result['crash']
    assert result.failed
    for text in messages:
        assert text in result['msg'], 'missing %r in %r' % (text, result['msg'])
    assert 'get campaign' in result['msg'] and VOICE_ACTIVE in result['msg']
    entries = log(sandbox)
    assert [e['status_code'] for e in entries] == [401], 'a 401 must not be retried'
    assert write_attempts(entries) == []
    assert sandbox.control.campaign(VOICE_ACTIVE)['status'] == 'Active'
    for value in (options.get('token'), options.get('client_secret'), SECRET):
        assert not value or value not in result.output
    reliability.case('bad-input', name, module='voice_campaign', injected='state=stopped of an Active campaign with %s'
                     % name, did='failed: %s' % result['msg'], outcome='refused by the API; no write', bad_inputs=1,
                     write_attempts=0, order=100 + [c[0] for c in REFUSED_BY_THE_API].index(name))


# -- property-based: ids, names, stream and account ids ------------------------------------------------------

AWKWARD = st.one_of(
    st.text(st.characters(blacklist_categories=('Cs',)), min_size=1, max_size=120),
    st.text(alphabet=' |&/?#%+=;,:@!$\'"()*[]{}<>\\^`~\u00e9\u00fc\u4e2d\U0001f600', min_size=1, max_size=60),
    st.integers(min_value=300, max_value=3000).map(lambda n: ('cd-%s|&/?#%% ' % n) * (n // 12)),
)


def _clean(value):
    # "." and ".." are dot segments (a known bug: test_dot_segment_campaign_ids_reach_the_campaign)
    return value.strip('.') != ''


def test_awkward_campaign_ids_reach_the_sandbox_exactly(sandbox, inproc, reliability):
    tried = []

    @PROPERTY
    @given(campaign_id=AWKWARD.filter(_clean))
    def check(campaign_id):
        tried.append(campaign_id)
        if sandbox.control.campaign(campaign_id) is not None:
            sandbox.control.delete_campaign(campaign_id)
        sandbox.control.seed_campaign(type='voice', name='Awkward id %d' % len(tried), status='Active',
                                      _id=campaign_id)
        sandbox.control.clear_log()
        result = inproc.run('voice_campaign', dict(campaign_id=campaign_id, state='stopped', wait=False))
        assert 'crash' not in result, result['crash']
        assert not result.failed, result['msg']
        encoded = quote(campaign_id, safe='')
        get, trigger = log(sandbox)
        assert get['path'] == '%s/%s' % (V2, encoded) and get['campaign_id'] == campaign_id
        assert trigger['path'] == '/api/v2/public/%s/campaign/trigger/%s' % (STREAM, encoded)
        assert trigger['campaign_id'] == campaign_id and trigger['status_code'] == 200
        assert result['campaign']['id'] == campaign_id
        assert sandbox.control.campaign(campaign_id)['status'] == 'Stopped'

    check()
    reliability.case('bad-input', 'awkward campaign ids (property)', module='voice_campaign',
                     injected='%d ids: any Unicode, space | & / ? # %% and friends, up to %d characters'
                              % (len(tried), max(len(t) for t in tried)),
                     did='each GET and stop reached the campaign with the id as one percent-encoded path segment, '
                         'decoded back exactly by the sandbox; each campaign stopped', outcome='encoded exactly',
                     bad_inputs=len(tried), writes=len(tried), order=200)


def test_awkward_names_reach_the_sandbox_exactly(sandbox, inproc, reliability):
    tried = {'sent': 0, 'refused': 0}

    @PROPERTY
    @given(name=st.one_of(AWKWARD, st.text(max_size=3)).filter(lambda n: n.lower() != VOICE_READY_NAME.lower()))
    def check(name):
        sandbox.control.reset()
        result = None
        if name.strip() and len(name) <= 48:
            seeded = sandbox.control.seed_campaign(type='voice', name=name, status='Ready')
            sandbox.control.clear_log()
            result = inproc.run('campaign_schedule', dict(campaign=name, campaign_type='voice', **FUTURE))
            assert 'crash' not in result, result['crash']
            assert not result.failed, result['msg']
            (write,) = write_attempts(log(sandbox))
            assert write['query']['campaignName'] == name and write['status_code'] == 200
            assert write['query_string'] == 'enableSchedule=true&campaignName=%s' % quote(name, safe='')
            assert sandbox.control.campaign(seeded['_id'])['schedule']['isSchedulingEnabled']
            tried['sent'] += 1
        else:
            result = inproc.run('campaign_schedule', dict(campaign=name, **FUTURE))
            assert result.failed and ('must not be empty' in result['msg'] or 'at most 48' in result['msg'])
            assert log(sandbox) == []
            tried['refused'] += 1

    check()
    assert tried['sent'] and tried['refused']
    reliability.case('bad-input', 'awkward campaign names (property)', module='campaign_schedule',
                     injected='%d names: any Unicode, space | & / ? # %% and friends, empty, blank, over 48 characters'
                              % (tried['sent'] + tried['refused']),
                     did='%d refused before any request (blank or over 48 characters); %d found by name and scheduled, '
                         'campaignName decoded back exactly' % (tried['refused'], tried['sent']),
                     outcome='refused before any request / encoded exactly', bad_inputs=tried['sent'] + tried['refused'],
                     writes=tried['sent'], order=201)


IDS = st.one_of(
    st.text(st.characters(min_codepoint=0x21, max_codepoint=0x7e), min_size=1, max_size=40),
    st.text(st.characters(blacklist_categories=('Cs',)), min_size=1, max_size=40),
    st.text(alphabet=' \t\r\n\x00\x7f\u00a0\u00e9\u20ac/?#%&|', min_size=1, max_size=12).map(lambda t: 'st-' + t),
)


def test_awkward_stream_and_account_ids_reach_the_sandbox_exactly(sandbox, inproc, reliability):
    """Stream and account ids are sent in a path segment and in headers: each is refused before any request,
    naming the option, or reaches the sandbox exactly (and is refused there with a clear 401)."""
    tried = {'sent': 0, 'refused': 0}

    @PROPERTY
    @given(stream=IDS, account=IDS)
    def check(stream, account):
        sandbox.control.clear_log()
        result = inproc.run('voice_campaign', dict(campaign_id=VOICE_ACTIVE, state='stopped', stream_id=stream,
                                                   account_id=account, retries=0))
        assert 'crash' not in result, result['crash']
        assert result.failed
        entries = log(sandbox)
        if not entries:
            tried['refused'] += 1
            if '\x00' in stream + account and result['msg'].startswith(CORE_REFUSES_NUL):
                return  # ansible-core 2.21 refuses it while it logs the invocation, before the module runs
            assert 'stream_id' in result['msg'] or 'account_id' in result['msg'], result['msg']
            return
        tried['sent'] += 1
        assert 'HTTP 401' in result['msg'], result['msg']
        (entry,) = entries
        assert entry['path'] == '/campaign/api/v2/public/%s/campaign/%s' % (quote(stream, safe=''), VOICE_ACTIVE)
        assert entry['headers']['iid'] == stream and entry['headers']['accountId'] == account
        assert entry['query']['accountId'] == account

    check()
    assert tried['sent'] and tried['refused']
    assert sandbox.control.campaign(VOICE_ACTIVE)['status'] == 'Active'
    reliability.case('bad-input', 'awkward stream and account ids (property)', module='voice_campaign',
                     injected='%d pairs: printable ASCII with / ? # %% &, any Unicode, spaces, tabs, line breaks, '
                              'NUL, DEL, U+00A0, non-Latin-1' % (tried['sent'] + tried['refused']),
                     did='%d refused before any request naming stream_id or account_id; %d reached the sandbox '
                         'exactly (path segment, iid and accountId headers, accountId query) and were refused with a '
                         'clear 401; nothing written' % (tried['refused'], tried['sent']),
                     outcome='refused before any request / encoded exactly; no write',
                     bad_inputs=tried['sent'] + tried['refused'], order=202)


def test_schedule_option_fuzz_through_the_module(sandbox, inproc, reliability):
    """Whatever campaign_schedule lets through, the API accepts: no write is ever refused with 400."""
    seen = {'tried': 0, 'refused': 0, 'sent': 0}
    target = sandbox.control.seed_campaign(type='sms', name='Fuzz target', status='Ready')
    odd = {
        'recurrence': st.sampled_from(['monthly', 'Daily', '', 7, None, 'weekly']),
        'every': st.one_of(st.none(), st.integers(-2, 60), st.sampled_from(['2', 'two', 1.5, True, [], {}])),
        'days': st.one_of(st.none(), st.lists(st.sampled_from(['mon', 'Fri', 'funday', 'SU', '', 3]), max_size=4),
                          st.sampled_from(['mon,wed', 'mon', 5])),
        'start': st.sampled_from([None, '2030-1-5 9:00', '2030-01-05T10:00:00+05:30', '2030-01-05T10:00:00Z',
                                  '2020-01-05 10:00:00', '05/01/2030', '', 20300105, 'now']),
        'end': st.sampled_from([None, '2030-01-05 10:00:00', '2031-12-31T23:59:59-08:00', '2030-02-30 10:00:00',
                                '2020-01-01 00:00:00', 'never', 2030]),
        'state': st.sampled_from(['disabled', None, 'on', True]),
        'replace': st.sampled_from([True, False, 'yes', 'maybe']),
    }

    @st.composite
    def option_sets(draw):
        options = dict(recurrence='weekly', every=2, days=['mon', 'thu'], start='2030-01-05 10:00:00',
                       end='2030-03-05 10:00:00')
        for field in draw(st.lists(st.sampled_from(sorted(odd)), max_size=2, unique=True)):
            options[field] = draw(odd[field])
        return options

    @PROPERTY
    @given(options=option_sets())
    def check(options):
        seen['tried'] += 1
        sandbox.control.set_campaign(target['_id'], status='Ready', schedule={'isSchedulingEnabled': False,
                                                                              'isRecurrenceEnabled': False})
        options = dict((k, v) for k, v in options.items() if v is not None)
        sandbox.control.clear_log()
        result = inproc.run('campaign_schedule', dict(options, campaign='Fuzz target', campaign_type='sms'))
        assert 'crash' not in result, result['crash']
        writes = write_attempts(log(sandbox))
        if not log(sandbox):
            assert result.failed and result['msg'], result
            seen['refused'] += 1
            return
        assert [w['status_code'] for w in writes if w['status_code'] >= 400] == [], (options, writes)
        assert not result.failed, (options, result['msg'])
        seen['sent'] += len(writes)

    check()
    assert seen['refused'] and seen['sent']
    reliability.case('bad-input', 'campaign_schedule option fuzz (property)', module='campaign_schedule',
                     injected='%d option sets: a valid weekly schedule with up to two options replaced by wrong '
                              'types, unknown values, bad or odd dates, days as strings and numbers' % seen['tried'],
                     did='%d refused before any request with a message; every one sent (%d writes) was accepted by '
                         'the API' % (seen['refused'], seen['sent']), outcome='refused before any request / accepted',
                     bad_inputs=seen['tried'], writes=seen['sent'], order=203)


# -- bugs ----------------------------------------------------------------------------------------------------

FIXED_NON_LATIN1_IDS_ARE_REFUSED_CLEARLY = (
    'a stream_id or account_id outside Latin-1 (e.g. "st-€") crashes every module with an unhandled '
    'UnicodeEncodeError from http.client while sending the iid/accountId header: the task fails with MODULE '
    'FAILURE and a traceback. api_module.KoreaiModule.connection_problems should refuse ids that cannot be sent '
    'as header values (e.g. not matching ^[\\x21-\\x7e]+$), naming the option')


@pytest.mark.parametrize('option', ['stream_id', 'account_id'])
def test_non_latin1_ids_are_refused_clearly(option, sandbox, inproc, reliability):
    reliability.fixed_bug(FIXED_NON_LATIN1_IDS_ARE_REFUSED_CLEARLY)
    result = inproc.run('voice_campaign', {'campaign_id': VOICE_ACTIVE, 'state': 'stopped', option: 'st-\u20ac'})
    assert 'crash' not in result, result['crash']
    assert result.failed and option in result['msg'] and log(sandbox) == []


FIXED_IDS_WITH_LINE_BREAKS_ARE_REFUSED_BEFORE_ANY_REQUEST = (
    'an account_id (or stream_id) with a line break or leading space passes the option checks; requests then '
    'raises InvalidHeader, which client.KoreaiClient.request treats as "no response" from a request that may '
    'have been sent: reads are retried with backoff (about 7.5 s with the default retries=4) and the task fails '
    'with "no response from <host>: InvalidHeader (after 5 attempts)", which names neither the option nor the '
    'problem. Fix: refuse such ids in connection_problems; treat requests.exceptions.InvalidHeader, InvalidURL, '
    'MissingSchema and InvalidSchema as not sent and not retryable')


def test_ids_with_line_breaks_are_refused_before_any_request(sandbox, inproc, reliability):
    reliability.fixed_bug(FIXED_IDS_WITH_LINE_BREAKS_ARE_REFUSED_BEFORE_ANY_REQUEST)
    result = inproc.run('voice_campaign', dict(campaign_id=VOICE_ACTIVE, state='stopped', retries=1,
                                               account_id=ACCOUNT + '\nX-Injected: 1'))
    assert result.failed and 'account_id' in result['msg'] and result.get('api_calls', 0) == 0


FIXED_UNUSABLE_HOSTS_ARE_REFUSED_BEFORE_ANY_REQUEST = (
    'client.split_host accepts hosts that requests cannot use, e.g. "http://127.0.0.1:99999" (port out of range) '
    'or "http://exa mple.com": the request fails with InvalidURL, which is retried as a read without an answer '
    '("no response from http://127.0.0.1:99999: InvalidURL (after 5 attempts)") instead of being refused before '
    'any request with the host option named. Fix: in split_host check parts.port (ValueError) and that the '
    'hostname has no spaces; treat InvalidURL as a configuration error')


@pytest.mark.parametrize('host', ['http://127.0.0.1:99999', 'http://exa mple.com'])
def test_unusable_hosts_are_refused_before_any_request(host, inproc, reliability):
    reliability.fixed_bug(FIXED_UNUSABLE_HOSTS_ARE_REFUSED_BEFORE_ANY_REQUEST)
    result = inproc.run('campaign_info', dict(host=host, retries=1))
    assert result.failed and 'host' in result['msg'] and 'KOREAI_HOST' in result['msg'], result['msg']


FIXED_DOT_SEGMENT_IDS = (
    'client.quote_segment leaves "." and ".." as they are; requests/urllib3 then remove them as dot segments, so '
    'campaign_id=".." was sent to GET /campaign/api/v2/public/<stream>/ instead of the campaign. Fixed by refusing '
    'such ids in validate.check_identity (requests decodes %2E back to a dot, so encoding cannot help)')


@pytest.mark.parametrize('campaign_id', ['.', '..', '...'])
def test_dot_segment_campaign_ids_are_refused_before_any_request(campaign_id, sandbox, inproc, reliability):
    reliability.fixed_bug(FIXED_DOT_SEGMENT_IDS)
    sandbox.control.clear_log()
    for module, args in (('voice_campaign', dict(campaign_id=campaign_id, state='absent')),
                         ('campaign_info', dict(campaign_id=campaign_id))):
        result = inproc.run(module, args)
        assert result.failed and 'is not a campaign ID' in result['msg'], result['msg']
    assert sandbox.control.requests_log() == []


# -- the same through ansible-playbook -----------------------------------------------------------------------

def test_bad_input_through_ansible_playbook(ansible, sandbox, reliability):
    """A cross-section of the cases above in one real playbook: same messages, nothing sent or changed."""
    tasks = [
        task('campaign_schedule', campaign=VOICE_READY_NAME, recurrence='daily', start='tomorrow',
             end='2030-03-05 10:00:00'),
        task('voice_campaign', campaign_id=VOICE_ACTIVE, state='stopped', wait_timeout='soon'),
        task('voice_campaign', campaign_id=VOICE_ACTIVE, state='stopped', host='platform.kore.ai'),
        task('sms_campaign', name='N' * 49, state='absent'),
        task('voice_campaign', campaign_id=VOICE_ACTIVE, state='stopped', token=_expired()),
        task('voice_campaign', campaign_id=VOICE_ACTIVE, state='stopped', client_secret=''),
    ]
    rc, results, output = ansible.playbook(tasks)
    assert results is not None, output
    assert all(r.get('failed') for r in results), results
    bad_date, bad_type, bad_host, long_name, expired, no_secret = results
    assert "start='tomorrow' is not a date" in bad_date['msg']
    assert "argument 'wait_timeout'" in bad_type['msg']
    assert 'host must be a base URL' in bad_host['msg']
    assert 'at most 48' in long_name['msg']
    assert 'HTTP 401' in expired['msg'] and 'not satisfied' in expired['msg']
    assert 'no credentials' in no_secret['msg'] and 'missing: client_secret' in no_secret['msg']
    entries = log(sandbox)
    assert [e['status_code'] for e in entries] == [401] and write_attempts(entries) == []
    assert sandbox.control.campaign(VOICE_ACTIVE)['status'] == 'Active'
    reliability.case('bad-input', 'six bad inputs in one ansible-playbook run', module='ansible-playbook',
                     injected='a date that is none, a wrong type, a host without scheme, a 49-character name, an expired '
                              'token, missing credentials',
                     did='five refused before any request, the expired token refused by the API with 401; same messages '
                         'as in process', outcome='refused; nothing written', bad_inputs=6, order=300)
