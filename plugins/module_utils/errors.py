# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""The collection's errors. Every str() is a complete, secret-free message a module can fail with."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type


class KoreaiError(Exception):
    """Base class of the collection's errors; str() is a complete, secret-free message."""


class KoreaiApiError(KoreaiError):
    """An API call failed: carries the operation, the campaign, the HTTP status and the API's message."""

    def __init__(self, operation, message, status=None, campaign=None, method=None, path=None, api_message=None):
        self.operation = operation
        self.status = status
        self.campaign = campaign
        self.method = method
        self.path = path
        self.api_message = api_message
        self.detail = message
        super(KoreaiApiError, self).__init__(self._compose())

    def _compose(self):
        parts = [self.operation]
        if self.campaign:
            parts.append('for campaign %s' % self.campaign)
        text = ' '.join(parts) + ' failed'
        where = []
        if self.status is not None:
            where.append('HTTP %s' % self.status)
        if self.method and self.path:
            where.append('from %s %s' % (self.method, self.path))
        if where:
            text += ' (%s)' % ' '.join(where)
        return '%s: %s' % (text, self.detail)

    @property
    def not_found(self):
        return self.status == 404


class KoreaiUnknownOutcome(KoreaiApiError):
    """A write got no trustworthy answer: it may or may not have been applied.

    Callers read the object back instead of sending the write again (writes.py).
    """


class WriteNotApplied(KoreaiError):
    """A write whose answer was lost, and which reading back shows did not take effect. Not resent."""


class NotFound(KoreaiError):
    """A campaign or contact list the task names does not exist."""


class WaitTimeout(KoreaiError):
    """Waiting for a status ran out of time; the message names the last status seen."""


class AuditLogError(Exception):
    """The audit trail cannot be written: the task stops before (another) write is sent.

    Not a KoreaiError, so that a bulk run's per-campaign handling cannot swallow it and go on
    writing without a trail."""


class PlanError(Exception):
    """The desired state cannot be reached from the current one without the user's say-so."""


class ValidationError(ValueError):
    """A bad option value; the message says which option and what to write instead."""


# What a module reports with fail_json instead of a traceback.
KNOWN_ERRORS = (KoreaiError, AuditLogError, PlanError, ValidationError)
