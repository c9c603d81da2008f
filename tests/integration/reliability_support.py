# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Helpers of the reliability suite (tests/integration/test_reliability_*.py).

- InProcess runs a module's main() in the test process against a sandbox over real HTTP: the module's
  own option handling, client, retries, sleeps and timeouts, with none of ansible-playbook's ~1 s start-up,
  so the fault matrix can afford many cases. The playbook tests cover the same paths through Ansible.
- Request-log analysis: which writes were sent, which reached the campaign, which were duplicated.
- A secret scanner, a self-signed certificate maker and rate-window prefilling.
- The report recorder (scripts/reliability_report.py), loaded by path.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import base64
import contextlib
import datetime
import hashlib
import importlib
import importlib.util
import io
import ipaddress
import json
import os
import re
import time
import traceback

from koreai_sandbox.config import DEFAULT_ACCOUNT_ID, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_STREAM_ID

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
STREAM = DEFAULT_STREAM_ID
ACCOUNT = DEFAULT_ACCOUNT_ID
CLIENT_ID = DEFAULT_CLIENT_ID
SECRET = DEFAULT_CLIENT_SECRET

# The default seed (tests/sandbox/README.md).
VOICE_READY = 'cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx'
VOICE_READY_NAME = 'Service Renewal Outreach Campaign61'
SMS_STOPPED = 'cd-3aefda80-f98e-5f4f-ad41-92803abbxxxx'
SMS_STOPPED_NAME = 'Interactive Support SMS Campaign'
VOICE_AGENTLESS = 'cd-671b3bd-a7a1-4709-bd6a-70803e3xxxxx'
VOICE_AGENTLESS_NAME = 'Agentless Voice | Product Feedback | Jan 9'
VOICE_ACTIVE = 'cd-5c2f9e1-4b7a-4d3e-9f21-8a6b0c4xxxxx'
VOICE_ACTIVE_NAME = 'Winter Retention Callback Campaign'
SMS_ACTIVE = 'cd-7e21c4b0-5a9d-5c1e-8f3a-1b2c3d4exxxx'
SMS_ACTIVE_NAME = 'Payment Reminder SMS | December'
VOICE_PREPARING = 'cd-9e14b72-88cc-4544-9a98-7aee9b7xxxxx'
SMS_COMPLETED = 'cd-2b8d6f10-3c4e-5f6a-8b9c-0d1e2f3axxxx'
VOICE_SCHEDULED = 'cd-3f6e8d2-1a2b-4c3d-8e4f-5a6b7c8xxxxx'
VOICE_SCHEDULED_NAME = 'Weekly Satisfaction Survey Calls'
VOICE_PAUSED = 'cd-6a7b8c9-0d1e-4f2a-9b3c-4d5e6f7xxxxx'

JWT_RE = re.compile(r'eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}')


def _load_report_module():
    path = os.path.join(ROOT, 'scripts', 'reliability_report.py')
    spec = importlib.util.spec_from_file_location('koreai_reliability_report', path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


report_lib = _load_report_module()


# -- running modules in this process -------------------------------------------------------------

class Result(dict):
    """A module's result, plus .elapsed (seconds), .warnings_text (the warnings as plain strings) and .output."""

    elapsed = 0.0
    output = ''

    @property
    def warnings_text(self):
        texts = []
        for warning in self.get('warnings') or []:
            if isinstance(warning, dict):
                warning = (warning.get('event') or {}).get('msg') or warning.get('msg') or json.dumps(warning)
            texts.append(str(warning))
        return texts

    @property
    def failed(self):
        return bool(self.get('failed'))


class InProcess:
    """Runs koreai.campaign modules' main() here, with the connection options of a sandbox.

    Pacing is off unless a test sets rate_limit; KOREAI_* variables of the test process are hidden."""

    def __init__(self, sandbox, **defaults):
        self.sandbox = sandbox
        self.defaults = dict(host=sandbox.url, client_id=CLIENT_ID, client_secret=SECRET, stream_id=STREAM,
                             account_id=ACCOUNT, rate_limit=0)
        self.defaults.update(defaults)

    def run(self, module, args, env=None, check_mode=False, diff=False, connection=True):
        from ansible.module_utils.common import warnings as ansible_warnings
        # ansible.module_utils.testing.patch_module_args exists from 2.19 on; this helper also works before
        from ansible_collections.koreai.campaign.tests.unit.plugins.module_args import patch_module_args

        imported = importlib.import_module('ansible_collections.koreai.campaign.plugins.modules.%s' % module)
        module_args = dict(self.defaults) if connection else {}
        module_args.update(args)
        module_args = dict((k, v) for k, v in module_args.items() if v is not None)
        if check_mode:
            module_args['_ansible_check_mode'] = True
        if diff:
            module_args['_ansible_diff'] = True
        for registry in ('_global_warnings', '_global_deprecations'):
            getattr(ansible_warnings, registry, {}).clear()
        saved = dict(os.environ)
        for name in list(os.environ):
            if name.startswith('KOREAI_'):
                del os.environ[name]
        os.environ.update(env or {})
        out = io.StringIO()
        started = time.monotonic()
        crash = None
        try:
            with patch_module_args(module_args), contextlib.redirect_stdout(out):
                try:
                    imported.main()
                except SystemExit:
                    pass
                except Exception:  # what Ansible would show as MODULE FAILURE with a traceback
                    crash = traceback.format_exc()
        finally:
            os.environ.clear()
            os.environ.update(saved)
        elapsed = time.monotonic() - started
        text = out.getvalue()
        if crash:
            result = Result(failed=True, crash=crash, msg='MODULE FAILURE (unhandled exception): %s'
                            % crash.strip().splitlines()[-1])
        else:
            try:
                result = Result(json.loads(text.strip().splitlines()[-1]))
            except (ValueError, IndexError):
                result = Result(failed=True, msg='no JSON result', crash=text)
        result.elapsed = elapsed
        result.output = text
        return result


# -- the request log ---------------------------------------------------------------------------------

def log(sandbox, since=0):
    return [e for e in sandbox.control.requests_log() if e['seq'] > since]


def last_seq(sandbox):
    entries = sandbox.control.requests_log()
    return entries[-1]['seq'] if entries else 0


def _code(entry):
    return entry.get('processed_status_code', entry['status_code'])


def refused(entry):
    """The client got a definite refusal (HTTP 4xx, 429 included): sending the call again is no duplicate.

    Anything else (2xx, 5xx, no answer, an unreadable answer) may have taken effect."""
    code = entry['status_code']
    return bool(entry.get('rate_limited')) or (code is not None and 400 <= code < 500)


def write_attempts(entries):
    return [e for e in entries if e['write']]


def effective_writes(entries):
    """Writes the sandbox processed with success: the ones that changed (or could change) a campaign."""
    found = []
    for entry in write_attempts(entries):
        if entry['fault'] in ('status', 'drop', 'malformed') and 'processed_status_code' not in entry:
            continue  # answered by the fault, never processed
        code = _code(entry)
        if code is not None and 200 <= code < 300 and not entry.get('rate_limited'):
            found.append(entry)
    return found


def write_key(entry):
    return (entry['method'], entry['path'], entry['query_string'])


def duplicated_writes(entries):
    """Write attempts that repeat an earlier one of the same call that may have taken effect."""
    seen = set()
    duplicates = []
    for entry in write_attempts(entries):
        key = write_key(entry)
        if key in seen:
            duplicates.append(entry)
        if not refused(entry):
            seen.add(key)
    return duplicates


def fault_hits(entries):
    return [e for e in entries if e['fault'] or e.get('rate_limited')]


def summary(entries):
    """[(operation, trigger or None, status the client got, status processed)] of the writes, for asserts."""
    return [(e['operation'], e['query'].get('trigger'), e['status_code'], e.get('processed_status_code'))
            for e in write_attempts(entries)]


def campaign(sandbox, campaign_id):
    return sandbox.control.campaign(campaign_id)


def settle(until):
    """Sleep until a monotonic deadline: delayed requests are logged only once the sandbox answers them."""
    remaining = until - time.monotonic()
    if remaining > 0:
        time.sleep(remaining)


def check_claims(entries, client_id=CLIENT_ID):
    """Every minted token the sandbox saw: appId, exp at most an hour after iat and after now, a jti never seen
    before (at least 32 characters). Returns how many were checked."""
    jtis = []
    for entry in entries:
        claims = entry['headers']['auth_claims']
        assert claims and claims['appId'] == client_id, claims
        assert 0 < claims['exp'] - claims['iat'] <= 3600, claims
        assert claims['exp'] <= time.time() + 3600, claims
        jtis.append(claims['jti'])
    assert len(jtis) == len(set(jtis)), 'a jti was sent twice'
    assert all(len(j) >= 32 for j in jtis)
    return len(jtis)


def record_case(report, group, case, entries, result=None, **fields):
    """Record one case with counts taken from the request log."""
    fields.setdefault('writes', len(effective_writes(entries)))
    fields.setdefault('write_attempts', len(write_attempts(entries)))
    fields.setdefault('duplicated', len(duplicated_writes(entries)))
    fields.setdefault('faults', len(fault_hits(entries)))
    if result is not None:
        fields.setdefault('elapsed', round(result.elapsed, 2))
    return report.case(group, case, **fields)


# -- secrets -----------------------------------------------------------------------------------------

def variants(secret):
    """The forms a secret could take in output: as is, JSON-escaped, base64, url-encoded."""
    forms = {secret, json.dumps(secret)[1:-1], base64.b64encode(secret.encode('utf-8')).decode('ascii')}
    try:
        from urllib.parse import quote
        forms.add(quote(secret, safe=''))
    except ImportError:  # pragma: no cover
        pass
    return sorted(f for f in forms if len(f) >= 8)


def scan_text(text, secrets, where='text', allow_jwts=()):
    """[(where, what)] for every secret (in any of its forms) and every JWT found in text."""
    found = []
    for secret in secrets:
        for form in variants(secret):
            if form in text:
                found.append((where, 'secret %s...' % secret[:6]))
                break
    for match in JWT_RE.findall(text):
        if match not in allow_jwts:
            found.append((where, 'a JWT %s...' % match[:12]))
    return found


def scan_tree(path, secrets, allow_jwts=()):
    """Scan every file under path (text or not) for the secrets and for JWTs."""
    found = []
    for directory, dummy, files in os.walk(path):
        for name in files:
            full = os.path.join(directory, name)
            try:
                with open(full, 'rb') as handle:
                    data = handle.read()
            except OSError:
                continue
            text = data.decode('utf-8', errors='replace')
            found.extend(scan_text(text, secrets, os.path.relpath(full, path), allow_jwts))
    return found


# -- TLS ----------------------------------------------------------------------------------------------

def self_signed_certificate(directory, common_name='127.0.0.1'):
    """A self-signed certificate for 127.0.0.1 (and localhost); returns (cert.pem, key.pem)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address('127.0.0.1')),
                                                        x509.DNSName('localhost')]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    directory = str(directory)
    cert_path = os.path.join(directory, '%s-cert.pem' % common_name)
    key_path = os.path.join(directory, '%s-key.pem' % common_name)
    with open(cert_path, 'wb') as handle:
        handle.write(cert.public_bytes(serialization.Encoding.PEM))
    with open(key_path, 'wb') as handle:
        handle.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                       serialization.NoEncryption()))
    return cert_path, key_path


# -- rate windows ---------------------------------------------------------------------------------------

def prefill_sandbox_window(sandbox, account, count, age):
    """Count `count` requests of `account` in the sandbox's rate window as sent `age` seconds ago.

    Lets a test start with a nearly full 60-second window that frees a few seconds later, instead of
    spending a real minute filling it."""
    import collections
    state = sandbox.state
    with state.lock:
        now = state.clock()
        state.windows[account] = collections.deque([now - age] * count)


def prefill_on_first_request(sandbox, monkeypatch, account, count, age):
    """Like prefill_sandbox_window, but at the moment the account's first request arrives, so the window is
    as full as wanted however long ansible-playbook takes to start. The sandbox is patched for this test."""
    import collections
    state = sandbox.state
    original = state.rate_take
    done = []

    def rate_take(account_key):
        if account_key == account and not done:
            done.append(True)
            with state.lock:
                state.windows[account] = collections.deque([state.clock() - age] * count)
        return original(account_key)

    monkeypatch.setattr(state, 'rate_take', rate_take)


def pacer_state_file(home, account):
    """The client's pacing file for an account under HOME (plugins/module_utils/pacing.py)."""
    key = hashlib.sha256(str(account).encode('utf-8')).hexdigest()[:16]
    return os.path.join(str(home), '.ansible', 'tmp', 'koreai.campaign', 'rate-%s.json' % key)


def prefill_pacer(home, account, count, age):
    """Book `count` requests `age` seconds ago in the pacing file, as earlier module runs would have."""
    path = pacer_state_file(home, account)
    if not os.path.isdir(os.path.dirname(path)):
        os.makedirs(os.path.dirname(path), 0o700)
    now = time.time()
    with open(path, 'w') as handle:
        json.dump([now - age] * count, handle)
    return path


# -- the audit trail ----------------------------------------------------------------------------------------

def read_audit(path, intents=False):
    """The outcome lines of an audit trail (with intents=True every line, the "sending" intents included).

    Checks on the way that every outcome completes an intent written before it, with the same write id."""
    path = str(path)
    if not os.path.exists(path):
        return []
    with open(path) as handle:
        entries = [json.loads(line) for line in handle.read().splitlines()]
    opened = set()
    for entry in entries:
        if entry['event'] == 'sending':
            opened.add(entry['write_id'])
        elif not (entry['write_id'] is None and entry['outcome'] == 'converged'):  # converged unsent: no intent
            assert entry['write_id'] in opened, 'an outcome without an intent before it: %r' % entry
    return entries if intents else [e for e in entries if e['event'] != 'sending']


# -- small things -----------------------------------------------------------------------------------------

def task(module, **args):
    return {'koreai.campaign.%s' % module: args}


def reset_seed(sandbox, extra=()):
    """The default seed plus extra campaigns."""
    sandbox.control.reset()
    return [sandbox.control.seed_campaign(**fields) for fields in extra]
