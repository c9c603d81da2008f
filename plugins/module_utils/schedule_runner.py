# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Carries out a schedule plan (schedule.py): enable or disable, through Runner.write."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils import api_campaigns
from ansible_collections.koreai.campaign.plugins.module_utils.api import campaign_label
from ansible_collections.koreai.campaign.plugins.module_utils.campaign_status import TYPE_NAMES, schedule_enabled
from ansible_collections.koreai.campaign.plugins.module_utils.errors import KoreaiError
from ansible_collections.koreai.campaign.plugins.module_utils.lookup import same_name_campaigns
from ansible_collections.koreai.campaign.plugins.module_utils.runner import Found
from ansible_collections.koreai.campaign.plugins.module_utils.schedule import plan_schedule, schedule_body


def ensure_schedule(run, campaign, spec, replace=False, listed_types=()):
    """Plan and carry out a schedule; listed_types are the campaign types already searched for the
    campaign's name (see check_schedule_name)."""
    plan = plan_schedule(campaign, spec, replace)
    result = run.result(plan)
    result.update(campaign_id=campaign['id'], campaign_name=campaign.get('name'), schedule=plan.after)
    if not plan.changed:
        return result
    check_schedule_name(run, campaign, listed_types)
    if run.check_mode:
        return result
    answer = write_schedule(run, campaign, spec)
    if answer.get('message'):
        result['api_message'] = answer['message']
    return result


def check_schedule_name(run, campaign, listed_types=()):
    """Refuse a schedule write when the campaign's name also names another campaign, of either type.

    The schedule API takes only a campaign name (no id, no type), and Kore.ai compares names without
    case, so with a voice 'CrossType' and an SMS 'crosstype' it could schedule the other one."""
    others = same_name_campaigns(run.client, campaign, api_campaigns.CAMPAIGN_TYPES, listed_types)
    if others:
        named = [campaign] + others
        raise KoreaiError(
            'refusing to change the schedule of campaign %s: the schedule API addresses a campaign by name only, '
            'and Kore.ai compares names without case, so %d campaigns answer to that name (%s). Nothing was sent; '
            'rename one of them first' % (campaign_label(campaign), len(named), ', '.join(
                '%s campaign %s' % (TYPE_NAMES.get(c.get('type'), c.get('type')), campaign_label(c)) for c in named)))


def write_schedule(run, campaign, spec):
    """Enable the schedule in spec, or disable it (spec None); a lost answer is read back from the campaign."""
    name = campaign['name']
    label = campaign_label(campaign)
    wanted = spec is not None

    def read_back():
        current = api_campaigns.get_campaign(run.client, campaign['id'])
        if current is None or schedule_enabled(current) != wanted:
            return Found(False, 'Reading it back shows the schedule is still %s' % ('disabled' if wanted else 'enabled'))
        return Found(True, 'reading it back shows the schedule is %s, so it took effect'
                     % ('enabled' if wanted else 'disabled'), current.get('status'), {})

    def send():
        if wanted:
            return api_campaigns.enable_schedule(run.client, name, schedule_body(spec), label)
        return api_campaigns.disable_schedule(run.client, name, label)

    answer = run.write('enable schedule' if wanted else 'disable schedule', campaign, send, read_back)
    return answer if isinstance(answer, dict) else {}
