"""Error type raised by request handlers and the two documented error envelopes."""

from http import HTTPStatus

RATE_LIMIT_MSG = "You've exceeded the per-minute rate limit. Please wait for sometime before retrying."


class ApiError(Exception):
    """An API failure: HTTP status, the message the client sees, and the envelope code.

    ``code`` defaults to the HTTP status; the auth failures use the platform's 4002.
    """

    def __init__(self, status, msg, code=None, headers=None):
        super().__init__(msg)
        self.status = status
        self.msg = msg
        self.code = status if code is None else code
        self.headers = dict(headers or {})


def envelope(shape, msg, code):
    """Body for an error in the configured shape ("errors" is the platform default)."""
    if shape == "status":
        # The campaign pages hint at this shape; clients must parse both (API §4.4).
        return {"status": "failure", "message": msg}
    return {"errors": [{"msg": msg, "code": code}]}


def reason(status):
    """Standard phrase for an HTTP status, e.g. 503 -> "Service Unavailable"."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "HTTP %d" % status
