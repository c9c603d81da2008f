#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: campaign_info
short_description: List Kore.ai Contact Center voice and SMS campaigns
version_added: 0.1.0
description:
  - Reads outbound campaigns through the Kore.ai Campaign Management API and returns them as a list
    ready to loop over.
  - Every campaign in the result has an C(id) and a C(type), whatever the API called its identifier
    (C(_id) or C(id)).
  - With O(campaign_id) it reads one campaign (one request); otherwise it lists every page of each
    requested type (one request per 100 campaigns and type).
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
  campaign_type:
    description:
      - Which campaigns to list.
    type: str
    choices: [voice, sms, all]
    default: all
  campaign_id:
    description:
      - Read only this campaign (C(cd-...)). The result is an empty list when it does not exist.
      - Cannot be combined with O(name) or O(status).
    type: str
  name:
    description:
      - Only campaigns with this name, compared without regard to case as Kore.ai compares names.
    type: str
  status:
    description:
      - Only campaigns in these statuses. The filter is applied by the API.
    type: list
    elements: str
    choices: [Preparing, Ready, Active, Paused, Stopped, Completed, Scheduled, Rescheduled]
seealso:
  - module: koreai.campaign.voice_campaign
  - module: koreai.campaign.sms_campaign
  - module: koreai.campaign.campaign_schedule
'''

EXAMPLES = r'''
- name: List every campaign
  koreai.campaign.campaign_info:
    host: https://platform.kore.ai
    client_id: "{{ koreai_client_id }}"
    client_secret: "{{ koreai_client_secret }}"
    stream_id: st-0603182c-7ffb-53c3-b307-47ca14b9xxxx
    account_id: "67777ce93e25326494e9xxxx"
  register: all_campaigns

- name: Running voice campaigns, with the connection options from KOREAI_* environment variables
  koreai.campaign.campaign_info:
    campaign_type: voice
    status: [Active, Paused]
  register: running

- name: Print their ids and names
  ansible.builtin.debug:
    msg: "{{ running.campaigns | map(attribute='id') | zip(running.campaigns | map(attribute='name')) | list }}"

- name: One campaign by id
  koreai.campaign.campaign_info:
    campaign_id: cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx
  register: one

- name: Set the connection once for several tasks
  module_defaults:
    group/koreai.campaign.campaign:
      host: https://eu-platform.kore.ai
      stream_id: "{{ koreai_stream_id }}"
      account_id: "{{ koreai_account_id }}"
      client_id: "{{ koreai_client_id }}"
      client_secret: "{{ koreai_client_secret }}"
  block:
    - name: SMS campaigns named "Interactive Support SMS Campaign"
      koreai.campaign.campaign_info:
        campaign_type: sms
        name: Interactive Support SMS Campaign
'''

RETURN = r'''
campaigns:
  description:
    - The campaigns found, as the API returned them, plus C(id) and C(type).
    - List results carry the fields of the list call; a single O(campaign_id) carries the full object.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: The campaign ID (the API's C(_id) or C(id)).
      type: str
      sample: cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx
    type:
      description: V(voice) or V(sms).
      type: str
      sample: voice
    name:
      description: The campaign name.
      type: str
      sample: Service Renewal Outreach Campaign61
    status:
      description: The campaign status, for example V(Ready), V(Active), V(Stopped), V(Scheduled).
      type: str
      sample: Ready
    schedule:
      description: Whether a schedule is on (C(isSchedulingEnabled)) and recurring (C(isRecurrenceEnabled)).
      type: dict
      sample: {"isSchedulingEnabled": false, "isRecurrenceEnabled": false}
    campaignInstanceId:
      description: The current run's instance ID, once the campaign has run.
      type: str
      returned: when the campaign has run
      sample: cid-835ee4a-697e-4846-8340-7e3e301xxxxx
count:
  description: How many campaigns were found.
  returned: always
  type: int
  sample: 2
api_calls:
  description: How many HTTP requests the module sent.
  returned: always
  type: int
  sample: 2
'''

from ansible_collections.koreai.campaign.plugins.module_utils.koreai_module import KoreaiModule
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KNOWN_ERRORS
from ansible_collections.koreai.campaign.plugins.module_utils import api_campaigns
from ansible_collections.koreai.campaign.plugins.module_utils.campaign_status import name_key
from ansible_collections.koreai.campaign.plugins.module_utils.validate import check_identity


def find_campaigns(client, params):
    if params['campaign_id']:
        check_identity(params['campaign_id'], None)
        campaign = api_campaigns.get_campaign(client, params['campaign_id'])
        wanted = params['campaign_type']
        if campaign is None or (wanted != 'all' and campaign['type'] not in (None, wanted)):
            return []
        return [campaign]
    types = api_campaigns.CAMPAIGN_TYPES if params['campaign_type'] == 'all' else (params['campaign_type'],)
    found = []
    for campaign_type in types:
        found.extend(api_campaigns.list_campaigns(client, campaign_type, statuses=params['status']))
    if params['name']:
        wanted = params['name'].lower()
        found = [c for c in found if name_key(c) == wanted]
    return found


def main():
    module = KoreaiModule(
        argument_spec=dict(
            campaign_type=dict(type='str', default='all', choices=['voice', 'sms', 'all']),
            campaign_id=dict(type='str'),
            name=dict(type='str'),
            status=dict(type='list', elements='str',
                        choices=['Preparing', 'Ready', 'Active', 'Paused', 'Stopped', 'Completed', 'Scheduled',
                                 'Rescheduled']),
        ),
        mutually_exclusive=[('campaign_id', 'name'), ('campaign_id', 'status')],
        supports_check_mode=True,
    )
    client = module.client
    try:
        campaigns = find_campaigns(client, module.params)
    except KNOWN_ERRORS as exc:
        module.fail_from(exc)
    module.exit_json(changed=False, campaigns=campaigns, count=len(campaigns), api_calls=client.calls)


if __name__ == '__main__':
    main()
