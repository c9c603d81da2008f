# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""From the tenant to code and back, against the sandbox: export a tenant, apply the file to the same tenant
(0 writes), apply it to an empty tenant and export again (the same file); what the API cannot show back is
named, never guessed; clone a campaign (1 create, then 0 writes); the sandbox seeds from an export."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import copy

import yaml

from koreai_sandbox import start_sandbox

HOURS = {'frequency': 'WEEKLY', 'timezone': 'America/New_York',
         'days': [{'day': 'MO', 'start': '9:00 AM', 'end': '5:00 PM'}, {'day': 'TH', 'start': '10:00 AM', 'end': '4:30 PM'}]}


def _lists():
    return [
        {'name': 'Renewals July', 'description': 'Plans renewing in July.', 'allowDuplicates': False, 'source': 'passiveApi'},
        {'name': 'Renewals August', 'description': 'Plans renewing in August.', 'allowDuplicates': True,
         'source': 'passiveApi'},
        {'name': 'Do Not Call', 'description': 'Never call these.', 'allowDuplicates': False, 'source': 'passiveApi',
         'contacts': [{'phoneNumber': '+13125550199'}]},
        {'name': 'Survey Buyers', 'description': 'Bought last month.', 'allowDuplicates': True, 'source': 'passiveApi'},
    ]


def _voice(name, **fields):
    base = {'type': 'voice', 'name': name, 'description': 'Calls for %s.' % name, 'priority': '4',
            'dncLists': {'name': 'Do Not Call'}, 'contactLists': ['Renewals July'], 'dialingMode': 'Progressive',
            'queue_name': 'Renewals Queue',
            'dialingStrategy': {'callerId': {'phoneNumber': '+18163300000'}, 'callingHours': copy.deepcopy(HOURS),
                                'dialingOrder': 'LIFO', 'maxAttemptsPerRecord': 4, 'defaultRetryPeriod': 30,
                                'maxRingTime': 25, 'useSystemMappings': False},
            'status': 'Ready'}
    base.update(fields)
    return base


TENANT = {
    'contact_lists': _lists(),
    'campaigns': [
        _voice('Renewal Calls July'),
        _voice('Retention Preview', dialingMode='Preview', maxSkips=2, queue_name='Retention Queue', status='Stopped',
               contactLists=['Renewals July', 'Renewals August']),
        _voice('Feedback Survey', dialingMode='Agentless', experienceFlowName='Feedback Flow', enableMachineDetect=False,
               queue_name=None, contactLists=['Survey Buyers']),
        {'type': 'sms', 'name': 'Payment Reminder', 'description': 'Reminds of a payment due.', 'priority': '2',
         'format': 'simple', 'message': {'message': 'WW91ciBwYXltZW50IGlzIGR1ZSBvbiBGcmlkYXku'},
         'dncLists': {'name': 'Do Not Call'}, 'contactLists': ['Renewals August'],
         'dialingStrategy': {'callerId': {'phoneNumber': '+18163300001'}, 'callingHours': copy.deepcopy(HOURS)},
         'status': 'Ready'},
    ],
}


def _seed(sandbox, tenant=None):
    seed = copy.deepcopy(tenant or TENANT)
    for campaign in seed['campaigns']:
        if campaign.get('queue_name') is None:
            campaign.pop('queue_name', None)
    sandbox.control.reset(seed=seed)


def _export(ansible, path, *extra):
    rc, output = ansible.run_file('koreai.campaign.export_tenant', ['-e', 'export_file=%s' % path] + list(extra))
    assert rc == 0, output
    return path.read_text()


def _apply(ansible, path, *extra):
    rc, output = ansible.run_file('koreai.campaign.apply_tenant', ['-e', '@%s' % path] + list(extra))
    assert rc == 0, output
    return output


def test_round_trip_same_tenant_sends_no_write_and_empty_tenant_gives_the_same_file(ansible, sandbox, tmp_path):
    _seed(sandbox)
    exported = _export(ansible, tmp_path / 'tenant.yml')
    data = yaml.safe_load(exported)['koreai_tenant']
    assert [c['name'] for c in data['voice_campaigns']] == ['Feedback Survey', 'Renewal Calls July', 'Retention Preview']
    assert data['unexported'] == {}, 'everything of this tenant can be shown back'
    assert '+13125550199' not in exported, 'contacts are never exported'
    renewal = data['voice_campaigns'][1]
    assert renewal == {
        'name': 'Renewal Calls July', 'description': 'Calls for Renewal Calls July.', 'priority': 4,
        'contact_lists': ['Renewals July'], 'dnc_list': 'Do Not Call', 'dialing_mode': 'progressive',
        'queue': 'Renewals Queue', 'caller_id': '+18163300000', 'dialing_order': 'lifo', 'max_attempts': 4,
        'retry_period': 30, 'ring_time': 25,
        'calling_hours': {'frequency': 'weekly', 'timezone': 'America/New_York',
                          'days': [{'day': 'mon', 'start': '9:00 AM', 'end': '5:00 PM'},
                                   {'day': 'thu', 'start': '10:00 AM', 'end': '4:30 PM'}]}}
    assert data['sms_campaigns'][0]['text'] == 'Your payment is due on Friday.'

    # The same tenant: reads only.
    sandbox.control.clear_log()
    _apply(ansible, tmp_path / 'tenant.yml')
    log = sandbox.control.requests_log()
    assert log and [r for r in log if r['write']] == []

    # An empty tenant: everything is created, and its export is the same file, byte for byte.
    sandbox.control.reset(seed='empty')
    sandbox.control.clear_log()
    _apply(ansible, tmp_path / 'tenant.yml')
    writes = [r['operation'] for r in sandbox.control.writes()]
    assert len(writes) == 4 + 4, writes  # 4 lists, 4 campaigns
    (tmp_path / 'again').mkdir()
    again = _export(ansible, tmp_path / 'again' / 'tenant.yml')
    assert again == exported


def test_export_says_what_the_api_does_not_show_and_filters(ansible, sandbox, tmp_path):
    tenant = copy.deepcopy(TENANT)
    tenant['contact_lists'].append({'name': 'Global DNC', 'description': 'Account-wide.', 'isGlobalDNC': True})
    tenant['campaigns'] += [
        _voice('Detecting Survey', dialingMode='Agentless', experienceFlow='cf-1111', enableMachineDetect=True,
               queue_name=None, contactLists=['Survey Buyers']),
        _voice('Renewal Calls Scheduled', status='Scheduled',
               schedule={'isSchedulingEnabled': True, 'isRecurrenceEnabled': True}),
        {'type': 'sms', 'name': 'Advanced SMS', 'description': 'Runs a flow.', 'priority': '3', 'format': 'advanced',
         'experienceFlow': 'cf-2222', 'contactLists': ['Renewals August'],
         'dialingStrategy': {'callerId': {'phoneNumber': '+18163300001'}, 'callingHours': copy.deepcopy(HOURS)}},
    ]
    _seed(sandbox, tenant)
    sandbox.control.clear_log()
    data = yaml.safe_load(_export(ansible, tmp_path / 'all.yml'))['koreai_tenant']
    assert [r for r in sandbox.control.requests_log() if r['write']] == []
    notes = data['unexported']
    detecting = ' '.join(notes['voice_campaigns']['Detecting Survey'])
    assert 'machine_detection' in detecting
    assert 'machine_detection' not in [k for c in data['voice_campaigns'] if c['name'] == 'Detecting Survey' for k in c]
    assert 'schedule: on' in notes['voice_campaigns']['Renewal Calls Scheduled'][0]
    assert 'cf-2222' in notes['sms_campaigns']['Advanced SMS'][0]
    assert 'experience_flow' not in [c for c in data['sms_campaigns'] if c['name'] == 'Advanced SMS'][0]
    assert 'Global DNC' in notes['contact_lists']

    # A filtered part: the campaigns that match, and only the lists they use.
    part = yaml.safe_load(_export(ansible, tmp_path / 'part.yml', '-e', 'export_name_pattern=^Renewal',
                                  '-e', 'export_campaign_type=voice'))['koreai_tenant']
    assert [c['name'] for c in part['voice_campaigns']] == ['Renewal Calls July', 'Renewal Calls Scheduled']
    assert part['sms_campaigns'] == []
    assert [cl['name'] for cl in part['contact_lists']] == ['Do Not Call', 'Renewals July']


def test_clone_creates_once_then_sends_nothing(ansible, sandbox):
    _seed(sandbox)
    task = {'koreai.campaign.campaign_clone': {
        'source': 'renewal calls july', 'name': 'Renewal Calls August', 'campaign_type': 'voice',
        'contact_lists': ['Renewals August'], 'description': 'Calls for August renewals.',
        'calling_hours': {'timezone': 'Europe/Berlin', 'days': [{'day': 'tue', 'start': '08:00', 'end': '12:00'}]}}}
    sandbox.control.clear_log()
    rc, results, output = ansible.playbook([dict(task, check_mode=True), task, task], diff=True)
    assert rc == 0, output
    check, first, rerun = results
    assert check['changed'] and check['actions'] == ['create'] and check['msg'].startswith('(check mode)'), check
    assert first['changed'] and first['actions'] == ['create'] and first['campaign']['status'] == 'Ready', first
    assert first['diff']['before'] == {} and first['diff']['after']['name'] == 'Renewal Calls August'
    assert not rerun['changed'] and rerun['actions'] == [], rerun
    writes = sandbox.control.writes()
    assert [w['operation'] for w in writes] == ['create_campaign']
    body = writes[0]['body']
    assert body['contactLists'] == ['Renewals August'] and body['queue_name'] == 'Renewals Queue'
    assert body['dialingStrategy']['callingHours'] == {
        'frequency': 'WEEKLY', 'timezone': 'Europe/Berlin', 'days': [{'day': 'TU', 'start': '8:00 AM', 'end': '12:00 PM'}]}
    assert body['dialingStrategy']['maxAttemptsPerRecord'] == 4 and body['dncLists'] == {'name': 'Do Not Call'}
    assert body['schedule'] == {'isSchedulingEnabled': False}, 'a clone has no schedule'


def test_clone_refuses_to_guess_what_the_api_does_not_show(ansible, sandbox):
    tenant = copy.deepcopy(TENANT)
    tenant['campaigns'].append(_voice('Detecting Survey', dialingMode='Agentless', experienceFlow='cf-1111',
                                      enableMachineDetect=True, queue_name=None, contactLists=['Survey Buyers']))
    _seed(sandbox, tenant)
    sandbox.control.clear_log()
    task = {'source': 'Detecting Survey', 'name': 'Detecting Survey Two', 'campaign_type': 'voice'}
    rc, results, output = ansible.playbook([{'koreai.campaign.campaign_clone': task},
                                            {'koreai.campaign.campaign_clone': dict(task, machine_detection='detect')}])
    refused, given = results
    assert refused['failed'] and 'machine_detection' in refused['msg'], refused
    assert given['changed'], given
    assert [w['body']['enableMachineDetect'] for w in sandbox.control.writes()] == ['detect']


def test_the_sandbox_seeds_from_an_export_file(ansible, sandbox, tmp_path):
    _seed(sandbox)
    exported = _export(ansible, tmp_path / 'tenant.yml')
    with start_sandbox(seed=str(tmp_path / 'tenant.yml')) as twin:
        names = sorted(c['name'] for c in twin.control.campaigns())
        assert names == ['Feedback Survey', 'Payment Reminder', 'Renewal Calls July', 'Retention Preview']
        (tmp_path / 'twin').mkdir()
        rc, output = ansible.run_file('koreai.campaign.export_tenant',
                                      ['-e', 'export_file=%s' % (tmp_path / 'twin' / 'tenant.yml')],
                                      env={'KOREAI_HOST': twin.url})
        assert rc == 0, output
    assert (tmp_path / 'twin' / 'tenant.yml').read_text() == exported
