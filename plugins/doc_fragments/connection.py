# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function
__metaclass__ = type


class ModuleDocFragment(object):

    # The connection options shared by every module of the collection.
    DOCUMENTATION = r'''
options:
  host:
    description:
      - Base URL of the Kore.ai platform, without a path.
      - Regions use their own host, for example V(https://eu-platform.kore.ai), V(https://de-platform.kore.ai),
        V(https://au-platform.kore.ai), V(https://jp-platform.kore.ai), V(https://ind-platform.kore.ai)
        or V(https://uae-platform.kore.ai); on-premises installations and the collection's local sandbox work the same way.
      - If not set, the environment variable E(KOREAI_HOST) is used.
    type: str
    default: https://platform.kore.ai
  client_id:
    description:
      - Client ID of the Kore.ai JWT app that has the Campaign Management API scope (C(cs-...)).
      - The collection signs a short-lived HS256 token with it (claim C(appId)) for every request,
        with C(iat), C(exp) ten minutes ahead and a random C(jti).
      - Required unless O(token) is set. If not set, the environment variable E(KOREAI_CLIENT_ID) is used.
    type: str
  client_secret:
    description:
      - Client secret of the JWT app, used to sign tokens. Never logged.
      - Prefer the environment variable E(KOREAI_CLIENT_SECRET) to this option. ansible-core itself prints module
        arguments at C(-vvvv) and with C(ANSIBLE_DEBUG=1), and keeps them in the files
        C(ANSIBLE_KEEP_REMOTE_FILES=1) leaves behind, so a secret given here, in C(module_defaults) or with C(-e)
        can show there despite C(no_log); a secret only in the environment does not.
      - Required unless O(token) is set. If not set, the environment variable E(KOREAI_CLIENT_SECRET) is used.
    type: str
  token:
    description:
      - A ready JWT to send as is, instead of O(client_id) and O(client_secret). Never logged.
      - When the JWT app enforces single-use C(jti), a ready token works for one request only; use
        O(client_id) and O(client_secret) instead, which mint a fresh token for every request.
      - Takes precedence over O(client_id) and O(client_secret) when both are given.
      - As for O(client_secret), prefer the environment variable, as ansible-core shows module arguments at C(-vvvv),
        with C(ANSIBLE_DEBUG=1) and in the files kept by C(ANSIBLE_KEEP_REMOTE_FILES=1).
      - If not set, the environment variable E(KOREAI_TOKEN) is used.
    type: str
  account_id:
    description:
      - The Kore.ai account ID (24 hexadecimal characters), sent as the C(accountId) header and,
        on the v2 endpoints that document it, in the query string.
      - Required. If not set, the environment variable E(KOREAI_ACCOUNT_ID) is used.
    type: str
  stream_id:
    description:
      - The bot, app or stream ID (C(st-...)) the campaigns belong to, sent in the path and as the C(iid) header.
      - Required. If not set, the environment variable E(KOREAI_STREAM_ID) is used.
    type: str
    aliases: [bot_id, iid]
  validate_certs:
    description:
      - Whether to verify the host's TLS certificate. Set to V(false) only for a host you trust.
      - If not set, the environment variable E(KOREAI_VALIDATE_CERTS) is used.
    type: bool
    default: true
  ca_path:
    description:
      - A PEM file of CA certificates to verify the host's certificate with, for hosts behind a private CA.
      - When not set, the C(REQUESTS_CA_BUNDLE) environment variable and the system's CA store apply, as in
        the C(requests) library; proxies come from C(HTTPS_PROXY) and C(NO_PROXY) the same way.
      - If not set, the environment variable E(KOREAI_CA_PATH) is used.
    type: path
  timeout:
    description:
      - Seconds each HTTP request may take in all, as a deadline. Connecting, waiting for the answer and
        reading every byte of its body count against it. A server that trickles its answer cannot hold a task past it.
      - The deadline is per request (per attempt); retries and their waits, and waiting for a status, come on top.
      - A write whose deadline passes has an unknown outcome; it is not resent, the module reads the campaign back.
      - If not set, the environment variable E(KOREAI_TIMEOUT) is used.
    type: float
    default: 30
  retries:
    description:
      - How many times to retry a request that is safe to retry. Connections that were refused and
        answers of HTTP 429 (after the C(Retry-After) time when the API sends one) are retried for every
        request; timeouts and HTTP 502, 503 and 504 only for reads.
      - Waits double from half a second, up to 60 seconds each. An HTTP 429 without a usable C(Retry-After)
        (the API documents none; a negative, infinite or unreadable value or a date in the past counts as none)
        is retried more often when needed, until the waits add up to more than the account's 60-second rate
        window (about 64 seconds, 8 attempts), so the window has freed before the module gives up. V(0) retries nothing.
      - A write (start, stop, delete, schedule) whose outcome is unknown is never resent; the module reads
        the campaign back and decides from what it sees.
      - If not set, the environment variable E(KOREAI_RETRIES) is used.
    type: int
    default: 4
  rate_limit:
    description:
      - Requests per minute this controller may send for the account, shared by every module run on it
        (forks, loops and parallel playbooks) through a small lock file under C(~/.ansible/tmp/koreai.campaign/).
        A request waits for a free slot instead of being refused by the API.
      - A process holding that file's lock for longer than O(timeout) fails the task, naming its process ID; a file
        with unreadable content is started afresh, and a symlink in its place is replaced, never written through.
      - Kore.ai allows 60 requests per minute per account. Lower it when other tools use the same account;
        V(0) turns pacing off.
      - If not set, the environment variable E(KOREAI_RATE_LIMIT) is used.
    type: int
    default: 60
  audit_log:
    description:
      - Append one JSON line for every write the module sends (start, stop, delete, schedule) to this file,
        with the time, module, operation, campaign ID, name and type, status before and after, outcome,
        HTTP status, user, controller host and process ID. Never a secret.
      - Each write gets two lines with the same C(write_id) - event C(sending) before it is sent, event C(outcome)
        after - so a process killed mid-write leaves a trace; the next run using the file on the same controller
        completes such a line with event C(interrupted). A file that cannot be written fails the task before any write.
      - Lines are appended under a lock, so several module runs can share one file. Nothing is written in check mode.
      - If not set, the environment variable E(KOREAI_AUDIT_LOG) is used.
    type: path
notes:
  - Kore.ai allows 60 requests per minute per account across the Contact Center APIs. The modules read
    before they write and send only the writes needed; when the API answers HTTP 429 they wait and retry.
requirements:
  - requests
  - PyJWT (not needed when O(token) is given)
'''

    ACTION_GROUP = r'''
attributes:
  action_group:
    description: Use C(group/koreai.campaign.campaign) in C(module_defaults) to set the connection options once for a play.
    support: full
    membership:
      - koreai.campaign.campaign
'''
