"""Control API (/__sandbox__): reset, config, campaigns, request log, faults, rate limit."""

import pytest
from sandbox_helpers import (DAILY, FEEDBACK_NAME, INTERACTIVE, PAYMENT, RENEWAL, WINTER, Api,
                             errmsg, make_api)

from koreai_sandbox import create_app


def test_health_and_control_not_logged(api):
    assert api.control("GET", "/health").get_json() == {"ok": True}
    api.control("GET", "/campaigns")
    assert api.log() == []


def test_config_read_merge_and_validation(api):
    cfg = api.control("GET", "/config").get_json()
    assert cfg["mode"] == "strict" and cfg["lag_reads"] == 0 and cfg["error_shape"] == "errors"
    assert cfg["rate_limit"] == {"enabled": False, "per_minute": 60, "retry_after": False}
    assert cfg["client_id"] == api.cfg["client_id"] and "client_secret" not in cfg
    new = api.configure(mode="tolerant", rate_limit={"enabled": True})
    assert new["mode"] == "tolerant" and new["rate_limit"]["per_minute"] == 60
    for bad in ({"mode": "lenient"}, {"lag_reads": -1}, {"client_secret": "x"},
                {"rate_limit": {"per_minute": 0}}, {"error_shape": "xml"}, {"now": "soon"}):
        r = api.control("POST", "/config", bad)
        assert r.status_code == 400 and "error" in r.get_json()


def test_reset_restores_seed_and_config(api):
    api.configure(mode="tolerant")
    api.delete(RENEWAL, "voice")
    api.control("POST", "/faults", {"faults": [{"kind": "status"}]})
    r = api.control("POST", "/reset", {})
    assert r.get_json() == {"ok": True, "campaigns": 9}
    assert api.get(RENEWAL).status_code == 200
    assert api.control("GET", "/config").get_json()["mode"] == "strict"
    assert api.control("GET", "/faults").get_json() == {"faults": []}
    assert [e["seq"] for e in api.log()] == [1]


def test_reset_keep_config_and_other_seeds(api):
    api.configure(lag_reads=3)
    api.control("POST", "/reset", {"seed": "empty", "keep_config": True})
    assert api.control("GET", "/campaigns").get_json() == {"campaigns": []}
    assert api.control("GET", "/config").get_json()["lag_reads"] == 3
    api.control("POST", "/reset", {"seed": [{"type": "sms", "name": "Only One"}]})
    (only,) = api.control("GET", "/campaigns").get_json()["campaigns"]
    assert only["name"] == "Only One" and only["type"] == "sms" and only["_id"].startswith("cd-")
    r = api.control("POST", "/reset", {"seed": [{"name": "no type"}]})
    assert r.status_code == 400
    r = api.control("POST", "/reset", {"seed": "/etc/passwd"})  # no paths over HTTP
    assert r.status_code == 400


def test_reset_clears_seen_jtis(api):
    t = api.token()
    assert api.get(RENEWAL, auth=t).status_code == 200
    api.control("POST", "/reset")
    assert api.get(RENEWAL, auth=t).status_code == 200


def test_seed_file(tmp_path):
    path = tmp_path / "seed.json"
    path.write_text('{"campaigns": [{"type": "voice", "name": "From File", "_id": "cd-file"}]}')
    api = make_api(seed=str(path))
    assert api.get("cd-file").get_json()["data"]["name"] == "From File"


def test_campaign_crud(api):
    r = api.control("POST", "/campaigns", {"type": "voice", "name": "Brand New", "priority": "2"})
    assert r.status_code == 201
    c = r.get_json()
    assert c["status"] == "Ready" and c["lname"] == "brand new" and c["type"] == "voice"
    assert c["dialingStrategy"]["dialingOrder"] == "FIFO"  # from the voice template
    assert api.get(c["_id"]).get_json()["data"]["priority"] == "2"

    r = api.control("PATCH", "/campaigns/" + c["_id"], {"status": "Completed", "name": "Renamed"})
    assert r.get_json()["status"] == "Completed" and r.get_json()["lname"] == "renamed"
    assert api.control("PATCH", "/campaigns/" + c["_id"], {"status": "Running"}).status_code == 400
    assert api.control("PATCH", "/campaigns/" + c["_id"], {"type": "sms"}).status_code == 400
    r = api.control("DELETE", "/campaigns/" + c["_id"])
    assert r.get_json()["deleted"]["name"] == "Renamed"
    assert api.control("GET", "/campaigns/" + c["_id"]).status_code == 404

    for bad in ({"name": "x"}, {"type": "fax", "name": "x"}, {"type": "sms"},
                {"type": "sms", "name": "dup", "_id": RENEWAL}):
        assert api.control("POST", "/campaigns", bad).status_code == 400
    assert api.control("POST", "/campaigns",
                       {"type": "sms", "name": "x", "stream_id": "st-nope"}).status_code == 400


def test_campaigns_list_has_type_and_id(api):
    rows = api.control("GET", "/campaigns").get_json()["campaigns"]
    assert len(rows) == 9
    assert {r["type"] for r in rows} == {"voice", "sms"}
    assert all(r["_id"].startswith("cd-") for r in rows)
    assert len(api.control("GET", "/campaigns?type=sms").get_json()["campaigns"]) == 3


def test_control_404_405(api):
    assert api.control("GET", "/nothing").status_code == 404
    assert api.control("PUT", "/config").status_code == 405


def test_request_log_entry_fields(api):
    api.schedule(FEEDBACK_NAME, "true", DAILY)
    e = api.last()
    assert set(e) >= {"seq", "time", "method", "path", "query_string", "query", "headers", "body",
                      "status_code", "operation", "write", "campaign_id", "campaign_name",
                      "fault", "rate_limited"}
    assert e["method"] == "POST" and e["status_code"] == 200 and e["write"] is True
    assert e["operation"] == "schedule_enable" and e["body"] == DAILY
    assert e["query"] == {"enableSchedule": "true", "campaignName": FEEDBACK_NAME}
    assert e["headers"]["iid"] == api.sid and e["headers"]["accountId"] == api.account
    assert e["headers"]["content_type"] == "application/json"
    assert e["fault"] is None and e["rate_limited"] is False
    api.call("POST", api.v2("/%s/status" % RENEWAL), body="not json")
    assert api.last()["body"] == "not json"
    api.get(RENEWAL)
    e = api.last()
    assert e["body"] is None and e["write"] is False and e["operation"] == "get_campaign"
    assert api.control("GET", "/requests?since=%d" % (e["seq"] - 1)).get_json()["requests"] == [e]
    api.control("DELETE", "/requests")
    assert api.log() == []


def test_operations_named(api):
    api.get(RENEWAL)
    api.list({"type": "voice"})
    api.status(RENEWAL)
    api.status(RENEWAL, view="contacts", body={"page": 1, "limit": 10})
    api.trigger(RENEWAL, "voice", "play")
    api.schedule(FEEDBACK_NAME, "true", DAILY)
    api.schedule(FEEDBACK_NAME, "false")
    api.delete(INTERACTIVE, "sms")
    assert [(e["operation"], e["write"]) for e in api.log()] == [
        ("get_campaign", False), ("list_campaigns", False), ("campaign_status", False),
        ("campaign_contacts", False), ("trigger", True), ("schedule_enable", True),
        ("schedule_disable", True), ("delete_campaign", True)]


def test_contacts_view(api):
    rows = [{"phoneNumber": "+1555000%04d" % i, "dialerOutcome": "completed"} for i in range(25)]
    api.control("PATCH", "/campaigns/" + WINTER, {"contact_results": rows})
    d = api.status(WINTER, view="contacts", body={"page": 3, "limit": 10}).get_json()["data"]
    assert d == {"results": rows[20:], "page": 3, "limit": 10, "totalPages": 3, "totalResults": 25}
    d = api.status(RENEWAL, view="contacts").get_json()["data"]
    assert d == {"results": [], "page": 1, "limit": 50, "totalPages": 0, "totalResults": 0}
    for body in ({"page": 0}, {"limit": 101}, {"limit": 0}, {"offset": 1}):
        assert api.status(WINTER, view="contacts", body=body).status_code == 400
    assert api.status(WINTER, view="summary").status_code == 400
    assert api.status(WINTER, body={"page": 1}).status_code == 400  # view=status wants {}


# --- faults ------------------------------------------------------------------------

def fault(api, **f):
    r = api.control("POST", "/faults", {"faults": [f]})
    assert r.status_code == 200, r.get_json()
    return r.get_json()["faults"]


def test_status_fault_with_retry_after_then_normal(api):
    fault(api, kind="status", status=503, retry_after="2", count=2)
    for _attempt in range(2):
        r = api.get(RENEWAL)
        assert r.status_code == 503 and r.headers["Retry-After"] == "2"
        assert r.get_json() == {"errors": [{"msg": "Service Unavailable", "code": 503}]}
    assert api.get(RENEWAL).status_code == 200
    assert [e["fault"] for e in api.log()] == ["status", "status", None]
    assert api.control("GET", "/faults").get_json() == {"faults": []}


def test_status_fault_429_body_override_and_shape(api):
    fault(api, kind="status", status=429)
    r = api.get(RENEWAL)
    assert r.status_code == 429 and "Retry-After" not in r.headers
    assert "per-minute rate limit" in errmsg(r)
    fault(api, kind="status", status=502, body={"status": "failure", "message": "bad gateway"})
    assert api.get(RENEWAL).get_json() == {"status": "failure", "message": "bad gateway"}
    fault(api, kind="status", status=500, body="<html>oops</html>")
    assert api.get(RENEWAL).data == b"<html>oops</html>"


def test_fault_match(api):
    fault(api, kind="status", status=500, match={"operation": "trigger", "method": "POST"})
    assert api.get(WINTER).status_code == 200
    assert api.list({"type": "voice"}).status_code == 200
    assert api.trigger(WINTER, "voice", "stop").status_code == 500
    assert api.campaign(WINTER)["status"] == "Active"  # apply:false -> not processed
    fault(api, kind="status", status=500, match={"path_contains": "/trigger/"})
    assert api.call("POST", api.v2("/%s?campaignType=voice&trigger=stop" % WINTER)).status_code == 200
    assert api.trigger(WINTER, "voice", "play").status_code == 500


def test_status_fault_apply_true_changes_state(api):
    fault(api, kind="status", status=504, apply=True, match={"operation": "trigger"})
    r = api.trigger(WINTER, "voice", "stop")
    assert r.status_code == 504
    assert api.campaign(WINTER)["status"] == "Stopped"  # the write happened anyway
    e = [e for e in api.log() if e["operation"] == "trigger"][-1]
    assert e["status_code"] == 504 and e["processed_status_code"] == 200 and e["fault"] == "status"
    # A blind resend is now a needless write: strict mode says so.
    assert api.trigger(WINTER, "voice", "stop").status_code == 409


def test_malformed_fault(api):
    fault(api, kind="malformed", match={"operation": "get_campaign"})
    r = api.get(RENEWAL)
    assert r.status_code == 200 and r.data == b"<html>upstream error</html>"
    assert r.mimetype == "text/html"
    fault(api, kind="malformed", apply=True)
    assert api.delete(RENEWAL, "voice").status_code == 200
    assert api.get(RENEWAL).status_code == 404


def test_drop_fault_in_test_client(api):
    fault(api, kind="drop")
    with pytest.raises(ConnectionAbortedError):
        api.get(RENEWAL)
    assert api.last()["fault"] == "drop" and api.last()["status_code"] is None


def test_delay_fault(api):
    import time
    fault(api, kind="delay", seconds=0.3)
    t0 = time.monotonic()
    assert api.get(RENEWAL).status_code == 200
    assert time.monotonic() - t0 >= 0.3
    assert api.last()["fault"] == "delay"


@pytest.mark.parametrize("bad", [
    {"kind": "explode"}, {"kind": "status", "status": 200}, {"kind": "status", "count": 0},
    {"kind": "delay", "seconds": -1}, {"kind": "drop", "match": {"host": "x"}},
    {"kind": "drop", "apply": "yes"}, {"kind": "status", "colour": "red"},
])
def test_bad_faults_rejected(api, bad):
    r = api.control("POST", "/faults", {"faults": [bad]})
    assert r.status_code == 400
    assert api.control("GET", "/faults").get_json() == {"faults": []}


def test_faults_not_applied_to_control_api(api):
    fault(api, kind="status", status=500)
    assert api.control("GET", "/health").status_code == 200
    assert len(api.control("GET", "/faults").get_json()["faults"]) == 1


# --- rate limit ------------------------------------------------------------------------

def clock_api(**config):
    now = [1000.0]
    app = create_app(clock=lambda: now[0], **config)
    app.testing = True
    return Api(app), now


@pytest.mark.parametrize("retry_after", [False, True])
def test_rate_limit(retry_after):
    api, now = clock_api(rate_limit={"enabled": True, "per_minute": 3, "retry_after": retry_after})
    for i in range(3):
        now[0] += 10
        assert api.get(RENEWAL).status_code == 200
    r = api.get(RENEWAL)  # t=1030, window holds 1010, 1020, 1030
    assert r.status_code == 429
    assert r.get_json() == {"errors": [{
        "msg": "You've exceeded the per-minute rate limit. Please wait for sometime before retrying.",
        "code": 429}]}
    if retry_after:
        assert r.headers["Retry-After"] == "40"  # the 1010 slot frees at 1070
    else:
        assert "Retry-After" not in r.headers
    assert api.last()["rate_limited"] is True and api.last()["status_code"] == 429
    # Rejected requests are not counted: waiting until the first slot frees is enough.
    for _attempt in range(5):
        assert api.get(RENEWAL).status_code == 429
    now[0] = 1070.0
    assert api.get(RENEWAL).status_code == 200
    assert api.get(RENEWAL).status_code == 429


def test_rate_limit_is_per_account_and_control_is_exempt():
    api, now = clock_api(rate_limit=1, streams=[{"stream_id": "st-a", "account_id": "acc-a"},
                                                {"stream_id": "st-b", "account_id": "acc-b"}])
    assert api.get(RENEWAL).status_code == 200
    assert api.get(RENEWAL).status_code == 429
    r = api.call("GET", "/campaign/api/v2/public/st-b/campaign/x", iid="st-b", accountId="acc-b")
    assert r.status_code == 404  # other account: own window
    for _attempt in range(5):
        assert api.control("GET", "/health").status_code == 200
    api.configure(rate_limit={"enabled": False})
    assert api.get(RENEWAL).status_code == 200


def test_rate_limit_off_by_default_and_reset_clears(api):
    for _attempt in range(70):
        assert api.status(PAYMENT).status_code == 200
    api.configure(rate_limit={"enabled": True, "per_minute": 1})
    assert api.get(RENEWAL).status_code == 200
    assert api.get(RENEWAL).status_code == 429
    api.control("POST", "/reset", {"keep_config": True})
    assert api.get(RENEWAL).status_code == 200
