"""Sandbox configuration: defaults, normalisation and validation.

Two kinds of settings:
* identity and serving (client id/secret, streams, seed, host/port/TLS) are fixed for the
  life of a sandbox;
* runtime settings (RUNTIME_KEYS) can be changed through ``/__sandbox__/config`` and go
  back to their startup values on reset.
"""

import copy
import datetime as dt

from . import validation

# Values from the seed pages (delete-sms-campaign.txt), so the docs' samples just work.
DEFAULT_CLIENT_ID = "cs-sandbox-0000-0000-0000-000000000000"
DEFAULT_CLIENT_SECRET = "sandbox-secret-0123456789-abcdefghijklmnopqrstuvwxyz"
DEFAULT_STREAM_ID = "st-0603182c-7ffb-53c3-b307-47ca14b9xxxx"
DEFAULT_ACCOUNT_ID = "67777ce93e25326494e9xxxx"

# The documented platform limit (API §4.3); only enforced when rate_limit.enabled is true.
DEFAULT_PER_MINUTE = 60

RUNTIME_DEFAULTS = {
    "mode": "strict",
    "rate_limit": {"enabled": False, "per_minute": DEFAULT_PER_MINUTE, "retry_after": False},
    "schedule_details": False,
    "error_shape": "errors",
    "lag_reads": 0,
    # Business clock for the schedule rule "endDateTime > now"; None = real UTC time.
    "now": None,
    # A voice campaign made by the create API answers this many reads with Preparing, then
    # turns Ready ("creation in progress"); 0 = Ready at once.
    "create_ready_after_reads": 2,
    # addContacts answers with the current page's shape ("in_progress"), the older variant's
    # ("queued"), or the older one only when the query carries accountId ("by_query").
    "add_contacts_answer": "in_progress",
    # Added contacts become visible this many seconds after the add, and only after this many
    # reads of the list have still missed them; 0 and 0 = visible at once.
    "contacts_delay": 0,
    "contacts_delay_reads": 0,
    # Dial attempts per second of real (sandbox clock) time, evaluated when state is read;
    # 0 = the run moves only through the control API.
    "dial_rate": 20,
    # Outcomes of every attempt follow from this seed, the number and the attempt number.
    "dial_seed": 1,
    # Relative weights of the outcome of one call attempt (SMS: answered = sent, else failed).
    "dial_outcomes": {"answered": 60, "no_answer": 25, "busy": 15},
    # Clock of the calling-hours rule and of call records: None = real time and calling hours
    # not checked (outcomes never depend on when tests run); "real" = real time, checked;
    # "YYYY-MM-DD HH:mm:ss" = that instant (UTC), frozen, checked.
    "dial_now": None,
    # "documented" casing of result statuses, "lower" for per-contact results and analytics,
    # "lower_all" also for the campaign status in every answer (API §8.4, §8.5).
    "status_case": "documented",
    # What answers show for a status instead ({"Active": "Rerun"}, or a name no document knows).
    "shown_statuses": {},
    # interactionDetails ?offset= counts pages ("number of pages to skip", as documented) or items.
    "analytics_offset": "pages",
    # Voice campaigns that may be Active at once in an account (UI guide FAQ: 50).
    "active_voice_limit": 50,
}
RUNTIME_KEYS = tuple(RUNTIME_DEFAULTS)
DIAL_OUTCOMES = ("answered", "no_answer", "busy")

FIXED_DEFAULTS = {
    "client_id": DEFAULT_CLIENT_ID,
    "client_secret": DEFAULT_CLIENT_SECRET,
    "streams": None,  # built from stream_id/account_id when not given
    "seed": "default",
    "host": "127.0.0.1",
    "port": 0,
    "tls_cert": None,
    "tls_key": None,
    "port_file": None,
    "access_log": False,
}


def build_config(**kw):
    """Return a complete, validated config dict from keyword overrides.

    Accepts ``stream_id``/``account_id`` for the common single-stream case, or ``streams``
    (a list of ``{"stream_id", "account_id"}``); the first stream receives the seed.
    ``rate_limit`` may be an int (0 = off) or a dict.
    """
    kw = dict(kw)
    stream_id = kw.pop("stream_id", None)
    account_id = kw.pop("account_id", None)
    unknown = set(kw) - set(FIXED_DEFAULTS) - set(RUNTIME_KEYS)
    if unknown:
        raise ValueError("unknown sandbox config key(s): %s" % ", ".join(sorted(unknown)))

    cfg = copy.deepcopy(FIXED_DEFAULTS)
    cfg.update({k: v for k, v in kw.items() if k in FIXED_DEFAULTS})
    cfg["streams"] = _streams(cfg["streams"], stream_id, account_id)
    if not isinstance(cfg["client_secret"], str) or not cfg["client_secret"]:
        raise ValueError("client_secret must be a non-empty string")
    if bool(cfg["tls_cert"]) != bool(cfg["tls_key"]):
        raise ValueError("tls_cert and tls_key must be given together")

    runtime = merge_runtime(RUNTIME_DEFAULTS, {k: v for k, v in kw.items() if k in RUNTIME_KEYS})
    cfg.update(runtime)
    return cfg


def _streams(streams, stream_id, account_id):
    if streams is None:
        streams = [{"stream_id": stream_id or DEFAULT_STREAM_ID,
                    "account_id": account_id or DEFAULT_ACCOUNT_ID}]
    elif stream_id or account_id:
        raise ValueError("give either streams or stream_id/account_id, not both")
    out = []
    for s in streams:
        if not isinstance(s, dict) or not s.get("stream_id") or not s.get("account_id"):
            raise ValueError("each stream needs stream_id and account_id")
        out.append({"stream_id": str(s["stream_id"]), "account_id": str(s["account_id"])})
    if not out:
        raise ValueError("at least one stream is required")
    if len({s["stream_id"] for s in out}) != len(out):
        raise ValueError("stream ids must be unique")
    return out


def runtime_view(cfg):
    """The runtime part of a config (what GET /__sandbox__/config shows and reset restores)."""
    return {k: copy.deepcopy(cfg[k]) for k in RUNTIME_KEYS}


def merge_runtime(current, patch):
    """Validate ``patch`` and return ``current`` updated with it (a new dict).

    Raises ValueError naming the bad key, so the control API can answer 400.
    """
    new = {k: copy.deepcopy(current[k]) for k in RUNTIME_KEYS}
    for key, value in patch.items():
        if key not in RUNTIME_KEYS:
            raise ValueError("unknown or read-only config key: %s (settable: %s)"
                             % (key, ", ".join(RUNTIME_KEYS)))
        if key == "mode":
            if value not in ("strict", "tolerant"):
                raise ValueError("mode must be strict or tolerant")
        elif key == "rate_limit":
            value = _rate_limit(new["rate_limit"], value)
        elif key == "schedule_details":
            if not isinstance(value, bool):
                raise ValueError("schedule_details must be true or false")
        elif key == "error_shape":
            if value not in ("errors", "status"):
                raise ValueError("error_shape must be errors or status")
        elif key in ("lag_reads", "create_ready_after_reads"):
            if not _is_int(value) or value < 0:
                raise ValueError("%s must be an integer >= 0" % key)
        elif key == "now":
            if value is not None:
                value = parse_clock(value).strftime("%Y-%m-%d %H:%M:%S")
        else:
            value = _check_setting(key, value, new)
        new[key] = value
    return new


_CHOICES = {
    "add_contacts_answer": ("in_progress", "queued", "by_query"),
    "status_case": ("documented", "lower", "lower_all", "upper_all"),
    "analytics_offset": ("pages", "items"),
}


def _check_setting(key, value, current):
    """Validate one of the contacts, dialing and results settings; return the value to store."""
    if key == "shown_statuses":
        if not isinstance(value, dict) or not all(
                k in validation.STATUSES and isinstance(v, str) and v for k, v in value.items()):
            raise ValueError("shown_statuses must map statuses (%s) to non-empty strings"
                             % ", ".join(validation.STATUSES))
    elif key in _CHOICES:
        if value not in _CHOICES[key]:
            raise ValueError("%s must be one of %s" % (key, ", ".join(_CHOICES[key])))
    elif key in ("contacts_delay", "dial_rate"):
        if not _is_number(value) or value < 0:
            raise ValueError("%s must be a number >= 0" % key)
    elif key == "contacts_delay_reads":
        if not _is_int(value) or value < 0:
            raise ValueError("%s must be an integer >= 0" % key)
    elif key == "active_voice_limit":
        if not _is_int(value) or value < 1:
            raise ValueError("%s must be an integer >= 1" % key)
    elif key == "dial_seed":
        if not (_is_int(value) or (isinstance(value, str) and value)):
            raise ValueError("dial_seed must be an integer or a non-empty string")
    elif key == "dial_outcomes":
        value = _dial_outcomes(current["dial_outcomes"], value)
    elif key == "dial_now":
        if value is not None and value != "real":
            value = parse_clock(value, "dial_now").strftime("%Y-%m-%d %H:%M:%S")
    return value


def _dial_outcomes(current, value):
    # A partial object changes only the weights it names.
    if not isinstance(value, dict):
        raise ValueError("dial_outcomes must be an object like %s" % DIAL_OUTCOMES_EXAMPLE)
    out = dict(current)
    for k, v in value.items():
        if k not in DIAL_OUTCOMES:
            raise ValueError("unknown dial_outcomes key: %s (use %s)" % (k, ", ".join(DIAL_OUTCOMES)))
        if not _is_number(v) or v < 0:
            raise ValueError("dial_outcomes.%s must be a number >= 0" % k)
        out[k] = v
    if not sum(out.values()) > 0:
        raise ValueError("dial_outcomes must give at least one outcome a weight above 0")
    return out


DIAL_OUTCOMES_EXAMPLE = '{"answered": 60, "no_answer": 25, "busy": 15}'


def _rate_limit(current, value):
    # An int is the CLI form: N > 0 turns the limit on at N/min, 0 turns it off.
    if _is_int(value):
        if value < 0:
            raise ValueError("rate_limit must be >= 0")
        out = dict(current)
        out["enabled"] = value > 0
        if value > 0:
            out["per_minute"] = value
        return out
    if not isinstance(value, dict):
        raise ValueError("rate_limit must be an integer or an object")
    out = dict(current)
    for k, v in value.items():
        if k in ("enabled", "retry_after"):
            if not isinstance(v, bool):
                raise ValueError("rate_limit.%s must be true or false" % k)
        elif k == "per_minute":
            if not _is_int(v) or v < 1:
                raise ValueError("rate_limit.per_minute must be an integer >= 1")
        else:
            raise ValueError("unknown rate_limit key: %s" % k)
        out[k] = v
    return out


def parse_clock(value, name="now"):
    """Parse a ``now`` override ("YYYY-MM-DD HH:mm:ss" or ISO 8601) as naive UTC."""
    msg = "%s must be a string like '2026-01-20 00:00:00' or null" % name
    if name == "dial_now":
        msg = "dial_now must be null, \"real\" or a string like '2026-01-14 06:30:00'"
    if not isinstance(value, str):
        raise ValueError(msg)
    try:
        # Python before 3.11 does not read a trailing "Z" (the matrix runs the sandbox on 3.10 too)
        text = value.strip()
        parsed = dt.datetime.fromisoformat(text[:-1] + "+00:00" if text[-1:] in ("Z", "z") else text)
    except ValueError:
        raise ValueError(msg) from None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return parsed


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)
