# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fixtures that fake the HTTP layer only (see fakes.py), and a Runner on a fake clock."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils.client import KoreaiClient
from ansible_collections.koreai.campaign.plugins.module_utils.runner import Runner

from .fakes import ACCOUNT, CLIENT_ID, HOST, SECRET, STREAM, FakeAdapter
from .helpers import FakeClock


@pytest.fixture
def adapter():
    return FakeAdapter()


@pytest.fixture
def sleeps():
    return []


@pytest.fixture
def make_client(adapter, sleeps):
    def factory(**kwargs):
        options = dict(host=HOST, stream_id=STREAM, account_id=ACCOUNT, client_id=CLIENT_ID, client_secret=SECRET,
                       sleep=sleeps.append)
        options.update(kwargs)
        client = KoreaiClient(**options)
        client.session.mount('https://', adapter)
        client.session.mount('http://', adapter)
        return client
    return factory


@pytest.fixture
def client(make_client):
    return make_client()


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def runner(client, clock):
    """A factory of Runners on the faked client; they sleep on the fake clock, so no test waits."""
    def factory(**kwargs):
        options = dict(check_mode=False, wait=True, wait_timeout=60, sleep=clock.sleep, clock=clock)
        options.update(kwargs)
        return Runner(client, **options)
    return factory
