# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Puts many campaigns into one run state (campaign_bulk). Statuses come from the list call (one
request per 100 campaigns and type), writes go only where needed (paced by the client), and waiting,
or reading back lost answers, polls the list call again instead of one status call per campaign.
A failure on one campaign is reported and the rest go on."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils import api_campaigns
from ansible_collections.koreai.campaign.plugins.module_utils.bulk_plan import bulk_result, entry, select_campaigns
from ansible_collections.koreai.campaign.plugins.module_utils.campaign_plan import plan_run_state
from ansible_collections.koreai.campaign.plugins.module_utils.campaign_status import TYPE_NAMES, reached
from ansible_collections.koreai.campaign.plugins.module_utils.errors import (
    KoreaiError, KoreaiUnknownOutcome, PlanError, WriteNotApplied)
from ansible_collections.koreai.campaign.plugins.module_utils.runner import Found

WANTED = {'started': 'Active', 'stopped': 'Stopped'}


def bulk_run_state(run, campaign_types, desired, campaign_ids=None, names=None, name_pattern=None, statuses=None,
                   style='documented'):
    listed = []
    server_filter = statuses if statuses and not campaign_ids and not names else None
    for campaign_type in campaign_types:
        listed.extend(api_campaigns.list_campaigns(run.client, campaign_type, statuses=server_filter))
    selected, missing = select_campaigns(listed, campaign_ids, names, name_pattern, statuses)
    entries = [entry({'id': key, 'name': None, 'type': None}, None, failed=True,
                     msg='no %s campaign matches %r' % (' or '.join(TYPE_NAMES[t] for t in campaign_types), key))
               for key in missing]
    pending = []
    for campaign in selected:
        try:
            plan = plan_run_state(campaign, desired, wait=False)
        except PlanError as exc:
            entries.append(entry(campaign, campaign.get('status'), failed=True, msg=str(exc)))
            continue
        item = entry(campaign, campaign.get('status'), changed=plan.changed, msg=plan.message(run.check_mode))
        entries.append(item)
        if plan.changed:
            item['status'] = plan.after['status']
            if not run.check_mode:
                pending.append((campaign, item))
    action = 'play' if desired == 'started' else 'stop'
    operation = '%s campaign' % api_campaigns.TRIGGER_ACTIONS[action]
    unsure = {}
    for campaign, item in pending:
        try:
            answer = run.write(operation, campaign, lambda c=campaign: api_campaigns.trigger_campaign(
                run.client, c, c['type'], action, style), status_after=item['status'])
            if isinstance(answer, dict) and answer.get('status'):
                item['status'] = answer['status']
        except KoreaiUnknownOutcome as exc:
            item['msg'] = str(exc)
            unsure[item['id']] = (campaign, exc)
        except KoreaiError as exc:
            item.update(changed=False, failed=True, status=item['status_before'], msg=str(exc))
    to_confirm = [item for campaign, item in pending if not item['failed']] if run.wait else \
        [item for campaign, item in pending if item['id'] in unsure]
    if to_confirm:
        _confirm(run, to_confirm, desired, unsure, operation)
    return bulk_result(entries, desired, run.check_mode)


def _confirm(run, items, desired, unsure, operation):
    """Poll the list call until every item shows the wanted status, or time runs out; settle lost answers."""
    waiting = dict((item['id'], item) for item in items)
    types = sorted(set(item['type'] for item in items))
    seen = {}

    def read():
        seen.clear()
        for campaign_type in types:
            for campaign in api_campaigns.list_campaigns(run.client, campaign_type):
                seen[campaign['id']] = campaign.get('status')
        return seen

    def settled(current):
        for campaign_id, item in list(waiting.items()):
            if campaign_id not in current:
                item.update(failed=True, msg='campaign disappeared while waiting for it')
                del waiting[campaign_id]
            elif reached(desired, current[campaign_id]):
                item['status'] = current[campaign_id]
                if campaign_id in unsure:
                    campaign, exc = unsure[campaign_id]
                    item['msg'] = run.settle(operation, campaign, exc, Found(
                        True, 'reading it back shows status %s, so it took effect' % current[campaign_id],
                        current[campaign_id]))
                del waiting[campaign_id]
        return not waiting

    polled = run.poll(read, settled, run.read_back_window(run.wait))
    if polled.done:
        return
    for campaign_id, item in waiting.items():
        item['status'] = seen.get(campaign_id)
        if campaign_id in unsure:
            campaign, exc = unsure[campaign_id]
            try:
                run.settle(operation, campaign, exc, Found(False, 'Reading it back shows status %s'
                                                           % seen.get(campaign_id)))
            except WriteNotApplied as not_applied:
                item.update(failed=True, changed=False, msg=str(not_applied))
        else:
            item.update(failed=True, msg='timed out after %.0f s waiting for it to become %s; last status seen: %s'
                        % (polled.elapsed, WANTED[desired], seen.get(campaign_id)))
