"""Pure checks of query strings and request bodies. Each failure is an ApiError(400)
whose message names the offending parameter or field, so a client bug is easy to spot."""

import base64
import binascii
import datetime as dt
import math
import re
from urllib.parse import unquote

from .errors import ApiError

STATUSES = ("Preparing", "Ready", "Active", "Paused", "Stopped", "Completed",
            "Scheduled", "Rescheduled")
DIALING_MODES = ("Agentless", "Progressive", "Preview", "Power")
WEEK_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
SORT_FIELDS = ("name", "createdAt", "updatedAt")

# YYYY-MM-DD HH:mm:ss; month and day may be unpadded as in the weekly page's "2026-01-1".
_SCHEDULE_DT = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{2}):(\d{2}):(\d{2})$")
END_RULE = "endDateTime must be greater than both current time and startDateTime"


def bad(msg):
    return ApiError(400, msg)


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


# --- query strings -----------------------------------------------------------------

def single(query, name, required=False, choices=None):
    """One value of a query parameter (query maps names to lists of values)."""
    values = query.get(name)
    if not values:
        if required:
            raise bad("Query parameter %s is required" % name)
        return None
    if len(values) > 1:
        raise bad("Query parameter %s must be given only once" % name)
    value = values[0]
    if choices is not None and value not in choices:
        raise bad("Query parameter %s must be %s (got %r)" % (name, " or ".join(choices), value))
    return value


def empty_body(body, what):
    """Action calls send exactly ``{}``."""
    if body != {}:
        raise bad("Request body must be {} for %s" % what)


def only_keys(obj, allowed, where):
    extra = sorted(set(obj) - set(allowed))
    if extra:
        raise bad("Unexpected field(s) in %s: %s" % (where, ", ".join(extra)))


# --- schedule ------------------------------------------------------------------------

def parse_schedule_dt(value, field):
    match = _SCHEDULE_DT.match(value) if isinstance(value, str) else None
    if match:
        try:
            return dt.datetime(*(int(g) for g in match.groups()))
        except ValueError:
            pass
    raise bad("%s must be a date-time in format YYYY-MM-DD HH:mm:ss (got %r)" % (field, value))


def parse_schedule(body, now=None):
    """Validate an enable-schedule body (API §3.1/§3.2).

    Returns a normalised key used to spot a re-enable with the same settings
    ("2026-01-1" equals "2026-01-01", day order does not matter).
    ``now`` (naive UTC) enables the "end later than now" rule; None skips it (seeds).
    """
    if not isinstance(body, dict):
        raise bad("Request body must be a JSON object")
    only_keys(body, ("startDateTime", "endDateTime", "recurrenceObject"), "schedule body")
    for field in ("startDateTime", "endDateTime", "recurrenceObject"):
        if field not in body:
            raise bad("%s is required" % field)
    start = parse_schedule_dt(body["startDateTime"], "startDateTime")
    end = parse_schedule_dt(body["endDateTime"], "endDateTime")
    if end <= start or (now is not None and end <= now):
        raise bad(END_RULE)

    rec = body["recurrenceObject"]
    if not isinstance(rec, dict):
        raise bad("recurrenceObject must be an object")
    rtype = rec.get("recurType")
    if rtype is None:
        raise bad("recurrenceObject.recurType is required")
    if rtype == "Daily":
        only_keys(rec, ("recurType", "dailyDetails"), "recurrenceObject (recurType Daily)")
        details = _details(rec, "dailyDetails", "Daily")
        only_keys(details, ("onceEveryNdays",), "recurrenceObject.dailyDetails")
        every = _every(details, "dailyDetails", "onceEveryNdays")
        return (start, end, "Daily", every, ())
    if rtype == "Weekly":
        only_keys(rec, ("recurType", "weeklyDetails"), "recurrenceObject (recurType Weekly)")
        details = _details(rec, "weeklyDetails", "Weekly")
        only_keys(details, ("onceEveryNweeks", "whichDays"), "recurrenceObject.weeklyDetails")
        every = _every(details, "weeklyDetails", "onceEveryNweeks")
        days = details.get("whichDays")
        name = "recurrenceObject.weeklyDetails.whichDays"
        if not isinstance(days, list) or not days:
            raise bad("%s is required: a non-empty list of %s" % (name, ", ".join(WEEK_DAYS)))
        for day in days:
            if day not in WEEK_DAYS:
                raise bad("%s must contain only %s (got %r)" % (name, ", ".join(WEEK_DAYS), day))
        if len(set(days)) != len(days):
            raise bad("%s must not repeat a day" % name)
        ordered = tuple(sorted(days, key=WEEK_DAYS.index))
        return (start, end, "Weekly", every, ordered)
    raise bad("recurrenceObject.recurType must be Daily or Weekly (got %r)" % (rtype,))


def _details(rec, field, rtype):
    details = rec.get(field)
    if not isinstance(details, dict):
        raise bad("recurrenceObject.%s is required when recurType is %s" % (field, rtype))
    return details


def _every(details, field, key):
    value = details.get(key)
    if not is_int(value) or value < 1:
        raise bad("recurrenceObject.%s.%s must be an integer >= 1 (got %r)" % (field, key, value))
    return value


# --- list (getAllCampaignDetails) --------------------------------------------------------

LIST_FIELDS = ("type", "limit", "skip", "page", "startDate", "endDate", "sortBy", "filters")


def parse_list_body(body):
    """Validate the list body (API §2.4) and return the normalised query."""
    only_keys(body, LIST_FIELDS, "list body")
    ctype = body.get("type")
    if ctype not in ("voice", "sms"):
        raise bad("type is required and must be voice or sms (got %r)" % (ctype,))
    limit = _number(body, "limit", 50, 1, 100)
    skip = _number(body, "skip", None, 0, None)
    page = _number(body, "page", None, 1, None)
    if skip is None:  # skip wins when both are sent
        skip = (page - 1) * limit if page is not None else 0

    sort_field, sort_dir = "createdAt", "desc"
    sort_by = body.get("sortBy")
    if sort_by not in (None, "", {}):
        if not isinstance(sort_by, dict) or len(sort_by) != 1:
            raise bad("sortBy must be an object with one of %s" % ", ".join(SORT_FIELDS))
        ((sort_field, sort_dir),) = sort_by.items()
        if sort_field not in SORT_FIELDS:
            raise bad("sortBy field must be one of %s (got %r)" % (", ".join(SORT_FIELDS), sort_field))
        if sort_dir not in ("asc", "desc"):
            raise bad("sortBy.%s must be asc or desc (got %r)" % (sort_field, sort_dir))

    filters = body.get("filters") or {}
    if not isinstance(filters, dict):
        raise bad("filters must be an object")
    only_keys(filters, ("status", "priority", "dialingMode"), "filters")
    statuses = _list(filters, "status", STATUSES)
    priorities = None
    if "priority" in filters:
        priorities = {_priority(p) for p in _list(filters, "priority", None)}
    modes = _list(filters, "dialingMode", DIALING_MODES)
    if modes is not None and ctype == "sms":
        raise bad("filters.dialingMode applies to voice campaigns only")

    return {
        "type": ctype, "limit": limit, "skip": skip,
        "sort_field": sort_field, "sort_desc": sort_dir == "desc",
        "statuses": statuses, "priorities": priorities, "modes": modes,
        "start": _iso(body, "startDate"), "end": _iso(body, "endDate"),
    }


def _number(body, field, default, low, high):
    value = body.get(field, "")
    if value == "" or value is None:  # the docs allow an empty string for "not set"
        return default
    if not is_int(value) or value < low or (high is not None and value > high):
        rng = "%d..%d" % (low, high) if high is not None else ">= %d" % low
        raise bad("%s must be an integer %s (got %r)" % (field, rng, value))
    return value


def _list(filters, field, choices):
    if field not in filters:
        return None
    values = filters[field]
    if not isinstance(values, list):
        raise bad("filters.%s must be an array" % field)
    if choices is not None:
        for v in values:
            if v not in choices:
                raise bad("filters.%s values must be among %s (got %r)"
                          % (field, ", ".join(choices), v))
    return values


def _priority(value):
    # Numbers in list filters, strings elsewhere (API §5 #16): accept both.
    if is_int(value) or (isinstance(value, str) and value.isdigit()):
        if 1 <= int(value) <= 5:
            return str(int(value))
    raise bad("filters.priority values must be 1..5 (got %r)" % (value,))


def _iso(body, field):
    value = body.get(field)
    if value in (None, ""):
        return None
    parsed = parse_iso(value)
    if parsed is None:
        raise bad("%s must be an ISO 8601 date-time like 2025-12-01T00:00:00.000Z (got %r)"
                  % (field, value))
    return parsed


def parse_iso(value):
    """Parse an ISO 8601 string to an aware UTC datetime, or None."""
    if not isinstance(value, str):
        return None
    try:
        # Python before 3.11 does not read a trailing "Z" (the matrix runs the sandbox on 3.10 too)
        parsed = dt.datetime.fromisoformat(value[:-1] + "+00:00" if value[-1:] in ("Z", "z") else value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed


# --- contacts (status?view=contacts) -------------------------------------------------------

def parse_contacts_body(body):
    only_keys(body, ("page", "limit"), "contacts body")
    page = _number(body, "page", 1, 1, None)
    limit = _number(body, "limit", 50, 1, 100)
    return page, limit


CONTACTS_PAGE = 50  # getAllContacts pages: "limit": 50 in the sample, the UI's 50 per page
_QUERY_INT = re.compile(r"^\d+$")


def parse_contacts_query(query):
    """``(skip, limit)`` of getAllContacts: skip >= 0 (``offset`` is taken as its other name,
    from v11.15.0), limit 1..50, both decimal integers in the query."""
    if query.get("skip") and query.get("offset"):
        raise bad("Give skip or offset, not both (they are the same thing)")
    name = "offset" if query.get("offset") else "skip"
    skip = _query_int(query, name, 0, 0, None)
    limit = _query_int(query, "limit", CONTACTS_PAGE, 1, CONTACTS_PAGE)
    return skip, limit


def _query_int(query, name, default, low, high):
    value = single(query, name)
    if value is None:
        return default
    if not _QUERY_INT.match(value) or int(value) < low or (high is not None and int(value) > high):
        rng = "%d..%d" % (low, high) if high is not None else ">= %d" % low
        raise bad("Query parameter %s must be an integer %s (got %r)" % (name, rng, value))
    return int(value)


def pages(total, limit):
    return int(math.ceil(total / float(limit))) if total else 0


# --- campaign create/update body (API §2.1 voice, §2.2 SMS) ----------------------------------

VOICE_MODES = ("Agentless", "Progressive", "Preview")
FREQUENCIES = ("WEEKLY", "DAILY", "CUSTOM")
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
MACHINE_DETECT = ("no", "detect", "disconnect")
SMS_FORMATS = ("simple", "advanced")
NAME_MAX, DESCRIPTION_MAX = 48, 256

VOICE_FIELDS = ("name", "description", "contactLists", "dncLists", "priority", "dialingMode",
                "dialingStrategy", "schedule", "experienceFlowName", "enableMachineDetect",
                "queue_name", "maxSkips", "campaignType")
SMS_FIELDS = ("name", "description", "contactLists", "dncLists", "campaignType", "priority",
              "format", "message", "dialingStrategy", "schedule", "experienceFlowName")
VOICE_ONLY_FIELDS = ("dialingMode", "enableMachineDetect", "queue_name", "maxSkips")
# Fields that only some dialing modes take (the others refuse them).
MODE_FIELDS = {"experienceFlowName": ("Agentless",), "enableMachineDetect": ("Agentless",),
               "queue_name": ("Progressive", "Preview"), "maxSkips": ("Preview",)}
VOICE_STRATEGY = (("maxAttemptsPerRecord", 1, 100), ("defaultRetryPeriod", 1, 1440),
                  ("maxRingTime", 5, 120))

# E.164: "+", then up to 15 digits. The docs mask sample numbers with "x" ("+181633xxxxx"),
# so a lowercase x stands for a digit.
_E164 = re.compile(r"^\+[1-9][0-9x]{1,14}$")
_CLOCK = re.compile(r"^(1[0-2]|0?[1-9]):([0-5][0-9]) (AM|PM)$")

try:
    import zoneinfo as _zoneinfo
except ImportError:  # pragma: no cover - Python < 3.9
    _zoneinfo = None
_TZ_SHAPE = re.compile(r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$")


def text_field(body, field, limit, required=True, where=""):
    """A required (non-empty) or optional string of at most ``limit`` characters."""
    name = where + field
    if field not in body:
        if required:
            raise bad("%s is required" % name)
        return None
    value = body[field]
    if not isinstance(value, str) or (required and not value.strip()):
        raise bad("%s must be a non-empty string (got %r)" % (name, value))
    if len(value) > limit:
        raise bad("%s must be at most %d characters (got %d)" % (name, limit, len(value)))
    return value


def campaign_priority(value):
    """priority: "1".."5"; a number 1..5 is accepted too and stored as a string (§5 #16)."""
    if is_int(value) and 1 <= value <= 5:
        return str(value)
    if isinstance(value, str) and value in ("1", "2", "3", "4", "5"):
        return value
    raise bad('priority must be one of "1", "2", "3", "4", "5" (got %r)' % (value,))


def valid_timezone(tz):
    if not isinstance(tz, str) or not _TZ_SHAPE.match(tz):
        return False
    zones = _available_zones()
    if zones:
        return tz in zones
    try:  # no tz database listing: let zoneinfo decide
        _zoneinfo.ZoneInfo(tz)
        return True
    except Exception:  # noqa: BLE001 - any failure means "not a zone"
        return False


_ZONES = None


def _available_zones():
    global _ZONES
    if _ZONES is None:
        try:
            _ZONES = frozenset(_zoneinfo.available_timezones()) if _zoneinfo else frozenset()
        except Exception:  # noqa: BLE001
            _ZONES = frozenset()
    return _ZONES


def clock_minutes(value, field):
    """'9:00 AM' -> minutes since midnight."""
    m = _CLOCK.match(value) if isinstance(value, str) else None
    if not m:
        raise bad('%s must be a time like "9:00 AM" (h:mm AM/PM) (got %r)' % (field, value))
    hour, minute, half = int(m.group(1)) % 12, int(m.group(2)), m.group(3)
    return (hour + (12 if half == "PM" else 0)) * 60 + minute


def parse_dialing_strategy(ds, ctype):
    """Validate dialingStrategy; return it as the API stores and shows it."""
    where = "dialingStrategy"
    if not isinstance(ds, dict):
        raise bad("dialingStrategy is required and must be an object")
    voice_only = [k for k, _lo, _hi in VOICE_STRATEGY] + ["dialingOrder"]
    if ctype == "sms":
        sent = sorted(k for k in ds if k in voice_only)
        if sent:
            raise bad("%s apply to voice campaigns only"
                      % ", ".join("dialingStrategy." + k for k in sent))
        only_keys(ds, ("callerId", "callingHours"), where)
    else:
        only_keys(ds, ["callerId", "callingHours"] + voice_only, where)

    caller = ds.get("callerId")
    if not isinstance(caller, dict):
        raise bad("dialingStrategy.callerId is required and must be an object")
    only_keys(caller, ("phoneNumber",), "dialingStrategy.callerId")
    phone = caller.get("phoneNumber")
    # Pre-registered SIP numbers are caller ids too (docs §8.1, format undocumented): what does not
    # start with "+" passes as one when it is a non-blank string without spaces.
    if not isinstance(phone, str) or not phone or any(c.isspace() for c in phone) or (
            phone.startswith("+") and not _E164.match(phone)):
        raise bad("dialingStrategy.callerId.phoneNumber must be an E.164 number like "
                  "+14155550123 or a registered SIP number (got %r)" % (phone,))

    hours = ds.get("callingHours")
    where = "dialingStrategy.callingHours"
    if not isinstance(hours, dict):
        raise bad("%s is required and must be an object" % where)
    only_keys(hours, ("frequency", "timezone", "days"), where)
    frequency = hours.get("frequency")
    if frequency not in FREQUENCIES:
        raise bad("%s.frequency must be one of %s (got %r)"
                  % (where, ", ".join(FREQUENCIES), frequency))
    tz = hours.get("timezone")
    if not valid_timezone(tz):
        raise bad("%s.timezone must be an IANA time zone like Asia/Kolkata (got %r)"
                  % (where, tz))
    days = hours.get("days")
    if not isinstance(days, list) or not days:
        raise bad("%s.days is required: a non-empty list of {day, start, end}" % where)
    out_days = []
    for i, entry in enumerate(days):
        at = "%s.days[%d]" % (where, i)
        if not isinstance(entry, dict):
            raise bad("%s must be an object {day, start, end}" % at)
        only_keys(entry, ("day", "start", "end"), at)
        if entry.get("day") not in DAY_CODES:
            raise bad("%s.day must be one of %s (got %r)"
                      % (at, " ".join(DAY_CODES), entry.get("day")))
        start = clock_minutes(entry.get("start"), at + ".start")
        end = clock_minutes(entry.get("end"), at + ".end")
        if end <= start:
            raise bad("%s.end must be after start (got %s - %s)"
                      % (at, entry["start"], entry["end"]))
        out_days.append(entry)

    if ctype == "sms":  # as the SMS samples show it
        return {"callerId": {"phoneNumber": phone},
                "callingHours": {"frequency": frequency, "timezone": tz,
                                 "days": [{"day": d["day"], "start": d["start"], "end": d["end"]}
                                          for d in out_days]}}

    order = ds.get("dialingOrder")
    if order not in ("FIFO", "LIFO"):
        raise bad("dialingStrategy.dialingOrder must be FIFO or LIFO (got %r)" % (order,))
    out = {"callerId": {"phoneNumber": phone},
           "callingHours": {"frequency": frequency,
                            "days": [{"start": d["start"], "end": d["end"], "day": d["day"]}
                                     for d in out_days],
                            "timezone": tz},
           "dialingOrder": order}
    for key, low, high in VOICE_STRATEGY:
        value = ds.get(key)
        if not is_int(value) or not low <= value <= high:
            raise bad("dialingStrategy.%s must be an integer %d..%d (got %r)"
                      % (key, low, high, value))
        out[key] = value
    out["useSystemMappings"] = False
    return out


def parse_campaign_body(body, ctype):
    """Validate a v2 create/update body of a ``ctype`` campaign (the query's campaignType).

    Returns the normalised spec: name, description, contactLists, dnc (a name or None),
    priority, dialingStrategy, and per type dialingMode/experienceFlowName/machine_detect/
    queue_name/maxSkips (voice) or format/message/experienceFlowName (sms). Checks that need
    the state (list names exist, name unique) are the caller's.
    """
    if ctype == "sms":
        sent = sorted(k for k in body if k in VOICE_ONLY_FIELDS)
        if sent:
            raise bad("%s apply to voice campaigns only" % ", ".join(sent))
    only_keys(body, SMS_FIELDS if ctype == "sms" else VOICE_FIELDS, "campaign body")
    btype = body.get("campaignType")
    if btype != ctype:
        raise bad("campaignType in the body must be %s, as in the query (got %r)" % (ctype, btype))

    spec = {"name": text_field(body, "name", NAME_MAX),
            "description": text_field(body, "description", DESCRIPTION_MAX)}
    lists = body.get("contactLists")
    if not isinstance(lists, list) or not lists:
        raise bad("contactLists is required: a non-empty list of contact list names")
    for name in lists:
        if not isinstance(name, str) or not name.strip():
            raise bad("contactLists must hold contact list names (got %r)" % (name,))
    if len(set(lists)) != len(lists):
        raise bad("contactLists must not name a list twice")
    spec["contactLists"] = list(lists)

    spec["dnc"] = None
    if "dncLists" in body or ctype == "voice":
        dnc = body.get("dncLists")
        if not isinstance(dnc, dict):
            raise bad("dncLists is required for voice campaigns: {\"name\": <contact list name>}"
                      if ctype == "voice" else "dncLists must be an object {\"name\": ...}")
        only_keys(dnc, ("name",), "dncLists")
        spec["dnc"] = text_field(dnc, "name", 1000, where="dncLists.")

    if "priority" not in body:
        raise bad("priority is required")
    spec["priority"] = campaign_priority(body["priority"])
    spec["dialingStrategy"] = parse_dialing_strategy(body.get("dialingStrategy"), ctype)

    if "schedule" in body:
        sched = body["schedule"]
        if not isinstance(sched, dict):
            raise bad("schedule must be an object {\"isSchedulingEnabled\": false}")
        only_keys(sched, ("isSchedulingEnabled",), "schedule")
        if sched.get("isSchedulingEnabled") is not False:
            raise bad("schedule.isSchedulingEnabled must be false; schedules are set with the "
                      "schedule endpoint (got %r)" % (sched.get("isSchedulingEnabled"),))

    if ctype == "voice":
        _voice_mode_fields(body, spec)
    else:
        _sms_format_fields(body, spec)
    return spec


def _voice_mode_fields(body, spec):
    mode = body.get("dialingMode")
    if mode not in VOICE_MODES:
        raise bad("dialingMode must be one of %s (got %r)" % (", ".join(VOICE_MODES), mode))
    spec["dialingMode"] = mode
    for field, modes in MODE_FIELDS.items():
        if field in body and mode not in modes:
            raise bad("%s does not apply to dialingMode %s (only %s)"
                      % (field, mode, " and ".join(modes)))
    spec["experienceFlowName"] = spec["machine_detect"] = None
    spec["queue_name"] = spec["maxSkips"] = None
    if mode == "Agentless":
        spec["experienceFlowName"] = text_field(body, "experienceFlowName", 1000)
        detect = body.get("enableMachineDetect", "no")
        if detect not in MACHINE_DETECT:
            raise bad("enableMachineDetect must be one of %s (got %r)"
                      % (", ".join(MACHINE_DETECT), detect))
        spec["machine_detect"] = detect
        return
    spec["queue_name"] = text_field(body, "queue_name", 1000)
    if mode == "Preview":
        if "maxSkips" not in body:
            raise bad("maxSkips is required for dialingMode Preview")
        skips = body["maxSkips"]
        if not is_int(skips) or skips < 0:
            raise bad("maxSkips must be an integer >= 0 (got %r)" % (skips,))
        spec["maxSkips"] = skips


def _sms_format_fields(body, spec):
    fmt = body.get("format")
    if fmt not in SMS_FORMATS:
        raise bad("format must be simple or advanced (got %r)" % (fmt,))
    spec["format"] = fmt
    spec["message"] = spec["experienceFlowName"] = None
    if fmt == "advanced":
        if "message" in body:
            raise bad("message applies to format simple only; format advanced uses "
                      "experienceFlowName")
        spec["experienceFlowName"] = text_field(body, "experienceFlowName", 1000)
        return
    if "experienceFlowName" in body:
        raise bad("experienceFlowName applies to format advanced only")
    msg = body.get("message")
    if not isinstance(msg, dict):
        raise bad("message is required for format simple: {\"message\": <Base64 text>}")
    only_keys(msg, ("message", "templateId", "template_name"), "message")
    text = msg.get("message")
    if not isinstance(text, str) or not text:
        raise bad("message.message is required: the Base64 of the SMS text")
    if not is_base64_text(text):
        raise bad("message.message must be the Base64 (optionally URL-encoded) of UTF-8 text "
                  "(got %r)" % (text,))
    out = {}
    if "template_name" in msg:
        out["template_name"] = text_field(msg, "template_name", 1000, where="message.")
    out["message"] = text
    if "templateId" in msg:
        tid = msg["templateId"]
        if not isinstance(tid, str):
            raise bad("message.templateId must be a string (got %r)" % (tid,))
        if tid:
            out["templateId"] = tid
    spec["message"] = out


def is_base64_text(text):
    """Base64 of UTF-8 text, as sent or URL-encoded once (``…cg%3D%3D``, API §2.2)."""
    raw = unquote(text) if "%" in text else text
    try:
        base64.b64decode(raw.encode("ascii"), validate=True).decode("utf-8")
    except (binascii.Error, ValueError, UnicodeError):
        return False
    return True


# --- contact lists (API §1.2) ------------------------------------------------------------------

CONTACT_LIST_SOURCES = ("passiveApi",)
CONTACT_LIST_SOURCES_V1 = ("passiveApi", "passiveApiIntegration")  # the v1 sample's value


def parse_contact_list_create(body, v1=False):
    only_keys(body, ("name", "description", "source", "allowDuplicates"), "contact list body")
    out = {"name": text_field(body, "name", NAME_MAX),
           "description": text_field(body, "description", DESCRIPTION_MAX)}
    sources = CONTACT_LIST_SOURCES_V1 if v1 else CONTACT_LIST_SOURCES
    if body.get("source") not in sources:
        raise bad("source is required and must be %s (got %r)"
                  % (" or ".join(sources), body.get("source")))
    dup = body.get("allowDuplicates", False)
    if not isinstance(dup, bool):
        raise bad("allowDuplicates must be true or false (got %r)" % (dup,))
    out["allowDuplicates"] = dup
    return out


def parse_contact_list_update(body):
    fields = ("name", "description", "allowDuplicates")
    only_keys(body, fields, "contact list body")
    if not any(f in body for f in fields):
        raise bad("Request body must give at least one of name, description, allowDuplicates")
    out = {}
    if "name" in body:
        out["name"] = text_field(body, "name", NAME_MAX)
    if "description" in body:
        out["description"] = text_field(body, "description", DESCRIPTION_MAX)
    if "allowDuplicates" in body:
        if not isinstance(body["allowDuplicates"], bool):
            raise bad("allowDuplicates must be true or false (got %r)"
                      % (body["allowDuplicates"],))
        out["allowDuplicates"] = body["allowDuplicates"]
    return out
