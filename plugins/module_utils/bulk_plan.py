# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Pure parts of putting many campaigns into one run state (campaign_bulk): which campaigns a filter
selects, one result entry per campaign, and the summary of them all."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils.campaign_status import name_key, status_key


def select_campaigns(campaigns, campaign_ids=None, names=None, name_pattern=None, statuses=None):
    """The campaigns matching every given filter, and the requested ids and names that matched none.

    name_pattern is a compiled regular expression searched in the name; names compare lower-cased.
    """
    wanted_ids = set(campaign_ids or [])
    wanted_names = set(n.lower() for n in (names or []))
    wanted_statuses = set(status_key(s) for s in (statuses or []))
    selected = []
    for campaign in campaigns:
        name = campaign.get('name') or ''
        if wanted_ids and campaign.get('id') not in wanted_ids:
            continue
        if wanted_names and name_key(campaign) not in wanted_names:
            continue
        if name_pattern is not None and not name_pattern.search(name):
            continue
        if wanted_statuses and status_key(campaign.get('status')) not in wanted_statuses:
            continue
        selected.append(campaign)
    found_ids = set(c.get('id') for c in campaigns)
    found_names = set(name_key(c) for c in campaigns)
    missing = sorted(wanted_ids - found_ids) + sorted(n for n in (names or []) if n.lower() not in found_names)
    return selected, missing


def entry(campaign, status, changed=False, failed=False, msg=''):
    return {'id': campaign.get('id'), 'name': campaign.get('name'), 'type': campaign.get('type'),
            'status_before': status, 'status': status, 'changed': changed, 'failed': failed, 'msg': msg}


def describe_filter(type_names, campaign_ids=None, names=None, name_pattern=None, statuses=None):
    """The selection in words, as the task wrote it: "voice campaign matches name_pattern '^Black Friday'"."""
    parts = []
    if campaign_ids:
        parts.append('campaign_ids %s' % ', '.join(campaign_ids))
    if names:
        parts.append('names %s' % ', '.join(repr(n) for n in names))
    if name_pattern is not None:
        parts.append('name_pattern %r' % getattr(name_pattern, 'pattern', name_pattern))
    if statuses:
        parts.append('status %s' % ','.join(statuses))
    return '%s campaign matches %s' % (' or '.join(type_names), ' and '.join(parts))


def bulk_result(entries, desired, check_mode, unconfirmed=None, selection=None, listed=None):
    """The module result; unconfirmed lists the campaigns that could not be confirmed in the wanted
    state after the writes (by name and id, in the message too). When nothing was selected, selection
    (describe_filter) and listed (how many campaigns the list calls showed) say what matched nothing."""
    unconfirmed = list(unconfirmed or [])
    changed_ids = [e['id'] for e in entries if e['changed'] and not e['failed']]
    failed_ids = [e['id'] or e['name'] for e in entries if e['failed']]
    verb = 'started' if desired == 'started' else 'stopped'
    if not entries and selection:
        msg = '%sno %s (%d listed), so none %s %s' % (
            '(check mode) ' if check_mode else '', selection, listed or 0, 'would be' if check_mode else 'was', verb)
    else:
        msg = '%s%d of %d campaigns %s%s' % ('(check mode) ' if check_mode else '', len(changed_ids), len(entries),
                                             ('would be ' + verb) if check_mode else verb,
                                             '; %d failed' % len(failed_ids) if failed_ids else '')
    if unconfirmed:
        msg += '; NOT confirmed %s: %s' % (verb, ', '.join("'%s' (%s)" % (u['name'], u['id']) for u in unconfirmed))
    return {'changed': bool(changed_ids), 'campaigns': entries, 'changed_ids': changed_ids,
            'failed_ids': failed_ids, 'unconfirmed': unconfirmed, 'msg': msg,
            'diff': {'before': dict((e['id'], e['status_before']) for e in entries if e['changed']),
                     'after': dict((e['id'], e['status']) for e in entries if e['changed'])}}
