# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""contact_rows.py: reading CSV/YAML/JSON/JSON-lines rows, column mapping, E.164, time zones, priorities."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import contact_rows
from ansible_collections.koreai.campaign.plugins.module_utils.contact_rows import ContactReader, Problem, Row
from ansible_collections.koreai.campaign.plugins.module_utils.errors import ValidationError


def rows_of(path, **options):
    return list(ContactReader(**options).read_file(str(path)))


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding='utf-8')
    return path


def test_csv_with_mapping_extra_fields_and_bom(tmp_path):
    path = write(tmp_path, 'leads.csv', '\ufeffphone,first_name,TimeZone,segment\n'
                 '+1 (415) 555-0123,Ada,America/Los_Angeles,gold\n\n00442079460000,Alan,,\n')
    rows = rows_of(path, columns={'phone': 'phoneNumber', 'first_name': 'firstName'})
    assert [type(r) for r in rows] == [Row, Row]
    assert rows[0].contact == {'phoneNumber': '+14155550123', 'firstName': 'Ada', 'timeZone': 'America/Los_Angeles',
                               'segment': 'gold'}
    assert rows[0].where == 'leads.csv line 2' and rows[1].line == 4
    assert rows[1].contact == {'phoneNumber': '+442079460000', 'firstName': 'Alan'}


def test_extra_fields_can_be_left_out(tmp_path):
    path = write(tmp_path, 'a.csv', 'phoneNumber,segment\n+14155550123,gold\n')
    assert rows_of(path, keep_extra_fields=False)[0].contact == {'phoneNumber': '+14155550123'}


def test_problems_name_file_line_and_column_but_never_the_number(tmp_path):
    path = write(tmp_path, 'bad.csv', 'name,phone,tz,prio\nA,3125550198,UTC,1\nB,+13125550197,Mars/Base,1\n'
                 'C,+13125550196,UTC,9\nD,,UTC,1\nE,+1312555019,UTC,1,extra\n')
    rows = rows_of(path, columns={'phone': 'phoneNumber', 'tz': 'timeZone', 'prio': 'contactPriority'})
    problems = [str(r) for r in rows]
    assert all(isinstance(r, Problem) for r in rows)
    assert problems[0].startswith('bad.csv line 2, column 2 (phone): the phone number has no country code')
    assert problems[1] == ("bad.csv line 3, column 3 (tz): timeZone 'Mars/Base' is not an IANA time zone; write one "
                           "such as America/New_York or Asia/Kolkata")
    assert problems[2].startswith("bad.csv line 4, column 4 (prio): contactPriority '9' must be a whole number")
    assert problems[3] == 'bad.csv line 5, column 2 (phone): no phone number'
    assert problems[4].startswith('bad.csv line 6, column 5: the row has 5 values')
    assert not any('312555019' in p for p in problems), 'phone numbers are personal data'


def test_a_file_without_a_phone_column_is_refused_up_front(tmp_path):
    path = write(tmp_path, 'x.csv', 'name,mobile\nA,+14155550123\n')
    with pytest.raises(ValidationError, match='x.csv has no phone number column.*columns: name, mobile'):
        rows_of(path)
    with pytest.raises(ValidationError, match="columns maps cell, which is not a column of x.csv"):
        rows_of(path, columns={'cell': 'phoneNumber'})


def test_yaml_json_and_json_lines(tmp_path):
    yml = write(tmp_path, 'c.yml', 'contacts:\n  - {phoneNumber: "+14155550123", contactPriority: "2"}\n  - 7\n')
    rows = rows_of(yml)
    assert rows[0].contact == {'phoneNumber': '+14155550123', 'contactPriority': 2}
    assert isinstance(rows[1], Problem) and str(rows[1]).startswith('c.yml[1]: a contact must be a mapping')
    js = write(tmp_path, 'c.json', json.dumps([{'phoneNumber': 14155550123 * 0 + 4155550123, 'firstName': 'A'}]))
    assert 'no country code' in str(rows_of(js)[0])
    jl = write(tmp_path, 'c.jsonl', '{"phoneNumber": "+14155550123", "vip": true}\n\nnot json\n')
    rows = rows_of(jl)
    assert rows[0].contact == {'phoneNumber': '+14155550123', 'vip': 'true'}
    assert str(rows[1]).startswith('c.jsonl line 3: not JSON')


def test_values_must_be_scalars_and_formats_known(tmp_path):
    rows = list(ContactReader().read_items([{'phoneNumber': '+14155550123', 'tags': ['a']}]))
    assert str(rows[0]) == 'contacts[0], column tags: a value must be text or a number, not a list'
    with pytest.raises(ValidationError, match='cannot tell the format'):
        rows_of(write(tmp_path, 'c.xlsx', ''))
    with pytest.raises(ValidationError, match='cannot read the contacts file'):
        rows_of(tmp_path / 'missing.csv')


@pytest.mark.skipif(not contact_rows.HAS_PHONENUMBERS, reason='phonenumbers is optional')
def test_default_region_reads_national_numbers():
    reader = ContactReader(default_region='gb')
    assert reader.phone_number('020 7946 0000') == ('+442079460000', None)
    assert reader.phone_number('12')[1].startswith('not a possible phone number')
    with pytest.raises(ValidationError, match='not a region code'):
        ContactReader(default_region='XX')


def test_default_region_without_the_library_says_what_to_install(monkeypatch):
    monkeypatch.setattr(contact_rows, 'HAS_PHONENUMBERS', False)
    with pytest.raises(ValidationError, match='pip install phonenumbers'):
        ContactReader(default_region='US')


def test_e164_without_the_library(monkeypatch):
    monkeypatch.setattr(contact_rows, 'HAS_PHONENUMBERS', False)
    reader = ContactReader()
    assert reader.phone_number('+1 415.555.0123') == ('+14155550123', None)
    assert reader.phone_number('+0123456789')[1].startswith('not an E.164 phone number')
