"""Serving: werkzeug's threaded server around the app, the in-process handle for pytest,
and a small requests-based client for the control API."""

import sys
import threading
from urllib.parse import quote

from werkzeug.serving import WSGIRequestHandler, make_server

from .app import create_app
from .auth import mint_token


class _Handler(WSGIRequestHandler):
    # Set here so make_server does not touch the class; HTTP/1.1 as werkzeug's threaded default.
    protocol_version = "HTTP/1.1"
    access_log = False

    def log(self, type, message, *args):  # noqa: A002 - werkzeug's signature
        # Access lines only when asked; errors always (to stderr, not the global logger).
        if type == "error" or self.access_log:
            sys.stderr.write("%s - %s\n" % (self.address_string(), message % args))


def make_sandbox_server(config=None, **overrides):
    """Create (app, server, base_url) without starting to serve."""
    app = create_app(config, **overrides)
    cfg = app.config["KOREAI_SANDBOX"]
    handler = type("SandboxHandler", (_Handler,), {"access_log": bool(cfg["access_log"])})
    ssl_context = (cfg["tls_cert"], cfg["tls_key"]) if cfg["tls_cert"] else None
    server = make_server(cfg["host"], cfg["port"], app, threaded=True,
                         request_handler=handler, ssl_context=ssl_context)
    scheme = "https" if ssl_context else "http"
    host = cfg["host"]
    if host in ("0.0.0.0", "::", ""):
        host = "127.0.0.1"
    if ":" in host:
        host = "[%s]" % host
    return app, server, "%s://%s:%d" % (scheme, host, server.server_port)


class SandboxHandle:
    """A sandbox serving in a daemon thread. Use as a context manager or call stop()."""

    def __init__(self, config=None, **overrides):
        self.app, self._server, self.url = make_sandbox_server(config, **overrides)
        self.config = self.app.config["KOREAI_SANDBOX"]
        self.state = self.app.extensions["koreai_sandbox"]
        verify = self.config["tls_cert"] or True
        self.control = ControlClient(self.url, verify=verify)
        self._thread = threading.Thread(target=self._server.serve_forever,
                                        kwargs={"poll_interval": 0.1},
                                        name="koreai-sandbox", daemon=True)
        self._thread.start()

    @property
    def port(self):
        return self._server.server_port

    @property
    def stream_id(self):
        return self.config["streams"][0]["stream_id"]

    @property
    def account_id(self):
        return self.config["streams"][0]["account_id"]

    def token(self, **kwargs):
        """A fresh valid JWT for this sandbox (see auth.mint_token for options)."""
        return mint_token(self.config["client_id"], self.config["client_secret"], **kwargs)

    def headers(self, stream=0, json_body=True, **token_kwargs):
        """auth/iid/accountId (+ Content-Type) headers for the stream with that index."""
        s = self.config["streams"][stream]
        out = {"auth": self.token(**token_kwargs), "iid": s["stream_id"],
               "accountId": s["account_id"]}
        if json_body:
            out["Content-Type"] = "application/json"
        return out

    def stop(self):
        if self._thread.is_alive():
            self._server.shutdown()
            self._thread.join(5)
        self._server.server_close()
        self.control.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def start_sandbox(config=None, **overrides):
    """Start a sandbox on ``host``/``port`` (default 127.0.0.1:0) and return its handle."""
    return SandboxHandle(config, **overrides)


class SandboxNotFound(LookupError, RuntimeError):
    """A control call named something the sandbox does not have."""


class ControlClient:
    """Client of the /__sandbox__ control API (requests is imported only when used)."""

    def __init__(self, base_url, verify=True, timeout=10):
        import requests

        self.base = base_url.rstrip("/") + "/__sandbox__"
        self.session = requests.Session()
        # Per request, not session.verify: REQUESTS_CA_BUNDLE would override the session's.
        self.verify = verify
        self.timeout = timeout

    def _call(self, method, path, json=None, params=None):
        resp = self.session.request(method, self.base + path, json=json, params=params,
                                    timeout=self.timeout, verify=self.verify)
        if resp.status_code == 404:
            raise SandboxNotFound("sandbox control %s %s -> 404: %s" % (method, path, resp.text))
        if resp.status_code >= 400:
            raise RuntimeError("sandbox control %s %s -> %d: %s"
                               % (method, path, resp.status_code, resp.text))
        return resp.json()

    def health(self):
        return self._call("GET", "/health")

    def reset(self, seed=None, keep_config=False):
        body = {"keep_config": keep_config}
        if seed is not None:
            body["seed"] = seed
        return self._call("POST", "/reset", json=body)

    def configure(self, **config):
        return self._call("POST", "/config", json=config)

    def config(self):
        return self._call("GET", "/config")

    def seed_campaign(self, **fields):
        return self._call("POST", "/campaigns", json=fields)

    def campaigns(self, type=None):  # noqa: A002 - mirrors the API's field name
        return self._call("GET", "/campaigns", params={"type": type} if type else None)["campaigns"]

    def campaign(self, campaign_id):
        """The campaign (control view), or None when there is none with that id."""
        try:
            return self._call("GET", "/campaigns/" + quote(campaign_id, safe=""))
        except LookupError:
            return None

    def set_campaign(self, campaign_id, **fields):
        return self._call("PATCH", "/campaigns/" + quote(campaign_id, safe=""), json=fields)

    def delete_campaign(self, campaign_id):
        return self._call("DELETE", "/campaigns/" + quote(campaign_id, safe=""))["deleted"]

    def seed_contact_list(self, **fields):
        return self._call("POST", "/contact_lists", json=fields)

    def contact_lists(self):
        return self._call("GET", "/contact_lists")["contact_lists"]

    def contact_list(self, contact_list_id):
        """The contact list (control view), or None when there is none with that id."""
        try:
            return self._call("GET", "/contact_lists/" + quote(contact_list_id, safe=""))
        except LookupError:
            return None

    def set_contact_list(self, contact_list_id, **fields):
        return self._call("PATCH", "/contact_lists/" + quote(contact_list_id, safe=""),
                          json=fields)

    def delete_contact_list(self, contact_list_id):
        return self._call("DELETE", "/contact_lists/" + quote(contact_list_id, safe=""))["deleted"]

    # --- contacts of a list ---------------------------------------------------------

    def seed_contacts(self, contact_list_id, count=None, contacts=None, start=0, prefix=None,
                      fields=None, pending=False):
        """Put contacts into a list at once (no 100-per-call limit): ``contacts`` (a list of
        contact objects) or ``count`` generated ones (+1555 and 7 digits from ``start``,
        uniqueId str(n), ``fields`` added to each). ``pending=True`` queues them like an API
        add. Returns {"added", "dropped_duplicates", "totalRecordCount", "pending"}."""
        if (contacts is None) == (count is None):
            raise ValueError("give contacts or count")
        if contacts is not None:
            body = {"contacts": contacts}
        else:
            body = {"count": count, "start": start}
            if prefix is not None:
                body["prefix"] = prefix
            if fields:
                body["fields"] = fields
        body["pending"] = pending
        return self._call("POST", self._list_path(contact_list_id, "contacts"), json=body)

    def contacts(self, contact_list_id, skip=0, limit=None):
        """Visible contacts of a list, in insertion order (not an API read)."""
        params = {"skip": skip}
        if limit is not None:
            params["limit"] = limit
        return self._call("GET", self._list_path(contact_list_id, "contacts"),
                          params=params)["contacts"]

    def pending_contacts(self, contact_list_id):
        """Pending adds: [{"contacts", "queued_at", "seconds_left", "reads_left"}]."""
        return self._call("GET", self._list_path(contact_list_id, "pending"))["pending"]

    def flush_contacts(self, contact_list_id):
        """Make every pending add of the list visible now; returns how many contacts."""
        return self._call("POST", self._list_path(contact_list_id, "pending"))["flushed"]

    def _list_path(self, contact_list_id, sub):
        return "/contact_lists/%s/%s" % (quote(contact_list_id, safe=""), sub)

    # --- dialing ----------------------------------------------------------------------

    def dial(self, campaign_id, attempts=1):
        """Make ``attempts`` more dial attempts of an Active campaign now; returns outcomes()
        plus "made" (attempts actually made)."""
        return self._call("POST", "/campaigns/%s/dial" % quote(campaign_id, safe=""),
                          json={"attempts": attempts})

    def finish_dialing(self, campaign_id):
        """Run an Active campaign's current run to the end now (it becomes Completed)."""
        return self._call("POST", "/campaigns/%s/dial" % quote(campaign_id, safe=""),
                          json={"finish": True})

    def outcomes(self, campaign_id, final=False):
        """Outcome counts of the campaign's current run, as view=contacts tallies them
        (``final=True``: as they will be once the run completes)."""
        return self._call("GET", "/campaigns/%s/outcomes" % quote(campaign_id, safe=""),
                          params={"final": "true" if final else "false"})

    def requests_log(self, since=None, operation=None):
        params = {k: v for k, v in (("since", since), ("operation", operation)) if v is not None}
        return self._call("GET", "/requests", params=params or None)["requests"]

    def clear_log(self):
        return self._call("DELETE", "/requests")

    def writes(self):
        return [r for r in self.requests_log() if r["write"]]

    def inject(self, **fault):
        return self._call("POST", "/faults", json={"faults": [fault]})["faults"]

    def faults(self):
        return self._call("GET", "/faults")["faults"]

    def clear_faults(self):
        return self._call("DELETE", "/faults")["faults"]

    def close(self):
        self.session.close()
