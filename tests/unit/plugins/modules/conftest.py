# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fixtures for the modules' main(): only the HTTP layer is faked; pacing and waits run on a private directory and a fake clock."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import pytest

from ansible_collections.koreai.campaign.plugins.module_utils import client as client_lib
from ansible_collections.koreai.campaign.plugins.module_utils import pacing
from ansible_collections.koreai.campaign.plugins.module_utils import runner as runner_lib

ENVIRONMENT = ('KOREAI_HOST', 'KOREAI_CLIENT_ID', 'KOREAI_CLIENT_SECRET', 'KOREAI_TOKEN', 'KOREAI_STREAM_ID',
               'KOREAI_ACCOUNT_ID', 'KOREAI_TRIGGER_PATH', 'KOREAI_VALIDATE_CERTS', 'KOREAI_CA_PATH', 'KOREAI_TIMEOUT',
               'KOREAI_RETRIES', 'KOREAI_RATE_LIMIT', 'KOREAI_AUDIT_LOG')


@pytest.fixture(autouse=True)
def fake_http(adapter, clock, monkeypatch, tmp_path):
    original = client_lib.KoreaiClient.__init__

    def init(self, *args, **kwargs):
        kwargs['sleep'] = lambda seconds: None
        original(self, *args, **kwargs)
        self.session.mount('https://', adapter)
        self.session.mount('http://', adapter)
    monkeypatch.setattr(client_lib.KoreaiClient, '__init__', init)

    original_runner = runner_lib.Runner.__init__

    def runner_init(self, *args, **kwargs):
        kwargs.setdefault('sleep', clock.sleep)
        kwargs.setdefault('clock', clock)
        original_runner(self, *args, **kwargs)
    monkeypatch.setattr(runner_lib.Runner, '__init__', runner_init)

    # The request budget is kept in a file per account; a shared one would make tests wait for each other.
    monkeypatch.setattr(pacing, 'DEFAULT_STATE_DIR', str(tmp_path / 'pacing'))
    for name in ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
