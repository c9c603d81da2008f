# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Waits until campaigns end their run. Kore.ai sends no event when a run ends, so this polls, with
the list call (one request per 100 campaigns and type per round, never one per campaign), at an
interval that keeps the wait within a share of the account's request budget."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime

from ansible_collections.koreai.campaign.plugins.module_utils import api_campaigns
from ansible_collections.koreai.campaign.plugins.module_utils.bulk_plan import select_campaigns
from ansible_collections.koreai.campaign.plugins.module_utils.campaign_status import TYPE_NAMES, label
from ansible_collections.koreai.campaign.plugins.module_utils.errors import NotFound

# A wait may use at most this share of the account's requests per minute, leaving the rest to the
# tasks that run beside it (other playbooks, the UI's own calls do not count against it).
BUDGET_SHARE = 0.5
DEFAULT_FINAL = ('Completed', 'Stopped')


def poll_interval(requested, requests_per_round, rate_limit):
    """The seconds between poll rounds: as requested, but never more often than the budget share allows."""
    if not rate_limit:
        return float(requested)
    floor = 60.0 * requests_per_round / (rate_limit * BUDGET_SHARE)
    return max(float(requested), floor)


def _now():
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec='seconds')


class Waited:
    """One campaign being waited for."""

    def __init__(self, campaign):
        self.campaign = campaign
        self.status = campaign.get('status')
        self.finished_at = None

    def as_dict(self):
        return {'id': self.campaign.get('id'), 'name': self.campaign.get('name'), 'type': self.campaign.get('type'),
                'status': self.status, 'finished': self.finished_at is not None, 'finished_at': self.finished_at}


def wait_for_end(run, campaign_types, campaign_ids=None, names=None, final_statuses=DEFAULT_FINAL,
                 interval=30, rate_limit=60):
    final = set(s.casefold() for s in final_statuses)
    listed = []
    for campaign_type in campaign_types:
        listed.extend(api_campaigns.list_campaigns(run.client, campaign_type))
    selected, missing = select_campaigns(listed, campaign_ids, names)
    if missing:
        kinds = ' or '.join(TYPE_NAMES[t] for t in campaign_types)
        raise NotFound('no %s campaign matches %s' % (kinds, ', '.join(repr(m) for m in missing)))
    waiting = dict((c['id'], Waited(c)) for c in selected)
    rounds = [1]

    def settle(statuses):
        for campaign_id, item in waiting.items():
            if campaign_id in statuses:
                item.status = statuses[campaign_id]
            if item.finished_at is None and str(item.status or '').casefold() in final:
                item.finished_at = _now()
        return all(item.finished_at for item in waiting.values())

    initial = [dict((c['id'], c.get('status')) for c in selected)]

    def read():
        if initial:  # the first round is the list call that found the campaigns
            return initial.pop()
        rounds[0] += 1
        statuses = {}
        for campaign_type in sorted(set(i.campaign['type'] for i in waiting.values() if not i.finished_at)):
            for campaign in api_campaigns.list_campaigns(run.client, campaign_type):
                statuses[campaign['id']] = campaign.get('status')
        return statuses

    per_round = sum(-(-sum(1 for c in listed if c['type'] == t) // api_campaigns.LIST_PAGE_SIZE) or 1
                    for t in set(c['type'] for c in selected))
    pause = poll_interval(interval, per_round, rate_limit)
    timeout = 0 if run.check_mode else run.wait_timeout
    polled = run.poll(read, settle, timeout, first=pause, most=pause)
    done = polled.done
    result = {'campaigns': [waiting[c['id']].as_dict() for c in selected],
              'finished_ids': [c['id'] for c in selected if waiting[c['id']].finished_at],
              'unfinished_ids': [c['id'] for c in selected if not waiting[c['id']].finished_at],
              'poll_rounds': rounds[0], 'poll_interval': pause, 'waited_seconds': round(polled.elapsed, 1)}
    still = [waiting[i] for i in result['unfinished_ids']]
    if done:
        result['msg'] = 'all %d campaigns reached %s' % (len(selected), ' or '.join(final_statuses))
    elif run.check_mode:
        result['msg'] = '(check mode) %d of %d campaigns have not ended yet; check mode does not wait' % (
            len(still), len(selected))
    else:
        result['msg'] = 'timed out after %.0f s: %d of %d campaigns have not reached %s: %s' % (
            result['waited_seconds'], len(still), len(selected), ' or '.join(final_statuses),
            ', '.join('%s (last status seen: %s)' % (label(i.campaign), i.status) for i in still))
        result['timed_out'] = True
    return result
