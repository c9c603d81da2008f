# -*- coding: utf-8 -*-
# Copyright: (c) 2026, koreai.campaign contributors
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)

# FOR INTERNAL COLLECTION USE ONLY: the interfaces here may change in any release.

"""The context one module run works in, and the two things every resource shares through it:

- the one path every write goes through (write): send; when the answer is lost, read back instead
  of resending, decide from what the read shows, and audit every outcome;
- the one poll loop (poll): read with backoff until a condition holds or time runs out.

Resource code (campaign_runner.py, schedule_runner.py, contact_list_runner.py, bulk_runner.py)
says what to send and how to read it back; it never catches a lost answer itself."""

from __future__ import absolute_import, division, print_function
__metaclass__ = type

import time
import uuid

from ansible_collections.koreai.campaign.plugins.module_utils.api import campaign_label
from ansible_collections.koreai.campaign.plugins.module_utils.audit import new_write_id
from ansible_collections.koreai.campaign.plugins.module_utils.errors import (
    KoreaiApiError, KoreaiError, KoreaiUnknownOutcome, WaitTimeout, WriteNotApplied)

POLL_FIRST = 0.5
POLL_MAX = 10.0
# How long to keep reading after a write whose answer was lost, when not waiting anyway.
UNKNOWN_OUTCOME_WINDOW = 30


class Found:
    """What reading back after a lost answer found: whether the write took effect, in words.

    words complete '<error>; <words>' when applied, '<error>. <words>; the request was not sent
    again ...' when not. value is what the write returns when applied; subject, when given, is the
    object the audit line names (a create's new campaign)."""

    def __init__(self, applied, words, status=None, value=None, subject=None):
        self.applied = applied
        self.words = words
        self.status = status
        self.value = value
        self.subject = subject


class Converged(dict):
    """What Runner.write returns when the campaign already was as the write wants (another run, or a
    stale read): {'status': status}, and in words, why nothing more was sent."""

    def __init__(self, status, words):
        super(Converged, self).__init__(status=status)
        self.words = words


def already_done(exc):
    """Whether an API refusal says the write was already done: a 409, or a 400 that says "already"."""
    text = ('%s %s' % (exc.api_message or '', exc.detail or '')).lower()
    return exc.status == 409 or (exc.status == 400 and 'already' in text)


class Polled:
    """The last value a poll read, whether the condition held, and the seconds it took."""

    def __init__(self, value, done, elapsed):
        self.value = value
        self.done = done
        self.elapsed = elapsed


class Runner:
    """Runs plans for one module invocation."""

    def __init__(self, client, check_mode=False, wait=True, wait_timeout=300, warn=None, sleep=None, clock=None,
                 audit=None, locks=None):
        self.client = client
        self.audit = audit
        # Per-campaign write locks shared with other module processes (write_lock.py), or None.
        self.locks = locks
        self.started = time.time()
        self.writer = uuid.uuid4().hex  # names this run's writes in the lock notes
        # Writes the API accepted in this run, so that a later failure still reports the change.
        self.accepted = []
        self.check_mode = check_mode
        self.wait = wait
        self.wait_timeout = wait_timeout
        self.warnings = []
        self._warn = warn
        self._sleep = sleep or time.sleep
        self._clock = clock or time.monotonic

    def warn(self, message):
        self.warnings.append(message)
        if self._warn:
            self._warn(message)

    def result(self, plan, **objects):
        """The module result a plan gives before anything is sent; objects that are None are left out."""
        result = {'changed': plan.changed, 'msg': plan.message(self.check_mode), 'diff': plan.diff,
                  'actions': list(plan.actions)}
        for key, value in objects.items():
            if value is not None:
                result[key] = value
        for warning in plan.warnings:
            self.warn(warning)
        return result

    # -- waiting ----------------------------------------------------------------------------

    def poll(self, read, done, timeout=None, first=POLL_FIRST, most=POLL_MAX):
        """Call read() until done(value), sleeping first, then twice as long each time up to most.

        Gives up when the next sleep would pass the timeout; the caller says what that means."""
        timeout = self.wait_timeout if timeout is None else timeout
        started = self._clock()
        interval = first
        while True:
            value = read()
            if done(value):
                return Polled(value, True, self._clock() - started)
            elapsed = self._clock() - started
            if elapsed + interval > timeout:
                return Polled(value, False, elapsed)
            self._sleep(interval)
            interval = min(most, interval * 2)

    def read_back_window(self, wait):
        return self.wait_timeout if wait else min(self.wait_timeout, UNKNOWN_OUTCOME_WINDOW)

    # -- writes -----------------------------------------------------------------------------

    def write(self, operation, subject, send, read_back=None, status_after=None, converged=None):
        """Send one write (see _send_write) under the campaign's write lock, when there is one.

        converged() reads the campaign and returns a Found that is applied when it already is as the
        write wants. It is called, instead of sending, when another process wrote this campaign since
        this run began; and after the API refuses the write as already done (a 409, or an answer that
        says "already"). Either way, when it shows the wanted state, the outcome is converged: nothing
        (more) is sent, no change is reported, and a Converged (a dict with the status) is returned."""
        key = subject.get('id') if isinstance(subject, dict) else None
        if self.locks is None or not key:
            return self._converging(operation, subject, send, read_back, status_after, converged)
        with self.locks.hold(key, campaign_label(subject)) as lock:
            if converged is not None and lock.written_since(self.started, self.writer):
                found = converged()
                if found.applied:
                    return self._converged(operation, subject, found, 'another run wrote it first')
            try:
                return self._converging(operation, subject, send, read_back, status_after, converged)
            finally:
                lock.mark_written(self.writer)

    def _converging(self, operation, subject, send, read_back, status_after, converged):
        try:
            return self._send_write(operation, subject, send, read_back, status_after)
        except KoreaiApiError as exc:
            if converged is None or not already_done(exc):
                raise
            try:
                found = converged()
            except KoreaiError:
                raise exc
            if not found.applied:
                raise
            return self._converged(operation, subject, found, 'the API answered: %s' % (exc.api_message or exc.detail),
                                   getattr(exc, 'write_id', None))

    def _converged(self, operation, subject, found, why, write_id=None):
        # write_id: the intent of the write the API refused as done; None when nothing was sent.
        self.record(operation, subject, found.status, 'converged', write_id=write_id)
        return Converged(found.status, '%s: %s' % (why, found.words))

    def _send_write(self, operation, subject, send, read_back=None, status_after=None):
        """Send one write and audit its outcome. When its answer is lost, read_back() (a Found) decides:
        applied -> a warning and found.value; not applied -> WriteNotApplied. Never resent.

        Without read_back the lost answer is raised as KoreaiUnknownOutcome, for a caller that reads
        many back at once (bulk) and settles each with settle().

        The audit intent is written before sending: a trail that cannot be written raises
        AuditLogError and nothing is sent; a process killed mid-write leaves the intent."""
        write_id = new_write_id()
        if self.audit is not None:
            self.audit.intend(operation, subject, write_id)
        try:
            answer = send()
        except KoreaiUnknownOutcome as exc:
            exc.write_id = write_id  # settle() completes the same intent later
            self.record(operation, subject, None, 'unknown', detail=exc.detail, write_id=write_id)
            if read_back is None:
                raise
            found = self._read_back(exc, read_back)
            self.warn(self.settle(operation, subject, exc, found))
            return found.value
        except KoreaiError as exc:
            exc.write_id = write_id  # a refusal as "already done" is completed by the converged line
            self.record(operation, subject, None, 'failed', detail=getattr(exc, 'detail', str(exc)),
                        write_id=write_id)
            raise
        status = answer.get('status') if isinstance(answer, dict) and answer.get('status') != 'success' else None
        self.record(operation, subject, status or status_after, 'success', write_id=write_id)
        return answer

    def settle(self, operation, subject, exc, found):
        """Decide a write whose answer was lost from what reading back found; audit it, return the
        warning when it took effect, raise WriteNotApplied when it did not."""
        write_id = getattr(exc, 'write_id', None)
        if found.applied:
            self.record(operation, found.subject or subject, found.status, 'applied (read back)', write_id=write_id)
            return '%s; %s' % (exc, found.words)
        self.record(operation, subject, None, 'not applied (read back)', write_id=write_id)
        raise WriteNotApplied('%s. %s; the request was not sent again, so that it cannot apply twice. Run the task '
                              'again to retry' % (exc, found.words))

    def _read_back(self, exc, read_back):
        """Read after a write with an unknown outcome; when the read fails too, say what was sent."""
        try:
            return read_back()
        except KoreaiError as failure:
            raise KoreaiError('%s. Reading it back failed as well (%s). The request was not sent again; check the '
                              'campaign before running the task again' % (exc, failure))

    def record(self, operation, subject, status_after, outcome, detail=None, write_id=None):
        if outcome in ('success', 'applied (read back)'):
            self.accepted.append('%s %s' % (operation, campaign_label(subject) or subject.get('name')))
        if self.audit is not None:
            self.audit.record(operation, subject, subject.get('status'), status_after, outcome,
                              self.client.last_status, detail, write_id=write_id)


__all__ = ['Converged', 'Found', 'Polled', 'Runner', 'WaitTimeout', 'already_done']
