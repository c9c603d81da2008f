"""Contact lists (API §1.2): create, list (GET and POST), get, update, delete, v1 paths, the
default seed's lists, campaignInUse, the in-use delete refusal (strict vs tolerant) and the
control API."""

import pytest
from sandbox_helpers import (FEEDBACK, INTERACTIVE, LAUNCH, RENEWAL, SURVEY, WINTER, errmsg,
                             make_api)

from koreai_sandbox import start_sandbox

CL_ONLY = "cl-a87db5d-bd29-4327-ab8c-a7ac000xxxxx"      # "CL Only 2020 Dec 4" (RENEWAL)
DNC = "cl-68b802a-2b99-4245-8eea-6d322a8xxxxx"          # "DNC CL Dec 4" (all seeded voice)
MAY_JUNE = "cl-718e888-3aca-4008-973e-6d79940xxxxx"     # "Renewal Due - May/June 2025"
UNUSED = "cl-2259a6e-250d-4e30-95a8-9b813c1xxxxx"       # "Renewal Due - July 2025"

# create-contact-list-v2 sample body.
SAMPLE = {
    "name": "Renewal Due 1- July 2025",
    "description": "This list contains customers with services expiring in July 2025. It includes "
                   "contact details and subscription info to help agents provide tailored "
                   "support during live calls.",
    "source": "passiveApi",
    "allowDuplicates": True,
}
FULL_KEYS = ["_id", "isActive", "name", "description", "totalRecordCount", "status", "createdBy",
             "updatedBy", "mapping", "isListInUse", "listType", "isGlobalDNC", "isDefault",
             "campaignInUse", "source", "apiConfigurations", "columns", "files", "createdAt",
             "updatedAt", "allowDuplicates"]


def cl_path(api, rest, v1=False):
    if v1:
        return "/agentassist/api/v1/public/%s/campaign/contactList%s" % (api.sid, rest)
    return "/campaign/api/v2/public/%s/campaign/contactList%s" % (api.sid, rest)


def create_list(api, body, v1=False):
    return api.call("POST", cl_path(api, "/createContactList?accountId=" + api.account, v1),
                    body=body)


def all_lists(api, method="GET", body=None, query="?type=call", v1=False):
    q = query + ("&" if query else "?") + "accountId=" + api.account
    return api.call(method, cl_path(api, "/getAllListDetails" + q, v1), body=body)


def by_name(api):
    return {x["name"]: x for x in all_lists(api).get_json()["data"]}


def get_list(api, cl_id, v1=False):
    return api.call("GET", cl_path(api, "/%s?accountId=%s" % (cl_id, api.account), v1))


def put_list(api, cl_id, body):
    return api.call("PUT", cl_path(api, "/%s?accountId=%s" % (cl_id, api.account)), body=body)


def delete_list(api, cl_id, v1=False):
    return api.call("DELETE", cl_path(api, "/%s?accountId=%s" % (cl_id, api.account), v1))


# --- seed -------------------------------------------------------------------------------------

def test_default_seed_has_every_list_the_campaigns_use(api):
    lists = by_name(api)
    used = set()
    for c in api.control("GET", "/campaigns").get_json()["campaigns"]:
        used.update(c["contactLists"])
        if c.get("dncLists"):
            used.add(c["dncLists"]["name"])
    assert used <= set(lists)
    assert {"CL Only 2020 Dec 4", "DNC CL Dec 4", "Renewal Due - May/June 2025"} <= used
    assert lists["Renewal Due - July 2025"]["campaignInUse"] == []
    assert lists["DNC CL Dec 4"]["_id"] == DNC
    assert lists["CL Only 2020 Dec 4"]["_id"] == CL_ONLY
    assert lists["CL Only 2020 Dec 4"]["status"] == "Validated"
    assert lists["Renewal Due - May/June 2025"]["_id"] == MAY_JUNE
    # dncLists.id of every seeded voice campaign is the DNC list's id.
    for c in api.control("GET", "/campaigns?type=voice").get_json()["campaigns"]:
        assert c["dncLists"] == {"id": DNC, "name": "DNC CL Dec 4"}


def test_seed_campaigns_unchanged(api):
    renewal = api.get(RENEWAL).get_json()["data"]
    assert renewal["contactLists"] == ["CL Only 2020 Dec 4"]
    assert renewal["updatedAt"] == "2025-12-05T06:31:23.308Z"
    assert len(api.control("GET", "/campaigns").get_json()["campaigns"]) == 9


# --- create -----------------------------------------------------------------------------------

def test_create_documented_response(api):
    r = create_list(api, SAMPLE)
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body["status"] == "success"
    assert body["message"] == "Contact list Renewal Due 1- July 2025 created successfully"
    data = body["data"]
    assert list(data) == ["isActive", "name", "description", "totalRecordCount", "status",
                          "createdBy", "updatedBy", "mapping", "isListInUse", "listType",
                          "isGlobalDNC", "isDefault", "campaignInUse", "source",
                          "apiConfigurations", "columns", "files", "createdAt", "updatedAt",
                          "_id", "allowDuplicates"]
    assert data["_id"].startswith("cl-")
    assert {k: data[k] for k in ("isActive", "totalRecordCount", "status", "isListInUse",
                                 "listType", "isGlobalDNC", "isDefault", "campaignInUse",
                                 "source", "apiConfigurations", "columns", "files",
                                 "allowDuplicates")} == {
        "isActive": True, "totalRecordCount": 0, "status": "Ready", "isListInUse": False,
        "listType": "call", "isGlobalDNC": False, "isDefault": False, "campaignInUse": [],
        "source": "passiveApi", "apiConfigurations": {"dataSyncMode": "allowDuplicates"},
        "columns": [], "files": [], "allowDuplicates": True}
    assert data["mapping"] == {"firstName": "firstName", "lastName": "lastName",
                               "phoneNumber": "phoneNumber", "timeZone": "timeZone",
                               "uniqueId": "uniqueId", "contactPriority": "contactPriority"}
    assert data["createdBy"].startswith("u-") and data["createdAt"] == data["updatedAt"]
    entry = api.last()
    assert entry["operation"] == "create_contact_list" and entry["write"] is True
    assert entry["route"] == "contact-list-create-v2"
    assert entry["contact_list_id"] == data["_id"]
    assert entry["contact_list_name"] == SAMPLE["name"] and entry["campaign_id"] is None
    got = get_list(api, data["_id"]).get_json()["data"]
    assert list(got) == FULL_KEYS and got["name"] == SAMPLE["name"]


def test_create_allow_duplicates_defaults_false(api):
    body = {k: v for k, v in SAMPLE.items() if k != "allowDuplicates"}
    data = create_list(api, body).get_json()["data"]
    assert data["allowDuplicates"] is False
    assert data["apiConfigurations"] == {"dataSyncMode": "skipDuplicates"}


@pytest.mark.parametrize("mode", ["strict", "tolerant"])
def test_create_duplicate_name_409(mode):
    api = make_api(mode=mode)
    r = create_list(api, dict(SAMPLE, name="cl only 2020 DEC 4"))
    assert r.status_code == 409
    assert errmsg(r) == "Contact list with name cl only 2020 DEC 4 already exists"
    assert create_list(api, SAMPLE).status_code == 200
    assert create_list(api, dict(SAMPLE, name=SAMPLE["name"].upper())).status_code == 409


@pytest.mark.parametrize("body,msg", [
    ({"description": "d", "source": "passiveApi"}, "name is required"),
    (dict(SAMPLE, name=""), "name must be a non-empty string"),
    (dict(SAMPLE, name="n" * 49), "name must be at most 48 characters (got 49)"),
    (dict(SAMPLE, name=7), "name must be a non-empty string (got 7)"),
    ({"name": "x", "source": "passiveApi"}, "description is required"),
    (dict(SAMPLE, description="d" * 257), "description must be at most 256 characters (got 257)"),
    ({"name": "x", "description": "d"}, "source is required and must be passiveApi (got None)"),
    (dict(SAMPLE, source="localDrive"), "source is required and must be passiveApi"),
    (dict(SAMPLE, source="passiveApiIntegration"), "source is required and must be passiveApi"),
    (dict(SAMPLE, allowDuplicates="yes"), "allowDuplicates must be true or false (got 'yes')"),
    (dict(SAMPLE, name1="typo"), "Unexpected field(s) in contact list body: name1"),
])
def test_create_validation(api, body, msg):
    r = create_list(api, body)
    assert r.status_code == 400, r.get_json()
    assert msg in errmsg(r)
    assert SAMPLE["name"] not in by_name(api)


def test_create_v1_path_accepts_its_sample_source(api):
    r = create_list(api, dict(SAMPLE, source="passiveApiIntegration"), v1=True)
    assert r.status_code == 200
    assert r.get_json()["data"]["source"] == "passiveApi"
    assert api.last()["route"] == "contact-list-create-v1"
    # The v1 page's typo "name1" is refused like any unknown field.
    r = create_list(api, {"name1": "X", "description": "d", "source": "passiveApi"}, v1=True)
    assert r.status_code == 400


# --- list / get -------------------------------------------------------------------------------

def test_list_documented_shape_get_and_post(api):
    r = all_lists(api)
    assert r.status_code == 200
    body = r.get_json()
    assert body["status"] == "success" and body["message"] == ""
    rows = body["data"]
    assert isinstance(rows, list) and len(rows) == len(api.state.all_contact_lists())
    row = [x for x in rows if x["_id"] == MAY_JUNE][0]
    assert list(row) == ["_id", "name", "description", "files", "totalRecordCount", "status",
                         "mapping", "isListInUse", "listType", "campaignInUse", "source",
                         "apiConfigurations", "columns", "updatedAt"]
    updated = [x["updatedAt"] for x in rows]
    assert updated == sorted(updated, reverse=True)
    assert api.last()["operation"] == "list_contact_lists" and api.last()["write"] is False

    # The page says POST; its curl sends no body (a GET). Both are served, with or without {}.
    assert all_lists(api, "POST", body=None).get_json()["data"] == rows
    assert all_lists(api, "POST", body={}).get_json()["data"] == rows
    assert all_lists(api, query="").status_code == 200  # type is optional
    assert all_lists(api, v1=True).get_json()["data"] == rows
    assert api.last()["route"] == "contact-lists-v1"


@pytest.mark.parametrize("method,body,query,msg", [
    ("GET", None, "?type=sms", "Query parameter type must be call (got 'sms')"),
    ("POST", {"type": "call"}, "", "Request body must be empty or {} for getAllListDetails"),
    ("POST", "[]", "", "Request body must be a JSON object"),
])
def test_list_rules(api, method, body, query, msg):
    r = all_lists(api, method, body=body, query=query)
    assert r.status_code == 400 and errmsg(r) == msg


def test_campaign_in_use_and_list_in_use(api):
    lists = by_name(api)
    assert lists["CL Only 2020 Dec 4"]["campaignInUse"] == [
        {"id": RENEWAL, "name": "Service Renewal Outreach Campaign61"}]
    assert lists["CL Only 2020 Dec 4"]["isListInUse"] is False  # its campaign is not running
    dnc_users = {x["id"] for x in lists["DNC CL Dec 4"]["campaignInUse"]}
    assert {RENEWAL, FEEDBACK, WINTER, LAUNCH, SURVEY} <= dnc_users
    assert lists["DNC CL Dec 4"]["isListInUse"] is True  # WINTER is Active
    assert lists["Renewal Due - May/June 2025"]["campaignInUse"] == [
        {"id": INTERACTIVE, "name": "Interactive Support SMS Campaign"}]

    assert api.trigger(RENEWAL, "voice", "play").status_code == 200
    assert by_name(api)["CL Only 2020 Dec 4"]["isListInUse"] is True
    assert api.delete(INTERACTIVE, "sms").status_code == 200
    assert by_name(api)["Renewal Due - May/June 2025"]["campaignInUse"] == []


def test_get_documented_shape_and_404(api):
    r = get_list(api, MAY_JUNE)
    assert r.status_code == 200
    body = r.get_json()
    assert body["status"] == "success" and body["message"] == ""
    data = body["data"]
    assert list(data) == FULL_KEYS
    assert data["name"] == "Renewal Due - May/June 2025"
    assert data["createdAt"] == "2025-12-05T10:30:57.258Z"
    assert data["updatedAt"] == "2025-12-05T10:35:41.551Z"
    assert data["campaignInUse"] == [{"id": INTERACTIVE, "name": "Interactive Support SMS Campaign"}]
    entry = api.last()
    assert entry["operation"] == "get_contact_list" and entry["route"] == "contact-list-v2"
    assert entry["contact_list_id"] == MAY_JUNE
    assert entry["contact_list_name"] == "Renewal Due - May/June 2025"
    assert get_list(api, MAY_JUNE, v1=True).get_json()["data"] == data

    r = get_list(api, "cl-nope")
    assert r.status_code == 404 and errmsg(r) == "Contact list with id cl-nope not found"


# --- update -----------------------------------------------------------------------------------

def test_update_documented_response(api):
    before = get_list(api, UNUSED).get_json()["data"]
    body = {"name": "Renewal Due - Aug 2025", "description": "New description"}
    r = put_list(api, UNUSED, body)
    assert r.status_code == 200, r.get_json()
    out = r.get_json()
    assert out["status"] == "success"
    assert out["message"] == "Contact list Renewal Due - Aug 2025 updated successfully"
    assert out["data"] == {
        "contactListId": UNUSED,
        "body": {"name": "Renewal Due - Aug 2025", "description": "New description",
                 "scope": ["campaign_management"], "orgId": out["data"]["body"]["orgId"],
                 "iId": api.sid, "listType": "call", "accountId": api.account,
                 "updatedBy": before["updatedBy"]}}
    assert out["data"]["body"]["orgId"].startswith("o-")
    after = get_list(api, UNUSED).get_json()["data"]
    assert after["name"] == "Renewal Due - Aug 2025" and after["description"] == "New description"
    assert after["updatedAt"] > before["updatedAt"] and after["createdAt"] == before["createdAt"]
    put = api.log()[1]
    assert put["operation"] == "update_contact_list" and put["write"] is True
    assert put["contact_list_id"] == UNUSED and put["contact_list_name"] == "Renewal Due - Aug 2025"

    r = put_list(api, UNUSED, {"allowDuplicates": False})
    assert r.status_code == 200
    assert r.get_json()["data"]["body"]["allowDuplicates"] is False
    after = get_list(api, UNUSED).get_json()["data"]
    assert after["allowDuplicates"] is False
    assert after["apiConfigurations"] == {"dataSyncMode": "skipDuplicates"}


def test_update_rename_follows_into_campaigns(api):
    r = put_list(api, DNC, {"name": "DNC Master"})
    assert r.status_code == 200
    assert api.get(RENEWAL).get_json()["data"]["dncLists"] == {"id": DNC, "name": "DNC Master"}
    r = put_list(api, CL_ONLY, {"name": "CL Only 2021"})
    assert api.get(RENEWAL).get_json()["data"]["contactLists"] == ["CL Only 2021"]
    assert by_name(api)["CL Only 2021"]["campaignInUse"][0]["id"] == RENEWAL


@pytest.mark.parametrize("body,status,msg", [
    ({}, 400, "Request body must give at least one of name, description, allowDuplicates"),
    ({"source": "passiveApi"}, 400, "Unexpected field(s) in contact list body: source"),
    ({"name": "n" * 49}, 400, "name must be at most 48 characters (got 49)"),
    ({"description": ""}, 400, "description must be a non-empty string (got '')"),
    ({"allowDuplicates": 1}, 400, "allowDuplicates must be true or false (got 1)"),
    ({"name": "dnc cl dec 4"}, 409, "Contact list with name dnc cl dec 4 already exists"),
])
def test_update_rules(api, body, status, msg):
    before = get_list(api, UNUSED).get_json()["data"]
    r = put_list(api, UNUSED, body)
    assert r.status_code == status and errmsg(r) == msg
    assert get_list(api, UNUSED).get_json()["data"] == before


def test_update_own_name_other_case_and_404(api):
    r = put_list(api, UNUSED, {"name": "RENEWAL DUE - JULY 2025"})
    assert r.status_code == 200
    r = put_list(api, "cl-nope", {"name": "x"})
    assert r.status_code == 404 and errmsg(r) == "Contact list with id cl-nope not found"


# --- delete -----------------------------------------------------------------------------------

def test_delete_unused_documented_response(api):
    full = get_list(api, UNUSED).get_json()["data"]
    r = delete_list(api, UNUSED)
    assert r.status_code == 200
    assert r.get_json() == {"status": "success",
                            "message": "Contact list Renewal Due - July 2025 deleted successfully",
                            "data": full}
    entry = api.last()
    assert entry["operation"] == "delete_contact_list" and entry["write"] is True
    assert entry["tolerated"] is False
    assert get_list(api, UNUSED).status_code == 404
    assert delete_list(api, UNUSED).status_code == 404
    assert "Renewal Due - July 2025" not in by_name(api)


def test_delete_in_use_refused_strict():
    api = make_api()
    r = delete_list(api, MAY_JUNE)
    assert r.status_code == 409
    assert r.get_json() == {"errors": [{
        "msg": "Contact list Renewal Due - May/June 2025 is used by campaign(s) Interactive "
               "Support SMS Campaign (%s); remove it from them first" % INTERACTIVE,
        "code": 409}]}
    assert get_list(api, MAY_JUNE).status_code == 200
    r = delete_list(api, DNC)
    assert r.status_code == 409 and "Winter Retention Callback Campaign (%s)" % WINTER in errmsg(r)
    # Once no campaign uses it, it can go.
    assert api.delete(INTERACTIVE, "sms").status_code == 200
    assert delete_list(api, MAY_JUNE).status_code == 200


def test_delete_in_use_allowed_tolerant(tolerant):
    r = delete_list(tolerant, MAY_JUNE, v1=True)
    assert r.status_code == 200
    assert r.get_json()["data"]["campaignInUse"] == [
        {"id": INTERACTIVE, "name": "Interactive Support SMS Campaign"}]
    assert tolerant.last()["tolerated"] is True and tolerant.last()["route"] == "contact-list-v1"
    # The campaign keeps the name; a new campaign can no longer use it.
    assert tolerant.get(INTERACTIVE).get_json()["data"]["contactLists"] == [
        "Renewal Due - May/June 2025"]


SMS_BODY = {
    "name": "Uses A New List", "description": "d", "contactLists": [SAMPLE["name"]],
    "campaignType": "sms", "priority": "3", "format": "simple", "message": {"message": "aGk="},
    "dialingStrategy": {"callerId": {"phoneNumber": "+14155550123"},
                        "callingHours": {"frequency": "DAILY", "timezone": "UTC",
                                         "days": [{"day": "MO", "start": "9:00 AM",
                                                   "end": "5:00 PM"}]}},
}


def test_created_list_usable_by_a_new_campaign(api):
    def create(body):
        return api.call("POST", api.v2("?campaignType=sms"), body=body)

    body = SMS_BODY
    r = create(body)
    assert r.status_code == 400
    assert errmsg(r) == "Contact list Renewal Due 1- July 2025 in contactLists does not exist"
    cl_id = create_list(api, SAMPLE).get_json()["data"]["_id"]
    cid = create(body).get_json()["data"]["_id"]
    assert get_list(api, cl_id).get_json()["data"]["campaignInUse"] == [
        {"id": cid, "name": "Uses A New List"}]
    assert delete_list(api, cl_id).status_code == 409


def test_operations_named_and_writes(api):
    cl_id = create_list(api, SAMPLE).get_json()["data"]["_id"]
    all_lists(api)
    all_lists(api, "POST")
    get_list(api, cl_id)
    put_list(api, cl_id, {"description": "x"})
    delete_list(api, cl_id)
    assert [(e["operation"], e["write"], e["status_code"]) for e in api.log()] == [
        ("create_contact_list", True, 200), ("list_contact_lists", False, 200),
        ("list_contact_lists", False, 200), ("get_contact_list", False, 200),
        ("update_contact_list", True, 200), ("delete_contact_list", True, 200)]


def test_lists_are_per_stream():
    api = make_api(streams=[{"stream_id": "st-one", "account_id": "acc-one"},
                            {"stream_id": "st-two", "account_id": "acc-two"}])
    assert len(all_lists(api).get_json()["data"]) == 12
    path = "/campaign/api/v2/public/st-two/campaign/contactList/getAllListDetails"
    r = api.call("GET", path, iid="st-two", accountId="acc-two")
    assert r.status_code == 200 and r.get_json()["data"] == []
    r = api.call("GET", "/campaign/api/v2/public/st-two/campaign/contactList/" + DNC,
                 iid="st-two", accountId="acc-two")
    assert r.status_code == 404
    r = api.call("POST", "/campaign/api/v2/public/st-two/campaign/contactList/createContactList",
                 body=dict(SAMPLE, name="CL Only 2020 Dec 4"), iid="st-two", accountId="acc-two")
    assert r.status_code == 200  # the name is taken only in the other stream


# --- control API --------------------------------------------------------------------------------

def test_control_contact_lists(api):
    rows = api.control("GET", "/contact_lists").get_json()["contact_lists"]
    assert len(rows) == 12
    assert all(r["stream_id"] == api.sid and r["account_id"] == api.account for r in rows)

    r = api.control("POST", "/contact_lists", {"name": "Seeded List", "totalRecordCount": 5})
    assert r.status_code == 201
    seeded = r.get_json()
    assert seeded["_id"].startswith("cl-") and seeded["totalRecordCount"] == 5
    assert seeded["description"] == "Seeded List" and seeded["status"] == "Ready"
    assert get_list(api, seeded["_id"]).get_json()["data"]["totalRecordCount"] == 5

    r = api.control("PATCH", "/contact_lists/" + seeded["_id"], {"status": "Validated"})
    assert r.get_json()["status"] == "Validated"
    assert api.control("GET", "/contact_lists/" + seeded["_id"]).get_json()["status"] == "Validated"
    for bad in ({}, {"name": ""}, {"name": "seeded list"}, {"name": "x", "_id": DNC},
                {"name": "x", "stream_id": "st-nope"}):
        assert api.control("POST", "/contact_lists", bad).status_code == 400
    assert api.control("PATCH", "/contact_lists/" + seeded["_id"], {"_id": "x"}).status_code == 400
    assert api.control("PATCH", "/contact_lists/" + seeded["_id"],
                       {"name": "DNC CL DEC 4"}).status_code == 400

    r = api.control("DELETE", "/contact_lists/" + DNC)  # the control API never refuses
    assert r.get_json()["deleted"]["name"] == "DNC CL Dec 4"
    assert api.control("GET", "/contact_lists/" + DNC).status_code == 404
    assert api.control("DELETE", "/contact_lists/" + DNC).status_code == 404
    assert api.control("PUT", "/contact_lists").status_code == 405
    assert [e["operation"] for e in api.log()] == ["get_contact_list"]  # control: never logged

    assert api.control("POST", "/reset", {}).get_json() == {"ok": True, "campaigns": 9}
    assert len(api.control("GET", "/contact_lists").get_json()["contact_lists"]) == 12


def test_reset_seeds_and_derived_lists(api):
    # A campaign-only seed: the lists its campaigns name are made for them.
    api.control("POST", "/reset", {"seed": [{"type": "voice", "name": "Only One",
                                             "contactLists": ["Mine"]}]})
    names = {r["name"]: r for r in api.control("GET", "/contact_lists").get_json()["contact_lists"]}
    assert set(names) == {"Mine", "DNC CL Dec 4"}  # DNC from the voice template, with its id
    assert names["DNC CL Dec 4"]["_id"] == DNC
    assert names["Mine"]["campaignInUse"][0]["name"] == "Only One"

    api.control("POST", "/reset", {"seed": {
        "campaigns": [{"type": "sms", "name": "Texts", "contactLists": ["Given"]}],
        "contact_lists": [{"_id": "cl-given", "name": "Given", "totalRecordCount": 3},
                          {"name": "Spare"}]}})
    rows = api.control("GET", "/contact_lists").get_json()["contact_lists"]
    assert sorted(r["name"] for r in rows) == ["Given", "Spare"]
    assert get_list(api, "cl-given").get_json()["data"]["totalRecordCount"] == 3

    api.control("POST", "/reset", {"seed": "empty"})
    assert api.control("GET", "/contact_lists").get_json() == {"contact_lists": []}
    r = api.control("POST", "/reset", {"seed": {"campaigns": [], "lists": []}})
    assert r.status_code == 400
    r = api.control("POST", "/reset", {"seed": {"contact_lists": [{"name": "A"}, {"name": "a"}]}})
    assert r.status_code == 400

    # Seeding a campaign through the control API makes its missing lists too.
    api.control("POST", "/campaigns", {"type": "sms", "name": "S", "contactLists": ["New One"],
                                       "dncLists": {"name": "New DNC"}})
    names = {r["name"] for r in api.control("GET", "/contact_lists").get_json()["contact_lists"]}
    assert names >= {"New One", "New DNC"}


def test_seed_file_with_contact_lists(tmp_path):
    path = tmp_path / "seed.json"
    path.write_text('{"campaigns": [], "contact_lists": [{"name": "From File", "_id": "cl-f"}]}')
    api = make_api(seed=str(path))
    assert get_list(api, "cl-f").get_json()["data"]["name"] == "From File"


def test_control_client_methods():
    with start_sandbox() as sb:
        assert len(sb.control.contact_lists()) == 12
        cl = sb.control.seed_contact_list(name="Client List")
        assert sb.control.contact_list(cl["_id"])["name"] == "Client List"
        assert sb.control.set_contact_list(cl["_id"], description="d")["description"] == "d"
        assert sb.control.delete_contact_list(cl["_id"])["name"] == "Client List"
        assert sb.control.contact_list(cl["_id"]) is None
        assert sb.control.configure(create_ready_after_reads=0)["create_ready_after_reads"] == 0
