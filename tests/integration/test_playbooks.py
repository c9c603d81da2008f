# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The example playbooks run as they are against the sandbox."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import os

from .conftest import ROOT


def test_quickstart_walks_the_lifecycle_and_each_second_run_changes_nothing(ansible, sandbox, tmp_path):
    playbook = os.path.join(ROOT, 'playbooks', 'quickstart.yml')
    # A dialer at a person's pace: the campaign is still calling when the playbook stops it.
    sandbox.control.configure(dial_rate=0.2)
    rc, output = ansible.run_file(playbook, extra_args=['-e', 'quickstart_backup_dir=%s' % (tmp_path / 'backups')])
    assert rc == 0, output
    assert 'changed=9' in output and 'failed=0' in output
    writes = [(r['method'], r['path'].rsplit('/', 1)[-1], r['query'].get('trigger') or r['query'].get('enableSchedule'))
              for r in sandbox.control.requests_log() if r['write']]
    assert [w[0] for w in writes] == ['POST'] * 9 + ['DELETE'] * 3
    assert [w[1] for w in writes[2:4]] == ['addContacts', 'addContacts']
    assert [w[2] for w in writes[5:9]] == ['true', 'false', 'play', 'stop']
    adds = [r['body'] for r in sandbox.control.requests_log() if r['operation'] == 'add_contacts']
    assert [len(body['data']) for body in adds] == [12, 3]
    assert adds[0]['data'][0] == {'phoneNumber': '+14155550100', 'firstName': 'Ada', 'lastName': 'Lovelace',
                                  'timeZone': 'America/Los_Angeles', 'uniqueId': 'CRM-1001', 'plan': 'gold'}
    assert len(list((tmp_path / 'backups').iterdir())) == 1
