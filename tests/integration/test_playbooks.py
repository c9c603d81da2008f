# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The example playbooks run as they are against the sandbox."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import os

from .conftest import ROOT


def test_quickstart_walks_the_lifecycle_and_each_second_run_changes_nothing(ansible, sandbox, tmp_path):
    playbook = os.path.join(ROOT, 'playbooks', 'quickstart.yml')
    rc, output = ansible.run_file(playbook, extra_args=['-e', 'quickstart_backup_dir=%s' % (tmp_path / 'backups')])
    assert rc == 0, output
    assert 'changed=8' in output and 'failed=0' in output
    writes = [(r['method'], r['path'].rsplit('/', 1)[-1], r['query'].get('trigger') or r['query'].get('enableSchedule'))
              for r in sandbox.control.requests_log() if r['write']]
    assert [w[0] for w in writes] == ['POST', 'POST', 'POST', 'POST', 'POST', 'POST', 'POST', 'DELETE', 'DELETE',
                                      'DELETE']
    assert [w[2] for w in writes[3:7]] == ['true', 'false', 'play', 'stop']
    assert len(list((tmp_path / 'backups').iterdir())) == 1
