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


# -- statuses in any case, the UI's extra ones, and unknown ones (section 8.5) ---------------------

@pytest.mark.parametrize('status', ['ACTIVE', 'active', ' Active ', 'running', 'Running', 'Rerun', 'RUN AS EMERGENCY',
                                    'paused', 'PAUSED'])
def test_running_in_any_spelling(status):
    assert cs.is_running({'status': status}) and not cs.reached('stopped', status)
    assert not cs.unknown_status(status)


@pytest.mark.parametrize('status', ['stopped', 'COMPLETED', 'ready', 'preparing'])
def test_not_running_in_any_spelling(status):
    assert not cs.is_running({'status': status}) and cs.reached('stopped', status)


def test_started_is_reached_in_any_spelling():
    assert cs.reached('started', 'ACTIVE') and cs.reached('started', 'completed') and cs.reached('started', 'Rerun')
    assert not cs.reached('started', 'paused')


@pytest.mark.parametrize('status', ['Dialing', 'Halted', 'in progress'])
def test_an_unknown_status_counts_as_possibly_running(status):
    campaign = {'id': 'cd-1', 'name': 'X', 'status': status}
    assert cs.unknown_status(status) and cs.is_running(campaign) and not cs.reached('stopped', status)
    assert cs.unknown_status_warning(campaign) == (
        "campaign 'X' (cd-1) has the status %r, which this collection does not know; it is treated as possibly "
        "running" % status)


def test_a_missing_status_is_not_unknown():
    assert not cs.unknown_status(None) and not cs.unknown_status('') and cs.unknown_status_warning({}) is None


def test_scheduled_in_any_spelling():
    assert cs.schedule_enabled({'status': 'SCHEDULED'}) and cs.schedule_enabled({'status': 'rescheduled'})
