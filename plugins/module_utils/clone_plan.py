# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Pure planning of a clone: (source campaign as the API shows it, the campaign of the new name if there
is one, overrides) -> Plan. No I/O.

The source's configuration is read by the export's mapping (campaign_export.campaign_options), so a clone
carries exactly what an export would; the overrides replace options, never the schedule (a clone has none,
as in the UI)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils import campaign_config, campaign_export
from ansible_collections.koreai.campaign.plugins.module_utils.campaign_status import label
from ansible_collections.koreai.campaign.plugins.module_utils.errors import PlanError, ValidationError
from ansible_collections.koreai.campaign.plugins.module_utils.plan import CREATE, change, no_change

# Options a clone may change; experience_flow, queue and machine_detection fill in what the API does not show.
OVERRIDES = ('description', 'contact_lists', 'dnc_list', 'calling_hours', 'caller_id', 'experience_flow', 'queue',
             'machine_detection')


def clone_options(source, campaign_type, listed, overrides):
    """The options of the new campaign: the source's, with the overrides given (None = keep)."""
    options, notes = campaign_export.campaign_options(source, campaign_type, listed)
    options.pop('name', None)
    given = dict((k, v) for k, v in overrides.items() if v is not None)
    if campaign_type == 'sms':
        for option in ('queue', 'machine_detection'):
            if option in given:
                raise ValidationError('%s applies only to voice campaigns; remove it' % option)
    options.update(given)
    missing = [n for n in notes if n.split(':', 1)[0] in ('experience_flow', 'queue', 'machine_detection')
               and n.split(':', 1)[0] not in given]
    if missing:
        raise PlanError('cannot clone campaign %s without guessing: %s' % (label(source), '; '.join(missing)))
    return options


def plan_clone(source, campaign_type, name, listed=None, existing=None, overrides=None):
    """Create the clone named name, or nothing when a campaign of that name exists (a rerun).

    The plan's payload is the spec to create (campaign_config's normalised options)."""
    if existing:
        return no_change({'name': existing.get('name')},
                         'campaign %s exists already; campaign_clone does not change it (manage it with %s '
                         'state=present)' % (label(existing), 'koreai.campaign.%s_campaign' % campaign_type))
    if source is None:
        raise PlanError('the source campaign does not exist')
    options = clone_options(source, campaign_type, listed, overrides or {})
    spec = campaign_config.campaign_spec(campaign_type, options)
    campaign_config.check_complete(campaign_type, spec)
    after = dict(options, name=name)
    return change([CREATE], {}, after, 'campaign %r' % name, 'created as a clone of %s' % label(source),
                  'would be created as a clone of %s' % label(source), payload=spec)
