"""Dialing (API §8.1, §8.2): an Active campaign works through its contacts, deterministically
from dial_seed; retries, DNC and calling-hours exclusions, Completed, stop resets the run,
the dial rate on the sandbox clock, the control API, run limits and lists in use."""

import pytest
from contact_helpers import (DNC, DNC_NAME, INSIDE_KOLKATA, all_results, campaign, dial, finish,
                             list_id, outcomes, play, quiet_api, results, seed, stop)
from sandbox_helpers import PAYMENT, RENEWAL, WINTER, Api, errmsg

from koreai_sandbox import create_app
from koreai_sandbox.dialing import unit


def voice(api, n=20, name="Dial Test", lists=("Dial List",), **strategy):
    cid = campaign(api, name, lists, **strategy)
    for i, lname in enumerate(lists):
        seed(api, list_id(api, lname), count=n, start=1000 * i)
    return cid


def rows_by_phone(api, cid):
    rows, _data = all_results(api, cid)
    return {r["phoneNumber"]: r for r in rows}


def clock_api(**config):
    now = [1000.0]
    app = create_app(clock=lambda: now[0], **config)
    app.testing = True
    return Api(app), now


# --- determinism ------------------------------------------------------------------------------

def strip_ids(rows):
    return {p: {k: v for k, v in r.items() if k != "botSessionId"} for p, r in rows.items()}


def test_same_seed_same_outcomes_in_another_sandbox():
    seen = []
    for _sandbox in range(2):
        api = quiet_api()
        cid = voice(api, n=60)
        play(api, cid)
        finish(api, cid)
        seen.append(strip_ids(rows_by_phone(api, cid)))
    assert seen[0] == seen[1]
    other = quiet_api(dial_seed=2)
    cid = voice(other, n=60)
    play(other, cid)
    finish(other, cid)
    assert strip_ids(rows_by_phone(other, cid)) != seen[0]


def test_outcome_is_a_function_of_seed_number_and_attempt(api):
    a = unit(1, "+15550000001", 1)
    assert a == unit(1, "+15550000001", 1) and 0 <= a < 1
    assert a != unit(1, "+15550000001", 2) and a != unit(2, "+15550000001", 1)


def test_rerun_gives_the_same_outcomes_under_a_new_instance():
    api = quiet_api()
    cid = voice(api, n=30)
    first = play(api, cid)["campaignInstanceId"]
    finish(api, cid)
    before = strip_ids(rows_by_phone(api, cid))
    second = play(api, cid)["campaignInstanceId"]  # Completed -> Active: a new instance
    assert second != first
    assert outcomes(api, cid)["outcome"]["pending"] == 30  # fresh run
    finish(api, cid)
    assert strip_ids(rows_by_phone(api, cid)) == before


# --- retries, Completed, stop --------------------------------------------------------------------

def test_no_answer_and_busy_retried_up_to_max_attempts():
    api = quiet_api(dial_outcomes={"answered": 0, "no_answer": 1, "busy": 0})
    cid = voice(api, n=5, maxAttemptsPerRecord=4)
    play(api, cid)
    out = dial(api, cid, attempts=7).get_json()
    # One pass over the five, then retries from the back of the queue.
    assert out["made"] == 7 and out["numberOfAttemptsSoFar"] == {"2": 2, "1": 3}
    assert out["outcome"]["pending"] == 5 and out["status"] == "Active"
    out = finish(api, cid)
    assert out["attempts"] == 20 and out["numberOfAttemptsSoFar"] == {"4": 5}
    assert out["dialerOutcome"] == {"noAnswer": 5} and out["contactStatus"] == {"no-answer": 20}
    assert out["status"] == "Completed"


def test_busy_final_after_max_and_answered_is_final_at_once():
    api = quiet_api(dial_outcomes={"answered": 0, "no_answer": 0, "busy": 1})
    cid = voice(api, n=2, maxAttemptsPerRecord=2)
    play(api, cid)
    assert finish(api, cid)["dialerOutcome"] == {"busy": 2}
    api.configure(dial_outcomes={"answered": 1, "busy": 0})
    cid2 = voice(api, n=3, name="Always Answers", lists=("Answer List",))
    play(api, cid2)
    out = finish(api, cid2)
    assert out["attempts"] == 3 and out["dialerOutcome"] == {"completed": 3}


def test_completed_keeps_the_instance_and_status_everywhere(api):
    api.configure(dial_rate=0)
    cid = voice(api, n=10)
    instance = play(api, cid)["campaignInstanceId"]
    out = finish(api, cid)
    assert out["status"] == "Completed" and out["campaignInstanceId"] == instance
    got = api.get(cid).get_json()["data"]
    assert got["status"] == "Completed" and got["campaignInstanceId"] == instance
    assert api.status(cid).get_json()["data"]["status"] == "Completed"
    assert results(api, cid).get_json()["data"]["totalResults"] == 10  # still the current run
    # Completed is not running: strict refuses a stop, play starts anew.
    r = api.trigger(cid, "voice", "stop")
    assert r.status_code == 409 and "not running" in errmsg(r)


def test_stop_resets_the_run_and_play_makes_a_new_instance(api):
    api.configure(dial_rate=0)
    cid = voice(api, n=10)
    first = play(api, cid)["campaignInstanceId"]
    dial(api, cid, attempts=4)
    assert stop(api, cid)["campaignInstanceId"] == first
    assert results(api, cid).get_json()["data"]["totalResults"] == 0
    assert outcomes(api, cid)["campaignInstanceId"] is None
    second = play(api, cid)["campaignInstanceId"]
    assert second != first
    out = outcomes(api, cid)
    assert out["campaignInstanceId"] == second and out["attempts"] == 0 and out["contacts"] == 10


def test_pause_holds_and_resume_keeps_the_run():
    api, now = clock_api(dial_rate=1)
    cid = voice(api, n=10)
    instance = play(api, cid)["campaignInstanceId"]
    api.get(cid)
    now[0] += 3
    assert outcomes(api, cid)["attempts"] == 3
    api.control("PATCH", "/campaigns/" + cid, {"status": "Paused"})
    now[0] += 100
    assert outcomes(api, cid)["attempts"] == 3
    assert play(api, cid)["campaignInstanceId"] == instance  # resumed, same run
    now[0] += 2
    assert outcomes(api, cid)["attempts"] == 5


def test_a_run_without_contacts_stays_active_and_takes_contacts_that_arrive():
    api = quiet_api()
    cid = campaign(api, "Empty At Start", ["Later List"])
    play(api, cid)
    assert dial(api, cid, attempts=5).get_json()["made"] == 0
    assert api.get(cid).get_json()["data"]["status"] == "Active"
    seed(api, list_id(api, "Later List"), count=3)
    out = dial(api, cid, attempts=1).get_json()
    assert out["contacts"] == 3 and out["made"] == 1
    finish(api, cid)
    assert api.get(cid).get_json()["data"]["status"] == "Completed"


def test_finish_completes_even_an_empty_run(api):
    api.configure(dial_rate=0)
    cid = campaign(api, "Nothing To Dial", ["Nobody"])
    play(api, cid)
    assert finish(api, cid)["status"] == "Completed"


def test_seeded_active_campaign_dials_its_lists(api):
    api.configure(dial_rate=0)
    seed(api, list_id(api, "At Risk Customers Dec"), count=4)
    out = finish(api, WINTER)
    assert out["contacts"] == 4 and out["status"] == "Completed"
    assert out["campaignInstanceId"] == "cid-835ee4a-697e-4846-8340-7e3e301xxxxx"


def test_completed_with_schedule_on_goes_back_to_scheduled(api):
    api.configure(dial_rate=0)
    cid = voice(api, n=2)
    play(api, cid)
    api.control("PATCH", "/campaigns/" + cid, {"schedule": {"isSchedulingEnabled": True}})
    assert finish(api, cid)["status"] == "Scheduled"
    assert api.campaign(cid)["sandbox"]["previous_status"] == "Completed"


def test_lifo_dials_the_newest_first():
    api = quiet_api(dial_outcomes={"answered": 1, "no_answer": 0, "busy": 0})
    cid = voice(api, n=5, dialingOrder="LIFO")
    play(api, cid)
    dial(api, cid, attempts=2)
    rows, _data = all_results(api, cid)
    assert [r["numberOfAttemptsSoFar"] for r in rows] == [0, 0, 0, 1, 1]


def test_sms_campaign_sends_once_sent_or_failed(api):
    api.configure(dial_rate=0)
    cid = campaign(api, "Texts", ["Text List"], ctype="sms", dnc=None)
    seed(api, list_id(api, "Text List"), count=40)
    play(api, cid, "sms")
    out = finish(api, cid)
    assert out["status"] == "Completed" and out["attempts"] == 40
    assert set(out["dialerOutcome"]) == {"completed", "failed"}
    assert out["outcome"]["sent"] + out["outcome"]["failed"] == 40
    assert set(out["botOutboundStatus"]) == {"sent", "failed"}
    assert out["numberOfAttemptsSoFar"] == {"1": 40}


# --- DNC and calling hours --------------------------------------------------------------------

def test_dnc_list_and_global_dnc_exclude_numbers(api):
    api.configure(dial_rate=0)
    cid = voice(api, n=6)
    seed(api, DNC, contacts=[{"phoneNumber": "+15550000000"}])
    globl = api.control("POST", "/contact_lists", {"name": "Global DNC", "isGlobalDNC": True})
    seed(api, globl.get_json()["_id"], contacts=[{"phoneNumber": "+15550000003"}])
    play(api, cid)
    out = finish(api, cid)
    assert out["outcome"]["dnc"] == 2 and out["dialerOutcome"]["dncExcluded"] == 2
    rows = rows_by_phone(api, cid)
    for phone in ("+15550000000", "+15550000003"):
        assert rows[phone]["numberOfAttemptsSoFar"] == 0
        assert rows[phone]["dialerOutcome"] == "dncExcluded" and rows[phone]["botSessionId"] == ""


def test_sms_ignores_the_global_dnc_list(api):
    api.configure(dial_rate=0)
    cid = campaign(api, "Texts With DNC", ["Text List"], ctype="sms", dnc="testdnc")
    seed(api, list_id(api, "Text List"), count=3)
    g = api.control("POST", "/contact_lists", {"name": "Global DNC", "isGlobalDNC": True}).get_json()
    seed(api, g["_id"], contacts=[{"phoneNumber": "+15550000000"}])
    seed(api, list_id(api, "testdnc"), contacts=[{"phoneNumber": "+15550000001"}])
    play(api, cid, "sms")
    out = finish(api, cid)
    assert out["outcome"]["dnc"] == 1 and out["attempts"] == 2


def test_calling_hours_only_checked_with_a_dial_clock(api):
    api.configure(dial_rate=0)
    cid = campaign(api, "Hours", ["Hours List"])
    seed(api, list_id(api, "Hours List"), contacts=[
        {"phoneNumber": "+15550000001"},                                 # campaign zone
        {"phoneNumber": "+15550000002", "timeZone": "America/New_York"},  # 01:30 there
        {"phoneNumber": "+15550000003", "timeZone": "Asia/Tokyo"}])       # 15:30 there
    play(api, cid)
    assert finish(api, cid)["outcome"]["skipped"] == 0  # dial_now null: not checked
    api.configure(dial_now=INSIDE_KOLKATA)
    play(api, cid)
    out = finish(api, cid)
    assert out["outcome"]["skipped"] == 1 and out["dialerOutcome"]["callingHoursSkipped"] == 1
    row = rows_by_phone(api, cid)["+15550000002"]
    assert row["numberOfAttemptsSoFar"] == 0 and row["dialerOutcome"] == "callingHoursSkipped"
    api.configure(dial_now="2026-01-17 06:30:00")  # a Saturday: nobody
    play(api, cid)
    assert finish(api, cid)["outcome"]["skipped"] == 3


# --- the dial rate on the sandbox clock ------------------------------------------------------------

def test_dial_rate_is_lazy_on_the_sandbox_clock():
    api, now = clock_api(dial_rate=4, dial_outcomes={"answered": 1, "no_answer": 0, "busy": 0})
    cid = voice(api, n=10)
    play(api, cid)
    assert outcomes(api, cid)["attempts"] == 0
    now[0] += 1
    assert api.status(cid).get_json()["data"]["status"] == "Active"
    assert outcomes(api, cid)["attempts"] == 4
    now[0] += 0.6
    assert outcomes(api, cid)["attempts"] == 6  # 2.4 attempts earned, 2 made, 0.4 kept
    now[0] += 0.4
    assert outcomes(api, cid)["attempts"] == 8
    now[0] += 60
    assert api.get(cid).get_json()["data"]["status"] == "Completed"
    assert outcomes(api, cid)["attempts"] == 10


def test_dial_rate_change_counts_the_old_rate_first():
    api, now = clock_api(dial_rate=2, dial_outcomes={"answered": 1, "no_answer": 0, "busy": 0})
    cid = voice(api, n=50)
    play(api, cid)
    api.get(cid)
    now[0] += 5
    api.configure(dial_rate=0)  # the 10 attempts earned at 2/s are made
    now[0] += 100
    assert outcomes(api, cid)["attempts"] == 10


def test_default_rate_completes_small_runs_by_itself():
    api, now = clock_api()
    assert api.control("GET", "/config").get_json()["dial_rate"] == 20
    cid = voice(api, n=5)
    play(api, cid)
    now[0] += 60
    assert api.get(cid).get_json()["data"]["status"] == "Completed"


def test_dial_control_rules(api):
    api.configure(dial_rate=0)
    cid = voice(api, n=2)
    r = dial(api, cid, attempts=1)
    assert r.status_code == 409 and "is not Active (status Ready)" in r.get_json()["error"]
    play(api, cid)
    for body in ({}, {"attempts": 0}, {"attempts": True}, {"attempts": 1, "finish": True},
                 {"finish": "yes"}, {"steps": 1}):
        assert dial(api, cid, **body).status_code == 400, body
    assert dial(api, "cd-nope", attempts=1).status_code == 404
    r = api.control("GET", "/campaigns/%s/outcomes?final=maybe" % cid)
    assert r.status_code == 400


# --- truth for the integration tests -----------------------------------------------------------

def test_outcomes_match_the_results_and_final_prediction_comes_true(api):
    api.configure(dial_rate=0, dial_now=INSIDE_KOLKATA)
    cid = voice(api, n=150)
    seed(api, DNC, contacts=[{"phoneNumber": "+15550000007"}])
    play(api, cid)
    dial(api, cid, attempts=40)
    predicted = outcomes(api, cid, final=True)
    now = outcomes(api, cid)
    rows, _data = all_results(api, cid)
    tally = {}
    for r in rows:
        tally[r["dialerOutcome"]] = tally.get(r["dialerOutcome"], 0) + 1
    assert now["dialerOutcome"] == tally and now["contacts"] == 150
    assert predicted["final"] is True and predicted["outcome"]["pending"] == 0
    done = finish(api, cid)
    for key in ("dialerOutcome", "botOutboundStatus", "disposition", "contactStatus",
                "numberOfAttemptsSoFar", "attempts", "outcome", "contacts"):
        assert done[key] == predicted[key], key
    assert done["outcome"]["dnc"] == 1


# --- run limits (§8.2) -------------------------------------------------------------------------

def test_at_most_50_voice_campaigns_active():
    api = quiet_api(seed="empty")
    ids = [campaign(api, "Voice %d" % i, ["List %d" % i], status="Active") for i in range(50)]
    cid = campaign(api, "One Too Many", ["List X"])
    r = api.trigger(cid, "voice", "play")
    assert r.status_code == 409
    assert errmsg(r) == ("Campaign One Too Many cannot be started: 50 voice campaigns are "
                         "already Active in this account and at most 50 may run at once")
    sms = campaign(api, "Texts Are Fine", ["Text List"], ctype="sms", dnc=None)
    assert api.trigger(sms, "sms", "play").status_code == 200  # SMS do not count
    stop(api, ids[0])
    assert api.trigger(cid, "voice", "play").status_code == 200


def test_active_voice_limit_config_and_tolerant():
    api = quiet_api(active_voice_limit=1)
    # The default seed already has WINTER Active.
    r = api.trigger(RENEWAL, "voice", "play")
    assert r.status_code == 409 and "1 voice campaigns are already Active" in errmsg(r)
    api.configure(mode="tolerant")
    r = api.trigger(RENEWAL, "voice", "play")
    assert r.status_code == 200 and r.get_json()["status"] == "Active"
    assert api.last()["tolerated"] is True


def test_two_campaigns_cannot_run_on_the_same_list(api):
    api.configure(dial_rate=0)
    first = campaign(api, "First On List", ["Shared List", "Own List"])
    second = campaign(api, "Second On List", ["Shared List"])
    play(api, first)
    # A list without contacts has nothing to dial twice: no clash (so the seed's campaigns,
    # which share the template's list, still start side by side).
    assert api.trigger(second, "voice", "play").status_code == 200
    stop(api, second)
    seed(api, list_id(api, "Shared List"), count=2)
    r = api.trigger(second, "voice", "play")
    assert r.status_code == 409
    assert errmsg(r) == ("Campaign Second On List cannot be started: contact list Shared List is "
                         "in use by Active campaign First On List (%s); two campaigns cannot run "
                         "on the same contact list at the same time" % first)
    # The DNC list they share does not count; a paused one does not block.
    api.control("PATCH", "/campaigns/" + first, {"status": "Paused"})
    assert api.trigger(second, "voice", "play").status_code == 200
    r = api.trigger(first, "voice", "play")  # resuming now clashes
    assert r.status_code == 409 and "Second On List" in errmsg(r)


def test_a_completed_run_frees_its_list(api):
    api.configure(dial_rate=0)
    first = voice(api, n=2, name="Done First", lists=("Shared",))
    second = campaign(api, "Then Second", ["Shared"])
    play(api, first)
    finish(api, first)
    assert api.trigger(second, "voice", "play").status_code == 200


# --- lists in use (§8.1) ---------------------------------------------------------------------

def cl_delete(api, clid):
    return api.call("DELETE", "/campaign/api/v2/public/%s/campaign/contactList/%s" % (api.sid, clid))


def test_dnc_list_in_use_refused_in_the_ui_words(api):
    own = api.control("POST", "/contact_lists", {"name": "Only A DNC"}).get_json()["_id"]
    cid = campaign(api, "Uses Own DNC", ["Some List"], dnc="Only A DNC")
    r = cl_delete(api, own)
    assert r.status_code == 409
    assert errmsg(r) == ("You can't delete a DNC list while it's in use by a campaign: Only A DNC "
                         "is the DNC list of campaign(s) Uses Own DNC (%s)" % cid)
    r = cl_delete(api, list_id(api, "Some List"))
    assert r.status_code == 409 and "is used by campaign(s) Uses Own DNC" in errmsg(r)
    assert DNC_NAME in errmsg(cl_delete(api, DNC)) and cl_delete(api, DNC).status_code == 409


def test_list_in_use_follows_running_and_completed_runs(api):
    api.configure(dial_rate=0)
    cid = voice(api, n=2)
    clid = list_id(api, "Dial List")

    def in_use():
        path = "/campaign/api/v2/public/%s/campaign/contactList/%s" % (api.sid, clid)
        return api.call("GET", path).get_json()["data"]["isListInUse"]

    assert in_use() is False
    play(api, cid)
    assert in_use() is True
    finish(api, cid)
    assert in_use() is False
    assert cl_delete(api, clid).status_code == 409  # still named by the campaign
    assert api.delete(cid, "voice").status_code == 200
    assert cl_delete(api, clid).status_code == 200


def test_seeded_active_sms_also_progresses(api):
    api.configure(dial_rate=0)
    seed(api, list_id(api, "Payment Due Dec 2025"), count=3)
    assert finish(api, PAYMENT)["outcome"]["pending"] == 0


@pytest.mark.parametrize("bad", [{"dial_rate": -1}, {"dial_seed": ""}, {"dial_seed": 1.5},
                                 {"dial_outcomes": {"answered": 0, "no_answer": 0, "busy": 0}},
                                 {"dial_outcomes": {"voicemail": 1}},
                                 {"dial_outcomes": {"busy": -1}}, {"dial_outcomes": 5},
                                 {"dial_now": "tomorrow"}, {"active_voice_limit": 0},
                                 {"status_case": "upper"}, {"analytics_offset": "rows"},
                                 {"add_contacts_answer": "ok"}, {"contacts_delay": -0.5},
                                 {"contacts_delay_reads": 1.5}])
def test_new_config_validation(api, bad):
    r = api.control("POST", "/config", bad)
    assert r.status_code == 400 and "error" in r.get_json()


def test_new_config_defaults_and_partial_weights(api):
    cfg = api.control("GET", "/config").get_json()
    assert {k: cfg[k] for k in ("add_contacts_answer", "contacts_delay", "contacts_delay_reads",
                                "dial_rate", "dial_seed", "dial_outcomes", "dial_now",
                                "status_case", "analytics_offset", "active_voice_limit")} == {
        "add_contacts_answer": "in_progress", "contacts_delay": 0, "contacts_delay_reads": 0,
        "dial_rate": 20, "dial_seed": 1,
        "dial_outcomes": {"answered": 60, "no_answer": 25, "busy": 15}, "dial_now": None,
        "status_case": "documented", "analytics_offset": "pages", "active_voice_limit": 50}
    new = api.configure(dial_outcomes={"busy": 0}, dial_now="2026-01-14T06:30:00Z")
    assert new["dial_outcomes"] == {"answered": 60, "no_answer": 25, "busy": 0}
    assert new["dial_now"] == "2026-01-14 06:30:00"
    assert api.configure(dial_now="real")["dial_now"] == "real"
