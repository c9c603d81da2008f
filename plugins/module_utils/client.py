# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""HTTP transport for the Kore.ai Campaign Management API.

The only place in the collection that knows about HTTP, JWT, headers and error envelopes. What to
retry and how long to wait is retries.py's; API paths live in the api_*.py files.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import socket
import time
import traceback
import uuid
from urllib.parse import quote, urlencode, urlsplit, urlunsplit

REQUESTS_IMPORT_ERROR = None
try:
    import requests
    import requests.exceptions
    HAS_REQUESTS = True
    import urllib3.exceptions
except ImportError:
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = traceback.format_exc()

JWT_IMPORT_ERROR = None
try:
    import jwt
    # The unrelated "jwt" package shadows PyJWT under the same import name.
    HAS_JWT = hasattr(jwt, 'encode')
    if not HAS_JWT:
        JWT_IMPORT_ERROR = 'the installed "jwt" package is not PyJWT'
except ImportError:
    HAS_JWT = False
    JWT_IMPORT_ERROR = traceback.format_exc()

from ansible_collections.koreai.campaign.plugins.module_utils.errors import (
    KoreaiApiError, KoreaiError, KoreaiUnknownOutcome)
from ansible_collections.koreai.campaign.plugins.module_utils.retries import (
    DEFAULT_RETRIES, MAX_RETRY_WAIT, NO_ANSWER, NOT_SENT, RATE_LIMITED, SERVER_ERROR, UNREADABLE,
    Failure, RetryPolicy, retry_after_seconds)
from ansible_collections.koreai.campaign.plugins.module_utils.version import COLLECTION_VERSION

DEFAULT_HOST = 'https://platform.kore.ai'
DEFAULT_TIMEOUT = 30
# Kore.ai rejects a token with a jti whose exp is more than an hour ahead; stay well inside it.
TOKEN_LIFETIME = 600
# Bytes asked for per read of a response body; each read is bounded by the time left to the deadline.
BODY_CHUNK = 65536
# The rate limit's status code is undocumented; these are the documented messages.
RATE_LIMIT_MESSAGES = (
    "exceeded the per-minute rate limit",
    "rate limit for this api has been reached",
)
# requests refuses these before sending anything: a bad option, not a network problem.
CONFIGURATION_ERRORS = (
    (requests.exceptions.InvalidHeader, requests.exceptions.InvalidURL, requests.exceptions.MissingSchema,
     requests.exceptions.InvalidSchema) if HAS_REQUESTS else ())
__all__ = ['KoreaiClient', 'KoreaiError', 'KoreaiApiError', 'KoreaiUnknownOutcome', 'MAX_RETRY_WAIT',
           'retry_after_seconds']


def _scrub(text, secrets):
    for secret in secrets:
        if secret and secret in text:
            text = text.replace(secret, '********')
    return text


def parse_api_error(payload, text=None):
    """Return the API's own message from either documented error shape, or a short excerpt of the body."""
    if isinstance(payload, dict):
        errors = payload.get('errors')
        if isinstance(errors, list) and errors:
            msgs = []
            for item in errors:
                if isinstance(item, dict):
                    msg = item.get('msg') or item.get('message')
                    code = item.get('code')
                    if msg and code is not None:
                        msgs.append('%s (code %s)' % (msg, code))
                    elif msg:
                        msgs.append(str(msg))
                else:
                    msgs.append(str(item))
            if msgs:
                return '; '.join(msgs)
        if payload.get('message'):
            return str(payload['message'])
        if payload.get('error'):
            return str(payload['error'])
    if text:
        text = ' '.join(text.split())
        return text[:200] + ('...' if len(text) > 200 else '')
    return 'no error message in the response'


def is_failure_envelope(payload):
    """True for the campaign service's {"status": "failure"|"error"} answers sent with HTTP 200."""
    return isinstance(payload, dict) and str(payload.get('status', '')).lower() in ('failure', 'error', 'failed')


def is_rate_limited(status, api_message):
    if status == 429:
        return True
    lowered = (api_message or '').lower()
    return any(m in lowered for m in RATE_LIMIT_MESSAGES)


def _causes(exc):
    """The exception and what it wraps (requests -> urllib3 -> socket), outermost first."""
    seen = set()
    current = exc
    while isinstance(current, BaseException) and id(current) not in seen:
        seen.add(id(current))
        yield current
        reason = getattr(current, 'reason', None)
        args = getattr(current, 'args', ())
        # Follow only exceptions: an SSL error's "reason" is a string, for one.
        if isinstance(reason, BaseException) and reason is not current:
            current = reason
        elif args and isinstance(args[0], BaseException):
            current = args[0]
        else:
            current = current.__cause__ or current.__context__


def _not_sent(exc):
    """True when a requests exception proves the request never reached the server."""
    if isinstance(exc, (requests.exceptions.ConnectTimeout,) + CONFIGURATION_ERRORS):
        return True
    return any(type(c).__name__ in ('NewConnectionError', 'NameResolutionError', 'ConnectTimeoutError')
               for c in _causes(exc))


# What OpenSSL says when the "TLS server" answers in plain HTTP (OpenSSL 1.1/3.0, then 3.2+).
PLAIN_HTTP_SIGNS = ('wrong version number', 'wrong_version_number', 'record layer failure', 'packet length too long')


def connection_cause(exc):
    """Why a connection failed, when the cause is known and no retry can mend it: 'refused', 'dns',
    'plain http' (an https:// host that speaks HTTP), or None."""
    for cause in _causes(exc):
        if isinstance(cause, ConnectionRefusedError):
            return 'refused'
        if isinstance(cause, socket.gaierror) or type(cause).__name__ == 'NameResolutionError':
            return 'dns'
    if isinstance(exc, requests.exceptions.SSLError):
        text = ' '.join(str(c) for c in _causes(exc)).lower()
        if any(sign in text for sign in PLAIN_HTTP_SIGNS):
            return 'plain http'
    return None


def quote_segment(value):
    """Percent-encode one path segment (ids are opaque; '/' and '?' must not split the path)."""
    return quote(str(value), safe='')


def build_query(params):
    """Encode query parameters in the given order, spaces as %20, every reserved character escaped."""
    pairs = [(k, 'true' if v is True else 'false' if v is False else v) for k, v in params if v is not None]
    return urlencode(pairs, quote_via=quote, safe='')


class KoreaiClient:
    """One per module run: a requests Session, JWT minting and error parsing; retries as the policy says."""

    def __init__(self, host, stream_id, account_id, client_id=None, client_secret=None, token=None,
                 validate_certs=True, ca_path=None, timeout=DEFAULT_TIMEOUT, retries=DEFAULT_RETRIES,
                 on_secret=None, on_retry=None, sleep=None, pacer=None, policy=None):
        if not HAS_REQUESTS:
            raise KoreaiError('the Python library "requests" is required')
        if token is None and not HAS_JWT:
            raise KoreaiError('the Python library "PyJWT" is required to sign tokens')
        self.host = host.rstrip('/')
        self.stream_id = stream_id
        self.account_id = account_id
        self.client_id = client_id
        self._client_secret = client_secret
        self._token = token
        self.timeout = timeout
        self.policy = policy or RetryPolicy(retries)
        self._on_secret = on_secret or (lambda value: None)
        self._on_retry = on_retry or (lambda message: None)
        self._sleep = sleep or time.sleep
        # validate_certs=false must win over REQUESTS_CA_BUNDLE, so verify is passed per request.
        self.verify = (ca_path or True) if validate_certs else False
        self.session = requests.Session()
        self.session.headers['User-Agent'] = 'koreai.campaign/%s' % COLLECTION_VERSION
        self.session.headers['Accept'] = 'application/json'
        self.calls = 0
        self.last_status = None
        # Shares the account's requests-per-minute budget with other module runs (pacing.py).
        self.pacer = pacer
        self._secrets = [s for s in (client_secret, token) if s]
        if token:
            self._on_secret(token)

    @property
    def retries(self):
        return self.policy.retries

    # -- authentication ---------------------------------------------------------------------

    def auth_token(self):
        """A ready token as given, or a fresh HS256 JWT for every request.

        A fresh token (and jti) per request keeps working when the JWT app enforces single-use
        jti, where one token per run would be refused as a replay on the second call.
        """
        if self._token:
            return self._token
        now = int(time.time())
        claims = {
            'appId': self.client_id,
            'sub': 'koreai.campaign',
            'iat': now,
            'exp': now + TOKEN_LIFETIME,
            'jti': str(uuid.uuid4()),
        }
        token = jwt.encode(claims, self._client_secret, algorithm='HS256')
        if isinstance(token, bytes):  # PyJWT 1.x
            token = token.decode('ascii')
        self._secrets.append(token)
        self._on_secret(token)
        return token

    def headers(self, with_body):
        headers = {
            'auth': self.auth_token(),
            'iid': self.stream_id,
            'accountId': self.account_id,
        }
        if with_body:
            headers['Content-Type'] = 'application/json'
        return headers

    # -- requests ---------------------------------------------------------------------------

    def url(self, path, query=None):
        url = self.host + path
        encoded = build_query(query or [])
        return url + ('?' + encoded if encoded else '')

    def _error(self, cls, operation, message, campaign, method, path, status=None, api_message=None):
        message = _scrub(message, self._secrets)
        api_message = _scrub(api_message, self._secrets) if api_message else api_message
        return cls(operation, message, status=status, campaign=campaign, method=method, path=path,
                   api_message=api_message)

    def request(self, method, path, operation, query=None, body=None, campaign=None, write=False):
        """Send one API call and return its decoded JSON body.

        Retries what the retry policy allows: connect timeouts, 429 (honouring Retry-After) and,
        for reads only, 502/503/504, timeouts and unreadable bodies. A write whose outcome is unknown
        raises KoreaiUnknownOutcome and is never sent again here.
        """
        url = self.url(path, query)
        data = None if body is None else json.dumps(body)
        where = (operation, campaign, method, path)
        attempt = 0
        while True:
            outcome = self._attempt(method, url, data, body is not None, where)
            if not isinstance(outcome, Failure):
                return outcome
            if self.policy.outcome_unknown(outcome, write):
                raise self._error(KoreaiUnknownOutcome, operation, outcome.detail + '; the request may have been '
                                  'applied', campaign, method, path, outcome.status, outcome.api_message)
            wait = self.policy.wait_before_retry(attempt, outcome, write)
            if wait is None:
                raise self._gave_up(outcome, attempt, where)
            # Warnings are not masked by no_log, so the API's words are scrubbed here.
            self._on_retry(_scrub('%s: %s; retrying in %.1f s (attempt %d of %d)'
                                  % (operation, outcome.detail, wait, attempt + 2, self.policy.attempts_for(outcome)),
                                  self._secrets))
            self._sleep(wait)
            attempt += 1

    def _gave_up(self, failure, attempt, where):
        operation, campaign, method, path = where
        detail = failure.detail
        if failure.kind in (NOT_SENT, NO_ANSWER):
            detail += ' (after %d attempts)' % (attempt + 1)
        elif failure.kind == RATE_LIMITED:
            detail = 'rate limited by the API after %d attempts: %s' % (attempt + 1, failure.api_message)
        return self._error(KoreaiApiError, operation, detail, campaign, method, path, failure.status,
                           failure.api_message)

    def _attempt(self, method, url, data, with_body, where):
        """Send once: the decoded body, or a Failure the policy decides on. Raises what no retry can mend."""
        operation, campaign, method, path = where
        if self.pacer is not None:
            self.pacer.acquire()
        self.last_status = None
        # timeout is a deadline for the whole request: connect, headers and every byte of the body.
        deadline = time.monotonic() + self.timeout
        try:
            self.calls += 1
            response = self.session.request(
                method, url, data=data, headers=self.headers(with_body),
                timeout=self.timeout, verify=self.verify, allow_redirects=False, stream=True)
        except requests.exceptions.RequestException as exc:
            return self._transport_failure(exc, where)
        try:
            text = _decode(response, read_body(response, deadline))
        except (requests.exceptions.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
            response.close()  # a half-read connection cannot be reused
            if time.monotonic() >= deadline:
                return Failure(NO_ANSWER, 'no complete response from %s within %s seconds (the timeout is a '
                                          'deadline for the whole request)' % (self.host, self.timeout))
            return self._transport_failure(exc, where)
        release = getattr(response.raw, 'release_conn', None)
        if release is not None:
            _limit_next_read(response.raw, self.timeout)  # not the last read's leftover for the next request
            release()  # read to the end: the connection goes back to the pool for the next request
        status = self.last_status = response.status_code
        try:
            payload = json.loads(text) if text.strip() else None
            decoded = True
        except ValueError:
            payload = None
            decoded = False
        # Scrub before parse_api_error cuts the body short, or a secret across the cut survives.
        api_message = parse_api_error(payload, None if decoded else _scrub(text, self._secrets))
        if is_rate_limited(status, api_message if status >= 400 else None):
            return Failure(RATE_LIMITED, 'rate limited (HTTP %s)' % status, status,
                           retry_after_seconds(response.headers.get('Retry-After')), api_message)
        if status >= 500:
            return Failure(SERVER_ERROR, 'HTTP %s: %s' % (status, api_message), status, api_message=api_message)
        if status < 300 and not decoded:
            return Failure(UNREADABLE, 'unreadable response body (not JSON): %s' % api_message, status,
                           api_message=api_message)
        if 300 <= status < 400:
            raise self._error(KoreaiApiError, operation,
                              'the host answered with a redirect to %s; set host to the final base URL'
                              % response.headers.get('Location', '?'), campaign, method, path, status)
        if status >= 400:
            raise self._error(KoreaiApiError, operation, _status_hint(status, api_message, self._token is not None),
                              campaign, method, path, status, api_message)
        if is_failure_envelope(payload):
            raise self._error(KoreaiApiError, operation, api_message, campaign, method, path, status, api_message)
        return payload if payload is not None else {}

    def _transport_failure(self, exc, where):
        operation, campaign, method, path = where
        cause = connection_cause(exc)
        if cause is not None:
            # Known causes fail at once, in plain words: retrying a refused port or an unknown name only waits.
            raise self._error(KoreaiApiError, operation, self._connection_advice(cause), campaign, method, path)
        if isinstance(exc, requests.exceptions.SSLError):
            if self.verify is False:
                # The certificate is not checked, so advice about it would be advice already followed.
                raise self._error(KoreaiApiError, operation,
                                  'TLS handshake with %s failed (%s); certificates are not checked '
                                  '(validate_certs=false), so check that host names an HTTPS server'
                                  % (self.host, _short(exc)), campaign, method, path)
            raise self._error(KoreaiApiError, operation,
                              'TLS certificate of %s not accepted (%s); give the CA bundle in ca_path, '
                              'or set validate_certs=false only for a host you trust'
                              % (self.host, _short(exc)), campaign, method, path)
        if isinstance(exc, CONFIGURATION_ERRORS):
            raise self._error(KoreaiApiError, operation,
                              'the request could not be built (%s: %s); check host, stream_id, account_id '
                              'and token' % (type(exc).__name__, _short(exc)), campaign, method, path)
        if _not_sent(exc):
            return Failure(NOT_SENT, 'cannot connect to %s (%s)' % (self.host, _short(exc)))
        if isinstance(exc, requests.exceptions.Timeout):
            return Failure(NO_ANSWER, 'no response from %s within %s seconds' % (self.host, self.timeout))
        return Failure(NO_ANSWER, 'no response from %s: %s' % (self.host, type(exc).__name__))

    def _connection_advice(self, cause):
        parts = urlsplit(self.host)
        where = parts.netloc
        if cause == 'plain http':
            return ('the server at %s speaks plain HTTP, not HTTPS; use host=%s'
                    % (where, urlunsplit(('http',) + tuple(parts[1:]))))
        if cause == 'refused':
            return ('nothing accepts connections at %s (connection refused); check host (scheme, name and port) '
                    'and that the server is running' % where)
        return ('the host name %s does not resolve (DNS lookup failed); check host, for example '
                'https://platform.kore.ai or your region\'s https://<region>-platform.kore.ai' % parts.hostname)


def read_body(response, deadline):
    """The whole body of a streamed response, or an error once the monotonic deadline has passed.

    A server trickling its answer a byte at a time must not hold a task past its timeout: each
    socket read waits only for the time left, and the deadline is checked between reads."""
    raw = response.raw
    if getattr(raw, 'read', None) is None:  # a transport adapter that answered from memory
        return response.content
    # urllib3 2 read1() makes at most one socket read; 1.26 has only read(), which fills the chunk.
    read = getattr(raw, 'read1', None) or raw.read
    chunks = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise urllib3.exceptions.ReadTimeoutError(None, None, 'deadline passed while reading the body')
        _limit_next_read(raw, remaining)
        chunk = read(BODY_CHUNK)
        if not chunk:
            return b''.join(chunks)
        chunks.append(chunk)


def _limit_next_read(raw, seconds):
    """Let the next socket read wait at most seconds (no-op where the socket is out of reach)."""
    sock = getattr(getattr(raw, '_connection', None), 'sock', None) or getattr(
        getattr(getattr(getattr(raw, '_fp', None), 'fp', None), 'raw', None), '_sock', None)
    if sock is not None and hasattr(sock, 'settimeout'):
        sock.settimeout(max(0.001, seconds))


def _decode(response, body):
    """The body as text: the charset the answer names, else UTF-8 (JSON's encoding)."""
    if isinstance(body, str):
        return body
    try:
        return body.decode(response.encoding or 'utf-8', errors='replace')
    except LookupError:  # a charset Python does not know
        return body.decode('utf-8', errors='replace')


def _short(exc):
    text = str(exc)
    return text if len(text) <= 160 else text[:157] + '...'


def _status_hint(status, api_message, ready_token=False):
    if status == 401 and ready_token and 'replay' in (api_message or '').lower():
        return ('%s; the token was used before: a token with a jti is single-use, so a ready token works only for a '
                'task that sends one request. Give client_id and client_secret instead (the collection signs a '
                'fresh token for every request), or mint a new token for each such task' % api_message)
    if status == 401:
        return ('%s; check client_id/client_secret (or token), that the JWT app is published with the '
                'Campaign Management scope, and stream_id/account_id' % api_message)
    if status == 403:
        return '%s; the JWT app lacks the Campaign Management API scope' % api_message
    return api_message


def split_host(host):
    """Validate a base URL; return it without a trailing slash or raise ValueError with what to write."""
    parts = urlsplit(host or '')
    if parts.scheme not in ('http', 'https') or not parts.hostname or any(c.isspace() for c in host):
        raise ValueError("host must be a base URL such as https://platform.kore.ai (got %r)" % (host,))
    try:
        port = parts.port
    except ValueError:
        port = 0
    # urlsplit takes ':0' as port 0, which no server listens on.
    if port == 0:
        raise ValueError('host %r has an invalid port; ports run from 1 to 65535' % (host,))
    if parts.query or parts.fragment:
        raise ValueError('host must not contain a query or fragment (got %r)' % (host,))
    if parts.path.strip('/'):
        # The API paths (/api/1.1/..., /campaign/api/v2/...) are added to host as it stands.
        raise ValueError('host must be the base URL without a path (got %r); write %s://%s'
                         % (host, parts.scheme, parts.netloc))
    return host.rstrip('/')
