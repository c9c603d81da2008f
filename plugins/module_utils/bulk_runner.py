# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Puts many campaigns into one run state (campaign_bulk). Statuses come from the list call (one
request per 100 campaigns and type), writes go only where needed (paced by the client), and waiting,
or reading back lost answers, polls the list call again instead of one status call per campaign.
A failure on one campaign is reported and the rest go on.

A list read page by page while campaigns change can miss one (it moved to a page already read), so
after the writes the selection is listed again, up to MAX_CONFIRM_ROUNDS times, and any matching
campaign still not in the wanted state gets its write then; what is still not confirmed after the
last round is reported (unconfirmed) and fails the task."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils import api_campaigns
from ansible_collections.koreai.campaign.plugins.module_utils.api import campaign_label
from ansible_collections.koreai.campaign.plugins.module_utils.bulk_plan import (
    bulk_result, describe_filter, entry, select_campaigns)
from ansible_collections.koreai.campaign.plugins.module_utils.campaign_plan import plan_run_state
from ansible_collections.koreai.campaign.plugins.module_utils.campaign_status import TYPE_NAMES, reached
from ansible_collections.koreai.campaign.plugins.module_utils.errors import (
    KoreaiError, KoreaiUnknownOutcome, PlanError, WriteNotApplied)
from ansible_collections.koreai.campaign.plugins.module_utils.runner import Converged, Found

WANTED = {'started': 'Active', 'stopped': 'Stopped'}
MAX_CONFIRM_ROUNDS = 3


class Selection:
    """What the task selects, and the list calls that read it."""

    def __init__(self, campaign_types, campaign_ids=None, names=None, name_pattern=None, statuses=None):
        self.types = campaign_types
        self.ids = campaign_ids
        self.names = names
        self.pattern = name_pattern
        self.statuses = statuses
        self.server_filter = statuses if statuses and not campaign_ids and not names else None
        self.listed = 0

    def read(self, client):
        """(selected, missing ids and names, whether a type took more than one request to list)."""
        listed = []
        paged = False
        for campaign_type in self.types:
            before = client.calls
            listed.extend(api_campaigns.list_campaigns(client, campaign_type, statuses=self.server_filter))
            paged = paged or client.calls - before > 1
        self.listed = len(listed)
        selected, missing = select_campaigns(listed, self.ids, self.names, self.pattern, self.statuses)
        return selected, missing, paged

    def describe(self):
        return describe_filter([TYPE_NAMES[t] for t in self.types], self.ids, self.names, self.pattern, self.statuses)


class BulkRun:
    """The entries of one bulk task, by campaign id, and the writes sent for them."""

    def __init__(self, run, desired, style):
        self.run = run
        self.desired = desired
        self.style = style
        self.action = 'play' if desired == 'started' else 'stop'
        self.operation = '%s campaign' % api_campaigns.TRIGGER_ACTIONS[self.action]
        self.entries = []
        self.by_id = {}
        self.sent = set()

    def consider(self, campaign):
        """Plan one listed campaign; returns its entry when a write is due (never in check mode)."""
        campaign_id = campaign.get('id')
        if not campaign_id:
            # Nothing can address it: a write would go to ".../trigger/None".
            self.entries.append(entry(campaign, campaign.get('status'), failed=True, msg=(
                'the API listed campaign %r without an id, so it cannot be %s; it was left alone. Check it in the '
                'Kore.ai UI' % (campaign.get('name'), WANTED[self.desired].lower()))))
            return None
        try:
            plan = plan_run_state(campaign, self.desired, wait=False)
        except PlanError as exc:
            self._put(entry(campaign, campaign.get('status'), failed=True, msg=str(exc)))
            return None
        for warning in plan.warnings:
            self.run.warn(warning)
        item = self._put(entry(campaign, campaign.get('status'), changed=plan.changed,
                               msg=plan.message(self.run.check_mode)))
        if not plan.changed:
            return None
        item['status'] = plan.after['status']
        return None if self.run.check_mode else item

    def _put(self, item):
        old = self.by_id.get(item['id'])
        if old is None:
            self.entries.append(item)
        else:
            self.entries[self.entries.index(old)] = item
        self.by_id[item['id']] = item
        return item

    def due(self, campaign):
        """Whether a campaign listed again still needs its write: not sent one yet, not failed, not there."""
        campaign_id = campaign.get('id')
        if not campaign_id:
            return campaign.get('name') not in [e['name'] for e in self.entries if e['id'] is None]
        if campaign_id in self.sent:
            return False
        known = self.by_id.get(campaign_id)
        if known is not None and known['failed']:
            return False
        try:
            return plan_run_state(campaign, self.desired, wait=False).changed
        except PlanError:
            return known is None

    def send(self, items, campaigns):
        """One write per item; returns the lost answers, by id, to settle by listing again."""
        unsure = {}
        for item in items:
            campaign = campaigns[item['id']]
            self.sent.add(item['id'])
            try:
                answer = self.run.write(
                    self.operation, campaign,
                    lambda c=campaign: api_campaigns.trigger_campaign(self.run.client, c, c['type'], self.action,
                                                                      self.style),
                    status_after=item['status'], converged=lambda c=campaign: self._read_status(c))
            except KoreaiUnknownOutcome as exc:
                item['msg'] = str(exc)
                unsure[item['id']] = (campaign, exc)
                continue
            except KoreaiError as exc:
                item.update(changed=False, failed=True, status=item['status_before'], msg=str(exc))
                continue
            if isinstance(answer, Converged):
                item.update(changed=False, status=answer.get('status'),
                            msg='campaign %s: nothing sent again, %s' % (campaign_label(campaign), answer.words))
            elif isinstance(answer, dict) and isinstance(answer.get('status'), str) and \
                    answer['status'].lower() != 'success':
                item['status'] = answer['status']
        return unsure

    def _read_status(self, campaign):
        current = api_campaigns.campaign_status(self.run.client, campaign['id'])
        status = current.get('status') if current else None
        if current is not None and reached(self.desired, status):
            return Found(True, 'reading it back shows status %s' % status, status)
        return Found(False, 'Reading it back shows status %s' % status)


def bulk_run_state(run, campaign_types, desired, campaign_ids=None, names=None, name_pattern=None, statuses=None,
                   style='documented'):
    selection = Selection(campaign_types, campaign_ids, names, name_pattern, statuses)
    bulk = BulkRun(run, desired, style)
    selected, missing, paged = selection.read(run.client)
    due = [item for item in (bulk.consider(c) for c in selected) if item is not None]
    _write_and_wait(bulk, due, dict((c.get('id'), c) for c in selected))
    unconfirmed = []
    if not run.check_mode and (bulk.sent or paged):
        unconfirmed, missing = _confirm_rounds(bulk, selection, missing)
    entries = [entry({'id': key, 'name': None, 'type': None}, None, failed=True,
                     msg='no %s campaign matches %r' % (' or '.join(TYPE_NAMES[t] for t in campaign_types), key))
               for key in missing] + bulk.entries
    result = bulk_result(entries, desired, run.check_mode, unconfirmed, selection.describe(), selection.listed)
    # A write the API accepted is a change even when waiting for it then failed.
    result['changed'] = result['changed'] or bool(run.accepted)
    return result


def _write_and_wait(bulk, items, campaigns):
    run = bulk.run
    if not items:
        return
    unsure = bulk.send(items, campaigns)
    to_confirm = [item for item in items if not item['failed'] and item['changed']] if run.wait else \
        [item for item in items if item['id'] in unsure]
    if to_confirm:
        _confirm(run, to_confirm, bulk.desired, unsure, bulk.operation)


def _confirm_rounds(bulk, selection, missing):
    """List the selection again until no matching campaign still needs its write, writing those that
    do; returns (the entries not confirmed, the ids and names never found)."""
    run = bulk.run
    leftovers = []
    for dummy in range(MAX_CONFIRM_ROUNDS):
        selected, still_missing, dummy_paged = selection.read(run.client)
        missing = [key for key in missing if key in still_missing]
        leftovers = [c for c in selected if bulk.due(c)]
        # With wait, a campaign written and seen as wanted that is not so any more is not confirmed
        # either; it is not written again (another actor is changing it).
        regressed = [c for c in selected if run.wait and c.get('id') in bulk.sent
                     and not bulk.by_id[c['id']]['failed'] and bulk.by_id[c['id']]['changed']
                     and not reached(bulk.desired, c.get('status'))]
        if not leftovers:
            return [_unconfirmed(bulk, c, 'listed again, it shows status %s' % c.get('status')) for c in regressed], \
                missing
        due = [item for item in (bulk.consider(c) for c in leftovers) if item is not None]
        _write_and_wait(bulk, due, dict((c.get('id'), c) for c in leftovers))
    # The last round wrote what it found; nothing lists them again to confirm it without waiting.
    return [_unconfirmed(bulk, c, 'found only by the last of %d lists after the writes' % MAX_CONFIRM_ROUNDS)
            for c in leftovers if not _confirmed(bulk, c)], missing


def _confirmed(bulk, campaign):
    item = bulk.by_id.get(campaign.get('id'))
    return item is not None and bulk.run.wait and not item['failed'] and reached(bulk.desired, item['status'])


def _unconfirmed(bulk, campaign, why):
    item = bulk.by_id.get(campaign.get('id'))
    if item is not None:
        item['failed'] = True
        item['msg'] = '%s; not confirmed %s: %s' % (item['msg'], WANTED[bulk.desired].lower(), why)
    return {'id': campaign.get('id'), 'name': campaign.get('name'), 'type': campaign.get('type'),
            'status': campaign.get('status')}


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
