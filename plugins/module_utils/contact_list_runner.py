# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Carries out a contact-list plan (contact_list_plan.py): create, update or delete, through Runner.write."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils import api_contact_lists
from ansible_collections.koreai.campaign.plugins.module_utils.contact_list_plan import plan_contact_list
from ansible_collections.koreai.campaign.plugins.module_utils.lookup import contact_list_by_name
from ansible_collections.koreai.campaign.plugins.module_utils.plan import CREATE, UPDATE
from ansible_collections.koreai.campaign.plugins.module_utils.runner import Found


def ensure_contact_list(run, name, state, description=None, allow_duplicates=None, force=False):
    current = contact_list_by_name(run.client, name)
    if current and allow_duplicates is not None and 'allowDuplicates' not in current:
        # The list call's entries leave the setting out; the list's own GET shows it.
        current = dict(current, **api_contact_lists.get_contact_list(run.client, current['id']))
    plan = plan_contact_list(current, state, description, allow_duplicates, force, name=name)
    result = run.result(plan, contact_list=current)
    if not plan.changed or run.check_mode:
        return result
    subject = {'id': current['id'] if current else None, 'name': name, 'type': 'contact list', 'status': None}
    if CREATE in plan.actions:
        created = run.write('create contact list', subject, lambda: api_contact_lists.create_contact_list(
            run.client, name, description, bool(allow_duplicates)), _read_back(run, name, 'created'),
            status_after='created')
        result['contact_list'] = created
        result['msg'] = "contact list '%s' (%s) created" % (name, created.get('id'))
    elif UPDATE in plan.actions:
        run.write('update contact list', subject,
                  lambda: api_contact_lists.update_contact_list(run.client, current, plan.after),
                  _read_back(run, name, 'updated', plan.after))
        result['contact_list'] = dict(current, **plan.after)
    else:
        run.write('delete contact list', subject, lambda: api_contact_lists.delete_contact_list(run.client, current),
                  _read_back(run, name, 'deleted'), status_after='deleted')
    return result


def _read_back(run, name, change, wanted=None):
    """How to tell, after a lost answer, whether the list was created, updated (to wanted) or deleted."""
    def read_back():
        found = contact_list_by_name(run.client, name)
        if change == 'deleted':
            applied = found is None
        else:
            applied = found is not None and all(found.get(k) == v for k, v in (wanted or {}).items())
        if not applied:
            return Found(False, 'Reading the contact lists back shows the list was not %s' % change)
        return Found(True, 'reading the contact lists back shows the list %s, so it took effect' % change,
                     change if change != 'updated' else None, found or {})
    return read_back
