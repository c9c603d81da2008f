# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""What a campaign's status and fields mean, in one place: running, scheduled, a transition reached,
how names compare. Pure.

Statuses (API reference sections 4.1 and 8.5): Preparing -> Ready -> Active <-> Stopped/Paused ->
Completed, Scheduled/Rescheduled while a schedule is on."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

# Dialing or sending right now (Paused keeps its place in the contact list and can resume),
# so a stop is needed before the campaign counts as stopped, and a delete is refused. These are the
# documented spellings, as the list call's status filter takes them.
RUNNING_STATUSES = ('Active', 'Paused')
# A schedule will run the campaign again; the API refuses a manual run then.
SCHEDULED_STATUSES = ('Scheduled', 'Rescheduled')
PREPARING = 'Preparing'
TYPE_NAMES = {'voice': 'voice', 'sms': 'SMS'}
TYPE_MODULES = {'voice': 'koreai.campaign.voice_campaign', 'sms': 'koreai.campaign.sms_campaign'}

# Statuses compare without case (section 8.5: the release notes write them in lower case). The UI's
# "Rerun" and (SMS) "Run as Emergency" are runs in progress, as is a "Running" some variants show.
ACTIVE_KEYS = ('active', 'running', 'rerun', 'run as emergency')
RUNNING_KEYS = ACTIVE_KEYS + ('paused',)
SCHEDULED_KEYS = ('scheduled', 'rescheduled')
KNOWN_KEYS = RUNNING_KEYS + SCHEDULED_KEYS + ('preparing', 'ready', 'stopped', 'completed')


def label(campaign):
    """How plans name a campaign: 'Name' (cd-...)."""
    return "'%s' (%s)" % (campaign.get('name'), campaign.get('id'))


def name_key(campaign):
    """A campaign's name as the API compares names: lower-cased, like its 'lname' field."""
    return campaign.get('lname') or (campaign.get('name') or '').lower()


def status_key(status):
    """A status as statuses compare: stripped and lower-cased; '' for none."""
    return status.strip().lower() if isinstance(status, str) else ''


def status_is(status, *documented):
    """Whether status is one of the documented statuses given, in any case."""
    return status_key(status) in [status_key(s) for s in documented]


def unknown_status(status):
    """A status the collection does not know (not a missing one): it may mean running, so it is
    treated as possibly running (stopped before a delete, never taken for stopped)."""
    key = status_key(status)
    return bool(key) and key not in KNOWN_KEYS


def is_active(status):
    """Known to be running right now, not paused (Active, running, Rerun, Run as Emergency)."""
    return status_key(status) in ACTIVE_KEYS


def running_or_unknown(status):
    """Running, paused, or a status not known to mean otherwise."""
    return status_key(status) in RUNNING_KEYS or unknown_status(status)


def reached(desired, status):
    """Whether a status shows a start (desired 'started') or stop ('stopped') took effect.

    A short campaign may already be Completed when first read after its start. An unknown status
    is not taken for stopped. A missing status (nothing read) counts as not running."""
    if desired == 'started':
        return is_active(status) or status_key(status) == 'completed'
    return not running_or_unknown(status)


def schedule_enabled(campaign):
    schedule = campaign.get('schedule') or {}
    return bool(schedule.get('isSchedulingEnabled')) or status_key(campaign.get('status')) in SCHEDULED_KEYS


def is_running(campaign):
    """Running or paused, or in a status not known to mean otherwise (see unknown_status)."""
    return running_or_unknown(campaign.get('status'))


def unknown_status_warning(campaign):
    """The warning for a campaign whose status is unknown; None when the status is known."""
    status = campaign.get('status')
    if not unknown_status(status):
        return None
    return ('campaign %s has the status %r, which this collection does not know; it is treated as possibly '
            'running' % (label(campaign), status))
