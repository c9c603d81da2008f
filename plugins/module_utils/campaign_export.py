# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""The tenant as code: campaigns and contact lists, as the API shows them, turned into the options
voice_campaign / sms_campaign (state=present) and contact_list take. Pure; no I/O.

The mapping from the API's object is campaign_config.spec_from_campaign (the same one state=present
compares with), so an exported campaign applied back to its tenant compares equal and sends nothing.
What the API cannot show back is never guessed: it is named in the export's ``unexported`` notes.
"""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

from ansible_collections.koreai.campaign.plugins.module_utils import campaign_config
from ansible_collections.koreai.campaign.plugins.module_utils.weekdays import WEEKDAYS, weekday_number

EXPORT_FORMAT = 1
TYPE_KEYS = {'voice': 'voice_campaigns', 'sms': 'sms_campaigns'}

# spec key (campaign_config) -> option name, where they differ.
_OPTION_NAMES = {'message': 'text'}
# Options written in lower case, as their choices are spelled.
_LOWER = ('dialing_order',)


def _day_option(code):
    """MO -> mon: the spelling the calling_hours examples use."""
    return WEEKDAYS[weekday_number(code)][0].lower()


def _calling_hours_option(hours):
    if not isinstance(hours, dict) or not isinstance(hours.get('days'), list):
        return None
    try:
        days = [{'day': _day_option(d['day']), 'start': d['start'], 'end': d['end']} for d in hours['days']]
    except (KeyError, TypeError):
        return None
    return {'frequency': str(hours.get('frequency') or 'WEEKLY').lower(), 'timezone': hours.get('timezone'),
            'days': days}


def _sort_key(name):
    return (str(name).lower(), str(name))


def campaign_options(campaign, campaign_type, listed=None):
    """(options, notes) for one campaign: its GET object, and its list entry for the list-only
    ``connection`` field (the queue name of progressive/preview campaigns, the flow name of agentless
    ones, API reference 4.1). notes say, in words, what the options could not carry."""
    spec = campaign_config.spec_from_campaign(campaign, campaign_type)
    notes = []
    options = {'name': campaign.get('name')}
    for key, value in sorted(spec.items()):
        if key == 'calling_hours':
            value = _calling_hours_option(value)
            if value is None:
                notes.append('calling_hours: the API shows them in a form this export cannot read: %r'
                             % (campaign.get('dialingStrategy') or {}).get('callingHours'))
                continue
        elif key in _LOWER:
            value = str(value).lower()
        options[_OPTION_NAMES.get(key, key)] = value
    connection = (listed or {}).get('connection')
    if campaign_type == 'voice':
        mode = spec.get('dialing_mode')
        if mode == 'agentless':
            if connection:
                options.setdefault('experience_flow', connection)
            elif 'experience_flow' not in options:
                notes.append('experience_flow: the API shows only the flow id %s, not its name; add '
                             'experience_flow before creating this campaign elsewhere' % campaign.get('experienceFlow'))
            detect = campaign.get('enableMachineDetect')
            if detect is True:
                notes.append('machine_detection: the API shows only that detection is on, not whether it is detect '
                             'or disconnect; add machine_detection (without it a new campaign gets no)')
        elif mode in ('progressive', 'preview'):
            if connection:
                options.setdefault('queue', connection)
            elif 'queue' not in options:
                notes.append('queue: the API does not show the agent queue of this campaign; add queue before '
                             'creating it elsewhere')
    elif spec.get('format') == 'advanced' and 'experience_flow' not in options:
        notes.append('experience_flow: the API shows only the flow id %s, not its name; add experience_flow '
                     'before creating this campaign elsewhere' % campaign.get('experienceFlow'))
    schedule = campaign.get('schedule') or {}
    if schedule.get('isSchedulingEnabled'):
        notes.append('schedule: on, but the API does not show its dates or recurrence (API reference 8), so it is '
                     'not exported; set it with koreai.campaign.campaign_schedule')
    return options, notes


def contact_list_options(contact_list):
    """(options, notes) for one contact list, in the shape contact_list takes. Contacts are never exported."""
    options = {'name': contact_list.get('name')}
    if contact_list.get('description') is not None:
        options['description'] = contact_list['description']
    if isinstance(contact_list.get('allowDuplicates'), bool):
        options['allow_duplicates'] = contact_list['allowDuplicates']
    notes = []
    if contact_list.get('isGlobalDNC'):
        notes.append("the account's Global DNC list: contact_list creates an ordinary list, which does not apply "
                     'to every campaign')
    source = contact_list.get('source')
    if source and source != 'passiveApi':
        notes.append('made from %s; contact_list creates an API list (passiveApi)' % source)
    return options, notes


def observed_campaign(campaign):
    """The run state a twin of the tenant needs besides the options (export_run_state)."""
    schedule = campaign.get('schedule') or {}
    observed = {'id': campaign.get('id') or campaign.get('_id'), 'status': campaign.get('status'),
                'schedule_enabled': bool(schedule.get('isSchedulingEnabled')),
                'recurrence_enabled': bool(schedule.get('isRecurrenceEnabled'))}
    if campaign.get('campaignInstanceId'):
        observed['campaign_instance_id'] = campaign['campaignInstanceId']
    if campaign.get('enableMachineDetect') is True:
        observed['machine_detection_on'] = True
    dnc = campaign.get('dncLists')
    if isinstance(dnc, dict) and dnc.get('id'):
        observed['dnc_list_id'] = dnc['id']
    return observed


def observed_list(contact_list):
    observed = {'id': contact_list.get('id') or contact_list.get('_id'),
                'total_record_count': contact_list.get('totalRecordCount')}
    for option, key in (('is_global_dnc', 'isGlobalDNC'), ('source', 'source')):
        if contact_list.get(key) is not None:
            observed[option] = contact_list[key]
    return observed


def used_list_names(campaigns):
    """The contact and DNC list names the campaigns (API objects) use."""
    names = set()
    for campaign in campaigns:
        names.update(str(n) for n in campaign.get('contactLists') or [])
        dnc = campaign.get('dncLists')
        if isinstance(dnc, dict) and dnc.get('name'):
            names.add(dnc['name'])
    return names


def build_export(campaigns, contact_lists, listed=None, run_state=False):
    """The export: campaigns (full objects with 'type') and contact lists (full objects) as options.

    listed maps a campaign id to its list entry (for 'connection'). Everything is sorted by name, so the
    same tenant always gives the same export, and two exports diff line by line."""
    listed = listed or {}
    export = {'format': EXPORT_FORMAT, 'contact_lists': [], 'voice_campaigns': [], 'sms_campaigns': [],
              'unexported': {}}
    observed = {'contact_lists': {}, 'voice_campaigns': {}, 'sms_campaigns': {}}
    unexported = {'contact_lists': {}, 'voice_campaigns': {}, 'sms_campaigns': {}}
    for contact_list in sorted(contact_lists, key=lambda c: _sort_key(c.get('name'))):
        options, notes = contact_list_options(contact_list)
        export['contact_lists'].append(options)
        if notes:
            unexported['contact_lists'][options['name']] = notes
        observed['contact_lists'][options['name']] = observed_list(contact_list)
    for campaign in sorted(campaigns, key=lambda c: _sort_key(c.get('name'))):
        key = TYPE_KEYS[campaign['type']]
        options, notes = campaign_options(campaign, campaign['type'], listed.get(campaign.get('id')))
        export[key].append(options)
        if notes:
            unexported[key][options['name']] = notes
        observed[key][options['name']] = observed_campaign(campaign)
    export['unexported'] = dict((k, v) for k, v in unexported.items() if v)
    if run_state:
        export['observed'] = observed
    return export
