# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What a campaign's status means (campaign_status.py): running, scheduled, a transition reached, names and labels."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import campaign_status as cs

STATUSES = ['Preparing', 'Ready', 'Active', 'Paused', 'Stopped', 'Completed', 'Scheduled', 'Rescheduled', None]


@pytest.mark.parametrize('status', STATUSES)
def test_reached(status):
    assert cs.reached('started', status) is (status in ('Active', 'Completed'))
    assert cs.reached('stopped', status) is (status not in ('Active', 'Paused'))


@pytest.mark.parametrize('status', STATUSES)
def test_is_running(status):
    assert cs.is_running({'status': status}) is (status in ('Active', 'Paused'))


@pytest.mark.parametrize('campaign,enabled', [
    ({'status': 'Ready'}, False),
    ({'status': 'Ready', 'schedule': None}, False),
    ({'status': 'Ready', 'schedule': {'isSchedulingEnabled': False}}, False),
    ({'status': 'Ready', 'schedule': {'isSchedulingEnabled': True}}, True),
    ({'status': 'Scheduled', 'schedule': {'isSchedulingEnabled': False}}, True),
    ({'status': 'Rescheduled'}, True),
    ({'status': 'Active', 'schedule': {'isSchedulingEnabled': 1}}, True),
])
def test_schedule_enabled(campaign, enabled):
    assert cs.schedule_enabled(campaign) is enabled


@pytest.mark.parametrize('campaign,key', [
    ({'name': 'Renewals', 'lname': 'renewals'}, 'renewals'),
    ({'name': 'RENEWALS'}, 'renewals'),
    ({'name': 'RENEWALS', 'lname': None}, 'renewals'),
    ({'name': 'Renewals', 'lname': 'as the api says'}, 'as the api says'),
    ({}, ''),
    ({'name': None}, ''),
])
def test_name_key_compares_as_the_api_does(campaign, key):
    assert cs.name_key(campaign) == key


def test_label():
    assert cs.label({'id': 'cd-1', 'name': 'Renewals'}) == "'Renewals' (cd-1)"
    assert cs.label({'id': 'cd-1', 'name': 'Leads deleted in May'}) == "'Leads deleted in May' (cd-1)"


def test_status_sets():
    assert cs.RUNNING_STATUSES == ('Active', 'Paused') and cs.SCHEDULED_STATUSES == ('Scheduled', 'Rescheduled')
    assert cs.PREPARING == 'Preparing'
    assert sorted(cs.TYPE_NAMES) == sorted(cs.TYPE_MODULES) == ['sms', 'voice']
