# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Option checks shared by the modules. Pure: every failure is a ValidationError naming the
option and what to write instead, raised before any request is sent."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import datetime
import re

from ansible_collections.koreai.campaign.plugins.module_utils.errors import ValidationError

API_DATETIME_FORMAT = '%Y-%m-%d %H:%M:%S'
_DATETIME_RE = re.compile(
    r'^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})[ T](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?'
    r'\s*(?P<tz>Z|z|UTC|[+-]\d{2}:?\d{2})?$')
MAX_NAME_LENGTH = 48
MAX_DESCRIPTION_LENGTH = 256
# Schedules are about campaigns that run now or soon; this also keeps strftime's output zero-padded.
MIN_YEAR = 2000
MAX_YEAR = 2999
UTC = datetime.timezone.utc


def parse_datetime(value, option):
    """Parse 'YYYY-MM-DD HH:MM:SS' (taken as UTC) or ISO 8601 with an offset; return an aware UTC datetime."""
    if isinstance(value, datetime.datetime):
        parsed = value if value.tzinfo else value.replace(tzinfo=UTC)
        return parsed.astimezone(UTC)
    text = str(value).strip()
    match = _DATETIME_RE.match(text)
    if not match:
        # The examples are tomorrow, so that copying one gives a date the API takes.
        tomorrow = (datetime.datetime.now(UTC) + datetime.timedelta(days=1)).strftime('%Y-%m-%d')
        raise ValidationError(
            "%s=%r is not a date and time; write 'YYYY-MM-DD HH:MM:SS' (UTC), for example '%s 18:29:00', "
            "or ISO 8601 with an offset such as '%sT09:00:00+05:30'" % (option, value, tomorrow, tomorrow))
    parts = match.groupdict()
    try:
        parsed = datetime.datetime(int(parts['y']), int(parts['m']), int(parts['d']), int(parts['H']),
                                   int(parts['M']), int(parts['S'] or 0), tzinfo=UTC)
    except ValueError as exc:
        raise ValidationError('%s=%r is not a valid date and time (%s)' % (option, value, exc))
    tz = parts['tz']
    if tz and tz.upper() not in ('Z', 'UTC'):
        sign = -1 if tz[0] == '-' else 1
        digits = tz[1:].replace(':', '')
        offset = datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        if offset >= datetime.timedelta(hours=24):
            raise ValidationError('%s=%r has an impossible UTC offset' % (option, value))
        try:
            parsed = parsed - sign * offset
        except OverflowError:
            raise ValidationError('%s=%r is outside the calendar once converted to UTC' % (option, value))
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise ValidationError('%s=%r is in the year %d; write a date between %d and %d'
                              % (option, value, parsed.year, MIN_YEAR, MAX_YEAR))
    return parsed


def format_api_datetime(value):
    """The API's wall-clock format, in UTC, zero-padded."""
    return value.astimezone(UTC).strftime(API_DATETIME_FORMAT)


def check_name(name, option='name'):
    if name is None or not str(name).strip():
        raise ValidationError('%s must not be empty; write the campaign name as shown in Kore.ai' % option)
    if len(name) > MAX_NAME_LENGTH:
        raise ValidationError('%s is %d characters long; Kore.ai campaign names have at most %d'
                              % (option, len(name), MAX_NAME_LENGTH))
    return name


def check_description(description):
    if description is not None and len(description) > MAX_DESCRIPTION_LENGTH:
        raise ValidationError('description is %d characters long; Kore.ai allows at most %d'
                              % (len(description), MAX_DESCRIPTION_LENGTH))
    return description


def check_identity(campaign_id, name):
    """Exactly one of campaign_id and name."""
    if bool(campaign_id) == bool(name):
        raise ValidationError('give exactly one of campaign_id (for example cd-9e14b72-...) and name')
    if campaign_id is not None and not campaign_id.strip('.'):
        # URL normalisation (in requests and urllib3) would drop such a path segment, however it is quoted.
        raise ValidationError('campaign_id=%r is not a campaign ID; write one such as cd-9e14b72-...' % campaign_id)
    if name is not None:
        check_name(name)
