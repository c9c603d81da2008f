# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Pure planning for one campaign: (campaign as the API shows it, desired state) -> Plan. No I/O.

Run state (started, stopped), delete (absent) and configuration (present); schedules are planned in
schedule.py, contact lists in contact_list_plan.py."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils import campaign_config
from ansible_collections.koreai.campaign.plugins.module_utils.campaign_status import (
    PREPARING, SCHEDULED_STATUSES, is_active, is_running, label, schedule_enabled, status_is, unknown_status,
    unknown_status_warning)
from ansible_collections.koreai.campaign.plugins.module_utils.plan import (
    AWAIT_READY, CREATE, DELETE, DISABLE_SCHEDULE, START, STOP, UPDATE, change, no_change)
from ansible_collections.koreai.campaign.plugins.module_utils.errors import PlanError


def plan_run_state(campaign, desired, wait=True):
    """Plan 'started' or 'stopped' for an existing campaign."""
    status = campaign.get('status')
    before = {'status': status}
    subject = 'campaign %s' % label(campaign)
    warning = unknown_status_warning(campaign)
    warnings = [warning] if warning else None
    if desired == 'started':
        if is_active(status):
            return no_change(before, '%s is already %s' % (subject, status))
        if status_is(status, *SCHEDULED_STATUSES) or (not is_running(campaign) and schedule_enabled(campaign)):
            raise PlanError('campaign %s is %s and its schedule is on; Kore.ai refuses to run a scheduled '
                            'campaign by hand. Disable the schedule first with koreai.campaign.campaign_schedule '
                            'state=disabled, then start it' % (label(campaign), status))
        if unknown_status(status):
            raise PlanError('campaign %s has the status %r, which this collection does not know, so it cannot tell '
                            'whether the campaign is running; check it in the Kore.ai UI, or stop it first '
                            '(state=stopped), then start it' % (label(campaign), status))
        actions = [START]
        if status_is(status, PREPARING):
            if not wait:
                raise PlanError('campaign %s is still Preparing and cannot start yet; set wait=true to wait until '
                                'it is Ready, or run again later' % label(campaign))
            actions = [AWAIT_READY, START]
        return change(actions, before, {'status': 'Active'}, subject, 'started', 'would be started',
                      ' (was %s)' % status)
    if desired == 'stopped':
        # An unknown status may be a run in progress: stopping it is the safe side (the API refuses a
        # stop of a campaign that is not running, which the runner takes as converged).
        if is_running(campaign):
            return change([STOP], before, {'status': 'Stopped'}, subject, 'stopped', 'would be stopped',
                          ' (was %s)' % status, warnings)
        return no_change(before, '%s is not running (status %s)' % (subject, status))
    raise ValueError('unknown run state %r' % (desired,))


def plan_absent(campaign, force=False):
    """Plan a delete. Running or scheduled campaigns need force, which stops and unschedules them first."""
    if campaign is None:
        return no_change({}, 'campaign does not exist')
    running = is_running(campaign)
    scheduled = schedule_enabled(campaign)
    if (running or scheduled) and not force:
        what = 'is %s' % campaign.get('status') + (' and its schedule is on' if scheduled and running else '')
        if unknown_status(campaign.get('status')):
            what += ', a status this collection does not know, so it may be running'
        if scheduled and not running:
            what = 'has its schedule on (status %s)' % campaign.get('status')
        raise PlanError('refusing to delete campaign %s: it %s. Stop it first (state=stopped%s), or set force=true '
                        'to stop it%s and then delete it'
                        % (label(campaign), what,
                           ', and campaign_schedule state=disabled' if scheduled else '',
                           ' and disable its schedule' if scheduled else ''))
    actions = ([STOP] if running else []) + ([DISABLE_SCHEDULE] if scheduled else []) + [DELETE]
    return change(actions, campaign, {}, 'campaign %s' % label(campaign), 'deleted', 'would be deleted')


def plan_present(campaign, campaign_type, spec, force=False):
    """Create a missing campaign, or update only the options that differ; the API needs the whole body.

    The plan's payload is the complete spec to send (None when nothing is sent)."""
    if not campaign:
        campaign_config.check_complete(campaign_type, spec)
        return change([CREATE], {}, dict(spec), 'campaign', 'created', 'would be created', payload=spec)
    current = campaign_config.spec_from_campaign(campaign, campaign_type)
    changed, unreadable = campaign_config.changed_fields(current, spec)
    warnings = []
    if unreadable:
        one = len(unreadable) == 1
        text = ('the API does not return %s of campaign %s, so %s could not be compared and %s sent only when '
                'another option changes')
        warnings.append(text % (', '.join(unreadable), label(campaign), 'it' if one else 'they',
                                'is' if one else 'are'))
    if not changed:
        view = dict((k, current[k]) for k in spec if k in current)
        return no_change(view, 'campaign %s already matches' % label(campaign), warnings)
    merged = dict(current, **spec)
    campaign_config.check_complete(campaign_type, merged)
    actions = [UPDATE]
    if is_running(campaign):
        if not force:
            raise PlanError('campaign %s is %s and Kore.ai does not allow editing a running campaign; stop it first '
                            '(state=stopped), or set force=true to stop it, update it and start it again'
                            % (label(campaign), campaign.get('status')))
        actions = [STOP, UPDATE, START]
    before = dict((k, current.get(k)) for k in changed)
    after = dict((k, spec[k]) for k in changed)
    return change(actions, before, after, 'campaign %s' % label(campaign), 'updated', 'would be updated',
                  ' (%s)' % ', '.join(changed), warnings, payload=merged)
