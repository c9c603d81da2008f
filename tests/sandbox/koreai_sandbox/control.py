"""Control API under /__sandbox__: no auth, never logged, never rate limited, JSON in/out.

Errors here use a plain ``{"error": "..."}`` body so they cannot be mistaken for API errors.
"""

import json
from urllib.parse import parse_qsl, unquote

from flask import request

from . import dialing
from .config import runtime_view

PREFIX = "/__sandbox__"


class ControlError(Exception):
    def __init__(self, status, msg):
        super().__init__(msg)
        self.status = status
        self.msg = msg


def dispatch(state, method, raw_path, raw_qs):
    from .app import json_response  # late import: app imports this module

    parts = [p for p in raw_path[len(PREFIX):].split("/") if p]
    resource = parts[0] if parts else ""
    arg = unquote(parts[1]) if len(parts) >= 2 else None
    query = dict(parse_qsl(raw_qs, keep_blank_values=True))
    if len(parts) == 3:  # /<resource>/<id>/<sub-resource>
        handlers = SUB_HANDLERS.get((resource, parts[2]))
    else:
        handlers = HANDLERS.get((resource, arg is not None)) if len(parts) <= 2 else None
    if handlers is None:
        return json_response(404, {"error": "no control endpoint %s" % raw_path})
    handler = handlers.get(method)
    if handler is None:
        return json_response(405, {"error": "use %s" % " or ".join(sorted(handlers))},
                             {"Allow": ", ".join(sorted(handlers))})
    try:
        with state.lock:
            status, payload = handler(state, arg, query)
    except ControlError as exc:
        return json_response(exc.status, {"error": exc.msg})
    except ValueError as exc:
        return json_response(400, {"error": str(exc)})
    return json_response(status, payload)


def body():
    raw = request.get_data(cache=True)
    if not raw.strip():
        return {}
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ControlError(400, "body must be JSON") from None
    if not isinstance(data, dict):
        raise ControlError(400, "body must be a JSON object")
    return data


def config_view(state):
    view = runtime_view(state.config)
    # Identity is read only; the client secret is never shown.
    view.update(client_id=state.startup["client_id"], streams=state.startup["streams"])
    return view


def campaign_or_404(state, cid):
    c = state.find_any(cid)
    if c is None:
        raise ControlError(404, "no campaign with id %s" % cid)
    return c


# --- handlers: (state, path argument, query) -> (status, payload) --------------------------

def health(state, _arg, _query):
    return 200, {"ok": True}


def reset(state, _arg, _query):
    data = body()
    seed = data.get("seed")
    # No file paths over HTTP: the control API is unauthenticated.
    if seed is not None and not isinstance(seed, (list, dict)) and seed not in ("default", "empty"):
        raise ControlError(400, 'seed must be "default", "empty", a list of campaigns, '
                                '{"campaigns": [...], "contact_lists": [...]} or an export')
    state.reset(seed=seed, keep_config=bool(data.get("keep_config", False)))
    return 200, {"ok": True, "campaigns": len(state.all_campaigns())}


def get_config(state, _arg, _query):
    return 200, config_view(state)


def set_config(state, _arg, _query):
    state.set_config(body())
    return 200, config_view(state)


def list_campaigns(state, _arg, query):
    rows = state.all_campaigns()
    if query.get("type"):
        rows = [c for c in rows if c.type == query["type"]]
    return 200, {"campaigns": [state.control_view(c) for c in rows]}


def create_campaign(state, _arg, _query):
    c = state.add_campaign(body(), default_status="Ready")
    return 201, state.control_view(c)


def get_campaign(state, cid, _query):
    return 200, state.control_view(campaign_or_404(state, cid))


def patch_campaign(state, cid, _query):
    c = state.patch_campaign(campaign_or_404(state, cid), body())
    return 200, state.control_view(c)


def delete_campaign(state, cid, _query):
    c = campaign_or_404(state, cid)
    state.remove(c)
    return 200, {"deleted": state.control_view(c)}


def contact_list_or_404(state, cl_id):
    cl = state.find_list_any(cl_id)
    if cl is None:
        raise ControlError(404, "no contact list with id %s" % cl_id)
    return cl


def list_contact_lists(state, _arg, _query):
    return 200, {"contact_lists": [state.control_list_view(cl)
                                   for cl in state.all_contact_lists()]}


def create_contact_list(state, _arg, _query):
    cl = state.add_contact_list(body())
    return 201, state.control_list_view(cl)


def get_contact_list(state, cl_id, _query):
    return 200, state.control_list_view(contact_list_or_404(state, cl_id))


def patch_contact_list(state, cl_id, _query):
    cl = state.patch_contact_list(contact_list_or_404(state, cl_id), body())
    return 200, state.control_list_view(cl)


def delete_contact_list(state, cl_id, _query):
    cl = contact_list_or_404(state, cl_id)
    view = state.control_list_view(cl)
    state.list_stores[(cl.account_id, cl.stream_id)].pop(cl.id, None)
    return 200, {"deleted": view}


def _int(query, name, default, low=0):
    value = query.get(name)
    if value in (None, ""):
        return default
    if not value.isdigit() or int(value) < low:
        raise ControlError(400, "%s must be an integer >= %d" % (name, low))
    return int(value)


def seed_contacts(state, cl_id, _query):
    """Contacts into a list at once, past the 100-per-call limit: ``{"contacts": [...]}`` or
    ``{"count": N, "start": 0, "prefix": "+1555", "fields": {...}}``; ``"pending": true``
    queues them like an API add instead."""
    cl = contact_list_or_404(state, cl_id)
    data = body()
    pending = data.pop("pending", False)
    if not isinstance(pending, bool):
        raise ControlError(400, "pending must be true or false")
    spec = data.pop("contacts") if "contacts" in data else data
    if data and spec is not data:
        raise ControlError(400, "give contacts or count/start/prefix/fields, not both")
    added, dropped = state.seed_contacts(cl, spec, seeded=True, pending=pending)
    return 201, {"added": added, "dropped_duplicates": dropped,
                 "totalRecordCount": cl.obj.get("totalRecordCount"),
                 "pending": sum(len(b.contacts) for b in cl.pending)}


def get_contacts(state, cl_id, query):
    """The visible contacts of a list (?skip=&limit=, default all); not an API read."""
    cl = contact_list_or_404(state, cl_id)
    state.touch_list(cl)
    skip = _int(query, "skip", 0)
    limit = _int(query, "limit", None, low=1)
    rows = cl.contacts[skip:] if limit is None else cl.contacts[skip:skip + limit]
    return 200, {"contacts": rows, "total": len(cl.contacts),
                 "pending": sum(len(b.contacts) for b in cl.pending)}


def get_pending(state, cl_id, _query):
    cl = contact_list_or_404(state, cl_id)
    state.touch_list(cl)
    now = state.clock()
    return 200, {"pending": [{"contacts": len(b.contacts), "queued_at": b.queued_at,
                              "seconds_left": max(0.0, round(b.ready_at - now, 3)),
                              "reads_left": b.reads_left} for b in cl.pending]}


def flush_pending(state, cl_id, _query):
    cl = contact_list_or_404(state, cl_id)
    return 200, {"flushed": state.flush_pending(cl),
                 "totalRecordCount": cl.obj.get("totalRecordCount")}


def dial(state, cid, _query):
    """``{"attempts": N}`` more dial attempts now, or ``{"finish": true}``: the whole run."""
    c = campaign_or_404(state, cid)
    data = body()
    extra = sorted(set(data) - {"attempts", "finish"})
    if extra:
        raise ControlError(400, "unknown key(s): %s (use attempts or finish)" % ", ".join(extra))
    finish = data.get("finish", False)
    attempts = data.get("attempts")
    if not isinstance(finish, bool):
        raise ControlError(400, "finish must be true or false")
    if finish == (attempts is not None):  # both, or neither
        raise ControlError(400, 'body must be {"attempts": N} or {"finish": true}')
    if attempts is not None and (isinstance(attempts, bool) or not isinstance(attempts, int)
                                 or attempts < 1):
        raise ControlError(400, 'attempts must be an integer >= 1 (or send {"finish": true})')
    if c.status != "Active":  # as it was when the call came (a read may complete it now)
        raise ControlError(409, "campaign %s is not Active (status %s): start it first"
                           % (c.id, c.status))
    made = dialing.advance(state, c, None if finish else attempts)
    out = dialing.summary(state, c)
    out["made"] = made
    return 200, out


def outcomes(state, cid, query):
    c = campaign_or_404(state, cid)
    final = query.get("final", "false")
    if final not in ("true", "false"):
        raise ControlError(400, "final must be true or false")
    return 200, dialing.summary(state, c, final=final == "true")


def get_requests(state, _arg, query):
    rows = state.log
    if query.get("since"):
        rows = [r for r in rows if r["seq"] > int(query["since"])]
    if query.get("operation"):
        rows = [r for r in rows if r["operation"] == query["operation"]]
    return 200, {"requests": rows}


def clear_requests(state, _arg, _query):
    state.log = []
    return 200, {"ok": True}


def get_faults(state, _arg, _query):
    return 200, {"faults": state.faults}


def add_faults(state, _arg, _query):
    faults = body().get("faults")
    if not isinstance(faults, list):
        raise ControlError(400, 'body must be {"faults": [fault, ...]}')
    state.add_faults(faults)
    return 200, {"faults": state.faults}


def clear_faults(state, _arg, _query):
    state.faults = []
    return 200, {"faults": []}


HANDLERS = {
    ("health", False): {"GET": health},
    ("reset", False): {"POST": reset},
    ("config", False): {"GET": get_config, "POST": set_config},
    ("campaigns", False): {"GET": list_campaigns, "POST": create_campaign},
    ("campaigns", True): {"GET": get_campaign, "PATCH": patch_campaign, "DELETE": delete_campaign},
    ("contact_lists", False): {"GET": list_contact_lists, "POST": create_contact_list},
    ("contact_lists", True): {"GET": get_contact_list, "PATCH": patch_contact_list,
                              "DELETE": delete_contact_list},
    ("requests", False): {"GET": get_requests, "DELETE": clear_requests},
    ("faults", False): {"GET": get_faults, "POST": add_faults, "DELETE": clear_faults},
}

SUB_HANDLERS = {
    ("contact_lists", "contacts"): {"GET": get_contacts, "POST": seed_contacts},
    ("contact_lists", "pending"): {"GET": get_pending, "POST": flush_pending},
    ("campaigns", "dial"): {"POST": dial},
    ("campaigns", "outcomes"): {"GET": outcomes},
}
