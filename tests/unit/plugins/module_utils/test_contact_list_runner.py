# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Carrying out contact-list plans (contact_list_runner.py) against a faked HTTP layer, lost answers read back."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils.audit import AuditLog
from ansible_collections.koreai.campaign.plugins.module_utils.contact_list_runner import ensure_contact_list
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiError, PlanError, WriteNotApplied

from ..fakes import ACCOUNT, STREAM
from ..helpers import audit_lines

BASE = '/campaign/api/v2/public/%s/campaign/contactList' % STREAM
DNC = {'_id': 'cl-1', 'name': 'DNC', 'description': 'old', 'isListInUse': False}
USED = dict(DNC, isListInUse=True, campaignInUse=[{'id': 'cd-1', 'name': 'Renewals'}])
NOT_SENT_AGAIN = '; the request was not sent again, so that it cannot apply twice. Run the task again to retry'
INTERNAL = {'errors': [{'msg': 'Internal error', 'code': 500}]}


def lists(*items):
    return {'status': 'success', 'data': list(items)}


def calls(adapter):
    return [(r.method, r.path[len(BASE):]) for r in adapter.requests]


def test_create(runner, adapter):
    adapter.add(body=lists())
    adapter.add(body={'status': 'success', 'data': {'_id': 'cl-9', 'name': 'Leads', 'description': 'May leads'}})
    result = ensure_contact_list(runner(), 'Leads', 'present', 'May leads')
    assert result['changed'] and result['actions'] == ['create']
    assert result['msg'] == "contact list 'Leads' (cl-9) created" and result['contact_list']['id'] == 'cl-9'
    assert calls(adapter) == [('POST', '/getAllListDetails'), ('POST', '/createContactList')]
    assert adapter.requests[1].body == {'name': 'Leads', 'description': 'May leads', 'source': 'passiveApi',
                                        'allowDuplicates': False}
    assert adapter.requests[1].query == [('accountId', ACCOUNT)]


def test_create_with_duplicates_allowed(runner, adapter):
    adapter.add(body=lists()).add(body={'data': {'_id': 'cl-9'}})
    ensure_contact_list(runner(), 'Leads', 'present', 'May leads', allow_duplicates=True)
    assert adapter.requests[1].body['allowDuplicates'] is True


def test_create_needs_a_description(runner, adapter):
    adapter.add(body=lists())
    with pytest.raises(PlanError) as info:
        ensure_contact_list(runner(), 'Leads', 'present')
    assert 'needs description' in str(info.value) and len(adapter.requests) == 1


def test_update(runner, adapter):
    adapter.add(body=lists(DNC)).add(body={'status': 'success'})
    result = ensure_contact_list(runner(), 'dnc', 'present', 'new')
    assert result['changed'] and result['actions'] == ['update']
    assert result['msg'] == "contact list 'DNC' updated (description)"
    assert result['contact_list']['description'] == 'new' and result['contact_list']['id'] == 'cl-1'
    assert result['diff'] == {'before': {'description': 'old'}, 'after': {'description': 'new'}}
    assert calls(adapter) == [('POST', '/getAllListDetails'), ('PUT', '/cl-1')]
    assert adapter.requests[1].body == {'description': 'new'}


def test_no_change_is_one_read(runner, adapter):
    adapter.add(body=lists(DNC))
    result = ensure_contact_list(runner(), 'DNC', 'present', 'old')
    assert not result['changed'] and result['msg'] == "contact list 'DNC' already matches"
    assert result['contact_list']['id'] == 'cl-1' and len(adapter.requests) == 1


def test_delete(runner, adapter):
    adapter.add(body=lists(DNC)).add(body={'status': 'success'})
    result = ensure_contact_list(runner(), 'DNC', 'absent')
    assert result['changed'] and result['msg'] == "contact list 'DNC' deleted"
    assert calls(adapter) == [('POST', '/getAllListDetails'), ('DELETE', '/cl-1')]


def test_delete_of_a_missing_list_is_one_read(runner, adapter):
    adapter.add(body=lists(DNC))
    result = ensure_contact_list(runner(), 'Leads', 'absent')
    assert not result['changed'] and result['msg'] == 'contact list does not exist' and 'contact_list' not in result


def test_delete_of_a_list_in_use_is_refused(runner, adapter):
    adapter.add(body=lists(USED))
    with pytest.raises(PlanError) as info:
        ensure_contact_list(runner(), 'DNC', 'absent')
    assert 'campaigns still use it (Renewals)' in str(info.value) and 'force=true' in str(info.value)
    assert len(adapter.requests) == 1


def test_force_deletes_a_list_in_use(runner, adapter):
    adapter.add(body=lists(USED)).add(body={'status': 'success'})
    result = ensure_contact_list(runner(), 'DNC', 'absent', force=True)
    assert result['changed'] and calls(adapter)[-1] == ('DELETE', '/cl-1')


def test_allow_duplicates_is_read_with_get_when_the_list_leaves_it_out(runner, adapter):
    adapter.add(body=lists(DNC)).add(body={'status': 'success', 'data': dict(DNC, allowDuplicates=False)})
    result = ensure_contact_list(runner(), 'DNC', 'present', 'old', allow_duplicates=False)
    assert not result['changed'] and result['contact_list']['allowDuplicates'] is False
    assert calls(adapter) == [('POST', '/getAllListDetails'), ('GET', '/cl-1')]


def test_allow_duplicates_change_read_with_get_is_refused(runner, adapter):
    adapter.add(body=lists(DNC)).add(body={'data': dict(DNC, allowDuplicates=False)})
    with pytest.raises(PlanError) as info:
        ensure_contact_list(runner(), 'DNC', 'present', 'old', allow_duplicates=True)
    assert 'allow_duplicates=false' in str(info.value) and len(adapter.requests) == 2


@pytest.mark.parametrize('listed,allow_duplicates', [(dict(DNC, allowDuplicates=False), False), (DNC, None)])
def test_no_get_when_not_needed(runner, adapter, listed, allow_duplicates):
    adapter.add(body=lists(listed))
    ensure_contact_list(runner(), 'DNC', 'present', 'old', allow_duplicates=allow_duplicates)
    assert calls(adapter) == [('POST', '/getAllListDetails')]


@pytest.mark.parametrize('listed,args,msg', [
    ((), ('Leads', 'present', 'May leads'), "(check mode) contact list 'Leads' would be created"),
    ((DNC,), ('DNC', 'present', 'new'), "(check mode) contact list 'DNC' would be updated (description)"),
    ((USED,), ('DNC', 'absent', None, None, True), "(check mode) contact list 'DNC' would be deleted"),
])
def test_check_mode_sends_nothing(runner, adapter, listed, args, msg):
    adapter.add(body=lists(*listed))
    result = ensure_contact_list(runner(check_mode=True), *args)
    assert result['changed'] and result['msg'] == msg
    assert calls(adapter) == [('POST', '/getAllListDetails')]


def test_writes_are_audited(runner, adapter, tmp_path):
    path = tmp_path / 'audit.jsonl'
    adapter.add(body=lists(DNC)).add(body={'status': 'success'})
    run = runner(audit=AuditLog(str(path), 'koreai.campaign.contact_list'))
    ensure_contact_list(run, 'DNC', 'absent')
    entry, = audit_lines(path)
    assert (entry['operation'], entry['outcome'], entry['campaign_id'], entry['campaign_type'],
            entry['status_after']) == ('delete contact list', 'success', 'cl-1', 'contact list', 'deleted')
    assert run.accepted == ["delete contact list 'DNC' (cl-1)"]


# -- lost answers, read back ----------------------------------------------------------------------

def test_lost_create_read_back_applied(runner, adapter, tmp_path):
    path = tmp_path / 'audit.jsonl'
    warnings = []
    adapter.add(body=lists()).add(500, INTERNAL).add(body=lists(dict(DNC, _id='cl-9', name='Leads')))
    run = runner(warn=warnings.append, audit=AuditLog(str(path), 'm'))
    result = ensure_contact_list(run, 'Leads', 'present', 'May leads')
    assert result['changed'] and result['msg'] == "contact list 'Leads' (cl-9) created"
    assert result['contact_list']['id'] == 'cl-9'
    assert calls(adapter) == [('POST', '/getAllListDetails'), ('POST', '/createContactList'),
                              ('POST', '/getAllListDetails')]
    assert warnings[0].startswith("create contact list for campaign 'Leads' failed (HTTP 500")
    assert warnings[0].endswith('; reading the contact lists back shows the list created, so it took effect')
    assert [(e['outcome'], e['status_after']) for e in audit_lines(path)] == [
        ('unknown', None), ('applied (read back)', 'created')]


def test_lost_create_read_back_not_applied(runner, adapter, tmp_path):
    path = tmp_path / 'audit.jsonl'
    adapter.add(body=lists()).add(504, '<html>timeout</html>').add(body=lists(DNC))
    run = runner(audit=AuditLog(str(path), 'm'))
    with pytest.raises(WriteNotApplied) as info:
        ensure_contact_list(run, 'Leads', 'present', 'May leads')
    assert str(info.value).endswith('. Reading the contact lists back shows the list was not created' + NOT_SENT_AGAIN)
    assert [e['outcome'] for e in audit_lines(path)] == ['unknown', 'not applied (read back)']
    assert len([r for r in adapter.requests if r.path.endswith('/createContactList')]) == 1
    assert run.accepted == []


def test_lost_update_read_back_applied(runner, adapter):
    warnings = []
    adapter.add(body=lists(DNC)).add(500, INTERNAL).add(body=lists(dict(DNC, description='new')))
    result = ensure_contact_list(runner(warn=warnings.append), 'DNC', 'present', 'new')
    assert result['changed'] and result['contact_list']['description'] == 'new'
    assert warnings[0].endswith('shows the list updated, so it took effect')
    assert calls(adapter) == [('POST', '/getAllListDetails'), ('PUT', '/cl-1'), ('POST', '/getAllListDetails')]


def test_lost_update_read_back_not_applied(runner, adapter):
    adapter.add(body=lists(DNC)).add(500, INTERNAL).add(body=lists(DNC))
    with pytest.raises(WriteNotApplied) as info:
        ensure_contact_list(runner(), 'DNC', 'present', 'new')
    assert str(info.value).endswith('. Reading the contact lists back shows the list was not updated' + NOT_SENT_AGAIN)
    assert len([r for r in adapter.requests if r.method == 'PUT']) == 1


def test_lost_delete_read_back_applied(runner, adapter):
    warnings = []
    adapter.add(body=lists(DNC)).add(502, '<html>bad gateway</html>').add(body=lists())
    result = ensure_contact_list(runner(warn=warnings.append), 'DNC', 'absent')
    assert result['changed'] and warnings[0].endswith('shows the list deleted, so it took effect')


def test_lost_delete_read_back_not_applied(runner, adapter):
    adapter.add(body=lists(DNC)).add(502, '<html>bad gateway</html>').add(body=lists(DNC))
    with pytest.raises(WriteNotApplied) as info:
        ensure_contact_list(runner(), 'DNC', 'absent')
    assert 'Reading the contact lists back shows the list was not deleted' in str(info.value)
    assert len([r for r in adapter.requests if r.method == 'DELETE']) == 1


def test_a_failing_read_back_says_so(runner, adapter):
    adapter.add(body=lists()).add(500, INTERNAL).add(401, {'errors': [{'msg': 'Invalid JWT token', 'code': 4002}]})
    with pytest.raises(KoreaiError) as info:
        ensure_contact_list(runner(), 'Leads', 'present', 'May leads')
    assert 'Reading it back failed as well' in str(info.value) and not isinstance(info.value, WriteNotApplied)
