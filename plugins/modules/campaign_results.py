#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import absolute_import, division, print_function
__metaclass__ = type

DOCUMENTATION = r'''
module: campaign_results
short_description: Report what a Kore.ai campaign run did to every contact
version_added: 0.1.0
description:
  - Reads every page of a campaign's per-contact results (C(view=contacts), 100 contacts a page) and returns a summary
    of contacts by C(dialerOutcome), by C(botOutboundStatus), by agent disposition code and by number of
    attempts. Statuses are compared without regard to case; each count shows the first spelling seen.
  - Writes the rows, or those that O(dialer_outcomes), O(bot_statuses) and O(dispositions) keep, to a CSV, JSON or
    JSON-lines file, a page at a time. The file holds phone numbers (personal data), so it is created owner-only
    (mode 0600), under a temporary name renamed into place once complete.
  - Nothing about single contacts is returned unless O(return_rows=true).
  - With O(sessions=true) it also reads the campaign's sessions (one per call attempt) from the analytics API,
    which needs the SmartAssist Analytics scope on the JWT app, in windows of at most seven days and pages of
    100, counted by C(contactStatus) and attempt.
  - Read only; it runs in check mode as well.
  - B(Request cost) for a campaign with R results, found by O(campaign_id) 1 read (by O(name) one list request
    per 100 campaigns of the type instead), plus ceil(R / 100) result pages (at least 1). With O(sessions=true),
    per seven-day window of the range ceil(S / 100) more (at least 1), S being the sessions of the account in
    that window; a window that holds more than 1,100 sessions (what the analytics API's C(offset) of at most 10
    reaches) is read again as two halves, down to one hour. At 60 requests a minute a 10,000-contact report
    takes 100 requests, about 100 seconds.
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
      - Read only; it sends the same reads and writes O(dest) in check mode too.
  diff_mode:
    support: N/A
    details:
      - Read only; nothing to compare.
  platform:
    platforms: all
options:
  campaign_id:
    description:
      - The campaign's ID (C(cd-...)). Exactly one of O(campaign_id) and O(name).
    type: str
    aliases: [id]
  name:
    description:
      - The campaign's name, compared without regard to case.
    type: str
  campaign_type:
    description:
      - The campaign's type. The per-contact results call is documented for voice campaigns.
    type: str
    choices: [voice, sms]
    default: voice
  dest:
    description:
      - Write the results to this file (mode 0600), replacing it when complete. Its directory must exist.
    type: path
  format:
    description:
      - The format of O(dest); by default from its extension (C(.json), C(.jsonl)), otherwise CSV.
      - A CSV file has the columns C(phoneNumber), C(uniqueId), C(dialerOutcome), C(numberOfAttemptsSoFar),
        C(botSessionId), C(agentDispositionCodes) (joined with C(;)), C(botOutboundStatus) and
        C(botOutboundStatusDetail); JSON keeps every field the API returns.
    type: str
    choices: [csv, json, jsonl]
  dialer_outcomes:
    description:
      - Keep only results with one of these C(dialerOutcome) values (any case) in O(dest) and RV(rows).
    type: list
    elements: str
  bot_statuses:
    description:
      - Keep only results with one of these C(botOutboundStatus) values (any case).
    type: list
    elements: str
  dispositions:
    description:
      - Keep only results with at least one of these agent disposition codes (any case).
    type: list
    elements: str
  return_rows:
    description:
      - Return the kept results in RV(rows), up to O(max_rows). They hold phone numbers; set C(no_log=true) on
        the task when its output may be printed or kept.
    type: bool
    default: false
  max_rows:
    description:
      - At most this many rows in RV(rows).
    type: int
    default: 1000
  sessions:
    description:
      - Also count the campaign's sessions from the analytics API between O(since) and O(until).
    type: bool
    default: false
  since:
    description:
      - Start of the session range, V(YYYY-MM-DD HH:MM:SS) (UTC) or ISO 8601 with an offset. Defaults to seven
        days before O(until).
    type: str
  until:
    description:
      - End of the session range, same formats. Defaults to now.
    type: str
seealso:
  - module: koreai.campaign.campaign_wait
  - module: koreai.campaign.campaign_info
  - name: The koreai.campaign.campaign_run role
    description: Checks a campaign, starts it, waits for the end of the run and writes the per-contact report.
    link: https://github.com/koreai-campaign/koreai.campaign/blob/main/roles/campaign_run/README.md
'''

EXAMPLES = r'''
- name: What yesterday's renewal campaign did, written to a CSV file for the team
  koreai.campaign.campaign_results:
    name: Service Renewal Outreach
    dest: /srv/reports/renewal-{{ '%Y-%m-%d' | strftime }}.csv
  register: report

- name: The numbers only
  ansible.builtin.debug:
    var: report.summary

- name: Contacts that were never reached, as JSON lines, and the sessions of the last two days
  koreai.campaign.campaign_results:
    campaign_id: cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx
    dialer_outcomes: [no_answer, busy]
    dest: /srv/reports/unreached.jsonl
    sessions: true
    since: "{{ '%Y-%m-%d %H:%M:%S' | strftime(ansible_date_time.epoch | int - 172800, utc=true) }}"
'''

RETURN = r'''
campaign:
  description: The campaign's id, name, type, status and run instance id.
  returned: always
  type: dict
  sample: {"id": "cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx", "name": "Service Renewal Outreach", "status": "Completed"}
summary:
  description: Counts over every result of the run.
  returned: always
  type: dict
  contains:
    contacts:
      description: How many contacts the results hold.
      type: int
      sample: 1000
    by_dialer_outcome:
      description: Contacts by C(dialerOutcome).
      type: dict
      sample: {"answered": 612, "no_answer": 250, "busy": 98, "dnc": 25, "skipped": 15}
    by_bot_outbound_status:
      description: Contacts by C(botOutboundStatus).
      type: dict
      sample: {"userHangUp": 400, "agentHangUp": 212, "none": 388}
    by_disposition:
      description: Agent disposition codes, each code counted once per contact that has it.
      type: dict
      sample: {"Renewed": 180, "Call back": 44}
    by_attempts:
      description: Contacts by the number of attempts made.
      type: dict
      sample: {"1": 700, "2": 200, "3": 100}
matched:
  description: How many results the filters kept (all of them without filters).
  returned: always
  type: int
  sample: 348
result_pages:
  description: Result pages read (requests).
  returned: always
  type: int
  sample: 10
dest:
  description: The file written.
  returned: when O(dest) is set
  type: str
  sample: /srv/reports/renewal-2026-12-02.csv
dest_rows:
  description: Rows written to O(dest).
  returned: when O(dest) is set
  type: int
  sample: 1000
rows:
  description: The kept results, up to O(max_rows).
  returned: when O(return_rows=true)
  type: list
  elements: dict
rows_truncated:
  description: Whether more results were kept than RV(rows) holds.
  returned: when O(return_rows=true)
  type: bool
sessions:
  description: The campaign's sessions in the range, by C(contactStatus) and attempt, and the run instances seen.
  returned: when O(sessions=true)
  type: dict
  sample: {"sessions": 1410, "by_contact_status": {"answered": 612}, "by_attempt": {"1": 1000, "2": 300}}
session_requests:
  description: Analytics requests sent.
  returned: when O(sessions=true)
  type: int
  sample: 15
api_calls:
  description: How many HTTP requests the module sent.
  returned: always
  type: int
  sample: 11
'''

import datetime

from ansible_collections.koreai.campaign.plugins.module_utils.errors import KNOWN_ERRORS, ValidationError
from ansible_collections.koreai.campaign.plugins.module_utils.koreai_module import KoreaiModule
from ansible_collections.koreai.campaign.plugins.module_utils.lookup import resolve_campaign
from ansible_collections.koreai.campaign.plugins.module_utils.results_runner import (
    read_campaign_results, read_sessions)
from ansible_collections.koreai.campaign.plugins.module_utils.results_summary import ResultFilter
from ansible_collections.koreai.campaign.plugins.module_utils.validate import UTC, check_identity, parse_datetime


def session_range(params):
    until = parse_datetime(params['until'], 'until') if params['until'] else datetime.datetime.now(UTC)
    since = parse_datetime(params['since'], 'since') if params['since'] else until - datetime.timedelta(days=7)
    if since > until:
        raise ValidationError('since must not be later than until')
    return since, until


def main():
    module = KoreaiModule(
        argument_spec=dict(
            campaign_id=dict(type='str', aliases=['id']),
            name=dict(type='str'),
            campaign_type=dict(type='str', default='voice', choices=['voice', 'sms']),
            dest=dict(type='path'),
            format=dict(type='str', choices=['csv', 'json', 'jsonl']),
            dialer_outcomes=dict(type='list', elements='str'),
            bot_statuses=dict(type='list', elements='str'),
            dispositions=dict(type='list', elements='str'),
            return_rows=dict(type='bool', default=False),
            max_rows=dict(type='int', default=1000),
            sessions=dict(type='bool', default=False),
            since=dict(type='str'),
            until=dict(type='str'),
        ),
        mutually_exclusive=[('campaign_id', 'name')],
        required_one_of=[('campaign_id', 'name')],
        supports_check_mode=True,
    )
    params = module.params
    try:
        check_identity(params['campaign_id'], params['name'])
        if params['max_rows'] < 0:
            raise ValidationError('max_rows must be 0 or more')
        if (params['since'] or params['until']) and not params['sessions']:
            raise ValidationError('since and until set the range of sessions=true; set sessions=true or remove them')
        span = session_range(params) if params['sessions'] else None
        campaign = resolve_campaign(module.client, params['campaign_type'], params['campaign_id'], params['name'])
        if not campaign:
            raise campaign.error()
        result = read_campaign_results(
            module.client, campaign, params['dest'], params['format'],
            ResultFilter(params['dialer_outcomes'], params['bot_statuses'], params['dispositions']),
            params['return_rows'], params['max_rows'])
        if span:
            result.update(read_sessions(module.runner(), campaign, *span))
    except KNOWN_ERRORS as exc:
        module.fail_from(exc)
    result['campaign'] = dict((k, campaign.get(k)) for k in ('id', 'name', 'type', 'status', 'campaignInstanceId')
                              if campaign.get(k) is not None)
    module.exit_json(changed=False, api_calls=module.api_calls, **result)


if __name__ == '__main__':
    main()
