#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: campaign_preflight
short_description: Check that a Kore.ai campaign can run before starting it
version_added: 0.1.0
description:
  - Checks a voice or SMS campaign against the rules Kore.ai applies when it runs, and reports every check that
    fails at once, each naming the campaign, the rule and what to change. Read only; it runs in check mode too.
  - V(dnc_list) the voice campaign has a DNC list (mandatory since Kore.ai 11.20) and the list is not empty.
  - V(contact_lists) its contact lists exist and none is empty.
  - V(contact_list_in_use) no other running campaign uses one of its contact lists (two campaigns cannot run on
    the same contact list at the same time).
  - V(voice_limit) at most 50 voice campaigns would run at once, this one included.
  - V(calling_hours) its calling hours leave a window to call in within the next 24 hours.
  - V(schedule_end) when its schedule is on, the schedule's end (when the API shows it) is after now.
  - B(Request cost) is 3 reads plus paging, by O(campaign_id) 1 read for the campaign (by O(name) one list
    request per 100 campaigns of its type, then 1 read for the whole object), 1 for the account's contact lists,
    and one list request per 100 running campaigns of each type (2 for an account with fewer than 100 running
    of each). Nothing is written.
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
      - Read only; the same reads, and the same report, in check mode.
  diff_mode:
    support: N/A
    details:
      - Read only; nothing to compare.
  platform:
    platforms: all
options:
  campaign_id:
    description:
      - The campaign's ID. Exactly one of O(campaign_id) and O(name).
    type: str
    aliases: [id]
  name:
    description:
      - The campaign's name, compared without regard to case.
    type: str
  campaign_type:
    description:
      - The campaign's type.
    type: str
    choices: [voice, sms]
    default: voice
  checks:
    description:
      - Which checks to run.
    type: list
    elements: str
    choices: [dnc_list, contact_lists, contact_list_in_use, voice_limit, calling_hours, schedule_end]
    default: [dnc_list, contact_lists, contact_list_in_use, voice_limit, calling_hours, schedule_end]
  fail_on_error:
    description:
      - Fail the task when a check fails. With V(false) the result lists the failures in RV(failed_checks).
    type: bool
    default: true
seealso:
  - module: koreai.campaign.voice_campaign
  - module: koreai.campaign.contacts_info
  - name: The koreai.campaign.campaign_run role
    description: Checks a campaign, starts it, waits for the end of the run and writes the per-contact report.
    link: https://github.com/koreai-campaign/koreai.campaign/blob/main/roles/campaign_run/README.md
'''

EXAMPLES = r'''
- name: Check the renewal campaign before the morning start
  koreai.campaign.campaign_preflight:
    name: Service Renewal Outreach

- name: Only report, then decide
  koreai.campaign.campaign_preflight:
    campaign_id: cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx
    fail_on_error: false
  register: preflight

- name: Start only when every check passed
  koreai.campaign.voice_campaign:
    campaign_id: cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx
    state: started
  when: preflight.passed
'''

RETURN = r'''
passed:
  description: Whether every check passed.
  returned: always
  type: bool
checks:
  description: Every check run, in order, with what it found.
  returned: always
  type: list
  elements: dict
  sample:
    - rule: dnc_list
      passed: false
      message: "campaign 'Renewals' (cd-1) has the DNC list 'DNC', which is empty; load its numbers with koreai.campaign.contacts"
failed_checks:
  description: The rules that failed.
  returned: always
  type: list
  elements: str
  sample: [dnc_list]
campaign:
  description: The campaign's id, name, type and status.
  returned: always
  type: dict
msg:
  description: Every failure, or that all checks passed.
  returned: always
  type: str
api_calls:
  description: How many HTTP requests the module sent.
  returned: always
  type: int
  sample: 4
'''

import datetime

from ansible_collections.koreai.campaign.plugins.module_utils import api_campaigns, api_contact_lists
from ansible_collections.koreai.campaign.plugins.module_utils.campaign_status import RUNNING_STATUSES
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KNOWN_ERRORS
from ansible_collections.koreai.campaign.plugins.module_utils.koreai_module import KoreaiModule
from ansible_collections.koreai.campaign.plugins.module_utils.lookup import resolve_campaign
from ansible_collections.koreai.campaign.plugins.module_utils.preflight import RULES, run_checks
from ansible_collections.koreai.campaign.plugins.module_utils.validate import UTC, check_identity


def main():
    module = KoreaiModule(
        argument_spec=dict(
            campaign_id=dict(type='str', aliases=['id']),
            name=dict(type='str'),
            campaign_type=dict(type='str', default='voice', choices=['voice', 'sms']),
            checks=dict(type='list', elements='str', choices=list(RULES), default=list(RULES)),
            fail_on_error=dict(type='bool', default=True),
        ),
        mutually_exclusive=[('campaign_id', 'name')],
        required_one_of=[('campaign_id', 'name')],
        supports_check_mode=True,
    )
    params = module.params
    client = module.client
    try:
        check_identity(params['campaign_id'], params['name'])
        campaign = resolve_campaign(client, params['campaign_type'], params['campaign_id'], params['name'], full=True)
        if not campaign:
            raise campaign.error()
        contact_lists = api_contact_lists.list_contact_lists(client)
        running = []
        for campaign_type in api_campaigns.CAMPAIGN_TYPES:
            running.extend(api_campaigns.list_campaigns(client, campaign_type, statuses=list(RUNNING_STATUSES)))
        checks = run_checks(campaign, contact_lists, running, datetime.datetime.now(UTC), params['checks'])
    except KNOWN_ERRORS as exc:
        module.fail_from(exc)
    failed = [c for c in checks if not c.passed]
    result = dict(changed=False, passed=not failed, checks=[c.as_dict() for c in checks],
                  failed_checks=[c.rule for c in failed], api_calls=client.calls,
                  campaign=dict((k, campaign.get(k)) for k in ('id', 'name', 'type', 'status')))
    if failed:
        result['msg'] = '%d of %d checks failed: %s' % (len(failed), len(checks), '; '.join(c.message for c in failed))
        if params['fail_on_error']:
            module.fail_json(**result)
    else:
        result['msg'] = 'all %d checks passed for campaign %s' % (len(checks), campaign.get('name'))
    module.exit_json(**result)


if __name__ == '__main__':
    main()
