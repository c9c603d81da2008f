#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: contacts_info
short_description: Read how many contacts a Kore.ai contact list holds, and optionally the contacts
version_added: 0.1.0
description:
  - Reads a contact list (or DNC list) by name and returns how many contacts it holds, for checks such as that
    the DNC list is not empty.
  - With O(max_contacts) greater than 0 it also reads up to that many of the list's contacts, page by page.
  - B(Request cost) is 1 read (the list call) for the count, plus ceil(O(max_contacts) / 50) reads at most for
    the contacts (fewer when the list holds fewer).
  - Contacts are personal data. They are returned only when O(max_contacts) asks for them; set C(no_log=true) on
    the task if its output may be printed or kept (C(-v), AWX job output).
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
      - Read only; it sends the same reads in check mode.
  diff_mode:
    support: N/A
    details:
      - Read only; nothing to compare.
  platform:
    platforms: all
options:
  contact_list:
    description:
      - The name of the contact list or DNC list, compared without regard to case.
    type: str
    required: true
    aliases: [list, dnc_list]
  max_contacts:
    description:
      - Read up to this many of the list's contacts (a request per 50). V(0) reads only the count.
    type: int
    default: 0
seealso:
  - module: koreai.campaign.contacts
  - module: koreai.campaign.contact_list
'''

EXAMPLES = r'''
- name: The DNC list must not be empty before the campaign starts
  koreai.campaign.contacts_info:
    dnc_list: DNC CL Dec 4
  register: dnc

- name: Stop here if it is
  ansible.builtin.assert:
    that: dnc.count > 0
    fail_msg: "DNC list {{ dnc.contact_list.name }} is empty; load it with koreai.campaign.contacts first"

- name: The first 100 contacts of a list, kept out of the output
  koreai.campaign.contacts_info:
    contact_list: Renewal Due - May/June 2025
    max_contacts: 100
  register: first_contacts
  no_log: true
'''

RETURN = r'''
exists:
  description: Whether a list has that name.
  returned: always
  type: bool
  sample: true
count:
  description: How many contacts the list holds (its C(totalRecordCount)); 0 when it does not exist.
  returned: always
  type: int
  sample: 250
contact_list:
  description: The list's id, name, count, duplicate setting and whether it is the account's global DNC list.
  returned: when the list exists
  type: dict
  sample: {"id": "cl-68b802a-2b99-4245-8eea-6d322a8xxxxx", "name": "DNC CL Dec 4", "totalRecordCount": 250}
contacts:
  description: Up to O(max_contacts) contacts, as the API returns them (C(_id), C(phoneNumber), the other fields).
  returned: when O(max_contacts) is greater than 0 and the list exists
  type: list
  elements: dict
  sample: [{"_id": "cc-1b2c3d4", "phoneNumber": "+14155550123", "firstName": "Ada"}]
truncated:
  description: Whether the list holds more contacts than were read.
  returned: when O(max_contacts) is greater than 0 and the list exists
  type: bool
  sample: false
api_calls:
  description: How many HTTP requests the module sent.
  returned: always
  type: int
  sample: 2
'''

from ansible_collections.koreai.campaign.plugins.module_utils import api_contact_lists, api_contacts
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KNOWN_ERRORS, ValidationError
from ansible_collections.koreai.campaign.plugins.module_utils.koreai_module import KoreaiModule
from ansible_collections.koreai.campaign.plugins.module_utils.lookup import contact_list_by_name
from ansible_collections.koreai.campaign.plugins.module_utils.validate import check_name


def read_list(client, name, max_contacts):
    contact_list = contact_list_by_name(client, name)
    if contact_list is None:
        return {'exists': False, 'count': 0}
    count = contact_list.get('totalRecordCount')
    result = {'exists': True, 'count': count if isinstance(count, int) else 0,
              'contact_list': api_contact_lists.list_summary(contact_list)}
    if max_contacts:
        contacts = list(api_contacts.read_contacts(client, contact_list, max_items=max_contacts))
        result['contacts'] = contacts
        result['truncated'] = isinstance(count, int) and count > len(contacts)
    return result


def main():
    module = KoreaiModule(
        argument_spec=dict(
            contact_list=dict(type='str', required=True, aliases=['list', 'dnc_list']),
            max_contacts=dict(type='int', default=0),
        ),
        supports_check_mode=True,
    )
    try:
        check_name(module.params['contact_list'], 'contact_list')
        if module.params['max_contacts'] < 0:
            raise ValidationError('max_contacts must be 0 (the count only) or more')
        result = read_list(module.client, module.params['contact_list'], module.params['max_contacts'])
    except KNOWN_ERRORS as exc:
        module.fail_from(exc)
    module.exit_json(changed=False, api_calls=module.api_calls, **result)


if __name__ == '__main__':
    main()
