# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Pure planning: (campaign as the API shows it, desired state) -> actions and diff. No I/O here.

Statuses (API reference section 4.1): Preparing -> Ready -> Active <-> Stopped/Paused -> Completed,
Scheduled/Rescheduled while a schedule is on.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils import campaign_config
from ansible_collections.koreai.campaign.plugins.module_utils.validate import (
    parse_datetime, format_api_datetime, normalize_days, ValidationError)

# Dialing or sending right now (Paused keeps its place in the contact list and can resume),
# so a stop is needed before the campaign counts as stopped, and a delete is refused.
RUNNING_STATUSES = ('Active', 'Paused')
# A schedule will run the campaign again; the API refuses a manual run then.
SCHEDULED_STATUSES = ('Scheduled', 'Rescheduled')
PREPARING = 'Preparing'

START = 'start'
STOP = 'stop'
AWAIT_READY = 'await_ready'
DISABLE_SCHEDULE = 'disable_schedule'
ENABLE_SCHEDULE = 'enable_schedule'
DELETE = 'delete'
CREATE = 'create'
UPDATE = 'update'


class PlanError(Exception):
    """The desired state cannot be reached from the current one without the user's say-so."""


class Plan:
    def __init__(self, actions, before, after, msg, warnings=None):
        self.actions = list(actions)
        self.before = before
        self.after = after
        self.msg = msg
        self.warnings = list(warnings or [])

    @property
    def changed(self):
        return bool(self.actions)

    @property
    def diff(self):
        return {'before': self.before, 'after': self.after}

    def __repr__(self):
        return 'Plan(actions=%r, msg=%r)' % (self.actions, self.msg)


def _label(campaign):
    return "'%s' (%s)" % (campaign.get('name'), campaign.get('id'))


def name_key(campaign):
    """A campaign's name as the API compares names: lower-cased, like its 'lname' field."""
    return campaign.get('lname') or (campaign.get('name') or '').lower()


def reached(desired, status):
    """Whether a status shows a start (desired 'started') or stop ('stopped') took effect.

    A short campaign may already be Completed when first read after its start."""
    if desired == 'started':
        return status in ('Active', 'Completed')
    return status not in RUNNING_STATUSES


def schedule_enabled(campaign):
    schedule = campaign.get('schedule') or {}
    return bool(schedule.get('isSchedulingEnabled')) or campaign.get('status') in SCHEDULED_STATUSES


def is_running(campaign):
    return campaign.get('status') in RUNNING_STATUSES


def plan_run_state(campaign, desired, wait=True):
    """Plan 'started' or 'stopped' for an existing campaign."""
    status = campaign.get('status')
    before = {'status': status}
    if desired == 'started':
        if status == 'Active':
            return Plan([], before, before, 'campaign %s is already Active' % _label(campaign))
        if status in SCHEDULED_STATUSES or (status not in RUNNING_STATUSES and schedule_enabled(campaign)):
            raise PlanError('campaign %s is %s and its schedule is on; Kore.ai refuses to run a scheduled '
                            'campaign by hand. Disable the schedule first with koreai.campaign.campaign_schedule '
                            'state=disabled, then start it' % (_label(campaign), status))
        actions = [START]
        if status == PREPARING:
            if not wait:
                raise PlanError('campaign %s is still Preparing and cannot start yet; set wait=true to wait until '
                                'it is Ready, or run again later' % _label(campaign))
            actions = [AWAIT_READY, START]
        return Plan(actions, before, {'status': 'Active'}, 'campaign %s started (was %s)' % (_label(campaign), status))
    if desired == 'stopped':
        if status in RUNNING_STATUSES:
            return Plan([STOP], before, {'status': 'Stopped'},
                        'campaign %s stopped (was %s)' % (_label(campaign), status))
        return Plan([], before, before, 'campaign %s is not running (status %s)' % (_label(campaign), status))
    raise ValueError('unknown run state %r' % (desired,))


def plan_absent(campaign, force=False):
    """Plan a delete. Running or scheduled campaigns need force, which stops and unschedules them first."""
    if campaign is None:
        return Plan([], {}, {}, 'campaign does not exist')
    running = is_running(campaign)
    scheduled = schedule_enabled(campaign)
    if (running or scheduled) and not force:
        what = 'is %s' % campaign.get('status') + (' and its schedule is on' if scheduled and running else '')
        if scheduled and not running:
            what = 'has its schedule on (status %s)' % campaign.get('status')
        raise PlanError('refusing to delete campaign %s: it %s. Stop it first (state=stopped%s), or set force=true '
                        'to stop it%s and then delete it'
                        % (_label(campaign), what,
                           ', and campaign_schedule state=disabled' if scheduled else '',
                           ' and disable its schedule' if scheduled else ''))
    actions = ([STOP] if running else []) + ([DISABLE_SCHEDULE] if scheduled else []) + [DELETE]
    return Plan(actions, campaign, {}, 'campaign %s deleted' % _label(campaign))


# -- schedules ------------------------------------------------------------------------------

def schedule_view(campaign):
    """The schedule as far as the API shows it: always 'enabled'; recurrence details only if returned."""
    schedule = campaign.get('schedule') or {}
    view = {'enabled': schedule_enabled(campaign)}
    recurrence = schedule.get('recurrenceObject')
    if view['enabled'] and schedule.get('startDateTime') and schedule.get('endDateTime') and \
            isinstance(recurrence, dict):
        try:
            view['start'] = format_api_datetime(parse_datetime(schedule['startDateTime'], 'schedule.startDateTime'))
            view['end'] = format_api_datetime(parse_datetime(schedule['endDateTime'], 'schedule.endDateTime'))
            kind = str(recurrence.get('recurType', '')).lower()
            if kind == 'weekly':
                details = recurrence.get('weeklyDetails') or {}
                view.update(recurrence='weekly', every=details.get('onceEveryNweeks'),
                            days=normalize_days(details.get('whichDays') or []))
            else:
                details = recurrence.get('dailyDetails') or {}
                view.update(recurrence=kind or None, every=details.get('onceEveryNdays'))
        except (ValidationError, TypeError, ValueError):
            # Unreadable details count as "not returned": the comparison falls back to the flag.
            view = {'enabled': True}
    return view


def has_schedule_details(view):
    return 'recurrence' in view


def plan_schedule(campaign, spec, replace=False):
    """Plan state=enabled (spec given) or state=disabled (spec None) for a campaign's schedule."""
    current = schedule_view(campaign)
    label = _label(campaign)
    if spec is None:
        if not current['enabled']:
            return Plan([], current, current, 'schedule of campaign %s is already disabled' % label)
        return Plan([DISABLE_SCHEDULE], current, {'enabled': False}, 'schedule of campaign %s disabled' % label)
    wanted = dict(spec, enabled=True)
    if not current['enabled']:
        return Plan([ENABLE_SCHEDULE], current, wanted, 'schedule of campaign %s enabled' % label)
    if has_schedule_details(current):
        if current == wanted:
            return Plan([], current, current, 'schedule of campaign %s already matches' % label)
        return Plan([ENABLE_SCHEDULE], current, wanted, 'schedule of campaign %s replaced' % label)
    if replace:
        return Plan([ENABLE_SCHEDULE], current, wanted,
                    'schedule of campaign %s replaced (replace=true)' % label)
    return Plan([], current, current, 'schedule of campaign %s is already enabled' % label, warnings=[
        'the API does not return the recurrence of campaign %s, so its schedule could not be compared with '
        'the one requested; it is enabled and was left as is. Set replace=true to send the requested schedule '
        'anyway' % label])


# -- selection for bulk operations -------------------------------------------------------------

def select_campaigns(campaigns, campaign_ids=None, names=None, name_pattern=None, statuses=None):
    """The campaigns matching every given filter, and the requested ids and names that matched none.

    name_pattern is a compiled regular expression searched in the name; names compare lower-cased.
    """
    wanted_ids = set(campaign_ids or [])
    wanted_names = set(n.lower() for n in (names or []))
    selected = []
    for campaign in campaigns:
        name = campaign.get('name') or ''
        if wanted_ids and campaign.get('id') not in wanted_ids:
            continue
        if wanted_names and name_key(campaign) not in wanted_names:
            continue
        if name_pattern is not None and not name_pattern.search(name):
            continue
        if statuses and campaign.get('status') not in statuses:
            continue
        selected.append(campaign)
    found_ids = set(c.get('id') for c in campaigns)
    found_names = set(name_key(c) for c in campaigns)
    missing = sorted(wanted_ids - found_ids) + sorted(n for n in (names or []) if n.lower() not in found_names)
    return selected, missing


# -- configuration (state=present) ---------------------------------------------------------------

def plan_present(campaign, campaign_type, spec, force=False):
    """Create a missing campaign, or update only the options that differ; the API needs the whole body.

    Returns the plan and the complete spec to send (None when nothing is sent)."""
    if not campaign:
        campaign_config.check_complete(campaign_type, spec)
        return Plan([CREATE], {}, dict(spec), 'campaign created'), spec
    current = campaign_config.spec_from_campaign(campaign, campaign_type)
    changed, unreadable = campaign_config.changed_fields(current, spec)
    warnings = []
    if unreadable:
        one = len(unreadable) == 1
        text = ('the API does not return %s of campaign %s, so %s could not be compared and %s sent only when '
                'another option changes')
        warnings.append(text % (', '.join(unreadable), _label(campaign), 'it' if one else 'they',
                                'is' if one else 'are'))
    if not changed:
        view = dict((k, current[k]) for k in spec if k in current)
        return Plan([], view, view, 'campaign %s already matches' % _label(campaign), warnings), None
    merged = dict(current, **spec)
    campaign_config.check_complete(campaign_type, merged)
    actions = [UPDATE]
    if is_running(campaign):
        if not force:
            raise PlanError('campaign %s is %s and Kore.ai does not allow editing a running campaign; stop it first '
                            '(state=stopped), or set force=true to stop it, update it and start it again'
                            % (_label(campaign), campaign.get('status')))
        actions = [STOP, UPDATE, START]
    before = dict((k, current.get(k)) for k in changed)
    after = dict((k, spec[k]) for k in changed)
    return Plan(actions, before, after, 'campaign %s updated (%s)' % (_label(campaign), ', '.join(changed)),
                warnings), merged


# -- contact lists -------------------------------------------------------------------------------

def contact_list_users(contact_list):
    users = contact_list.get('campaignInUse') or []
    return [u.get('name') or u.get('id') for u in users if isinstance(u, dict)] or \
        (['(campaigns not named by the API)'] if contact_list.get('isListInUse') else [])


def plan_contact_list(current, state, description=None, allow_duplicates=None, force=False):
    """Create, update (description, allowDuplicates) or delete one contact list found by name."""
    if state == 'absent':
        if not current:
            return Plan([], {}, {}, 'contact list does not exist')
        users = contact_list_users(current)
        if users and not force:
            raise PlanError("refusing to delete contact list '%s' (%s): campaigns still use it (%s). Remove it from "
                            'them first, or set force=true' % (current.get('name'), current.get('id'), ', '.join(users)))
        return Plan([DELETE], current, {}, "contact list '%s' deleted" % current.get('name'))
    wanted = dict((k, v) for k, v in (('description', description), ('allowDuplicates', allow_duplicates))
                  if v is not None)
    if not current:
        if description is None:
            raise PlanError('creating a contact list needs description (at most 256 characters)')
        return Plan([CREATE], {}, wanted, 'contact list created')
    changed = dict((k, v) for k, v in wanted.items() if current.get(k) != v)
    if 'allowDuplicates' in changed:
        raise PlanError("contact list '%s' (%s) has allow_duplicates=%s, and the API's update takes only the name "
                        'and description; delete and re-create the list to change it'
                        % (current.get('name'), current.get('id'), str(bool(current.get('allowDuplicates'))).lower()))
    if not changed:
        view = dict((k, current.get(k)) for k in wanted)
        return Plan([], view, view, "contact list '%s' already matches" % current.get('name'))
    return Plan([UPDATE], dict((k, current.get(k)) for k in changed), changed,
                "contact list '%s' updated (%s)" % (current.get('name'), ', '.join(sorted(changed))))
