"""The API's paths, matched against the RAW request path (still percent-encoded, ``//`` kept).

Each route names the spelling it stands for (see README "Endpoints"), so the request log
can tell which variant a client used. Order matters: fixed segments (contactList,
getAllCampaignDetails, schedule, trigger) come before the ``{campaignId}`` catch-alls.
"""

import re
from urllib.parse import unquote

_SID = r"(?P<sid>[^/]+)"
_CID = r"(?P<cid>[^/]+)"
_CLID = r"(?P<clid>[^/]+)"
_V2 = "/campaign/api/v2/public/" + _SID
_V1 = "/agentassist/api/v1/public/" + _SID


class Route:
    def __init__(self, name, pattern, methods, sid_from_header=False):
        self.name = name
        self.regex = re.compile("^" + pattern + "$")
        self.methods = methods  # HTTP method -> operation kind
        # The analytics path names the account, not the stream: the stream is the iid header.
        self.sid_from_header = sid_from_header

    def allowed(self):
        return sorted(self.methods)


_CL_ITEM = {"GET": "cl_get", "PUT": "cl_update", "DELETE": "cl_delete"}

ROUTES = [
    # Add contacts (API §8.3): one documented path, under /api/1.1.
    Route("add-contacts", "/api/1.1/public/" + _SID + "/campaign/contactList/addContacts",
          {"POST": "cl_add_contacts"}),
    # Contacts of a list, v2 and v1 (API §1.2, §8.3).
    Route("contacts-v2", _V2 + "/campaign/contactList/" + _CLID + "/getAllContacts",
          {"GET": "cl_contacts"}),
    Route("contacts-v1", _V1 + "/campaign/contactList/" + _CLID + "/getAllContacts",
          {"GET": "cl_contacts"}),
    # Per-session analytics with campaign info (API §8.4); scope "SmartAssist Analytics".
    Route("interaction-details-v2",
          "/agentassist/api/public/analytics/account/(?P<aid>[^/]+)/v2/interactionDetails",
          {"POST": "analytics"}, sid_from_header=True),
    # Contact lists (API §1.2), v2 and the v1 equivalents; before the {cid} patterns.
    Route("contact-list-create-v2", _V2 + "/campaign/contactList/createContactList",
          {"POST": "cl_create"}),
    Route("contact-list-create-v1", _V1 + "/campaign/contactList/createContactList",
          {"POST": "cl_create"}),
    # The page says POST but its curl sends a GET (API §5 #18): both are served.
    Route("contact-lists-v2", _V2 + "/campaign/contactList/getAllListDetails",
          {"GET": "cl_list", "POST": "cl_list"}),
    Route("contact-lists-v1", _V1 + "/campaign/contactList/getAllListDetails",
          {"GET": "cl_list", "POST": "cl_list"}),
    Route("contact-list-v2", _V2 + "/campaign/contactList/" + _CLID, _CL_ITEM),
    Route("contact-list-v1", _V1 + "/campaign/contactList/" + _CLID, _CL_ITEM),
    # Create: canonical, and the SMS-advanced page's spelling without the /campaign prefix.
    Route("create-v2", _V2 + "/campaign", {"POST": "create"}),
    Route("create-v2-short", "/api/v2/public/" + _SID + "/campaign", {"POST": "create"}),
    Route("list-v2", _V2 + "/campaign/getAllCampaignDetails", {"POST": "list"}),
    Route("list-v1", _V1 + "/campaign/getAllCampaignDetails", {"POST": "list"}),
    Route("schedule-v2", _V2 + "/campaign/schedule", {"POST": "schedule"}),
    Route("status-v2", _V2 + "/campaign/" + _CID + "/status", {"POST": "status"}),
    Route("status-v1", _V1 + "/campaign/" + _CID + "/status", {"POST": "status"}),
    # Voice start/stop pages: no /campaign prefix.
    Route("trigger-v2-short", "/api/v2/public/" + _SID + "/campaign/trigger/" + _CID,
          {"POST": "trigger"}),
    Route("trigger-v2", _V2 + "/campaign/trigger/" + _CID, {"POST": "trigger"}),
    # SMS stop page: double slash before trigger.
    Route("trigger-v2-double-slash", _V2 + "/campaign//trigger/" + _CID, {"POST": "trigger"}),
    # GET = get, DELETE = delete, PUT = update, POST = SMS start page (no /trigger segment).
    Route("campaign-v2", _V2 + "/campaign/" + _CID,
          {"GET": "get", "POST": "trigger", "DELETE": "delete", "PUT": "update"}),
    Route("campaign-v1", _V1 + "/campaign/" + _CID, {"GET": "get", "DELETE": "delete"}),
    Route("trigger-v1", "/campaign/api/v1/public/" + _SID + "/campaign/" + _CID,
          {"POST": "trigger"}),
]


class Match:
    """Result of routing one request (``route`` None = unknown path)."""

    def __init__(self, route=None, params=None, method=None):
        self.route = route
        self.params = params or {}
        self.kind = route.methods.get(method) if route else None

    @property
    def name(self):
        return self.route.name if self.route else None

    @property
    def sid(self):
        return self.params.get("sid")

    @property
    def cid(self):
        return self.params.get("cid")


def match(method, raw_path):
    for route in ROUTES:
        m = route.regex.match(raw_path)
        if m:
            return Match(route, {k: unquote(v) for k, v in m.groupdict().items()}, method)
    return Match()


def operation(kind, query):
    """The log's operation name for a matched kind and the request's query."""
    if kind == "status":
        return "campaign_contacts" if query.get("view") == ["contacts"] else "campaign_status"
    if kind == "schedule":
        return "schedule_disable" if query.get("enableSchedule") == ["false"] else "schedule_enable"
    return OPERATION_NAMES.get(kind)


OPERATION_NAMES = {
    "get": "get_campaign", "list": "list_campaigns", "trigger": "trigger",
    "delete": "delete_campaign", "create": "create_campaign", "update": "update_campaign",
    "cl_create": "create_contact_list", "cl_list": "list_contact_lists",
    "cl_get": "get_contact_list", "cl_update": "update_contact_list",
    "cl_delete": "delete_contact_list", "cl_add_contacts": "add_contacts",
    "cl_contacts": "get_all_contacts", "analytics": "interaction_details",
}

WRITE_KINDS = ("trigger", "delete", "schedule", "create", "update", "cl_create", "cl_update",
               "cl_delete", "cl_add_contacts")
