#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: contacts
short_description: Load contacts or Do Not Call numbers into a Kore.ai Contact Center contact list
version_added: 0.1.0
description:
  - Makes sure a contact list (or a DNC list, which is a contact list) holds the contacts of a CSV, YAML, JSON or
    JSON-lines file, or of a list given in the task, through the Kore.ai Campaign Management API.
  - Idempotent to the request. Only the contacts the list does not hold yet (compared by phone number) are sent;
    a second run of the same file sends no write and reports no change.
  - Every row is checked before any request. Phone numbers are normalised to E.164, time zones must be IANA
    names, C(contactPriority) a whole number from 1 to 5, and rows that repeat a phone number of an earlier row are
    reported and not sent again. A bad row fails the task before anything is sent, naming the file, the line and
    the column, unless O(invalid_rows=skip).
  - Adding is asynchronous in Kore.ai. With O(wait=true) the module polls the list until its C(totalRecordCount)
    shows every contact sent, and fails saying what was sent and what the list shows when they do not appear.
    An add whose answer is lost (timeout, reset, HTTP 5xx) is read back from the list's count, never resent.
  - An interrupted load (timeout, Ctrl-C, a cancelled AWX job) resumes on the next run, which reads what the list
    holds and sends only the rest.
  - B(Request cost), with N contacts in the file, M of them missing from the list and a list that holds T
    contacts before the run. Reads are 1 (the list call, which gives the list's id and count) plus, only when
    T > 0, ceil(T / 50) pages of the list's contacts. Writes are ceil(M / 100) adds. With O(wait=true), at least
    one more read polls the list's count (the poll backs off from 0.5 to 10 s). So a first load into an empty
    list costs 1 read + ceil(N / 100) adds (+ the polls), and rerunning the same file costs 1 + ceil(T / 50)
    reads and no write. Check mode makes the same reads, sends nothing and returns the whole cost in RV(requests).
  - At the API's 60 requests a minute, reading a list of 100,000 contacts takes 2,000 requests (about 34 minutes)
    and adding 100,000 contacts 1,000 requests (about 17 minutes); run long loads with Ansible's C(async) and
    C(poll) (see the examples) so that AWX and SSH sessions do not time out.
  - The file is streamed (CSV and JSON lines; YAML and JSON documents are read whole), and the contacts are kept
    in a private SQLite file (mode 0600, removed at the end) rather than in memory, so memory stays flat from a
    thousand to a million rows.
  - Contact rows are personal data. The module never returns or prints phone numbers or contact fields; problems
    and duplicates are named by file, line and column only.
  - The API has no call to remove contacts from a list, so this module only adds. To empty a list, delete and
    re-create it with M(koreai.campaign.contact_list).
author:
  - koreai.campaign maintainers (@koreai-campaign)
extends_documentation_fragment:
  - koreai.campaign.connection
  - koreai.campaign.connection.action_group
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
    details:
      - Reads the list and, when it holds contacts, its contacts; sends no add; returns what would be added and
        the requests the run would cost.
  diff_mode:
    support: full
    details:
      - The list's contact count before and after (never the contacts themselves).
  platform:
    platforms: all
options:
  contact_list:
    description:
      - The name of the contact list or DNC list to load, as shown in Kore.ai (compared without regard to case).
      - The list must exist; create it with M(koreai.campaign.contact_list).
    type: str
    required: true
    aliases: [list, dnc_list]
  src:
    description:
      - A file of contacts on the host that runs the module.
      - CSV with a header row (UTF-8, a byte-order mark is fine); YAML or JSON holding a list of mappings (or a
        mapping with a C(contacts) list); or JSON lines, one mapping per line.
      - Exactly one of O(src) and O(contacts).
    type: path
  format:
    description:
      - The format of O(src). By default it follows the file name's extension (C(.csv), C(.yml)/C(.yaml),
        C(.json), C(.jsonl)/C(.ndjson)).
    type: str
    choices: [csv, yaml, json, jsonl]
  contacts:
    description:
      - The contacts themselves, as a list of mappings with the API's field names (see O(columns)).
    type: list
    elements: dict
  columns:
    description:
      - Maps a column of the file (or a key of O(contacts)) to the API's field; for example, a C(phone) key with
        the value C(phoneNumber) sends the file's C(phone) column as the phone number.
      - The API's fields are C(phoneNumber) (required), C(firstName), C(lastName), C(timeZone), C(uniqueId) and
        C(contactPriority). A column named like one of them, in any case, maps to it without being listed.
      - Every other column is sent as an unmapped field with its own name, unless O(extra_fields=false).
    type: dict
    default: {}
  extra_fields:
    description:
      - Send columns that map to none of the API's fields as unmapped fields (Kore.ai keeps them with the contact).
    type: bool
    default: true
  default_region:
    description:
      - The region (ISO 3166 code such as V(US), V(GB), V(IN)) of phone numbers written without a country code,
        for example V(0161 496 0000) with V(GB).
      - Needs the Python library C(phonenumbers) on the host that runs the module. Without this option every
        number must be in E.164 (C(+) and the country code); spaces, dashes, dots and parentheses are removed and
        a leading C(00) is read as C(+).
    type: str
  invalid_rows:
    description:
      - V(fail) fails the task before any request when any row is bad, naming the first ones by file, line and
        column.
      - V(skip) loads the good rows and returns the bad ones in RV(skipped_rows), counted in RV(invalid).
    type: str
    choices: [fail, skip]
    default: fail
  address_by:
    description:
      - How the add call names the list. V(name) sends C(contact_list_name), as the API page shows; V(id) sends
        C(contactListId), as a release note describes (unverified).
    type: str
    choices: [name, id]
    default: name
  wait:
    description:
      - Poll the list after the adds until its count shows every contact sent.
    type: bool
    default: true
  wait_timeout:
    description:
      - How many seconds to wait for the adds to show, and to read back an add whose answer was lost.
    type: int
    default: 300
notes:
  - The comparison is by phone number in E.164. A number the list already holds is not sent again, even when the
    list allows duplicates.
  - An add that the API took but whose contacts do not show within O(wait_timeout) is not resent; the next run
    reads the list and sends what is still missing. When the list allows duplicates and the add is only slow,
    that rerun may add those contacts twice; give it time, or load lists that do not allow duplicates.
seealso:
  - module: koreai.campaign.contact_list
  - module: koreai.campaign.contacts_info
'''

EXAMPLES = r'''
- name: Load this morning's leads (header row phone,first_name,last_name,tz,crm_id,segment)
  koreai.campaign.contacts:
    contact_list: Renewal Due - May/June 2025
    src: /data/leads/today.csv
    columns:
      phone: phoneNumber
      first_name: firstName
      last_name: lastName
      tz: timeZone
      crm_id: uniqueId
  register: loaded

- name: Say what happened, without personal data
  ansible.builtin.debug:
    msg: "{{ loaded.added }} added, {{ loaded.already_in_list }} already there, {{ loaded.invalid }} invalid"

- name: Add new Do Not Call numbers, national numbers read as US ones, skipping bad rows
  koreai.campaign.contacts:
    dnc_list: DNC CL Dec 4
    src: /data/dnc/new-numbers.csv
    default_region: US
    invalid_rows: skip

- name: Contacts given in the task
  koreai.campaign.contacts:
    contact_list: Product Feedback Survey
    contacts:
      - {phoneNumber: "+14155550123", firstName: Ada, timeZone: America/Los_Angeles}
      - {phoneNumber: "+442079460000", firstName: Alan, contactPriority: 2}

- name: How much a large load would cost, without sending anything
  koreai.campaign.contacts:
    contact_list: Renewal Due - May/June 2025
    src: /data/leads/all.csv
  check_mode: true
  register: estimate

- name: A long load in the background (polls every minute for up to 4 hours)
  koreai.campaign.contacts:
    contact_list: Renewal Due - May/June 2025
    src: /data/leads/all.csv
    wait_timeout: 3600
  async: 14400
  poll: 60
'''

RETURN = r'''
contact_list:
  description: The list loaded, as the API showed it last (after the adds when O(wait=true)).
  returned: when the list exists
  type: dict
  contains:
    id:
      description: The list ID.
      type: str
      sample: cl-68b802a-2b99-4245-8eea-6d322a8xxxxx
    name:
      description: The list name.
      type: str
      sample: DNC CL Dec 4
    totalRecordCount:
      description: How many contacts the list holds.
      type: int
      sample: 250
rows:
  description: How many rows the source had (blank CSV lines left out).
  returned: always
  type: int
  sample: 1000
valid:
  description: How many rows passed the checks.
  returned: always
  type: int
  sample: 998
invalid:
  description: How many rows were bad (skipped with O(invalid_rows=skip)).
  returned: always
  type: int
  sample: 2
skipped_rows:
  description:
    - The bad rows (at most 1,000), by place and problem; never their values.
    - Not called C(skipped), which Ansible reserves for a skipped task (ansible-core 2.21 turns a C(skipped) list
      into a boolean, and older lines report the task as skipped).
  returned: always
  type: list
  elements: dict
  sample: [{"where": "today.csv line 7", "line": 7, "column": "2 (phone)", "problem": "no phone number"}]
duplicates:
  description: How many rows repeat the phone number of an earlier row; only the first is sent.
  returned: always
  type: int
  sample: 1
duplicate_rows:
  description: Where the duplicates are (at most 1,000), and the row they repeat.
  returned: always
  type: list
  elements: dict
  sample: [{"where": "today.csv line 9", "same_number_as": "today.csv line 3"}]
already_in_list:
  description: How many of the source's contacts the list already held.
  returned: always
  type: int
  sample: 990
added:
  description: How many contacts were sent (and taken by the API).
  returned: always
  type: int
  sample: 8
would_add:
  description: In check mode, how many contacts would be sent.
  returned: in check mode
  type: int
  sample: 8
requests:
  description: What the run costs in requests, as planned from the list's count.
  returned: always
  type: dict
  contains:
    reads:
      description: The list call plus the pages of the list's contacts.
      type: int
      sample: 21
    contact_pages:
      description: Pages of 50 contacts read (0 for an empty list).
      type: int
      sample: 20
    writes:
      description: Adds of up to 100 contacts.
      type: int
      sample: 1
    confirm_polls_at_least:
      description: Reads of the list's count to confirm the adds (more when the API is slow).
      type: int
      sample: 1
    total_at_least:
      description: All of them.
      type: int
      sample: 23
actions:
  description: One C(add_contacts) per add sent, or that would be sent in check mode.
  returned: always
  type: list
  elements: str
  sample: [add_contacts]
msg:
  description: What the module found or did.
  returned: always
  type: str
  sample: "8 contacts added to contact list 'Renewal Due' (cl-68b802a-2b99-4245-8eea-6d322a8xxxxx) in 1 request (990 of 998 already there)"
api_calls:
  description: How many HTTP requests the module sent.
  returned: always
  type: int
  sample: 23
'''

from ansible_collections.koreai.campaign.plugins.module_utils.contact_rows import ContactReader
from ansible_collections.koreai.campaign.plugins.module_utils.contacts_runner import load_contacts
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KNOWN_ERRORS, ValidationError
from ansible_collections.koreai.campaign.plugins.module_utils.koreai_module import KoreaiModule
from ansible_collections.koreai.campaign.plugins.module_utils.validate import check_name


def main():
    module = KoreaiModule(
        argument_spec=dict(
            contact_list=dict(type='str', required=True, aliases=['list', 'dnc_list']),
            src=dict(type='path'),
            format=dict(type='str', choices=['csv', 'yaml', 'json', 'jsonl']),
            contacts=dict(type='list', elements='dict'),
            columns=dict(type='dict', default={}),
            extra_fields=dict(type='bool', default=True),
            default_region=dict(type='str'),
            invalid_rows=dict(type='str', default='fail', choices=['fail', 'skip']),
            address_by=dict(type='str', default='name', choices=['name', 'id']),
            wait=dict(type='bool', default=True),
            wait_timeout=dict(type='int', default=300),
        ),
        mutually_exclusive=[('src', 'contacts'), ('format', 'contacts')],
        required_one_of=[('src', 'contacts')],
        supports_check_mode=True,
    )
    params = module.params
    run = None
    try:
        check_name(params['contact_list'], 'contact_list')
        if params['wait_timeout'] < 1:
            raise ValidationError('wait_timeout must be at least 1 second')
        reader = ContactReader(params['columns'], params['default_region'], params['extra_fields'])
        rows = reader.read_file(params['src'], params['format']) if params['src'] else \
            reader.read_items(params['contacts'])
        run = module.runner(wait=params['wait'], wait_timeout=params['wait_timeout'])
        result = load_contacts(run, params['contact_list'], rows, params['invalid_rows'], params['address_by'])
    except KNOWN_ERRORS as exc:
        module.fail_from(exc, run)
    result['api_calls'] = module.api_calls
    module.exit_result(result)


if __name__ == '__main__':
    main()
