# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Test data shared by the unit tests (campaign objects and options as the API and users write them) and a fake clock."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import json


class FakeClock:
    """A monotonic clock that only moves when the code under test sleeps (or a test moves it)."""

    def __init__(self, now=0.0):
        self.now = now
        self.slept = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds


def voice(status, **extra):
    """A voice campaign as get_campaign returns it (normalised: id and type set)."""
    obj = {'_id': 'cd-1', 'id': 'cd-1', 'type': 'voice', 'name': 'Renewals', 'status': status,
           'createdAt': '2025-12-04T10:50:56.762Z', 'schedule': {'isSchedulingEnabled': False}}
    obj.update(extra)
    return obj


def status_answer(status, campaign_id='cd-1', name='Renewals'):
    """The answer of the status call (POST .../status?view=status)."""
    return {'status': 'success', 'data': {'id': campaign_id, 'status': status, 'name': name}}


def listing(*campaigns):
    """One page of getAllCampaignDetails."""
    return {'status': 'success', 'data': {'results': list(campaigns), 'hasMore': False}}


def audit_lines(path, intents=False):
    """The outcome entries of a JSON-lines audit trail (with intents=True every entry, the "sending"
    intent written before each write included), or [] when nothing was written."""
    try:
        with open(str(path)) as handle:
            entries = [json.loads(line) for line in handle.read().splitlines()]
    except IOError:
        return []
    return entries if intents else [e for e in entries if e.get('event') != 'sending']


def trigger_requests(adapter):
    """The start/stop requests the fake adapter saw."""
    return [r for r in adapter.requests if 'trigger' in dict(r.query)]


# Calling hours and complete configurations, as users write them.
HOURS = {'frequency': 'weekly', 'timezone': 'Asia/Kolkata',
         'days': [{'day': 'tue', 'start': '09:00', 'end': '18:00'}, {'day': 'MO', 'start': '9:00 AM', 'end': '6:00 PM'}]}
VOICE_OPTIONS = dict(description='Renewals', contact_lists=['CL Only 2020 Dec 4'], dnc_list='DNC CL Dec 4', priority=5,
                     caller_id='+18163300000', calling_hours=HOURS, dialing_mode='progressive', queue='Default Queue',
                     dialing_order='fifo', max_attempts=3, retry_period=10, ring_time=30)
SMS_OPTIONS = dict(description='Texts', contact_lists=['Renewal Due - May/June 2025'], priority=2,
                   caller_id='+919876543210', calling_hours=HOURS, format='simple',
                   text='Message for your targeted customer')

# The delete-voice-campaign-v2 page's object, as the API shows it.
API_VOICE = {
    '_id': 'cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx', 'id': 'cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx',
    'name': 'Service Renewal Outreach Campaign61', 'description': 'Renewals',
    'dncLists': {'id': 'cl-68b802a-2b99-4245-8eea-6d322a8xxxxx', 'name': 'DNC CL Dec 4'}, 'priority': '5',
    'dialingMode': 'Progressive',
    'dialingStrategy': {'callerId': {'phoneNumber': '+18163300000'},
                        'callingHours': {'frequency': 'WEEKLY', 'timezone': 'Asia/Kolkata', 'days': [
                            {'start': '9:00 AM', 'end': '6:00 PM', 'day': 'MO'},
                            {'start': '9:00 AM', 'end': '6:00 PM', 'day': 'TU'}]},
                        'dialingOrder': 'FIFO', 'maxAttemptsPerRecord': 3, 'defaultRetryPeriod': 10, 'maxRingTime': 30},
    'status': 'Ready', 'contactLists': ['CL Only 2020 Dec 4'], 'schedule': {'isSchedulingEnabled': False},
}
