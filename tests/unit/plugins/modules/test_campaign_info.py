# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""campaign_info's main() with only the HTTP layer faked: listing and filters, connection options from the environment."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.modules import campaign_info

from ..fakes import ACCOUNT, HOST, STREAM
from ..module_args import patch_module_args
from .support import CONNECTION, VOICE, main_result, module_args


def run(args, capsys, check_mode=False, diff=False):
    with patch_module_args(module_args(args, check_mode, diff)):
        return main_result(campaign_info, capsys)


def test_info_lists_both_types(adapter, capsys):
    adapter.add(body={'data': {'results': [VOICE], 'hasMore': False}})
    adapter.add(body={'data': {'results': [{'id': 'cd-2', 'name': 'Texts', 'format': 'simple'}], 'hasMore': False}})
    result, dummy = run(CONNECTION, capsys)
    assert not result['changed'] and result['count'] == 2 and result['api_calls'] == 2
    assert [(c['id'], c['type']) for c in result['campaigns']] == [('cd-1', 'voice'), ('cd-2', 'sms')]


def test_info_by_id_missing_is_empty(adapter, capsys):
    adapter.add(404, {'errors': [{'msg': 'Campaign not found', 'code': 404}]})
    result, dummy = run(dict(CONNECTION, campaign_id='cd-x'), capsys)
    assert result['campaigns'] == [] and result['api_calls'] == 1


def test_info_by_id_of_another_type_is_empty(adapter, capsys):
    adapter.add(body={'data': VOICE})
    result, dummy = run(dict(CONNECTION, campaign_id='cd-1', campaign_type='sms'), capsys)
    assert result['campaigns'] == [] and result['count'] == 0


def test_info_by_id(adapter, capsys):
    adapter.add(body={'data': VOICE})
    result, dummy = run(dict(CONNECTION, campaign_id='cd-1', campaign_type='voice'), capsys)
    assert [c['id'] for c in result['campaigns']] == ['cd-1'] and adapter.requests[0].method == 'GET'


def test_info_name_filter(adapter, capsys):
    adapter.add(body={'data': {'results': [VOICE, dict(VOICE, _id='cd-3', name='Other', lname='other')],
                               'hasMore': False}})
    result, dummy = run(dict(CONNECTION, campaign_type='voice', name='RENEWALS'), capsys)
    assert [c['id'] for c in result['campaigns']] == ['cd-1']


def test_info_status_filter_is_sent_to_the_server(adapter, capsys):
    adapter.add(body={'data': {'results': [VOICE], 'hasMore': False}})
    run(dict(CONNECTION, campaign_type='voice', status=['Active', 'Paused']), capsys)
    assert adapter.requests[0].body['filters'] == {'status': ['Active', 'Paused']}


def test_info_runs_in_check_mode(adapter, capsys):
    adapter.add(body={'data': {'results': [VOICE], 'hasMore': False}})
    result, dummy = run(dict(CONNECTION, campaign_type='voice'), capsys, check_mode=True)
    assert result['count'] == 1 and not result.get('skipped')


def test_connection_options_from_environment(adapter, capsys, monkeypatch):
    for option, value in CONNECTION.items():
        monkeypatch.setenv('KOREAI_' + option.upper(), value)
    adapter.add(body={'data': {'results': [], 'hasMore': False}})
    result, dummy = run({'campaign_type': 'voice'}, capsys)
    assert not result.get('failed') and adapter.requests[0].url.startswith(HOST + '/campaign/api/v2/public/' + STREAM)
    assert adapter.requests[0].headers['accountId'] == ACCOUNT


def test_bad_host_fails_before_any_request(adapter, capsys):
    result, dummy = run(dict(CONNECTION, host='platform.kore.ai'), capsys)
    assert result['failed'] and 'host must be a base URL' in result['msg'] and adapter.requests == []


def test_every_connection_problem_at_once(adapter, capsys):
    args = dict(CONNECTION, stream_id='st 1', timeout=0, retries=-1, rate_limit=-1)
    result, dummy = run(args, capsys)
    for part in ('stream_id must be printable ASCII without spaces', 'timeout must be a positive number',
                 'retries must be 0 or more', 'rate_limit must be 0'):
        assert part in result['msg']
    assert adapter.requests == []


def test_api_errors_fail_with_the_message(adapter, capsys):
    adapter.add(403, {'errors': [{'msg': 'Forbidden', 'code': 403}]})
    result, dummy = run(dict(CONNECTION, campaign_type='voice'), capsys)
    assert result['failed'] and 'Campaign Management API scope' in result['msg'] and result['api_calls'] == 1


def test_ready_token_never_reaches_the_output(adapter, capsys):
    token = 'eyJhbGciOiJIUzI1NiJ9.eyJhcHBJZCI6ImNzLXgifQ.c2lnbmF0dXJlLXZhbHVlLXRoYXQtaXMtbG9uZw'
    args = dict(CONNECTION, token=token)
    del args['client_secret']
    adapter.add(400, {'errors': [{'msg': 'bad token ' + token, 'code': 400}]})
    result, out = run(args, capsys)
    assert result['failed'] and token not in out


def test_info_export_reads_each_campaign_and_list_whole(adapter, capsys):
    listed = dict(VOICE, connection='Renewals Queue')
    adapter.add(body={'data': {'results': [listed], 'hasMore': False}})
    full = dict(VOICE, description='Renewal calls', contactLists=['Renewals'], dncLists={'id': 'cl-d', 'name': 'DNC'},
                priority='4')
    adapter.add(body={'data': full})
    adapter.add(body={'data': [{'_id': 'cl-d', 'name': 'DNC'}, {'_id': 'cl-r', 'name': 'Renewals'},
                               {'_id': 'cl-o', 'name': 'Other'}]})
    adapter.add(body={'data': {'_id': 'cl-d', 'name': 'DNC', 'description': 'never', 'allowDuplicates': False}})
    adapter.add(body={'data': {'_id': 'cl-r', 'name': 'Renewals', 'description': 'due', 'allowDuplicates': True}})
    result, dummy = run(dict(CONNECTION, campaign_type='voice', export=True), capsys)
    assert result['api_calls'] == 5 and not result['changed']
    export = result['export']
    assert [c['name'] for c in export['contact_lists']] == ['DNC', 'Renewals'], 'a filtered export: the lists it uses'
    assert export['voice_campaigns'][0]['queue'] == 'Renewals Queue' and export['voice_campaigns'][0]['priority'] == 4
    assert export['sms_campaigns'] == [] and 'observed' not in export


def test_info_export_run_state_needs_export(adapter, capsys):
    result, dummy = run(dict(CONNECTION, export_run_state=True), capsys)
    assert result['failed'] and 'export=true' in result['msg'] and adapter.requests == []


def test_info_name_pattern_is_checked_before_any_request(adapter, capsys):
    result, dummy = run(dict(CONNECTION, name_pattern='('), capsys)
    assert result['failed'] and 'regular expression' in result['msg'] and adapter.requests == []


def test_info_name_pattern_filters(adapter, capsys):
    adapter.add(body={'data': {'results': [VOICE, dict(VOICE, _id='cd-3', name='Other', lname='other')],
                               'hasMore': False}})
    result, dummy = run(dict(CONNECTION, campaign_type='voice', name_pattern='^Ren'), capsys)
    assert [c['id'] for c in result['campaigns']] == ['cd-1']
