#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: campaign_schedule
short_description: Enable a daily or weekly schedule on a Kore.ai voice or SMS campaign, or disable it
version_added: 0.1.0
description:
  - Turns a campaign's recurring schedule on (daily or weekly, between a start and an end) or off,
    through the Kore.ai schedule API, which addresses the campaign by name.
  - Reads the campaign first and writes only when its schedule differs from the one requested, so a
    second identical run reports no change and sends no write.
  - The documented API shows only whether a schedule is on, not its recurrence. When the API returns no
    recurrence details, an enabled schedule counts as matching and the module warns that it could not
    compare; set O(replace=true) to send the requested schedule anyway. When the API does return the
    details, they are compared field by field.
  - Every option is checked before any request is sent.
  - Because the schedule API takes only a name, and Kore.ai compares names without regard to case, a
    change is refused (also in check mode, before any write) when another campaign of either type has the
    same name, say a voice C(CrossType) and an SMS C(crosstype); the message names both. To know that, the
    types not yet read for the lookup are listed too. With O(campaign_type) set, a change costs one more
    list call (of the other type); without it, both types were listed already.
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
      - Shows the schedule before and after; recurrence details appear on the before side only when the API returns them.
  platform:
    platforms: all
options:
  campaign:
    description:
      - The campaign's name, the schedule API's key. Compared without regard to case, as Kore.ai does.
      - The module refuses a name that more than one campaign shares, listing their IDs, before any write.
    type: str
    required: true
    aliases: [name]
  campaign_type:
    description:
      - Look the name up among voice or SMS campaigns only. When not set, both are searched.
    type: str
    choices: [voice, sms]
  state:
    description:
      - V(enabled) turns the schedule on with O(recurrence), O(start), O(end), O(every) and O(days).
      - V(disabled) turns it off; it takes no other schedule option.
    type: str
    choices: [enabled, disabled]
    default: enabled
  recurrence:
    description:
      - How the campaign recurs. Required with O(state=enabled).
    type: str
    choices: [daily, weekly]
  every:
    description:
      - Run every N days (V(daily)) or every N weeks (V(weekly)); V(1) is every day or week.
      - Defaults to V(1) with O(state=enabled).
    type: int
  days:
    description:
      - Days of the week the campaign runs on. Required with O(recurrence=weekly), not allowed with V(daily).
      - Accepts V(mon) to V(sun), full names such as V(Monday) and any case; sent as the API's C(Mon) to C(Sun).
    type: list
    elements: str
  start:
    description:
      - When the schedule starts. Required with O(state=enabled).
      - V(YYYY-MM-DD HH:MM:SS) is taken as UTC; ISO 8601 with an offset (V(2031-01-28T00:00:00+05:30)) is converted to UTC.
      - The API receives UTC wall-clock time as C(YYYY-MM-DD HH:mm:ss). Kore.ai does not document the
        time zone; the samples (C(18:29:00), 23:59 in Asia/Kolkata) show UTC.
    type: str
  end:
    description:
      - When the schedule ends; must be later than O(start) and than now. Required with O(state=enabled).
      - Same formats and time zone as O(start).
    type: str
  replace:
    description:
      - Send the requested schedule even when an enabled schedule cannot be compared with it because the API
        returns no recurrence details.
    type: bool
    default: false
seealso:
  - module: koreai.campaign.campaign_info
  - module: koreai.campaign.voice_campaign
  - module: koreai.campaign.sms_campaign
'''

EXAMPLES = r'''
- name: Run a voice campaign every day from 27 January to 27 February 2031, 18:29 UTC
  koreai.campaign.campaign_schedule:
    campaign: "Agentless Voice | Product Feedback | Jan 9"
    campaign_type: voice
    recurrence: daily
    start: "2031-01-27 18:29:00"
    end: "2031-02-27 18:29:00"

- name: Run an SMS campaign on weekdays every other week, times given in India Standard Time
  koreai.campaign.campaign_schedule:
    campaign: Interactive Support SMS Campaign
    recurrence: weekly
    every: 2
    days: [mon, tue, wed, thu, fri]
    start: "2031-01-28T09:00:00+05:30"
    end: "2031-06-30T18:00:00+05:30"

- name: Turn a schedule off
  koreai.campaign.campaign_schedule:
    campaign: "Agentless Voice | Product Feedback | Jan 9"
    state: disabled

- name: Replace a schedule the API cannot show back
  koreai.campaign.campaign_schedule:
    campaign: Service Renewal Outreach Campaign61
    recurrence: daily
    every: 2
    start: "2031-02-01 08:00:00"
    end: "2031-03-01 08:00:00"
    replace: true
'''

RETURN = r'''
campaign_id:
  description: The ID of the campaign whose schedule was read or changed.
  returned: success
  type: str
  sample: cd-671b3bd-a7a1-4709-bd6a-70803e3xxxxx
campaign_name:
  description: The campaign's name as Kore.ai spells it.
  returned: success
  type: str
  sample: "Agentless Voice | Product Feedback | Jan 9"
schedule:
  description: The schedule as now known; recurrence details only when they were requested or returned by the API.
  returned: success
  type: dict
  contains:
    enabled:
      description: Whether the schedule is on.
      type: bool
      sample: true
    recurrence:
      description: V(daily) or V(weekly).
      type: str
      returned: when known
      sample: daily
    every:
      description: Every N days or weeks.
      type: int
      returned: when known
      sample: 1
    days:
      description: Week days, as the API spells them.
      type: list
      elements: str
      returned: when known and weekly
      sample: [Mon, Wed, Fri]
    start:
      description: Start, UTC, as sent to the API.
      type: str
      returned: when known
      sample: "2026-01-27 18:29:00"
    end:
      description: End, UTC, as sent to the API.
      type: str
      returned: when known
      sample: "2026-02-27 18:29:00"
api_message:
  description: The API's own message about the change.
  returned: when a write was sent
  type: str
  sample: "Campaign Agentless Voice | Product Feedback | Jan 9 scheduled successfully"
msg:
  description: What the module found or did.
  returned: always
  type: str
  sample: "schedule of campaign 'Agentless Voice | Product Feedback | Jan 9' (cd-671b3bd-a7a1-4709-bd6a-70803e3xxxxx) enabled"
actions:
  description: The writes the module sent, or would send in check mode.
  returned: always
  type: list
  elements: str
  sample: [enable_schedule]
api_calls:
  description: How many HTTP requests the module sent.
  returned: always
  type: int
  sample: 3
'''

from ansible_collections.koreai.campaign.plugins.module_utils.koreai_module import KoreaiModule
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KNOWN_ERRORS
from ansible_collections.koreai.campaign.plugins.module_utils.api_campaigns import CAMPAIGN_TYPES
from ansible_collections.koreai.campaign.plugins.module_utils.lookup import campaign_by_name
from ansible_collections.koreai.campaign.plugins.module_utils.schedule import schedule_spec
from ansible_collections.koreai.campaign.plugins.module_utils.schedule_runner import ensure_schedule
from ansible_collections.koreai.campaign.plugins.module_utils.validate import check_name


def main():
    module = KoreaiModule(
        argument_spec=dict(
            campaign=dict(type='str', required=True, aliases=['name']),
            campaign_type=dict(type='str', choices=['voice', 'sms']),
            state=dict(type='str', default='enabled', choices=['enabled', 'disabled']),
            recurrence=dict(type='str', choices=['daily', 'weekly']),
            every=dict(type='int'),
            days=dict(type='list', elements='str'),
            start=dict(type='str'),
            end=dict(type='str'),
            replace=dict(type='bool', default=False),
        ),
        supports_check_mode=True,
    )
    params = module.params
    run = None
    try:
        check_name(params['campaign'], 'campaign')
        spec = schedule_spec(params['state'], params['recurrence'], params['every'], params['days'],
                             params['start'], params['end'])
        types = [params['campaign_type']] if params['campaign_type'] else list(CAMPAIGN_TYPES)
        campaign = campaign_by_name(module.client, params['campaign'], types)
        if not campaign:
            raise campaign.error()
        run = module.runner()
        result = ensure_schedule(run, campaign, spec, params['replace'], listed_types=types)
    except KNOWN_ERRORS as exc:
        module.fail_from(exc, run)
    result['api_calls'] = module.api_calls
    module.exit_result(result)


if __name__ == '__main__':
    main()
