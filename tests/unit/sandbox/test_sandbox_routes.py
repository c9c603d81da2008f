"""Every documented path spelling is served (and logged as received); anything else is
404, a known path with the wrong method is 405."""

import pytest
from sandbox_helpers import (HOLIDAY, INTERACTIVE, PAYMENT, RENEWAL, WINTER,
                             WINTER_INSTANCE, errmsg)


def test_get_v2_full_object(api):
    r = api.get(RENEWAL)
    assert r.status_code == 200
    body = r.get_json()
    assert body["status"] == "success"
    assert body["message"] == "Campaign Service Renewal Outreach Campaign61 retrieved successfully"
    data = body["data"]
    assert data["_id"] == RENEWAL and data["lname"] == "service renewal outreach campaign61"
    assert data["priority"] == "5" and data["dialingMode"] == "Progressive"
    assert data["schedule"] == {"isSchedulingEnabled": False, "isRecurrenceEnabled": False}
    for key in ("description", "dncLists", "dialingStrategy", "status", "createdAt",
                "updatedAt", "contactLists", "isFiltersEnabled"):
        assert key in data
    assert "type" not in data and "connection" not in data  # sandbox/list-only keys


def test_get_v1(api):
    r = api.call("GET", "/agentassist/api/v1/public/%s/campaign/%s" % (api.sid, INTERACTIVE))
    assert r.status_code == 200
    assert r.get_json()["data"]["_id"] == INTERACTIVE
    assert api.last()["route"] == "campaign-v1"


def test_get_unknown_id_is_404_naming_it(api):
    r = api.get("cd-nope")
    assert r.status_code == 404
    assert r.get_json() == {"errors": [{"msg": "Campaign with id cd-nope not found", "code": 404}]}


@pytest.mark.parametrize("prefix", ["/campaign/api/v2", "/agentassist/api/v1"])
def test_list_v1_and_v2(api, prefix):
    r = api.call("POST", "%s/public/%s/campaign/getAllCampaignDetails" % (prefix, api.sid),
                 body={"type": "sms"})
    assert r.status_code == 200
    assert r.get_json()["data"]["totalResults"] == 3


@pytest.mark.parametrize("prefix", ["/campaign/api/v2", "/agentassist/api/v1"])
def test_status_v1_and_v2(api, prefix):
    r = api.call("POST", "%s/public/%s/campaign/%s/status" % (prefix, api.sid, WINTER))
    assert r.status_code == 200
    assert r.get_json() == {"status": "success", "data": {
        "id": WINTER, "status": "Active", "name": "Winter Retention Callback Campaign"}}
    r = api.call("POST", "%s/public/%s/campaign/%s/status?view=status" % (prefix, api.sid, WINTER))
    assert r.status_code == 200


TRIGGER_VARIANTS = [
    # (route name, path template, query template)
    ("trigger-v2-short", "/api/v2/public/{sid}/campaign/trigger/{cid}",
     "accountId={acct}&campaignType={t}&trigger={a}"),
    ("trigger-v2", "/campaign/api/v2/public/{sid}/campaign/trigger/{cid}",
     "accountId={acct}&campaignType={t}&trigger={a}"),
    ("trigger-v2-double-slash", "/campaign/api/v2/public/{sid}/campaign//trigger/{cid}",
     "accountId={acct}&campaignType={t}&trigger={a}"),
    ("campaign-v2", "/campaign/api/v2/public/{sid}/campaign/{cid}", "campaignType={t}&trigger={a}"),
    ("trigger-v1", "/campaign/api/v1/public/{sid}/campaign/{cid}", "campaignType={t}&trigger={a}"),
]


@pytest.mark.parametrize("route,path,query", TRIGGER_VARIANTS, ids=[v[0] for v in TRIGGER_VARIANTS])
@pytest.mark.parametrize("ctype,cid", [("voice", WINTER), ("sms", PAYMENT)])
def test_trigger_variants_stop_then_play(api, route, path, query, ctype, cid):
    def send(action):
        p = path.format(sid=api.sid, cid=cid)
        q = query.format(acct=api.account, t=ctype, a=action)
        return api.call("POST", p + "?" + q)

    r = send("stop")
    assert r.status_code == 200, r.get_json()
    stop = r.get_json()
    entry = api.last()
    assert entry["route"] == route and entry["operation"] == "trigger" and entry["write"]
    assert entry["path"] == path.format(sid=api.sid, cid=cid)  # "//" kept as received
    r = send("play")
    assert r.status_code == 200
    play = r.get_json()
    if ctype == "voice":
        assert stop == {"status": "Stopped", "message": "Campaign Stopped",
                        "updatedAt": stop["updatedAt"], "campaignInstanceId": WINTER_INSTANCE}
        assert set(play) == {"status", "message", "totalCallsCompleted", "updatedAt",
                             "campaignInstanceId"}
        assert play["totalCallsCompleted"] == 0
        assert play["campaignInstanceId"].startswith("cid-")
        assert play["campaignInstanceId"] != WINTER_INSTANCE  # each start is a new instance
    else:
        assert stop == {"status": "Stopped", "message": "Campaign Stopped",
                        "updatedAt": stop["updatedAt"], "campaignExecutionType": "NORMAL"}
        assert set(play) == {"status", "message", "updatedAt"}
    assert play["status"] == "Active" and play["message"] == "Campaign Started"


def test_voice_instance_id_new_on_each_start(api):
    ids = set()
    for _attempt in range(3):
        assert api.trigger(WINTER, "voice", "stop").status_code == 200
        r = api.trigger(WINTER, "voice", "play")
        ids.add(r.get_json()["campaignInstanceId"])
        assert api.get(WINTER).get_json()["data"]["campaignInstanceId"] in ids
    assert len(ids) == 3


def test_delete_v2_and_v1(api):
    r = api.delete(RENEWAL, "voice")
    assert r.status_code == 200
    body = r.get_json()
    assert body["message"] == "Campaign Service Renewal Outreach Campaign61 deleted successfully"
    assert body["data"]["_id"] == RENEWAL and body["data"]["status"] == "Ready"
    assert api.get(RENEWAL).status_code == 404
    r = api.call("DELETE", "/agentassist/api/v1/public/%s/campaign/%s?campaignType=sms"
                 % (api.sid, HOLIDAY))
    assert r.status_code == 200
    assert api.last()["route"] == "campaign-v1"


@pytest.mark.parametrize("query,msg", [
    ("", "Query parameter campaignType is required"),
    ("?campaignType=email", "Query parameter campaignType must be voice or sms (got 'email')"),
    ("?campaignType=sms", "campaignType sms does not match campaign "
                          "Service Renewal Outreach Campaign61, which is a voice campaign"),
])
def test_delete_campaign_type_required_and_matching(api, query, msg):
    r = api.call("DELETE", api.v2("/%s%s" % (RENEWAL, query)))
    assert r.status_code == 400
    assert errmsg(r) == msg
    assert api.get(RENEWAL).status_code == 200


@pytest.mark.parametrize("method,path", [
    ("GET", "/campaign/api/v2/public/{sid}/campaigns/x"),
    ("GET", "/campaign/api/v3/public/{sid}/campaign/x"),
    ("POST", "/campaign/api/v2/public/{sid}/campaign/x/status/"),   # trailing slash
    ("POST", "/campaign/api/v2/public/{sid}//campaign/trigger/x"),  # "//" elsewhere
    ("POST", "/api/v2/public/{sid}/campaign//trigger/x"),
    ("GET", "/"),
    ("PUT", "/nothing/here"),
])
def test_unknown_paths_404(api, method, path):
    r = api.call(method, path.format(sid=api.sid))
    assert r.status_code == 404
    assert r.get_json()["errors"][0]["code"] == 404
    assert api.last()["operation"] is None


@pytest.mark.parametrize("method,path,allow", [
    ("PATCH", "/campaign/api/v2/public/{sid}/campaign/x", "DELETE, GET, POST, PUT"),
    ("PUT", "/agentassist/api/v1/public/{sid}/campaign/x", "DELETE, GET"),
    ("GET", "/campaign/api/v2/public/{sid}/campaign", "POST"),
    ("PATCH", "/campaign/api/v2/public/{sid}/campaign/contactList/x", "DELETE, GET, PUT"),
    ("GET", "/campaign/api/v2/public/{sid}/campaign/contactList/createContactList", "POST"),
    ("DELETE", "/campaign/api/v2/public/{sid}/campaign/contactList/getAllListDetails",
     "GET, POST"),
    ("GET", "/campaign/api/v2/public/{sid}/campaign/getAllCampaignDetails", "POST"),
    ("GET", "/campaign/api/v2/public/{sid}/campaign/schedule", "POST"),
    ("GET", "/campaign/api/v2/public/{sid}/campaign/x/status", "POST"),
    ("POST", "/agentassist/api/v1/public/{sid}/campaign/x", "DELETE, GET"),
    ("GET", "/campaign/api/v1/public/{sid}/campaign/x", "POST"),
    ("DELETE", "/api/v2/public/{sid}/campaign/trigger/x", "POST"),
])
def test_wrong_method_405(api, method, path, allow):
    r = api.call(method, path.format(sid=api.sid))
    assert r.status_code == 405
    assert r.headers["Allow"] == allow
    assert r.get_json()["errors"][0]["code"] == 405


def test_error_shape_status(api):
    api.configure(error_shape="status")
    r = api.get("cd-nope")
    assert r.status_code == 404
    assert r.get_json() == {"status": "failure", "message": "Campaign with id cd-nope not found"}


def test_percent_encoded_path_logged_raw(api):
    r = api.call("GET", api.v2("/cd%2Dweird"))
    assert r.status_code == 404
    entry = api.last()
    assert entry["path"].endswith("/campaign/cd%2Dweird")
    assert entry["campaign_id"] == "cd-weird"
    assert "cd-weird" in errmsg(r)
