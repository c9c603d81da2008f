# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The reliability report itself (scripts/reliability_report.py): what it counts, what it keeps and drops."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from .reliability_support import report_lib

HERE = 'tests/integration/test_reliability_report.py'


def record(directory, test, cases, passed=True, bug=None):
    recorder = report_lib.TestRecorder('%s::%s' % (HERE, test), records_dir=str(directory))
    for case in cases:
        recorder.case(**case)
    if bug:
        recorder.known_bug(None, bug)
    recorder.finish(passed)
    return recorder


def test_counts_and_tables(tmp_path):
    record(tmp_path, 'test_counts_and_tables', [
        dict(group='faults', case='a 503', did='converged', outcome='converged', writes=1, write_attempts=1, faults=2,
             elapsed=1.2, bound=10),
        dict(group='secrets', case='a | pipe', did='no leak', outcome='no leak', secrets_leaked=0),
        dict(group='bad-input', case='fuzz', did='refused', outcome='refused', bad_inputs=40),
    ])
    duplicate = dict(group='faults', case='x', did='', outcome='', duplicated=5)
    record(tmp_path, 'test_a_failing_test_leaves_nothing', [duplicate], passed=False)
    record(tmp_path, 'test_mutation_section_survives_rendering', [], bug='client.py does X')
    tests = report_lib.load(str(tmp_path))
    totals = report_lib.summarize(tests)
    assert (totals['cases'], totals['faults_survived'], totals['bad_inputs'], totals['duplicated'],
            totals['secrets_leaked'], totals['known_bugs']) == (3, 2, 40, 0, 0, 1)
    text = report_lib.render(tests)
    assert '| cases run | 3 (in 1 tests) |' in text and '**writes duplicated** (must be 0) | **0** |' in text
    assert '| 1 | a 503 |' in text and '2 s (≤ 10 s)' in text and 'a \\| pipe' in text
    assert '1. client.py does X  \n   Pinned by: `%s::test_mutation_section_survives_rendering`' % HERE in text
    assert report_lib.MUTATIONS_BEGIN in text and 'Not run yet' in text


def test_volatile_details_are_normalised():
    cell = report_lib._cell('no response from http://127.0.0.1:41233 (port=41233) at /tmp/pytest-of-x/y/cert.pem; '
                            'retrying in 0.7 s, retrying in 2.0 s; later than now (2026-11-25 09:19:27 UTC) | z')
    assert cell == ('no response from http://127.0.0.1:<port> (port=<port>) at <tmp>; retrying in <backoff> s, '
                    'retrying in 2.0 s; later than now (<now>) \\| z')


def test_a_failing_test_leaves_nothing(tmp_path):
    first = record(tmp_path, 'test_a_failing_test_leaves_nothing', [dict(group='faults', case='x', did='', outcome='')])
    assert (tmp_path / first.path.split('/')[-1]).exists()
    # the same test failing later removes its earlier record as soon as it starts
    record(tmp_path, 'test_a_failing_test_leaves_nothing', [dict(group='faults', case='x', did='', outcome='')],
           passed=False)
    assert report_lib.load(str(tmp_path)) == []


def test_records_of_removed_tests_are_dropped(tmp_path):
    record(tmp_path, 'test_no_such_test_any_more', [dict(group='faults', case='old', did='', outcome='')])
    assert report_lib.load(str(tmp_path)) == [], 'a record of a test that no longer exists must be dropped'


def test_mutation_section_survives_rendering(tmp_path, monkeypatch):
    doc = tmp_path / 'reliability.md'
    records = tmp_path / 'records'
    record(records, 'test_counts_and_tables', [dict(group='tls', case='t', did='refused', outcome='refused')])
    monkeypatch.setattr(report_lib, 'STORE', str(tmp_path))
    report_lib.write_doc(str(doc), str(records))
    report_lib.write_mutation_section('| m | caught |', str(doc))
    assert '| m | caught |' in doc.read_text()
    report_lib.write_doc(str(doc), str(records))
    text = doc.read_text()
    assert '| m | caught |' in text and text.count(report_lib.MUTATIONS_BEGIN) == 1
    assert 'Not run yet' not in text
