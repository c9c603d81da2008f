"""Helpers for the contacts, dialing, results and analytics tests: paths of the new
endpoints, control calls, and a fresh voice or SMS campaign with lists of its own."""

from sandbox_helpers import make_api

UNUSED = "cl-2259a6e-250d-4e30-95a8-9b813c1xxxxx"    # "Renewal Due - July 2025", allowDuplicates
CL_ONLY = "cl-a87db5d-bd29-4327-ab8c-a7ac000xxxxx"   # "CL Only 2020 Dec 4", no duplicates
DNC_NAME = "DNC CL Dec 4"
DNC = "cl-68b802a-2b99-4245-8eea-6d322a8xxxxx"

# Weekdays 9-6 in Asia/Kolkata, as the seed templates; 2026-01-14 is a Wednesday and
# 06:30 UTC is 12:00 there (inside), 01:30 in New York (outside).
INSIDE_KOLKATA = "2026-01-14 06:30:00"


def quiet_api(**config):
    """A strict sandbox whose runs move only through the control API."""
    config.setdefault("dial_rate", 0)
    return make_api(**config)


def add_path(api, query=""):
    return "/api/1.1/public/%s/campaign/contactList/addContacts%s" % (api.sid, query)


def add(api, body, query="", **headers):
    return api.call("POST", add_path(api, query), body=body, **headers)


def contacts_path(api, clid, query="", v1=False):
    base = ("/agentassist/api/v1/public/%s" if v1 else "/campaign/api/v2/public/%s") % api.sid
    return "%s/campaign/contactList/%s/getAllContacts%s" % (base, clid, query)


def all_contacts(api, clid, query="", v1=False):
    return api.call("GET", contacts_path(api, clid, query, v1))


def numbers(n, start=0, prefix="+1415555"):
    return [{"phoneNumber": "%s%04d" % (prefix, start + i)} for i in range(n)]


def new_list(api, name, allow_duplicates=False, **fields):
    body = dict(name=name, allowDuplicates=allow_duplicates, **fields)
    r = api.control("POST", "/contact_lists", body)
    assert r.status_code == 201, r.get_json()
    return r.get_json()["_id"]


def seed(api, clid, **spec):
    r = api.control("POST", "/contact_lists/%s/contacts" % clid, spec)
    assert r.status_code == 201, r.get_json()
    return r.get_json()


def campaign(api, name, lists, ctype="voice", dnc=DNC_NAME, status="Ready", **strategy):
    """A campaign (control API) dialling ``lists`` (names, created when missing)."""
    entry = {"type": ctype, "name": name, "contactLists": list(lists), "status": status}
    if ctype == "voice":
        entry["dncLists"] = {"name": dnc}
        ds = {"callerId": {"phoneNumber": "+14155550100"},
              "callingHours": {"frequency": "WEEKLY", "timezone": "Asia/Kolkata",
                               "days": [{"day": d, "start": "9:00 AM", "end": "6:00 PM"}
                                        for d in ("MO", "TU", "WE", "TH", "FR")]},
              "dialingOrder": "FIFO", "maxAttemptsPerRecord": 3, "defaultRetryPeriod": 10,
              "maxRingTime": 30, "useSystemMappings": False}
        ds.update(strategy)
        entry["dialingStrategy"] = ds
    elif dnc is not None:
        entry["dncLists"] = {"name": dnc}
    r = api.control("POST", "/campaigns", entry)
    assert r.status_code == 201, r.get_json()
    return r.get_json()["_id"]


def list_id(api, name):
    for cl in api.control("GET", "/contact_lists").get_json()["contact_lists"]:
        if cl["name"] == name:
            return cl["_id"]
    raise LookupError(name)


def dial(api, cid, **body):
    return api.control("POST", "/campaigns/%s/dial" % cid, body)


def finish(api, cid):
    r = dial(api, cid, finish=True)
    assert r.status_code == 200, r.get_json()
    return r.get_json()


def outcomes(api, cid, final=False):
    r = api.control("GET", "/campaigns/%s/outcomes?final=%s" % (cid, "true" if final else "false"))
    assert r.status_code == 200, r.get_json()
    return r.get_json()


def results(api, cid, v1=False, **body):
    if v1:
        path = "/agentassist/api/v1/public/%s/campaign/%s/status?view=contacts" % (api.sid, cid)
        return api.call("POST", path, body=body)
    return api.status(cid, view="contacts", body=body)


def all_results(api, cid, limit=100):
    rows, page = [], 1
    while True:
        data = results(api, cid, page=page, limit=limit).get_json()["data"]
        rows.extend(data["results"])
        if page >= data["totalPages"]:
            return rows, data
        page += 1


def play(api, cid, ctype="voice"):
    r = api.trigger(cid, ctype, "play")
    assert r.status_code == 200, r.get_json()
    return r.get_json()


def stop(api, cid, ctype="voice"):
    r = api.trigger(cid, ctype, "stop")
    assert r.status_code == 200, r.get_json()
    return r.get_json()


def analytics_path(api, query="", account=None):
    return "/agentassist/api/public/analytics/account/%s/v2/interactionDetails%s" % (
        account or api.account, query)


def interactions(api, body=None, query="", account=None, **headers):
    if body is None:
        body = window()
    return api.call("POST", analytics_path(api, query, account), body=body, **headers)


def window(start="2026-01-12", end="2026-01-18", **extra):
    body = {"startDate": start, "endDate": end, "direction": "Outbound",
            "selectedFields": ["campaigninfo"], "timeZoneOffset": 0}
    body.update(extra)
    return body
