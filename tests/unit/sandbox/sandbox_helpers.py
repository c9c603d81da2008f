"""Helpers for the sandbox's own tests: a Flask test-client wrapper (``Api``) that sends
valid auth headers by default, and the ids of the default seed campaigns.

(A uniquely named module rather than conftest.py, so ``from sandbox_helpers import ...``
cannot pick up another directory's conftest.)"""

import json
import sys
from pathlib import Path
from urllib.parse import quote

SANDBOX_DIR = Path(__file__).resolve().parents[2] / "sandbox"
SEEDS_DIR = Path(__file__).resolve().parents[4] / "shared" / "seeds"
if str(SANDBOX_DIR) not in sys.path:
    sys.path.insert(0, str(SANDBOX_DIR))

from koreai_sandbox import create_app, mint_token  # noqa: E402

# Default seed campaigns (see koreai_sandbox/seed.py).
RENEWAL = "cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx"       # voice, Progressive, Ready
INTERACTIVE = "cd-3aefda80-f98e-5f4f-ad41-92803abbxxxx"  # sms, advanced, Stopped
FEEDBACK = "cd-671b3bd-a7a1-4709-bd6a-70803e3xxxxx"      # voice, Agentless, Ready
FEEDBACK_NAME = "Agentless Voice | Product Feedback | Jan 9"
WINTER = "cd-5c2f9e1-4b7a-4d3e-9f21-8a6b0c4xxxxx"        # voice, Preview, Active
WINTER_INSTANCE = "cid-835ee4a-697e-4846-8340-7e3e301xxxxx"
PAYMENT = "cd-7e21c4b0-5a9d-5c1e-8f3a-1b2c3d4exxxx"      # sms, simple, Active
LAUNCH = "cd-9e14b72-88cc-4544-9a98-7aee9b7xxxxx"        # voice, Preparing (2 reads)
HOLIDAY = "cd-2b8d6f10-3c4e-5f6a-8b9c-0d1e2f3axxxx"      # sms, Completed
SURVEY = "cd-3f6e8d2-1a2b-4c3d-8e4f-5a6b7c8xxxxx"        # voice, Scheduled (weekly)
SURVEY_NAME = "Weekly Satisfaction Survey Calls"
COLLECTIONS = "cd-6a7b8c9-0d1e-4f2a-9b3c-4d5e6f7xxxxx"   # voice, Paused

DAILY = {"startDateTime": "2027-01-27 18:29:00", "endDateTime": "2027-02-27 18:29:00",
         "recurrenceObject": {"recurType": "Daily", "dailyDetails": {"onceEveryNdays": 1}}}


class Api:
    """Test-client helper: paths relative to the stream, valid headers unless told."""

    def __init__(self, app):
        self.app = app
        self.client = app.test_client()
        self.cfg = app.config["KOREAI_SANDBOX"]
        self.state = app.extensions["koreai_sandbox"]
        self.sid = self.cfg["streams"][0]["stream_id"]
        self.account = self.cfg["streams"][0]["account_id"]

    def token(self, **kw):
        return mint_token(self.cfg["client_id"], self.cfg["client_secret"], **kw)

    def headers(self, **over):
        h = {"auth": self.token(), "iid": self.sid, "accountId": self.account,
             "Content-Type": "application/json"}
        h.update(over)
        return {k: v for k, v in h.items() if v is not None}

    def call(self, method, path, body="{}", headers=None, **over):
        """``body``: dict -> JSON, str -> sent as is, None -> no body."""
        if isinstance(body, (dict, list)):
            body = json.dumps(body)
        hdrs = headers if headers is not None else self.headers(**over)
        if method in ("GET", "DELETE") and body == "{}":
            body = None
        return self.client.open(path, method=method, data=body, headers=hdrs)

    # Canonical v2 paths.
    def v2(self, rest=""):
        return "/campaign/api/v2/public/%s/campaign%s" % (self.sid, rest)

    def get(self, cid, **kw):
        return self.call("GET", self.v2("/" + cid), **kw)

    def status(self, cid, view=None, body="{}", **kw):
        q = "?view=%s" % view if view else ""
        return self.call("POST", self.v2("/%s/status%s" % (cid, q)), body=body, **kw)

    def trigger(self, cid, ctype, action, **kw):
        return self.call("POST", self.v2("/trigger/%s?accountId=%s&campaignType=%s&trigger=%s"
                                         % (cid, self.account, ctype, action)), **kw)

    def delete(self, cid, ctype, **kw):
        return self.call("DELETE", self.v2("/%s?accountId=%s&campaignType=%s"
                                           % (cid, self.account, ctype)), **kw)

    def list(self, body, **kw):
        return self.call("POST", self.v2("/getAllCampaignDetails?accountId=" + self.account),
                         body=body, **kw)

    def schedule(self, name, enable, body="{}", **kw):
        q = "enableSchedule=%s&campaignName=%s" % (enable, quote(name, safe=""))
        return self.call("POST", self.v2("/schedule?" + q), body=body, **kw)

    # Control API.
    def control(self, method, path, body=None):
        r = self.client.open("/__sandbox__" + path, method=method,
                             json=body if body is not None else None)
        return r

    def campaign(self, cid):
        return self.control("GET", "/campaigns/" + cid).get_json()

    def configure(self, **cfg):
        r = self.control("POST", "/config", cfg)
        assert r.status_code == 200, r.get_json()
        return r.get_json()

    def log(self):
        return self.control("GET", "/requests").get_json()["requests"]

    def last(self):
        return self.log()[-1]


def make_api(**config):
    app = create_app(**config)
    app.testing = True  # let ConnectionAbortedError (drop fault) reach the test
    return Api(app)


def errmsg(resp):
    body = resp.get_json()
    return body["errors"][0]["msg"]
