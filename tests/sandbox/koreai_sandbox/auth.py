"""JWT and header checks, with the platform's documented error bodies (API §4.2, §4.4)."""

import time
import uuid

import jwt

from .errors import ApiError

ALGORITHMS = ["HS256", "HS512"]  # the HMAC choices of a Kore.ai JWT app
JTI_MAX_LIFETIME = 3600  # "if jti claim exp must be <= 1 hour(s)"

INVALID_TOKEN = "Invalid JWT token"
INVALID_CREDENTIALS = "Invalid SDK credentials"
JTI_LIFETIME = 'error verifying the jwt: if "jti" claim "exp" must be <= 1 hour(s)'
JTI_REPLAY = "error verifying the jwt: possibly a replay"
EXPIRED = 'error verifying the jwt: "exp" not satisfied'

# Signature only: every claim rule below is ours, so PyJWT's own claim checks are off.
_DECODE_OPTIONS = {
    "verify_signature": True, "verify_exp": False, "verify_nbf": False,
    "verify_iat": False, "verify_aud": False, "verify_iss": False,
    "verify_sub": False, "verify_jti": False, "require": [],
}


def peek_claims(token):
    """Claims of a token without verifying it (for the request log), or None."""
    if not token:
        return None
    try:
        claims = jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        return None
    return claims if isinstance(claims, dict) else None


def verify_jwt(token, client_id, client_secret, seen_jtis, now=None):
    """Verify the ``auth`` header token; return its claims or raise ApiError(401).

    ``seen_jtis`` maps jti -> exp and is updated here: a jti is single use.
    """
    now = time.time() if now is None else now
    if not token:
        raise ApiError(401, INVALID_TOKEN, 4002)
    try:
        claims = jwt.decode(token, client_secret, algorithms=ALGORITHMS, options=_DECODE_OPTIONS)
    except jwt.PyJWTError:
        raise ApiError(401, INVALID_TOKEN, 4002) from None
    if not isinstance(claims, dict):
        raise ApiError(401, INVALID_TOKEN, 4002)
    # The claim name must be exactly appId (not appid / App ID).
    if claims.get("appId") != client_id:
        raise ApiError(401, INVALID_CREDENTIALS, 4002)

    exp = claims.get("exp")
    if exp is not None and not _is_number(exp):
        raise ApiError(401, INVALID_TOKEN, 4002)
    if "jti" in claims:  # the token-shape rule first, then expiry, then replay
        iat = claims.get("iat")
        base = iat if _is_number(iat) else now
        if exp is None or exp - base > JTI_MAX_LIFETIME:
            raise ApiError(401, JTI_LIFETIME, 401)
    if exp is not None and exp <= now:
        raise ApiError(401, EXPIRED, 401)

    if "jti" in claims:
        jti = str(claims["jti"])
        _forget_expired(seen_jtis, now)
        if jti in seen_jtis:
            raise ApiError(401, JTI_REPLAY, 401)
        seen_jtis[jti] = exp
    return claims


def _forget_expired(seen_jtis, now):
    # A token past its exp is refused anyway, so its jti need not be remembered.
    for jti in [j for j, exp in seen_jtis.items() if exp <= now]:
        del seen_jtis[jti]


def check_headers(headers, query, sid, streams):
    """Check ``iid``/``accountId`` against the path's stream; return the account id.

    ``streams`` maps stream id -> account id. The query ``accountId`` is optional but
    must equal the header when sent.
    """
    iid = headers.get("iid")
    account = headers.get("accountId")  # werkzeug headers are case-insensitive
    if not iid or iid != sid or sid not in streams:
        raise ApiError(401, INVALID_CREDENTIALS, 4002)
    if not account or account != streams[sid]:
        raise ApiError(401, INVALID_CREDENTIALS, 4002)
    q_account = query.get("accountId")
    if q_account is not None and q_account != [account]:
        raise ApiError(400, "Query parameter accountId does not match the accountId header")
    return account


def mint_token(client_id, client_secret, algorithm="HS256", lifetime=3600, jti=True, **claims):
    """A token as the collection mints it: appId, sub, iat, exp (<= 1 h) and a fresh jti.

    Pass ``lifetime=None`` for no exp, ``jti=False`` for no jti; extra claims override.
    """
    now = int(time.time())
    payload = {"appId": client_id, "sub": "koreai-sandbox", "iat": now}
    if lifetime is not None:
        payload["exp"] = now + lifetime
    if jti:
        payload["jti"] = uuid.uuid4().hex
    payload.update(claims)
    return jwt.encode(payload, client_secret, algorithm=algorithm)


def _is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)
