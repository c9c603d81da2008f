# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""Pure: what a run's per-contact results and sessions add up to, and which rows a filter keeps.

Statuses are compared without regard to case (the release notes write them in lower case, the
API pages capitalised, API reference section 8.4): each count is keyed by the first spelling seen."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type


class Tally:
    """Counts grouped case-insensitively, shown under the first spelling seen."""

    def __init__(self):
        self._counts = {}

    def add(self, value):
        text = 'none' if value in (None, '') else str(value)
        key = text.casefold()
        spelling, count = self._counts.get(key, (text, 0))
        self._counts[key] = (spelling, count + 1)

    def as_dict(self):
        return dict(self._counts[key] for key in sorted(self._counts))


class ResultsSummary:
    """Counts by dialerOutcome, botOutboundStatus, disposition code and number of attempts."""

    def __init__(self):
        self.contacts = 0
        self.dialer_outcome = Tally()
        self.bot_outbound_status = Tally()
        self.disposition = Tally()
        self.attempts = Tally()

    def add(self, row):
        self.contacts += 1
        self.dialer_outcome.add(row.get('dialerOutcome'))
        self.bot_outbound_status.add(row.get('botOutboundStatus'))
        codes = row.get('agentDispositionCodes') or []
        for code in codes if isinstance(codes, list) else [codes]:
            self.disposition.add(code)
        self.attempts.add(row.get('numberOfAttemptsSoFar'))

    def as_dict(self):
        attempts = self.attempts.as_dict()
        return {'contacts': self.contacts, 'by_dialer_outcome': self.dialer_outcome.as_dict(),
                'by_bot_outbound_status': self.bot_outbound_status.as_dict(),
                'by_disposition': self.disposition.as_dict(),
                'by_attempts': dict(sorted(attempts.items(), key=lambda item: _number(item[0])))}


class SessionsSummary:
    """Counts of a campaign's sessions (call attempts) by contactStatus and attempt number."""

    def __init__(self):
        self.sessions = 0
        self.contact_status = Tally()
        self.attempt = Tally()
        self.instances = set()

    def add(self, info):
        self.sessions += 1
        self.contact_status.add(info.get('contactStatus'))
        self.attempt.add(info.get('attempt'))
        if info.get('campaignInstanceId'):
            self.instances.add(info['campaignInstanceId'])

    def as_dict(self):
        return {'sessions': self.sessions, 'by_contact_status': self.contact_status.as_dict(),
                'by_attempt': dict(sorted(self.attempt.as_dict().items(), key=lambda item: _number(item[0]))),
                'instances': sorted(self.instances)}


def _number(text):
    try:
        return (0, int(text))
    except (TypeError, ValueError):
        return (1, str(text))


class ResultFilter:
    """Keeps the rows whose dialerOutcome, botOutboundStatus and disposition codes are among those given."""

    def __init__(self, dialer_outcomes=None, bot_statuses=None, dispositions=None):
        self.dialer_outcomes = _folded(dialer_outcomes)
        self.bot_statuses = _folded(bot_statuses)
        self.dispositions = _folded(dispositions)

    def keeps(self, row):
        if self.dialer_outcomes and str(row.get('dialerOutcome') or '').casefold() not in self.dialer_outcomes:
            return False
        if self.bot_statuses and str(row.get('botOutboundStatus') or '').casefold() not in self.bot_statuses:
            return False
        if self.dispositions:
            codes = row.get('agentDispositionCodes') or []
            if not any(str(c).casefold() in self.dispositions for c in (codes if isinstance(codes, list) else [codes])):
                return False
        return True

    @property
    def active(self):
        return bool(self.dialer_outcomes or self.bot_statuses or self.dispositions)


def _folded(values):
    return set(str(v).casefold() for v in values or [])
