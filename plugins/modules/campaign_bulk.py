#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: campaign_bulk
short_description: Start or stop many Kore.ai voice and SMS campaigns in one task
version_added: 0.1.0
description:
  - Puts every campaign that matches the filters into the wanted run state, in one task, with as few
    requests as the API allows.
  - Reads every campaign's status through the list call (one request per 100 campaigns and type),
    sends a start or stop only to the campaigns that need it, and paces those writes to the account's
    rate limit (O(rate_limit)) instead of running into HTTP 429.
  - With O(wait=true) it polls the list call, not each campaign, until every changed campaign shows
    the wanted status.
  - A failure on one campaign is reported in its entry and the others go on; the task fails at the end
    if any campaign failed.
  - "Confirmation: the list call pages by offset, so a campaign that changes while the pages are read can be
    listed twice (it is acted on once) or missed. After the writes (or when a type took more than one page to
    list), the selection is listed again, one more list call per type and 100 campaigns; any matching campaign
    that still needs the write gets it then, and the list is repeated, at most 3 times in all. A campaign that
    is still not confirmed in the wanted state after that is listed in RV(unconfirmed), by name and ID, and
    the task fails: an emergency stop never reports success while a selected campaign may still run."
  - "Requests: one list call per type and 100 campaigns, one write per campaign that needs it, the list calls
    of O(wait=true), and the confirming list calls above. With nothing to write and one page per type, the
    first list is all."
  - A list that repeats a page, or holds more campaigns than its own total, fails the task before any write
    (a server that ignores the page asked for).
  - Statuses compare without regard to case; C(Rerun), C(Run as Emergency) and statuses the collection does
    not know count as (possibly) running, so V(stopped) stops them. Entries the API lists without an ID are
    reported as failed by name; nothing is sent for them.
  - For the statuses each state acts on, see M(koreai.campaign.voice_campaign). Campaigns still
    C(Preparing) are not started by this module (use M(koreai.campaign.voice_campaign), which waits).
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
      - Reads the statuses and lists, in RV(campaigns) and RV(changed_ids), what would be started or stopped.
  diff_mode:
    support: full
    details:
      - The status of each campaign that changes, before and after, keyed by campaign ID.
  platform:
    platforms: all
options:
  state:
    description:
      - V(stopped) stops the selected campaigns that are running (C(Active) or C(Paused)).
      - V(started) starts the selected campaigns that are not C(Active); C(Scheduled) ones are refused, as
        Kore.ai does not run a scheduled campaign by hand.
    type: str
    required: true
    choices: [started, stopped]
  campaign_type:
    description:
      - Which campaigns to consider.
    type: str
    choices: [voice, sms, all]
    default: all
  campaign_ids:
    description:
      - Only these campaign IDs. An ID that matches no campaign is reported as failed.
    type: list
    elements: str
  names:
    description:
      - Only campaigns with these names, compared without regard to case. A name that matches no campaign
        is reported as failed.
    type: list
    elements: str
  name_pattern:
    description:
      - Only campaigns whose name contains a match for this Python regular expression, for example
        V(^Renewal). Use V(.*) to select every campaign on purpose.
    type: str
  status:
    description:
      - Only campaigns in these statuses.
    type: list
    elements: str
    choices: [Preparing, Ready, Active, Paused, Stopped, Completed, Scheduled, Rescheduled]
  wait:
    description:
      - Poll the list call until every started or stopped campaign shows the wanted status.
    type: bool
    default: true
  wait_timeout:
    description:
      - Seconds to wait with O(wait=true); campaigns still not there are reported as failed with their last status.
    type: int
    default: 300
  trigger_path:
    description:
      - Which start/stop path to use; see M(koreai.campaign.voice_campaign).
      - If not set, the environment variable E(KOREAI_TRIGGER_PATH) is used.
    type: str
    default: documented
    choices: [api, campaign, documented, v1]
notes:
  - At least one of O(campaign_ids), O(names), O(name_pattern) and O(status) is required, so that a task
    never acts on every campaign of an account by omission.
  - "Two bulk runs on the same campaigns at once (say two emergency stops from two AWX jobs): on one
    controller each write takes a lock per account and campaign; a run that finds a campaign written by
    another run meanwhile reads its status (one request) and sends nothing when it is already as wanted.
    A stop or start that the API refuses as already done (HTTP 409, or C(already) in the message) after a
    stale read is read back the same way. Such a campaign is reported with C(changed=false) and not failed,
    so both runs end ok and each campaign gets one write."
  - When a campaign fails after other writes were accepted, the failed result still says C(changed=true)
    and lists those writes in C(accepted_writes).
seealso:
  - module: koreai.campaign.voice_campaign
  - module: koreai.campaign.sms_campaign
  - module: koreai.campaign.campaign_info
'''

EXAMPLES = r'''
- name: Emergency stop of every running voice and SMS campaign
  koreai.campaign.campaign_bulk:
    state: stopped
    status: [Active, Paused]
  register: stopped

- name: Say which ones were stopped
  ansible.builtin.debug:
    msg: "{{ stopped.campaigns | selectattr('changed') | map(attribute='name') | list }}"

- name: Stop the renewal campaigns without waiting
  koreai.campaign.campaign_bulk:
    state: stopped
    campaign_type: voice
    name_pattern: "^Renewal"
    wait: false

- name: Start three SMS campaigns by id
  koreai.campaign.campaign_bulk:
    state: started
    campaign_type: sms
    campaign_ids:
      - cd-3aefda80-f98e-5f4f-ad41-92803abbxxxx
      - cd-7e21c4b0-5a9d-5c1e-8f3a-1b2c3d4exxxx
      - cd-2b8d6f10-3c4e-5f6a-8b9c-0d1e2f3axxxx
'''

RETURN = r'''
campaigns:
  description: One entry per selected campaign, and one per requested ID or name that matched none.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: The campaign ID (or the requested ID or name that matched none).
      type: str
      sample: cd-5c2f9e1-4b7a-4d3e-9f21-8a6b0c4xxxxx
    name:
      description: The campaign name.
      type: str
      sample: Renewal Reminder Preview Calls
    type:
      description: V(voice) or V(sms).
      type: str
      sample: voice
    status_before:
      description: The status the list call showed before the task.
      type: str
      sample: Active
    status:
      description: The status after the task (as last read when waiting).
      type: str
      sample: Stopped
    changed:
      description: Whether the campaign was started or stopped (or would be, in check mode).
      type: bool
      sample: true
    failed:
      description: Whether this campaign could not be put into the state.
      type: bool
      sample: false
    msg:
      description: What happened to this campaign.
      type: str
      sample: "campaign 'Renewal Reminder Preview Calls' (cd-5c2f9e1-4b7a-4d3e-9f21-8a6b0c4xxxxx) stopped (was Active)"
changed_ids:
  description: IDs of the campaigns started or stopped (in check mode, that would be).
  returned: always
  type: list
  elements: str
  sample: [cd-5c2f9e1-4b7a-4d3e-9f21-8a6b0c4xxxxx]
failed_ids:
  description: IDs (or requested names) of the campaigns that failed.
  returned: always
  type: list
  elements: str
  sample: []
unconfirmed:
  description:
    - The selected campaigns that could not be confirmed in the wanted state by listing again after the
      writes (see the description); the task fails when there is any. Each has C(id), C(name), C(type) and
      the C(status) last listed.
  returned: always
  type: list
  elements: dict
  sample: [{"id": "cd-5c2f9e1-4b7a-4d3e-9f21-8a6b0c4xxxxx", "name": "Renewals", "type": "voice", "status": "Active"}]
accepted_writes:
  description: When the task fails, the writes the API accepted before (the task then says C(changed=true)).
  returned: on failure, when any write was accepted
  type: list
  elements: str
  sample: ["stop campaign 'Renewals' (cd-5c2f9e1-4b7a-4d3e-9f21-8a6b0c4xxxxx)"]
msg:
  description: A one-line summary; names the unconfirmed campaigns, if any.
  returned: always
  type: str
  sample: 2 of 5 campaigns stopped
api_calls:
  description: How many HTTP requests the module sent.
  returned: always
  type: int
  sample: 5
'''

import re

from ansible_collections.koreai.campaign.plugins.module_utils.koreai_module import KoreaiModule, trigger_path_option
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KNOWN_ERRORS
from ansible_collections.koreai.campaign.plugins.module_utils.api_campaigns import CAMPAIGN_TYPES
from ansible_collections.koreai.campaign.plugins.module_utils.bulk_runner import bulk_run_state
from ansible_collections.koreai.campaign.plugins.module_utils.errors import ValidationError


def compile_pattern(pattern):
    if pattern is None:
        return None
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise ValidationError('name_pattern=%r is not a valid regular expression (%s)' % (pattern, exc))


def main():
    module = KoreaiModule(
        argument_spec=dict(
            state=dict(type='str', required=True, choices=['started', 'stopped']),
            campaign_type=dict(type='str', default='all', choices=['voice', 'sms', 'all']),
            campaign_ids=dict(type='list', elements='str'),
            names=dict(type='list', elements='str'),
            name_pattern=dict(type='str'),
            status=dict(type='list', elements='str',
                        choices=['Preparing', 'Ready', 'Active', 'Paused', 'Stopped', 'Completed', 'Scheduled',
                                 'Rescheduled']),
            wait=dict(type='bool', default=True),
            wait_timeout=dict(type='int', default=300),
            trigger_path=trigger_path_option(),
        ),
        required_one_of=[('campaign_ids', 'names', 'name_pattern', 'status')],
        supports_check_mode=True,
    )
    params = module.params
    run = None
    try:
        pattern = compile_pattern(params['name_pattern'])
        if params['wait_timeout'] < 1:
            raise ValidationError('wait_timeout must be at least 1 second')
        types = list(CAMPAIGN_TYPES) if params['campaign_type'] == 'all' else [params['campaign_type']]
        run = module.runner(wait=params['wait'], wait_timeout=params['wait_timeout'])
        result = bulk_run_state(run, types, params['state'], params['campaign_ids'], params['names'], pattern,
                                params['status'], params['trigger_path'])
    except KNOWN_ERRORS as exc:
        module.fail_from(exc, run)
    result['api_calls'] = module.api_calls
    if result['failed_ids']:
        if run.accepted:
            result.update(changed=True, accepted_writes=list(run.accepted))
        module.fail_json(**result)
    module.exit_result(result)


if __name__ == '__main__':
    main()
