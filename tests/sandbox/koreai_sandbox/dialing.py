"""Dialing: how an Active campaign works through the contacts of its lists (API §8.1-§8.5).

A *run* is one execution of a campaign (one ``campaignInstanceId``). Play starts a run; stop
ends it ("Stopping resets campaign data. Rerunning creates a new instance"), and the run
then lives on only as call records (analytics). While the campaign is Active the run:

* takes in the visible contacts of the campaign's contact lists, in list order and insertion
  order (LIFO: newest first), also contacts that become visible while it runs;
* works through a queue: a contact on the campaign's DNC list or (voice) on a list with
  ``isGlobalDNC`` is excluded, one outside its calling hours is skipped (both take no dial
  time and are final), any other gets an attempt. No-answer and busy go to the back of the
  queue until ``maxAttemptsPerRecord`` attempts (SMS: one send, sent or failed);
* advances ``dial_rate`` attempts per second of sandbox clock, worked out lazily whenever the
  campaign is read, or through the control API;
* turns the campaign Completed once it has had contacts and every one is final. A run with no
  contacts waits for some, so starting a campaign with empty lists behaves as it always did.

Outcomes are a pure function of (dial_seed, phoneNumber, attempt number) and the weights in
``dial_outcomes``, so the same seed gives the same outcomes in any sandbox.
"""

import array
import bisect
import collections
import datetime as dt
import functools
import hashlib
import uuid

from .config import DIAL_OUTCOMES, parse_clock
from .errors import ApiError
from .validation import DAY_CODES, clock_minutes, valid_timezone

try:
    from zoneinfo import ZoneInfo
except ImportError:  # pragma: no cover - Python < 3.9
    ZoneInfo = None

ANSWERED, NO_ANSWER, BUSY, SENT, FAILED, DNC, SKIPPED = range(7)
OUTCOME_NAMES = {ANSWERED: "answered", NO_ANSWER: "no_answer", BUSY: "busy", SENT: "sent",
                 FAILED: "failed", DNC: "dnc", SKIPPED: "skipped"}
# view=contacts dialerOutcome: "completed" and "" (in progress) are documented, the rest
# follow the dashboard's dialer dispositions (No Answer, Busy, DNC Excluded, Unconnected).
DIALER_OUTCOME = {ANSWERED: "completed", NO_ANSWER: "noAnswer", BUSY: "busy",
                  SENT: "completed", FAILED: "failed", DNC: "dncExcluded",
                  SKIPPED: "callingHoursSkipped"}
# interactionDetails campaigninfo.contactStatus of one attempt, as documented (lower case).
CONTACT_STATUS = {ANSWERED: "answered", NO_ANSWER: "no-answer", BUSY: "busy",
                  SENT: "sent", FAILED: "failed"}
_PICK = {"answered": ANSWERED, "no_answer": NO_ANSWER, "busy": BUSY}
AGENT_DISPOSITIONS = ("Resolved", "Unresolved", "Requires Supervisor Attention")
_NS = uuid.UUID("5b0f6a52-8d0e-4c3e-9a34-6d1c2b9e7f10")


class Entry:
    """One contact of a run (a dialing-list entry, ``cdl-…``)."""

    __slots__ = ("contact", "list_name", "attempts", "final", "last", "connected")

    def __init__(self, contact, list_name):
        self.contact = contact      # the stored contact (never changed once visible)
        self.list_name = list_name
        self.attempts = 0
        self.final = None           # outcome code once nothing more will happen
        self.last = None            # outcome of the latest attempt
        self.connected = 0          # attempt number that connected (0 = none)

    def copy(self):
        other = Entry(self.contact, self.list_name)
        other.attempts, other.final = self.attempts, self.final
        other.last, other.connected = self.last, self.connected
        return other


class Run:
    """One execution of a campaign: its entries, its queue and its call records."""

    def __init__(self, c, instance_id, seq, started, run_date, seed):
        self.seq = seq
        self.seed = seed            # a run keeps the dial_seed it started with
        self.campaign_id, self.campaign_name = c.id, c.name
        self.ctype = c.type
        self.mode = c.obj.get("dialingMode")
        self.account, self.stream = c.account_id, c.stream_id
        self.instance_id = instance_id
        self.run_date = run_date    # ISO UTC on the dial clock
        strategy = c.obj.get("dialingStrategy") or {}
        self.caller = (strategy.get("callerId") or {}).get("phoneNumber", "")
        attempts = strategy.get("maxAttemptsPerRecord")
        self.max_attempts = attempts if c.type == "voice" and isinstance(attempts, int) and attempts > 0 else 1
        self.lifo = strategy.get("dialingOrder") == "LIFO"
        ring = strategy.get("maxRingTime")
        self.ring_time = ring if isinstance(ring, int) and ring > 0 else 30
        self.list_names = list(c.obj.get("contactLists") or [])
        self.entries = []
        self.queue = collections.deque()
        self.taken = {}             # contact list id -> how many of its contacts joined
        self.last_tick = started
        self.credit = 0.0
        # Call records, compact: 100 000 contacts make a few hundred thousand rows.
        self.att_entry = array.array("l")
        self.att_no = array.array("h")
        self.att_code = array.array("b")
        self.att_time = array.array("d")

    def record(self, idx, attempt, code, when):
        self.att_entry.append(idx)
        self.att_no.append(attempt)
        self.att_code.append(code)
        self.att_time.append(when)


# --- clocks, outcomes, calling hours ------------------------------------------------------------

def dial_clock(config):
    """``(fixed epoch seconds or None, check calling hours?)`` from the dial_now setting."""
    value = config["dial_now"]
    if value is None:
        return None, False
    if value == "real":
        return None, True
    fixed = parse_clock(value, "dial_now").replace(tzinfo=dt.timezone.utc)
    return fixed.timestamp(), True


def iso(epoch):
    return (dt.datetime.fromtimestamp(epoch, dt.timezone.utc)
            .isoformat(timespec="milliseconds").replace("+00:00", "Z"))


def unit(*parts):
    """A number in [0, 1) that depends only on ``parts``."""
    digest = hashlib.blake2b("|".join(str(p) for p in parts).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") / 2.0 ** 64


@functools.lru_cache(maxsize=256)
def _zone(name):
    if ZoneInfo is None or not valid_timezone(name):
        return dt.timezone.utc
    return ZoneInfo(name)


def calling_windows(hours):
    """callingHours.days as {day code: [(start minute, end minute)]}; bad entries are ignored."""
    out = collections.defaultdict(list)
    for entry in (hours or {}).get("days") or []:
        if not isinstance(entry, dict) or entry.get("day") not in DAY_CODES:
            continue
        try:
            out[entry["day"]].append((clock_minutes(entry.get("start"), "start"),
                                      clock_minutes(entry.get("end"), "end")))
        except ApiError:
            continue
    return out


class Dial:
    """What one pass over a run needs: settings, the calling windows, the DNC numbers."""

    def __init__(self, state, c, run):
        cfg = state.config
        self.run = run
        self.seed = run.seed
        self.weights = [(n, cfg["dial_outcomes"][n]) for n in DIAL_OUTCOMES
                        if cfg["dial_outcomes"].get(n, 0) > 0]
        self.fixed, self.check_hours = dial_clock(cfg)
        hours = (c.obj.get("dialingStrategy") or {}).get("callingHours") or {}
        self.zone = hours.get("timezone")
        self.windows = calling_windows(hours)
        self.dnc = dnc_numbers(state, c)

    def when(self, t):
        return self.fixed if self.fixed is not None else t

    def exclusion(self, e, when):
        """DNC or SKIPPED when the contact may not be dialled now, else None."""
        phone = e.contact["phoneNumber"]
        if any(phone in numbers for numbers in self.dnc):
            return DNC
        if self.check_hours and not self.inside(e.contact, when):
            return SKIPPED
        return None

    def inside(self, contact, when):
        # The contact's own timeZone overrides the campaign's calling-hours zone (§8.2).
        tz = contact.get("timeZone")
        zone = _zone(tz if isinstance(tz, str) and valid_timezone(tz) else self.zone or "UTC")
        local = dt.datetime.fromtimestamp(when, dt.timezone.utc).astimezone(zone)
        minute = local.hour * 60 + local.minute
        return any(start <= minute < end for start, end in self.windows.get(DAY_CODES[local.weekday()], ()))

    def outcome(self, phone, attempt):
        x = unit(self.seed, phone, attempt) * sum(w for _n, w in self.weights)
        pick = self.weights[-1][0]
        for name, weight in self.weights:
            if x < weight:
                pick = name
                break
            x -= weight
        code = _PICK[pick]
        if self.run.ctype == "sms":
            return SENT if code == ANSWERED else FAILED
        return code

    def attempt(self, idx, e, when, record=True):
        e.attempts += 1
        code = self.outcome(e.contact["phoneNumber"], e.attempts)
        e.last = code
        if code in (ANSWERED, SENT):
            e.connected = e.attempts
        if code in (ANSWERED, SENT, FAILED) or e.attempts >= self.run.max_attempts:
            e.final = code
        if record:
            self.run.record(idx, e.attempts, code, when)
        return code


def dnc_numbers(state, c):
    """The numbers a campaign may not dial: its own DNC list, plus for voice every list
    marked isGlobalDNC (SMS campaigns use only their own DNC list, §8.1)."""
    out = []
    dnc = c.obj.get("dncLists")
    name = dnc.get("name") if isinstance(dnc, dict) else None
    if name:
        cl = state.find_list_by_name(c.account_id, c.stream_id, name)
        if cl is not None:
            state.touch_list(cl)
            out.append(cl.phones)
    if c.type == "voice":
        for cl in state.contact_lists(c.account_id, c.stream_id).values():
            if cl.obj.get("isGlobalDNC") and cl.name != name:
                state.touch_list(cl)
                out.append(cl.phones)
    return out


# --- the run's life -------------------------------------------------------------------------

def start_run(state, c, instance_id):
    """A new run for ``c`` (play, or a campaign that is Active without one)."""
    fixed, _check = dial_clock(state.config)
    started = state.clock()
    state.run_seq += 1
    run = Run(c, instance_id, state.run_seq, started, iso(fixed if fixed is not None else started),
              state.config["dial_seed"])
    state.runs.append(run)
    c.run = run
    return run


def join(state, c, run):
    """Take in the contacts of the campaign's lists that are visible and not in the run yet.

    Returns the sandbox-clock time the earliest of them became visible (None: none joined).
    """
    first = None
    for name in c.obj.get("contactLists") or []:
        cl = state.find_list_by_name(c.account_id, c.stream_id, name)
        if cl is None:
            continue
        state.touch_list(cl)
        start = run.taken.get(cl.id, 0)
        if start >= len(cl.contacts):
            continue
        for contact in cl.contacts[start:]:
            run.entries.append(Entry(contact, cl.name))
            idx = len(run.entries) - 1
            if run.lifo:
                run.queue.appendleft(idx)
            else:
                run.queue.append(idx)
        run.taken[cl.id] = len(cl.contacts)
        at = cl.shown_at[bisect.bisect_right(cl.shown_from, start) - 1]
        first = at if first is None else min(first, at)
    return first


def work(d, budget, times):
    """Work the queue: exclusions are free, at most ``budget`` attempts (None = all).

    ``times(k)`` is the sandbox-clock time of the k-th attempt of this pass.
    Returns the number of attempts made.
    """
    run, made = d.run, 0
    while run.queue:
        idx = run.queue[0]
        e = run.entries[idx]
        when = d.when(times(made))
        excluded = d.exclusion(e, when)
        if excluded is not None:
            run.queue.popleft()
            # Not dialled at all: the exclusion is the outcome; otherwise the retries end.
            e.final = excluded if e.attempts == 0 else e.last
            continue
        if budget is not None and made >= budget:
            break
        run.queue.popleft()
        d.attempt(idx, e, when)
        made += 1
        if e.final is None:
            run.queue.append(idx)
    return made


def tick(state, c):
    """Bring the run of ``c`` up to the sandbox clock (called on every read of ``c``)."""
    run = c.run
    now = state.clock()
    if c.status != "Active":
        if run is not None:  # paused or stopped time earns no dial time
            run.last_tick, run.credit = now, 0.0
        return
    if run is None:
        run = start_run(state, c, instance_of(c))
    had_work = bool(run.queue)
    joined_from = join(state, c, run)
    # Time while the queue was empty earns nothing: dialling starts when contacts arrive.
    begin = run.last_tick
    if not had_work:
        begin = now if joined_from is None else max(begin, joined_from)
    elapsed = max(0.0, now - begin)
    run.last_tick = now
    if run.queue:
        run.credit += elapsed * state.config["dial_rate"]
        n = int(run.credit)
        begin = now - elapsed
        made = work(Dial(state, c, run), n,
                    lambda k: begin + (k + 1) * elapsed / n if n else now)
        run.credit = run.credit - made if run.queue else 0.0
    if run.entries and not run.queue:
        state.complete_run(c)


def advance(state, c, attempts=None):
    """Control API: make ``attempts`` more attempts now, or (None) finish the run."""
    tick(state, c)
    if c.status != "Active":
        return 0
    run = c.run
    join(state, c, run)
    now = state.clock()
    made = work(Dial(state, c, run), attempts, lambda k: now)
    if not run.queue and (run.entries or attempts is None):
        state.complete_run(c)
    return made


def instance_of(c):
    """The campaign's instance id, given one if it has none (an Active campaign has one)."""
    if not c.obj.get("campaignInstanceId"):
        c.obj["campaignInstanceId"] = "cid-%s" % uuid.uuid4()
    return c.obj["campaignInstanceId"]


# --- what the API shows ------------------------------------------------------------------------

def session_id(run, idx, attempt):
    """24 hex digits like the samples' botSessionId/sessionId, the same for the same attempt."""
    key = "%s|%d|%d" % (run.instance_id, idx, attempt)
    return hashlib.blake2b(key.encode("utf-8"), digest_size=12).hexdigest()


def dialing_list_id(run, idx):
    return "cdl-%s" % uuid.uuid5(_NS, "%s|%d" % (run.instance_id, idx))


def answered(run, seed, phone, attempt):
    """(botOutboundStatus, botOutboundStatusDetail, agentDispositionCodes) of a connected call."""
    if run.mode == "Agentless":
        return "userHangUp", "user_hangup", ["System Generated"]
    who = unit(seed, phone, attempt, "hangup")
    status = ("agentHangUp", "agent_hangup") if who < 0.5 else ("userHangUp", "user_hangup")
    pick = int(unit(seed, phone, attempt, "disposition") * len(AGENT_DISPOSITIONS))
    return status[0], status[1], [AGENT_DISPOSITIONS[pick]]


def result_row(run, idx, e, seed, lower=False):
    """One view=contacts result, as the get-all-contact-details page shows them."""
    phone = e.contact["phoneNumber"]
    row = {"phoneNumber": phone, "uniqueId": e.contact.get("uniqueId", ""),
           "dialerOutcome": DIALER_OUTCOME[e.final] if e.final is not None else "",
           "numberOfAttemptsSoFar": e.attempts, "botSessionId": "",
           "agentDispositionCodes": [], "botOutboundStatus": "", "botOutboundStatusDetail": ""}
    if run.ctype == "sms":
        if e.last is not None:
            row["botOutboundStatus"], row["botOutboundStatusDetail"] = (
                ("sent", "delivered") if e.last == SENT else ("failed", "undelivered"))
    elif e.connected:
        status, detail, codes = answered(run, seed, phone, e.connected)
        row.update(botSessionId=session_id(run, idx, e.connected), agentDispositionCodes=codes,
                   botOutboundStatus=status, botOutboundStatusDetail=detail)
    if lower:
        row["dialerOutcome"] = row["dialerOutcome"].lower()
        row["botOutboundStatus"] = row["botOutboundStatus"].lower()
    return row


def summary(state, c, final=False):
    """Outcome counts of the current run of ``c``, as view=contacts would tally them.

    ``final``: what they will be once the run completes, predicted with the settings, lists
    and dial clock as they are now (contacts that join later are not foreseen).
    """
    tick(state, c)
    run = c.run
    out = {"campaign_id": c.id, "campaignInstanceId": run.instance_id if run else None,
           "status": c.status, "final": bool(final), "contacts": 0, "attempts": 0,
           "outcome": dict.fromkeys(("answered", "no_answer", "busy", "dnc", "skipped", "sent",
                                     "failed", "pending"), 0),
           "dialerOutcome": {}, "botOutboundStatus": {}, "disposition": {},
           "contactStatus": {}, "numberOfAttemptsSoFar": {}}
    if run is None:
        return out
    seed, lower = run.seed, state.config["status_case"] != "documented"
    sessions = collections.Counter(run.att_code)
    d = Dial(state, c, run) if final else None
    when = d.when(state.clock()) if final else None
    for idx, e in enumerate(run.entries):
        if final and e.final is None:
            e = e.copy()
            while e.final is None:
                excluded = d.exclusion(e, when)
                if excluded is not None:
                    e.final = excluded if e.attempts == 0 else e.last
                    break
                sessions[d.attempt(idx, e, when, record=False)] += 1
        row = result_row(run, idx, e, seed, lower)
        out["contacts"] += 1
        out["outcome"][OUTCOME_NAMES[e.final] if e.final is not None else "pending"] += 1
        _count(out["dialerOutcome"], row["dialerOutcome"])
        _count(out["botOutboundStatus"], row["botOutboundStatus"])
        _count(out["numberOfAttemptsSoFar"], str(e.attempts))
        for code in row["agentDispositionCodes"]:
            _count(out["disposition"], code)
    out["attempts"] = sum(sessions.values())
    out["contactStatus"] = {CONTACT_STATUS[code]: n for code, n in sorted(sessions.items())}
    return out


def _count(counter, key):
    counter[key] = counter.get(key, 0) + 1
