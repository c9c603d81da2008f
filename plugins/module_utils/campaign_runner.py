# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Carries out one campaign's plans (campaign_plan.py): start, stop, delete, create and update, each
write through Runner.write with the read that decides a lost answer, and waits through Runner.poll.
Nothing is sent in check mode."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils import api_campaigns, campaign_config
from ansible_collections.koreai.campaign.plugins.module_utils.api import campaign_label
from ansible_collections.koreai.campaign.plugins.module_utils.backup import write_backup
from ansible_collections.koreai.campaign.plugins.module_utils.campaign_plan import (
    plan_absent, plan_present, plan_run_state)
from ansible_collections.koreai.campaign.plugins.module_utils.campaign_status import (
    PREPARING, SCHEDULED_STATUSES, is_active, reached, status_is)
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiError, WaitTimeout
from ansible_collections.koreai.campaign.plugins.module_utils.lookup import campaign_by_name
from ansible_collections.koreai.campaign.plugins.module_utils.plan import (
    AWAIT_READY, CREATE, DELETE, DISABLE_SCHEDULE, START, STOP, UPDATE)
from ansible_collections.koreai.campaign.plugins.module_utils.runner import Converged, Found
from ansible_collections.koreai.campaign.plugins.module_utils.schedule_runner import check_schedule_name, write_schedule

TRIGGER_WANTED = {'play': ('started', 'Active'), 'stop': ('stopped', 'Stopped')}


def not_preparing(status):
    return not status_is(status, PREPARING)


def wait_for_status(run, campaign, accept, wanted, timeout=None):
    """Poll the status call until accept(status); fail with the last status seen."""
    def read():
        current = api_campaigns.campaign_status(run.client, campaign['id'])
        if current is None:
            raise KoreaiError('campaign %s disappeared while waiting for it to become %s'
                              % (campaign_label(campaign), wanted))
        return current.get('status')

    polled = run.poll(read, accept, timeout)
    if not polled.done:
        raise WaitTimeout('timed out after %.0f s waiting for campaign %s to become %s; last status seen: %s'
                          % (polled.elapsed, campaign_label(campaign), wanted, polled.value))
    return polled.value


# -- run state ------------------------------------------------------------------------------

def trigger(run, campaign, action, style, wait):
    """Send one start (action 'play') or stop; a lost answer is decided by reading the status back."""
    desired, wanted = TRIGGER_WANTED[action]

    def accept(status):
        return reached(desired, status)

    read_back_status = []  # set when a lost answer was read back: that read already waited

    def read_back():
        try:
            status = wait_for_status(run, campaign, accept, wanted, timeout=run.read_back_window(wait))
        except WaitTimeout as timeout:
            return Found(False, 'Reading the campaign back: %s' % timeout)
        read_back_status.append(status)
        return Found(True, 'reading it back shows status %s, so it took effect' % status, status, {'status': status})

    def converged():
        current = api_campaigns.campaign_status(run.client, campaign['id'])
        status = current.get('status') if current else None
        if current is not None and accept(status):
            return Found(True, 'reading it back shows status %s' % status, status)
        return Found(False, 'Reading it back shows status %s' % status)

    answer = run.write('%s campaign' % api_campaigns.TRIGGER_ACTIONS[action], campaign,
                       lambda: api_campaigns.trigger_campaign(run.client, campaign, campaign['type'], action, style),
                       read_back, status_after=wanted, converged=converged)
    if read_back_status or isinstance(answer, Converged):
        return answer
    if not isinstance(answer, dict):
        # Accepted (HTTP 2xx), but not an answer the API documents (say [1]): what the campaign shows
        # decides, not the answer.
        run.warn('the API answered the %s of campaign %s with %s, not a JSON object; reading its status instead'
                 % (api_campaigns.TRIGGER_ACTIONS[action], campaign_label(campaign), _shape(answer)))
        answer = {}
        if not wait:
            return {'status': wait_for_status(run, campaign, lambda status: True, wanted)}
    status = answer.get('status') if isinstance(answer.get('status'), str) else None
    if wait:
        status = wait_for_status(run, campaign, accept, wanted)
    return dict(answer, status=status or wanted)


def _shape(answer):
    text = repr(answer)
    return text if len(text) <= 40 else text[:37] + '...'


def start(run, campaign, style, wait=None):
    return trigger(run, campaign, 'play', style, run.wait if wait is None else wait)


def stop(run, campaign, style, wait=None):
    return trigger(run, campaign, 'stop', style, run.wait if wait is None else wait)


def ensure_run_state(run, campaign, desired, style='documented'):
    plan = plan_run_state(campaign, desired, wait=run.wait)
    result = _campaign_result(run, plan, campaign)
    if not plan.changed or run.check_mode:
        return result
    answer = {}
    for action in plan.actions:
        if action == AWAIT_READY:
            status = wait_for_status(run, campaign, not_preparing, 'Ready')
            campaign['status'] = status
            if status_is(status, *SCHEDULED_STATUSES) or is_active(status):
                # Became scheduled or started by someone else while preparing: plan again.
                return ensure_run_state(run, campaign, desired, style)
        elif action == START:
            if campaign.get('status') != 'Paused':
                # A start after a stop or an end is a new run: the instance id read before it is the
                # previous run's. Only the start's answer (voice gives it; SMS does not) can name the new one.
                campaign = dict(campaign)
                campaign.pop('campaignInstanceId', None)
                result.pop('campaign_instance_id', None)
            answer = start(run, campaign, style)
        elif action == STOP:
            answer = stop(run, campaign, style)
    if isinstance(answer, Converged):
        # Another run (or a stale read) got there first: nothing of ours changed it.
        result.update(changed=False, msg='campaign %s is already %s; nothing sent again (%s)'
                      % (campaign_label(campaign), answer.get('status'), answer.words))
    return _finish(result, campaign, answer)


def _campaign_result(run, plan, campaign):
    result = run.result(plan, campaign=campaign or None)
    if campaign and campaign.get('campaignInstanceId'):
        result['campaign_instance_id'] = campaign['campaignInstanceId']
    return result


def _finish(result, campaign, answer):
    campaign = dict(campaign)
    for key in ('status', 'updatedAt', 'campaignInstanceId', 'campaignExecutionType'):
        if answer.get(key):
            campaign[key] = answer[key]
    result['campaign'] = campaign
    result['diff']['after'] = {'status': campaign.get('status')}
    if campaign.get('campaignInstanceId'):
        result['campaign_instance_id'] = campaign['campaignInstanceId']
    return result


# -- delete -----------------------------------------------------------------------------------

def ensure_absent(run, campaign, force=False, style='documented', api_version='v2', backup_dir=None):
    """Delete the campaign (the full object, see lookup.resolve_campaign), backing it up first."""
    plan = plan_absent(campaign or None, force)
    result = _campaign_result(run, plan, campaign or None)
    if not plan.changed or run.check_mode:
        return result
    if DISABLE_SCHEDULE in plan.actions:
        # Before any write: the schedule write names the campaign only by its name.
        check_schedule_name(run, campaign)
    if backup_dir:
        result['backup_file'] = write_backup(backup_dir, campaign)
    for action in plan.actions:
        if action == STOP:
            # The API refuses to delete a running campaign, so the stop must settle first.
            stop(run, campaign, style, wait=True)
        elif action == DISABLE_SCHEDULE:
            write_schedule(run, campaign, None)
        elif action == DELETE:
            delete(run, campaign, api_version)
    return result


def delete(run, campaign, api_version):
    def read_back():
        if api_campaigns.get_campaign(run.client, campaign['id']) is not None:
            return Found(False, 'Reading it back shows the campaign still exists')
        return Found(True, 'reading it back shows the campaign is gone, so the delete took effect', 'deleted')

    run.write('delete campaign', campaign,
              lambda: api_campaigns.delete_campaign(run.client, campaign, campaign['type'], api_version),
              read_back, status_after='deleted')


# -- configuration (state=present) -------------------------------------------------------------

def ensure_present(run, campaign, campaign_type, name, spec, force=False, style='documented'):
    """Create the campaign, or update the options that differ (stopping and restarting with force)."""
    plan = plan_present(campaign or None, campaign_type, spec, force)
    result = _campaign_result(run, plan, campaign or None)
    if not plan.changed or run.check_mode:
        return result
    body = campaign_config.body_from_spec(campaign_type, name or campaign['name'], plan.payload)
    if CREATE in plan.actions:
        created = create(run, campaign_type, body)
        if run.wait and status_is(created.get('status'), PREPARING):
            created['status'] = wait_for_status(run, created, not_preparing, 'Ready')
        result['campaign'] = created
        result['msg'] = 'campaign %s created' % campaign_label(created)
        return result
    campaign = dict(campaign, type=campaign_type)
    updated = campaign
    for action in plan.actions:
        if action == STOP:
            stop(run, campaign, style, wait=True)
            campaign['status'] = 'Stopped'
        elif action == UPDATE:
            updated = update(run, campaign, campaign_type, body, plan.payload)
        elif action == START:
            answer = start(run, dict(updated, type=campaign_type), style)
            updated = dict(updated, status=answer.get('status') or 'Active')
    result['campaign'] = dict(campaign, **updated)
    return result


def create(run, campaign_type, body):
    placeholder = {'id': None, 'name': body['name'], 'type': campaign_type, 'status': None}

    def read_back():
        found = campaign_by_name(run.client, body['name'], [campaign_type])
        if not found:
            return Found(False, 'Reading it back finds no campaign named %r' % body['name'])
        return Found(True, 'reading it back finds the campaign, so it was created', found.get('status'), found,
                     subject=found)

    return run.write('create campaign', placeholder,
                     lambda: api_campaigns.create_campaign(run.client, campaign_type, body), read_back,
                     status_after='created')


def update(run, campaign, campaign_type, body, full_spec):
    def read_back():
        current = api_campaigns.get_campaign(run.client, campaign['id'])
        if current is None or campaign_config.changed_fields(
                campaign_config.spec_from_campaign(current, campaign_type), full_spec)[0]:
            return Found(False, 'Reading it back shows the old settings')
        return Found(True, 'reading it back shows the new settings, so the update took effect', current.get('status'),
                     current)

    return run.write('update campaign', campaign,
                     lambda: api_campaigns.update_campaign(run.client, campaign, campaign_type, body), read_back,
                     status_after=campaign.get('status'))
