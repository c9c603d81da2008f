"""Create (POST …/campaign) and update (PUT …/campaign/{cid}) of voice and SMS campaigns, v2:
documented shapes and messages, every body rule with a bad value, Preparing -> Ready after
create, name uniqueness, and the edit refusal of running campaigns (strict vs tolerant)."""

import copy

import pytest
from sandbox_helpers import (COLLECTIONS, FEEDBACK, HOLIDAY, INTERACTIVE, PAYMENT, RENEWAL,
                             SURVEY, SURVEY_NAME, WINTER, errmsg, make_api)

DAYS = [{"day": d, "start": "9:00 AM", "end": "6:00 PM"} for d in ("MO", "TU", "WE", "TH", "FR")]
HOURS = {"frequency": "WEEKLY", "timezone": "Asia/Kolkata", "days": DAYS}

# The bodies of the create-voice-campaign-*-v2 pages (names changed where the seed has them).
AGENTLESS = {
    "name": "Product Feedback Voice Campaign-3.41",
    "description": "This voice campaign collects quick feedback on recent purchases.",
    "contactLists": ["CL Only 2020 Dec 4"],
    "dncLists": {"name": "DNC CL Dec 4"},
    "priority": "5",
    "dialingMode": "Agentless",
    "dialingStrategy": {"callerId": {"phoneNumber": "+148465xxxxx"}, "callingHours": HOURS,
                        "dialingOrder": "FIFO", "maxAttemptsPerRecord": 3,
                        "defaultRetryPeriod": 10, "maxRingTime": 30},
    "schedule": {"isSchedulingEnabled": False},
    "experienceFlowName": "Voice Survey Entry Flow",
    "enableMachineDetect": "no",
    "campaignType": "voice",
}
PROGRESSIVE = dict(copy.deepcopy(AGENTLESS), name="Service Renewal Outreach Campaign62",
                   dialingMode="Progressive", queue_name="Default Queue")
del PROGRESSIVE["experienceFlowName"], PROGRESSIVE["enableMachineDetect"]
PREVIEW = dict(copy.deepcopy(PROGRESSIVE), name="Billing Reminder Voice Campaign1",
               dialingMode="Preview", maxSkips=1)

# The bodies of the create-sms-campaign-*-v2 pages (the Base64 tail is unmasked).
SMS_SIMPLE = {
    "name": "Event Reminder SMS Campaign71",
    "description": "Sends a one-time message to remind users about an upcoming event.",
    "contactLists": ["CL Only 2020 Dec 4"],
    "dncLists": {"name": "DNC CL Dec 4"},
    "campaignType": "sms",
    "priority": "5",
    "format": "simple",
    "message": {"message": "TWVzc2FnZSBmb3IgeW91ciB0YXJnZXRlZCBjdXN0b21lcg%3D%3D"},
    "dialingStrategy": {"callerId": {"phoneNumber": "+9195616xxxxx"}, "callingHours": HOURS},
    "schedule": {"isSchedulingEnabled": False},
}
SMS_TEMPLATE = dict(copy.deepcopy(SMS_SIMPLE), name="Billing Alert Template Campaign-21",
                    dncLists={"name": "testdnc"},
                    message={"template_name": "Welcome",
                             "message": "VGhpcyBpcyBhIHJlbWluZGVyLg=="})
SMS_ADVANCED = dict(copy.deepcopy(SMS_SIMPLE), name="Interactive Support SMS Campaign1212",
                    format="advanced", experienceFlowName="SMS Support Flow",
                    dncLists={"name": "testdnc"})
del SMS_ADVANCED["message"]


def create(api, body, ctype=None, path=None):
    ctype = ctype or body.get("campaignType")
    base = path or api.v2("")
    return api.call("POST", "%s?accountId=%s&campaignType=%s" % (base, api.account, ctype),
                    body=body)


def update(api, cid, body, ctype=None):
    ctype = ctype or body.get("campaignType")
    return api.call("PUT", api.v2("/%s?accountId=%s&campaignType=%s" % (cid, api.account, ctype)),
                    body=body)


def changed(body, path, value):
    """A deep copy of ``body`` with the dotted ``path`` set to ``value`` (DELETE = removed)."""
    out = copy.deepcopy(body)
    *parents, last = path.split(".")
    node = out
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if value is DELETE:
        del node[last]
    elif isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return out


DELETE = object()


# --- create: voice ----------------------------------------------------------------------------

def test_create_voice_agentless_documented_response(api):
    r = create(api, AGENTLESS)
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body["status"] == "success"
    assert body["message"] == "Campaign Product Feedback Voice Campaign-3.41 creation in progress"
    data = body["data"]
    assert list(data) == ["name", "lname", "description", "dncLists", "priority", "dialingMode",
                          "dialingStrategy", "experienceFlow", "status", "isFiltersEnabled",
                          "createdAt", "updatedAt", "id", "contactLists", "enableMachineDetect"]
    assert data["id"].startswith("cd-") and data["status"] == "Preparing"
    assert data["lname"] == "product feedback voice campaign-3.41"
    assert data["dncLists"] == {"id": "cl-68b802a-2b99-4245-8eea-6d322a8xxxxx",
                                "name": "DNC CL Dec 4"}
    assert data["experienceFlow"].startswith("cf-")
    assert data["enableMachineDetect"] is False  # v2 takes "no", shows a boolean
    strategy = data["dialingStrategy"]
    assert strategy["useSystemMappings"] is False and strategy["maxRingTime"] == 30
    assert strategy["callingHours"]["days"][0] == {"start": "9:00 AM", "end": "6:00 PM", "day": "MO"}
    assert data["createdAt"] == data["updatedAt"] and data["createdAt"].endswith("Z")

    entry = api.last()
    assert entry["operation"] == "create_campaign" and entry["write"] is True
    assert entry["route"] == "create-v2" and entry["campaign_id"] == data["id"]
    assert entry["campaign_name"] == AGENTLESS["name"]

    stored = api.campaign(data["id"])
    assert stored["type"] == "voice" and stored["schedule"] == {"isSchedulingEnabled": False,
                                                                "isRecurrenceEnabled": False}
    assert stored["sandbox"]["connection"] == "Voice Survey Entry Flow"
    assert stored["sandbox"]["machine_detect"] == "no"


def test_create_voice_progressive_and_preview(api):
    r = create(api, PROGRESSIVE)
    assert r.status_code == 200
    data = r.get_json()["data"]
    assert data["dialingMode"] == "Progressive" and "experienceFlow" not in data
    assert "maxSkips" not in data and "enableMachineDetect" not in data

    r = create(api, dict(PREVIEW, priority=4))  # a number is accepted, stored as a string
    assert r.status_code == 200
    data = r.get_json()["data"]
    assert data["maxSkips"] == 1 and data["priority"] == "4"
    assert list(data)[7:10] == ["status", "maxSkips", "isFiltersEnabled"]

    listed = api.list({"type": "voice", "filters": {"dialingMode": ["Preview"]}}).get_json()
    row = [x for x in listed["data"]["results"] if x["_id"] == data["id"]][0]
    assert row["connection"] == "Default Queue"


def test_machine_detect_detect_is_true_and_flow_id_stable(api):
    one = create(api, dict(AGENTLESS, enableMachineDetect="disconnect")).get_json()["data"]
    two = create(api, dict(AGENTLESS, name="Second", enableMachineDetect="detect",
                           experienceFlowName="voice survey entry flow")).get_json()["data"]
    assert one["enableMachineDetect"] is True and two["enableMachineDetect"] is True
    assert one["experienceFlow"] == two["experienceFlow"]  # same flow, same id
    no_detect = dict(AGENTLESS, name="Third")
    del no_detect["enableMachineDetect"]  # optional: the update page's sample omits it
    assert create(api, no_detect).get_json()["data"]["enableMachineDetect"] is False
    # The seeded flow names keep their ids.
    seeded = api.campaign(FEEDBACK)["experienceFlow"]
    again = create(api, dict(AGENTLESS, name="Fourth",
                             experienceFlowName="Product Feedback Survey Flow")).get_json()
    assert again["data"]["experienceFlow"] == seeded


def test_new_voice_campaign_preparing_then_ready_after_two_reads(api):
    cid = create(api, AGENTLESS).get_json()["data"]["id"]
    assert api.trigger(cid, "voice", "play").status_code == 409  # still Preparing
    assert api.get(cid).get_json()["data"]["status"] == "Preparing"
    assert api.status(cid).get_json()["data"]["status"] == "Preparing"
    assert api.get(cid).get_json()["data"]["status"] == "Ready"
    r = api.trigger(cid, "voice", "play")
    assert r.status_code == 200 and r.get_json()["status"] == "Active"


@pytest.mark.parametrize("reads,statuses", [(0, ["Ready"]), (1, ["Preparing", "Ready"]),
                                            (3, ["Preparing"] * 3 + ["Ready"])])
def test_create_ready_after_reads_config(reads, statuses):
    api = make_api(create_ready_after_reads=reads)
    r = create(api, PROGRESSIVE)
    assert r.get_json()["data"]["status"] == ("Preparing" if reads else "Ready")
    cid = r.get_json()["data"]["id"]
    assert [api.get(cid).get_json()["data"]["status"] for dummy in statuses] == statuses
    assert api.control("GET", "/config").get_json()["create_ready_after_reads"] == reads


def test_create_ready_after_reads_runtime_config(api):
    assert api.configure(create_ready_after_reads=0)["create_ready_after_reads"] == 0
    assert create(api, PROGRESSIVE).get_json()["data"]["status"] == "Ready"
    for bad in (-1, "2", True):
        assert api.control("POST", "/config", {"create_ready_after_reads": bad}).status_code == 400


# --- create: SMS ------------------------------------------------------------------------------

def test_create_sms_simple_documented_response(api):
    r = create(api, SMS_SIMPLE)
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body["message"] == "Campaign Event Reminder SMS Campaign71 creation in progress"
    data = body["data"]
    assert list(data) == ["_id", "name", "lname", "description", "status", "dncLists",
                          "priority", "dialingStrategy", "message", "isImported",
                          "isFiltersEnabled", "createdAt", "updatedAt", "schedule",
                          "contactLists", "format"]
    assert data["status"] == "Ready" and data["_id"].startswith("cd-")
    assert data["dncLists"] == {"name": "DNC CL Dec 4"}  # SMS: no id
    assert data["message"] == {"message": SMS_SIMPLE["message"]["message"]}  # kept as sent
    assert data["schedule"] == {"isSchedulingEnabled": False}
    assert data["dialingStrategy"]["callingHours"]["days"][0] == DAYS[0]
    assert api.get(data["_id"]).get_json()["data"]["status"] == "Ready"
    assert api.trigger(data["_id"], "sms", "play").status_code == 200


def test_create_sms_template_gets_template_id(api):
    data = create(api, SMS_TEMPLATE).get_json()["data"]
    assert data["message"]["template_name"] == "Welcome"
    assert data["message"]["templateId"].startswith("cmt-")
    assert data["dncLists"] == {"name": "testdnc"}
    given = changed(changed(SMS_TEMPLATE, "name", "With Id"), "message.templateId", "cmt-mine")
    assert create(api, given).get_json()["data"]["message"]["templateId"] == "cmt-mine"
    empty = changed(changed(SMS_SIMPLE, "name", "Empty Id"), "message.templateId", "")
    assert "templateId" not in create(api, empty).get_json()["data"]["message"]


def test_create_sms_advanced_on_the_short_path_without_dnc(api):
    body = copy.deepcopy(SMS_ADVANCED)
    del body["dncLists"]  # optional for SMS
    r = create(api, body, path="/api/v2/public/%s/campaign" % api.sid)
    assert r.status_code == 200, r.get_json()
    data = r.get_json()["data"]
    assert data["format"] == "advanced" and data["experienceFlow"].startswith("cf-")
    assert "message" not in data and "dncLists" not in data
    assert api.last()["route"] == "create-v2-short"


def test_sms_message_plain_base64_and_url_encoded(api):
    plain = changed(changed(SMS_SIMPLE, "name", "Plain"), "message.message",
                    "TWVzc2FnZSBmb3IgeW91ciB0YXJnZXRlZCBjdXN0b21lcg==")
    assert create(api, plain).status_code == 200
    assert create(api, SMS_SIMPLE).status_code == 200


# --- create: validation -------------------------------------------------------------------

VOICE_BAD = [
    # (id, body, message or fragment)
    ("unknown-field", dict(AGENTLESS, color="red"), "Unexpected field(s) in campaign body: color"),
    ("type-mismatch", dict(AGENTLESS, campaignType="sms"),
     "campaignType in the body must be voice, as in the query (got 'sms')"),
    ("type-missing", changed(AGENTLESS, "campaignType", DELETE), "campaignType in the body"),
    ("name-missing", changed(AGENTLESS, "name", DELETE), "name is required"),
    ("name-empty", dict(AGENTLESS, name=" "), "name must be a non-empty string"),
    ("name-49", dict(AGENTLESS, name="n" * 49), "name must be at most 48 characters (got 49)"),
    ("description-missing", changed(AGENTLESS, "description", DELETE), "description is required"),
    ("description-257", dict(AGENTLESS, description="d" * 257),
     "description must be at most 256 characters (got 257)"),
    ("contactLists-empty", dict(AGENTLESS, contactLists=[]), "contactLists is required"),
    ("contactLists-string", dict(AGENTLESS, contactLists="CL Only 2020 Dec 4"),
     "contactLists is required"),
    ("contactLists-twice", dict(AGENTLESS, contactLists=["CL Only 2020 Dec 4"] * 2),
     "contactLists must not name a list twice"),
    ("contactLists-unknown", dict(AGENTLESS, contactLists=["CL Only 2020 Dec 4", "Nope"]),
     "Contact list Nope in contactLists does not exist"),
    ("contactLists-case", dict(AGENTLESS, contactLists=["cl only 2020 dec 4"]),
     "Contact list cl only 2020 dec 4 in contactLists does not exist"),
    ("dnc-missing", changed(AGENTLESS, "dncLists", DELETE), "dncLists is required for voice"),
    ("dnc-unknown", dict(AGENTLESS, dncLists={"name": "No DNC"}),
     "Contact list No DNC in dncLists does not exist"),
    ("dnc-id", dict(AGENTLESS, dncLists={"name": "DNC CL Dec 4", "id": "cl-x"}),
     "Unexpected field(s) in dncLists: id"),
    ("priority-missing", changed(AGENTLESS, "priority", DELETE), "priority is required"),
    ("priority-6", dict(AGENTLESS, priority="6"), 'priority must be one of "1", "2", "3", "4", "5"'),
    ("priority-0", dict(AGENTLESS, priority=0), "priority must be one of"),
    ("priority-word", dict(AGENTLESS, priority="high"), "priority must be one of"),
    ("mode-power", dict(AGENTLESS, dialingMode="Power"),
     "dialingMode must be one of Agentless, Progressive, Preview (got 'Power')"),
    ("strategy-missing", changed(AGENTLESS, "dialingStrategy", DELETE),
     "dialingStrategy is required"),
    ("strategy-extra", changed(AGENTLESS, "dialingStrategy.useSystemMappings", False),
     "Unexpected field(s) in dialingStrategy: useSystemMappings"),
    ("phone-spaces", changed(AGENTLESS, "dialingStrategy.callerId.phoneNumber", "+1 415 555 0123"),
     "dialingStrategy.callerId.phoneNumber must be an E.164 number"),
    ("phone-empty", changed(AGENTLESS, "dialingStrategy.callerId.phoneNumber", ""),
     "or a registered SIP number"),
    ("phone-zero", changed(AGENTLESS, "dialingStrategy.callerId.phoneNumber", "+0415555"),
     "must be an E.164 number"),
    ("phone-long", changed(AGENTLESS, "dialingStrategy.callerId.phoneNumber", "+1" + "2" * 15),
     "must be an E.164 number"),
    ("frequency", changed(AGENTLESS, "dialingStrategy.callingHours.frequency", "MONTHLY"),
     "dialingStrategy.callingHours.frequency must be one of WEEKLY, DAILY, CUSTOM"),
    ("timezone-unknown", changed(AGENTLESS, "dialingStrategy.callingHours.timezone", "Mars/Olympus"),
     "dialingStrategy.callingHours.timezone must be an IANA time zone"),
    ("timezone-offset", changed(AGENTLESS, "dialingStrategy.callingHours.timezone", "+05:30"),
     "must be an IANA time zone"),
    ("days-empty", changed(AGENTLESS, "dialingStrategy.callingHours.days", []),
     "dialingStrategy.callingHours.days is required"),
    ("day-code", changed(AGENTLESS, "dialingStrategy.callingHours.days.0.day", "MON"),
     "dialingStrategy.callingHours.days[0].day must be one of MO TU WE TH FR SA SU"),
    ("start-24h", changed(AGENTLESS, "dialingStrategy.callingHours.days.1.start", "13:00"),
     'dialingStrategy.callingHours.days[1].start must be a time like "9:00 AM"'),
    ("end-13pm", changed(AGENTLESS, "dialingStrategy.callingHours.days.0.end", "13:00 PM"),
     "days[0].end must be a time like"),
    ("end-before-start", changed(AGENTLESS, "dialingStrategy.callingHours.days.2.end", "8:30 AM"),
     "dialingStrategy.callingHours.days[2].end must be after start (got 9:00 AM - 8:30 AM)"),
    ("hours-extra", changed(AGENTLESS, "dialingStrategy.callingHours.holidays", []),
     "Unexpected field(s) in dialingStrategy.callingHours: holidays"),
    ("order", changed(AGENTLESS, "dialingStrategy.dialingOrder", "RANDOM"),
     "dialingStrategy.dialingOrder must be FIFO or LIFO"),
    ("attempts-0", changed(AGENTLESS, "dialingStrategy.maxAttemptsPerRecord", 0),
     "dialingStrategy.maxAttemptsPerRecord must be an integer 1..100 (got 0)"),
    ("attempts-101", changed(AGENTLESS, "dialingStrategy.maxAttemptsPerRecord", 101),
     "maxAttemptsPerRecord must be an integer 1..100"),
    ("attempts-string", changed(AGENTLESS, "dialingStrategy.maxAttemptsPerRecord", "3"),
     "maxAttemptsPerRecord must be an integer 1..100"),
    ("retry-0", changed(AGENTLESS, "dialingStrategy.defaultRetryPeriod", 0),
     "dialingStrategy.defaultRetryPeriod must be an integer 1..1440 (got 0)"),
    ("retry-1441", changed(AGENTLESS, "dialingStrategy.defaultRetryPeriod", 1441),
     "defaultRetryPeriod must be an integer 1..1440"),
    ("ring-4", changed(AGENTLESS, "dialingStrategy.maxRingTime", 4),
     "dialingStrategy.maxRingTime must be an integer 5..120 (got 4)"),
    ("ring-121", changed(AGENTLESS, "dialingStrategy.maxRingTime", 121),
     "maxRingTime must be an integer 5..120"),
    ("ring-missing", changed(AGENTLESS, "dialingStrategy.maxRingTime", DELETE),
     "maxRingTime must be an integer 5..120 (got None)"),
    ("flow-missing", changed(AGENTLESS, "experienceFlowName", DELETE),
     "experienceFlowName is required"),
    ("detect-yes", dict(AGENTLESS, enableMachineDetect="yes"),
     "enableMachineDetect must be one of no, detect, disconnect (got 'yes')"),
    ("detect-bool", dict(AGENTLESS, enableMachineDetect=False), "enableMachineDetect must be"),
    ("detect-progressive", dict(PROGRESSIVE, enableMachineDetect="no"),
     "enableMachineDetect does not apply to dialingMode Progressive (only Agentless)"),
    ("detect-preview", dict(PREVIEW, enableMachineDetect="detect"),
     "enableMachineDetect does not apply to dialingMode Preview"),
    ("flow-progressive", dict(PROGRESSIVE, experienceFlowName="Flow"),
     "experienceFlowName does not apply to dialingMode Progressive"),
    ("queue-agentless", dict(AGENTLESS, queue_name="Default Queue"),
     "queue_name does not apply to dialingMode Agentless (only Progressive and Preview)"),
    ("skips-progressive", dict(PROGRESSIVE, maxSkips=1),
     "maxSkips does not apply to dialingMode Progressive (only Preview)"),
    ("queue-missing", changed(PROGRESSIVE, "queue_name", DELETE), "queue_name is required"),
    ("queue-missing-preview", changed(PREVIEW, "queue_name", DELETE), "queue_name is required"),
    ("skips-missing", changed(PREVIEW, "maxSkips", DELETE),
     "maxSkips is required for dialingMode Preview"),
    ("skips-negative", dict(PREVIEW, maxSkips=-1), "maxSkips must be an integer >= 0 (got -1)"),
    ("schedule-on", dict(AGENTLESS, schedule={"isSchedulingEnabled": True}),
     "schedule.isSchedulingEnabled must be false"),
    ("schedule-extra", dict(AGENTLESS, schedule={"isSchedulingEnabled": False,
                                                 "startDateTime": "2027-01-01 00:00:00"}),
     "Unexpected field(s) in schedule: startDateTime"),
]

SMS_BAD = [
    ("unknown-field", dict(SMS_SIMPLE, direction="out"),
     "Unexpected field(s) in campaign body: direction"),
    ("voice-fields", dict(SMS_SIMPLE, dialingMode="Agentless", queue_name="Q"),
     "dialingMode, queue_name apply to voice campaigns only"),
    ("voice-strategy", changed(changed(SMS_SIMPLE, "dialingStrategy.dialingOrder", "FIFO"),
                               "dialingStrategy.maxRingTime", 30),
     "dialingStrategy.dialingOrder, dialingStrategy.maxRingTime apply to voice campaigns only"),
    ("type-mismatch", dict(SMS_SIMPLE, campaignType="voice"),
     "campaignType in the body must be sms, as in the query (got 'voice')"),
    ("format", dict(SMS_SIMPLE, format="basic"), "format must be simple or advanced (got 'basic')"),
    ("message-missing", changed(SMS_SIMPLE, "message", DELETE), "message is required for format simple"),
    ("message-empty", changed(SMS_SIMPLE, "message.message", ""), "message.message is required"),
    ("message-not-base64", changed(SMS_SIMPLE, "message.message", "Hello there!"),
     "message.message must be the Base64 (optionally URL-encoded) of UTF-8 text"),
    ("message-masked", changed(SMS_SIMPLE, "message.message",
                               "TWVzc2FnZSBmb3IgeW91ciB0YXJnZXRlZCBjdXN0b21lcg%xxxxx"),
     "message.message must be the Base64"),
    ("message-not-utf8", changed(SMS_SIMPLE, "message.message", "/w=="),
     "message.message must be the Base64"),
    ("message-extra", changed(SMS_SIMPLE, "message.text", "hi"),
     "Unexpected field(s) in message: text"),
    ("simple-with-flow", dict(SMS_SIMPLE, experienceFlowName="Flow"),
     "experienceFlowName applies to format advanced only"),
    ("advanced-with-message", dict(SMS_ADVANCED, message={"message": "aGk="}),
     "message applies to format simple only"),
    ("advanced-no-flow", changed(SMS_ADVANCED, "experienceFlowName", DELETE),
     "experienceFlowName is required"),
    ("dnc-unknown", dict(SMS_SIMPLE, dncLists={"name": "nope"}),
     "Contact list nope in dncLists does not exist"),
    ("dnc-not-object", dict(SMS_SIMPLE, dncLists="DNC CL Dec 4"), "dncLists must be an object"),
    ("lists-unknown", dict(SMS_SIMPLE, contactLists=["Ghost"]),
     "Contact list Ghost in contactLists does not exist"),
    ("priority", dict(SMS_SIMPLE, priority="9"), "priority must be one of"),
    ("timezone", changed(SMS_SIMPLE, "dialingStrategy.callingHours.timezone", "IST"),
     "must be an IANA time zone"),
    ("description-missing", changed(SMS_SIMPLE, "description", DELETE), "description is required"),
]


@pytest.mark.parametrize("body,msg", [b[1:] for b in VOICE_BAD], ids=[b[0] for b in VOICE_BAD])
def test_create_voice_validation(api, body, msg):
    before = len(api.control("GET", "/campaigns").get_json()["campaigns"])
    r = create(api, body, ctype="voice")
    assert r.status_code == 400, r.get_json()
    assert msg in errmsg(r)
    assert r.get_json()["errors"][0]["code"] == 400
    assert len(api.control("GET", "/campaigns").get_json()["campaigns"]) == before
    assert api.last()["operation"] == "create_campaign" and api.last()["write"] is True


@pytest.mark.parametrize("body,msg", [b[1:] for b in SMS_BAD], ids=[b[0] for b in SMS_BAD])
def test_create_sms_validation(api, body, msg):
    r = create(api, body, ctype="sms")
    assert r.status_code == 400, r.get_json()
    assert msg in errmsg(r)


@pytest.mark.parametrize("query,msg", [
    ("", "Query parameter campaignType is required"),
    ("?campaignType=fax", "Query parameter campaignType must be voice or sms (got 'fax')"),
    ("?campaignType=voice&campaignType=voice", "Query parameter campaignType must be given only once"),
])
def test_create_query_rules(api, query, msg):
    r = api.call("POST", api.v2(query), body=AGENTLESS)
    assert r.status_code == 400 and errmsg(r) == msg


def test_create_voice_body_with_sms_query_is_refused(api):
    r = create(api, AGENTLESS, ctype="sms")
    assert r.status_code == 400
    assert errmsg(r) == "dialingMode, enableMachineDetect apply to voice campaigns only"


@pytest.mark.parametrize("caller", ["14155550123", "sip:renewals@sip.example.com"])
def test_pre_registered_sip_numbers_are_caller_ids(api, caller):
    """API notes 8.1: caller ids may be pre-registered SIP numbers, in every dialing mode."""
    r = create(api, changed(AGENTLESS, "dialingStrategy.callerId.phoneNumber", caller))
    assert r.status_code == 200, r.get_json()


def test_other_days_and_times_accepted(api):
    days = [{"day": "SA", "start": "12:00 AM", "end": "11:59 PM"},
            {"day": "SU", "start": "12:30 PM", "end": "1:00 PM"},
            {"day": "SU", "start": "02:00 PM", "end": "5:45 PM"}]
    body = changed(changed(AGENTLESS, "dialingStrategy.callingHours.days", days),
                   "dialingStrategy.callingHours.frequency", "CUSTOM")
    body = changed(changed(body, "dialingStrategy.callingHours.timezone", "America/New_York"),
                   "dialingStrategy.callerId.phoneNumber", "+14155550123")
    r = create(api, changed(body, "dialingStrategy.dialingOrder", "LIFO"))
    assert r.status_code == 200, r.get_json()
    hours = r.get_json()["data"]["dialingStrategy"]["callingHours"]
    assert [d["day"] for d in hours["days"]] == ["SA", "SU", "SU"]


@pytest.mark.parametrize("mode", ["strict", "tolerant"])
def test_create_duplicate_name_409(mode):
    api = make_api(mode=mode)
    r = create(api, dict(PROGRESSIVE, name="SERVICE RENEWAL OUTREACH CAMPAIGN61"))
    assert r.status_code == 409
    assert errmsg(r) == ("Campaign with name SERVICE RENEWAL OUTREACH CAMPAIGN61 already exists (%s)"
                         % RENEWAL)
    # Names are unique across voice and SMS (the schedule API finds campaigns by name).
    r = create(api, dict(SMS_SIMPLE, name="Service Renewal Outreach Campaign61"))
    assert r.status_code == 409
    assert create(api, AGENTLESS).status_code == 200
    assert create(api, dict(PREVIEW, name=AGENTLESS["name"].upper())).status_code == 409


def test_created_campaign_lifecycle(api):
    cid = create(api, SMS_SIMPLE).get_json()["data"]["_id"]
    got = api.get(cid).get_json()
    assert got["message"] == "Campaign Event Reminder SMS Campaign71 retrieved successfully"
    listed = api.list({"type": "sms"}).get_json()["data"]["results"]
    assert cid in [x["id"] for x in listed]
    assert api.trigger(cid, "sms", "play").status_code == 200
    assert api.trigger(cid, "sms", "stop").status_code == 200
    r = api.delete(cid, "sms")
    assert r.status_code == 200 and r.get_json()["data"]["_id"] == cid


# --- update ------------------------------------------------------------------------------

def renewal_body(**over):
    body = dict(copy.deepcopy(PROGRESSIVE), name="Service Renewal Outreach Campaign61")
    body.update(over)
    return body


def test_update_voice_documented_response(api):
    before = api.campaign(RENEWAL)
    body = renewal_body(name="Service Renewal Outreach | Updated", description="Updated.",
                        priority="2", contactLists=["CL Only 2020 Dec 4", "Payment Due Dec 2025"])
    r = update(api, RENEWAL, body)
    assert r.status_code == 200, r.get_json()
    out = r.get_json()
    assert list(out) == ["status", "message", "id", "data"]
    assert out["status"] == "success" and out["id"] == RENEWAL
    assert out["message"] == "Campaign Service Renewal Outreach | Updated details updated successfully"
    data = out["data"]
    assert data["_id"] == RENEWAL and list(data)[:3] == ["_id", "name", "lname"]
    assert data["lname"] == "service renewal outreach | updated"
    assert data["priority"] == "2" and data["description"] == "Updated."
    assert data["contactLists"] == ["CL Only 2020 Dec 4", "Payment Due Dec 2025"]
    assert data["status"] == "Ready"  # kept
    assert data["schedule"] == before["schedule"] and data["createdAt"] == before["createdAt"]
    assert data["updatedAt"] > before["updatedAt"]
    assert api.get(RENEWAL).get_json()["data"] == data
    entry = api.last()
    assert entry["operation"] == "get_campaign"
    ops = [(e["operation"], e["write"], e["route"]) for e in api.log()]
    assert ops[0] == ("update_campaign", True, "campaign-v2")
    assert api.log()[0]["campaign_name"] == "Service Renewal Outreach | Updated"


def test_update_voice_mode_change_replaces_mode_fields(api):
    body = dict(copy.deepcopy(AGENTLESS), name="Agentless Voice | Product Feedback | Jan 9")
    body["dialingMode"] = "Preview"
    del body["experienceFlowName"], body["enableMachineDetect"]
    body.update(queue_name="Feedback Queue", maxSkips=0)
    r = update(api, FEEDBACK, body)
    assert r.status_code == 200, r.get_json()
    data = r.get_json()["data"]
    assert data["dialingMode"] == "Preview" and data["maxSkips"] == 0
    assert "experienceFlow" not in data and "enableMachineDetect" not in data
    row = [x for x in api.list({"type": "voice"}).get_json()["data"]["results"]
           if x["_id"] == FEEDBACK][0]
    assert row["connection"] == "Feedback Queue"


def test_update_sms_documented_response_keeps_instance(api):
    before = api.campaign(INTERACTIVE)
    body = dict(copy.deepcopy(SMS_ADVANCED), name="Interactive Support SMS Campaign",
                description="Updated: chat-enabled SMS.")
    del body["dncLists"]
    r = update(api, INTERACTIVE, body)
    assert r.status_code == 200, r.get_json()
    out = r.get_json()
    assert list(out) == ["status", "message", "data"]  # no top-level id for SMS
    assert out["message"] == "Campaign Interactive Support SMS Campaign details updated successfully"
    data = out["data"]
    assert data["_id"] == INTERACTIVE and data["status"] == "Stopped"
    assert data["campaignInstanceId"] == before["campaignInstanceId"]
    assert "dncLists" not in data and data["format"] == "advanced"


def test_update_sms_simple_to_advanced_and_back(api):
    body = dict(copy.deepcopy(SMS_ADVANCED), name="Holiday Greetings SMS 2025")
    data = update(api, HOLIDAY, body).get_json()["data"]
    assert "message" not in data and data["experienceFlow"].startswith("cf-")
    data = update(api, HOLIDAY, dict(copy.deepcopy(SMS_SIMPLE),
                                     name="Holiday Greetings SMS 2025")).get_json()["data"]
    assert "experienceFlow" not in data and data["message"]["message"].startswith("TWVz")
    assert data["status"] == "Completed"


@pytest.mark.parametrize("cid,ctype,body,status", [
    (WINTER, "voice", dict(copy.deepcopy(PREVIEW), name="Winter Retention Callback Campaign"),
     "Active"),
    (PAYMENT, "sms", dict(copy.deepcopy(SMS_SIMPLE), name="Payment Reminder SMS | December"),
     "Active"),
    (COLLECTIONS, "voice", dict(copy.deepcopy(PROGRESSIVE), name="Collections Follow-up | Q4 2025"),
     "Paused"),
])
def test_update_refused_while_running_strict_allowed_tolerant(cid, ctype, body, status):
    strict = make_api()
    before = strict.campaign(cid)
    r = update(strict, cid, dict(body, description="Edited while running"))
    assert r.status_code == 409
    assert r.get_json() == {"errors": [{"msg": "You cannot edit a campaign that is in %s status"
                                               % status, "code": 409}]}
    assert strict.campaign(cid) == before
    assert strict.last()["tolerated"] is False

    tolerant = make_api(mode="tolerant")
    r = update(tolerant, cid, dict(body, description="Edited while running"))
    assert r.status_code == 200
    assert r.get_json()["data"]["description"] == "Edited while running"
    assert r.get_json()["data"]["status"] == status
    assert tolerant.last()["tolerated"] is True


def test_update_scheduled_keeps_schedule_and_status(api):
    before = api.campaign(SURVEY)
    body = dict(copy.deepcopy(AGENTLESS), name=SURVEY_NAME, description="New text")
    r = update(api, SURVEY, body)
    assert r.status_code == 200
    after = api.campaign(SURVEY)
    assert after["status"] == "Scheduled" and after["schedule"] == before["schedule"]
    assert after["schedule"]["recurrenceObject"]["recurType"] == "Weekly"
    assert api.schedule(SURVEY_NAME, "false").status_code == 200


def test_update_name_rules(api):
    r = update(api, RENEWAL, renewal_body(name="winter retention callback campaign"))
    assert r.status_code == 409
    assert errmsg(r) == ("Campaign with name winter retention callback campaign already exists (%s)"
                         % WINTER)
    r = update(api, RENEWAL, renewal_body(name="SERVICE RENEWAL OUTREACH CAMPAIGN61"))
    assert r.status_code == 200  # its own name, in another case
    assert r.get_json()["data"]["lname"] == "service renewal outreach campaign61"


def test_update_validation_and_lookup(api):
    before = api.campaign(RENEWAL)
    r = update(api, RENEWAL, changed(renewal_body(), "dialingStrategy.maxRingTime", 500))
    assert r.status_code == 400 and "maxRingTime" in errmsg(r)
    r = update(api, RENEWAL, renewal_body(contactLists=["Missing List"]))
    assert r.status_code == 400
    assert errmsg(r) == "Contact list Missing List in contactLists does not exist"
    assert api.campaign(RENEWAL) == before

    r = update(api, "cd-nope", renewal_body())
    assert r.status_code == 404 and errmsg(r) == "Campaign with id cd-nope not found"
    # An SMS body against a voice campaign: the campaign's type decides.
    r = update(api, RENEWAL, dict(SMS_SIMPLE, name="x"))
    assert r.status_code == 400
    assert errmsg(r) == ("campaignType sms does not match campaign Service Renewal Outreach "
                         "Campaign61, which is a voice campaign")
    # The update-voice page's URL says campaignType=sms (§5 #5): a voice body is refused.
    r = update(api, RENEWAL, renewal_body(), ctype="sms")
    assert r.status_code == 400
    assert errmsg(r) == "dialingMode, queue_name apply to voice campaigns only"
    r = api.call("PUT", api.v2("/%s?campaignType=voice" % RENEWAL), body="not json")
    assert r.status_code == 400 and errmsg(r) == "Request body must be valid JSON"
    assert api.campaign(RENEWAL) == before


def test_update_while_preparing_keeps_countdown(api):
    cid = create(api, PROGRESSIVE).get_json()["data"]["id"]
    r = update(api, cid, dict(PROGRESSIVE, description="Changed"))
    assert r.status_code == 200 and r.get_json()["data"]["status"] == "Preparing"
    assert [api.get(cid).get_json()["data"]["status"] for dummy in range(3)] == [
        "Preparing", "Preparing", "Ready"]


def test_cli_option_create_ready_after_reads():
    from koreai_sandbox.__main__ import config_from_args, parse_args
    from koreai_sandbox.config import build_config

    assert build_config(**config_from_args(parse_args([])))["create_ready_after_reads"] == 2
    cfg = build_config(**config_from_args(parse_args(["--create-ready-after-reads", "0"])))
    assert cfg["create_ready_after_reads"] == 0
    with pytest.raises(ValueError):
        build_config(create_ready_after_reads=-1)
