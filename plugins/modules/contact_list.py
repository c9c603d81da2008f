#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: contact_list
short_description: Create, update or delete a Kore.ai Contact Center contact list
version_added: 0.1.0
description:
  - Makes sure a contact list (also used as a Do Not Call list) exists with the given description and duplicate
    setting, or does not exist, through the Kore.ai Campaign Management API. The list is found by name, compared
    without regard to case.
  - Reads the lists first and writes only when something differs; a second identical run sends no write.
  - Refuses to delete a list that a campaign still uses, naming the campaigns, unless O(force=true). Kore.ai
    itself refuses to delete a contact list or DNC list that a campaign uses (API reference section 8.1), so
    O(force=true) helps only when the list call still names a campaign that no longer uses it.
  - Lists are created with the API source C(passiveApi); M(koreai.campaign.contacts) loads their contacts.
author:
  - koreai.campaign maintainers (@koreai-campaign)
extends_documentation_fragment:
  - koreai.campaign.connection
  - koreai.campaign.connection.action_group
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
    details:
      - The description and duplicate setting before and after; for a delete, the whole list before and nothing after.
  platform:
    platforms: all
options:
  name:
    description:
      - The contact list's name; at most 48 characters.
    type: str
    required: true
  state:
    description:
      - V(present) creates the list or updates its description and duplicate setting; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  description:
    description:
      - What the list holds; at most 256 characters. Required to create a list.
    type: str
  allow_duplicates:
    description:
      - Whether the list may hold the same phone number more than once. New lists do not, unless set.
      - Set only when a list is created; the API cannot change it later, so a different value for an existing
        list fails with a message saying so.
    type: bool
  force:
    description:
      - With O(state=absent), delete the list even though campaigns use it.
    type: bool
    default: false
seealso:
  - module: koreai.campaign.voice_campaign
  - module: koreai.campaign.sms_campaign
'''

EXAMPLES = r'''
- name: A contact list for the renewal campaigns
  koreai.campaign.contact_list:
    name: Renewal Due - May/June 2025
    description: Customers whose plan renews in May or June 2025.

- name: A Do Not Call list that holds each number once (allow_duplicates is fixed when the list is created)
  koreai.campaign.contact_list:
    name: Renewals Do Not Call
    description: Numbers that must never be called.
    allow_duplicates: false

- name: The Do Not Call list the voice campaigns use, with a clearer description
  koreai.campaign.contact_list:
    name: DNC CL Dec 4
    description: Numbers that must never be called.

- name: Remove a list no campaign uses any more
  koreai.campaign.contact_list:
    name: Renewal Due - July 2025
    state: absent
'''

RETURN = r'''
contact_list:
  description: The contact list as the API showed it (with C(id) added), after the change.
  returned: when the list exists or existed
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
    description:
      description: The list description.
      type: str
      sample: Numbers that must never be called.
    allowDuplicates:
      description: Whether duplicates are allowed.
      type: bool
      sample: false
    campaignInUse:
      description: Campaigns that use the list.
      type: list
      elements: dict
      sample: [{"id": "cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx", "name": "Service Renewal Outreach Campaign61"}]
actions:
  description: The writes sent, or that would be sent in check mode.
  returned: always
  type: list
  elements: str
  sample: [create]
msg:
  description: What the module found or did.
  returned: always
  type: str
  sample: "contact list 'DNC CL Dec 4' (cl-68b802a-2b99-4245-8eea-6d322a8xxxxx) created"
api_calls:
  description: How many HTTP requests the module sent.
  returned: always
  type: int
  sample: 2
'''

from ansible_collections.koreai.campaign.plugins.module_utils.koreai_module import KoreaiModule
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KNOWN_ERRORS
from ansible_collections.koreai.campaign.plugins.module_utils.contact_list_runner import ensure_contact_list
from ansible_collections.koreai.campaign.plugins.module_utils.errors import ValidationError
from ansible_collections.koreai.campaign.plugins.module_utils.validate import check_description, check_name


def main():
    module = KoreaiModule(
        argument_spec=dict(
            name=dict(type='str', required=True),
            state=dict(type='str', default='present', choices=['present', 'absent']),
            description=dict(type='str'),
            allow_duplicates=dict(type='bool'),
            force=dict(type='bool', default=False),
        ),
        supports_check_mode=True,
    )
    params = module.params
    run = None
    try:
        check_name(params['name'])
        check_description(params['description'])
        if params['state'] == 'absent' and (params['description'] is not None or params['allow_duplicates'] is not None):
            raise ValidationError('state=absent takes no description or allow_duplicates; remove them')
        run = module.runner()
        result = ensure_contact_list(run, params['name'], params['state'], params['description'],
                                     params['allow_duplicates'], params['force'])
    except KNOWN_ERRORS as exc:
        module.fail_from(exc, run)
    result['api_calls'] = module.api_calls
    module.exit_result(result)


if __name__ == '__main__':
    main()
