# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What the module tests share: the connection options, campaign objects, and reading what main() printed."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json

import pytest

from ..fakes import ACCOUNT, CLIENT_ID, HOST, SECRET, STREAM

CONNECTION = dict(host=HOST, client_id=CLIENT_ID, client_secret=SECRET, stream_id=STREAM, account_id=ACCOUNT)
VOICE = {'_id': 'cd-1', 'name': 'Renewals', 'lname': 'renewals', 'dialingMode': 'Progressive', 'status': 'Active',
         'createdAt': '2025-12-04T10:50:56.762Z', 'schedule': {'isSchedulingEnabled': False}}
SMS = {'_id': 'cd-s', 'name': 'Texts', 'format': 'simple', 'message': {}, 'status': 'Stopped',
       'schedule': {'isSchedulingEnabled': False}}
NOT_SENT_AGAIN = '; the request was not sent again, so that it cannot apply twice. Run the task again to retry'


def module_args(args, check_mode=False, diff=False):
    """The module arguments, with check and diff mode as Ansible passes them."""
    args = dict(args)
    if check_mode:
        args['_ansible_check_mode'] = True
    if diff:
        args['_ansible_diff'] = True
    return args


def main_result(module, capsys):
    """Run module.main() (inside patch_module_args) and return its JSON result and raw output."""
    with pytest.raises(SystemExit):
        module.main()
    out = capsys.readouterr().out
    return json.loads(out), out


def listing(*campaigns):
    return {'status': 'success', 'data': {'results': list(campaigns), 'hasMore': False}}


def status_answer(status, campaign_id='cd-1'):
    return {'status': 'success', 'data': {'id': campaign_id, 'status': status}}


def warning_texts(result):
    """The warnings' texts: plain strings before ansible-core 2.19, WarningSummary objects ({"event": {"msg"}}) since."""
    texts = []
    for warning in result.get('warnings', []):
        if isinstance(warning, dict):
            warning = (warning.get('event') or warning).get('msg')
        texts.append(warning)
    return texts
