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
  - With O(export=true) it also returns the tenant as code (RV(export)), that is each campaign's configuration in
    exactly the options M(koreai.campaign.voice_campaign) and M(koreai.campaign.sms_campaign) take with
    C(state=present), and each contact list in the options M(koreai.campaign.contact_list) takes. What the API
    does not show back is named in C(export.unexported), never guessed. Contacts are never exported.
  - An export costs the list calls above, one GET per exported campaign, one list call for the contact lists and
    one GET per exported contact list (for its duplicate setting). 9 campaigns and 12 lists cost 2 + 9 + 1 + 12 = 24
    requests; at 60 requests a minute, a tenant of 100 campaigns and 100 lists takes about 4 minutes.
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
  name_pattern:
    description:
      - Only campaigns whose name matches this Python regular expression (searched, so V(^Renewal) anchors it).
    type: str
  export:
    description:
      - Also return RV(export), the campaigns found and their contact lists as module options.
      - Without a filter (O(name), O(name_pattern), O(status), O(campaign_type)) every contact list of the tenant is
        exported; with one, only the lists the exported campaigns use (contact lists and DNC list).
      - Cannot be combined with O(campaign_id); use O(name) for one campaign.
    type: bool
    default: false
  export_run_state:
    description:
      - With O(export=true), also return C(export.observed), that is each campaign's id, status and schedule flags and
        each list's id, as seen now. M(koreai.campaign.campaign_clone) does not need it; a twin of the tenant
        (C(koreai.campaign.rehearse)) does. It changes as campaigns run, so leave it off for files kept in git.
    type: bool
    default: false
seealso:
  - module: koreai.campaign.voice_campaign
  - module: koreai.campaign.sms_campaign
  - module: koreai.campaign.campaign_schedule
  - module: koreai.campaign.campaign_clone
  - module: koreai.campaign.contact_list
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

- name: The renewal campaigns and their lists as code
  koreai.campaign.campaign_info:
    name_pattern: "^Renewal"
    export: true
  register: tenant

- name: Write them to a vars file that playbooks/apply_tenant.yml applies
  ansible.builtin.copy:
    content: "{{ {'koreai_tenant': tenant.export} | to_nice_yaml(indent=2, width=120) }}"
    dest: tenant.yml
    mode: "0644"
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
export:
  description:
    - The campaigns found and their contact lists as code. Each entry is exactly the options of its module, so
      it can be passed to that module as it is; every list is sorted by name, so two exports diff line by line.
    - Read from the API's objects by the same mapping C(state=present) compares with, so applying an export to
      the tenant it came from sends no write.
    - The queue of progressive and preview campaigns and the flow name of agentless ones come from the list
      call's C(connection) field (API reference section 4.1); the campaign object itself shows the flow only as
      an id.
  returned: when O(export=true)
  type: dict
  contains:
    format:
      description: The version of this shape, V(1).
      type: int
      sample: 1
    contact_lists:
      description: Options of M(koreai.campaign.contact_list) (C(name), C(description), C(allow_duplicates)).
      type: list
      elements: dict
      sample: [{"name": "DNC CL Dec 4", "description": "Numbers that must not be called.", "allow_duplicates": true}]
    voice_campaigns:
      description:
        - Options of M(koreai.campaign.voice_campaign) with C(state=present) (without C(state)); C(calling_hours)
          days are written V(mon) to V(sun).
      type: list
      elements: dict
      sample:
        - name: Service Renewal Outreach
          description: Connects customers with live agents.
          contact_lists: [Renewal Due - May/June 2025]
          dnc_list: DNC CL Dec 4
          priority: 5
          dialing_mode: progressive
          queue: Default Queue
          caller_id: "+18163300000"
          calling_hours: {frequency: weekly, timezone: Asia/Kolkata, days: [{day: mon, start: "9:00 AM", end: "6:00 PM"}]}
          dialing_order: fifo
          max_attempts: 3
          retry_period: 10
          ring_time: 30
    sms_campaigns:
      description: Options of M(koreai.campaign.sms_campaign) with C(state=present); the message as plain C(text).
      type: list
      elements: dict
      sample: [{"name": "Payment Reminder", "format": "simple", "text": "Your payment is due."}]
    unexported:
      description:
        - By V(contact_lists), V(voice_campaigns) and V(sms_campaigns), then by name, what the API does not show back
          and the options therefore lack, in words. For example an agentless flow known only by its id, the kind of
          answering-machine detection, a schedule (the API shows only that one is on, API reference section 8), a
          Global DNC list. Empty when nothing is missing.
      type: dict
      sample: {"voice_campaigns": {"Weekly Survey": ["schedule: on, but the API does not show its dates or recurrence"]}}
    observed:
      description:
        - With O(export_run_state=true), by the same keys and names, what a twin needs besides the options
          (C(id), C(status), C(schedule_enabled), C(recurrence_enabled) of campaigns, C(id) of lists). Not options.
      type: dict
      returned: when O(export_run_state=true)
      sample: {"voice_campaigns": {"Weekly Survey": {"id": "cd-3f6e8d2-1a2b-4c3d-8e4f-5a6b7c8xxxxx", "status": "Scheduled",
               "schedule_enabled": true, "recurrence_enabled": true}}}
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

import re

from ansible_collections.koreai.campaign.plugins.module_utils.koreai_module import KoreaiModule
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KNOWN_ERRORS, ValidationError
from ansible_collections.koreai.campaign.plugins.module_utils import api_campaigns, api_contact_lists, campaign_export
from ansible_collections.koreai.campaign.plugins.module_utils.campaign_status import name_key
from ansible_collections.koreai.campaign.plugins.module_utils.validate import check_identity


def compile_pattern(pattern):
    if pattern is None:
        return None
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ValidationError('name_pattern=%r is not a valid regular expression (%s); write a Python regular '
                              'expression such as ^Renewal' % (pattern, exc))


def find_campaigns(client, params):
    pattern = compile_pattern(params['name_pattern'])  # before any request
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
    if pattern is not None:
        found = [c for c in found if pattern.search(c.get('name') or '')]
    return found


def export_tenant(client, listed, params):
    """The export of the listed campaigns: each read whole (GET), with the contact lists they need."""
    campaigns = []
    for entry in listed:
        full = api_campaigns.get_campaign(client, entry['id'])
        if full is not None:  # deleted since the list call: not part of the tenant any more
            campaigns.append(dict(full, type=entry['type']))
    lists = api_contact_lists.list_contact_lists(client)
    filtered = params['name'] or params['name_pattern'] is not None or params['status'] or params['campaign_type'] != 'all'
    if filtered:
        used = campaign_export.used_list_names(campaigns)
        lists = [cl for cl in lists if cl.get('name') in used]
    # The list call's entries leave the duplicate setting out; the list's own GET shows it.
    lists = [dict(cl, **api_contact_lists.get_contact_list(client, cl['id'])) for cl in lists]
    return campaign_export.build_export(campaigns, lists, listed=dict((c['id'], c) for c in listed),
                                        run_state=params['export_run_state'])


def main():
    module = KoreaiModule(
        argument_spec=dict(
            campaign_type=dict(type='str', default='all', choices=['voice', 'sms', 'all']),
            campaign_id=dict(type='str'),
            name=dict(type='str'),
            status=dict(type='list', elements='str',
                        choices=['Preparing', 'Ready', 'Active', 'Paused', 'Stopped', 'Completed', 'Scheduled',
                                 'Rescheduled']),
            name_pattern=dict(type='str'),
            export=dict(type='bool', default=False),
            export_run_state=dict(type='bool', default=False),
        ),
        mutually_exclusive=[('campaign_id', 'name'), ('campaign_id', 'status'), ('campaign_id', 'name_pattern'),
                            ('campaign_id', 'export')],
        supports_check_mode=True,
    )
    client = module.client
    result = {}
    try:
        if module.params['export_run_state'] and not module.params['export']:
            raise ValidationError('export_run_state applies only with export=true')
        campaigns = find_campaigns(client, module.params)
        if module.params['export']:
            result['export'] = export_tenant(client, campaigns, module.params)
    except KNOWN_ERRORS as exc:
        module.fail_from(exc)
    module.exit_json(changed=False, campaigns=campaigns, count=len(campaigns), api_calls=client.calls, **result)


if __name__ == '__main__':
    main()
