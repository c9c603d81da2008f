# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""The module base every koreai.campaign module uses: the shared connection options (documented once
in the koreai.campaign.connection doc fragment), the client built from them, and error reporting."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import re

from ansible.module_utils.basic import AnsibleModule, env_fallback, missing_required_lib

from ansible_collections.koreai.campaign.plugins.module_utils import client as client_lib
from ansible_collections.koreai.campaign.plugins.module_utils.api_campaigns import TRIGGER_PATH_STYLES
from ansible_collections.koreai.campaign.plugins.module_utils.audit import AuditLog
from ansible_collections.koreai.campaign.plugins.module_utils.client import KoreaiClient, split_host
from ansible_collections.koreai.campaign.plugins.module_utils.pacing import RatePacer
from ansible_collections.koreai.campaign.plugins.module_utils.retries import DEFAULT_RETRIES
from ansible_collections.koreai.campaign.plugins.module_utils.runner import Runner
from ansible_collections.koreai.campaign.plugins.module_utils.write_lock import WriteLocks


# Header values must be sendable as they are: visible ASCII, no spaces or line breaks.
HEADER_VALUE = re.compile(r'[\x21-\x7e]+\Z')


def connection_argument_spec():
    """The connection options; every one can come from a KOREAI_* environment variable."""
    return dict(
        host=dict(type='str', default=client_lib.DEFAULT_HOST, fallback=(env_fallback, ['KOREAI_HOST'])),
        client_id=dict(type='str', no_log=False, fallback=(env_fallback, ['KOREAI_CLIENT_ID'])),
        client_secret=dict(type='str', no_log=True, fallback=(env_fallback, ['KOREAI_CLIENT_SECRET'])),
        token=dict(type='str', no_log=True, fallback=(env_fallback, ['KOREAI_TOKEN'])),
        account_id=dict(type='str', fallback=(env_fallback, ['KOREAI_ACCOUNT_ID'])),
        stream_id=dict(type='str', aliases=['bot_id', 'iid'], fallback=(env_fallback, ['KOREAI_STREAM_ID'])),
        validate_certs=dict(type='bool', default=True, fallback=(env_fallback, ['KOREAI_VALIDATE_CERTS'])),
        ca_path=dict(type='path', fallback=(env_fallback, ['KOREAI_CA_PATH'])),
        timeout=dict(type='float', default=float(client_lib.DEFAULT_TIMEOUT), fallback=(env_fallback, ['KOREAI_TIMEOUT'])),
        retries=dict(type='int', default=DEFAULT_RETRIES, fallback=(env_fallback, ['KOREAI_RETRIES'])),
        rate_limit=dict(type='int', default=60, fallback=(env_fallback, ['KOREAI_RATE_LIMIT'])),
        audit_log=dict(type='path', fallback=(env_fallback, ['KOREAI_AUDIT_LOG'])),
    )


def trigger_path_option():
    """The start/stop path style option, shared by the modules that start and stop campaigns."""
    return dict(type='str', default='documented', choices=list(TRIGGER_PATH_STYLES),
                fallback=(env_fallback, ['KOREAI_TRIGGER_PATH']))


class KoreaiModule(AnsibleModule):
    """AnsibleModule with the connection options merged in and a lazily built API client."""

    def __init__(self, argument_spec=None, **kwargs):
        spec = connection_argument_spec()
        spec.update(argument_spec or {})
        super(KoreaiModule, self).__init__(argument_spec=spec, **kwargs)
        if not client_lib.HAS_REQUESTS:
            self.fail_json(msg=missing_required_lib('requests'), exception=client_lib.REQUESTS_IMPORT_ERROR)
        if not client_lib.HAS_JWT and not self.params.get('token'):
            self.fail_json(msg=missing_required_lib('PyJWT'), exception=client_lib.JWT_IMPORT_ERROR)
        self._client = None

    def connection_problems(self):
        """Everything wrong with the connection options, each with what to write instead."""
        params = self.params
        problems = []
        try:
            split_host(params['host'])
        except ValueError as exc:
            problems.append('%s (option host or KOREAI_HOST)' % exc)
        if not params.get('token'):
            missing = [name for name in ('client_id', 'client_secret') if not params.get(name)]
            if missing:
                problems.append('no credentials: set client_id and client_secret (KOREAI_CLIENT_ID, '
                                'KOREAI_CLIENT_SECRET) from the JWT app, or a ready token (KOREAI_TOKEN); missing: %s'
                                % ', '.join(missing))
        for name, env in (('stream_id', 'KOREAI_STREAM_ID'), ('account_id', 'KOREAI_ACCOUNT_ID')):
            if not params.get(name):
                problems.append('%s is required (option %s or environment variable %s)' % (name, name, env))
            elif not HEADER_VALUE.match(params[name]):
                problems.append('%s must be printable ASCII without spaces, as it is sent in a header (got %r); '
                                'copy it from the bot settings page' % (name, params[name]))
        if params.get('token') and not HEADER_VALUE.match(params['token']):
            problems.append('token must be printable ASCII without spaces or line breaks, as it is sent in the '
                            'auth header')
        if params.get('timeout') is not None and params['timeout'] <= 0:
            problems.append('timeout must be a positive number of seconds')
        if params.get('retries') is not None and params['retries'] < 0:
            problems.append('retries must be 0 or more')
        if params.get('rate_limit') is not None and params['rate_limit'] < 0:
            problems.append('rate_limit must be 0 (no pacing) or a number of requests per minute')
        return problems

    @property
    def client(self):
        if self._client is None:
            problems = self.connection_problems()
            if problems:
                self.fail_json(msg='; '.join(problems))
            params = self.params
            self._client = KoreaiClient(
                host=split_host(params['host']), stream_id=params['stream_id'], account_id=params['account_id'],
                client_id=params.get('client_id'), client_secret=params.get('client_secret'),
                token=params.get('token'), validate_certs=params['validate_certs'], ca_path=params.get('ca_path'),
                timeout=params['timeout'], retries=params['retries'],
                on_secret=self.no_log_values.add, on_retry=self.warn,
                pacer=RatePacer(params['rate_limit'], params['account_id'], lock_timeout=params['timeout']))
        return self._client

    @property
    def audit(self):
        """The audit trail named by audit_log (KOREAI_AUDIT_LOG), or None."""
        if not self.params.get('audit_log') or self.check_mode:
            return None
        trail = AuditLog(self.params['audit_log'], self._name)
        # Intents a killed run left open are completed by this run, which can then be matched to them.
        trail.close_interrupted()
        return trail

    def runner(self, wait=True, wait_timeout=300):
        """The Runner that carries out this module run's plans, in its check mode, with its audit trail."""
        # Writes to one campaign wait for each other across processes (write_lock.py), next to the pacing state.
        locks = None if self.check_mode else WriteLocks(self.params['account_id'])
        return Runner(self.client, check_mode=self.check_mode, wait=wait, wait_timeout=wait_timeout,
                      warn=self.warn, audit=self.audit, locks=locks)

    @property
    def api_calls(self):
        return self._client.calls if self._client is not None else 0

    def fail_from(self, exc, runner=None, **result):
        """Fail with a collection error's message and the number of requests sent so far.

        When the runner had writes accepted before the failure, the result says changed=true and
        names them, so playbooks, handlers and AWX see that something did change."""
        result.setdefault('api_calls', self.api_calls)
        msg = str(exc)
        sent = list(runner.accepted) if runner is not None else []
        if sent:
            result['changed'] = True
            result['accepted_writes'] = sent
            msg = 'the API accepted %s, then: %s' % (', '.join(sent), msg)
        self.fail_json(msg=msg, **result)

    def exit_result(self, result):
        if not self._diff:
            result.pop('diff', None)
        self.exit_json(**result)
