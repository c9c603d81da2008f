# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Pure planning for one contact list (DNC lists are contact lists): create, update, delete."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils.plan import (
    CREATE, DELETE, UPDATE, change, no_change)
from ansible_collections.koreai.campaign.plugins.module_utils.errors import PlanError


def contact_list_users(contact_list):
    users = contact_list.get('campaignInUse') or []
    return [u.get('name') or u.get('id') for u in users if isinstance(u, dict)] or \
        (['(campaigns not named by the API)'] if contact_list.get('isListInUse') else [])


def plan_contact_list(current, state, description=None, allow_duplicates=None, force=False, name=None):
    """Create, update (description, allowDuplicates) or delete one contact list found by name."""
    if state == 'absent':
        if not current:
            return no_change({}, 'contact list does not exist')
        users = contact_list_users(current)
        if users and not force:
            raise PlanError("refusing to delete contact list '%s' (%s): campaigns still use it (%s). Remove it from "
                            'them first, or set force=true' % (current.get('name'), current.get('id'), ', '.join(users)))
        return change([DELETE], current, {}, "contact list '%s'" % current.get('name'), 'deleted', 'would be deleted')
    wanted = dict((k, v) for k, v in (('description', description), ('allowDuplicates', allow_duplicates))
                  if v is not None)
    if not current:
        if description is None:
            raise PlanError('creating a contact list needs description (at most 256 characters)')
        subject = "contact list '%s'" % name if name else 'contact list'
        return change([CREATE], {}, wanted, subject, 'created', 'would be created')
    changed = dict((k, v) for k, v in wanted.items() if current.get(k) != v)
    if 'allowDuplicates' in changed:
        raise PlanError("contact list '%s' (%s) has allow_duplicates=%s, and the API's update takes only the name "
                        'and description; delete and re-create the list to change it'
                        % (current.get('name'), current.get('id'), str(bool(current.get('allowDuplicates'))).lower()))
    if not changed:
        view = dict((k, current.get(k)) for k in wanted)
        return no_change(view, "contact list '%s' already matches" % current.get('name'))
    return change([UPDATE], dict((k, current.get(k)) for k in changed), changed,
                  "contact list '%s'" % current.get('name'), 'updated', 'would be updated',
                  ' (%s)' % ', '.join(sorted(changed)))
