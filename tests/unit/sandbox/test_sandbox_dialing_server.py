"""The new control client methods and command-line options, against a real server: seed a
list, add contacts over HTTP, watch a run, compare the report with the sandbox's truth."""

import pytest
import requests

from koreai_sandbox import start_sandbox
from koreai_sandbox.__main__ import config_from_args, parse_args
from koreai_sandbox.config import build_config

JULY = "cl-2259a6e-250d-4e30-95a8-9b813c1xxxxx"


@pytest.fixture(scope="module")
def sb():
    with start_sandbox(dial_rate=0, dial_now="2026-01-14 06:30:00") as handle:
        yield handle


@pytest.fixture(autouse=True)
def _fresh(sb):
    sb.control.reset(keep_config=False)


def api(sb, method, rest, body=None, **params):
    base = "%s/campaign/api/v2/public/%s/campaign" % (sb.url, sb.stream_id)
    return requests.request(method, base + rest, json=body, params=params or None,
                            headers=sb.headers(), timeout=10)


def test_control_client_contacts(sb):
    out = sb.control.seed_contacts(JULY, count=3, start=5, fields={"timeZone": "Asia/Tokyo"})
    assert out == {"added": 3, "dropped_duplicates": 0, "totalRecordCount": 3, "pending": 0}
    rows = sb.control.contacts(JULY)
    assert [r["phoneNumber"] for r in rows] == ["+15550000005", "+15550000006", "+15550000007"]
    assert sb.control.contacts(JULY, skip=2, limit=5)[0]["uniqueId"] == "7"
    sb.control.configure(contacts_delay_reads=3)
    r = requests.post("%s/api/1.1/public/%s/campaign/contactList/addContacts?accountId=%s"
                      % (sb.url, sb.stream_id, sb.account_id), headers=sb.headers(), timeout=10,
                      json={"contactListId": JULY, "data": [{"phoneNumber": "+14155550123"}]})
    assert r.status_code == 200
    assert r.json() == {"message": "Adding contacts to public list is in progress"}
    (pending,) = sb.control.pending_contacts(JULY)
    assert pending["contacts"] == 1 and pending["reads_left"] == 3
    assert sb.control.flush_contacts(JULY) == 1
    assert sb.control.pending_contacts(JULY) == []
    assert len(sb.control.contacts(JULY)) == 4
    sb.control.seed_contacts(JULY, contacts=[{"phoneNumber": "+14155550999"}], pending=True)
    assert sb.control.pending_contacts(JULY)[0]["contacts"] == 1
    (write,) = sb.control.writes()
    assert write["operation"] == "add_contacts" and write["contact_list_id"] == JULY
    with pytest.raises(ValueError):
        sb.control.seed_contacts(JULY)
    with pytest.raises(LookupError):
        sb.control.contacts("cl-nope")


def test_control_client_dialing_and_truth(sb):
    c = sb.control.seed_campaign(type="voice", name="Watched", contactLists=["Watch List"])
    cl = next(x for x in sb.control.contact_lists() if x["name"] == "Watch List")
    sb.control.seed_contacts(cl["_id"], count=25)
    r = api(sb, "POST", "/trigger/%s" % c["_id"], {}, accountId=sb.account_id,
            campaignType="voice", trigger="play")
    assert r.status_code == 200
    step = sb.control.dial(c["_id"], attempts=10)
    assert step["made"] == 10 and step["status"] == "Active"
    predicted = sb.control.outcomes(c["_id"], final=True)
    done = sb.control.finish_dialing(c["_id"])
    assert done["status"] == "Completed" and done["dialerOutcome"] == predicted["dialerOutcome"]
    # A client's report, made from the API, matches the sandbox's truth.
    report, page = {}, 1
    while True:
        data = api(sb, "POST", "/%s/status?view=contacts" % c["_id"], {"page": page, "limit": 10}).json()["data"]
        for row in data["results"]:
            report[row["dialerOutcome"]] = report.get(row["dialerOutcome"], 0) + 1
        if page >= data["totalPages"]:
            break
        page += 1
    assert report == sb.control.outcomes(c["_id"])["dialerOutcome"]
    with pytest.raises(RuntimeError):
        sb.control.dial(c["_id"])  # Completed: not Active (409)
    assert sb.control.campaign(c["_id"])["sandbox"]["run"]["contacts"] == 25


def test_reset_restores_the_startup_dial_config(sb):
    sb.control.configure(dial_rate=5, status_case="lower")
    sb.control.reset()
    cfg = sb.control.config()
    assert cfg["dial_rate"] == 0 and cfg["status_case"] == "documented"
    assert cfg["dial_now"] == "2026-01-14 06:30:00"


def test_cli_options_map_to_config():
    args = parse_args(["--add-contacts-answer", "queued", "--contacts-delay", "1.5",
                       "--contacts-delay-reads", "2", "--dial-rate", "0", "--dial-seed", "7",
                       "--dial-outcomes", "answered=1,no_answer=2,busy=0",
                       "--dial-now", "2026-01-14 06:30:00", "--status-case", "lower_all",
                       "--analytics-offset", "items", "--active-voice-limit", "3"])
    cfg = build_config(**config_from_args(args))
    assert {k: cfg[k] for k in ("add_contacts_answer", "contacts_delay", "contacts_delay_reads",
                                "dial_rate", "dial_seed", "dial_outcomes", "dial_now",
                                "status_case", "analytics_offset", "active_voice_limit")} == {
        "add_contacts_answer": "queued", "contacts_delay": 1.5, "contacts_delay_reads": 2,
        "dial_rate": 0, "dial_seed": 7,
        "dial_outcomes": {"answered": 1.0, "no_answer": 2.0, "busy": 0.0},
        "dial_now": "2026-01-14 06:30:00", "status_case": "lower_all",
        "analytics_offset": "items", "active_voice_limit": 3}
    defaults = build_config(**config_from_args(parse_args([])))
    assert defaults["dial_rate"] == 20 and defaults["dial_seed"] == 1
    assert defaults["dial_outcomes"] == {"answered": 60, "no_answer": 25, "busy": 15}
    assert build_config(**config_from_args(parse_args(["--dial-seed", "abc"])))["dial_seed"] == "abc"
    with pytest.raises(SystemExit):
        parse_args(["--dial-outcomes", "answered"])
    with pytest.raises(ValueError):
        build_config(dial_outcomes={"answered": 0, "no_answer": 0, "busy": 0})
