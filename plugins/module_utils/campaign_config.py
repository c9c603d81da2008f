# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Campaign configuration (state=present): module options <-> the API's create/update body.

Pure. Options are validated against every documented constraint (API reference section 2) and
normalised into a "spec" whose values compare equal to the spec read back from the API's
campaign object, whatever representation the API chose (string or number priority, _id or id,
9:00 AM or 09:00, Base64 message text)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import base64
import binascii
import re

from urllib.parse import unquote

from ansible_collections.koreai.campaign.plugins.module_utils.errors import ValidationError
from ansible_collections.koreai.campaign.plugins.module_utils.validate import check_description
from ansible_collections.koreai.campaign.plugins.module_utils.weekdays import CALLING_HOURS_DAYS, weekday_number

DAY_CODES = CALLING_HOURS_DAYS
DIALING_MODES = {'agentless': 'Agentless', 'progressive': 'Progressive', 'preview': 'Preview'}
_TIME_RE = re.compile(r'^\s*(\d{1,2}):(\d{2})\s*([AaPp][Mm])?\s*$')
_E164_RE = re.compile(r'^\+[1-9]\d{6,14}$')
# Fields whose API value cannot be compared with the option: the API answers with an id.
NOT_READ_BACK = ('experience_flow', 'machine_detection', 'queue')


def _day(value):
    number = weekday_number(value)
    if number is not None:
        return DAY_CODES[number]
    raise ValidationError('calling_hours.days: %r is not a day; write mon..sun (or MO..SU, or full names)' % (value,))


def normalize_time(value, option):
    """'9:00 AM', '09:00' and '17:30' -> the API's 'h:mm AM/PM'; returns (text, minutes after midnight)."""
    match = _TIME_RE.match(str(value))
    if not match:
        raise ValidationError("%s=%r is not a time; write 'h:mm AM/PM' such as '9:00 AM', or 24-hour '17:30'"
                              % (option, value))
    hour, minute, half = int(match.group(1)), int(match.group(2)), match.group(3)
    if minute > 59 or (half and not 1 <= hour <= 12) or (not half and hour > 23):
        raise ValidationError('%s=%r is not a valid time of day' % (option, value))
    if half:
        hour = hour % 12 + (12 if half.upper() == 'PM' else 0)
    minutes = hour * 60 + minute
    display = '%d:%02d %s' % ((hour % 12) or 12, minute, 'PM' if hour >= 12 else 'AM')
    return display, minutes


def _calling_hours(value):
    if not isinstance(value, dict):
        raise ValidationError('calling_hours must be a dictionary with timezone and days')
    unknown = set(value) - set(('frequency', 'timezone', 'days'))
    if unknown:
        raise ValidationError('calling_hours has unknown keys %s; it takes frequency, timezone and days'
                              % ', '.join(sorted(unknown)))
    frequency = str(value.get('frequency') or 'weekly').upper()
    if frequency not in ('WEEKLY', 'DAILY', 'CUSTOM'):
        raise ValidationError('calling_hours.frequency=%r must be weekly, daily or custom' % (value.get('frequency'),))
    timezone = value.get('timezone')
    if not timezone or not re.match(r'^[A-Za-z_]+(/[A-Za-z0-9_+\-]+)*$', str(timezone)):
        raise ValidationError('calling_hours.timezone must be an IANA time zone such as Asia/Kolkata or '
                              'America/New_York (got %r)' % (timezone,))
    days = value.get('days')
    if not days or not isinstance(days, list):
        raise ValidationError("calling_hours.days needs at least one entry, for example "
                              "[{day: mon, start: '9:00 AM', end: '6:00 PM'}]")
    normalized = []
    for index, entry in enumerate(days):
        if not isinstance(entry, dict) or set(entry) - set(('day', 'start', 'end')) or not all(
                entry.get(k) for k in ('day', 'start', 'end')):
            raise ValidationError('calling_hours.days[%d] must have exactly day, start and end' % index)
        start, start_minutes = normalize_time(entry['start'], 'calling_hours.days[%d].start' % index)
        end, end_minutes = normalize_time(entry['end'], 'calling_hours.days[%d].end' % index)
        if end_minutes <= start_minutes:
            raise ValidationError('calling_hours.days[%d]: end %s must be later than start %s' % (index, end, start))
        normalized.append({'day': _day(entry['day']), 'start': start, 'end': end})
    normalized.sort(key=lambda d: (DAY_CODES.index(d['day']), d['start']))
    return {'frequency': frequency, 'timezone': str(timezone), 'days': normalized}


def check_caller_id(value):
    """An E.164 number, or a pre-registered SIP number (Kore.ai accepts those in every dialing mode since
    v11.16.1 and documents no format for them). What starts with '+' is a phone number and must be E.164."""
    text = str(value)
    if not text or any(c.isspace() for c in text) or (text.startswith('+') and not _E164_RE.match(text)):
        raise ValidationError('caller_id=%r must be an E.164 phone number such as +18163300000 (no spaces), or a '
                              'SIP number registered in Kore.ai, written as it is registered' % (value,))
    return text


def _bounded(params, option, low, high, unit=''):
    value = params.get(option)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ValidationError('%s=%r must be a whole number from %d to %d%s' % (option, value, low, high, unit))
    return value


def campaign_spec(campaign_type, params):
    """Validate the configuration options that were given; return them normalised (absent ones left out)."""
    spec = {}
    if params.get('description') is not None:
        spec['description'] = check_description(params['description'])
    if params.get('contact_lists') is not None:
        lists = [str(n) for n in params['contact_lists'] if str(n).strip()]
        if not lists:
            raise ValidationError('contact_lists needs at least one contact list name')
        spec['contact_lists'] = sorted(set(lists))
    if params.get('dnc_list') is not None:
        spec['dnc_list'] = params['dnc_list']
    priority = _bounded(params, 'priority', 1, 5, ' (5 is the highest)')
    if priority is not None:
        spec['priority'] = priority
    if params.get('caller_id') is not None:
        spec['caller_id'] = check_caller_id(params['caller_id'])
    if params.get('calling_hours') is not None:
        spec['calling_hours'] = _calling_hours(params['calling_hours'])
    if campaign_type == 'voice':
        spec.update(_voice_spec(params))
    else:
        spec.update(_sms_spec(params))
    return spec


def _voice_spec(params):
    spec = {}
    mode = params.get('dialing_mode')
    if mode is not None:
        spec['dialing_mode'] = mode.lower()
    for option, low, high, unit in (('max_attempts', 1, 100, ''), ('retry_period', 1, 1440, ' minutes'),
                                    ('ring_time', 5, 120, ' seconds'), ('max_skips', 0, 1000, '')):
        value = _bounded(params, option, low, high, unit)
        if value is not None:
            spec[option] = value
    if params.get('dialing_order') is not None:
        spec['dialing_order'] = params['dialing_order'].upper()
    for option in ('experience_flow', 'machine_detection', 'queue'):
        if params.get(option) is not None:
            spec[option] = params[option]
    mode = spec.get('dialing_mode')
    if mode and mode != 'agentless':
        for option in ('experience_flow', 'machine_detection'):
            if option in spec:
                raise ValidationError('%s applies only to dialing_mode=agentless; remove it' % option)
    if mode == 'agentless':
        for option in ('queue', 'max_skips'):
            if option in spec:
                raise ValidationError('%s applies only to dialing_mode=progressive or preview; remove it' % option)
    if mode == 'progressive' and 'max_skips' in spec:
        raise ValidationError('max_skips applies only to dialing_mode=preview; remove it')
    return spec


def _sms_spec(params):
    spec = {}
    if params.get('format') is not None:
        spec['format'] = params['format']
    if params.get('text') is not None:
        spec['message'] = params['text']
    for option in ('template_name', 'experience_flow'):
        if params.get(option) is not None:
            spec[option] = params[option]
    if spec.get('format') == 'advanced' and ('message' in spec or 'template_name' in spec):
        raise ValidationError('format=advanced sends an experience flow, not a message; remove text and '
                              'template_name, or use format=simple')
    if spec.get('format') == 'simple' and 'experience_flow' in spec:
        raise ValidationError('experience_flow applies only to format=advanced; remove it or set format=advanced')
    return spec


REQUIRED_ON_CREATE = {
    'voice': ('description', 'contact_lists', 'dnc_list', 'caller_id', 'calling_hours', 'dialing_mode'),
    'sms': ('description', 'contact_lists', 'caller_id', 'calling_hours', 'format'),
}


def check_complete(campaign_type, spec):
    """A full configuration, as create and update need: say every missing option at once."""
    missing = [o for o in REQUIRED_ON_CREATE[campaign_type] if o not in spec]
    mode = spec.get('dialing_mode')
    if campaign_type == 'voice':
        if mode == 'agentless' and 'experience_flow' not in spec:
            missing.append('experience_flow (dialing_mode=agentless)')
        if mode in ('progressive', 'preview') and 'queue' not in spec:
            missing.append('queue (dialing_mode=%s)' % mode)
        if mode == 'preview' and 'max_skips' not in spec:
            missing.append('max_skips (dialing_mode=preview)')
    else:
        if spec.get('format') == 'simple' and 'message' not in spec:
            missing.append('text (format=simple)')
        if spec.get('format') == 'advanced' and 'experience_flow' not in spec:
            missing.append('experience_flow (format=advanced)')
    if missing:
        raise ValidationError('state=present needs %s to create or rewrite the campaign' % ', '.join(missing))


def encode_message(text):
    """SMS text as the v2 API wants it: Base64 of the UTF-8 text (the docs' samples)."""
    return base64.b64encode(text.encode('utf-8')).decode('ascii')


def decode_message(value):
    """The text of a v2 message: Base64, possibly URL-encoded first; plain text (v1) as is."""
    if not isinstance(value, str):
        return value
    candidate = unquote(value)
    try:
        decoded = base64.b64decode(candidate, validate=True).decode('utf-8')
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return value
    return decoded if encode_message(decoded) == candidate else value


def body_from_spec(campaign_type, name, spec):
    """The documented create/update body for a complete spec."""
    strategy = {'callerId': {'phoneNumber': spec['caller_id']},
                'callingHours': {'frequency': spec['calling_hours']['frequency'],
                                 'timezone': spec['calling_hours']['timezone'],
                                 'days': [dict(d) for d in spec['calling_hours']['days']]}}
    body = {'name': name, 'description': spec['description'], 'contactLists': list(spec['contact_lists']),
            'priority': str(spec.get('priority', 5)), 'campaignType': campaign_type,
            'schedule': {'isSchedulingEnabled': False}}
    if spec.get('dnc_list'):
        body['dncLists'] = {'name': spec['dnc_list']}
    if campaign_type == 'voice':
        mode = spec['dialing_mode']
        strategy.update(dialingOrder=spec.get('dialing_order', 'FIFO'),
                        maxAttemptsPerRecord=spec.get('max_attempts', 3),
                        defaultRetryPeriod=spec.get('retry_period', 10),
                        maxRingTime=spec.get('ring_time', 30))
        body['dialingMode'] = DIALING_MODES[mode]
        if mode == 'agentless':
            body['experienceFlowName'] = spec['experience_flow']
            body['enableMachineDetect'] = spec.get('machine_detection', 'no')
        else:
            body['queue_name'] = spec['queue']
        if mode == 'preview':
            body['maxSkips'] = spec['max_skips']
    else:
        body['format'] = spec['format']
        if spec['format'] == 'simple':
            body['message'] = {'message': encode_message(spec['message'])}
            if spec.get('template_name'):
                body['message']['template_name'] = spec['template_name']
        else:
            body['experienceFlowName'] = spec['experience_flow']
    body['dialingStrategy'] = strategy
    return body


def spec_from_campaign(campaign, campaign_type):
    """The campaign object the API shows, as a spec comparable with campaign_spec()'s."""
    spec = {}
    if campaign.get('description') is not None:
        spec['description'] = campaign['description']
    if campaign.get('contactLists') is not None:
        spec['contact_lists'] = sorted(set(str(n) for n in campaign['contactLists']))
    dnc = campaign.get('dncLists')
    if isinstance(dnc, dict) and dnc.get('name'):
        spec['dnc_list'] = dnc['name']
    try:
        spec['priority'] = int(campaign['priority'])
    except (KeyError, TypeError, ValueError):
        pass
    strategy = campaign.get('dialingStrategy') or {}
    phone = (strategy.get('callerId') or {}).get('phoneNumber')
    if phone:
        spec['caller_id'] = phone
    hours = strategy.get('callingHours')
    if isinstance(hours, dict) and hours.get('days'):
        try:
            spec['calling_hours'] = _calling_hours({'frequency': hours.get('frequency'), 'timezone': hours.get('timezone'),
                                                    'days': hours.get('days')})
        except ValidationError:
            spec['calling_hours'] = hours  # unreadable: compares unequal, so a rewrite fixes it
    if campaign_type == 'voice':
        if campaign.get('dialingMode'):
            spec['dialing_mode'] = str(campaign['dialingMode']).lower()
        for option, key in (('max_attempts', 'maxAttemptsPerRecord'), ('retry_period', 'defaultRetryPeriod'),
                            ('ring_time', 'maxRingTime')):
            if strategy.get(key) is not None:
                spec[option] = strategy[key]
        if strategy.get('dialingOrder'):
            spec['dialing_order'] = str(strategy['dialingOrder']).upper()
        if campaign.get('maxSkips') is not None:
            spec['max_skips'] = campaign['maxSkips']
        if campaign.get('experienceFlowName'):
            spec['experience_flow'] = campaign['experienceFlowName']
        if isinstance(campaign.get('enableMachineDetect'), str):
            spec['machine_detection'] = campaign['enableMachineDetect']
        if campaign.get('queue_name'):
            spec['queue'] = campaign['queue_name']
    else:
        if campaign.get('format'):
            spec['format'] = campaign['format']
        message = campaign.get('message')
        if isinstance(message, dict):
            if message.get('message') is not None:
                spec['message'] = decode_message(message['message'])
            if message.get('template_name'):
                spec['template_name'] = message['template_name']
        if campaign.get('experienceFlowName'):
            spec['experience_flow'] = campaign['experienceFlowName']
    return spec


def changed_fields(current, desired):
    """Options whose wanted value differs from what the API shows, and those it does not show back."""
    changed = sorted(k for k in desired if k in current and current[k] != desired[k]
                     or k not in current and k not in NOT_READ_BACK)
    unreadable = sorted(k for k in desired if k not in current and k in NOT_READ_BACK)
    return changed, unreadable
