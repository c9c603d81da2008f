# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Contacts to load, read from a CSV, YAML, JSON or JSON-lines file or a list given in the task, one
row at a time (a CSV or JSON-lines file is streamed, never held whole), mapped to the API's fields
and checked: phone numbers to E.164, time zones as IANA names, priorities as whole numbers.

A problem names where it is (file, line, column) and what to write instead, never the value of a
phone number: contact rows are personal data."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import csv
import io
import json
import os
import re
import traceback

try:
    import zoneinfo
    HAS_ZONEINFO = True
except ImportError:  # Python 3.8: time zones are checked by shape only
    HAS_ZONEINFO = False

PHONENUMBERS_IMPORT_ERROR = None
try:
    import phonenumbers
    HAS_PHONENUMBERS = True
except ImportError:
    HAS_PHONENUMBERS = False
    PHONENUMBERS_IMPORT_ERROR = traceback.format_exc()

from ansible_collections.koreai.campaign.plugins.module_utils.errors import ValidationError

# The fields the API maps (API reference section 8.3); every other key is kept as an unmapped field.
API_FIELDS = ('phoneNumber', 'firstName', 'lastName', 'timeZone', 'uniqueId', 'contactPriority')
FORMATS = ('csv', 'yaml', 'json', 'jsonl')
_E164 = re.compile(r'^\+[1-9]\d{6,14}$')
# Written around phone numbers by people and spreadsheets; not part of the number.
_PHONE_PUNCTUATION = re.compile(r'[\s().\-/]')
_ZONE_SHAPE = re.compile(r'^[A-Za-z_]+(/[A-Za-z0-9_+\-]+)*$')
MIN_PRIORITY, MAX_PRIORITY = 1, 5


class Row:
    """One contact as the API will receive it, and where it came from (for messages)."""

    def __init__(self, where, line, contact):
        self.where = where
        self.line = line
        self.contact = contact


class Problem:
    """A row that cannot be sent: where it is and what is wrong, without the phone number."""

    def __init__(self, where, line, column, message):
        self.where = where
        self.line = line
        self.column = column
        self.message = message

    def __str__(self):
        column = ', column %s' % self.column if self.column else ''
        return '%s%s: %s' % (self.where, column, self.message)

    def as_dict(self):
        return {'where': self.where, 'line': self.line, 'column': self.column, 'problem': self.message}


def detect_format(path, given=None):
    if given:
        return given
    extension = os.path.splitext(path)[1].lower().lstrip('.')
    known = {'csv': 'csv', 'txt': 'csv', 'yml': 'yaml', 'yaml': 'yaml', 'json': 'json', 'jsonl': 'jsonl',
             'ndjson': 'jsonl'}
    if extension not in known:
        raise ValidationError('cannot tell the format of %s from its name; set format to one of %s'
                              % (path, ', '.join(FORMATS)))
    return known[extension]


class ContactReader:
    """Reads and checks rows; iterate it for Row and Problem objects, in file order."""

    def __init__(self, columns=None, default_region=None, keep_extra_fields=True):
        self.columns = dict(columns or {})
        self.default_region = default_region.upper() if default_region else None
        self.keep_extra_fields = keep_extra_fields
        if self.default_region and not HAS_PHONENUMBERS:
            raise ValidationError('default_region needs the Python library "phonenumbers" on the host that runs the '
                                  'module (pip install phonenumbers); without it, write every number in E.164 '
                                  '(+ and the country code)')
        if self.default_region and phonenumbers.country_code_for_region(self.default_region) == 0:
            raise ValidationError('default_region=%r is not a region code; write a two-letter ISO 3166 code such as '
                                  'US, GB or IN' % default_region)

    # -- sources ------------------------------------------------------------------------------

    def read_file(self, path, file_format=None):
        file_format = detect_format(path, file_format)
        name = os.path.basename(path)
        try:
            handle = io.open(path, 'r', encoding='utf-8-sig', newline='')
        except (IOError, OSError) as exc:
            raise ValidationError('cannot read the contacts file %s: %s' % (path, exc.strerror or exc))
        with handle:
            if file_format == 'csv':
                yield from self._csv(handle, name)
            elif file_format == 'jsonl':
                for number, text in enumerate(handle, 1):
                    if text.strip():
                        yield self._decoded(name, number, text)
            else:
                yield from self.read_items(self._whole(handle, name, file_format), name)

    def read_items(self, items, where='contacts'):
        """Rows given as a list of mappings (a task's contacts option, or a YAML/JSON file's)."""
        for index, item in enumerate(items):
            yield self.check('%s[%d]' % (where, index), index + 1, item, lambda key: key)

    def _decoded(self, name, number, text):
        try:
            item = json.loads(text)
        except ValueError as exc:
            return Problem('%s line %d' % (name, number), number, None, 'not JSON (%s)' % exc)
        return self.check('%s line %d' % (name, number), number, item, lambda key: key)

    def _whole(self, handle, name, file_format):
        # YAML and JSON documents are read whole; use CSV or JSON lines for large files.
        text = handle.read()
        try:
            if file_format == 'json':
                data = json.loads(text)
            else:
                import yaml  # ansible-core depends on PyYAML
                data = yaml.safe_load(text)
        except ValueError as exc:
            raise ValidationError('%s is not valid %s: %s' % (name, file_format.upper(), exc))
        except Exception as exc:  # yaml.YAMLError, whose import is deferred
            raise ValidationError('%s is not valid YAML: %s' % (name, exc))
        if isinstance(data, dict) and isinstance(data.get('contacts'), list):
            data = data['contacts']
        if not isinstance(data, list):
            raise ValidationError('%s must hold a list of contacts (or a mapping with a "contacts" list)' % name)
        return data

    def _csv(self, handle, name):
        reader = csv.reader(handle)
        try:
            header = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ValidationError('%s line 1: %s' % (name, exc))
        header = [h.strip() for h in header]
        fields = self._header_fields(name, header)
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield Problem('%s line %d' % (name, reader.line_num), reader.line_num, None, str(exc))
                continue
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue
            if len(values) > len(header):
                yield Problem('%s line %d' % (name, line), line, len(header) + 1,
                              'the row has %d values and the header %d columns' % (len(values), len(header)))
                continue
            item = dict((header[i], values[i]) for i in range(len(values)))
            yield self.check('%s line %d' % (name, line), line, item,
                             lambda key: '%d (%s)' % (header.index(key) + 1, key) if key in header else key,
                             fields)

    def _header_fields(self, name, header):
        unknown = sorted(set(self.columns) - set(header))
        if unknown:
            raise ValidationError('columns maps %s, which %s not a column of %s (its columns: %s)'
                                  % (', '.join(unknown), 'is' if len(unknown) == 1 else 'are', name, ', '.join(header)))
        fields = dict((column, self.field_for(column)) for column in header)
        if 'phoneNumber' not in fields.values():
            raise ValidationError('%s has no phone number column: name one phoneNumber, or map yours with columns, '
                                  'for example columns: {phone: phoneNumber} (its columns: %s)' % (name, ', '.join(header)))
        return fields

    def field_for(self, column):
        if column in self.columns:
            return self.columns[column]
        for field in API_FIELDS:
            if column.lower() == field.lower():
                return field
        return column

    # -- one row ------------------------------------------------------------------------------

    def check(self, where, line, item, column_name, fields=None):
        """A Row, or the first Problem with it."""
        if not isinstance(item, dict):
            return Problem(where, line, None, 'a contact must be a mapping of fields, such as {phoneNumber: '
                                              '"+14155550123", firstName: Ada}')
        contact = {}
        for key, value in item.items():
            key = str(key).strip()
            field = fields[key] if fields else self.field_for(key)
            if field not in API_FIELDS and not self.keep_extra_fields:
                continue
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            if isinstance(value, (dict, list)):
                return Problem(where, line, column_name(key), 'a value must be text or a number, not a %s'
                               % type(value).__name__)
            if field in contact:
                return Problem(where, line, column_name(key), 'two columns map to %s' % field)
            contact[field] = value.strip() if isinstance(value, str) else value

        def column(field):
            """The file's name for the column that maps to field, for messages."""
            for key in item:
                if (fields[key] if fields else self.field_for(str(key).strip())) == field:
                    return column_name(key)
            return column_name(field)

        if 'phoneNumber' not in contact:
            return Problem(where, line, column('phoneNumber'), 'no phone number')
        phone, problem = self.phone_number(contact['phoneNumber'])
        if problem:
            return Problem(where, line, column('phoneNumber'), problem)
        contact['phoneNumber'] = phone
        if 'timeZone' in contact:
            problem = check_time_zone(contact['timeZone'])
            if problem:
                return Problem(where, line, column('timeZone'), problem)
        if 'contactPriority' in contact:
            priority, problem = check_priority(contact['contactPriority'])
            if problem:
                return Problem(where, line, column('contactPriority'), problem)
            contact['contactPriority'] = priority
        for field in contact:
            if field not in ('phoneNumber', 'contactPriority') and not isinstance(contact[field], str):
                contact[field] = str(contact[field]).lower() if isinstance(contact[field], bool) else str(contact[field])
        return Row(where, line, contact)

    def phone_number(self, value):
        """(E.164 number, None) or (None, what is wrong); the message never repeats the number."""
        text = str(value).strip()
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            text = '%d' % value if float(value).is_integer() else text
        compact = _PHONE_PUNCTUATION.sub('', text)
        if compact.startswith('00'):
            compact = '+' + compact[2:]
        if HAS_PHONENUMBERS and (self.default_region or compact.startswith('+')):
            try:
                parsed = phonenumbers.parse(compact, None if compact.startswith('+') else self.default_region)
            except phonenumbers.NumberParseException:
                return None, 'not a phone number'
            if not phonenumbers.is_possible_number(parsed):
                return None, 'not a possible phone number for its country (wrong length)'
            return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164), None
        if _E164.match(compact):
            return compact, None
        if not compact.startswith('+') and compact.isdigit():
            return None, ('the phone number has no country code; write it in E.164 (+ and the country code, such '
                          'as +14155550123), or set default_region (needs the phonenumbers library)')
        return None, 'not an E.164 phone number (+ and 7 to 15 digits, such as +14155550123)'


def check_time_zone(value):
    name = str(value)
    if HAS_ZONEINFO:
        try:
            zoneinfo.ZoneInfo(name)
            return None
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            return ('timeZone %r is not an IANA time zone; write one such as America/New_York or Asia/Kolkata'
                    % name)
    if not _ZONE_SHAPE.match(name):
        return 'timeZone %r is not an IANA time zone; write one such as America/New_York or Asia/Kolkata' % name
    return None


def check_priority(value):
    try:
        number = int(str(value).strip())
    except ValueError:
        number = None
    if isinstance(value, bool) or number is None or not MIN_PRIORITY <= number <= MAX_PRIORITY:
        return None, 'contactPriority %r must be a whole number from %d to %d' % (value, MIN_PRIORITY, MAX_PRIORITY)
    return number, None
