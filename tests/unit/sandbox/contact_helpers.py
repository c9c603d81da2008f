"""Helpers for the contacts tests: paths of the new endpoints and control calls."""

UNUSED = "cl-2259a6e-250d-4e30-95a8-9b813c1xxxxx"    # "Renewal Due - July 2025", allowDuplicates
CL_ONLY = "cl-a87db5d-bd29-4327-ab8c-a7ac000xxxxx"   # "CL Only 2020 Dec 4", no duplicates


def add_path(api, query=""):
    return "/api/1.1/public/%s/campaign/contactList/addContacts%s" % (api.sid, query)


def add(api, body, query="", **headers):
    return api.call("POST", add_path(api, query), body=body, **headers)


def contacts_path(api, clid, query="", v1=False):
    base = ("/agentassist/api/v1/public/%s" if v1 else "/campaign/api/v2/public/%s") % api.sid
    return "%s/campaign/contactList/%s/getAllContacts%s" % (base, clid, query)


def all_contacts(api, clid, query="", v1=False):
    return api.call("GET", contacts_path(api, clid, query, v1))


def numbers(n, start=0, prefix="+1415555"):
    return [{"phoneNumber": "%s%04d" % (prefix, start + i)} for i in range(n)]


def new_list(api, name, allow_duplicates=False, **fields):
    body = dict(name=name, allowDuplicates=allow_duplicates, **fields)
    r = api.control("POST", "/contact_lists", body)
    assert r.status_code == 201, r.get_json()
    return r.get_json()["_id"]


def seed(api, clid, **spec):
    r = api.control("POST", "/contact_lists/%s/contacts" % clid, spec)
    assert r.status_code == 201, r.get_json()
    return r.get_json()
