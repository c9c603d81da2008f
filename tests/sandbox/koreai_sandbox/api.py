"""The API operations: validate query and body, apply them to the state, and answer with
the documented response shapes and message strings. Called with ``state.lock`` held."""

from . import analytics, dialing
from . import validation as v
from .contacts import parse_add_body
from .errors import ApiError
from .state import new_id


class Ctx:
    """One authenticated API request, as the operations see it."""

    def __init__(self, state, match, account, query, body):
        self.state = state
        self.sid = match.sid
        self.cid = match.cid
        self.account = account
        self.query = query
        self.body = body
        self.campaign_id = match.cid
        self.campaign_name = None
        self.route = match.name
        self.params = match.params
        self.clid = match.params.get("clid")
        self.contact_list_id = self.clid
        self.contact_list_name = None
        self.tolerated = False

    def note(self, c):
        """Remember the campaign for the request log."""
        self.campaign_id, self.campaign_name = c.id, c.name

    def campaign(self):
        c = self.state.find(self.account, self.sid, self.cid)
        if c is None:
            raise ApiError(404, "Campaign with id %s not found" % self.cid)
        self.note(c)
        return c


def check_type(qtype, c):
    """campaignType is required on trigger/delete and must be the campaign's own type."""
    if qtype != c.type:
        raise ApiError(400, "campaignType %s does not match campaign %s, which is a %s campaign"
                       % (qtype, c.name, c.type))


def get_campaign(ctx):
    c = ctx.campaign()
    view = ctx.state.read(c)
    return 200, {"status": "success", "message": "Campaign %s retrieved successfully" % c.name,
                 "data": view}


def shift_pages(ctx, q, fault):
    """A shift_pages fault: campaigns change between two list calls. The first ``complete``
    running campaigns of the type, in the call's sort order (the top of page 1), complete; ``insert``
    new Active ones appear at the top of the default order (newest first)."""
    state = ctx.state
    campaigns = [c for c in state.store(ctx.account, ctx.sid).values() if c.type == q["type"]]
    campaigns.sort(key=lambda c: (c.obj.get("createdAt") or "", c.id), reverse=True)
    running = [c for c in campaigns if state.peek_status(c) in ("Active", "Paused")]
    for c in running[:fault["complete"]]:
        state.patch_campaign(c, {"status": "Completed"})
    for n in range(fault["insert"]):
        state.add_campaign({"type": q["type"], "stream_id": ctx.sid, "name": "Shifted %s" % new_id("n"),
                            "status": "Active", "createdAt": "9999-12-31T23:59:%02d.000Z" % (n % 60)})


def list_campaigns(ctx):
    q = v.parse_list_body(ctx.body)
    state = ctx.state
    fault = getattr(ctx, "list_fault", None)
    if fault and fault["kind"] == "shift_pages":
        shift_pages(ctx, q, fault)
    rows = []
    for c in state.store(ctx.account, ctx.sid).values():
        if c.type != q["type"]:
            continue
        status = state.peek_status(c)  # filters see what reads would report
        if q["statuses"] is not None and status not in q["statuses"]:
            continue
        if q["priorities"] is not None and str(c.obj.get("priority")) not in q["priorities"]:
            continue
        if q["modes"] is not None and c.obj.get("dialingMode") not in q["modes"]:
            continue
        if q["start"] or q["end"]:
            created = v.parse_iso(c.obj.get("createdAt"))
            if created is None or (q["start"] and created < q["start"]) or (
                    q["end"] and created > q["end"]):
                continue
        rows.append(c)

    field = q["sort_field"]

    def sort_key(c):
        if field == "name":
            return (c.obj.get("lname") or "", c.id)
        return (v.parse_iso(c.obj.get(field)) is not None, c.obj.get(field) or "", c.id)

    rows.sort(key=sort_key, reverse=q["sort_desc"])
    total = len(rows)
    endless = bool(fault and fault["kind"] == "endless_pages")
    skip = 0 if endless else q["skip"]  # endless_pages: skip is ignored and there is always more
    page = rows[skip: skip + q["limit"]]
    results = [state.list_view(c) for c in page]
    return 200, {
        "status": "success",
        "message": "Campaign  retrieved successfully",  # sic: two spaces, as documented
        "data": {"results": results, "skip": q["skip"], "limit": q["limit"],
                 "hasMore": endless or q["skip"] + len(results) < total,
                 "totalPages": v.pages(total, q["limit"]), "totalResults": total},
    }


def campaign_status(ctx):
    view = v.single(ctx.query, "view", choices=("status", "contacts")) or "status"
    if view == "contacts":
        return campaign_contacts(ctx)
    v.empty_body(ctx.body, "the status call")
    c = ctx.campaign()
    view = ctx.state.read(c)
    return 200, {"status": "success",
                 "data": {"id": c.id, "status": view["status"], "name": c.name}}


def campaign_contacts(ctx):
    """view=contacts: one result per contact of the current run (API §1.1 #14, §8.4).

    Seeded ``contact_results`` rows, when a test gave some, are answered instead.
    """
    page, limit = v.parse_contacts_body(ctx.body)
    c = ctx.campaign()
    start = (page - 1) * limit
    if c.contact_results:
        rows, total = c.contact_results[start:start + limit], len(c.contact_results)
    else:
        run = c.run
        entries = run.entries if run is not None else []
        lower = ctx.state.config["status_case"] != "documented"
        rows = [dialing.result_row(run, i, entries[i], run.seed, lower)
                for i in range(start, min(start + limit, len(entries)))]
        total = len(entries)
    return 200, {"status": "success",
                 "data": {"results": rows, "page": page, "limit": limit,
                          "totalPages": v.pages(total, limit), "totalResults": total}}


def trigger(ctx):
    qtype = v.single(ctx.query, "campaignType", True, ("voice", "sms"))
    action = v.single(ctx.query, "trigger", True, ("play", "stop"))
    v.empty_body(ctx.body, "trigger calls")
    c = ctx.campaign()
    check_type(qtype, c)
    payload, ctx.tolerated = ctx.state.trigger(c, action)
    return 200, payload


def delete_campaign(ctx):
    qtype = v.single(ctx.query, "campaignType", True, ("voice", "sms"))
    c = ctx.campaign()
    check_type(qtype, c)
    data, ctx.tolerated = ctx.state.delete(c)
    return 200, {"status": "success", "message": "Campaign %s deleted successfully" % c.name,
                 "data": data}


def schedule(ctx):
    enable = v.single(ctx.query, "enableSchedule", True, ("true", "false")) == "true"
    name = v.single(ctx.query, "campaignName", True)
    ctx.campaign_name = name
    if enable:
        key = v.parse_schedule(ctx.body, now=ctx.state.business_now())
    else:
        v.empty_body(ctx.body, "disabling a schedule")

    found = ctx.state.find_by_name(ctx.account, ctx.sid, name)
    if not found:
        raise ApiError(404, "Campaign with name %s not found" % name)
    if len(found) > 1:
        raise ApiError(409, "More than one campaign is named %s: %s"
                       % (name, ", ".join(sorted(c.id for c in found))))
    c = found[0]
    ctx.note(c)
    if enable:
        ctx.tolerated = ctx.state.enable_schedule(c, ctx.body, key)
        message = "Campaign %s scheduled successfully" % c.name
    else:
        ctx.tolerated = ctx.state.disable_schedule(c)
        message = "Campaign %s schedule has been disabled successfully" % c.name
    return 200, {"status": "success", "message": message, "id": c.id}


def _campaign_type(ctx):
    return v.single(ctx.query, "campaignType", True, ("voice", "sms"))


def create_campaign(ctx):
    """POST …/campaign?campaignType= (API §1.1 #1, #2)."""
    ctype = _campaign_type(ctx)
    spec = v.parse_campaign_body(ctx.body, ctype)
    ctx.campaign_name = spec["name"]
    state = ctx.state
    state.check_campaign_lists(ctx.account, ctx.sid, spec)
    state.check_unique_name(ctx.account, ctx.sid, spec["name"])
    c = state.create_campaign(ctype, ctx.account, ctx.sid, spec)
    ctx.note(c)
    return 200, {"status": "success", "message": "Campaign %s creation in progress" % c.name,
                 "data": state.create_response_data(c)}


def update_campaign(ctx):
    """PUT …/campaign/{cid}?campaignType= with the full create body (API §1.1 #5, #6)."""
    ctype = _campaign_type(ctx)
    spec = v.parse_campaign_body(ctx.body, ctype)
    c = ctx.campaign()
    check_type(ctype, c)
    state = ctx.state
    state.check_campaign_lists(ctx.account, ctx.sid, spec)
    state.check_unique_name(ctx.account, ctx.sid, spec["name"], own_id=c.id)
    ctx.tolerated = state.update_campaign(c, spec)
    ctx.note(c)
    out = {"status": "success", "message": "Campaign %s details updated successfully" % c.name}
    if c.type == "voice":
        out["id"] = c.id  # the voice page shows a top-level id, the SMS page does not
    out["data"] = state.public_view(c)
    return 200, out


# --- contact lists ------------------------------------------------------------------------

def _contact_list(ctx):
    cl = ctx.state.find_list(ctx.account, ctx.sid, ctx.clid)
    if cl is None:
        raise ApiError(404, "Contact list with id %s not found" % ctx.clid)
    ctx.contact_list_id, ctx.contact_list_name = cl.id, cl.name
    return cl


def create_contact_list(ctx):
    spec = v.parse_contact_list_create(ctx.body, v1=ctx.route.endswith("-v1"))
    ctx.contact_list_name = spec["name"]
    cl = ctx.state.create_contact_list(ctx.account, ctx.sid, spec)
    ctx.contact_list_id = cl.id
    view = ctx.state.contact_list_view(cl)
    data = {k: val for k, val in view.items() if k not in ("_id", "allowDuplicates")}
    data["_id"], data["allowDuplicates"] = cl.id, view["allowDuplicates"]  # sample's order
    return 200, {"status": "success",
                 "message": "Contact list %s created successfully" % cl.name, "data": data}


def list_contact_lists(ctx):
    v.single(ctx.query, "type", False, ("call",))
    if ctx.body not in (None, {}):
        raise ApiError(400, "Request body must be empty or {} for getAllListDetails")
    state = ctx.state
    lists = list(state.contact_lists(ctx.account, ctx.sid).values())
    rows = [state.list_summary(cl) for cl in lists]
    for cl in lists:
        state.note_read(cl)
    rows.sort(key=lambda r: r.get("updatedAt") or "", reverse=True)  # newest first, as sampled
    return 200, {"status": "success", "message": "", "data": rows}


def get_contact_list(ctx):
    cl = _contact_list(ctx)
    view = ctx.state.contact_list_view(cl)
    ctx.state.note_read(cl)
    return 200, {"status": "success", "message": "", "data": view}


def update_contact_list(ctx):
    spec = v.parse_contact_list_update(ctx.body)
    cl = _contact_list(ctx)
    ctx.state.update_contact_list(cl, spec)
    ctx.contact_list_name = cl.name
    return 200, {"status": "success",
                 "message": "Contact list %s updated successfully" % cl.name,
                 "data": ctx.state.update_list_response_data(cl, spec)}


def delete_contact_list(ctx):
    cl = _contact_list(ctx)
    data, ctx.tolerated = ctx.state.delete_contact_list(cl)
    return 200, {"status": "success",
                 "message": "Contact list %s deleted successfully" % cl.name, "data": data}


ADD_ANSWERS = {
    "in_progress": {"message": "Adding contacts to public list is in progress"},
    "queued": {"status": "success", "message": "Contacts queued for addition."},
}


def add_contacts(ctx):
    """POST /api/1.1/public/{sid}/campaign/contactList/addContacts (API §8.3): asynchronous."""
    key, ref, contacts = parse_add_body(ctx.body)
    if key == "contactListId":
        ctx.contact_list_id = ref
    else:
        ctx.contact_list_name = ref
    cl = ctx.state.find_list_for_add(ctx.account, ctx.sid, key, ref)
    ctx.contact_list_id, ctx.contact_list_name = cl.id, cl.name
    ctx.state.add_contacts(cl, contacts)
    shape = ctx.state.config["add_contacts_answer"]
    if shape == "by_query":  # the older variant carries ?accountId= and answers "queued"
        shape = "queued" if "accountId" in ctx.query else "in_progress"
    return 200, dict(ADD_ANSWERS[shape])


def get_all_contacts(ctx):
    """GET …/contactList/{clid}/getAllContacts?skip=&limit= (pages of at most 50)."""
    skip, limit = v.parse_contacts_query(ctx.query)
    cl = _contact_list(ctx)
    ctx.state.touch_list(cl)
    total = len(cl.contacts)
    rows = [dict(r) for r in cl.contacts[skip:skip + limit]]
    ctx.state.note_read(cl)
    return 200, {"status": "success", "message": "Contacts retrieved successfully",
                 "data": {"results": rows, "skip": skip, "limit": limit,
                          "hasMore": skip + len(rows) < total,
                          "totalPages": v.pages(total, limit), "totalResults": total}}


def interaction_details(ctx):
    """POST /agentassist/api/public/analytics/account/{aid}/v2/interactionDetails (API §8.4)."""
    if ctx.params.get("aid") != ctx.account:
        raise ApiError(400, "The accountId in the path (%s) does not match the accountId header"
                       % ctx.params.get("aid"))
    first, limit = analytics.parse_query(ctx.query, ctx.state.config["analytics_offset"])
    q = analytics.parse_body(ctx.body)
    state = ctx.state
    state.tick_stream(ctx.account, ctx.sid)  # the calls made up to now
    found = analytics.sessions(state, ctx.account, ctx.sid, q)
    return 200, {"numResults": len(found),
                 "data": [analytics.session_view(run, i, q) for run, i in found[first:first + limit]]}


OPERATIONS = {"get": get_campaign, "list": list_campaigns, "status": campaign_status,
              "trigger": trigger, "delete": delete_campaign, "schedule": schedule,
              "create": create_campaign, "update": update_campaign,
              "cl_create": create_contact_list, "cl_list": list_contact_lists,
              "cl_get": get_contact_list, "cl_update": update_contact_list,
              "cl_delete": delete_contact_list, "cl_add_contacts": add_contacts,
              "cl_contacts": get_all_contacts, "analytics": interaction_details}
