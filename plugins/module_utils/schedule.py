# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""A campaign's schedule, all in one place: the module options -> a normalised spec (schedule_spec),
the spec -> the enable-schedule body (schedule_body), the campaign object -> the same spec as far as
the API shows it (schedule_view), and the plan that compares them (plan_schedule). Pure; no I/O.

Kore.ai addresses schedules by campaign name, sends and shows times as UTC wall-clock time, and
replaces the existing schedule when one is enabled (API reference section 8.1)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime

from ansible_collections.koreai.campaign.plugins.module_utils.campaign_status import label, schedule_enabled
from ansible_collections.koreai.campaign.plugins.module_utils.errors import ValidationError
from ansible_collections.koreai.campaign.plugins.module_utils.plan import (
    DISABLE_SCHEDULE, ENABLE_SCHEDULE, change, no_change)
from ansible_collections.koreai.campaign.plugins.module_utils.validate import UTC, format_api_datetime, parse_datetime
from ansible_collections.koreai.campaign.plugins.module_utils.weekdays import SCHEDULE_DAYS, weekday_number


def normalize_day(value):
    number = weekday_number(value)
    if number is None:
        raise ValidationError("days contains %r, which is not a day of the week; write one of mon, tue, wed, thu, "
                              "fri, sat, sun (full names and any case are accepted)" % (value,))
    return SCHEDULE_DAYS[number]


def normalize_days(values):
    """Unique days in week order, spelled as the schedule API wants them (Mon..Sun)."""
    days = set(normalize_day(v) for v in values)
    return [d for d in SCHEDULE_DAYS if d in days]


# -- options -> spec ----------------------------------------------------------------------------

def schedule_spec(state, recurrence=None, every=None, days=None, start=None, end=None, now=None):
    """Validate campaign_schedule options; return the normalised spec (None for state=disabled)."""
    given = dict((k, v) for k, v in (('recurrence', recurrence), ('every', every), ('days', days),
                                     ('start', start), ('end', end)) if v not in (None, []))
    if state == 'disabled':
        if given:
            raise ValidationError('state=disabled takes no schedule options, but %s %s given; remove %s'
                                  % (', '.join(sorted(given)), 'was' if len(given) == 1 else 'were',
                                     'it' if len(given) == 1 else 'them'))
        return None
    missing = [name for name in ('recurrence', 'start', 'end') if name not in given]
    if missing:
        raise ValidationError('state=enabled needs %s; for example recurrence=daily start="2026-01-27 18:29:00" '
                              'end="2026-02-27 18:29:00"' % ' and '.join(missing))
    if recurrence not in ('daily', 'weekly'):
        raise ValidationError('recurrence=%r is not supported; write daily or weekly' % (recurrence,))
    if every is None:
        every = 1
    if isinstance(every, bool) or not isinstance(every, int) or every < 1:
        raise ValidationError('every=%r must be a whole number of at least 1 (1 = every day or week, '
                              '2 = every other ...)' % (every,))
    if recurrence == 'weekly':
        if not days:
            raise ValidationError('recurrence=weekly needs days, for example days=[mon, wed, fri]')
        days = normalize_days(days)
    elif days:
        raise ValidationError('days applies only to recurrence=weekly; remove days or set recurrence=weekly')
    start_at = parse_datetime(start, 'start')
    end_at = parse_datetime(end, 'end')
    now = now or datetime.datetime.now(UTC)
    if end_at <= start_at:
        raise ValidationError('end (%s UTC) must be later than start (%s UTC)'
                              % (format_api_datetime(end_at), format_api_datetime(start_at)))
    if end_at <= now:
        raise ValidationError('end (%s UTC) is in the past; the API needs an end later than now (%s UTC)'
                              % (format_api_datetime(end_at), format_api_datetime(now)))
    spec = {'recurrence': recurrence, 'every': every, 'start': format_api_datetime(start_at),
            'end': format_api_datetime(end_at)}
    if recurrence == 'weekly':
        spec['days'] = days
    return spec


# -- spec -> wire ------------------------------------------------------------------------------

def schedule_body(spec):
    """The enable-schedule body for a validated spec."""
    if spec['recurrence'] == 'weekly':
        recurrence = {'recurType': 'Weekly',
                      'weeklyDetails': {'onceEveryNweeks': spec['every'], 'whichDays': list(spec['days'])}}
    else:
        recurrence = {'recurType': 'Daily', 'dailyDetails': {'onceEveryNdays': spec['every']}}
    return {'startDateTime': spec['start'], 'endDateTime': spec['end'], 'recurrenceObject': recurrence}


# -- wire -> spec, and the plan -----------------------------------------------------------------

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
    subject = 'schedule of campaign %s' % label(campaign)
    if spec is None:
        if not current['enabled']:
            return no_change(current, '%s is already disabled' % subject)
        return change([DISABLE_SCHEDULE], current, {'enabled': False}, subject, 'disabled', 'would be disabled')
    wanted = dict(spec, enabled=True)
    if not current['enabled']:
        return change([ENABLE_SCHEDULE], current, wanted, subject, 'enabled', 'would be enabled')
    if has_schedule_details(current):
        if current == wanted:
            return no_change(current, '%s already matches' % subject)
        return change([ENABLE_SCHEDULE], current, wanted, subject, 'replaced', 'would be replaced')
    if replace:
        return change([ENABLE_SCHEDULE], current, wanted, subject, 'replaced', 'would be replaced', ' (replace=true)')
    return no_change(current, '%s is already enabled' % subject, warnings=[
        'the API does not return the recurrence of campaign %s, so its schedule could not be compared with '
        'the one requested; it is enabled and was left as is. Set replace=true to send the requested schedule '
        'anyway' % label(campaign)])
