#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: sms_campaign
short_description: Create, update, start, stop or delete a Kore.ai Contact Center SMS campaign
version_added: 0.1.0
description:
  - Creates or updates an outbound SMS campaign from its configuration, puts it into the wanted run state
    (started or stopped) or deletes it, through the Kore.ai Campaign Management API.
  - Reads the campaign first and sends a write only when its status differs from the one wanted, so a
    second identical run reports no change and sends no write.
  - A start or stop whose answer is lost (timeout, reset connection, HTTP 5xx) is never sent again; the
    module reads the campaign back and decides from what it sees.
author:
  - koreai.campaign maintainers (@koreai-campaign)
extends_documentation_fragment:
  - koreai.campaign.connection
  - koreai.campaign.connection.action_group
  - koreai.campaign.campaign_states
  - koreai.campaign.campaign_config
  - koreai.campaign.campaign_config.sms
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
    details:
      - For V(present), the options that differ, before and after; for V(started) and V(stopped), the status
        before and after; for V(absent), the whole campaign before and nothing after.
  platform:
    platforms: all
options:
  delete_api:
    description:
      - Which delete endpoint to use with O(state=absent).
      - V(v1), the default, is the endpoint of Kore.ai's "Delete SMS Campaign" page,
        C(DELETE /agentassist/api/v1/public/{streamId}/campaign/{campaignId}?campaignType=sms) (the page's
        sample puts C({{campaignType}}) where the campaign ID belongs; the module sends the ID).
      - V(v2) is C(DELETE /campaign/api/v2/public/{streamId}/campaign/{campaignId}?accountId=...&campaignType=sms).
    type: str
    choices: [v1, v2]
    default: v1
seealso:
  - module: koreai.campaign.voice_campaign
  - module: koreai.campaign.campaign_schedule
  - module: koreai.campaign.campaign_info
'''

EXAMPLES = r'''
- name: A simple SMS campaign, created or updated to match
  koreai.campaign.sms_campaign:
    name: Renewal Reminder SMS
    state: present
    description: Reminds customers that their plan renews this month.
    contact_lists: [Renewal Due - May/June 2025]
    priority: 4
    format: simple
    text: Your plan renews this month. Reply HELP for options.
    caller_id: "+919876543210"
    calling_hours:
      timezone: Asia/Kolkata
      days:
        - {day: mon, start: "9:00 AM", end: "6:00 PM"}
        - {day: fri, start: "9:00 AM", end: "6:00 PM"}

- name: An advanced SMS campaign that runs an experience flow
  koreai.campaign.sms_campaign:
    name: Interactive Support SMS
    state: present
    description: Lets customers check order status over SMS.
    contact_lists: [Renewal Due - May/June 2025]
    format: advanced
    experience_flow: SMS Support Flow
    caller_id: "+919876543210"
    calling_hours:
      timezone: Asia/Kolkata
      days: [{day: mon, start: "9:00 AM", end: "6:00 PM"}]

- name: Stop an SMS campaign (credentials from KOREAI_* environment variables)
  koreai.campaign.sms_campaign:
    campaign_id: cd-3aefda80-f98e-5f4f-ad41-92803abbxxxx
    state: stopped

- name: Start an SMS campaign by name without waiting
  koreai.campaign.sms_campaign:
    name: Interactive Support SMS Campaign
    state: started
    wait: false

- name: Delete an SMS campaign with the v2 endpoint, keeping a backup
  koreai.campaign.sms_campaign:
    campaign_id: cd-3aefda80-f98e-5f4f-ad41-92803abbxxxx
    state: absent
    delete_api: v2
    backup: true
'''

RETURN = r'''
campaign:
  description:
    - The campaign as the API last showed it, with C(id) and C(type) added and C(status) as it is after the task.
    - For V(absent), the full object as read before the delete (nothing is lost).
  returned: when the campaign exists or existed
  type: dict
  contains:
    id:
      description: The campaign ID.
      type: str
      sample: cd-3aefda80-f98e-5f4f-ad41-92803abbxxxx
    name:
      description: The campaign name.
      type: str
      sample: Interactive Support SMS Campaign
    status:
      description: The campaign status after the task.
      type: str
      sample: Stopped
    type:
      description: V(voice) or V(sms).
      type: str
      sample: sms
campaign_instance_id:
  description:
    - The run's instance ID (C(cid-...)) when the API gave one.
    - After a start that begins a new run, only the start's answer can give it (voice answers carry it, SMS
      answers do not); it is left out rather than report the previous run's. M(koreai.campaign.campaign_info)
      shows the current one.
  returned: when known
  type: str
  sample: cid-835ee4a-697e-4846-8340-7e3e301xxxxx
backup_file:
  description: The backup written before the delete.
  returned: when O(backup=true) and a campaign was deleted
  type: str
  sample: /home/ops/.ansible/backups/koreai.campaign/Interactive-Support-SMS-Campaign_cd-3aefda80_20261125T101500Z.json
actions:
  description: The writes sent (or, in check mode, that would be sent), in order.
  returned: always
  type: list
  elements: str
  sample: [stop, disable_schedule, delete]
msg:
  description: What the module found or did.
  returned: always
  type: str
  sample: "campaign 'Interactive Support SMS Campaign' (cd-3aefda80-f98e-5f4f-ad41-92803abbxxxx) stopped (was Active)"
api_calls:
  description: How many HTTP requests the module sent.
  returned: always
  type: int
  sample: 2
'''

from ansible_collections.koreai.campaign.plugins.module_utils.campaign_module import run_campaign_module


def main():
    run_campaign_module('sms', default_delete_api='v1')


if __name__ == '__main__':
    main()
