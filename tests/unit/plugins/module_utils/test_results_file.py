# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""results_file.py: owner-only result files, written whole or not at all, in three formats."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import csv
import json
import os
import stat

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils.errors import ValidationError
from ansible_collections.koreai.campaign.plugins.module_utils.results_file import ResultsFile

ROW = {'phoneNumber': '+14155550123', 'dialerOutcome': 'answered', 'agentDispositionCodes': ['A', 'B'],
       'numberOfAttemptsSoFar': 1, 'extra': 'x'}


@pytest.mark.parametrize('name', ['r.csv', 'r.json', 'r.jsonl'])
def test_formats_mode_and_atomic_rename(tmp_path, name):
    path = tmp_path / name
    report = ResultsFile(str(path))
    report.write(ROW)
    report.write(dict(ROW, phoneNumber='+14155550124'))
    assert not path.exists(), 'the report appears only when complete'
    report.commit()
    assert stat.S_IMODE(os.stat(str(path)).st_mode) == 0o600 and os.listdir(str(tmp_path)) == [name]
    text = path.read_text()
    if name.endswith('.csv'):
        rows = list(csv.DictReader(text.splitlines()))
        assert rows[0]['agentDispositionCodes'] == 'A;B' and rows[1]['phoneNumber'] == '+14155550124'
        assert 'extra' not in rows[0]
    elif name.endswith('.jsonl'):
        assert [json.loads(line)['extra'] for line in text.splitlines()] == ['x', 'x']
    else:
        assert len(json.loads(text)) == 2


def test_abort_leaves_nothing_and_empty_json_is_a_list(tmp_path):
    report = ResultsFile(str(tmp_path / 'r.csv'))
    report.write(ROW)
    report.abort()
    assert os.listdir(str(tmp_path)) == []
    empty = ResultsFile(str(tmp_path / 'e.json'))
    empty.commit()
    assert json.loads((tmp_path / 'e.json').read_text()) == []
    with pytest.raises(ValidationError, match='does not exist'):
        ResultsFile(str(tmp_path / 'nope' / 'r.csv'))
