"""Schedule endpoint: body validation, name lookup (URL-encoded names), schedule details."""

import copy

import pytest
from sandbox_helpers import DAILY, FEEDBACK, FEEDBACK_NAME, SURVEY, SURVEY_NAME, errmsg

WEEKLY = {"startDateTime": "2027-01-1 18:29:00", "endDateTime": "2027-01-27 18:29:00",
          "recurrenceObject": {"recurType": "Weekly",
                               "weeklyDetails": {"onceEveryNweeks": 1,
                                                 "whichDays": ["Mon", "Tue", "Wed", "Thu", "Fri",
                                                               "Sat", "Sun"]}}}
END_RULE = "endDateTime must be greater than both current time and startDateTime"


def with_(base, path, value):
    """Copy of ``base`` with the dotted ``path`` set (value ... = delete)."""
    out = copy.deepcopy(base)
    keys = path.split(".")
    node = out
    for k in keys[:-1]:
        node = node[k]
    if value is ...:
        del node[keys[-1]]
    else:
        node[keys[-1]] = value
    return out


def test_weekly_with_unpadded_date(api):
    r = api.schedule(FEEDBACK_NAME, "true", WEEKLY)
    assert r.status_code == 200
    assert r.get_json() == {"status": "success", "id": FEEDBACK,
                            "message": "Campaign %s scheduled successfully" % FEEDBACK_NAME}


BAD_BODIES = [
    ("no-start", with_(DAILY, "startDateTime", ...), "startDateTime is required"),
    ("no-end", with_(DAILY, "endDateTime", ...), "endDateTime is required"),
    ("no-recurrence", with_(DAILY, "recurrenceObject", ...), "recurrenceObject is required"),
    ("iso-start", with_(DAILY, "startDateTime", "2027-01-27T18:29:00Z"),
     "startDateTime must be a date-time in format YYYY-MM-DD HH:mm:ss (got '2027-01-27T18:29:00Z')"),
    ("no-seconds", with_(DAILY, "endDateTime", "2027-02-27 18:29"),
     "endDateTime must be a date-time in format YYYY-MM-DD HH:mm:ss (got '2027-02-27 18:29')"),
    ("feb-30", with_(DAILY, "endDateTime", "2027-02-30 18:29:00"),
     "endDateTime must be a date-time in format YYYY-MM-DD HH:mm:ss (got '2027-02-30 18:29:00')"),
    ("end-before-start", with_(DAILY, "endDateTime", "2027-01-27 18:28:59"), END_RULE),
    ("end-equals-start", with_(DAILY, "endDateTime", "2027-01-27 18:29:00"), END_RULE),
    ("end-in-past", with_(with_(DAILY, "startDateTime", "2020-01-01 00:00:00"),
                          "endDateTime", "2020-02-01 00:00:00"), END_RULE),
    ("no-recur-type", with_(DAILY, "recurrenceObject.recurType", ...),
     "recurrenceObject.recurType is required"),
    ("monthly", with_(DAILY, "recurrenceObject.recurType", "Monthly"),
     "recurrenceObject.recurType must be Daily or Weekly (got 'Monthly')"),
    ("daily-lowercase", with_(DAILY, "recurrenceObject.recurType", "daily"),
     "recurrenceObject.recurType must be Daily or Weekly (got 'daily')"),
    ("no-daily-details", with_(DAILY, "recurrenceObject.dailyDetails", ...),
     "recurrenceObject.dailyDetails is required when recurType is Daily"),
    ("zero-days", with_(DAILY, "recurrenceObject.dailyDetails.onceEveryNdays", 0),
     "recurrenceObject.dailyDetails.onceEveryNdays must be an integer >= 1 (got 0)"),
    ("string-days", with_(DAILY, "recurrenceObject.dailyDetails.onceEveryNdays", "1"),
     "recurrenceObject.dailyDetails.onceEveryNdays must be an integer >= 1 (got '1')"),
    ("daily-with-weekly", with_(DAILY, "recurrenceObject.weeklyDetails", {"onceEveryNweeks": 1}),
     "Unexpected field(s) in recurrenceObject (recurType Daily): weeklyDetails"),
    ("no-weekly-details", with_(WEEKLY, "recurrenceObject.weeklyDetails", ...),
     "recurrenceObject.weeklyDetails is required when recurType is Weekly"),
    ("weekly-as-daily-details", with_(with_(WEEKLY, "recurrenceObject.weeklyDetails", ...),
                                      "recurrenceObject.dailyDetails", {"onceEveryNweeks": 1}),
     "Unexpected field(s) in recurrenceObject (recurType Weekly): dailyDetails"),
    ("zero-weeks", with_(WEEKLY, "recurrenceObject.weeklyDetails.onceEveryNweeks", 0),
     "recurrenceObject.weeklyDetails.onceEveryNweeks must be an integer >= 1 (got 0)"),
    ("no-days", with_(WEEKLY, "recurrenceObject.weeklyDetails.whichDays", []),
     "recurrenceObject.weeklyDetails.whichDays is required: a non-empty list of "
     "Mon, Tue, Wed, Thu, Fri, Sat, Sun"),
    ("calling-hours-codes", with_(WEEKLY, "recurrenceObject.weeklyDetails.whichDays", ["MO"]),
     "recurrenceObject.weeklyDetails.whichDays must contain only Mon, Tue, Wed, Thu, Fri, Sat, "
     "Sun (got 'MO')"),
    ("repeated-day", with_(WEEKLY, "recurrenceObject.weeklyDetails.whichDays", ["Mon", "Mon"]),
     "recurrenceObject.weeklyDetails.whichDays must not repeat a day"),
    ("extra-field", dict(DAILY, timezone="UTC"), "Unexpected field(s) in schedule body: timezone"),
]


@pytest.mark.parametrize("body,msg", [b[1:] for b in BAD_BODIES], ids=[b[0] for b in BAD_BODIES])
def test_enable_body_validation(api, body, msg):
    r = api.schedule(FEEDBACK_NAME, "true", body)
    assert r.status_code == 400
    assert errmsg(r) == msg
    assert api.campaign(FEEDBACK)["status"] == "Ready"


@pytest.mark.parametrize("query,msg", [
    ("enableSchedule=true", "Query parameter campaignName is required"),
    ("campaignName=x", "Query parameter enableSchedule is required"),
    ("enableSchedule=True&campaignName=x", "Query parameter enableSchedule must be true or false (got 'True')"),
    ("enableSchedule=1&campaignName=x", "Query parameter enableSchedule must be true or false (got '1')"),
])
def test_schedule_query_validation(api, query, msg):
    r = api.call("POST", api.v2("/schedule?" + query), body=DAILY)
    assert r.status_code == 400 and errmsg(r) == msg


def test_disable_body_must_be_empty(api):
    r = api.schedule(SURVEY_NAME, "false", body=DAILY)
    assert r.status_code == 400
    assert errmsg(r) == "Request body must be {} for disabling a schedule"


def test_now_config_moves_the_end_rule(api):
    body = {"startDateTime": "2026-01-27 18:29:00", "endDateTime": "2026-02-27 18:29:00",
            "recurrenceObject": {"recurType": "Daily", "dailyDetails": {"onceEveryNdays": 1}}}
    assert errmsg(api.schedule(FEEDBACK_NAME, "true", body)) == END_RULE
    api.configure(now="2026-02-27 18:28:59")
    assert api.schedule(FEEDBACK_NAME, "true", body).status_code == 200


NAMES = [
    "Spring Sale Calls",
    "Renewals | Gold & Platinum",
    "Q1/Q2 Follow-up?",
    "Café Ümlaut – 日本語 ✓",
    "50% off + free #1 = yes; a=b",
]


@pytest.mark.parametrize("name", NAMES)
def test_name_lookup_url_encoded(api, name):
    c = api.control("POST", "/campaigns", {"type": "sms", "name": name}).get_json()
    r = api.schedule(name, "true", DAILY)
    assert r.status_code == 200, r.get_json()
    assert r.get_json()["id"] == c["_id"]
    assert r.get_json()["message"] == "Campaign %s scheduled successfully" % name
    entry = api.last()
    assert entry["query"]["campaignName"] == name
    assert entry["campaign_name"] == name and entry["campaign_id"] == c["_id"]
    assert "%" in entry["query_string"]  # logged raw, still encoded
    # Lookup is case-insensitive (lname).
    assert api.schedule(name.upper(), "false").status_code == 200


def test_name_not_found_and_ambiguous(api):
    r = api.schedule("Nobody Here", "true", DAILY)
    assert r.status_code == 404
    assert errmsg(r) == "Campaign with name Nobody Here not found"
    a = api.control("POST", "/campaigns", {"type": "voice", "name": "Twin"}).get_json()
    b = api.control("POST", "/campaigns", {"type": "sms", "name": "twin"}).get_json()
    r = api.schedule("Twin", "true", DAILY)
    assert r.status_code == 409
    assert a["_id"] in errmsg(r) and b["_id"] in errmsg(r)


def test_schedule_details_off_by_default(api):
    assert api.schedule(FEEDBACK_NAME, "true", DAILY).status_code == 200
    data = api.get(FEEDBACK).get_json()["data"]
    assert data["schedule"] == {"isSchedulingEnabled": True, "isRecurrenceEnabled": True}
    # The control API always shows what was sent.
    assert api.campaign(FEEDBACK)["schedule"]["recurrenceObject"] == DAILY["recurrenceObject"]


def test_schedule_details_on(api):
    api.configure(schedule_details=True)
    assert api.schedule(FEEDBACK_NAME, "true", WEEKLY).status_code == 200
    sched = api.get(FEEDBACK).get_json()["data"]["schedule"]
    assert sched == {"isSchedulingEnabled": True, "isRecurrenceEnabled": True,
                     "startDateTime": "2027-01-1 18:29:00", "endDateTime": "2027-01-27 18:29:00",
                     "recurrenceObject": WEEKLY["recurrenceObject"]}
    seeded = api.get(SURVEY).get_json()["data"]["schedule"]
    assert seeded["recurrenceObject"]["recurType"] == "Weekly"
    assert api.schedule(FEEDBACK_NAME, "false").status_code == 200
    assert api.get(FEEDBACK).get_json()["data"]["schedule"] == {
        "isSchedulingEnabled": False, "isRecurrenceEnabled": False}


def test_same_weekly_days_in_other_order_is_identical(api):
    assert api.schedule(FEEDBACK_NAME, "true", WEEKLY).status_code == 200
    days = list(reversed(WEEKLY["recurrenceObject"]["weeklyDetails"]["whichDays"]))
    body = with_(WEEKLY, "recurrenceObject.weeklyDetails.whichDays", days)
    assert api.schedule(FEEDBACK_NAME, "true", body).status_code == 409
