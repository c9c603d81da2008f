"""The status machine: strict mode refuses needless or illegal writes with 409, tolerant
mode answers the same calls with success and changes nothing (except delete)."""

import pytest
from sandbox_helpers import (COLLECTIONS, DAILY, FEEDBACK, FEEDBACK_NAME, HOLIDAY, INTERACTIVE,
                             LAUNCH, PAYMENT, RENEWAL, SURVEY, WINTER, errmsg, make_api)

# (test id, campaign, type, action, strict message)
TRIGGER_REFUSALS = [
    ("play-active", WINTER, "voice", "play", "Campaign Winter Retention Callback Campaign is already Active"),
    ("play-preparing", LAUNCH, "voice", "play",
     "Campaign New Plan Launch Outreach is still Preparing and cannot be started"),
    ("play-scheduled", SURVEY, "voice", "play",
     "Campaign Weekly Satisfaction Survey Calls is scheduled and cannot be run manually"),
    ("stop-stopped", INTERACTIVE, "sms", "stop", "Campaign Interactive Support SMS Campaign is already Stopped"),
    ("stop-ready", RENEWAL, "voice", "stop",
     "Campaign Service Renewal Outreach Campaign61 is not running and cannot be stopped (status Ready)"),
    ("stop-completed", HOLIDAY, "sms", "stop",
     "Campaign Holiday Greetings SMS 2025 is not running and cannot be stopped (status Completed)"),
]


@pytest.mark.parametrize("cid,ctype,action,msg", [r[1:] for r in TRIGGER_REFUSALS],
                         ids=[r[0] for r in TRIGGER_REFUSALS])
def test_trigger_refusals_strict_and_tolerant(cid, ctype, action, msg):
    strict = make_api()
    before = strict.campaign(cid)
    r = strict.trigger(cid, ctype, action)
    assert r.status_code == 409
    assert r.get_json() == {"errors": [{"msg": msg, "code": 409}]}
    assert strict.campaign(cid) == before

    tolerant = make_api(mode="tolerant")
    before = tolerant.campaign(cid)
    r = tolerant.trigger(cid, ctype, action)
    assert r.status_code == 200
    body = r.get_json()
    assert body["status"] == before["status"]  # reports the unchanged status
    assert body["message"] == ("Campaign Started" if action == "play" else "Campaign Stopped")
    assert tolerant.campaign(cid) == before
    assert tolerant.last()["tolerated"] is True


def test_delete_active_or_paused_refused_strict():
    api = make_api()
    for cid, ctype, status in ((WINTER, "voice", "Active"), (PAYMENT, "sms", "Active"),
                               (COLLECTIONS, "voice", "Paused")):
        r = api.delete(cid, ctype)
        assert r.status_code == 409
        assert status in errmsg(r) and "cannot be deleted" in errmsg(r)
        assert api.get(cid).status_code == 200


def test_delete_active_tolerant_deletes(tolerant):
    r = tolerant.delete(WINTER, "voice")
    assert r.status_code == 200
    assert r.get_json()["data"]["status"] == "Active"
    assert tolerant.last()["tolerated"] is True
    assert tolerant.get(WINTER).status_code == 404


@pytest.mark.parametrize("mode", ["strict", "tolerant"])
def test_unknown_ids_and_names_404_in_both_modes(mode):
    api = make_api(mode=mode)
    assert api.trigger("cd-missing", "voice", "stop").status_code == 404
    assert api.delete("cd-missing", "voice").status_code == 404
    assert api.status("cd-missing").status_code == 404
    assert api.schedule("No Such Campaign", "false").status_code == 404


def test_disable_when_not_enabled():
    strict = make_api()
    r = strict.schedule(FEEDBACK_NAME, "false")
    assert r.status_code == 409
    assert errmsg(r) == ("Campaign Agentless Voice | Product Feedback | Jan 9 schedule is not "
                         "enabled (status Ready)")
    tolerant = make_api(mode="tolerant")
    r = tolerant.schedule(FEEDBACK_NAME, "false")
    assert r.status_code == 200
    assert r.get_json()["message"].endswith("schedule has been disabled successfully")
    assert tolerant.campaign(FEEDBACK)["status"] == "Ready"


def test_enable_identical_schedule_is_a_needless_write():
    strict = make_api()
    assert strict.schedule(FEEDBACK_NAME, "true", DAILY).status_code == 200
    r = strict.schedule(FEEDBACK_NAME, "true", DAILY)
    assert r.status_code == 409
    assert "already scheduled with the same settings" in errmsg(r)
    # Same settings written differently (unpadded day) are still the same settings.
    same = dict(DAILY, startDateTime="2027-01-27 18:29:00".replace("-01-", "-1-"))
    assert strict.schedule(FEEDBACK_NAME, "true", same).status_code == 409
    # Different settings replace the schedule.
    other = dict(DAILY, recurrenceObject={"recurType": "Daily", "dailyDetails": {"onceEveryNdays": 2}})
    assert strict.schedule(FEEDBACK_NAME, "true", other).status_code == 200

    tolerant = make_api(mode="tolerant")
    assert tolerant.schedule(FEEDBACK_NAME, "true", DAILY).status_code == 200
    before = tolerant.campaign(FEEDBACK)
    r = tolerant.schedule(FEEDBACK_NAME, "true", DAILY)
    assert r.status_code == 200 and tolerant.campaign(FEEDBACK) == before


def test_enable_on_preparing_refused(api, tolerant):
    api.control("PATCH", "/campaigns/" + LAUNCH, {"name": "Launch"})
    assert api.schedule("Launch", "true", DAILY).status_code == 409
    tolerant.control("PATCH", "/campaigns/" + LAUNCH, {"name": "Launch"})
    assert tolerant.schedule("Launch", "true", DAILY).status_code == 200
    assert tolerant.campaign(LAUNCH)["schedule"]["isSchedulingEnabled"] is False


@pytest.mark.parametrize("start", ["Ready", "Stopped", "Completed"])
def test_schedule_enable_and_disable_restore_previous_status(api, start):
    api.control("PATCH", "/campaigns/" + FEEDBACK, {"status": start})
    assert api.schedule(FEEDBACK_NAME, "true", DAILY).status_code == 200
    c = api.campaign(FEEDBACK)
    assert c["status"] == "Scheduled"
    assert c["schedule"]["isSchedulingEnabled"] is True and c["schedule"]["isRecurrenceEnabled"] is True
    assert api.schedule(FEEDBACK_NAME, "false").status_code == 200
    c = api.campaign(FEEDBACK)
    assert c["status"] == start
    assert c["schedule"] == {"isSchedulingEnabled": False, "isRecurrenceEnabled": False}


def test_enable_on_active_keeps_active_then_stop_is_scheduled(api):
    name = "Winter Retention Callback Campaign"
    assert api.schedule(name, "true", DAILY).status_code == 200
    assert api.campaign(WINTER)["status"] == "Active"
    r = api.trigger(WINTER, "voice", "stop")
    assert r.status_code == 200 and r.get_json()["status"] == "Stopped"
    assert api.campaign(WINTER)["status"] == "Scheduled"
    # Scheduled: a manual start is refused; disabling leaves it Stopped.
    assert api.trigger(WINTER, "voice", "play").status_code == 409
    assert api.schedule(name, "false").status_code == 200
    assert api.campaign(WINTER)["status"] == "Stopped"


def test_disable_on_active_keeps_active(api):
    name = "Payment Reminder SMS | December"
    assert api.schedule(name, "true", DAILY).status_code == 200
    assert api.schedule(name, "false").status_code == 200
    assert api.campaign(PAYMENT)["status"] == "Active"


def test_seeded_scheduled_campaign_disable_goes_ready(api):
    assert api.schedule("weekly satisfaction survey calls", "false").status_code == 200
    assert api.campaign(SURVEY)["status"] == "Ready"
    assert api.trigger(SURVEY, "voice", "play").status_code == 200


def test_paused_resume_and_stop(api):
    instance = api.campaign(COLLECTIONS)["campaignInstanceId"]
    r = api.trigger(COLLECTIONS, "voice", "play")
    assert r.status_code == 200
    assert r.get_json()["campaignInstanceId"] == instance  # resume keeps the run
    api.control("PATCH", "/campaigns/" + COLLECTIONS, {"status": "Paused"})
    r = api.trigger(COLLECTIONS, "voice", "stop")
    assert r.status_code == 200 and api.campaign(COLLECTIONS)["status"] == "Stopped"


def test_completed_can_rerun_with_new_instance(api):
    before = api.campaign(HOLIDAY)["campaignInstanceId"]
    assert api.trigger(HOLIDAY, "sms", "play").status_code == 200
    c = api.campaign(HOLIDAY)
    assert c["status"] == "Active" and c["campaignInstanceId"] != before


def test_updated_at_moves_on_change(api):
    before = api.campaign(RENEWAL)["updatedAt"]
    r = api.trigger(RENEWAL, "voice", "play")
    assert r.get_json()["updatedAt"] == api.campaign(RENEWAL)["updatedAt"] != before


def test_ready_after_reads(api):
    # Seeded with ready_after_reads 2: two reads say Preparing, the third says Ready.
    assert api.get(LAUNCH).get_json()["data"]["status"] == "Preparing"
    assert api.trigger(LAUNCH, "voice", "play").status_code == 409  # not a read
    assert api.status(LAUNCH).get_json()["data"]["status"] == "Preparing"
    r = api.list({"type": "voice", "filters": {"status": ["Ready"]}})
    assert LAUNCH in [c["_id"] for c in r.get_json()["data"]["results"]]
    assert api.trigger(LAUNCH, "voice", "play").status_code == 200


def test_ready_after_seconds():
    now = [1000.0]
    from koreai_sandbox import create_app
    from sandbox_helpers import Api
    app = create_app(clock=lambda: now[0], seed=[{"type": "voice", "name": "Slow", "_id": "cd-slow",
                                                 "status": "Preparing", "ready_after_seconds": 5}])
    api = Api(app)
    assert api.get("cd-slow").get_json()["data"]["status"] == "Preparing"
    now[0] += 5
    assert api.get("cd-slow").get_json()["data"]["status"] == "Ready"


def test_preparing_stays_without_hint(api):
    c = api.control("POST", "/campaigns", {"type": "voice", "name": "Fresh", "status": "Preparing"}).get_json()
    for _attempt in range(5):
        assert api.get(c["_id"]).get_json()["data"]["status"] == "Preparing"
    api.control("PATCH", "/campaigns/" + c["_id"], {"status": "Ready"})
    assert api.get(c["_id"]).get_json()["data"]["status"] == "Ready"


def test_lag_reads(api):
    api.configure(lag_reads=2)
    assert api.trigger(WINTER, "voice", "stop").status_code == 200
    assert api.get(WINTER).get_json()["data"]["status"] == "Active"          # lag 1
    assert api.status(WINTER).get_json()["data"]["status"] == "Active"       # lag 2
    assert api.status(WINTER).get_json()["data"]["status"] == "Stopped"
    # Lists report (and filter on) the lagging status too.
    assert api.trigger(WINTER, "voice", "play").status_code == 200
    r = api.list({"type": "voice", "filters": {"status": ["Stopped"]}})
    assert [c["_id"] for c in r.get_json()["data"]["results"]] == [WINTER]   # lag 1
    r = api.list({"type": "voice", "filters": {"status": ["Active"]}})       # not a read of it
    assert WINTER not in [c["_id"] for c in r.get_json()["data"]["results"]]
    assert api.get(WINTER).get_json()["data"]["status"] == "Stopped"         # lag 2
    assert api.get(WINTER).get_json()["data"]["status"] == "Active"
    # The server side is not lagging: a second stop right after play is legal.
    assert api.trigger(WINTER, "voice", "stop").status_code == 200


@pytest.mark.parametrize("query,msg", [
    ("campaignType=voice", "Query parameter trigger is required"),
    ("campaignType=voice&trigger=pause", "Query parameter trigger must be play or stop (got 'pause')"),
    ("trigger=stop", "Query parameter campaignType is required"),
    ("campaignType=sms&trigger=stop", "campaignType sms does not match campaign "
                                      "Winter Retention Callback Campaign, which is a voice campaign"),
    ("campaignType=voice&campaignType=voice&trigger=stop",
     "Query parameter campaignType must be given only once"),
])
def test_trigger_query_validation(api, query, msg):
    r = api.call("POST", api.v2("/trigger/%s?%s" % (WINTER, query)))
    assert r.status_code == 400
    assert errmsg(r) == msg
    assert api.campaign(WINTER)["status"] == "Active"


@pytest.mark.parametrize("body", ['{"force": true}', "null"])
def test_trigger_body_must_be_empty_object(api, body):
    r = api.trigger(WINTER, "voice", "stop", body=body)
    assert r.status_code == 400
