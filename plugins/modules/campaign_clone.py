#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: campaign_clone
short_description: Create a Kore.ai Contact Center campaign from an existing one, with overrides
version_added: 0.1.0
description:
  - Creates a new voice or SMS campaign with the configuration of an existing one (the source), changing only the
    options given here (name, contact lists, DNC list, calling hours, caller id, description), as the UI's clone does for
    the next cycle of a campaign.
  - The clone gets no schedule, as in the UI; set one with M(koreai.campaign.campaign_schedule). It is not started.
  - The source's configuration is read with the same mapping as the export of M(koreai.campaign.campaign_info), so
    the clone carries exactly what an export would. Where the API does not show something back (an agentless
    flow known only by its id, the kind of answering-machine detection, a queue the list call does not name) the
    module fails before any write and names the option to give (O(experience_flow), O(machine_detection),
    O(queue)); it never guesses.
  - Idempotent by name. When a campaign named O(name) exists already, nothing is sent and the module says so; it
    does not update that campaign (M(koreai.campaign.voice_campaign) and M(koreai.campaign.sms_campaign) do).
  - "Request cost: one list call of the source's type (of both types with O(source) and without O(campaign_type)),
    one GET of the source, and one create: 3 requests; with O(wait=true) also a status poll every few seconds while a
    new voice campaign is Preparing (3 polls against the sandbox). A rerun sends the reads and no write: 2 requests.
    With O(source_id) and without O(campaign_type) the GET comes first, to learn the type; the cost is the same."
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
      - Reads the source and tells what would be created; sends no write.
  diff_mode:
    support: full
    details:
      - Nothing before, and the new campaign's options after.
  platform:
    platforms: all
options:
  name:
    description:
      - The name of the new campaign; at most 48 characters.
    type: str
    required: true
  source:
    description:
      - The name of the campaign to clone, compared without regard to case.
      - Exactly one of O(source) and O(source_id) is required.
    type: str
  source_id:
    description:
      - The ID (C(cd-...)) of the campaign to clone.
    type: str
  campaign_type:
    description:
      - The type of the source (and so of the clone). Found from the source when not given, at the cost of one
        more request.
    type: str
    choices: [voice, sms]
  description:
    description:
      - The clone's description, at most 256 characters; the source's when not given.
    type: str
  contact_lists:
    description:
      - Names of the clone's contact lists; the source's when not given.
    type: list
    elements: str
  dnc_list:
    description:
      - Name of the clone's Do Not Call list; the source's when not given.
    type: str
  calling_hours:
    description:
      - The clone's calling hours, as in M(koreai.campaign.voice_campaign); the source's when not given.
    type: dict
    suboptions:
      frequency:
        description: How the days repeat.
        type: str
        choices: [weekly, daily, custom]
        default: weekly
      timezone:
        description: IANA time zone of the hours.
        type: str
        required: true
      days:
        description: One entry per day and time window.
        type: list
        elements: dict
        required: true
        suboptions:
          day:
            description: V(mon) to V(sun).
            type: str
            required: true
          start:
            description: Start time, V(9:00 AM) or V(09:00).
            type: str
            required: true
          end:
            description: End time, later than the start.
            type: str
            required: true
  caller_id:
    description:
      - The number the clone calls or sends from, in E.164 form; the source's when not given.
    type: str
  experience_flow:
    description:
      - The flow name of an agentless voice or advanced SMS clone. Needed when the API shows the source's flow only
        by its id; otherwise the source's.
    type: str
  queue:
    description:
      - The agent queue of a progressive or preview voice clone; the one the list call names for the source when not
        given.
    type: str
  machine_detection:
    description:
      - Answering-machine detection of an agentless voice clone. Needed when the source has detection on, because
        the API does not show whether it is V(detect) or V(disconnect).
    type: str
    choices: ['no', detect, disconnect]
  wait:
    description:
      - Wait until a new voice campaign has left C(Preparing).
    type: bool
    default: true
  wait_timeout:
    description:
      - Seconds to wait with O(wait=true).
    type: int
    default: 300
notes:
  - Contacts are not copied; the clone names contact lists, which hold the contacts.
seealso:
  - module: koreai.campaign.campaign_info
  - module: koreai.campaign.voice_campaign
  - module: koreai.campaign.sms_campaign
  - module: koreai.campaign.campaign_schedule
'''

EXAMPLES = r'''
- name: Next month's renewal campaign, from this month's (credentials from KOREAI_* environment variables)
  koreai.campaign.campaign_clone:
    source: Service Renewal Outreach - June
    name: Service Renewal Outreach - July
    campaign_type: voice
    description: Renewal calls for customers whose plan renews in July.
    contact_lists: [Renewal Due - July 2025]

- name: A clone calling on different hours, with a different Do Not Call list
  koreai.campaign.campaign_clone:
    source_id: cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx
    campaign_type: voice
    name: Service Renewal Outreach - EU
    dnc_list: DNC EU
    calling_hours:
      timezone: Europe/Berlin
      days:
        - {day: mon, start: "9:00 AM", end: "5:00 PM"}
        - {day: tue, start: "9:00 AM", end: "5:00 PM"}

- name: An agentless survey whose flow the API shows only by id
  koreai.campaign.campaign_clone:
    source: Product Feedback Survey
    name: Product Feedback Survey - Q3
    experience_flow: Feedback Survey Flow
    machine_detection: detect
'''

RETURN = r'''
campaign:
  description:
    - The new campaign as the create call (or, after a wait, the status call) showed it, with C(id) and C(type);
      when a campaign of that name existed already, its list entry.
  returned: when a campaign was created or existed
  type: dict
  contains:
    id:
      description: The campaign ID.
      type: str
      sample: cd-9e14b72-88cc-4544-9a98-7aee9b7xxxxx
    name:
      description: The campaign name.
      type: str
      sample: Service Renewal Outreach - July
    status:
      description: The campaign status, V(Ready) once a voice campaign has prepared.
      type: str
      sample: Ready
    type:
      description: V(voice) or V(sms).
      type: str
      sample: voice
source:
  description: The source campaign's ID and name.
  returned: when the source was read
  type: dict
  sample: {"id": "cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx", "name": "Service Renewal Outreach - June"}
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
  sample: "campaign 'Service Renewal Outreach - July' created as a clone of 'Service Renewal Outreach - June' (cd-a1e45a7-...)"
api_calls:
  description: How many HTTP requests the module sent.
  returned: always
  type: int
  sample: 3
'''

from ansible_collections.koreai.campaign.plugins.module_utils import api_campaigns, campaign_config, campaign_runner
from ansible_collections.koreai.campaign.plugins.module_utils.campaign_module import CALLING_HOURS
from ansible_collections.koreai.campaign.plugins.module_utils.campaign_status import PREPARING
from ansible_collections.koreai.campaign.plugins.module_utils.clone_plan import OVERRIDES, plan_clone
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KNOWN_ERRORS, NotFound, ValidationError
from ansible_collections.koreai.campaign.plugins.module_utils.koreai_module import KoreaiModule
from ansible_collections.koreai.campaign.plugins.module_utils.lookup import campaign_among
from ansible_collections.koreai.campaign.plugins.module_utils.validate import check_identity, check_name


def find_source(client, params):
    """(source's full object, its list entry, every list entry of its type, its type)."""
    types = [params['campaign_type']] if params['campaign_type'] else list(api_campaigns.CAMPAIGN_TYPES)
    source = None
    if params['source_id'] and not params['campaign_type']:
        source = api_campaigns.get_campaign(client, params['source_id'])
        if source is None or source.get('type') not in api_campaigns.CAMPAIGN_TYPES:
            raise NotFound('no campaign has id %s (the API answered 404)' % params['source_id'] if source is None else
                           'campaign %s: cannot tell whether it is voice or SMS; set campaign_type' % params['source_id'])
        types = [source['type']]
    listed = []
    for campaign_type in types:
        listed.extend(api_campaigns.list_campaigns(client, campaign_type))
    if params['source_id']:
        entry = next((c for c in listed if c['id'] == params['source_id']), None)
    else:
        entry = campaign_among(listed, params['source'], types)
        if not entry:
            raise entry.error()
    if source is None:
        source = api_campaigns.get_campaign(client, entry['id'] if entry else params['source_id'])
        if source is None:
            raise NotFound('no %s campaign has id %s (the API answered 404)' % (types[0], params['source_id']))
    campaign_type = (entry or {}).get('type') or types[0]
    source = dict(source, type=campaign_type)
    return source, entry, [c for c in listed if c['type'] == campaign_type], campaign_type


def main():
    module = KoreaiModule(
        argument_spec=dict(
            name=dict(type='str', required=True),
            source=dict(type='str'),
            source_id=dict(type='str'),
            campaign_type=dict(type='str', choices=['voice', 'sms']),
            description=dict(type='str'),
            contact_lists=dict(type='list', elements='str'),
            dnc_list=dict(type='str'),
            calling_hours=CALLING_HOURS,
            caller_id=dict(type='str'),
            experience_flow=dict(type='str'),
            queue=dict(type='str'),
            machine_detection=dict(type='str', choices=['no', 'detect', 'disconnect']),
            wait=dict(type='bool', default=True),
            wait_timeout=dict(type='int', default=300),
        ),
        mutually_exclusive=[('source', 'source_id')],
        required_one_of=[('source', 'source_id')],
        supports_check_mode=True,
    )
    params = module.params
    run = None
    result = None
    try:
        check_name(params['name'])
        check_identity(params['source_id'], params['source'])
        if params['wait_timeout'] < 1:
            raise ValidationError('wait_timeout must be at least 1 second')
        overrides = dict((k, params[k]) for k in OVERRIDES)
        # The overrides are checked before any request, as far as they do not depend on the source.
        campaign_config.campaign_spec(params['campaign_type'] or 'voice', overrides)
        run = module.runner(wait=params['wait'], wait_timeout=params['wait_timeout'])
        source, entry, listed, campaign_type = find_source(module.client, params)
        existing = campaign_among(listed, params['name'], [campaign_type])
        plan = plan_clone(source, campaign_type, params['name'], entry, existing or None, overrides)
        result = run.result(plan, campaign=existing or None,
                            source={'id': source.get('id'), 'name': source.get('name')})
        if plan.changed and not run.check_mode:
            body = campaign_config.body_from_spec(campaign_type, params['name'], plan.payload)
            created = campaign_runner.create(run, campaign_type, body)
            if run.wait and created.get('status') == PREPARING:
                created['status'] = campaign_runner.wait_for_status(run, created, campaign_runner.not_preparing,
                                                                    'Ready')
            result['campaign'] = created
    except KNOWN_ERRORS as exc:
        module.fail_from(exc, run)
    result['api_calls'] = module.api_calls
    module.exit_result(result)


if __name__ == '__main__':
    main()
