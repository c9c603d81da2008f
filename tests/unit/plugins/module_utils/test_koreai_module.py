# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The module base (koreai_module.py): connection options and their problems, the client, the Runner, and error reporting."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import contextlib
import json

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import koreai_module, pacing
from ansible_collections.koreai.campaign.plugins.module_utils.audit import AuditLog
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiError
from ansible_collections.koreai.campaign.plugins.module_utils.koreai_module import KoreaiModule
from ansible_collections.koreai.campaign.plugins.module_utils.runner import Runner

from ..fakes import ACCOUNT, CLIENT_ID, HOST, SECRET, STREAM
from ..module_args import patch_module_args

CONNECTION = dict(host=HOST, client_id=CLIENT_ID, client_secret=SECRET, stream_id=STREAM, account_id=ACCOUNT)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    for name in list(koreai_module.connection_argument_spec()):
        monkeypatch.delenv('KOREAI_' + name.upper(), raising=False)
    monkeypatch.setattr(pacing, 'DEFAULT_STATE_DIR', str(tmp_path / 'pacing'))


@pytest.fixture
def module():
    """A factory of KoreaiModules; their arguments stay patched in until the test ends, as in a real module run."""
    with contextlib.ExitStack() as stack:
        def factory(args=None, check_mode=False, diff=False, **spec):
            args = dict(CONNECTION if args is None else args)
            if check_mode:
                args['_ansible_check_mode'] = True
            if diff:
                args['_ansible_diff'] = True
            stack.enter_context(patch_module_args(args))
            return KoreaiModule(argument_spec=spec, supports_check_mode=True)
        yield factory


def exit_output(capsys, call):
    with pytest.raises(SystemExit):
        call()
    return json.loads(capsys.readouterr().out)


def test_every_connection_option_has_an_environment_variable():
    for name, option in koreai_module.connection_argument_spec().items():
        assert option['fallback'][1] == ['KOREAI_' + name.upper()], name
    spec = koreai_module.connection_argument_spec()
    assert spec['client_secret']['no_log'] and spec['token']['no_log'] and spec['client_id']['no_log'] is False
    assert spec['host']['default'] == 'https://platform.kore.ai' and spec['retries']['default'] == 4
    assert spec['rate_limit']['default'] == 60 and spec['timeout']['default'] == 30.0


def test_trigger_path_option():
    option = koreai_module.trigger_path_option()
    assert option['default'] == 'documented' and option['choices'] == ['api', 'campaign', 'documented', 'v1']
    assert option['fallback'][1] == ['KOREAI_TRIGGER_PATH']


def test_options_from_the_environment(module, monkeypatch):
    for name, value in CONNECTION.items():
        monkeypatch.setenv('KOREAI_' + name.upper(), value)
    monkeypatch.setenv('KOREAI_RETRIES', '2')
    built = module({})
    assert built.connection_problems() == [] and built.params['retries'] == 2 and built.params['host'] == HOST


def test_good_options_have_no_problems(module):
    assert module().connection_problems() == []
    token_only = dict(CONNECTION, token='ready.jwt.value')
    del token_only['client_secret'], token_only['client_id']
    assert module(token_only).connection_problems() == []


def test_every_problem_is_named_at_once(module):
    args = dict(host='platform.kore.ai', stream_id='st 1', account_id='acc\n', timeout=0, retries=-1, rate_limit=-1)
    problems = module(args).connection_problems()
    subjects = ['host', 'no', 'stream_id', 'account_id', 'timeout', 'retries', 'rate_limit']
    assert [p.split(' ')[0] for p in problems] == subjects
    assert problems[0].endswith('(option host or KOREAI_HOST)')
    assert problems[1].endswith('missing: client_id, client_secret')


def test_missing_ids_name_their_variables(module):
    args = dict(CONNECTION)
    del args['stream_id'], args['account_id']
    assert module(args).connection_problems() == [
        'stream_id is required (option stream_id or environment variable KOREAI_STREAM_ID)',
        'account_id is required (option account_id or environment variable KOREAI_ACCOUNT_ID)']


def test_a_token_with_a_line_break_is_refused(module):
    problems = module(dict(CONNECTION, token='abc\ndef')).connection_problems()
    assert problems == ['token must be printable ASCII without spaces or line breaks, as it is sent in the auth header']


def test_the_client_is_built_once_from_the_options(module):
    built = module(dict(CONNECTION, host=HOST + '/', retries=1, rate_limit=0, validate_certs=False, timeout=5.0))
    assert built.api_calls == 0
    client = built.client
    assert client is built.client
    assert (client.host, client.stream_id, client.account_id, client.retries, client.timeout, client.verify) == (
        HOST, STREAM, ACCOUNT, 1, 5.0, False)
    assert client.pacer.per_minute == 0 and built.api_calls == 0


def test_the_client_fails_the_module_on_problems(module, capsys):
    built = module(dict(CONNECTION, host='ftp://x'))
    result = exit_output(capsys, lambda: built.client)
    assert result['failed'] and result['msg'].startswith('host must be a base URL')


def test_a_ready_token_is_kept_out_of_the_output(module):
    built = module(dict(CONNECTION, token='ready.jwt.value'))
    built.client
    assert 'ready.jwt.value' in built.no_log_values


def test_the_runner_follows_the_module(module):
    built = module(check_mode=True)
    run = built.runner(wait=False, wait_timeout=42)
    assert isinstance(run, Runner) and run.check_mode and not run.wait and run.wait_timeout == 42
    assert run.client is built.client and run.audit is None


def test_the_audit_trail_is_kept_only_when_asked_and_not_in_check_mode(module, tmp_path):
    path = str(tmp_path / 'audit.jsonl')
    assert module().audit is None
    audit = module(dict(CONNECTION, audit_log=path)).audit
    assert isinstance(audit, AuditLog) and audit.path == path
    assert module(dict(CONNECTION, audit_log=path), check_mode=True).audit is None
    assert module(dict(CONNECTION, audit_log=path)).runner().audit.path == path


def test_fail_from_names_the_writes_accepted_before(module, capsys):
    built = module()
    run = built.runner()
    run.accepted.append("stop campaign 'Renewals' (cd-1)")
    result = exit_output(capsys, lambda: built.fail_from(KoreaiError('delete voice campaign failed: no'), run))
    assert result['failed'] and result['changed'] and result['api_calls'] == 0
    assert result['accepted_writes'] == ["stop campaign 'Renewals' (cd-1)"]
    assert result['msg'] == "the API accepted stop campaign 'Renewals' (cd-1), then: delete voice campaign failed: no"


def test_fail_from_without_accepted_writes(module, capsys):
    result = exit_output(capsys, lambda: module().fail_from(KoreaiError('nothing sent'), None, campaign_id='cd-1'))
    assert result['failed'] and not result.get('changed') and result['msg'] == 'nothing sent'
    assert 'accepted_writes' not in result and result['campaign_id'] == 'cd-1'


@pytest.mark.parametrize('diff', [False, True])
def test_exit_result_returns_the_diff_only_in_diff_mode(module, capsys, diff):
    built = module(diff=diff)
    result = exit_output(capsys, lambda: built.exit_result({'changed': True, 'diff': {'before': 1, 'after': 2}}))
    assert ('diff' in result) is diff


def test_module_options_are_merged_with_the_connection_options(module):
    built = module(dict(CONNECTION, state='started'), state=dict(type='str'))
    assert built.params['state'] == 'started' and built.params['stream_id'] == STREAM
