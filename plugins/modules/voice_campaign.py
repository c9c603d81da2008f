#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: voice_campaign
short_description: Create, update, start, stop or delete a Kore.ai Contact Center voice campaign
version_added: 0.1.0
description:
  - Creates or updates an outbound voice campaign from its configuration, puts it into the wanted run state
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
  - koreai.campaign.campaign_config.voice
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
      - V(v2) is C(DELETE /campaign/api/v2/public/{streamId}/campaign/{campaignId}?accountId=...&campaignType=voice).
      - V(v1) is C(DELETE /agentassist/api/v1/public/{streamId}/campaign/{campaignId}?campaignType=voice).
    type: str
    choices: [v1, v2]
    default: v2
seealso:
  - module: koreai.campaign.sms_campaign
  - module: koreai.campaign.campaign_schedule
  - module: koreai.campaign.campaign_info
'''

EXAMPLES = r'''
- name: A progressive voice campaign, created or updated to match
  koreai.campaign.voice_campaign:
    name: Service Renewal Outreach
    state: present
    description: Connects customers with live agents about upcoming service renewals.
    contact_lists: [Renewal Due - May/June 2025]
    dnc_list: DNC CL Dec 4
    priority: 5
    dialing_mode: progressive
    queue: Default Queue
    caller_id: "+18163300000"
    calling_hours:
      timezone: Asia/Kolkata
      days:
        - {day: mon, start: "9:00 AM", end: "6:00 PM"}
        - {day: tue, start: "9:00 AM", end: "6:00 PM"}
        - {day: wed, start: "9:00 AM", end: "6:00 PM"}
    dialing_order: fifo
    max_attempts: 3
    retry_period: 10
    ring_time: 30

- name: An agentless campaign with answering-machine detection
  koreai.campaign.voice_campaign:
    name: Product Feedback Survey
    state: present
    description: Automated feedback survey after delivery.
    contact_lists: [CL Only 2020 Dec 4]
    dnc_list: DNC CL Dec 4
    dialing_mode: agentless
    experience_flow: Feedback Survey Flow
    machine_detection: detect
    caller_id: "+18163300000"
    calling_hours:
      timezone: America/New_York
      days: [{day: mon, start: "10:00", end: "16:00"}]

- name: Stop a voice campaign (credentials from KOREAI_* environment variables)
  koreai.campaign.voice_campaign:
    campaign_id: cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx
    state: stopped

- name: Start a voice campaign by name and wait until it is Active
  koreai.campaign.voice_campaign:
    name: Service Renewal Outreach Campaign61
    state: started
    wait_timeout: 120

- name: Delete a voice campaign, stopping it and disabling its schedule first, keeping a backup
  koreai.campaign.voice_campaign:
    campaign_id: cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx
    state: absent
    force: true
    backup: true
    backup_dir: /var/backups/koreai
  register: deleted

- name: Show where the backup went
  ansible.builtin.debug:
    var: deleted.backup_file
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
      sample: cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx
    name:
      description: The campaign name.
      type: str
      sample: Service Renewal Outreach Campaign61
    status:
      description: The campaign status after the task.
      type: str
      sample: Stopped
    type:
      description: V(voice) or V(sms).
      type: str
      sample: voice
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
  sample: /home/ops/.ansible/backups/koreai.campaign/Service-Renewal-Outreach-Campaign61_cd-a1e45a7_20261125T101500Z.json
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
  sample: "campaign 'Service Renewal Outreach Campaign61' (cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx) stopped (was Active)"
api_calls:
  description: How many HTTP requests the module sent.
  returned: always
  type: int
  sample: 2
'''

from ansible_collections.koreai.campaign.plugins.module_utils.campaign_module import run_campaign_module


def main():
    run_campaign_module('voice', default_delete_api='v2')


if __name__ == '__main__':
    main()
