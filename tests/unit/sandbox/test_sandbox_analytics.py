"""Per-session analytics with campaign info (API §8.4): interactionDetails, one session per
dial attempt, campaigninfo only when selected, the window/limit/offset rules, both offset
readings, time zones, headers and the request log."""

import datetime as dt

import pytest
from contact_helpers import (INSIDE_KOLKATA, all_results, campaign, dial, finish, interactions,
                             list_id, outcomes, play, quiet_api, seed, stop, window)
from sandbox_helpers import errmsg

DAY = "2026-01-14"
CAMPAIGN_INFO = ["campaignName", "campaignId", "campaignInstanceId", "campaignDialingListId",
                 "attempt", "contactStatus", "campaignRunDate", "contactListName"]


def dialled(n=10, **config):
    """A sandbox whose dial clock is frozen on 2026-01-14 06:30 UTC, with one finished run."""
    config.setdefault("dial_now", INSIDE_KOLKATA)
    api = quiet_api(**config)
    cid = campaign(api, "Analytics Run", ["Analytics List"])
    seed(api, list_id(api, "Analytics List"), count=n, fields={"firstName": "Ada", "lastName": "L"})
    play(api, cid)
    finish(api, cid)
    return api, cid


def sessions(api, body=None, query="?offset=0&limit=100"):
    r = interactions(api, body or window(DAY, DAY), query)
    assert r.status_code == 200, r.get_json()
    return r.get_json()


def test_one_session_per_attempt_with_campaign_info():
    api, cid = dialled(12)
    truth = outcomes(api, cid)
    out = sessions(api)
    assert out["numResults"] == truth["attempts"] == len(out["data"])
    first = out["data"][0]
    info = first["campaigninfo"]
    assert list(info) == CAMPAIGN_INFO
    assert info["campaignName"] == "Analytics Run" and info["campaignId"] == cid
    assert info["campaignInstanceId"] == truth["campaignInstanceId"]
    assert info["campaignInstanceId"].startswith("cid-")
    assert info["campaignDialingListId"].startswith("cdl-")
    assert info["campaignRunDate"] == "2026-01-14T06:30:00.000Z"
    assert info["contactListName"] == ["Analytics List"]
    statuses = {}
    for s in out["data"]:
        statuses[s["campaigninfo"]["contactStatus"]] = statuses.get(
            s["campaigninfo"]["contactStatus"], 0) + 1
    assert statuses == truth["contactStatus"]
    assert set(statuses) <= {"answered", "no-answer", "busy"}
    # Attempts of one contact share its dialing-list id and count up.
    by_cdl = {}
    for s in out["data"]:
        by_cdl.setdefault(s["campaigninfo"]["campaignDialingListId"], []).append(
            s["campaigninfo"]["attempt"])
    assert len(by_cdl) == 12
    assert all(a == list(range(1, len(a) + 1)) for a in by_cdl.values())
    assert first["channel"] == "Voice" and first["Direction"] == "Outbound"
    assert first["metaInfo"]["Initiation"] == "Campaign"
    assert first["metaInfo"]["callee"] == "+15550000000" and first["metaInfo"]["firstName"] == "Ada"
    assert first["metaInfo"]["attempt"] == info["attempt"]
    assert first["botId"] == api.sid and first["sessionStartTime"] == "2026-01-14T06:30:00"
    entry = api.last()
    assert entry["operation"] == "interaction_details" and entry["write"] is False
    assert entry["route"] == "interaction-details-v2"


def test_answered_session_is_the_results_bot_session():
    api, cid = dialled(8, dial_outcomes={"answered": 1, "no_answer": 0, "busy": 0})
    rows, _data = all_results(api, cid)
    out = sessions(api)
    assert [s["sessionId"] for s in out["data"]] == [r["botSessionId"] for r in rows]
    assert [s["dispositions"] for s in out["data"]] == [r["agentDispositionCodes"] for r in rows]


def test_campaign_fields_only_when_selected():
    api, _cid = dialled(2)
    out = sessions(api, window(DAY, DAY, selectedFields=["customerinfo", "skills"]))
    s = out["data"][0]
    assert "campaigninfo" not in s and s["skills"] == []
    assert s["customerinfo"]["CustomerPhone"] == "+15550000000"
    assert s["customerinfo"]["CustomerFirstName"] == "Ada"
    bare = sessions(api, {"startDate": DAY, "endDate": DAY, "timeZoneOffset": 0})["data"][0]
    assert "campaigninfo" not in bare and "customerinfo" not in bare and "skills" not in bare


def test_window_and_time_zone_offset():
    api, _cid = dialled(3)
    n = sessions(api)["numResults"]
    assert sessions(api, window("2026-01-13", "2026-01-13"))["numResults"] == 0
    assert sessions(api, window("2026-01-08", "2026-01-14"))["numResults"] == n  # 7 days, inclusive
    # 06:30 UTC is 12:00 in India: the session shows in local time, inside 11:00..12:00 IST.
    india = sessions(api, window("2026-01-14 11:00:00", "2026-01-14 12:00:00", timeZoneOffset=-330))
    assert india["numResults"] == n
    assert india["data"][0]["sessionStartTime"] == "2026-01-14T12:00:00"
    assert sessions(api, window("2026-01-14 11:00:00", "2026-01-14 11:59:59",
                                timeZoneOffset=-330))["numResults"] == 0
    # New York is 5 hours behind: 01:30 there.
    ny = sessions(api, window("2026-01-14 01:30:00", "2026-01-14 01:30:00", timeZoneOffset=300))
    assert ny["numResults"] == n and ny["data"][0]["sessionStartTime"] == "2026-01-14T01:30:00"


@pytest.mark.parametrize("query,msg", [
    ("?limit=101", "Query parameter limit must be an integer 1..100 (got '101')"),
    ("?limit=0", "Query parameter limit must be an integer 1..100 (got '0')"),
    ("?offset=11", "Query parameter offset must be an integer 0..10 (got '11')"),
    ("?offset=-1", "Query parameter offset must be an integer 0..10 (got '-1')"),
    ("?offset=x", "Query parameter offset must be an integer 0..10 (got 'x')"),
    ("?limit=5&limit=6", "Query parameter limit must be given only once"),
])
def test_query_rules(api, query, msg):
    r = interactions(api, window(DAY, DAY), query)
    assert r.status_code == 400 and errmsg(r) == msg


@pytest.mark.parametrize("body,msg", [
    (window("2026-01-01", "2026-01-08"),
     "The range from startDate to endDate can't be more than 7 days (got 7 days, 23:59:59)"),
    (window("2026-01-01 00:00:00", "2026-01-08 00:00:01"),
     "The range from startDate to endDate can't be more than 7 days (got 7 days, 0:00:01)"),
    (window("2026-01-14", "2026-01-13"), "endDate must not be before startDate"),
    (window("2026-01-14T00:00:00Z", DAY),
     "startDate must be YYYY-MM-DD or YYYY-MM-DD HH:mm:ss (got '2026-01-14T00:00:00Z')"),
    (window(DAY, "2026-02-30"), "endDate must be YYYY-MM-DD or YYYY-MM-DD HH:mm:ss (got '2026-02-30')"),
    ({"endDate": DAY, "timeZoneOffset": 0}, "startDate is required: YYYY-MM-DD or YYYY-MM-DD HH:mm:ss"),
    ({"startDate": DAY, "endDate": DAY},
     "timeZoneOffset is required: minutes behind UTC, e.g. -330 for India, 300 for New York"),
    (window(DAY, DAY, timeZoneOffset="-330"),
     "timeZoneOffset must be a whole number of minutes -840..720 (got '-330')"),
    (window(DAY, DAY, timeZoneOffset=900),
     "timeZoneOffset must be a whole number of minutes -840..720 (got 900)"),
    (window(DAY, DAY, direction="outbound"),
     "direction must be one of Inbound, Outbound, Both (got 'outbound')"),
    (window(DAY, DAY, selectedFields=["campaignInfo"]),
     "selectedFields values must be among skills, customerinfo, userleveltags, sessionleveltags, "
     "campaigninfo, snoozeinfo (got 'campaignInfo')"),
    (window(DAY, DAY, selectedFields="campaigninfo"), "selectedFields must be a list of strings"),
    (window(DAY, DAY, campaignId="cd-x"), "Unexpected field(s) in interactionDetails body: campaignId"),
])
def test_body_rules(api, body, msg):
    r = interactions(api, body)
    assert r.status_code == 400 and errmsg(r) == msg


def test_the_pages_sample_body_is_accepted(api):
    body = {"startDate": "2026-02-16", "endDate": "2026-02-22", "direction": "Outbound",
            "selectedFields": ["skills", "customerinfo", "userleveltags", "sessionleveltags",
                               "campaigninfo"], "queues": [], "channels": [], "timeZoneOffset": -330}
    r = interactions(api, body, "?offset=0&limit=100",
                     **{"Content-Type": "application/json;charset=UTF-8"})
    assert r.status_code == 200 and r.get_json() == {"numResults": 0, "data": []}


def test_offset_counts_pages_by_default_or_items():
    api, _cid = dialled(30, dial_outcomes={"answered": 1, "no_answer": 0, "busy": 0})
    every = [s["sessionId"] for s in sessions(api)["data"]]
    assert len(every) == 30
    page = sessions(api, query="?offset=2&limit=10")
    assert page["numResults"] == 30 and [s["sessionId"] for s in page["data"]] == every[20:30]
    assert sessions(api, query="?offset=3&limit=10")["data"] == []
    api.configure(analytics_offset="items")
    assert [s["sessionId"] for s in sessions(api, query="?offset=2&limit=10")["data"]] == every[2:12]


def test_direction_channels_and_stopped_runs():
    api, cid = dialled(4, dial_outcomes={"answered": 1, "no_answer": 0, "busy": 0})
    assert sessions(api, window(DAY, DAY, direction="Inbound"))["numResults"] == 0
    assert sessions(api, window(DAY, DAY, channels=["rtm"]))["numResults"] == 0
    assert sessions(api, window(DAY, DAY, channels=["voice"]))["numResults"] == 4
    # A second run that is stopped midway: its calls stay in the records.
    play(api, cid)
    dial(api, cid, attempts=2)
    stop(api, cid)
    out = sessions(api)
    assert out["numResults"] == 6
    assert len({s["campaigninfo"]["campaignInstanceId"] for s in out["data"]}) == 2


def test_sms_sends_are_not_sessions():
    api = quiet_api(dial_now=INSIDE_KOLKATA)
    cid = campaign(api, "Texts", ["Text List"], ctype="sms", dnc=None)
    seed(api, list_id(api, "Text List"), count=3)
    play(api, cid, "sms")
    finish(api, cid)
    assert sessions(api)["numResults"] == 0


def test_headers_and_path_account(api):
    assert interactions(api, auth=None).status_code == 401
    assert interactions(api, iid=None).status_code == 401
    assert interactions(api, iid="st-other").status_code == 401
    assert interactions(api, accountId="other").status_code == 401
    r = interactions(api, account="another-account")
    assert r.status_code == 400
    assert errmsg(r) == ("The accountId in the path (another-account) does not match the "
                         "accountId header")
    path = "/agentassist/api/public/analytics/account/%s/v2/interactionDetails" % api.account
    assert api.call("GET", path).status_code == 405


def test_sessions_are_per_stream():
    api = quiet_api(dial_now=INSIDE_KOLKATA,
                    streams=[{"stream_id": "st-one", "account_id": "acc-one"},
                             {"stream_id": "st-two", "account_id": "acc-one"}])
    cid = campaign(api, "Stream One", ["One List"])
    seed(api, list_id(api, "One List"), count=2)
    play(api, cid)
    finish(api, cid)
    assert sessions(api)["numResults"] >= 2
    r = interactions(api, window(DAY, DAY), iid="st-two")
    assert r.status_code == 200 and r.get_json()["numResults"] == 0


def test_real_dial_clock_stamps_sessions_now():
    api, cid = dialled(2, dial_now=None)
    now = dt.datetime.now(dt.timezone.utc)
    around = window((now - dt.timedelta(days=1)).strftime("%Y-%m-%d"),
                    (now + dt.timedelta(days=1)).strftime("%Y-%m-%d"))
    assert sessions(api, around)["numResults"] == outcomes(api, cid)["attempts"]
