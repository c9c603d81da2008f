# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Finding what a task names: a campaign by id (one GET) or by name (the list calls), a contact
list by name. Also the one rule about list entries: they are summaries, so where the whole object
matters (comparing a configuration, backing up before a delete) it is read with GET."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import difflib

from ansible_collections.koreai.campaign.plugins.module_utils import api_campaigns, api_contact_lists
from ansible_collections.koreai.campaign.plugins.module_utils.api import campaign_label
from ansible_collections.koreai.campaign.plugins.module_utils.campaign_status import TYPE_MODULES, TYPE_NAMES, name_key
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiError, NotFound

CampaignNotFound = NotFound


class Missing:
    """A failed lookup: falsy, and able to say why (with close matches when names were listed).

    explain, when given, is asked only when the failure is reported (error()): it may send list calls
    to find what the task meant, which a caller that treats "missing" as fine (state=absent, a create)
    never pays for."""

    def __init__(self, message, explain=None):
        self.message = message
        self._explain = explain

    def error(self):
        hint = None
        if self._explain is not None:
            try:
                hint = self._explain()
            except KoreaiError:
                hint = None  # the hint is a courtesy: the lookup's own message still says what is wrong
        return NotFound('%s; %s' % (self.message, hint) if hint else self.message)

    def __bool__(self):
        return False


def _close_matches(name, campaigns):
    names = sorted(set(c.get('name') for c in campaigns if c.get('name')))
    lowered = dict((n.lower(), n) for n in names)
    return [lowered[m] for m in difflib.get_close_matches(name.lower(), list(lowered), n=3, cutoff=0.6)]


def campaign_by_name(client, name, campaign_types):
    """The one campaign with this name (compared lower-cased, as the API does) among the given types.

    Returns a falsy Missing that says why when there is none; raises when the name is ambiguous."""
    everything = []
    for campaign_type in campaign_types:
        everything.extend(api_campaigns.list_campaigns(client, campaign_type))
    return campaign_among(everything, name, campaign_types)


def campaign_among(everything, name, campaign_types):
    """campaign_by_name() within list results already read."""
    wanted = name.lower()
    matches = [c for c in everything if name_key(c) == wanted]
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
    return Missing(text)


def same_name_campaigns(client, campaign, campaign_types, listed_types=()):
    """The other campaigns of the given types that carry this campaign's name, compared as the API
    compares names (lower-cased). Types in listed_types were already searched for the name (their
    lookup refuses an ambiguous name), so they are not listed again."""
    wanted = name_key(campaign)
    others = []
    for campaign_type in campaign_types:
        if campaign_type in listed_types:
            continue
        others.extend(c for c in api_campaigns.list_campaigns(client, campaign_type)
                      if name_key(c) == wanted and c.get('id') != campaign.get('id'))
    return others


def _named(client, name, campaign_types):
    wanted = name.lower()
    found = []
    for campaign_type in campaign_types:
        found.extend(c for c in api_campaigns.list_campaigns(client, campaign_type) if name_key(c) == wanted)
    return found


def other_type_hint(client, campaign_type, name):
    """Why a name of the other type was not found: 'X is an SMS campaign; manage it with ...', or None."""
    others = [t for t in TYPE_NAMES if t != campaign_type]
    found = _named(client, name, others)
    if not found:
        return None
    campaign = found[0]
    return ('%s is %s campaign (%s); manage it with %s'
            % (repr(campaign.get('name')), type_article(campaign['type']), campaign['id'],
               TYPE_MODULES[campaign['type']]))


def name_as_id_hint(client, campaign_type, campaign_id):
    """Why a campaign_id that is really a campaign's name was not found, or None."""
    found = _named(client, campaign_id, list(TYPE_NAMES))
    if not found:
        return None
    campaign = found[0]
    text = ('campaign_id=%r is the name of %s campaign, whose id is %s: write name=%r or campaign_id=%s'
            % (campaign_id, type_article(campaign['type']), campaign['id'], campaign.get('name'), campaign['id']))
    if campaign['type'] != campaign_type:
        text += ', with %s' % TYPE_MODULES[campaign['type']]
    return text


def type_article(campaign_type):
    """'a voice', 'an SMS': the article goes with how the type is said."""
    word = TYPE_NAMES.get(campaign_type, campaign_type)
    return ('an %s' if word[:1].lower() in 'aeio' or word == 'SMS' else 'a %s') % word


def full_campaign(client, listed):
    """The whole object behind a list entry (one GET); None when it is gone in the meantime."""
    full = api_campaigns.get_campaign(client, listed['id'])
    return None if full is None else dict(full, type=listed['type'])


def resolve_campaign(client, campaign_type, campaign_id=None, name=None, full=False):
    """The campaign by id (one GET) or by name (list calls, plus one GET with full=True); a falsy
    Missing when it does not exist."""
    if campaign_id:
        campaign = api_campaigns.get_campaign(client, campaign_id)
        if campaign is None:
            return Missing('no %s campaign has id %s (the API answered 404)' % (TYPE_NAMES[campaign_type], campaign_id),
                           explain=lambda: name_as_id_hint(client, campaign_type, campaign_id))
    else:
        campaign = campaign_by_name(client, name, [campaign_type])
        if not campaign:
            return Missing(campaign.message, explain=lambda: other_type_hint(client, campaign_type, name))
        if full:
            campaign = full_campaign(client, campaign) or Missing('campaign %r disappeared while it was read' % name)
            if not campaign:
                return campaign
    actual = campaign.get('type')
    if actual and actual != campaign_type:
        raise KoreaiError('campaign %s is %s campaign; manage it with %s'
                          % (campaign_label(campaign), type_article(actual), TYPE_MODULES[actual]))
    campaign['type'] = campaign_type
    return campaign


def contact_list_by_name(client, name):
    """The one contact list with this name (compared lower-cased), or None."""
    wanted = name.lower()
    matches = [c for c in api_contact_lists.list_contact_lists(client) if (c.get('name') or '').lower() == wanted]
    if len(matches) > 1:
        raise KoreaiError('contact list name %r matches %d lists (%s)'
                          % (name, len(matches), ', '.join(c['id'] for c in matches)))
    return matches[0] if matches else None
