"""Pure checks of query strings and request bodies. Each failure is an ApiError(400)
whose message names the offending parameter or field, so a client bug is easy to spot."""

import datetime as dt
import math
import re

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
        parsed = dt.datetime.fromisoformat(value)
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


def pages(total, limit):
    return int(math.ceil(total / float(limit))) if total else 0
