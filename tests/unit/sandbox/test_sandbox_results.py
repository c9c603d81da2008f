"""Per-contact results (API §1.1 #14 and #29, §8.4): status?view=contacts of the current run,
its paging (every contact exactly once), body rules, the v1 path, lower-case statuses, and
view=status unchanged."""

import pytest
from contact_helpers import (all_results, campaign, finish, list_id, play, quiet_api, results,
                             seed, stop)
from sandbox_helpers import RENEWAL, WINTER, errmsg

ROW_KEYS = ["phoneNumber", "uniqueId", "dialerOutcome", "numberOfAttemptsSoFar", "botSessionId",
            "agentDispositionCodes", "botOutboundStatus", "botOutboundStatusDetail"]


def run_of(api, n, name="Results", mode=None, done=True):
    extra = {}
    cid = campaign(api, name, [name + " List"], **extra)
    if mode:
        api.control("PATCH", "/campaigns/" + cid, {"dialingMode": mode})
    if n:
        seed(api, list_id(api, name + " List"), count=n, fields={"firstName": "F"})
    play(api, cid)
    if done:
        finish(api, cid)
    return cid


@pytest.mark.parametrize("n,limit", [(1, 100), (100, 100), (101, 100), (1000, 100), (1000, 7),
                                     (101, 1)])
def test_paging_gives_every_contact_exactly_once(n, limit):
    api = quiet_api()
    cid = run_of(api, n)
    rows, last = all_results(api, cid, limit=limit)
    assert [r["phoneNumber"] for r in rows] == ["+1555%07d" % i for i in range(n)]
    assert last["totalResults"] == n and last["limit"] == limit
    assert last["totalPages"] == -(-n // limit) and last["page"] == last["totalPages"]
    beyond = results(api, cid, page=last["totalPages"] + 1, limit=limit).get_json()["data"]
    assert beyond["results"] == [] and beyond["totalResults"] == n


def test_row_shape_and_documented_values():
    api = quiet_api(dial_outcomes={"answered": 1, "no_answer": 0, "busy": 0})
    cid = run_of(api, 3, mode="Agentless")
    r = results(api, cid, page=1, limit=100)
    body = r.get_json()
    assert list(body) == ["status", "data"] and body["status"] == "success"
    assert list(body["data"]) == ["results", "page", "limit", "totalPages", "totalResults"]
    row = body["data"]["results"][0]
    assert list(row) == ROW_KEYS
    assert row["dialerOutcome"] == "completed" and row["numberOfAttemptsSoFar"] == 1
    assert len(row["botSessionId"]) == 24 and int(row["botSessionId"], 16) >= 0
    assert row["agentDispositionCodes"] == ["System Generated"]
    assert row["botOutboundStatus"] == "userHangUp" and row["botOutboundStatusDetail"] == "user_hangup"
    assert row["uniqueId"] == "0"
    entry = api.last()
    assert entry["operation"] == "campaign_contacts" and entry["write"] is False


def test_agent_modes_have_agent_dispositions():
    api = quiet_api(dial_outcomes={"answered": 1, "no_answer": 0, "busy": 0})
    cid = run_of(api, 40)  # Progressive (the template's mode)
    rows, _data = all_results(api, cid)
    assert {r["botOutboundStatus"] for r in rows} == {"agentHangUp", "userHangUp"}
    assert {c for r in rows for c in r["agentDispositionCodes"]} == {
        "Resolved", "Unresolved", "Requires Supervisor Attention"}


def test_rows_before_during_and_after_dialing():
    api = quiet_api(dial_outcomes={"answered": 0, "no_answer": 1, "busy": 0})
    cid = run_of(api, 2, done=False)
    rows, _data = all_results(api, cid)
    assert rows[0] == {"phoneNumber": "+15550000000", "uniqueId": "0", "dialerOutcome": "",
                       "numberOfAttemptsSoFar": 0, "botSessionId": "", "agentDispositionCodes": [],
                       "botOutboundStatus": "", "botOutboundStatusDetail": ""}
    api.control("POST", "/campaigns/%s/dial" % cid, {"attempts": 1})
    rows, _data = all_results(api, cid)
    assert rows[0]["numberOfAttemptsSoFar"] == 1 and rows[0]["dialerOutcome"] == ""  # will retry
    finish(api, cid)
    rows, _data = all_results(api, cid)
    assert {(r["dialerOutcome"], r["numberOfAttemptsSoFar"]) for r in rows} == {("noAnswer", 3)}


def test_v1_path_same_rows(api):
    api.configure(dial_rate=0)
    cid = run_of(api, 5)
    v2 = results(api, cid, page=1, limit=5).get_json()
    v1 = results(api, cid, v1=True, page=1, limit=5)
    assert v1.status_code == 200 and v1.get_json() == v2
    assert api.last()["route"] == "status-v1"


@pytest.mark.parametrize("body,msg", [
    ({"page": 0}, "page must be an integer >= 1 (got 0)"),
    ({"page": "1"}, "page must be an integer >= 1 (got '1')"),
    ({"page": 1.5}, "page must be an integer >= 1 (got 1.5)"),
    ({"limit": 0}, "limit must be an integer 1..100 (got 0)"),
    ({"limit": 101}, "limit must be an integer 1..100 (got 101)"),
    ({"offset": 1}, "Unexpected field(s) in contacts body: offset"),
])
def test_body_rules(api, body, msg):
    r = results(api, RENEWAL, **body)
    assert r.status_code == 400 and errmsg(r) == msg


def test_defaults_page_1_limit_50(api):
    api.configure(dial_rate=0)
    cid = run_of(api, 60)
    data = results(api, cid).get_json()["data"]
    assert data["page"] == 1 and data["limit"] == 50 and len(data["results"]) == 50
    assert data["totalPages"] == 2 and data["totalResults"] == 60


def test_no_run_yet_and_after_stop(api):
    data = results(api, RENEWAL).get_json()["data"]
    assert data == {"results": [], "page": 1, "limit": 50, "totalPages": 0, "totalResults": 0}
    api.configure(dial_rate=0)
    cid = run_of(api, 3, done=False)
    assert results(api, cid).get_json()["data"]["totalResults"] == 3
    stop(api, cid)
    assert results(api, cid).get_json()["data"]["totalResults"] == 0


def test_seeded_contact_results_still_win(api):
    rows = [{"phoneNumber": "+1555000%04d" % i, "dialerOutcome": "completed"} for i in range(3)]
    api.control("PATCH", "/campaigns/" + WINTER, {"contact_results": rows})
    seed(api, list_id(api, "At Risk Customers Dec"), count=10)
    assert results(api, WINTER).get_json()["data"]["results"] == rows


@pytest.mark.parametrize("case", ["lower", "lower_all"])
def test_lower_case_statuses(case):
    api = quiet_api(status_case=case, dial_outcomes={"answered": 1, "no_answer": 1, "busy": 1})
    cid = run_of(api, 30)
    rows, _data = all_results(api, cid)
    outcomes = {r["dialerOutcome"] for r in rows}
    assert outcomes <= {"completed", "noanswer", "busy"} and "noanswer" in outcomes
    assert {r["botOutboundStatus"] for r in rows} <= {"agenthangup", "userhangup", ""}
    counts = api.control("GET", "/campaigns/%s/outcomes" % cid).get_json()
    assert set(counts["dialerOutcome"]) == outcomes  # the truth uses the same case
    status = api.status(cid).get_json()["data"]["status"]
    got = api.get(cid).get_json()["data"]["status"]
    listed = {c["_id"]: c["status"] for c in api.list({"type": "voice"}).get_json()["data"]["results"]}
    if case == "lower":
        assert status == got == listed[cid] == "Completed"
    else:
        assert status == got == listed[cid] == "completed"
        assert play(api, cid)["status"] == "active"
        assert stop(api, cid)["status"] == "stopped"
        # Filters still take the documented enum; the sandbox's own state is unchanged.
        r = api.list({"type": "voice", "filters": {"status": ["Stopped"]}})
        assert [c["_id"] for c in r.get_json()["data"]["results"]] == [cid]
        assert api.campaign(cid)["status"] == "Stopped"


def test_view_status_unchanged(api):
    r = api.status(WINTER)
    assert r.get_json() == {"status": "success", "data": {
        "id": WINTER, "status": "Active", "name": "Winter Retention Callback Campaign"}}
    assert api.status(WINTER, view="status").get_json() == r.get_json()
    assert api.status(WINTER, body={"page": 1}).status_code == 400
