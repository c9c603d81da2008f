# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The HTTP transport (client.py): tokens, headers, query and path encoding, retries as the policy says, errors, secret hygiene."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import time

import jwt
import pytest
import requests
from urllib3.exceptions import NewConnectionError, ProtocolError

from ansible_collections.koreai.campaign.plugins.module_utils import client as client_lib
from ansible_collections.koreai.campaign.plugins.module_utils.client import (
    build_query, is_failure_envelope, parse_api_error, quote_segment, split_host)
from ansible_collections.koreai.campaign.plugins.module_utils.errors import (
    KoreaiApiError, KoreaiError, KoreaiUnknownOutcome)
from ansible_collections.koreai.campaign.plugins.module_utils.retries import RetryPolicy

from ..fakes import CLIENT_ID, SECRET, STREAM, ACCOUNT

PATH = '/campaign/api/v2/public/%s/campaign/cd-1' % STREAM


def claims_of(recorded):
    return jwt.decode(recorded.headers['auth'], SECRET, algorithms=['HS256'])


class TestTokens:
    def test_claims_follow_the_kore_jwt_contract(self, client, adapter):
        adapter.add(body={'status': 'success', 'data': {}})
        before = int(time.time())
        client.request('GET', PATH, 'get campaign')
        claims = claims_of(adapter.requests[0])
        assert claims['appId'] == CLIENT_ID
        assert claims['sub']
        assert before <= claims['iat'] <= int(time.time())
        assert 0 < claims['exp'] - claims['iat'] <= 3600
        assert len(claims['jti']) >= 32

    def test_every_request_gets_a_fresh_jti(self, client, adapter):
        for dummy in range(3):
            adapter.add(body={'data': {}})
            client.request('GET', PATH, 'get campaign')
        jtis = set(claims_of(r)['jti'] for r in adapter.requests)
        assert len(jtis) == 3

    def test_ready_token_is_sent_as_is(self, make_client, adapter):
        client = make_client(client_id=None, client_secret=None, token='ready.jwt.value')
        adapter.add(body={'data': {}})
        client.request('GET', PATH, 'get campaign')
        assert adapter.requests[0].headers['auth'] == 'ready.jwt.value'

    def test_minted_tokens_are_reported_as_secrets(self, make_client, adapter):
        seen = []
        client = make_client(on_secret=seen.append)
        adapter.add(body={'data': {}})
        client.request('GET', PATH, 'get campaign')
        assert seen == [adapter.requests[0].headers['auth']]


class TestHeaders:
    def test_auth_iid_account_headers_and_no_content_type_without_body(self, client, adapter):
        adapter.add(body={'data': {}})
        client.request('GET', PATH, 'get campaign')
        headers = adapter.requests[0].headers
        assert headers['iid'] == STREAM
        assert headers['accountId'] == ACCOUNT
        assert 'Content-Type' not in headers
        assert 'Authorization' not in headers
        assert headers['User-Agent'].startswith('koreai.campaign/')

    def test_body_is_json_with_content_type(self, client, adapter):
        adapter.add(body={'status': 'Active'})
        client.request('POST', PATH, 'start', body={}, write=True)
        assert adapter.requests[0].headers['Content-Type'] == 'application/json'
        assert adapter.requests[0].body == {}

    def test_validate_certs_false_wins_over_env_bundle(self, make_client, adapter, monkeypatch):
        monkeypatch.setenv('REQUESTS_CA_BUNDLE', '/nonexistent/bundle.pem')
        assert make_client(validate_certs=False).verify is False
        assert make_client(ca_path='/etc/ca.pem').verify == '/etc/ca.pem'
        assert make_client().verify is True


class TestQuery:
    @pytest.mark.parametrize('value,encoded', [
        ('Agentless Voice | Product Feedback | Jan 9', 'Agentless%20Voice%20%7C%20Product%20Feedback%20%7C%20Jan%209'),
        ('a&b=c/d?e#f%g+h', 'a%26b%3Dc%2Fd%3Fe%23f%25g%2Bh'),
        (u'Kampagne Größe', 'Kampagne%20Gr%C3%B6%C3%9Fe'),
    ])
    def test_reserved_characters_are_escaped(self, value, encoded):
        assert build_query([('campaignName', value)]) == 'campaignName=' + encoded

    def test_order_and_booleans(self):
        assert build_query([('enableSchedule', True), ('campaignName', 'x'), ('skip', None)]) == \
            'enableSchedule=true&campaignName=x'

    def test_query_reaches_the_wire_unchanged(self, client, adapter):
        adapter.add(body={'data': {}})
        client.request('POST', PATH, 'x', query=[('campaignName', 'A | B & C')], body={}, write=True)
        assert adapter.requests[0].raw_query == 'campaignName=A%20%7C%20B%20%26%20C'


class TestRetries:
    def test_429_honours_retry_after_then_succeeds(self, client, adapter, sleeps):
        adapter.add(429, {'errors': [{'msg': "You've exceeded the per-minute rate limit.", 'code': 429}]},
                    {'Retry-After': '7'})
        adapter.add(body={'status': 'Stopped'})
        assert client.request('POST', PATH, 'stop', body={}, write=True) == {'status': 'Stopped'}
        assert sleeps == [7.0]
        assert len(adapter.requests) == 2

    def test_429_without_retry_after_backs_off_past_the_window_and_gives_up(self, make_client, adapter, sleeps):
        client = make_client(retries=2)
        attempts = client.policy.rate_limit_retries() + 1
        for dummy in range(attempts):
            adapter.add(429, {'errors': [{'msg': 'rate', 'code': 429}]})
        with pytest.raises(KoreaiApiError) as info:
            client.request('GET', PATH, 'get campaign')
        assert info.value.status == 429
        assert 'rate limited by the API after %d attempts' % attempts in str(info.value)
        assert sleeps == sorted(sleeps) and max(sleeps) <= client_lib.MAX_RETRY_WAIT
        assert sum(sleeps) > 61  # the account's 60 s window has freed before the last attempt

    def test_retry_warnings_count_the_attempts_the_429_schedule_gives(self, make_client, adapter):
        notes = []
        client = make_client(retries=2, on_retry=notes.append)
        adapter.add(429, {}).add(body={'data': {}})
        client.request('GET', PATH, 'get campaign')
        assert notes[0].endswith('(attempt 2 of %d)' % (client.policy.rate_limit_retries() + 1))

    @pytest.mark.parametrize('header', ['-5', 'nan', 'inf', 'garbage', 'Wed, 21 Oct 2015 07:28:00 GMT'])
    def test_unusable_retry_after_is_the_schedule_not_at_once(self, make_client, adapter, sleeps, header):
        client = make_client(retries=2)
        adapter.add(429, {}, {'Retry-After': header}).add(429, {}, {'Retry-After': header}).add(body={'data': {}})
        client.request('GET', PATH, 'get campaign')
        assert len(sleeps) == 2 and sleeps[0] >= 0.5 and sleeps[1] >= 1.0

    def test_rate_limit_message_without_429_is_treated_as_rate_limit(self, client, adapter, sleeps):
        adapter.add(400, {'status': 'failure', 'message': 'Rate limit for this API has been reached. Please try again later'})
        adapter.add(body={'data': {}})
        client.request('GET', PATH, 'get campaign')
        assert len(sleeps) == 1

    def test_retry_after_is_capped(self, client, adapter, sleeps):
        adapter.add(429, {}, {'Retry-After': '3600'})
        adapter.add(body={'data': {}})
        client.request('GET', PATH, 'get campaign')
        assert sleeps == [client_lib.MAX_RETRY_WAIT]

    @pytest.mark.parametrize('status', [502, 503, 504])
    def test_gateway_errors_are_retried_for_reads(self, client, adapter, status):
        adapter.add(status, '<html>bad gateway</html>')
        adapter.add(body={'data': {'_id': 'cd-1'}})
        assert client.request('GET', PATH, 'get campaign') == {'data': {'_id': 'cd-1'}}

    @pytest.mark.parametrize('status', [500, 502, 503, 504])
    def test_server_errors_on_writes_are_unknown_outcomes_sent_once(self, client, adapter, status):
        adapter.add(status, {'errors': [{'msg': 'Internal error', 'code': status}]})
        with pytest.raises(KoreaiUnknownOutcome) as info:
            client.request('POST', PATH, 'stop voice campaign', body={}, write=True, campaign='cd-1')
        assert len(adapter.requests) == 1
        assert info.value.status == status
        assert 'may have been applied' in str(info.value)

    def test_500_on_read_is_not_retried(self, client, adapter):
        adapter.add(500, {'errors': [{'msg': 'boom', 'code': 500}]})
        with pytest.raises(KoreaiApiError):
            client.request('GET', PATH, 'get campaign')
        assert len(adapter.requests) == 1

    def test_refused_connection_is_retried_even_for_writes(self, client, adapter):
        refused = requests.exceptions.ConnectionError(NewConnectionError(None, 'Connection refused'))
        adapter.add_error(refused)
        adapter.add(body={'status': 'Stopped'})
        client.request('POST', PATH, 'stop', body={}, write=True)
        assert len(adapter.requests) == 2

    def test_reset_after_sending_a_write_is_an_unknown_outcome(self, client, adapter):
        adapter.add_error(requests.exceptions.ConnectionError(ProtocolError('Connection aborted.',
                                                                            ConnectionResetError(104, 'reset'))))
        with pytest.raises(KoreaiUnknownOutcome):
            client.request('DELETE', PATH, 'delete voice campaign', write=True)
        assert len(adapter.requests) == 1

    def test_read_timeout_is_retried_for_reads_only(self, client, adapter):
        adapter.add_error(requests.exceptions.ReadTimeout('slow'))
        adapter.add(body={'data': {}})
        client.request('GET', PATH, 'get campaign')
        adapter.add_error(requests.exceptions.ReadTimeout('slow'))
        with pytest.raises(KoreaiUnknownOutcome) as info:
            client.request('POST', PATH, 'start', body={}, write=True)
        assert 'within 30 seconds' in str(info.value)
        assert len(adapter.requests) == 3

    def test_unreadable_body(self, client, adapter):
        adapter.add(200, '<html>proxy</html>')
        adapter.add(body={'data': {}})
        client.request('GET', PATH, 'get campaign')
        adapter.add(200, '<html>proxy</html>')
        with pytest.raises(KoreaiUnknownOutcome) as info:
            client.request('POST', PATH, 'start', body={}, write=True)
        assert 'not JSON' in str(info.value)

    def test_no_retry_when_retries_is_zero(self, make_client, adapter):
        client = make_client(retries=0)
        adapter.add(503, {})
        with pytest.raises(KoreaiApiError):
            client.request('GET', PATH, 'get campaign')
        assert len(adapter.requests) == 1

    def test_retries_are_reported(self, make_client, adapter):
        notes = []
        client = make_client(on_retry=notes.append)
        adapter.add(429, {}, {'Retry-After': '1'})
        adapter.add(body={'data': {}})
        client.request('GET', PATH, 'get campaign')
        assert notes and 'rate limited' in notes[0] and 'attempt 2' in notes[0]


class TestErrors:
    def test_errors_envelope(self, client, adapter):
        adapter.add(401, {'errors': [{'msg': 'Invalid SDK credentials', 'code': 4002}]})
        with pytest.raises(KoreaiApiError) as info:
            client.request('GET', PATH, 'get campaign', campaign="'Renewals' (cd-1)")
        text = str(info.value)
        assert info.value.status == 401
        assert info.value.api_message == 'Invalid SDK credentials (code 4002)'
        for part in ('get campaign', "'Renewals' (cd-1)", 'HTTP 401', 'Invalid SDK credentials', 'GET ' + PATH,
                     'client_id'):
            assert part in text

    def test_status_message_envelope_with_http_200(self, client, adapter):
        adapter.add(200, {'status': 'failure', 'message': 'Campaign name is invalid'})
        with pytest.raises(KoreaiApiError) as info:
            client.request('POST', PATH, 'enable schedule', body={}, write=True)
        assert 'Campaign name is invalid' in str(info.value)

    def test_trigger_status_is_not_a_success_flag(self, client, adapter):
        adapter.add(200, {'status': 'Stopped', 'message': 'Campaign Stopped'})
        assert client.request('POST', PATH, 'stop', body={}, write=True)['status'] == 'Stopped'

    def test_redirect_is_not_followed(self, client, adapter):
        adapter.add(301, '', {'Location': 'https://elsewhere.example/'})
        with pytest.raises(KoreaiApiError) as info:
            client.request('GET', PATH, 'get campaign')
        assert 'elsewhere.example' in str(info.value)

    def test_secrets_never_appear_in_error_text(self, make_client, adapter):
        client = make_client()
        adapter.add(400, {'errors': [{'msg': 'bad secret ' + SECRET, 'code': 400}]})
        with pytest.raises(KoreaiApiError) as info:
            client.request('GET', PATH, 'get campaign')
        assert SECRET not in str(info.value)
        assert SECRET not in repr(info.value.__dict__)

    def test_minted_token_never_appears_in_error_text(self, client, adapter):
        adapter.add(400, {})
        with pytest.raises(KoreaiApiError):
            client.request('GET', PATH, 'get campaign')
        token = adapter.requests[0].headers['auth']
        adapter.add(400, {'errors': [{'msg': 'token ' + token + ' rejected', 'code': 400}]})
        # The echoed token belongs to the first request; any minted token is scrubbed.
        with pytest.raises(KoreaiApiError) as info:
            client.request('GET', PATH, 'get campaign')
        assert token not in str(info.value)

    def test_tls_failure_names_the_way_out(self, client, adapter):
        adapter.add_error(requests.exceptions.SSLError('certificate verify failed'))
        with pytest.raises(KoreaiApiError) as info:
            client.request('GET', PATH, 'get campaign')
        assert 'ca_path' in str(info.value) and 'validate_certs' in str(info.value)

    @pytest.mark.parametrize('payload,text,expected', [
        ({'errors': [{'msg': 'a', 'code': 1}, {'msg': 'b'}]}, None, 'a (code 1); b'),
        ({'status': 'error', 'message': 'nope'}, None, 'nope'),
        (None, '  <html>\n oops </html> ', '<html> oops </html>'),
        (None, None, 'no error message in the response'),
    ])
    def test_parse_api_error(self, payload, text, expected):
        assert parse_api_error(payload, text) == expected


@pytest.mark.parametrize('host', ['platform.kore.ai', 'ftp://x', 'https://x?y=1', '', None])
def test_bad_hosts_are_rejected(host):
    with pytest.raises(ValueError):
        split_host(host)


@pytest.mark.parametrize('host', ['https://platform.kore.ai/api/1.1', 'http://127.0.0.1:8765/campaign/',
                                  'https://platform.kore.ai//x'])
def test_a_host_with_a_path_is_refused(host):
    with pytest.raises(ValueError) as info:
        split_host(host)
    assert str(info.value).startswith('host must be the base URL without a path (got %r); write ' % host)


def test_a_host_with_a_path_names_the_base_url():
    with pytest.raises(ValueError, match=r"write http://127\.0\.0\.1:8765$"):
        split_host('http://127.0.0.1:8765/campaign/api/v2')


def test_host_trailing_slash_is_dropped():
    assert split_host('https://platform.kore.ai/') == 'https://platform.kore.ai'


@pytest.mark.parametrize('host', ['https://x:0', 'https://x:00', 'https://x:99999', 'https://x:port'])
def test_bad_ports_are_rejected(host):
    with pytest.raises(ValueError) as info:
        split_host(host)
    assert 'port' in str(info.value)


@pytest.mark.parametrize('value,encoded', [('cd-1', 'cd-1'), ('cd-1/../x?y', 'cd-1%2F..%2Fx%3Fy'), ('a b#c', 'a%20b%23c'),
                                           (42, '42')])
def test_quote_segment_keeps_one_path_segment(value, encoded):
    assert quote_segment(value) == encoded


@pytest.mark.parametrize('payload,failure', [({'status': 'failure'}, True), ({'status': 'Error'}, True),
                                             ({'status': 'failed'}, True), ({'status': 'success'}, False),
                                             ({'status': 'Stopped'}, False), ({}, False), ([], False), (None, False)])
def test_failure_envelope(payload, failure):
    assert is_failure_envelope(payload) is failure


class TestTransport:
    def test_the_given_policy_decides(self, make_client, adapter, sleeps):
        client = make_client(policy=RetryPolicy(1, jitter=lambda: 0))
        adapter.add(503, {}).add(503, {})
        with pytest.raises(KoreaiApiError) as info:
            client.request('GET', PATH, 'get campaign')
        assert client.retries == 1 and sleeps == [0.5] and len(adapter.requests) == 2
        assert info.value.status == 503

    def test_retry_backoff_doubles(self, make_client, adapter, sleeps):
        client = make_client(policy=RetryPolicy(3, jitter=lambda: 0))
        for dummy in range(3):
            adapter.add(502, '<html>bad gateway</html>')
        adapter.add(body={'data': {}})
        client.request('GET', PATH, 'get campaign')
        assert sleeps == [0.5, 1.0, 2.0]

    def test_refused_every_time_says_how_often_it_tried(self, make_client, adapter):
        client = make_client(retries=2)
        for dummy in range(3):
            adapter.add_error(requests.exceptions.ConnectionError(NewConnectionError(None, 'Connection refused')))
        with pytest.raises(KoreaiApiError) as info:
            client.request('POST', PATH, 'stop', body={}, write=True)
        assert 'cannot connect to' in str(info.value) and '(after 3 attempts)' in str(info.value)
        assert not isinstance(info.value, KoreaiUnknownOutcome)

    def test_connect_timeout_is_not_sent_and_retried_for_writes(self, client, adapter):
        adapter.add_error(requests.exceptions.ConnectTimeout('connect timed out'))
        adapter.add(body={'status': 'Stopped'})
        assert client.request('POST', PATH, 'stop', body={}, write=True) == {'status': 'Stopped'}

    def test_a_request_that_cannot_be_built_is_not_retried(self, client, adapter):
        adapter.add_error(requests.exceptions.InvalidHeader('bad header value'))
        with pytest.raises(KoreaiApiError) as info:
            client.request('GET', PATH, 'get campaign')
        assert 'could not be built' in str(info.value) and len(adapter.requests) == 1

    def test_calls_and_last_status_are_counted(self, client, adapter):
        adapter.add(503, {}).add(body={'data': {}})
        client.request('GET', PATH, 'get campaign')
        assert client.calls == 2 and client.last_status == 200

    def test_empty_body_is_an_empty_answer(self, client, adapter):
        adapter.add(200, '')
        assert client.request('DELETE', PATH, 'delete voice campaign', write=True) == {}

    def test_every_attempt_is_paced(self, make_client, adapter):
        class Pacer:
            acquired = 0

            def acquire(self):
                Pacer.acquired += 1
        client = make_client(pacer=Pacer())
        adapter.add(429, {}, {'Retry-After': '0'}).add(body={'data': {}})
        client.request('GET', PATH, 'get campaign')
        assert Pacer.acquired == 2

    def test_403_names_the_scope(self, client, adapter):
        adapter.add(403, {'errors': [{'msg': 'Forbidden', 'code': 403}]})
        with pytest.raises(KoreaiApiError) as info:
            client.request('GET', PATH, 'get campaign')
        assert 'Campaign Management API scope' in str(info.value)

    def test_retry_warnings_are_scrubbed(self, make_client, adapter):
        notes = []
        client = make_client(on_retry=notes.append)
        adapter.add(503, {'errors': [{'msg': 'upstream said ' + SECRET, 'code': 503}]})
        adapter.add(body={'data': {}})
        client.request('GET', PATH, 'get campaign')
        assert notes and SECRET not in notes[0] and '********' in notes[0]

    def test_missing_requests_library_is_a_collection_error(self, monkeypatch):
        monkeypatch.setattr(client_lib, 'HAS_REQUESTS', False)
        with pytest.raises(KoreaiError) as info:
            client_lib.KoreaiClient('https://x', 's', 'a', token='t')
        assert '"requests" is required' in str(info.value)


class _LocalServer:
    """A tiny HTTP/1.1 server on 127.0.0.1: every answer's body is sent one byte every `pause` seconds."""

    def __init__(self, body=b'{"data": {}}', pause=0.0):
        import socket
        import threading
        self.body, self.pause = body, pause
        self.connections = 0
        self.sock = socket.socket()
        self.sock.bind(('127.0.0.1', 0))
        self.sock.listen(8)
        self.url = 'http://127.0.0.1:%d' % self.sock.getsockname()[1]
        self.stopped = threading.Event()
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        import threading
        while not self.stopped.is_set():
            try:
                conn, dummy = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn):
        with conn:
            reader = conn.makefile('rb')
            while not self.stopped.is_set():
                line = reader.readline()
                if not line:
                    return
                while reader.readline() not in (b'\r\n', b'\n', b''):
                    pass
                conn.sendall(b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n'
                             % len(self.body))
                if not self.pause:
                    conn.sendall(self.body)
                    continue
                for n in range(len(self.body)):
                    if self.stopped.wait(self.pause):
                        return
                    try:
                        conn.sendall(self.body[n:n + 1])
                    except OSError:
                        return

    def close(self):
        self.stopped.set()
        self.sock.close()


@pytest.fixture
def local_server():
    servers = []

    def start(**kwargs):
        servers.append(_LocalServer(**kwargs))
        return servers[-1]
    yield start
    for server in servers:
        server.close()


class TestDeadline:
    def test_a_trickling_body_fails_at_the_timeout_not_per_read(self, local_server):
        # 40 bytes, one every 0.2 s: 8 s in all, while each read waits far less than the 1 s timeout.
        server = local_server(body=b'{"data": {"name": "trickled slowly"}}   ', pause=0.2)
        client = client_lib.KoreaiClient(server.url, STREAM, ACCOUNT, CLIENT_ID, SECRET, timeout=1.0, retries=0)
        started = time.monotonic()
        with pytest.raises(KoreaiApiError) as info:
            client.request('GET', PATH, 'get campaign')
        assert time.monotonic() - started < 2.0
        assert 'no complete response' in str(info.value) and 'within 1.0 seconds' in str(info.value)

    def test_a_write_whose_body_trickles_past_the_deadline_has_an_unknown_outcome(self, local_server):
        server = local_server(body=b'{"status": "Stopped"}          ', pause=0.2)
        client = client_lib.KoreaiClient(server.url, STREAM, ACCOUNT, CLIENT_ID, SECRET, timeout=1.0, retries=3)
        with pytest.raises(KoreaiUnknownOutcome):
            client.request('POST', PATH, 'stop', body={}, write=True)
        assert client.calls == 1

    def test_a_body_within_the_deadline_is_read_whole_and_the_connection_reused(self, local_server):
        server = local_server(body=b'{"data": {"name": "' + b'x' * 200000 + b'"}}')
        client = client_lib.KoreaiClient(server.url, STREAM, ACCOUNT, CLIENT_ID, SECRET, timeout=5.0)
        for dummy in range(3):
            assert len(client.request('GET', PATH, 'get campaign')['data']['name']) == 200000
        assert server.connections == 1

    def test_a_slow_body_that_ends_before_the_deadline_is_accepted(self, local_server):
        server = local_server(body=b'{"a": 1}', pause=0.05)
        client = client_lib.KoreaiClient(server.url, STREAM, ACCOUNT, CLIENT_ID, SECRET, timeout=3.0, retries=0)
        assert client.request('GET', PATH, 'get campaign') == {'a': 1}


# -- connection failures whose cause is known: said plainly, not retried (issue 16) ------------------------------

@pytest.fixture
def plain_http_port():
    """A plain-HTTP server on 127.0.0.1 that answers anything with 200 (a TLS hello gets a 400)."""
    import http.server
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(('127.0.0.1', 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def _free_port():
    import socket
    probe = socket.socket()
    probe.bind(('127.0.0.1', 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def _real_client(host, sleeps, **kwargs):
    return client_lib.KoreaiClient(host=host, stream_id=STREAM, account_id=ACCOUNT, client_id=CLIENT_ID,
                                   client_secret=SECRET, sleep=sleeps.append, timeout=5, **kwargs)


def test_https_to_a_plain_http_server_says_use_http(plain_http_port, sleeps):
    client = _real_client('https://127.0.0.1:%d' % plain_http_port, sleeps, validate_certs=False)
    with pytest.raises(KoreaiApiError) as info:
        client.request('GET', PATH, 'get campaign')
    message = str(info.value)
    assert ('the server at 127.0.0.1:%d speaks plain HTTP, not HTTPS; use host=http://127.0.0.1:%d'
            % (plain_http_port, plain_http_port)) in message
    assert 'validate_certs' not in message and 'ca_path' not in message and 'certificate' not in message
    assert sleeps == [] and client.calls == 1


def test_a_refused_connection_fails_at_once_with_a_hint_to_check_host(sleeps):
    port = _free_port()
    client = _real_client('http://127.0.0.1:%d' % port, sleeps)
    with pytest.raises(KoreaiApiError) as info:
        client.request('GET', PATH, 'get campaign')
    assert str(info.value) == (
        'get campaign failed (from GET %s): nothing accepts connections at 127.0.0.1:%d (connection refused); '
        'check host (scheme, name and port) and that the server is running' % (PATH, port))
    assert sleeps == [] and client.calls == 1


def test_a_host_name_that_does_not_resolve_fails_at_once(make_client, adapter, sleeps):
    import socket
    from urllib3.exceptions import NameResolutionError
    cause = NameResolutionError('no-such-host.invalid', None, socket.gaierror(-2, 'Name or service not known'))
    adapter.add_error(requests.exceptions.ConnectionError(cause))
    client = make_client(host='https://no-such-host.invalid')
    with pytest.raises(KoreaiApiError) as info:
        client.request('GET', PATH, 'get campaign')
    assert 'the host name no-such-host.invalid does not resolve (DNS lookup failed); check host' in str(info.value)
    assert sleeps == [] and len(adapter.requests) == 1


def test_a_tls_failure_with_validate_certs_off_does_not_advise_it(make_client, adapter):
    adapter.add_error(requests.exceptions.SSLError('[SSL: SSLV3_ALERT_HANDSHAKE_FAILURE] sslv3 alert handshake failure'))
    client = make_client(validate_certs=False)
    with pytest.raises(KoreaiApiError) as info:
        client.request('GET', PATH, 'get campaign')
    assert 'set validate_certs=false' not in str(info.value) and 'ca_path' not in str(info.value)
    assert 'TLS handshake with https://kore.example.test failed' in str(info.value)


REPLAY = {'errors': [{'msg': 'error verifying the jwt: possibly a replay', 'code': 401}]}


def test_a_ready_token_refused_as_a_replay_says_it_is_single_use(make_client, adapter):
    client = make_client(client_id=None, client_secret=None, token='ready.token.value')
    adapter.add(body={'data': {}}).add(401, REPLAY)
    client.request('GET', PATH, 'get campaign')
    with pytest.raises(KoreaiApiError) as info:
        client.request('GET', PATH, 'get campaign')
    message = str(info.value)
    assert 'possibly a replay (code 401); the token was used before: a token with a jti is single-use' in message
    assert 'Give client_id and client_secret instead' in message and 'ready.token.value' not in message


def test_a_replay_with_signed_tokens_keeps_the_401_advice(make_client, adapter):
    adapter.add(401, REPLAY)
    with pytest.raises(KoreaiApiError) as info:
        make_client().request('GET', PATH, 'get campaign')
    assert 'single-use' not in str(info.value) and 'check client_id/client_secret' in str(info.value)
