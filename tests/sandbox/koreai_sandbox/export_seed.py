"""Seed the sandbox from an export of a tenant (koreai.campaign.campaign_info export=true, as
playbooks/export_tenant.yml writes it), so the sandbox can be a twin of that tenant.

An export holds module options, not API objects; this turns them into the objects the API
would store for them, the way a create of those options would (this file is the sandbox's own
reading of the options, on purpose independent of the collection's code). ``observed`` (written
with export_run_state=true) gives ids, statuses and schedule flags; without it campaigns are Ready,
unscheduled, with new ids. Contacts are never in an export: the twin's lists are empty.
"""

import base64

from .state import sync_mode

DAYS = {"mon": "MO", "tue": "TU", "wed": "WE", "thu": "TH", "fri": "FR", "sat": "SA", "sun": "SU"}
MODES = {"agentless": "Agentless", "progressive": "Progressive", "preview": "Preview"}


def is_export(data):
    """An export (or the vars file holding one under koreai_tenant), not a seed of API objects."""
    if isinstance(data, dict) and isinstance(data.get("koreai_tenant"), dict):
        return True
    return isinstance(data, dict) and "format" in data and (
        "voice_campaigns" in data or "sms_campaigns" in data)


def _day(value):
    text = str(value).strip().lower()
    if text[:3] in DAYS:
        return DAYS[text[:3]]
    upper = str(value).strip().upper()
    if upper in DAYS.values():
        return upper
    raise ValueError("export: calling_hours day %r is not a week day" % (value,))


def _strategy(options):
    hours = options.get("calling_hours") or {}
    if not hours.get("timezone") or not hours.get("days"):
        raise ValueError("export: campaign %r has no calling_hours (timezone and days)"
                         % options.get("name"))
    return {
        "callerId": {"phoneNumber": options.get("caller_id")},
        "callingHours": {
            "frequency": str(hours.get("frequency") or "weekly").upper(),
            "days": [{"day": _day(d["day"]), "start": d["start"], "end": d["end"]}
                     for d in hours["days"]],
            "timezone": hours["timezone"],
        },
    }


def _campaign(ctype, options, observed, list_ids):
    name = options.get("name")
    if not name:
        raise ValueError("export: a %s campaign has no name" % ctype)
    entry = {"type": ctype, "name": name, "description": options.get("description", ""),
             "priority": str(options.get("priority", 5)),
             "contactLists": list(options.get("contact_lists") or []),
             "status": observed.get("status") or "Ready",
             "schedule": {"isSchedulingEnabled": bool(observed.get("schedule_enabled")),
                          "isRecurrenceEnabled": bool(observed.get("recurrence_enabled"))}}
    if observed.get("id"):
        entry["_id"] = observed["id"]
    if observed.get("campaign_instance_id"):
        entry["campaignInstanceId"] = observed["campaign_instance_id"]
    strategy = _strategy(options)
    dnc = options.get("dnc_list")
    if ctype == "voice":
        mode = MODES.get(str(options.get("dialing_mode") or "").lower())
        if mode is None:
            raise ValueError("export: voice campaign %r has no dialing_mode" % name)
        entry["dialingMode"] = mode
        entry["dncLists"] = {"id": observed.get("dnc_list_id") or list_ids.get(dnc), "name": dnc}
        strategy.update(dialingOrder=str(options.get("dialing_order") or "fifo").upper(),
                        maxAttemptsPerRecord=options.get("max_attempts", 3),
                        defaultRetryPeriod=options.get("retry_period", 10),
                        maxRingTime=options.get("ring_time", 30), useSystemMappings=False)
        if mode == "Agentless":
            if options.get("experience_flow"):
                entry["experienceFlowName"] = options["experience_flow"]
            entry["enableMachineDetect"] = bool(observed.get("machine_detection_on")) or \
                options.get("machine_detection", "no") != "no"
        elif options.get("queue"):
            entry["queue_name"] = options["queue"]
        if mode == "Preview":
            entry["maxSkips"] = options.get("max_skips", 3)
    else:
        entry["format"] = options.get("format") or "simple"
        if dnc:
            entry["dncLists"] = {"name": dnc}
        if entry["format"] == "simple":
            text = options.get("text") or ""
            entry["message"] = {"message": base64.b64encode(text.encode("utf-8")).decode("ascii")}
            if options.get("template_name"):
                entry["message"]["template_name"] = options["template_name"]
        elif options.get("experience_flow"):
            entry["experienceFlowName"] = options["experience_flow"]
    entry["dialingStrategy"] = strategy
    return entry


def seed_from_export(data):
    """``{"campaigns": [...], "contact_lists": [...]}`` (the sandbox's seed format) from an export."""
    tenant = data.get("koreai_tenant", data)
    if tenant.get("format") != 1:
        raise ValueError("export format %r is not supported (this sandbox reads format 1)"
                         % tenant.get("format"))
    observed = tenant.get("observed") or {}
    lists = []
    list_ids = {}
    for options in tenant.get("contact_lists") or []:
        seen = (observed.get("contact_lists") or {}).get(options.get("name")) or {}
        allow = bool(options.get("allow_duplicates", False))
        entry = {"name": options.get("name"),
                 "description": options.get("description", options.get("name")),
                 "allowDuplicates": allow,
                 "apiConfigurations": {"dataSyncMode": sync_mode(allow)}}
        if seen.get("id"):
            entry["_id"] = seen["id"]
            list_ids[entry["name"]] = seen["id"]
        if seen.get("is_global_dnc"):
            entry["isGlobalDNC"] = True
        if seen.get("source"):
            entry["source"] = seen["source"]
        lists.append(entry)
    campaigns = []
    for ctype, key in (("voice", "voice_campaigns"), ("sms", "sms_campaigns")):
        for options in tenant.get(key) or []:
            seen = (observed.get(key) or {}).get(options.get("name")) or {}
            campaigns.append(_campaign(ctype, options, seen, list_ids))
    return {"campaigns": campaigns, "contact_lists": lists}
