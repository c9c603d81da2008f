"""JWT and header checks answer with the platform's documented 401 bodies."""

import time

import jwt
import pytest
from sandbox_helpers import RENEWAL, make_api

INVALID_JWT = {"errors": [{"msg": "Invalid JWT token", "code": 4002}]}
INVALID_CREDS = {"errors": [{"msg": "Invalid SDK credentials", "code": 4002}]}
JTI_EXP = {"errors": [{"msg": 'error verifying the jwt: if "jti" claim "exp" must be <= 1 hour(s)',
                       "code": 401}]}
REPLAY = {"errors": [{"msg": "error verifying the jwt: possibly a replay", "code": 401}]}


def token(api, payload, secret=None, alg="HS256"):
    return jwt.encode(payload, secret or api.cfg["client_secret"], algorithm=alg)


def test_minimal_doc_token(api):
    # The docs' sample tokens carry only appId.
    assert api.get(RENEWAL, auth=token(api, {"appId": api.cfg["client_id"]})).status_code == 200


def test_hs512():
    api = make_api(client_secret="s" * 64)  # HS512 wants a 64-byte key
    t = token(api, {"appId": api.cfg["client_id"], "sub": "1234567890"}, alg="HS512")
    assert api.get(RENEWAL, auth=t).status_code == 200


@pytest.mark.parametrize("auth", [None, "", "not-a-jwt", "a.b.c"])
def test_missing_or_undecodable_token(api, auth):
    r = api.get(RENEWAL, auth=auth)
    assert r.status_code == 401 and r.get_json() == INVALID_JWT


def test_bad_signature(api):
    t = token(api, {"appId": api.cfg["client_id"]}, secret="another-secret-of-at-least-32-bytes!!")
    r = api.get(RENEWAL, auth=t)
    assert r.status_code == 401 and r.get_json() == INVALID_JWT


def test_rs_or_none_algorithms_refused(api):
    t = jwt.encode({"appId": api.cfg["client_id"]}, None, algorithm="none")
    assert api.get(RENEWAL, auth=t).get_json() == INVALID_JWT


@pytest.mark.parametrize("claims", [{"appId": "cs-someone-else"}, {"appid": "x"}, {"sub": "1"}])
def test_wrong_or_missing_app_id(api, claims):
    if "appid" in claims:
        claims = {"appid": api.cfg["client_id"]}  # claim name must be exactly appId
    r = api.get(RENEWAL, auth=token(api, claims))
    assert r.status_code == 401 and r.get_json() == INVALID_CREDS


def test_expired_token(api):
    now = int(time.time())
    r = api.get(RENEWAL, auth=token(api, {"appId": api.cfg["client_id"], "iat": now - 100,
                                          "exp": now - 10}))
    assert r.status_code == 401
    assert r.get_json()["errors"][0]["code"] == 401


def test_jti_replay(api):
    t = api.token()  # iat, exp = iat + 3600, random jti
    assert api.get(RENEWAL, auth=t).status_code == 200
    r = api.get(RENEWAL, auth=t)
    assert r.status_code == 401 and r.get_json() == REPLAY


def test_token_without_jti_can_be_reused(api):
    t = api.token(jti=False)
    assert api.get(RENEWAL, auth=t).status_code == 200
    assert api.get(RENEWAL, auth=t).status_code == 200


@pytest.mark.parametrize("extra", [
    {"iat": 0, "exp": 3601},                      # > 1 h after iat (and long expired)
    {"exp": None},                                # jti without exp
    {"exp": "now+7200"},                          # > 1 h after now (no iat)
    {"iat": "now", "exp": "now+3601"},
])
def test_jti_needs_exp_within_one_hour(api, extra):
    now = int(time.time())
    claims = {"appId": api.cfg["client_id"], "jti": "j-%s" % extra}
    for k, v in extra.items():
        if isinstance(v, str):
            v = now + int(v[4:] or 0) if v.startswith("now") else v
        if v is not None:
            claims[k] = v
    r = api.get(RENEWAL, auth=token(api, claims))
    assert r.status_code == 401 and r.get_json() == JTI_EXP


def test_jti_exactly_one_hour_ok(api):
    now = int(time.time())
    claims = {"appId": api.cfg["client_id"], "jti": "j1", "iat": now, "exp": now + 3600}
    assert api.get(RENEWAL, auth=token(api, claims)).status_code == 200


@pytest.mark.parametrize("over", [
    {"iid": None},
    {"iid": "st-other"},
    {"accountId": None},
    {"accountId": "67777ce93e25326494e9ffff"},
])
def test_iid_and_account_headers(api, over):
    r = api.get(RENEWAL, **over)
    assert r.status_code == 401 and r.get_json() == INVALID_CREDS


def test_account_header_name_is_case_insensitive(api):
    h = api.headers(accountId=None)
    h["accountid"] = api.account
    assert api.call("GET", api.v2("/" + RENEWAL), headers=h).status_code == 200


def test_unconfigured_stream_in_path_and_iid(api):
    r = api.call("GET", "/campaign/api/v2/public/st-unknown/campaign/" + RENEWAL, iid="st-unknown")
    assert r.status_code == 401 and r.get_json() == INVALID_CREDS


def test_query_account_must_match_header(api):
    r = api.call("GET", api.v2("/%s?accountId=67777ce93e25326494e9ffff" % RENEWAL))
    assert r.status_code == 400
    assert api.call("GET", api.v2("/%s?accountId=%s" % (RENEWAL, api.account))).status_code == 200


def test_several_streams_keep_campaigns_apart():
    api = make_api(streams=[{"stream_id": "st-a", "account_id": "acc-a"},
                            {"stream_id": "st-b", "account_id": "acc-b"}])
    assert api.get(RENEWAL).status_code == 200  # seeded into the first stream
    r = api.call("GET", "/campaign/api/v2/public/st-b/campaign/" + RENEWAL,
                 iid="st-b", accountId="acc-b")
    assert r.status_code == 404
    r = api.call("GET", "/campaign/api/v2/public/st-b/campaign/" + RENEWAL,
                 iid="st-b", accountId="acc-a")  # the other stream's account
    assert r.status_code == 401


@pytest.mark.parametrize("ctype,body,msg", [
    (None, "{}", "Content-Type must be application/json"),
    ("text/plain", "{}", "Content-Type must be application/json"),
    ("application/json", "", "Request body must be valid JSON"),
    ("application/json", "{not json", "Request body must be valid JSON"),
    ("application/json", "[]", "Request body must be a JSON object"),
])
def test_post_needs_json_object(api, ctype, body, msg):
    r = api.call("POST", api.v2("/%s/status" % RENEWAL), body=body,
                 **{"Content-Type": ctype})
    assert r.status_code == 400
    assert r.get_json()["errors"][0]["msg"] == msg


def test_charset_in_content_type_is_fine(api):
    r = api.call("POST", api.v2("/%s/status" % RENEWAL),
                 **{"Content-Type": "application/json; charset=utf-8"})
    assert r.status_code == 200


def test_log_never_holds_the_raw_token(api):
    t = api.token()
    api.get(RENEWAL, auth=t)
    entry = api.last()
    assert entry["headers"]["auth_claims"]["appId"] == api.cfg["client_id"]
    assert t not in str(api.log())
    assert api.cfg["client_secret"] not in str(api.control("GET", "/config").get_json())
