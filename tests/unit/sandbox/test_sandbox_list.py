"""getAllCampaignDetails: pagination, sorting, filters, result shapes, body validation."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sandbox_helpers import (COLLECTIONS, FEEDBACK, HOLIDAY, INTERACTIVE, LAUNCH, PAYMENT,
                             RENEWAL, SURVEY, WINTER, errmsg, make_api)

VOICE = {RENEWAL, FEEDBACK, WINTER, LAUNCH, SURVEY, COLLECTIONS}
SMS = {INTERACTIVE, PAYMENT, HOLIDAY}


def ids(resp, key="_id"):
    return [c[key] for c in resp.get_json()["data"]["results"]]


def test_voice_and_sms_shapes(api):
    r = api.list({"type": "voice"})
    assert r.status_code == 200
    body = r.get_json()
    assert body["status"] == "success"
    assert body["message"] == "Campaign  retrieved successfully"
    data = body["data"]
    assert set(ids(r)) == VOICE
    assert {k: data[k] for k in ("skip", "limit", "hasMore", "totalPages", "totalResults")} == {
        "skip": 0, "limit": 50, "hasMore": False, "totalPages": 1, "totalResults": 6}
    by_id = {c["_id"]: c for c in data["results"]}
    assert by_id[RENEWAL]["connection"] == "Default Queue"
    assert by_id[FEEDBACK]["connection"] == "Product Feedback Survey Flow"
    assert by_id[WINTER]["campaignInstanceUpdatedAt"]
    assert by_id[RENEWAL]["campaignInstanceUpdatedAt"] is None  # never run

    r = api.list({"type": "sms"})
    results = r.get_json()["data"]["results"]
    assert set(ids(r, "id")) == SMS
    for c in results:
        assert "_id" not in c  # SMS results carry "id" (API §5 #11)
        assert c["totalMessagesSent"] == 0 and "campaignInstanceUpdatedAt" in c


def test_default_sort_created_desc_and_other_sorts(api):
    created = [c["createdAt"] for c in api.list({"type": "voice"}).get_json()["data"]["results"]]
    assert created == sorted(created, reverse=True)
    names = [c["lname"] for c in api.list({"type": "voice", "sortBy": {"name": "asc"}})
             .get_json()["data"]["results"]]
    assert names == sorted(names)
    upd = [c["updatedAt"] for c in api.list({"type": "sms", "sortBy": {"updatedAt": "asc"}})
           .get_json()["data"]["results"]]
    assert upd == sorted(upd)


def test_skip_page_limit(api):
    r = api.list({"type": "voice", "limit": 4})
    d = r.get_json()["data"]
    assert len(d["results"]) == 4 and d["hasMore"] is True and d["totalPages"] == 2
    r2 = api.list({"type": "voice", "limit": 4, "page": 2})
    d2 = r2.get_json()["data"]
    assert d2["skip"] == 4 and len(d2["results"]) == 2 and d2["hasMore"] is False
    assert set(ids(r)) | set(ids(r2)) == VOICE
    # skip wins over page
    r3 = api.list({"type": "voice", "limit": 4, "page": 2, "skip": 1})
    assert r3.get_json()["data"]["skip"] == 1 and len(ids(r3)) == 4
    # empty strings mean "not set", as the docs allow
    r4 = api.list({"type": "voice", "limit": "", "skip": "", "page": ""})
    assert r4.get_json()["data"]["limit"] == 50
    r5 = api.list({"type": "voice", "skip": 100})
    assert ids(r5) == [] and r5.get_json()["data"]["totalResults"] == 6


def test_filters(api):
    r = api.list({"type": "voice", "filters": {"status": ["Active", "Paused"]}})
    assert set(ids(r)) == {WINTER, COLLECTIONS}
    r = api.list({"type": "voice", "filters": {"priority": [4, "5"]}})
    assert set(ids(r)) == {RENEWAL, FEEDBACK, LAUNCH, COLLECTIONS}
    r = api.list({"type": "voice", "filters": {"dialingMode": ["Agentless"]}})
    assert set(ids(r)) == {FEEDBACK, LAUNCH, SURVEY}
    r = api.list({"type": "voice", "filters": {"dialingMode": ["Preview"], "status": ["Active"]}})
    assert ids(r) == [WINTER]
    r = api.list({"type": "voice", "filters": {"status": []}})
    assert ids(r) == []


def test_date_range_on_created_at(api):
    r = api.list({"type": "voice", "startDate": "2025-12-01T00:00:00.000Z",
                  "endDate": "2025-12-31T23:59:59.999Z"})
    assert set(ids(r)) == {RENEWAL, WINTER}
    r = api.list({"type": "sms", "startDate": "2025-12-01T00:00:00Z"})
    assert ids(r, "id") == [PAYMENT]


@pytest.mark.parametrize("body,msg", [
    ({}, "type is required and must be voice or sms (got None)"),
    ({"type": "email"}, "type is required and must be voice or sms (got 'email')"),
    ({"type": "voice", "limit": 0}, "limit must be an integer 1..100 (got 0)"),
    ({"type": "voice", "limit": 101}, "limit must be an integer 1..100 (got 101)"),
    ({"type": "voice", "limit": "10"}, "limit must be an integer 1..100 (got '10')"),
    ({"type": "voice", "skip": -1}, "skip must be an integer >= 0 (got -1)"),
    ({"type": "voice", "page": 0}, "page must be an integer >= 1 (got 0)"),
    ({"type": "voice", "sortBy": {"name": "up"}}, "sortBy.name must be asc or desc (got 'up')"),
    ({"type": "voice", "sortBy": {"status": "asc"}},
     "sortBy field must be one of name, createdAt, updatedAt (got 'status')"),
    ({"type": "voice", "sortBy": {"name": "asc", "createdAt": "asc"}},
     "sortBy must be an object with one of name, createdAt, updatedAt"),
    ({"type": "voice", "filters": {"status": ["Running"]}},
     "filters.status values must be among Preparing, Ready, Active, Paused, Stopped, Completed, "
     "Scheduled, Rescheduled (got 'Running')"),
    ({"type": "voice", "filters": {"status": "Active"}}, "filters.status must be an array"),
    ({"type": "voice", "filters": {"priority": [6]}}, "filters.priority values must be 1..5 (got 6)"),
    ({"type": "sms", "filters": {"dialingMode": ["Preview"]}},
     "filters.dialingMode applies to voice campaigns only"),
    ({"type": "voice", "filters": {"name": "x"}}, "Unexpected field(s) in filters: name"),
    ({"type": "voice", "filter": {}}, "Unexpected field(s) in list body: filter"),
    ({"type": "voice", "startDate": "yesterday"},
     "startDate must be an ISO 8601 date-time like 2025-12-01T00:00:00.000Z (got 'yesterday')"),
])
def test_list_validation(api, body, msg):
    r = api.list(body)
    assert r.status_code == 400
    assert errmsg(r) == msg


SHARED = make_api(seed=[{"type": "voice", "name": "C%02d" % i, "_id": "cd-%02d" % i,
                         "createdAt": "2025-01-%02dT00:00:00.000Z" % (i + 1)} for i in range(23)])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(limit=st.integers(1, 30), order=st.sampled_from(["asc", "desc"]),
       field=st.sampled_from(["name", "createdAt", "updatedAt"]))
def test_pages_cover_everything_once(limit, order, field):
    seen, page = [], 1
    while True:
        r = SHARED.list({"type": "voice", "limit": limit, "page": page, "sortBy": {field: order}})
        d = r.get_json()["data"]
        seen += ids(r)
        assert d["totalPages"] == -(-23 // limit)
        if not d["hasMore"]:
            break
        page += 1
    assert len(seen) == 23 and len(set(seen)) == 23
    assert page == -(-23 // limit)


# -- faults that break paging (issue 17): endless_pages, shift_pages --------------------------------

def add_faults(api, *faults):
    r = api.control("POST", "/faults", {"faults": list(faults)})
    assert r.status_code == 200, r.get_json()
    return r


def test_endless_pages_ignores_skip_and_always_says_more(api):
    add_faults(api, {"kind": "endless_pages", "count": 3, "match": {"operation": "list_campaigns"}})
    first = api.list({"type": "voice", "limit": 2, "skip": 0}).get_json()["data"]
    second = api.list({"type": "voice", "limit": 2, "skip": 2}).get_json()["data"]
    assert first["hasMore"] and second["hasMore"] and second["skip"] == 2
    assert [c["_id"] for c in first["results"]] == [c["_id"] for c in second["results"]]
    last = api.list({"type": "voice", "limit": 50, "skip": 0}).get_json()["data"]
    assert last["hasMore"] and last["totalResults"] == 6  # the total stays the true one
    assert not api.list({"type": "voice", "limit": 50}).get_json()["data"]["hasMore"]  # used up


def test_shift_pages_completes_the_top_running_ones_and_inserts_new_ones_after_the_first_call(api):
    assert api.control("POST", "/reset", {"seed": "empty"}).status_code == 200
    for n in range(4):
        r = api.control("POST", "/campaigns", {"type": "voice", "name": "Run %d" % n, "status": "Active",
                                               "createdAt": "2030-01-0%dT00:00:00.000Z" % (n + 1)})
        assert r.status_code == 201
    add_faults(api, {"kind": "shift_pages", "after": 1, "complete": 2, "insert": 1,
                     "match": {"operation": "list_campaigns"}})
    body = {"type": "voice", "limit": 2, "filters": {"status": ["Active"]}}
    first = api.list(dict(body, skip=0)).get_json()["data"]
    assert [c["name"] for c in first["results"]] == ["Run 3", "Run 2"] and first["totalResults"] == 4
    second = api.list(dict(body, skip=2)).get_json()["data"]
    # Run 3 and Run 2 completed and a new one is on top: Run 1 slid onto page 1 and is never read
    assert [c["name"] for c in second["results"]] == ["Run 0"] and second["totalResults"] == 3
    names = [c["name"] for c in api.list(dict(body, skip=0, limit=50)).get_json()["data"]["results"]]
    assert names[0].startswith("Shifted ") and names[1:] == ["Run 1", "Run 0"]


@pytest.mark.parametrize("fault,message", [
    ({"kind": "shift_pages", "complete": -1}, "fault complete must be an integer 0..1000"),
    ({"kind": "status", "insert": 1}, "complete and insert apply to shift_pages faults only"),
    ({"kind": "drop", "after": "x"}, "fault after must be an integer >= 0"),
])
def test_paging_fault_options_are_checked(api, fault, message):
    r = api.control("POST", "/faults", {"faults": [fault]})
    assert r.status_code == 400 and message in r.get_json()["error"]


def test_statuses_shown_renamed_and_upper_case(api):
    r = api.control("POST", "/campaigns", {"type": "voice", "name": "Halted One", "status": "Stopped"})
    cid = r.get_json()["_id"]
    api.configure(shown_statuses={"Stopped": "Halted"}, status_case="upper_all")
    shown = {c["_id"]: c["status"] for c in api.list({"type": "voice"}).get_json()["data"]["results"]}
    assert shown[cid] == "HALTED" and all(s == s.upper() for s in shown.values())
    assert api.status(cid).get_json()["data"]["status"] == "HALTED"
    assert api.control("POST", "/config", {"shown_statuses": {"Nope": "x"}}).status_code == 400
