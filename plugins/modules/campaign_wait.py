#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: campaign_wait
short_description: Wait until Kore.ai campaigns end their run
version_added: 0.1.0
description:
  - Waits until one or many voice and SMS campaigns reach a final status (V(Completed) or V(Stopped), or the
    statuses given in O(final_statuses)), for hours if need be, and says which campaigns finished, when, and
    which did not.
  - Kore.ai sends no event when a run ends, so the module polls. Each poll round is the list call, one request
    per 100 campaigns of each type still running, never one request per campaign.
  - The interval between rounds is O(poll_interval), but never shorter than what keeps the wait within half of
    the account's requests per minute (O(rate_limit)), so other tasks can still work beside a long wait. With
    the default 60 requests a minute, a round of one request can come every 2 seconds at most; the default
    interval of 30 seconds costs 120 requests an hour for up to 100 campaigns of one type.
  - Statuses are compared without regard to case.
  - In check mode the module reads the statuses once and does not wait.
  - Works inside AWX jobs and with Ansible's C(async) for waits longer than a connection or job timeout allows.
  - B(Request cost) is one list request per 100 campaigns and type to find the campaigns, then per poll round
    one per 100 campaigns of each type that still has a campaign running, about C(wait_timeout / poll_interval)
    rounds at most.
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
      - Reads the statuses once and reports them without waiting.
  diff_mode:
    support: N/A
    details:
      - Read only; nothing to compare.
  platform:
    platforms: all
options:
  campaign_ids:
    description:
      - The campaigns to wait for, by ID.
    type: list
    elements: str
  names:
    description:
      - The campaigns to wait for, by name (compared without regard to case).
    type: list
    elements: str
  campaign_type:
    description:
      - Which types to look the campaigns up among.
    type: str
    choices: [voice, sms, all]
    default: all
  final_statuses:
    description:
      - The statuses that end the wait for a campaign, in any case.
    type: list
    elements: str
    default: [Completed, Stopped]
  wait_timeout:
    description:
      - How many seconds to wait in all.
    type: int
    default: 3600
  poll_interval:
    description:
      - Seconds between poll rounds (made longer when the account's budget needs it, see the description).
    type: int
    default: 30
  fail_on_timeout:
    description:
      - Fail when some campaign has not ended in O(wait_timeout). With V(false) the result says so in
        RV(timed_out) and RV(unfinished_ids).
    type: bool
    default: true
seealso:
  - module: koreai.campaign.campaign_results
  - module: koreai.campaign.campaign_bulk
  - name: The koreai.campaign.campaign_run role
    description: Checks a campaign, starts it, waits for the end of the run and writes the per-contact report.
    link: https://github.com/koreai-campaign/koreai.campaign/blob/main/roles/campaign_run/README.md
'''

EXAMPLES = r'''
- name: Wait up to four hours for the morning campaigns, polling every minute
  koreai.campaign.campaign_wait:
    names: [Service Renewal Outreach, Product Feedback Survey]
    wait_timeout: 14400
    poll_interval: 60
  register: ended

- name: Wait in the background, for longer than the job's connection allows
  koreai.campaign.campaign_wait:
    campaign_ids: [cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx]
    wait_timeout: 28800
  async: 30000
  poll: 120

- name: Report, without failing, which are still running after ten minutes
  koreai.campaign.campaign_wait:
    names: [Service Renewal Outreach]
    wait_timeout: 600
    fail_on_timeout: false
  register: progress
'''

RETURN = r'''
campaigns:
  description: Each campaign waited for, with its last status seen and when it was first seen ended.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: The campaign ID.
      type: str
    name:
      description: The campaign name.
      type: str
    type:
      description: V(voice) or V(sms).
      type: str
    status:
      description: The last status seen.
      type: str
      sample: Completed
    finished:
      description: Whether it reached a final status.
      type: bool
    finished_at:
      description: When it was first seen in a final status (UTC, ISO 8601), within one poll interval.
      type: str
      sample: "2026-12-02T11:40:05+00:00"
finished_ids:
  description: The campaigns that ended.
  returned: always
  type: list
  elements: str
unfinished_ids:
  description: The campaigns that did not end in time.
  returned: always
  type: list
  elements: str
timed_out:
  description: Whether the wait ran out of time.
  returned: when it did
  type: bool
poll_rounds:
  description: Poll rounds made, the first list call included.
  returned: always
  type: int
  sample: 12
poll_interval:
  description: The seconds between rounds used.
  returned: always
  type: float
  sample: 30.0
waited_seconds:
  description: How long the module waited.
  returned: always
  type: float
msg:
  description: What happened.
  returned: always
  type: str
api_calls:
  description: How many HTTP requests the module sent.
  returned: always
  type: int
'''

from ansible_collections.koreai.campaign.plugins.module_utils.api_campaigns import CAMPAIGN_TYPES
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KNOWN_ERRORS, ValidationError
from ansible_collections.koreai.campaign.plugins.module_utils.koreai_module import KoreaiModule
from ansible_collections.koreai.campaign.plugins.module_utils.wait_runner import DEFAULT_FINAL, wait_for_end


def main():
    module = KoreaiModule(
        argument_spec=dict(
            campaign_ids=dict(type='list', elements='str'),
            names=dict(type='list', elements='str'),
            campaign_type=dict(type='str', default='all', choices=['voice', 'sms', 'all']),
            final_statuses=dict(type='list', elements='str', default=list(DEFAULT_FINAL)),
            wait_timeout=dict(type='int', default=3600),
            poll_interval=dict(type='int', default=30),
            fail_on_timeout=dict(type='bool', default=True),
        ),
        required_one_of=[('campaign_ids', 'names')],
        supports_check_mode=True,
    )
    params = module.params
    try:
        if params['wait_timeout'] < 0 or params['poll_interval'] < 1:
            raise ValidationError('wait_timeout must be 0 or more and poll_interval at least 1 second')
        if not params['final_statuses']:
            raise ValidationError('final_statuses needs at least one status, such as Completed')
        types = list(CAMPAIGN_TYPES) if params['campaign_type'] == 'all' else [params['campaign_type']]
        run = module.runner(wait_timeout=params['wait_timeout'])
        result = wait_for_end(run, types, params['campaign_ids'], params['names'], params['final_statuses'],
                              params['poll_interval'], params['rate_limit'])
    except KNOWN_ERRORS as exc:
        module.fail_from(exc)
    result['api_calls'] = module.api_calls
    if result.get('timed_out') and params['fail_on_timeout']:
        module.fail_json(changed=False, **result)
    module.exit_json(changed=False, **result)


if __name__ == '__main__':
    main()
