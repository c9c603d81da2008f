# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""What a planner returns: the writes to send, the diff, and what the module says, in words for a
real run and for check mode alike (no message is rewritten afterwards)."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type


# Action names, as modules return them in `actions`.
START = 'start'
STOP = 'stop'
AWAIT_READY = 'await_ready'
DISABLE_SCHEDULE = 'disable_schedule'
ENABLE_SCHEDULE = 'enable_schedule'
DELETE = 'delete'
CREATE = 'create'
UPDATE = 'update'

CHECK_MODE = '(check mode) '


class Plan:
    """actions, before/after for the diff, and the message for a real run (msg) and for check mode.

    payload is whatever the writes need beyond the plan itself (the complete spec of an update)."""

    def __init__(self, actions, before, after, msg, check_msg=None, warnings=None, payload=None):
        self.actions = list(actions)
        self.before = before
        self.after = after
        self.msg = msg
        self.check_msg = msg if check_msg is None else check_msg
        self.warnings = list(warnings or [])
        self.payload = payload

    @property
    def changed(self):
        return bool(self.actions)

    @property
    def diff(self):
        return {'before': self.before, 'after': self.after}

    def message(self, check_mode):
        """What the module says: what it did, or in check mode what it would do."""
        if check_mode and self.changed:
            return CHECK_MODE + self.check_msg
        return self.msg

    def __repr__(self):
        return 'Plan(actions=%r, msg=%r)' % (self.actions, self.msg)


def change(actions, before, after, subject, done, would, detail='', warnings=None, payload=None):
    """A plan that writes: '<subject> <done><detail>', and '<subject> <would><detail>' in check mode."""
    return Plan(actions, before, after, '%s %s%s' % (subject, done, detail), '%s %s%s' % (subject, would, detail),
                warnings, payload)


def no_change(view, msg, warnings=None):
    """A plan that sends nothing; before and after are the same view."""
    return Plan([], view, view, msg, warnings=warnings)
