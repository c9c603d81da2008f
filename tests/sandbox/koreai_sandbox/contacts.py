"""Contacts of contact lists (API §8.3): the addContacts body rules, the stored form of a
contact, pending (asynchronous) adds, and contacts generated for seeds and benchmarks.

A list keeps its visible contacts in insertion order (what getAllContacts pages through and
what campaigns dial) and its pending adds in a FIFO of batches. The list object's
``totalRecordCount`` counts a contact once it is visible.
"""

import re

from .validation import bad, is_int, only_keys, valid_timezone

# The mapping of a passiveApi list (create-contact-list-v2 sample); every other key of a
# contact is kept as an unmapped field.
MAPPED_FIELDS = ("firstName", "lastName", "phoneNumber", "timeZone", "uniqueId", "contactPriority")
# Keys the platform sets on a stored contact (get-all-contacts sample): a client cannot send them.
ANSWER_ONLY = ("_id", "createdAt", "updatedAt")
MAX_PER_CALL = 100            # "Up to 100 contacts per call" (v11.15.0)
LIST_LIMIT = 1000000          # UI guide FAQ: 1 million contacts per list
ACCOUNT_LIMIT = 5000000       # ... and 5 million per account
# E.164 for contacts: "+", a first digit 1-9, then 6 to 14 more digits. Unlike caller ids the
# page's numbers are not masked with "x", so nothing but digits is accepted.
E164 = re.compile(r"^\+[1-9]\d{6,14}$")
PRIORITY_TEXT = ("1", "2", "3", "4", "5")
DEFAULT_PREFIX = "+1555"      # generated numbers: +1555 then 7 digits (+15550000000 ...)


class Batch:
    """One asynchronous add: visible once ``ready_at`` has passed and ``reads_left`` reads
    of the list have missed it."""

    __slots__ = ("contacts", "ready_at", "reads_left", "queued_at")

    def __init__(self, contacts, ready_at, reads_left, queued_at):
        self.contacts = contacts
        self.ready_at = ready_at
        self.reads_left = reads_left
        self.queued_at = queued_at

    def due(self, now):
        return self.reads_left == 0 and now >= self.ready_at


# --- the addContacts body ------------------------------------------------------------------

def parse_add_body(body):
    """Validate an addContacts body; return ``(key, reference, contacts)``.

    ``key`` is ``contact_list_name`` (as the page sends it) or ``contactListId`` (the release
    note's reading); exactly one must be given. Each contact is checked by check_contact and
    the whole call is refused when one is bad, so nothing is half added.
    """
    only_keys(body, ("contact_list_name", "contactListId", "data"), "addContacts body")
    given = [k for k in ("contact_list_name", "contactListId") if k in body]
    if len(given) != 1:
        raise bad("Give exactly one of contact_list_name (the list's name) or contactListId "
                  "(its cl- id) (got %s)" % (" and ".join(given) or "neither"))
    key = given[0]
    ref = body[key]
    if not isinstance(ref, str) or not ref.strip():
        raise bad("%s must be a non-empty string (got %r)" % (key, ref))
    if "data" not in body:
        raise bad("data is required: a list of 1 to %d contact objects" % MAX_PER_CALL)
    data = body["data"]
    if not isinstance(data, list):
        raise bad("data must be a list of contact objects (got %s)" % kind(data))
    if not data:
        raise bad("data must hold at least one contact")
    if len(data) > MAX_PER_CALL:
        raise bad("data holds %d contacts; at most %d may be added in one call"
                  % (len(data), MAX_PER_CALL))
    return key, ref, [check_contact(c, "data[%d]" % i) for i, c in enumerate(data)]


def check_contact(contact, where, seeded=False):
    """Validate one contact; return a copy. ``seeded`` lets a seed give the stored fields."""
    if not isinstance(contact, dict):
        raise bad("%s must be an object with at least phoneNumber (got %s)" % (where, kind(contact)))
    for key, value in contact.items():
        if not key.strip():
            raise bad("%s has a field with an empty name" % where)
        if key in ANSWER_ONLY:
            if not seeded:
                raise bad("%s.%s is set by the platform and cannot be sent" % (where, key))
            if not isinstance(value, str) or not value:
                raise bad("%s.%s must be a non-empty string (got %r)" % (where, key, value))
        if not is_scalar(value):
            raise bad("%s.%s must be a string, number or boolean, not %s"
                      % (where, key, kind(value)))
    if "phoneNumber" not in contact:
        raise bad("%s.phoneNumber is required" % where)
    phone = contact["phoneNumber"]
    if not isinstance(phone, str) or not E164.match(phone):
        raise bad("%s.phoneNumber must be an E.164 number: \"+\", then 7 to 15 digits, the first "
                  "not 0, like +14155550123 (got %r)" % (where, phone))
    if "timeZone" in contact and not valid_timezone(contact["timeZone"]):
        raise bad("%s.timeZone must be an IANA time zone like America/New_York (got %r)"
                  % (where, contact["timeZone"]))
    if "contactPriority" in contact:
        prio = contact["contactPriority"]
        if not ((is_int(prio) and 1 <= prio <= 5) or prio in PRIORITY_TEXT):
            raise bad("%s.contactPriority must be a whole number 1..5, as a number or a digit "
                      "string (got %r)" % (where, prio))
    return dict(contact)


def is_scalar(value):
    # bool is an int; None, lists and objects are not scalars.
    return isinstance(value, (str, int, float))


def kind(value):
    if value is None:
        return "null"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


# --- stored form -----------------------------------------------------------------------------

def stored(contact, cc_id, now):
    """The contact as getAllContacts shows it: the sample's keys first, then what was sent."""
    out = {"_id": contact.get("_id") or cc_id,
           "createdAt": contact.get("createdAt") or now,
           "updatedAt": contact.get("updatedAt") or contact.get("createdAt") or now,
           "phoneNumber": contact["phoneNumber"]}
    out.update((k, v) for k, v in contact.items() if k not in out)
    return out


def dedupe(contacts, allow_duplicates, seen, also_seen):
    """``(kept, dropped)``: without allowDuplicates a number already in the list (``seen``),
    already pending (``also_seen``) or earlier in the same call is dropped."""
    if allow_duplicates:
        return list(contacts), 0
    kept, batch = [], set()
    for contact in contacts:
        phone = contact["phoneNumber"]
        if phone in seen or phone in also_seen or phone in batch:
            continue
        batch.add(phone)
        kept.append(contact)
    return kept, len(contacts) - len(kept)


# --- generated contacts (seeds, control API, benchmarks) ----------------------------------------

GENERATE_KEYS = ("count", "start", "prefix", "fields")


def generate(spec, where="contacts"):
    """Contacts from ``{"count": N, "start": 0, "prefix": "+1555", "fields": {...}}``.

    Number n (start <= n < start+count) becomes ``prefix`` followed by n zero-padded to the
    width that makes an 11-digit-after-plus number with the default prefix; ``uniqueId`` is
    str(n); ``fields`` (scalars) are added to each contact.
    """
    if not isinstance(spec, dict):
        raise ValueError("%s must be a list of contacts or {\"count\": N, ...}" % where)
    extra = sorted(set(spec) - set(GENERATE_KEYS))
    if extra:
        raise ValueError("unknown %s key(s): %s (use %s)"
                         % (where, ", ".join(extra), ", ".join(GENERATE_KEYS)))
    count, start = spec.get("count", 0), spec.get("start", 0)
    prefix = spec.get("prefix", DEFAULT_PREFIX)
    fields = spec.get("fields") or {}
    if not is_int(count) or not 0 <= count <= LIST_LIMIT:
        raise ValueError("%s.count must be an integer 0..%d" % (where, LIST_LIMIT))
    if not is_int(start) or start < 0:
        raise ValueError("%s.start must be an integer >= 0" % where)
    if not isinstance(prefix, str) or not re.match(r"^\+[1-9]\d*$", prefix):
        raise ValueError("%s.prefix must be \"+\" and digits, like +1555" % where)
    if not isinstance(fields, dict):
        raise ValueError("%s.fields must be an object" % where)
    width = max(1, 12 - len(prefix))
    template = dict(fields)
    out = []
    for n in range(start, start + count):
        contact = dict(template)
        contact["phoneNumber"] = "%s%0*d" % (prefix, width, n)
        contact.setdefault("uniqueId", str(n))
        out.append(contact)
    # Check the first and the last: every number between has the same shape.
    for i in {0, len(out) - 1} if out else ():
        try:
            check_contact(out[i], "%s[%d]" % (where, i))
        except Exception as exc:  # an ApiError: report it as bad control/seed input
            raise ValueError(getattr(exc, "msg", str(exc))) from None
    return out
