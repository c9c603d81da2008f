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
# so a stop is needed before the campaign counts as stopped, and a delete is refused.
RUNNING_STATUSES = ('Active', 'Paused')
# A schedule will run the campaign again; the API refuses a manual run then.
SCHEDULED_STATUSES = ('Scheduled', 'Rescheduled')
PREPARING = 'Preparing'
TYPE_NAMES = {'voice': 'voice', 'sms': 'SMS'}
TYPE_MODULES = {'voice': 'koreai.campaign.voice_campaign', 'sms': 'koreai.campaign.sms_campaign'}


def label(campaign):
    """How plans name a campaign: 'Name' (cd-...)."""
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
