"""Contacts of contact lists (API §8.3): addContacts (both addressings, both answer shapes,
every refusal, duplicates, limits, the asynchronous delay), getAllContacts (v2 and v1,
paging), totalRecordCount, the request log and faults, and the control API and seeds."""

import pytest
from contact_helpers import CL_ONLY, UNUSED, add, add_path, all_contacts, new_list, numbers, seed
from sandbox_helpers import Api, errmsg, make_api

from koreai_sandbox import contacts as contacts_mod
from koreai_sandbox import create_app

JULY = "Renewal Due - July 2025"  # the add-contacts page's list (allowDuplicates: true)


def clock_api(**config):
    now = [1000.0]
    app = create_app(clock=lambda: now[0], **config)
    app.testing = True
    return Api(app), now


def contacts_of(api, clid, query=""):
    r = all_contacts(api, clid, query)
    assert r.status_code == 200, r.get_json()
    return r.get_json()["data"]


def total(api, clid):
    r = api.call("GET", "/campaign/api/v2/public/%s/campaign/contactList/%s" % (api.sid, clid))
    return r.get_json()["data"]["totalRecordCount"]


# --- add: addressing and answers ---------------------------------------------------------------

def test_add_by_name_answers_in_progress_and_shows_the_contacts(api):
    body = {"contact_list_name": JULY, "data": [
        {"phoneNumber": "+14155550123", "firstName": "Ada", "lastName": "Lovelace",
         "timeZone": "America/New_York", "uniqueId": "A-1", "contactPriority": 2,
         "plan": "gold", "balance": 12.5, "vip": True}]}
    r = add(api, body)
    assert r.status_code == 200
    assert r.get_json() == {"message": "Adding contacts to public list is in progress"}
    data = contacts_of(api, UNUSED)
    (row,) = data["results"]
    assert list(row)[:4] == ["_id", "createdAt", "updatedAt", "phoneNumber"]  # the sample's order
    assert row["_id"].startswith("cc-") and row["createdAt"] == row["updatedAt"]
    assert {k: row[k] for k in list(row)[4:]} == {
        "firstName": "Ada", "lastName": "Lovelace", "timeZone": "America/New_York",
        "uniqueId": "A-1", "contactPriority": 2, "plan": "gold", "balance": 12.5, "vip": True}
    assert total(api, UNUSED) == 1
    entry = api.log()[0]
    assert entry["operation"] == "add_contacts" and entry["write"] is True
    assert entry["route"] == "add-contacts" and entry["status_code"] == 200
    assert entry["contact_list_id"] == UNUSED and entry["contact_list_name"] == JULY


def test_add_by_contact_list_id(api):
    r = add(api, {"contactListId": UNUSED, "data": numbers(3)})
    assert r.status_code == 200
    assert [c["phoneNumber"] for c in contacts_of(api, UNUSED)["results"]] == [
        "+14155550000", "+14155550001", "+14155550002"]
    assert api.log()[0]["contact_list_name"] == JULY


@pytest.mark.parametrize("answer,query,expected", [
    ("queued", "", {"status": "success", "message": "Contacts queued for addition."}),
    ("in_progress", "?accountId=%s", {"message": "Adding contacts to public list is in progress"}),
    ("by_query", "?accountId=%s", {"status": "success", "message": "Contacts queued for addition."}),
    ("by_query", "", {"message": "Adding contacts to public list is in progress"}),
])
def test_answer_shapes(answer, query, expected):
    api = make_api(add_contacts_answer=answer)
    r = add(api, {"contact_list_name": JULY, "data": numbers(1)},
            query=query % api.account if "%s" in query else query)
    assert r.status_code == 200 and r.get_json() == expected


def test_older_variant_query_account_must_match(api):
    r = add(api, {"contact_list_name": JULY, "data": numbers(1)}, query="?accountId=other")
    assert r.status_code == 400
    assert errmsg(r) == "Query parameter accountId does not match the accountId header"


def test_auth_and_headers_as_everywhere(api):
    body = {"contact_list_name": JULY, "data": numbers(1)}
    assert add(api, body, auth=None).status_code == 401
    assert add(api, body, iid="st-other").status_code == 401
    assert add(api, body, accountId="other").status_code == 401
    assert api.call("GET", add_path(api)).status_code == 405
    assert total(api, UNUSED) == 0


# --- add: every refusal ----------------------------------------------------------------------

BAD = [
    ({"data": numbers(1)},
     "Give exactly one of contact_list_name (the list's name) or contactListId (its cl- id) "
     "(got neither)"),
    ({"contact_list_name": JULY, "contactListId": UNUSED, "data": numbers(1)},
     "Give exactly one of contact_list_name (the list's name) or contactListId (its cl- id) "
     "(got contact_list_name and contactListId)"),
    ({"contact_list_name": "", "data": numbers(1)},
     "contact_list_name must be a non-empty string (got '')"),
    ({"contact_list_name": "No Such List", "data": numbers(1)},
     "Contact list No Such List does not exist"),
    ({"contact_list_name": JULY.upper(), "data": numbers(1)},
     "Contact list RENEWAL DUE - JULY 2025 does not exist (names are matched exactly: did you "
     "mean Renewal Due - July 2025?)"),
    ({"contactListId": "cl-nope", "data": numbers(1)}, "Contact list with id cl-nope does not exist"),
    ({"contact_list_name": JULY}, "data is required: a list of 1 to 100 contact objects"),
    ({"contact_list_name": JULY, "data": []}, "data must hold at least one contact"),
    ({"contact_list_name": JULY, "data": {"phoneNumber": "+14155550123"}},
     "data must be a list of contact objects (got an object)"),
    ({"contact_list_name": JULY, "data": numbers(101)},
     "data holds 101 contacts; at most 100 may be added in one call"),
    ({"contact_list_name": JULY, "data": numbers(1), "source": "api"},
     "Unexpected field(s) in addContacts body: source"),
    ({"contact_list_name": JULY, "data": ["+14155550123"]},
     "data[0] must be an object with at least phoneNumber (got str)"),
    ({"contact_list_name": JULY, "data": numbers(2) + [{"firstName": "No Number"}]},
     "data[2].phoneNumber is required"),
    ({"contact_list_name": JULY, "data": [{"phoneNumber": "9122333445566"}]},
     "data[0].phoneNumber must be an E.164 number: \"+\", then 7 to 15 digits, the first not 0, "
     "like +14155550123 (got '9122333445566')"),
    ({"contact_list_name": JULY, "data": [{"phoneNumber": "+0155550123"}]},
     "data[0].phoneNumber must be an E.164 number: \"+\", then 7 to 15 digits, the first not 0, "
     "like +14155550123 (got '+0155550123')"),
    ({"contact_list_name": JULY, "data": [{"phoneNumber": "+141555"}]},
     "data[0].phoneNumber must be an E.164 number: \"+\", then 7 to 15 digits, the first not 0, "
     "like +14155550123 (got '+141555')"),
    ({"contact_list_name": JULY, "data": [{"phoneNumber": "+1234567890123456"}]},
     "data[0].phoneNumber must be an E.164 number: \"+\", then 7 to 15 digits, the first not 0, "
     "like +14155550123 (got '+1234567890123456')"),
    ({"contact_list_name": JULY, "data": [{"phoneNumber": "+181633xxxxx"}]},
     "data[0].phoneNumber must be an E.164 number: \"+\", then 7 to 15 digits, the first not 0, "
     "like +14155550123 (got '+181633xxxxx')"),
    ({"contact_list_name": JULY, "data": [{"phoneNumber": 14155550123}]},
     "data[0].phoneNumber must be an E.164 number: \"+\", then 7 to 15 digits, the first not 0, "
     "like +14155550123 (got 14155550123)"),
    ({"contact_list_name": JULY, "data": [{"phoneNumber": "+14155550123", "timeZone": "EST5"}]},
     "data[0].timeZone must be an IANA time zone like America/New_York (got 'EST5')"),
    ({"contact_list_name": JULY, "data": [{"phoneNumber": "+14155550123", "timeZone": "Mars/Base"}]},
     "data[0].timeZone must be an IANA time zone like America/New_York (got 'Mars/Base')"),
    ({"contact_list_name": JULY, "data": [{"phoneNumber": "+14155550123", "contactPriority": 6}]},
     "data[0].contactPriority must be a whole number 1..5, as a number or a digit string (got 6)"),
    ({"contact_list_name": JULY, "data": [{"phoneNumber": "+14155550123", "contactPriority": 0}]},
     "data[0].contactPriority must be a whole number 1..5, as a number or a digit string (got 0)"),
    ({"contact_list_name": JULY, "data": [{"phoneNumber": "+14155550123", "contactPriority": 2.5}]},
     "data[0].contactPriority must be a whole number 1..5, as a number or a digit string (got 2.5)"),
    ({"contact_list_name": JULY, "data": [{"phoneNumber": "+14155550123", "contactPriority": "high"}]},
     "data[0].contactPriority must be a whole number 1..5, as a number or a digit string "
     "(got 'high')"),
    ({"contact_list_name": JULY, "data": [{"phoneNumber": "+14155550123", "contactPriority": True}]},
     "data[0].contactPriority must be a whole number 1..5, as a number or a digit string "
     "(got True)"),
    ({"contact_list_name": JULY, "data": [{"phoneNumber": "+14155550123", "tags": ["a"]}]},
     "data[0].tags must be a string, number or boolean, not a list"),
    ({"contact_list_name": JULY, "data": [{"phoneNumber": "+14155550123", "address": {"c": "x"}}]},
     "data[0].address must be a string, number or boolean, not an object"),
    ({"contact_list_name": JULY, "data": [{"phoneNumber": "+14155550123", "firstName": None}]},
     "data[0].firstName must be a string, number or boolean, not null"),
    ({"contact_list_name": JULY, "data": [{"phoneNumber": "+14155550123", "_id": "cc-mine"}]},
     "data[0]._id is set by the platform and cannot be sent"),
    ({"contact_list_name": JULY, "data": [{"phoneNumber": "+14155550123", " ": "x"}]},
     "data[0] has a field with an empty name"),
]


@pytest.mark.parametrize("body,msg", BAD)
def test_add_refusals_are_400_and_add_nothing(api, body, msg):
    r = add(api, body)
    assert r.status_code == 400 and errmsg(r) == msg
    assert total(api, UNUSED) == 0 and contacts_of(api, UNUSED)["results"] == []
    assert api.log()[0]["operation"] == "add_contacts" and api.log()[0]["write"] is True


def test_add_refusals_in_tolerant_mode_too(tolerant):
    r = add(tolerant, {"contact_list_name": JULY, "data": []})
    assert r.status_code == 400


def test_priority_as_digit_string_and_scalars_kept_as_sent(api):
    data = [{"phoneNumber": "+14155550123", "contactPriority": "5", "uniqueId": 42},
            {"phoneNumber": "+14155550124", "contactPriority": 1, "timeZone": "Asia/Kolkata"}]
    assert add(api, {"contact_list_name": JULY, "data": data}).status_code == 200
    rows = contacts_of(api, UNUSED)["results"]
    assert rows[0]["contactPriority"] == "5" and rows[0]["uniqueId"] == 42
    assert rows[1]["contactPriority"] == 1


def test_exactly_100_per_call_is_fine(api):
    assert add(api, {"contact_list_name": JULY, "data": numbers(100)}).status_code == 200
    assert total(api, UNUSED) == 100


# --- duplicates and limits --------------------------------------------------------------------

def test_duplicates_dropped_without_allow_duplicates(api):
    clid = new_list(api, "No Dupes", allow_duplicates=False)
    data = numbers(3) + numbers(2)  # two repeats inside the call
    assert add(api, {"contactListId": clid, "data": data}).status_code == 200
    assert add(api, {"contactListId": clid, "data": numbers(4)}).status_code == 200  # 1 new
    rows = contacts_of(api, clid)["results"]
    assert [r["phoneNumber"] for r in rows] == ["+14155550000", "+14155550001", "+14155550002",
                                                "+14155550003"]
    assert total(api, clid) == 4


def test_duplicates_kept_with_allow_duplicates(api):
    clid = new_list(api, "Dupes Welcome", allow_duplicates=True)
    add(api, {"contactListId": clid, "data": numbers(2) + numbers(2)})
    add(api, {"contactListId": clid, "data": numbers(1)})
    assert total(api, clid) == 5 and contacts_of(api, clid)["totalResults"] == 5


def test_seeded_file_list_without_duplicates(api):
    # The get-all sample's list (allowDuplicates false) keeps its seeded count of 1.
    assert total(api, CL_ONLY) == 1
    add(api, {"contactListId": CL_ONLY, "data": numbers(2) + numbers(1)})
    assert total(api, CL_ONLY) == 3 and contacts_of(api, CL_ONLY)["totalResults"] == 2


def test_list_and_account_limits(api, monkeypatch):
    monkeypatch.setattr(contacts_mod, "LIST_LIMIT", 150)
    assert add(api, {"contact_list_name": JULY, "data": numbers(100)}).status_code == 200
    r = add(api, {"contact_list_name": JULY, "data": numbers(51, start=100)})
    assert r.status_code == 400
    assert errmsg(r) == ("Contact list Renewal Due - July 2025 would hold 151 contacts; a list "
                         "holds at most 150 (it has 100)")
    assert add(api, {"contact_list_name": JULY, "data": numbers(50, start=100)}).status_code == 200
    assert total(api, UNUSED) == 150

    monkeypatch.setattr(contacts_mod, "ACCOUNT_LIMIT", 160)
    other = new_list(api, "Second List", allow_duplicates=True)
    r = add(api, {"contactListId": other, "data": numbers(11)})
    assert r.status_code == 400
    assert errmsg(r) == "The account would hold 161 contacts; an account holds at most 160"


def test_duplicates_do_not_count_toward_the_limit(api, monkeypatch):
    monkeypatch.setattr(contacts_mod, "LIST_LIMIT", 3)
    clid = new_list(api, "Tiny", allow_duplicates=False)
    assert add(api, {"contactListId": clid, "data": numbers(3)}).status_code == 200
    assert add(api, {"contactListId": clid, "data": numbers(3)}).status_code == 200  # all dropped
    assert add(api, {"contactListId": clid, "data": numbers(1, start=9)}).status_code == 400


def test_one_million_is_the_documented_limit():
    assert contacts_mod.LIST_LIMIT == 1000000 and contacts_mod.ACCOUNT_LIMIT == 5000000
    assert contacts_mod.MAX_PER_CALL == 100


# --- asynchronous: delay in seconds and in reads -------------------------------------------------

def test_contacts_delay_seconds():
    api, now = clock_api(contacts_delay=5)
    add(api, {"contact_list_name": JULY, "data": numbers(2)})
    assert contacts_of(api, UNUSED)["totalResults"] == 0 and total(api, UNUSED) == 0
    (pending,) = api.control("GET", "/contact_lists/%s/pending" % UNUSED).get_json()["pending"]
    assert pending["contacts"] == 2 and pending["seconds_left"] == 5 and pending["reads_left"] == 0
    now[0] += 4.9
    assert contacts_of(api, UNUSED)["totalResults"] == 0
    now[0] += 0.1
    assert contacts_of(api, UNUSED)["totalResults"] == 2 and total(api, UNUSED) == 2
    assert api.control("GET", "/contact_lists/%s/pending" % UNUSED).get_json() == {"pending": []}


def test_contacts_delay_reads_and_order_kept():
    api = make_api(contacts_delay_reads=2)
    add(api, {"contact_list_name": JULY, "data": numbers(1)})
    assert contacts_of(api, UNUSED)["totalResults"] == 0   # read 1 misses it
    add(api, {"contact_list_name": JULY, "data": numbers(1, start=1)})
    assert total(api, UNUSED) == 0                          # read 2 (get list) misses it
    data = contacts_of(api, UNUSED)                         # read 3: the first add shows
    assert [r["phoneNumber"] for r in data["results"]] == ["+14155550000"]
    assert contacts_of(api, UNUSED)["totalResults"] == 2     # the second has had its 2 reads
    # The list of lists counts as a read of each list.
    add(api, {"contact_list_name": JULY, "data": numbers(1, start=2)})
    path = "/campaign/api/v2/public/%s/campaign/contactList/getAllListDetails" % api.sid
    for _read in range(2):
        api.call("GET", path)
    assert contacts_of(api, UNUSED)["totalResults"] == 3


def test_control_reads_do_not_count_and_flush_shows_at_once():
    api = make_api(contacts_delay_reads=1, contacts_delay=60)
    add(api, {"contact_list_name": JULY, "data": numbers(3)})
    for _read in range(3):
        assert api.control("GET", "/contact_lists/%s/contacts" % UNUSED).get_json()["total"] == 0
    (pending,) = api.control("GET", "/contact_lists/%s/pending" % UNUSED).get_json()["pending"]
    assert pending["reads_left"] == 1 and pending["contacts"] == 3
    r = api.control("POST", "/contact_lists/%s/pending" % UNUSED)
    assert r.get_json() == {"flushed": 3, "totalRecordCount": 3}
    assert contacts_of(api, UNUSED)["totalResults"] == 3


def test_duplicates_of_pending_contacts_are_dropped():
    api = make_api(contacts_delay_reads=5)
    clid = new_list(api, "Slow List", allow_duplicates=False)
    add(api, {"contactListId": clid, "data": numbers(2)})
    add(api, {"contactListId": clid, "data": numbers(3)})
    api.control("POST", "/contact_lists/%s/pending" % clid)
    assert contacts_of(api, clid)["totalResults"] == 3


# --- getAllContacts -----------------------------------------------------------------------------

def test_get_all_contacts_pages_of_50_stable_order(api):
    seed(api, UNUSED, count=120)
    first = contacts_of(api, UNUSED)
    assert first["skip"] == 0 and first["limit"] == 50 and first["hasMore"] is True
    assert first["totalPages"] == 3 and first["totalResults"] == 120
    seen = []
    for skip in (0, 50, 100):
        page = contacts_of(api, UNUSED, "?skip=%d&limit=50&accountId=%s" % (skip, api.account))
        seen.extend(r["phoneNumber"] for r in page["results"])
    assert seen == ["+1555%07d" % i for i in range(120)]
    last = contacts_of(api, UNUSED, "?skip=100")
    assert len(last["results"]) == 20 and last["hasMore"] is False
    assert contacts_of(api, UNUSED, "?skip=500")["results"] == []
    assert contacts_of(api, UNUSED, "?offset=110&limit=5")["results"][0]["phoneNumber"] == "+15550000110"
    entry = api.last()
    assert entry["operation"] == "get_all_contacts" and entry["write"] is False
    assert entry["route"] == "contacts-v2" and entry["contact_list_id"] == UNUSED


def test_get_all_contacts_v1_and_404(api):
    seed(api, UNUSED, count=3)
    r = all_contacts(api, UNUSED, v1=True)
    assert r.status_code == 200 and r.get_json()["data"]["totalResults"] == 3
    assert api.last()["route"] == "contacts-v1"
    r = all_contacts(api, "cl-nope")
    assert r.status_code == 404 and errmsg(r) == "Contact list with id cl-nope not found"


def test_get_all_contacts_empty_list_matches_sample_shape(api):
    r = all_contacts(api, UNUSED, "?accountId=%s" % api.account)
    assert r.get_json() == {"status": "success", "message": "Contacts retrieved successfully",
                            "data": {"results": [], "skip": 0, "limit": 50, "hasMore": False,
                                     "totalPages": 0, "totalResults": 0}}


@pytest.mark.parametrize("query,msg", [
    ("?limit=51", "Query parameter limit must be an integer 1..50 (got '51')"),
    ("?limit=0", "Query parameter limit must be an integer 1..50 (got '0')"),
    ("?limit=ten", "Query parameter limit must be an integer 1..50 (got 'ten')"),
    ("?skip=-1", "Query parameter skip must be an integer >= 0 (got '-1')"),
    ("?skip=1.5", "Query parameter skip must be an integer >= 0 (got '1.5')"),
    ("?skip=1&skip=2", "Query parameter skip must be given only once"),
    ("?skip=1&offset=1", "Give skip or offset, not both (they are the same thing)"),
])
def test_get_all_contacts_query_rules(api, query, msg):
    r = all_contacts(api, UNUSED, query)
    assert r.status_code == 400 and errmsg(r) == msg


def test_fault_injection_matches_the_new_operations(api):
    api.control("POST", "/faults", {"faults": [
        {"kind": "status", "status": 503, "match": {"operation": "add_contacts"}}]})
    assert add(api, {"contact_list_name": JULY, "data": numbers(1)}).status_code == 503
    assert total(api, UNUSED) == 0  # apply:false: not processed
    api.control("POST", "/faults", {"faults": [
        {"kind": "status", "status": 502, "apply": True, "match": {"operation": "add_contacts"}}]})
    assert add(api, {"contact_list_name": JULY, "data": numbers(1)}).status_code == 502
    assert total(api, UNUSED) == 1  # the write happened anyway
    api.control("POST", "/faults", {"faults": [
        {"kind": "status", "status": 500, "match": {"operation": "get_all_contacts"}}]})
    assert all_contacts(api, UNUSED).status_code == 500


# --- control API and seeds -----------------------------------------------------------------------

def test_control_seed_contacts_generated_and_listed(api):
    out = seed(api, UNUSED, count=5, start=10, fields={"timeZone": "Europe/Paris"})
    assert out == {"added": 5, "dropped_duplicates": 0, "totalRecordCount": 5, "pending": 0}
    rows = api.control("GET", "/contact_lists/%s/contacts?skip=1&limit=2" % UNUSED).get_json()
    assert rows["total"] == 5 and rows["pending"] == 0
    assert [(c["phoneNumber"], c["uniqueId"], c["timeZone"]) for c in rows["contacts"]] == [
        ("+15550000011", "11", "Europe/Paris"), ("+15550000012", "12", "Europe/Paris")]
    listed = api.control("GET", "/contact_lists/" + UNUSED).get_json()
    assert listed["totalRecordCount"] == 5 and listed["sandbox"] == {"contacts": 5, "pending": 0}


def test_control_seed_contacts_given_pending_and_bad(api):
    given = [{"phoneNumber": "+14155550123", "_id": "cc-fixed", "createdAt": "2025-12-09T04:28:44.832Z"}]
    seed(api, UNUSED, contacts=given)
    (row,) = contacts_of(api, UNUSED)["results"]
    assert row == {"_id": "cc-fixed", "createdAt": "2025-12-09T04:28:44.832Z",
                   "updatedAt": "2025-12-09T04:28:44.832Z", "phoneNumber": "+14155550123"}
    api.configure(contacts_delay_reads=1)
    out = seed(api, UNUSED, count=2, pending=True)
    assert out["added"] == 2 and out["pending"] == 2
    for bad in ({"contacts": [{"phoneNumber": "555"}]}, {"count": -1}, {"count": 2, "prefix": "1"},
                {"count": 1, "colour": "red"}, {"contacts": [{}], "count": 1},
                {"count": 1, "pending": "yes"}):
        r = api.control("POST", "/contact_lists/%s/contacts" % UNUSED, bad)
        assert r.status_code == 400 and "error" in r.get_json(), bad
    assert api.control("POST", "/contact_lists/cl-nope/contacts", {"count": 1}).status_code == 404
    assert api.control("DELETE", "/contact_lists/%s/contacts" % UNUSED).status_code == 405


def test_reset_seed_with_contacts_inside_lists(api):
    seed_spec = {"contact_lists": [
        {"name": "Seeded With Contacts", "_id": "cl-seeded", "allowDuplicates": False,
         "contacts": [{"phoneNumber": "+14155550123", "firstName": "Ada"},
                      {"phoneNumber": "+14155550123"}]},
        {"name": "Seeded By Count", "contacts": {"count": 250}}],
        "campaigns": []}
    assert api.control("POST", "/reset", {"seed": seed_spec}).status_code == 200
    data = contacts_of(api, "cl-seeded")
    assert data["totalResults"] == 1 and data["results"][0]["firstName"] == "Ada"
    assert total(api, "cl-seeded") == 1
    bad = {"contact_lists": [{"name": "Bad", "contacts": [{"phoneNumber": "0"}]}]}
    r = api.control("POST", "/reset", {"seed": bad})
    assert r.status_code == 400 and "phoneNumber" in r.get_json()["error"]


def test_seed_file_with_contacts(tmp_path):
    path = tmp_path / "seed.json"
    path.write_text('{"contact_lists": [{"name": "From File", "_id": "cl-file", '
                    '"contacts": {"count": 3, "prefix": "+4420"}}]}')
    api = make_api(seed=str(path))
    rows = contacts_of(api, "cl-file")["results"]
    assert [r["phoneNumber"] for r in rows] == ["+44200000000", "+44200000001", "+44200000002"]


def test_one_hundred_thousand_contacts_seed_quickly(api):
    out = seed(api, UNUSED, count=100000)
    assert out["added"] == 100000 and out["totalRecordCount"] == 100000
    page = contacts_of(api, UNUSED, "?skip=99990&limit=50")
    assert page["totalResults"] == 100000 and len(page["results"]) == 10
    assert page["results"][-1]["phoneNumber"] == "+15550099999"
