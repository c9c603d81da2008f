# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""koreai.campaign.rehearse against a seeded sandbox standing in for the real tenant: the tenant sees only
reads during the rehearsal, and the request log of the rehearsal matches, request for request, what the same
playbook then sends to the tenant for real with nothing changed but the connection."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json
import re
import shlex
import stat

import yaml

ID = re.compile(r'\b(cd|cl|cid|cc|cdl)-[0-9a-fA-Fx-]{6,}')
TIME = re.compile(r'\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?')
KEYS = ('method', 'route', 'operation', 'query_string', 'body', 'status_code', 'write')

RETIRE = {'decommission_campaigns': [
    {'id': 'cd-3f6e8d2-1a2b-4c3d-8e4f-5a6b7c8xxxxx', 'name': 'Weekly Satisfaction Survey Calls'},  # Scheduled
    {'id': 'cd-3aefda80-f98e-5f4f-ad41-92803abbxxxx', 'name': 'Interactive Support SMS Campaign'},  # Stopped
]}


def comparable(rows):
    """Ids the sandbox makes up for new objects are numbered in order of appearance (as
    scripts/compare_request_logs.py does); the ids of the tenant's own objects stay, as the twin has them."""
    seen = {}

    def placeholder(match):
        return seen.setdefault(match.group(0), '%s-<%d>' % (match.group(1), len(seen) + 1))

    text = json.dumps([dict((k, r.get(k)) for k in KEYS) for r in rows], sort_keys=True)
    return json.loads(TIME.sub('<time>', ID.sub(placeholder, text)))


def rehearse(ansible, sandbox, workdir, playbook, args):
    sandbox.control.clear_log()
    rc, output = ansible.run_file('koreai.campaign.rehearse', [
        '-e', json.dumps({'rehearse_playbook': playbook, 'rehearse_args': args, 'rehearse_dir': str(workdir)})])
    assert rc == 0, output
    tenant_saw = sandbox.control.requests_log()
    assert tenant_saw and [r for r in tenant_saw if r['write']] == [], 'the tenant sees only reads during a rehearsal'
    reads = {'list_campaigns', 'get_campaign', 'list_contact_lists', 'get_contact_list'}
    assert set(r['operation'] for r in tenant_saw) <= reads
    return json.loads((workdir / 'requests.json').read_text()), output


def run_for_real(ansible, sandbox, playbook, args):
    sandbox.control.clear_log()
    rc, output = ansible.run_file(playbook, args)
    assert rc == 0, output
    return sandbox.control.requests_log()


def test_rehearse_decommission_matches_the_real_run(ansible, sandbox, tmp_path):
    retire = tmp_path / 'retire.yml'
    retire.write_text(yaml.safe_dump(RETIRE))
    args = ['-e', '@%s' % retire, '-e', 'decommission_backup_dir=%s' % (tmp_path / 'backups')]
    rehearsed, output = rehearse(ansible, sandbox, tmp_path / 'rehearsal', 'koreai.campaign.decommission',
                                 ' '.join(args))
    snapshot = (tmp_path / 'rehearsal' / 'snapshot.yml').read_text()
    assert 'secret' not in snapshot.lower() and sandbox.config['client_secret'] not in output
    # What the rehearsal shows: the requests in order, and the tenant before and after as a diff.
    report = (tmp_path / 'rehearsal' / 'report.txt').read_text()
    assert 'would send these 9 requests to the tenant, in order (3 writes)' in report
    assert '-  Weekly Satisfaction Survey Calls:' in report and '-  Interactive Support SMS Campaign:' in report
    assert '-    status: Scheduled' in report
    assert [r['operation'] for r in rehearsed if r['write']] == ['schedule_disable', 'delete_campaign', 'delete_campaign']
    assert sandbox.control.campaign(RETIRE['decommission_campaigns'][0]['id']) is not None, 'nothing was deleted'

    real = run_for_real(ansible, sandbox, 'koreai.campaign.decommission', args)
    assert comparable(rehearsed) == comparable(real)
    assert sandbox.control.campaign(RETIRE['decommission_campaigns'][0]['id']) is None


def test_rehearse_quickstart_matches_the_real_run(ansible, sandbox, tmp_path):
    # The twin does not dial; the tenant here does not either, so a started run is still Active when it is stopped.
    sandbox.control.configure(dial_rate=0)
    # Fixed schedule dates, so both runs send the same schedule body.
    args = ['-e', json.dumps({'quickstart_start': '2099-01-01 09:00:00', 'quickstart_end': '2099-02-01 09:00:00',
                              'quickstart_backup_dir': str(tmp_path / 'backups')})]
    rehearsed, output = rehearse(ansible, sandbox, tmp_path / 'rehearsal', 'koreai.campaign.quickstart',
                                 ' '.join(shlex.quote(a) for a in args))
    assert not sandbox.control.writes()
    assert 'Quickstart Renewal Calls' not in [c['name'] for c in sandbox.control.campaigns()]
    # Contact rows are in the request log file (mode 0600), never in what the rehearsal prints.
    assert stat.S_IMODE((tmp_path / 'rehearsal' / 'requests.json').stat().st_mode) == 0o600
    assert '+14155550100' not in output and '<12 contacts>' in output
    assert len([r for r in rehearsed if r['write']]) == 12

    real = run_for_real(ansible, sandbox, 'koreai.campaign.quickstart', args)
    assert comparable(rehearsed) == comparable(real)
