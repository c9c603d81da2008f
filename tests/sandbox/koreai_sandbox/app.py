"""Flask app factory and the request pipeline.

One catch-all Flask route hands every request to our own dispatcher, which matches the RAW
path (``//`` and percent-encoding kept), so each documented spelling is served and logged
exactly as received. Pipeline for an API request:

  fault (may answer at once) -> rate limit -> route (404/405) -> JWT -> iid/accountId
  -> body (POST/PUT) -> operation -> response (a fault with apply:true replaces it)
  -> request log
"""

import json
import socket
import time
import traceback
from urllib.parse import parse_qsl, quote, urlsplit

from flask import Flask, Response, request
from werkzeug.routing import BaseConverter

from . import auth, control, routes
from .api import OPERATIONS, Ctx
from .config import build_config
from .errors import RATE_LIMIT_MSG, ApiError, envelope, reason
from .state import LIST_FAULT_KINDS, SandboxState, iso_now

CONTROL_PREFIX = "/__sandbox__"
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
MALFORMED_BODY = "<html>upstream error</html>"


class _Everything(BaseConverter):
    # Matches any remainder, slashes and empty segments included.
    regex = ".*"
    part_isolating = False
    weight = 1000


def create_app(config=None, clock=None, **overrides):
    """Build a sandbox app. ``config``/``overrides`` are build_config() keywords.

    Each app owns its SandboxState (``app.extensions["koreai_sandbox"]``), so several
    sandboxes can live in one process.
    """
    cfg = build_config(**dict(config or {}, **overrides))
    state = SandboxState(cfg, clock=clock or time.time)
    app = Flask(__name__)
    app.url_map.merge_slashes = False  # never redirect or merge "//"
    app.url_map.strict_slashes = False
    app.url_map.converters["everything"] = _Everything
    app.extensions["koreai_sandbox"] = state
    app.config["KOREAI_SANDBOX"] = cfg

    def sandbox(_path=""):
        raw_path, raw_qs = raw_target(request.environ)
        if raw_path == CONTROL_PREFIX or raw_path.startswith(CONTROL_PREFIX + "/"):
            return control.dispatch(state, request.method, raw_path, raw_qs)
        return api_request(state, raw_path, raw_qs)

    app.add_url_rule("/", "sandbox", sandbox, methods=METHODS, provide_automatic_options=False)
    app.add_url_rule("/<everything:_path>", "sandbox", sandbox, methods=METHODS,
                     provide_automatic_options=False)
    return app


def raw_target(environ):
    """(raw path, raw query string) as the client sent them."""
    uri = environ.get("REQUEST_URI") or environ.get("RAW_URI")
    if uri:
        if not uri.startswith("/"):  # absolute-form request target
            parts = urlsplit(uri)
            return parts.path or "/", parts.query
        parts = uri.partition("?")
        return parts[0], parts[2]
    return quote(environ.get("PATH_INFO", "/")), environ.get("QUERY_STRING", "")


def parse_query(raw_qs):
    """Query string -> {name: [values]} (decoded; repeated names keep every value)."""
    query = {}
    for key, value in parse_qsl(raw_qs, keep_blank_values=True):
        query.setdefault(key, []).append(value)
    return query


def json_response(status, payload, headers=None):
    return Response(json.dumps(payload, ensure_ascii=False), status=status,
                    mimetype="application/json", headers=headers or {})


def api_request(state, raw_path, raw_qs):
    method = request.method
    query = parse_query(raw_qs)
    match = routes.match(method, raw_path)
    entry = new_entry(method, raw_path, raw_qs, query, match)

    fault = state.take_fault(method, entry["operation"], raw_path)
    if fault:
        entry["fault"] = fault["kind"]
        if fault["kind"] == "delay":
            time.sleep(fault["seconds"])  # outside the lock: other requests go on
            fault = None
        elif fault["kind"] in LIST_FAULT_KINDS:
            entry["list_fault"], fault = fault, None  # changes the paging, not the answer
        elif fault["kind"] == "trickle":
            pass  # processed normally; only the answer's body is slow
        elif not fault["apply"]:
            return answer_fault(state, entry, fault)

    status, payload, headers = process(state, match, method, query, entry)
    if fault and fault["kind"] == "trickle":
        entry["status_code"] = status
        state.record(entry)
        return trickled_response(status, payload, headers, fault["seconds"])
    if fault:  # apply:true: the request took effect, the client sees the fault
        entry["processed_status_code"] = status
        return answer_fault(state, entry, fault)
    entry["status_code"] = status
    state.record(entry)
    return json_response(status, payload, headers)


def process(state, match, method, query, entry):
    """Run one API request under the state lock; return (status, payload, headers)."""
    ctx = None
    with state.lock:
        try:
            account_key = request.headers.get("accountId") or state.streams.get(match.sid) or ""
            wait = state.rate_take(account_key)
            if wait is not None:
                entry["rate_limited"] = True
                retry = {"Retry-After": str(wait)} if state.config["rate_limit"]["retry_after"] else {}
                raise ApiError(429, RATE_LIMIT_MSG, 429, retry)
            if match.route is None:
                raise ApiError(404, "No API endpoint at %s %s" % (method, entry["path"]))
            if match.kind is None:
                raise ApiError(405, "Method %s is not allowed on this endpoint" % method,
                               headers={"Allow": ", ".join(match.route.allowed())})
            auth.verify_jwt(request.headers.get("auth"), state.startup["client_id"],
                            state.startup["client_secret"], state.seen_jtis)
            if match.route.sid_from_header:
                match.params["sid"] = request.headers.get("iid") or ""
            account = auth.check_headers(request.headers, query, match.sid, state.streams)
            body = (parse_body(allow_empty=match.kind == "cl_list")
                    if method in ("POST", "PUT") else None)
            ctx = Ctx(state, match, account, query, body)
            ctx.list_fault = entry.pop("list_fault", None)
            status, payload = OPERATIONS[match.kind](ctx)
            return status, payload, {}
        except ApiError as exc:
            body = envelope(state.config["error_shape"], exc.msg, exc.code)
            return exc.status, body, exc.headers
        except Exception as exc:  # a sandbox bug: answer in the API's shape, show the trace
            traceback.print_exc()
            msg = "Internal sandbox error: %s" % exc
            return 500, envelope(state.config["error_shape"], msg, 500), {}
        finally:
            if ctx is not None:
                entry["campaign_id"] = ctx.campaign_id
                entry["campaign_name"] = ctx.campaign_name
                entry["contact_list_id"] = ctx.contact_list_id
                entry["contact_list_name"] = ctx.contact_list_name
                entry["tolerated"] = ctx.tolerated


def parse_body(allow_empty=False):
    """POST/PUT bodies must be JSON objects sent as application/json.

    ``allow_empty``: no body at all reads as ``{}`` (getAllListDetails, whose curl sends none).
    """
    if allow_empty and not request.get_data(cache=True):
        return {}
    if request.mimetype != "application/json":
        raise ApiError(400, "Content-Type must be application/json")
    try:
        body = json.loads(request.get_data(cache=True).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ApiError(400, "Request body must be valid JSON") from None
    if not isinstance(body, dict):
        raise ApiError(400, "Request body must be a JSON object")
    return body


def new_entry(method, raw_path, raw_qs, query, match):
    headers = request.headers
    return {
        "seq": None,
        "time": iso_now(),
        "method": method,
        "path": raw_path,
        "query_string": raw_qs,
        "query": {k: (v[0] if len(v) == 1 else v) for k, v in query.items()},
        "headers": {
            "iid": headers.get("iid"),
            "accountId": headers.get("accountId"),
            "content_type": headers.get("Content-Type"),
            # Claims only: the raw token is never stored.
            "auth_claims": auth.peek_claims(headers.get("auth")),
        },
        "body": logged_body(),
        "status_code": None,
        "operation": routes.operation(match.kind, query) if match.kind else None,
        "route": match.name,
        "write": match.kind in routes.WRITE_KINDS,
        "campaign_id": match.cid,
        "campaign_name": (query.get("campaignName") or [None])[0] if match.kind == "schedule" else None,
        "contact_list_id": match.params.get("clid"),
        "contact_list_name": None,
        "fault": None,
        "rate_limited": False,
        "tolerated": False,
    }


def logged_body():
    raw = request.get_data(cache=True)
    if not raw:
        return None
    text = raw.decode("utf-8", errors="replace")
    try:
        return json.loads(text)
    except ValueError:
        return text


def answer_fault(state, entry, fault):
    kind = fault["kind"]
    if kind == "drop":
        state.record(entry)  # status_code stays null: the client got no answer
        return drop_connection()
    if kind == "malformed":
        body = fault.get("body", MALFORMED_BODY)
        entry["status_code"] = 200
        state.record(entry)
        return Response(body if isinstance(body, str) else json.dumps(body), 200,
                        mimetype="text/html")
    status = fault["status"]
    headers = {"Retry-After": fault["retry_after"]} if fault.get("retry_after") else {}
    entry["status_code"] = status
    state.record(entry)
    if "body" in fault:
        body = fault["body"]
        if isinstance(body, str):
            return Response(body, status, headers=headers, mimetype="text/plain")
        return json_response(status, body, headers)
    msg = RATE_LIMIT_MSG if status == 429 else reason(status)
    return json_response(status, envelope(state.config["error_shape"], msg, status), headers)


def trickled_response(status, payload, headers, seconds):
    """The real answer, its headers at once and its body one byte every ``seconds``."""
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")

    def one_byte_at_a_time():
        for n in range(len(body)):
            time.sleep(seconds)
            yield body[n:n + 1]

    response = Response(one_byte_at_a_time(), status=status, mimetype="application/json",
                        headers=headers or {})
    response.headers["Content-Length"] = str(len(body))
    return response


def drop_connection():
    """Close the client's connection without any response.

    On werkzeug's server we shut the socket down; writing the (empty) response then fails
    with a broken pipe, which werkzeug treats as a dropped connection and ignores. Under the
    Flask test client there is no socket, so the test sees ConnectionAbortedError.
    """
    sock = request.environ.get("werkzeug.socket")
    if sock is None:
        raise ConnectionAbortedError("koreai sandbox fault: connection dropped")
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    return Response(b"", status=500)
