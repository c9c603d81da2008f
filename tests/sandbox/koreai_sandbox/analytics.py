"""Per-session analytics with campaign info (API §8.4, get-all-conversations-data-call-details-v2):
``POST /agentassist/api/public/analytics/account/{accountId}/v2/interactionDetails``.

The sandbox's sessions are the call attempts of its voice campaign runs (every run since the
last reset, stopped ones included: stopping resets the campaign's data, not the calls that
were made). SMS sends are not calls and have no sessions here.
"""

import datetime as dt
import re
import uuid

from . import dialing
from .validation import bad, only_keys

BODY_FIELDS = ("startDate", "endDate", "timeZoneOffset", "direction", "selectedFields",
               "queues", "channels")
SELECTABLE = ("skills", "customerinfo", "userleveltags", "sessionleveltags", "campaigninfo",
              "snoozeinfo")
DIRECTIONS = ("Inbound", "Outbound", "Both")
MAX_WINDOW = dt.timedelta(days=7)     # "The days' range can't be more than seven days"
MAX_OFFSET, MAX_LIMIT = 10, 100
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$")
_DIGITS = re.compile(r"^\d+$")
_NS = uuid.UUID("0c7a4f9e-31d2-4b8a-9e65-2f4d8c1a7b30")

# How a call attempt ends, in the sample session's terms (finalStatus, smartStatus, event).
_ENDINGS = {dialing.NO_ANSWER: ("NOT CONNECTED", "NOT CONNECTED", "No Answer"),
            dialing.BUSY: ("NOT CONNECTED", "NOT CONNECTED", "Busy")}


def parse_query(query, offset_mode):
    """``(first item, limit)`` from ?offset=&limit= (offset counts pages unless configured)."""
    offset = _int_param(query, "offset", 0, MAX_OFFSET)
    limit = _int_param(query, "limit", MAX_LIMIT, MAX_LIMIT, low=1)
    return (offset * limit if offset_mode == "pages" else offset), limit


def _int_param(query, name, default, high, low=0):
    values = query.get(name)
    if not values:
        return default
    if len(values) > 1:
        raise bad("Query parameter %s must be given only once" % name)
    value = values[0]
    if not _DIGITS.match(value) or not low <= int(value) <= high:
        raise bad("Query parameter %s must be an integer %d..%d (got %r)" % (name, low, high, value))
    return int(value)


def parse_body(body):
    """Validate the body; return the window (naive UTC, inclusive) and the filters."""
    only_keys(body, BODY_FIELDS, "interactionDetails body")
    start = _when(body, "startDate", end=False)
    end = _when(body, "endDate", end=True)
    if "timeZoneOffset" not in body:
        raise bad("timeZoneOffset is required: minutes behind UTC, e.g. -330 for India, 300 "
                  "for New York")
    offset = body["timeZoneOffset"]
    if isinstance(offset, bool) or not isinstance(offset, int) or not -840 <= offset <= 720:
        raise bad("timeZoneOffset must be a whole number of minutes -840..720 (got %r)" % (offset,))
    if end < start:
        raise bad("endDate must not be before startDate")
    if end - start > MAX_WINDOW:
        raise bad("The range from startDate to endDate can't be more than 7 days (got %s)"
                  % (end - start))
    direction = body.get("direction", "Both")
    if direction not in DIRECTIONS:
        raise bad("direction must be one of %s (got %r)" % (", ".join(DIRECTIONS), direction))
    selected = _strings(body, "selectedFields")
    for name in selected:
        if name not in SELECTABLE:
            raise bad("selectedFields values must be among %s (got %r)" % (", ".join(SELECTABLE), name))
    _strings(body, "queues")
    channels = [ch.lower() for ch in _strings(body, "channels")]
    # Local times of the body -> UTC: UTC = local + offset (the offset is "minus east of GMT").
    shift = dt.timedelta(minutes=offset)
    return {"start": start + shift, "end": end + shift, "offset": offset,
            "direction": direction, "selected": set(selected), "channels": channels}


def _when(body, field, end):
    if field not in body:
        raise bad("%s is required: YYYY-MM-DD or YYYY-MM-DD HH:mm:ss" % field)
    value = body[field]
    text = value if isinstance(value, str) else ""
    try:
        if _DATE.match(text):
            day = dt.datetime.strptime(text, "%Y-%m-%d")
            # A date alone means the whole day: the sample's 2026-02-16..2026-02-22 is 7 days.
            return day + dt.timedelta(hours=23, minutes=59, seconds=59) if end else day
        if _DATETIME.match(text):
            return dt.datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        pass
    raise bad("%s must be YYYY-MM-DD or YYYY-MM-DD HH:mm:ss (got %r)" % (field, value))


def _strings(body, field):
    values = body.get(field, [])
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise bad("%s must be a list of strings" % field)
    return values


def sessions(state, account, stream, q):
    """Every call attempt of the stream's voice runs inside the window, oldest first, as
    ``(run, attempt index)`` pairs."""
    if q["direction"] == "Inbound" or (q["channels"] and "voice" not in q["channels"]):
        return []
    start = q["start"].replace(tzinfo=dt.timezone.utc).timestamp()
    end = q["end"].replace(tzinfo=dt.timezone.utc).timestamp() + 1  # the end second counts
    found = []
    for run in state.runs:
        if run.ctype != "voice" or run.account != account or run.stream != stream:
            continue
        times = run.att_time
        found.extend((times[i], run.seq, i, run) for i in range(len(times))
                     if start <= times[i] < end)
    found.sort(key=lambda row: row[:3])
    return [(row[3], row[2]) for row in found]


def _local(epoch, offset):
    when = dt.datetime.fromtimestamp(epoch, dt.timezone.utc) - dt.timedelta(minutes=offset)
    return when.strftime("%Y-%m-%dT%H:%M:%S")


def session_view(run, i, q):
    """One session in the sample's shape (the outbound Voice session of the page)."""
    idx, attempt = run.att_entry[i], run.att_no[i]
    code, when = run.att_code[i], run.att_time[i]
    e = run.entries[idx]
    contact, phone = e.contact, e.contact["phoneNumber"]
    sid = dialing.session_id(run, idx, attempt)
    selected = q["selected"]
    if code == dialing.ANSWERED:
        status, _detail, codes = dialing.answered(run, run.seed, phone, attempt)
        event = "Agent Hangup" if status == "agentHangUp" else "User Hangup"
        final, smart = "CLOSED", "CLOSED"
        duration = 30 + int(dialing.unit(run.seed, phone, attempt, "duration") * 270)
    else:
        final, smart, event = _ENDINGS[code]
        codes = []
        duration = run.ring_time if code == dialing.NO_ANSWER else 5
    user = "u-%s" % uuid.uuid5(_NS, phone)
    out = {"conversationId": "c-%s" % uuid.uuid5(_NS, sid), "sessionId": sid,
           "channel": "Voice", "isVoicemail": "NO", "Direction": "Outbound"}
    if "skills" in selected:
        out["skills"] = []
    out.update(finalStatus=final, disconnectingEvent=event, smartStatus=smart, reason="",
               errorDetails="", botId=run.stream, dispositions=codes, dispositionRemarks=[])
    out["metaInfo"] = {"campaignName": run.campaign_name, "userId": user,
                       "firstName": contact.get("firstName", ""),
                       "lastName": contact.get("lastName", ""), "caller": run.caller,
                       "callee": phone, "Initiation": "Campaign", "dialedNumber": run.caller,
                       "endUserNumber": phone, "attempt": attempt}
    if "customerinfo" in selected:
        out["customerinfo"] = {"CustomerPhone": phone, "CenterPhone": run.caller,
                               "CustomerFirstName": contact.get("firstName", ""),
                               "CustomerLastName": contact.get("lastName", ""),
                               "CustomerEmail": contact.get("email", "")}
    out["sessionStartTime"] = _local(when, q["offset"])
    out["sessionEndTime"] = _local(when + duration, q["offset"])
    out["userId"] = user
    out["destinations"] = []
    for tags in ("userleveltags", "sessionleveltags"):
        if tags in selected:
            out[tags] = []
    if "campaigninfo" in selected:
        out["campaigninfo"] = {
            "campaignName": run.campaign_name, "campaignId": run.campaign_id,
            "campaignInstanceId": run.instance_id,
            "campaignDialingListId": dialing.dialing_list_id(run, idx),
            "attempt": attempt, "contactStatus": dialing.CONTACT_STATUS[code],
            "campaignRunDate": run.run_date, "contactListName": list(run.list_names)}
    out["channelSpecificUserId"] = "cs-%s/%s" % (uuid.uuid5(_NS, run.account), uuid.uuid5(_NS, user))
    return out
