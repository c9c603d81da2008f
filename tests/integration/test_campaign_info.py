# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""campaign_info through ansible-playbook and ad-hoc ansible, against the sandbox."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import yaml

VOICE_SEED = 'cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx'
SMS_SEED = 'cd-3aefda80-f98e-5f4f-ad41-92803abbxxxx'


def test_playbook_lists_every_campaign_normalised(ansible, sandbox):
    everything = sandbox.control.campaigns()
    rc, results, output = ansible.playbook([
        {'koreai.campaign.campaign_info': {}},
        {'koreai.campaign.campaign_info': {'campaign_type': 'sms'}},
        {'koreai.campaign.campaign_info': {'campaign_type': 'voice', 'status': ['Active', 'Paused']}},
        {'koreai.campaign.campaign_info': {'campaign_id': VOICE_SEED}},
        {'koreai.campaign.campaign_info': {'name': 'interactive SUPPORT sms campaign'}},
    ], check=True)
    assert rc == 0, output
    listed, sms, running, one, by_name = results
    assert sorted(c['id'] for c in listed['campaigns']) == sorted(c['_id'] for c in everything)
    assert all(c['type'] in ('voice', 'sms') and c['id'] for c in listed['campaigns'])
    assert listed['api_calls'] == 2 and not listed['changed']
    assert {c['type'] for c in sms['campaigns']} == {'sms'} and SMS_SEED in [c['id'] for c in sms['campaigns']]
    assert running['campaigns'] and {c['status'] for c in running['campaigns']} <= {'Active', 'Paused'}
    assert [c['id'] for c in one['campaigns']] == [VOICE_SEED] and one['campaigns'][0]['dialingMode']
    assert [c['id'] for c in by_name['campaigns']] == [SMS_SEED]
    assert not [r for r in sandbox.control.requests_log() if r['write']]


def test_pages_are_followed(ansible, sandbox):
    for index in range(130):
        sandbox.control.seed_campaign(type='sms', name='Bulk SMS %03d' % index)
    rc, results, output = ansible.playbook([{'koreai.campaign.campaign_info': {'campaign_type': 'sms'}}])
    assert rc == 0, output
    names = [c['name'] for c in results[0]['campaigns']]
    assert len([n for n in names if n.startswith('Bulk SMS')]) == 130
    assert results[0]['api_calls'] == 2


def test_adhoc_with_credentials_from_environment(ansible, sandbox):
    rc, result, output = ansible.adhoc('koreai.campaign.campaign_info', 'campaign_type=voice')
    assert rc == 0, output
    assert result['count'] == len([c for c in sandbox.control.campaigns() if c['type'] == 'voice'])
    log = sandbox.control.requests_log()
    assert [r['operation'] for r in log] == ['list_campaigns']
    assert log[0]['headers']['iid'] and log[0]['headers']['auth_claims']['appId']


def test_adhoc_bad_credentials_fail_clearly(ansible):
    rc, result, output = ansible.adhoc('koreai.campaign.campaign_info', 'campaign_type=voice',
                                       env={'KOREAI_CLIENT_SECRET': 'not-the-secret-but-long-enough-0123456789'})
    assert rc != 0
    assert 'HTTP 401' in result['msg'] and 'list voice campaigns failed' in result['msg']
    assert 'not-the-secret-but-long-enough-0123456789' not in output


def test_module_defaults_group(ansible, tmp_path):
    """The connection set once for a play through the action group, with no KOREAI_* variables."""
    connection = dict((k[len('KOREAI_'):].lower(), v) for k, v in ansible.env.items() if k.startswith('KOREAI_'))
    env = dict((k, '') for k in ansible.env if k.startswith('KOREAI_'))
    play = [{'name': 'module_defaults', 'hosts': 'localhost', 'gather_facts': False,
             'module_defaults': {'group/koreai.campaign.campaign': connection},
             'tasks': [{'name': 'read one campaign', 'koreai.campaign.campaign_info': {'campaign_id': VOICE_SEED},
                        'register': 'one'},
                       {'name': 'check it', 'ansible.builtin.assert': {'that': ['one.count == 1']}}]}]
    path = tmp_path / 'defaults.yml'
    path.write_text(yaml.safe_dump(play))
    rc, output = ansible.run_file(str(path), env=env)
    assert rc == 0, output
