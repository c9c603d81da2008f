# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Pure: the checks before a campaign starts, each a rule over what the API shows (the campaign, the
account's contact lists, the account's campaigns) and now. Every failed check names the campaign,
the rule and what to change. No I/O.

The limits are the UI guide's (API reference section 8.2): one DNC list per voice campaign, now
mandatory (8.1); two campaigns cannot run at the same time on the same contact list; up to 50 voice
campaigns run at once; contacts outside the calling hours are skipped."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime

try:
    import zoneinfo
except ImportError:  # Python 3.8: the calling-hours rule says it cannot check
    zoneinfo = None

from ansible_collections.koreai.campaign.plugins.module_utils.campaign_config import normalize_time
from ansible_collections.koreai.campaign.plugins.module_utils.campaign_status import is_running, label, schedule_enabled
from ansible_collections.koreai.campaign.plugins.module_utils.errors import ValidationError
from ansible_collections.koreai.campaign.plugins.module_utils.validate import UTC, parse_datetime
from ansible_collections.koreai.campaign.plugins.module_utils.weekdays import weekday_number

MAX_ACTIVE_VOICE = 50
RULES = ('dnc_list', 'contact_lists', 'contact_list_in_use', 'voice_limit', 'calling_hours', 'schedule_end')


class Check:
    def __init__(self, rule, passed, message):
        self.rule = rule
        self.passed = passed
        self.message = message

    def as_dict(self):
        return {'rule': self.rule, 'passed': self.passed, 'message': self.message}


def _lists_by_name(contact_lists):
    return dict(((c.get('name') or '').lower(), c) for c in contact_lists)


def _count(contact_list):
    total = contact_list.get('totalRecordCount')
    return total if isinstance(total, int) and not isinstance(total, bool) else None


def check_dnc_list(campaign, contact_lists):
    name = (campaign.get('dncLists') or {}).get('name') if isinstance(campaign.get('dncLists'), dict) else None
    who = 'campaign %s' % label(campaign)
    if campaign.get('type') != 'voice':
        return Check('dnc_list', True, '%s is an SMS campaign; a DNC list is optional' % who)
    if not name:
        return Check('dnc_list', False, '%s has no DNC list, which Kore.ai requires for voice campaigns; set dnc_list '
                                        'with koreai.campaign.voice_campaign state=present' % who)
    found = _lists_by_name(contact_lists).get(name.lower())
    if found is None:
        return Check('dnc_list', False, "%s names the DNC list '%s', which does not exist; create it with "
                                        'koreai.campaign.contact_list and load it with koreai.campaign.contacts'
                     % (who, name))
    if _count(found) == 0:
        return Check('dnc_list', False, "%s has the DNC list '%s', which is empty; load its numbers with "
                                        'koreai.campaign.contacts' % (who, name))
    return Check('dnc_list', True, "%s has the DNC list '%s' with %s numbers" % (who, name, _count(found)))


def check_contact_lists(campaign, contact_lists):
    names = [str(n) for n in campaign.get('contactLists') or []]
    who = 'campaign %s' % label(campaign)
    if not names:
        return Check('contact_lists', False, '%s has no contact list; set contact_lists with state=present' % who)
    by_name = _lists_by_name(contact_lists)
    missing = [n for n in names if n.lower() not in by_name]
    empty = [n for n in names if n.lower() in by_name and _count(by_name[n.lower()]) == 0]
    if missing or empty:
        parts = []
        if missing:
            parts.append('does not exist: %s (create with koreai.campaign.contact_list)' % ', '.join(
                "'%s'" % n for n in missing))
        if empty:
            parts.append('is empty: %s (load contacts with koreai.campaign.contacts)' % ', '.join(
                "'%s'" % n for n in empty))
        return Check('contact_lists', False, '%s cannot call anyone: its contact list %s' % (who, '; '.join(parts)))
    plural = '' if len(names) == 1 else 's'
    return Check('contact_lists', True, '%s has %d contact list%s, none empty' % (who, len(names), plural))


def check_contact_list_in_use(campaign, contact_lists, campaigns):
    """No other running campaign may use one of the campaign's contact lists."""
    names = set(str(n).lower() for n in campaign.get('contactLists') or [])
    running = dict((c.get('id'), c) for c in campaigns if is_running(c) and c.get('id') != campaign.get('id'))
    clashes = []
    for contact_list in contact_lists:
        if (contact_list.get('name') or '').lower() not in names:
            continue
        users = [u.get('id') for u in contact_list.get('campaignInUse') or [] if isinstance(u, dict)]
        for other in running.values():
            other_lists = set(str(n).lower() for n in other.get('contactLists') or [])
            if other.get('id') in users or (contact_list.get('name') or '').lower() in other_lists:
                clashes.append("'%s' is used by %s, which is %s"
                               % (contact_list.get('name'), label(other), other.get('status')))
    who = 'campaign %s' % label(campaign)
    if clashes:
        return Check('contact_list_in_use', False, '%s cannot run now: two campaigns cannot run on the same contact '
                                                   'list, and %s; stop it first or wait until it ends'
                     % (who, '; '.join(sorted(set(clashes)))))
    return Check('contact_list_in_use', True, 'no other running campaign uses the contact lists of %s' % who)


def check_voice_limit(campaign, campaigns):
    who = 'campaign %s' % label(campaign)
    if campaign.get('type') != 'voice':
        return Check('voice_limit', True, '%s is an SMS campaign' % who)
    active = [c for c in campaigns if c.get('type') == 'voice' and is_running(c) and c.get('id') != campaign.get('id')]
    if len(active) >= MAX_ACTIVE_VOICE:
        return Check('voice_limit', False, '%s would be voice campaign number %d running at once, and Kore.ai runs at '
                                           'most %d; stop one of the running ones first'
                     % (who, len(active) + 1, MAX_ACTIVE_VOICE))
    return Check('voice_limit', True, '%s would be voice campaign %d of at most %d running at once'
                 % (who, len(active) + 1, MAX_ACTIVE_VOICE))


def calling_windows(hours, now, span=datetime.timedelta(hours=24)):
    """The (start, end) intervals, as aware UTC datetimes, in which calling hours allow calls within now..now+span."""
    zone = zoneinfo.ZoneInfo(hours['timezone'])
    local_now = now.astimezone(zone)
    found = []
    for offset in (-1, 0, 1):
        day = (local_now + datetime.timedelta(days=offset)).date()
        for entry in hours.get('days') or []:
            if weekday_number(entry.get('day')) != day.weekday():
                continue
            start = normalize_time(entry['start'], 'calling hours start')[1]
            end = normalize_time(entry['end'], 'calling hours end')[1]
            midnight = datetime.datetime(day.year, day.month, day.day, tzinfo=zone)
            begins = (midnight + datetime.timedelta(minutes=start)).astimezone(UTC)
            ends = (midnight + datetime.timedelta(minutes=end)).astimezone(UTC)
            if ends > now and begins < now + span:
                found.append((max(begins, now), min(ends, now + span)))
    return sorted(found)


def check_calling_hours(campaign, now):
    hours = ((campaign.get('dialingStrategy') or {}).get('callingHours')) or {}
    who = 'campaign %s' % label(campaign)
    if not hours.get('days') or not hours.get('timezone'):
        return Check('calling_hours', True, '%s shows no calling hours; nothing to check' % who)
    if zoneinfo is None:
        return Check('calling_hours', True, 'the calling hours of %s cannot be checked on Python 3.8 (no zoneinfo)'
                     % who)
    try:
        windows = calling_windows(hours, now)
    except (ValidationError, KeyError, ValueError, zoneinfo.ZoneInfoNotFoundError) as exc:
        return Check('calling_hours', False, '%s has calling hours that cannot be read (%s); rewrite them with '
                                             'state=present' % (who, exc))
    if not windows:
        return Check('calling_hours', False, '%s may call only %s (%s), and none of that falls in the next 24 hours, so '
                                             'a start now would dial nobody; start it later or widen calling_hours'
                     % (who, ', '.join('%s %s-%s' % (d.get('day'), d.get('start'), d.get('end'))
                                       for d in hours['days']), hours['timezone']))
    first = windows[0][0]
    return Check('calling_hours', True, '%s may call from %s UTC, within the next 24 hours'
                 % (who, first.strftime('%Y-%m-%d %H:%M')))


def check_schedule_end(campaign, now):
    who = 'campaign %s' % label(campaign)
    schedule = campaign.get('schedule') or {}
    if not schedule_enabled(campaign):
        return Check('schedule_end', True, '%s has no schedule on' % who)
    end = schedule.get('endDateTime')
    if not end:
        return Check('schedule_end', True, "%s has a schedule on, whose end the API does not show" % who)
    try:
        ends = parse_datetime(end, 'schedule.endDateTime')
    except ValidationError:
        return Check('schedule_end', False, '%s has a schedule whose end %r cannot be read' % (who, end))
    if ends <= now:
        return Check('schedule_end', False, '%s has a schedule that ended at %s UTC; disable it with '
                                            'koreai.campaign.campaign_schedule state=disabled, or enable a new one'
                     % (who, ends.strftime('%Y-%m-%d %H:%M:%S')))
    return Check('schedule_end', True, '%s has a schedule that ends at %s UTC' % (who, ends.strftime('%Y-%m-%d %H:%M:%S')))


def run_checks(campaign, contact_lists, campaigns, now, rules=RULES):
    checks = {
        'dnc_list': lambda: check_dnc_list(campaign, contact_lists),
        'contact_lists': lambda: check_contact_lists(campaign, contact_lists),
        'contact_list_in_use': lambda: check_contact_list_in_use(campaign, contact_lists, campaigns),
        'voice_limit': lambda: check_voice_limit(campaign, campaigns),
        'calling_hours': lambda: check_calling_hours(campaign, now),
        'schedule_end': lambda: check_schedule_end(campaign, now),
    }
    return [checks[rule]() for rule in RULES if rule in rules]
