# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Carries out plans from lifecycle.py against the API: resolves campaigns, sends the writes a plan
asks for (never in check mode), waits for transitions, reads back after an unknown outcome, and
writes backups before deletes. Modules call one function here and return its result."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime
import difflib
import json
import os
import re
import time

from ansible_collections.koreai.campaign.plugins.module_utils import campaigns as api
from ansible_collections.koreai.campaign.plugins.module_utils import campaign_config
from ansible_collections.koreai.campaign.plugins.module_utils import lifecycle
from ansible_collections.koreai.campaign.plugins.module_utils.client import KoreaiError, KoreaiUnknownOutcome

# How long to keep reading after a write whose answer was lost, when not waiting anyway.
UNKNOWN_OUTCOME_WINDOW = 30
POLL_FIRST = 0.5
POLL_MAX = 10.0
TYPE_MODULES = {'voice': 'koreai.campaign.voice_campaign', 'sms': 'koreai.campaign.sms_campaign'}
TYPE_NAMES = {'voice': 'voice', 'sms': 'SMS'}


class CampaignNotFound(KoreaiError):
    pass


class WaitTimeout(KoreaiError):
    pass


def _close_matches(name, campaigns):
    names = sorted(set(c.get('name') for c in campaigns if c.get('name')))
    lowered = dict((n.lower(), n) for n in names)
    return [lowered[m] for m in difflib.get_close_matches(name.lower(), list(lowered), n=3, cutoff=0.6)]


def resolve_by_name(client, name, campaign_types):
    """The one campaign with this name (compared lower-cased, as the API does) among the given types.

    Returns a falsy _Missing that says why when there is none; raises when the name is ambiguous."""
    everything = []
    for campaign_type in campaign_types:
        everything.extend(api.list_campaigns(client, campaign_type))
    wanted = name.lower()
    matches = [c for c in everything if lifecycle.name_key(c) == wanted]
    if len(matches) > 1:
        raise KoreaiError('campaign name %r matches %d campaigns (%s); Kore.ai compares names without case, so '
                          'rename one of them, or use campaign_id where the module takes it'
                          % (name, len(matches), ', '.join('%s %s %r' % (c['id'], TYPE_NAMES.get(c['type'], c['type']),
                                                                         c.get('name')) for c in matches)))
    if matches:
        return matches[0]
    text = 'no %s campaign is named %r' % (' or '.join(TYPE_NAMES[t] for t in campaign_types), name)
    close = _close_matches(name, everything)
    if close:
        text += '; did you mean %s?' % ', '.join(repr(c) for c in close)
    return _Missing(text)


class _Missing:
    """A failed lookup: falsy, and able to say why (with close matches when names were listed)."""

    def __init__(self, message):
        self.message = message

    def error(self):
        return CampaignNotFound(self.message)

    def __bool__(self):
        return False

    __nonzero__ = __bool__


def resolve_campaign(client, campaign_type, campaign_id=None, name=None):
    """The campaign by id (one GET) or by name (list calls); a _Missing (falsy) when it does not exist."""
    if campaign_id:
        campaign = api.get_campaign(client, campaign_id)
        if campaign is None:
            return _Missing('no %s campaign has id %s (the API answered 404)' % (TYPE_NAMES[campaign_type], campaign_id))
    else:
        campaign = resolve_by_name(client, name, [campaign_type])
        if not campaign:
            return campaign
    actual = campaign.get('type')
    if actual and actual != campaign_type:
        raise KoreaiError('campaign %s is a %s campaign; manage it with %s'
                          % (api.campaign_label(campaign), TYPE_NAMES[actual], TYPE_MODULES[actual]))
    campaign['type'] = campaign_type
    return campaign


class Runner:
    """Runs plans for one module invocation."""

    def __init__(self, client, check_mode=False, wait=True, wait_timeout=300, warn=None, sleep=None, clock=None,
                 audit=None):
        self.client = client
        self.audit = audit
        # Writes the API accepted in this run, so that a later failure still reports the change.
        self.accepted = []
        self.check_mode = check_mode
        self.wait = wait
        self.wait_timeout = wait_timeout
        self.warnings = []
        self._warn = warn
        self._sleep = sleep or time.sleep
        self._clock = clock or time.monotonic

    def warn(self, message):
        self.warnings.append(message)
        if self._warn:
            self._warn(message)

    # -- waiting ----------------------------------------------------------------------------

    def wait_for(self, campaign, accept, wanted, timeout=None):
        """Poll the status call with backoff until accept(status); fail with the last status seen."""
        timeout = self.wait_timeout if timeout is None else timeout
        started = self._clock()
        interval = POLL_FIRST
        last = campaign.get('status')
        while True:
            current = api.campaign_status(self.client, campaign['id'])
            if current is None:
                raise KoreaiError('campaign %s disappeared while waiting for it to become %s'
                                  % (api.campaign_label(campaign), wanted))
            last = current.get('status')
            if accept(last):
                return last
            elapsed = self._clock() - started
            if elapsed + interval > timeout:
                raise WaitTimeout('timed out after %.0f s waiting for campaign %s to become %s; last status seen: %s'
                                  % (elapsed, api.campaign_label(campaign), wanted, last))
            self._sleep(interval)
            interval = min(POLL_MAX, interval * 2)

    # -- run state --------------------------------------------------------------------------

    def _trigger(self, campaign, trigger, style, accept, wanted, wait):
        """Send one start/stop; on an unknown outcome read back instead of resending."""
        operation = '%s campaign' % api.TRIGGER_ACTIONS[trigger]
        try:
            answer = self._audited(operation, campaign, wanted, lambda: api.trigger_campaign(
                self.client, campaign, campaign['type'], trigger, style))
        except KoreaiUnknownOutcome as exc:
            window = self.wait_timeout if wait else min(self.wait_timeout, UNKNOWN_OUTCOME_WINDOW)
            try:
                status = self._read_back(exc, lambda: self.wait_for(campaign, accept, wanted, timeout=window))
            except WaitTimeout as timeout:
                self._record(operation, campaign, None, 'not applied (read back)')
                raise KoreaiError('%s. Reading the campaign back: %s. The request was not sent again, so that it '
                                  'cannot run twice; run the task again to retry' % (exc, timeout))
            self._record(operation, campaign, status, 'applied (read back)')
            self.warn('%s; reading it back shows status %s, so it took effect' % (exc, status))
            return {'status': status}
        status = answer.get('status') if isinstance(answer, dict) else None
        if wait:
            status = self.wait_for(campaign, accept, wanted)
        return dict(answer, status=status or wanted)

    def start(self, campaign, style):
        return self._trigger(campaign, 'play', style, lambda s: lifecycle.reached('started', s), 'Active', self.wait)

    def stop(self, campaign, style, wait):
        return self._trigger(campaign, 'stop', style, lambda s: lifecycle.reached('stopped', s), 'Stopped', wait)

    def ensure_run_state(self, campaign, desired, style='documented'):
        plan = lifecycle.plan_run_state(campaign, desired, wait=self.wait)
        result = self._result(plan, campaign)
        if not plan.changed or self.check_mode:
            return result
        answer = {}
        for action in plan.actions:
            if action == lifecycle.AWAIT_READY:
                status = self.wait_for(campaign, lambda s: s != lifecycle.PREPARING, 'Ready')
                campaign['status'] = status
                if status in lifecycle.SCHEDULED_STATUSES or status == 'Active':
                    # Became scheduled or started by someone else while preparing: plan again.
                    return self.ensure_run_state(campaign, desired, style)
            elif action == lifecycle.START:
                answer = self.start(campaign, style)
            elif action == lifecycle.STOP:
                answer = self.stop(campaign, style, self.wait)
        return self._finish(result, campaign, answer)

    def _finish(self, result, campaign, answer):
        campaign = dict(campaign)
        for key in ('status', 'updatedAt', 'campaignInstanceId', 'campaignExecutionType'):
            if answer.get(key):
                campaign[key] = answer[key]
        result['campaign'] = campaign
        result['diff']['after'] = {'status': campaign.get('status')}
        if campaign.get('campaignInstanceId'):
            result['campaign_instance_id'] = campaign['campaignInstanceId']
        return result

    def _result(self, plan, campaign):
        result = {'changed': plan.changed, 'msg': plan.msg, 'diff': plan.diff, 'actions': list(plan.actions)}
        if campaign:
            result['campaign'] = campaign
            if campaign.get('campaignInstanceId'):
                result['campaign_instance_id'] = campaign['campaignInstanceId']
        if self.check_mode and plan.changed:
            result['msg'] = '(check mode) ' + plan.msg.replace(' started (', ' would be started (') \
                .replace(' stopped (', ' would be stopped (').replace(' deleted', ' would be deleted')
        for warning in plan.warnings:
            self.warn(warning)
        return result

    # -- delete -----------------------------------------------------------------------------

    def ensure_absent(self, campaign, force=False, style='documented', api_version='v2', backup_dir=None,
                      summary=False):
        """Delete; summary=True when the campaign came from the list call, which is not the full object."""
        if campaign and summary and not self.check_mode:
            # Back up and return the full object, as GET shows it, not the list's summary.
            full = api.get_campaign(self.client, campaign['id'])
            if full is None:
                return self._result(lifecycle.plan_absent(None), None)
            campaign = dict(full, type=campaign['type'])
        plan = lifecycle.plan_absent(campaign or None, force)
        result = self._result(plan, campaign or None)
        if not plan.changed or self.check_mode:
            return result
        if backup_dir:
            result['backup_file'] = write_backup(backup_dir, campaign)
        for action in plan.actions:
            if action == lifecycle.STOP:
                # The API refuses to delete a running campaign, so the stop must settle first.
                self.stop(campaign, style, wait=True)
            elif action == lifecycle.DISABLE_SCHEDULE:
                self._schedule_write(campaign, None)
            elif action == lifecycle.DELETE:
                self._delete(campaign, api_version)
        return result

    def _delete(self, campaign, api_version):
        try:
            self._audited('delete campaign', campaign, 'deleted',
                          lambda: api.delete_campaign(self.client, campaign, campaign['type'], api_version))
        except KoreaiUnknownOutcome as exc:
            if self._read_back(exc, lambda: api.get_campaign(self.client, campaign['id'])) is not None:
                self._record('delete campaign', campaign, None, 'not applied (read back)')
                raise KoreaiError('%s. Reading it back shows the campaign still exists; the delete was not sent '
                                  'again. Run the task again to retry' % exc)
            self._record('delete campaign', campaign, 'deleted', 'applied (read back)')
            self.warn('%s; reading it back shows the campaign is gone, so the delete took effect' % exc)

    # -- schedules --------------------------------------------------------------------------

    def ensure_schedule(self, campaign, spec, replace=False):
        plan = lifecycle.plan_schedule(campaign, spec, replace)
        result = self._result(plan, None)
        result.update(campaign_id=campaign['id'], campaign_name=campaign.get('name'), schedule=plan.after)
        if not plan.changed or self.check_mode:
            return result
        answer = self._schedule_write(campaign, spec)
        if answer.get('message'):
            result['api_message'] = answer['message']
        return result

    def _schedule_write(self, campaign, spec):
        name = campaign['name']
        label = api.campaign_label(campaign)
        operation = 'disable schedule' if spec is None else 'enable schedule'
        try:
            if spec is None:
                return self._audited(operation, campaign, None, lambda: api.disable_schedule(self.client, name, label))
            return self._audited(operation, campaign, None, lambda: api.enable_schedule(self.client, name, spec, label))
        except KoreaiUnknownOutcome as exc:
            current = self._read_back(exc, lambda: api.get_campaign(self.client, campaign['id']))
            wanted = spec is not None
            if current is None or lifecycle.schedule_enabled(current) != wanted:
                self._record(operation, campaign, None, 'not applied (read back)')
                raise KoreaiError('%s. Reading it back shows the schedule is still %s; the request was not sent '
                                  'again. Run the task again to retry'
                                  % (exc, 'disabled' if wanted else 'enabled'))
            self._record(operation, campaign, current.get('status'), 'applied (read back)')
            self.warn('%s; reading it back shows the schedule is %s, so it took effect'
                      % (exc, 'enabled' if wanted else 'disabled'))
            return {}

    # -- audit trail ------------------------------------------------------------------------

    def _audited(self, operation, campaign, status_after, send):
        """Send one write and append its outcome to the audit trail, if one is kept."""
        try:
            answer = send()
        except KoreaiUnknownOutcome as exc:
            self._record(operation, campaign, None, 'unknown', detail=exc.detail)
            raise
        except KoreaiError as exc:
            self._record(operation, campaign, None, 'failed', detail=getattr(exc, 'detail', str(exc)))
            raise
        status = answer.get('status') if isinstance(answer, dict) and answer.get('status') != 'success' else None
        self._record(operation, campaign, status or status_after, 'success')
        return answer

    def _read_back(self, exc, read):
        """Read after a write with an unknown outcome; when the read fails too, say what was sent."""
        try:
            return read()
        except WaitTimeout:
            raise  # the read worked and shows the write did not take effect; the caller says so
        except KoreaiError as failure:
            raise KoreaiError('%s. Reading it back failed as well (%s). The request was not sent again; check the '
                              'campaign before running the task again' % (exc, failure))

    def _record(self, operation, campaign, status_after, outcome, detail=None):
        if outcome in ('success', 'applied (read back)'):
            self.accepted.append('%s %s' % (operation, api.campaign_label(campaign) or campaign.get('name')))
        if self.audit is not None:
            self.audit.record(operation, campaign, campaign.get('status'), status_after, outcome,
                              self.client.last_status, detail)

    # -- configuration (state=present) -------------------------------------------------------

    def ensure_present(self, campaign, campaign_type, name, spec, force=False, style='documented'):
        """Create the campaign, or update the options that differ (stopping and restarting with force)."""
        plan, full_spec = lifecycle.plan_present(campaign or None, campaign_type, spec, force)
        result = self._result(plan, campaign or None)
        if self.check_mode:
            result['msg'] = result['msg'].replace(' created', ' would be created').replace(' updated', ' would be updated')
        if not plan.changed or self.check_mode:
            return result
        body = campaign_config.body_from_spec(campaign_type, name or campaign['name'], full_spec)
        if lifecycle.CREATE in plan.actions:
            created = self._create(campaign_type, body)
            if self.wait and created.get('status') == lifecycle.PREPARING:
                created['status'] = self.wait_for(created, lambda s: s != lifecycle.PREPARING, 'Ready')
            result['campaign'] = created
            result['msg'] = 'campaign %s created' % api.campaign_label(created)
            return result
        campaign = dict(campaign, type=campaign_type)
        updated = campaign
        for action in plan.actions:
            if action == lifecycle.STOP:
                self.stop(campaign, style, wait=True)
                campaign['status'] = 'Stopped'
            elif action == lifecycle.UPDATE:
                updated = self._update(campaign, campaign_type, body, full_spec)
            elif action == lifecycle.START:
                answer = self.start(dict(updated, type=campaign_type), style)
                updated = dict(updated, status=answer.get('status') or 'Active')
        result['campaign'] = dict(campaign, **updated)
        return result

    def _create(self, campaign_type, body):
        placeholder = {'id': None, 'name': body['name'], 'type': campaign_type, 'status': None}
        try:
            return self._audited('create campaign', placeholder, 'created',
                                 lambda: api.create_campaign(self.client, campaign_type, body))
        except KoreaiUnknownOutcome as exc:
            found = self._read_back(exc, lambda: resolve_by_name(self.client, body['name'], [campaign_type]))
            if not found:
                self._record('create campaign', placeholder, None, 'not applied (read back)')
                raise KoreaiError('%s. Reading it back finds no campaign named %r; the request was not sent again. '
                                  'Run the task again to retry' % (exc, body['name']))
            self._record('create campaign', found, found.get('status'), 'applied (read back)')
            self.warn('%s; reading it back finds the campaign, so it was created' % exc)
            return found

    def _update(self, campaign, campaign_type, body, full_spec):
        try:
            return self._audited('update campaign', campaign, campaign.get('status'),
                                 lambda: api.update_campaign(self.client, campaign, campaign_type, body))
        except KoreaiUnknownOutcome as exc:
            current = self._read_back(exc, lambda: api.get_campaign(self.client, campaign['id']))
            if current is None or campaign_config.changed_fields(
                    campaign_config.spec_from_campaign(current, campaign_type), full_spec)[0]:
                self._record('update campaign', campaign, None, 'not applied (read back)')
                raise KoreaiError('%s. Reading it back shows the old settings; the request was not sent again. Run '
                                  'the task again to retry' % exc)
            self._record('update campaign', campaign, current.get('status'), 'applied (read back)')
            self.warn('%s; reading it back shows the new settings, so the update took effect' % exc)
            return current

    # -- contact lists ------------------------------------------------------------------------

    def ensure_contact_list(self, name, state, description=None, allow_duplicates=None, force=False):
        wanted = name.lower()
        matches = [c for c in api.list_contact_lists(self.client) if (c.get('name') or '').lower() == wanted]
        if len(matches) > 1:
            raise KoreaiError('contact list name %r matches %d lists (%s)'
                              % (name, len(matches), ', '.join(c['id'] for c in matches)))
        current = matches[0] if matches else None
        if current and allow_duplicates is not None and 'allowDuplicates' not in current:
            # The list call's entries leave the setting out; the list's own GET shows it.
            current = dict(current, **api.get_contact_list(self.client, current['id']))
        plan = lifecycle.plan_contact_list(current, state, description, allow_duplicates, force)
        result = self._result(plan, None)
        if current:
            result['contact_list'] = current
        if not plan.changed or self.check_mode:
            return result
        label = {'id': current['id'] if current else None, 'name': name, 'type': 'contact list', 'status': None}
        if lifecycle.CREATE in plan.actions:
            created = self._audited('create contact list', label, 'created', lambda: api.create_contact_list(
                self.client, name, description, bool(allow_duplicates)))
            result['contact_list'] = created
            result['msg'] = "contact list '%s' (%s) created" % (name, created.get('id'))
        elif lifecycle.UPDATE in plan.actions:
            self._audited('update contact list', label, None,
                          lambda: api.update_contact_list(self.client, current, plan.after))
            result['contact_list'] = dict(current, **plan.after)
        else:
            self._audited('delete contact list', label, 'deleted', lambda: api.delete_contact_list(self.client, current))
        return result

    # -- many campaigns at once -------------------------------------------------------------

    def bulk_run_state(self, campaign_types, desired, campaign_ids=None, names=None, name_pattern=None,
                       statuses=None, style='documented'):
        """Put every selected campaign into the desired run state.

        Statuses come from the list call (one request per 100 campaigns and type), writes go only
        where needed (paced by the client), and waiting polls the list call again instead of one
        status call per campaign. A failure on one campaign is reported and the rest go on."""
        listed = []
        server_filter = statuses if statuses and not campaign_ids and not names else None
        for campaign_type in campaign_types:
            listed.extend(api.list_campaigns(self.client, campaign_type, statuses=server_filter))
        selected, missing = lifecycle.select_campaigns(listed, campaign_ids, names, name_pattern, statuses)
        entries = [_entry({'id': key, 'name': None, 'type': None}, None, failed=True,
                          msg='no %s campaign matches %r' % (' or '.join(TYPE_NAMES[t] for t in campaign_types), key))
                   for key in missing]
        pending = []
        for campaign in selected:
            try:
                plan = lifecycle.plan_run_state(campaign, desired, wait=False)
            except lifecycle.PlanError as exc:
                entries.append(_entry(campaign, campaign.get('status'), failed=True, msg=str(exc)))
                continue
            entry = _entry(campaign, campaign.get('status'), changed=plan.changed, msg=plan.msg)
            entries.append(entry)
            if plan.changed:
                entry['status'] = plan.after['status']
                if self.check_mode:
                    entry['msg'] = '(check mode) would be %s' % ('started' if desired == 'started' else 'stopped')
                else:
                    pending.append((campaign, entry))
        trigger = 'play' if desired == 'started' else 'stop'
        unsure = []
        for campaign, entry in pending:
            try:
                answer = self._audited('%s campaign' % api.TRIGGER_ACTIONS[trigger], campaign, entry['status'],
                                       lambda c=campaign: api.trigger_campaign(self.client, c, c['type'], trigger, style))
                entry['status'] = answer.get('status') or entry['status']
            except KoreaiUnknownOutcome as exc:
                entry['msg'] = str(exc)
                unsure.append(entry)
            except KoreaiError as exc:
                entry.update(changed=False, failed=True, status=entry['status_before'], msg=str(exc))
        to_confirm = [e for campaign, e in pending if not e['failed']] if self.wait else unsure
        if to_confirm:
            self._bulk_confirm(to_confirm, desired, unsure)
        return _bulk_result(entries, desired, self.check_mode)

    def _bulk_confirm(self, entries, desired, unsure):
        """Poll the list call until every entry shows the wanted status, or time runs out."""
        timeout = self.wait_timeout if self.wait else min(self.wait_timeout, UNKNOWN_OUTCOME_WINDOW)
        started = self._clock()
        interval = POLL_FIRST
        waiting = dict((e['id'], e) for e in entries)
        types = sorted(set(e['type'] for e in entries))
        while waiting:
            seen = {}
            for campaign_type in types:
                for campaign in api.list_campaigns(self.client, campaign_type):
                    seen[campaign['id']] = campaign.get('status')
            for campaign_id, entry in list(waiting.items()):
                if campaign_id not in seen:
                    entry.update(failed=True, msg='campaign disappeared while waiting for it')
                    del waiting[campaign_id]
                elif lifecycle.reached(desired, seen[campaign_id]):
                    entry['status'] = seen[campaign_id]
                    if entry in unsure:
                        entry['msg'] += '; reading it back shows status %s, so it took effect' % seen[campaign_id]
                        self._record('%s campaign' % ('start' if desired == 'started' else 'stop'),
                                     dict(entry, status=entry['status_before']), seen[campaign_id],
                                     'applied (read back)')
                    del waiting[campaign_id]
            elapsed = self._clock() - started
            if waiting and elapsed + interval > timeout:
                for campaign_id, entry in waiting.items():
                    entry['status'] = seen.get(campaign_id)
                    if entry in unsure:
                        entry.update(failed=True, changed=False, msg=entry['msg'] + '; reading it back shows status '
                                     '%s, and the request was not sent again' % seen.get(campaign_id))
                    else:
                        entry.update(failed=True, msg='timed out after %.0f s waiting for it to become %s; last '
                                     'status seen: %s' % (elapsed, 'Active' if desired == 'started' else 'Stopped',
                                                          seen.get(campaign_id)))
                return
            if waiting:
                self._sleep(interval)
                interval = min(POLL_MAX, interval * 2)


def _entry(campaign, status, changed=False, failed=False, msg=''):
    return {'id': campaign.get('id'), 'name': campaign.get('name'), 'type': campaign.get('type'),
            'status_before': status, 'status': status, 'changed': changed, 'failed': failed, 'msg': msg}


def _bulk_result(entries, desired, check_mode):
    changed_ids = [e['id'] for e in entries if e['changed'] and not e['failed']]
    failed_ids = [e['id'] for e in entries if e['failed']]
    verb = 'started' if desired == 'started' else 'stopped'
    msg = '%s%d of %d campaigns %s%s' % ('(check mode) ' if check_mode else '', len(changed_ids), len(entries),
                                         ('would be ' + verb) if check_mode else verb,
                                         '; %d failed' % len(failed_ids) if failed_ids else '')
    return {'changed': bool(changed_ids), 'campaigns': entries, 'changed_ids': changed_ids,
            'failed_ids': failed_ids, 'msg': msg,
            'diff': {'before': dict((e['id'], e['status_before']) for e in entries if e['changed']),
                     'after': dict((e['id'], e['status']) for e in entries if e['changed'])}}


def write_backup(backup_dir, campaign):
    """Write the campaign object as JSON, owner-only, before it is deleted; return the file's path."""
    backup_dir = os.path.expanduser(backup_dir)
    os.makedirs(backup_dir, 0o700, exist_ok=True)  # forks may delete campaigns at once
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime('%Y%m%dT%H%M%S%fZ')
    slug = re.sub(r'[^A-Za-z0-9._-]+', '-', campaign.get('name') or 'campaign').strip('-')[:48] or 'campaign'
    path = os.path.join(backup_dir, '%s_%s_%s.json' % (slug, re.sub(r'[^A-Za-z0-9_-]', '', campaign['id']), stamp))
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, 'w') as handle:
        json.dump(campaign, handle, indent=2, sort_keys=True)
        handle.write('\n')
    return path
