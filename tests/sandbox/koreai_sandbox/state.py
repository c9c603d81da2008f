"""Sandbox state: campaigns per (account, stream), the status machine, the request log,
injected faults, seen JWT ids and rate-limit windows.

Everything lives on one SandboxState per app; callers hold ``state.lock`` (an RLock) around
any sequence of calls that must be atomic (the app holds it for a whole API request).
"""

import collections
import copy
import datetime as dt
import math
import threading
import time
import uuid
from dataclasses import dataclass, field

from . import contacts as contacts_mod
from . import dialing, validation
from .config import merge_runtime, parse_clock, runtime_view
from .errors import ApiError
from .seed import (CONTACT_LIST_SANDBOX_KEYS, CONTACT_LIST_TEMPLATE, SANDBOX_KEYS, SANDBOX_ORG,
                   SANDBOX_USER, TEMPLATES, load_seed)

LOG_LIMIT = 50000  # oldest entries are dropped past this; seq numbers keep counting
FAULT_KINDS = ("status", "delay", "drop", "malformed", "trickle")
# Faults that change how a list call pages instead of answering for it (api.list_campaigns).
LIST_FAULT_KINDS = ("endless_pages", "shift_pages")
FAULT_KINDS += LIST_FAULT_KINDS
SCHEDULED = ("Scheduled", "Rescheduled")


def iso_now():
    """Current UTC time as the API writes it: 2025-12-05T12:01:35.312Z."""
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_id(prefix):
    return "%s-%s" % (prefix, uuid.uuid4())


@dataclass
class Campaign:
    """One stored campaign: the object the API shows (``obj``) plus sandbox-only state."""

    type: str
    stream_id: str
    account_id: str
    obj: dict
    ready_after_reads: int = None
    ready_at: float = None
    reads: int = 0
    previous_status: str = "Ready"
    connection: str = None
    contact_results: list = field(default_factory=list)
    instance_updated_at: str = None
    schedule_sent: dict = None  # startDateTime/endDateTime/recurrenceObject as sent
    schedule_key: tuple = None  # normalised, to spot a needless identical re-enable
    lag_status: str = None
    lag_left: int = 0
    machine_detect: str = None  # enableMachineDetect as sent (the object shows a boolean)
    run: object = None  # the current dialing.Run (None before the first start and after stop)

    @property
    def id(self):
        return self.obj["_id"]

    @property
    def name(self):
        return self.obj["name"]

    @property
    def status(self):
        return self.obj["status"]

    @property
    def scheduling_enabled(self):
        return bool(self.obj.get("schedule", {}).get("isSchedulingEnabled"))

    def uses_list(self, name):
        """True when the campaign names this contact list (contactLists or dncLists)."""
        return self.dials_list(name) or self.dnc_name == name

    def dials_list(self, name):
        return name in (self.obj.get("contactLists") or [])

    @property
    def dnc_name(self):
        dnc = self.obj.get("dncLists")
        return dnc.get("name") if isinstance(dnc, dict) else None


@dataclass
class ContactList:
    """One stored contact list; ``isListInUse``/``campaignInUse`` are computed on reads.

    ``contacts`` are the visible contacts in insertion order, ``phones`` their numbers (for
    duplicates and DNC checks); ``pending`` holds asynchronous adds not yet visible.
    """

    stream_id: str
    account_id: str
    obj: dict
    contacts: list = field(default_factory=list)
    phones: set = field(default_factory=set)
    pending: collections.deque = field(default_factory=collections.deque)
    pending_phones: set = field(default_factory=set)
    # When contacts became visible: contacts[shown_from[i]:] from clock time shown_at[i] on.
    shown_from: list = field(default_factory=list)
    shown_at: list = field(default_factory=list)

    @property
    def id(self):
        return self.obj["_id"]

    @property
    def name(self):
        return self.obj["name"]


# Campaign fields a create/update body sets; an update replaces or removes them all and keeps
# the rest (status, schedule, instance, createdAt, ...).
MANAGED_FIELDS = ("name", "lname", "description", "dncLists", "priority", "dialingMode",
                  "dialingStrategy", "experienceFlow", "maxSkips", "enableMachineDetect",
                  "contactLists", "format", "message")
# Key order of a contact list object, as on the get-contact-list-details-v2 page.
LIST_KEY_ORDER = ("_id", "isActive", "name", "description", "totalRecordCount", "status",
                  "createdBy", "updatedBy", "mapping", "isListInUse", "listType", "isGlobalDNC",
                  "isDefault", "campaignInUse", "source", "apiConfigurations", "columns", "files",
                  "createdAt", "updatedAt", "allowDuplicates")
# The items of getAllListDetails carry fewer fields (get-all-contact-lists-v2 sample).
LIST_SUMMARY_KEYS = ("_id", "name", "description", "files", "totalRecordCount", "status",
                     "mapping", "isListInUse", "listType", "campaignInUse", "source",
                     "apiConfigurations", "columns", "updatedAt")


class SandboxState:
    def __init__(self, config, clock=time.time):
        self.lock = threading.RLock()
        self.clock = clock  # for rate windows and ready_after_seconds; tests may fake it
        self.startup = copy.deepcopy(config)
        self.streams = {s["stream_id"]: s["account_id"] for s in config["streams"]}
        self.default_stream = config["streams"][0]["stream_id"]
        self.reset()

    # --- reset / config ------------------------------------------------------------

    def reset(self, seed=None, keep_config=False):
        """Back to the startup seed (or ``seed``); clears log, faults, jtis and rate windows."""
        with self.lock:
            entries, lists = load_seed(self.startup["seed"] if seed is None else seed)
            self.stores = {}
            self.list_stores = {}
            self.flows = {}  # experience flow name -> its cf- id (stable per name)
            self.templates = {}  # SMS template_name -> its cmt- id
            self.runs = []  # every dialing run since reset, for the call records (analytics)
            self.run_seq = 0
            if not keep_config:
                self.config = runtime_view(self.startup)
            for entry in lists:
                self.add_contact_list(entry)
            for entry in entries:
                self.add_campaign(entry)
            self.log = []
            self.seq = 0
            self.faults = []
            self.seen_jtis = {}
            self.windows = {}

    @property
    def strict(self):
        return self.config["mode"] == "strict"

    def set_config(self, patch):
        """Merge a runtime config patch; runs are first brought up to now at the old rate."""
        new = merge_runtime(self.config, patch)
        for c in self.all_campaigns():
            self._tick(c)
        self.config = new

    def shown_status(self, status):
        """A campaign status as answers show it: renamed by shown_statuses (an unknown or UI-only
        name), then lower_all: lower case, upper_all: upper case."""
        status = self.config["shown_statuses"].get(status, status)
        if self.config["status_case"] == "lower_all":
            return status.lower()
        return status.upper() if self.config["status_case"] == "upper_all" else status

    def business_now(self):
        """'Now' for the schedule rule: the ``now`` config, else real UTC (naive)."""
        if self.config["now"]:
            return parse_clock(self.config["now"])
        return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)

    # --- campaigns -----------------------------------------------------------------

    def add_campaign(self, entry, default_status=None):
        """Store a campaign from a seed/control entry; raises ValueError on bad input."""
        e = copy.deepcopy(entry)
        extra = {k: e.pop(k) for k in SANDBOX_KEYS if k in e}
        ctype = extra.get("type")
        if ctype not in ("voice", "sms"):
            raise ValueError("campaign type must be voice or sms")
        name = e.get("name")
        if not isinstance(name, str) or not name:
            raise ValueError("campaign name is required")
        stream_id = extra.get("stream_id") or self.default_stream
        if stream_id not in self.streams:
            raise ValueError("unknown stream_id %s" % stream_id)
        account_id = self.streams[stream_id]
        cid = e.pop("_id", None) or e.pop("id", None) or new_id("cd")
        store = self.stores.setdefault((account_id, stream_id), {})
        if cid in store:
            raise ValueError("campaign id %s already exists" % cid)

        merged = copy.deepcopy(TEMPLATES[ctype])
        if default_status:
            merged["status"] = default_status
        merged.update(e)
        if merged.get("status") not in validation.STATUSES:
            raise ValueError("status must be one of %s" % ", ".join(validation.STATUSES))
        now = iso_now()
        merged.setdefault("createdAt", now)
        merged.setdefault("updatedAt", merged["createdAt"])
        if ctype == "voice" and merged.get("dialingMode") == "Agentless":
            merged.setdefault("experienceFlow", new_id("cf"))
        if ctype == "voice" and merged.get("dialingMode") == "Preview":
            merged.setdefault("maxSkips", 3)
        # _id, name, lname first, as in every sample response.
        obj = {"_id": cid, "name": name, "lname": merged.pop("lname", None) or name.lower()}
        obj.update((k, v) for k, v in merged.items() if k not in ("name",))

        c = Campaign(type=ctype, stream_id=stream_id, account_id=account_id, obj=obj)
        self._split_schedule(c, obj.get("schedule"))
        c.previous_status = extra.get("previous_status") or "Ready"
        c.connection = (extra.get("connection") or extra.get("queue_name")
                        or extra.get("experienceFlowName"))
        c.contact_results = list(extra.get("contact_results") or [])
        c.instance_updated_at = extra.get("campaignInstanceUpdatedAt") or (
            obj["updatedAt"] if obj.get("campaignInstanceId") else None)
        if extra.get("ready_after_reads") is not None:
            c.ready_after_reads = int(extra["ready_after_reads"])
        if extra.get("ready_after_seconds") is not None:
            c.ready_at = self.clock() + float(extra["ready_after_seconds"])
        flow_name = extra.get("experienceFlowName")
        if flow_name and obj.get("experienceFlow"):
            self.flows.setdefault(flow_name.lower(), obj["experienceFlow"])
        self._tick(c)
        store[cid] = c
        self.ensure_lists(c)
        return c

    def _split_schedule(self, c, schedule):
        # The object shows only the two booleans; what was sent is kept aside.
        schedule = dict(schedule or {})
        details = {k: schedule.pop(k) for k in ("startDateTime", "endDateTime", "recurrenceObject")
                   if k in schedule}
        flags = {"isSchedulingEnabled": bool(schedule.get("isSchedulingEnabled", False))}
        if "isRecurrenceEnabled" in schedule or details:
            flags["isRecurrenceEnabled"] = bool(schedule.get("isRecurrenceEnabled", bool(details)))
        c.obj["schedule"] = flags
        c.schedule_sent = c.schedule_key = None
        if details:
            try:
                c.schedule_key = validation.parse_schedule(details)
            except ApiError as exc:
                raise ValueError("bad schedule: %s" % exc.msg) from None
            c.schedule_sent = details

    def patch_campaign(self, c, fields):
        """Control-API merge of fields into a campaign (sandbox keys go to its state)."""
        self._tick(c)  # dial time up to now counts under the old status
        fields = copy.deepcopy(fields)
        for key in ("type", "_id", "id", "stream_id"):
            if key in fields:
                raise ValueError("%s cannot be changed" % key)
        if "status" in fields and fields["status"] not in validation.STATUSES:
            raise ValueError("status must be one of %s" % ", ".join(validation.STATUSES))
        if "name" in fields and (not isinstance(fields["name"], str) or not fields["name"]):
            raise ValueError("name must be a non-empty string")
        for key in ("ready_after_reads", "ready_after_seconds", "previous_status", "connection",
                    "queue_name", "experienceFlowName", "contact_results",
                    "campaignInstanceUpdatedAt"):
            if key not in fields:
                continue
            value = fields.pop(key)
            if key == "ready_after_reads":
                c.ready_after_reads, c.reads = value, 0
            elif key == "ready_after_seconds":
                c.ready_at = None if value is None else self.clock() + float(value)
            elif key == "previous_status":
                c.previous_status = value
            elif key == "contact_results":
                c.contact_results = list(value or [])
            elif key == "campaignInstanceUpdatedAt":
                c.instance_updated_at = value
            else:
                c.connection = value
        if "schedule" in fields:
            merged = dict(c.obj.get("schedule", {}))
            merged.update(c.schedule_sent or {})
            merged.update(fields.pop("schedule") or {})
            self._split_schedule(c, merged)
        if "name" in fields and "lname" not in fields:
            fields["lname"] = fields["name"].lower()
        if "status" in fields:
            c.lag_left = 0  # a status set from outside is what reads show at once
        c.obj.update(fields)
        self._tick(c)
        self.ensure_lists(c)
        return c

    def store(self, account, stream):
        return self.stores.get((account, stream), {})

    def find(self, account, stream, cid):
        c = self.store(account, stream).get(cid)
        if c is not None:
            self._tick(c)
        return c

    def find_by_name(self, account, stream, name):
        # The API keys schedules by name; compared lower-cased like lname.
        lname = name.lower()
        found = [c for c in self.store(account, stream).values() if c.obj.get("lname") == lname]
        for c in found:
            self._tick(c)
        return found

    def tick_stream(self, account, stream):
        """Bring every campaign of a stream up to the clock (runs progress as they are read)."""
        for c in self.store(account, stream).values():
            self._tick(c)

    def all_campaigns(self):
        return [c for store in self.stores.values() for c in store.values()]

    def find_any(self, cid):
        """Control API lookup across all streams."""
        for c in self.all_campaigns():
            if c.id == cid:
                return c
        return None

    def remove(self, c):
        self.stores[(c.account_id, c.stream_id)].pop(c.id, None)

    # --- reads (with ready_after_reads and lag_reads) -------------------------------------

    def _tick(self, c):
        if c.status == "Preparing" and c.ready_at is not None and self.clock() >= c.ready_at:
            c.obj["status"] = "Ready"
        dialing.tick(self, c)

    def peek_status(self, c):
        """The status a read would report, without counting as a read."""
        self._tick(c)
        return c.lag_status if c.lag_left > 0 else c.status

    def read(self, c):
        """Public view of ``c`` as an API read reports it; counts as one read."""
        view = self.public_view(c)
        view["status"] = self.shown_status(self.peek_status(c))
        if c.lag_left > 0:
            c.lag_left -= 1
        if c.status == "Preparing" and c.ready_after_reads is not None:
            c.reads += 1
            if c.reads >= c.ready_after_reads:
                c.obj["status"] = "Ready"  # reported from the next read on
        return view

    def public_view(self, c):
        view = copy.deepcopy(c.obj)
        if self.config["schedule_details"] and c.schedule_sent:
            view["schedule"].update(copy.deepcopy(c.schedule_sent))
        if "status" in view:
            view["status"] = self.shown_status(view["status"])
        return view

    def list_view(self, c):
        """A list result: the read view plus the list-only extras (API §4.1, §5 #11)."""
        view = self.read(c)
        view["campaignInstanceUpdatedAt"] = c.instance_updated_at
        if c.type == "voice":
            view["connection"] = c.connection or (
                "Default Queue" if view.get("dialingMode") != "Agentless" else "Default Flow")
            return view
        view = dict([("id", view.pop("_id"))] + list(view.items()))  # SMS results carry "id"
        view["totalMessagesSent"] = 0
        view.setdefault("campaignExecutionType", "NORMAL")
        return view

    def control_view(self, c):
        view = copy.deepcopy(c.obj)
        view["schedule"].update(copy.deepcopy(c.schedule_sent or {}))
        view.update(type=c.type, stream_id=c.stream_id, account_id=c.account_id)
        view["sandbox"] = {
            "ready_after_reads": c.ready_after_reads, "reads": c.reads,
            "ready_at": c.ready_at, "previous_status": c.previous_status,
            "connection": c.connection, "lag_status": c.lag_status,
            "lag_reads_left": c.lag_left, "contact_results": len(c.contact_results),
            "machine_detect": c.machine_detect,
            "run": None if c.run is None else {
                "campaignInstanceId": c.run.instance_id, "contacts": len(c.run.entries),
                "queued": len(c.run.queue), "attempts": len(c.run.att_code)},
        }
        return view

    # --- status machine -------------------------------------------------------------

    def _refuse(self, msg):
        """Strict mode: an illegal transition is a 409. Tolerant: the caller answers success."""
        if self.strict:
            raise ApiError(409, msg)

    def _set_status(self, c, status, lag=False):
        if lag and self.config["lag_reads"] > 0:
            c.lag_status, c.lag_left = c.status, self.config["lag_reads"]
        c.obj["status"] = status
        c.obj["updatedAt"] = iso_now()

    def trigger(self, c, action):
        """play/stop. Returns ``(response, tolerated)`` (tolerated = refused in strict mode)."""
        self._tick(c)
        status, name = c.status, c.name
        if action == "play":
            if status == "Active":
                refusal = "Campaign %s is already Active" % name
            elif status == "Preparing":
                refusal = "Campaign %s is still Preparing and cannot be started" % name
            elif status in SCHEDULED:
                refusal = "Campaign %s is scheduled and cannot be run manually" % name
            else:
                refusal = None
            if refusal:
                self._refuse(refusal)
                return self._play_response(c), True
            tolerated = self._check_run_limits(c)
            if status != "Paused" or c.run is None:
                # Resuming keeps the run; any other start is a new instance with a new run.
                if status != "Paused":
                    c.obj["campaignInstanceId"] = new_id("cid")
                dialing.start_run(self, c, dialing.instance_of(c))
            self._set_status(c, "Active", lag=True)
            c.instance_updated_at = c.obj["updatedAt"]
            return self._play_response(c), tolerated

        if status not in ("Active", "Paused"):
            if status == "Stopped":
                self._refuse("Campaign %s is already Stopped" % name)
            else:
                self._refuse("Campaign %s is not running and cannot be stopped (status %s)"
                             % (name, status))
            return self._stop_response(c, status), True
        if c.scheduling_enabled:
            # The run ends but the schedule stays on; disabling it later leaves it Stopped.
            c.previous_status = "Stopped"
            self._set_status(c, "Scheduled", lag=True)
        else:
            self._set_status(c, "Stopped", lag=True)
        c.instance_updated_at = c.obj["updatedAt"]
        c.run = None  # "Stopping resets campaign data": only the call records remain
        return self._stop_response(c, "Stopped"), False

    def _check_run_limits(self, c):
        """The UI guide's run limits (§8.2); returns tolerated (strict refuses with 409)."""
        others = [o for store in self.stores.values() for o in store.values()
                  if o.account_id == c.account_id and o is not c]
        for o in others:
            self._tick(o)  # a run that has just completed no longer counts
        active = [o for o in others if o.status == "Active"]
        limit = self.config["active_voice_limit"]
        voice = [o for o in active if o.type == "voice"]
        if c.type == "voice" and len(voice) >= limit:
            self._refuse("Campaign %s cannot be started: %d voice campaigns are already Active in "
                         "this account and at most %d may run at once"
                         % (c.name, len(voice), limit))
            return True
        for name in c.obj.get("contactLists") or []:
            cl = self.find_list_by_name(c.account_id, c.stream_id, name)
            if cl is not None:
                self.touch_list(cl)
            if cl is None or not cl.contacts:
                continue  # nothing to dial twice (the seeds' and templates' lists hold none)
            for o in active:
                if o.stream_id == c.stream_id and o.dials_list(name):
                    self._refuse("Campaign %s cannot be started: contact list %s is in use by Active "
                                 "campaign %s (%s); two campaigns cannot run on the same contact "
                                 "list at the same time" % (c.name, name, o.name, o.id))
                    return True
        return False

    def complete_run(self, c):
        """Every contact of the run is done: the campaign is Completed (Scheduled again when
        its schedule is on); the run stays its current one until the next play or a stop."""
        if c.scheduling_enabled:
            c.previous_status = "Completed"
            self._set_status(c, "Scheduled")
        else:
            self._set_status(c, "Completed")
        c.instance_updated_at = c.obj["updatedAt"]

    def _play_response(self, c):
        if c.type == "voice":
            return {"status": self.shown_status(c.status), "message": "Campaign Started",
                    "totalCallsCompleted": 0,
                    "updatedAt": c.obj["updatedAt"],
                    "campaignInstanceId": c.obj.get("campaignInstanceId")}
        return {"status": self.shown_status(c.status), "message": "Campaign Started",
                "updatedAt": c.obj["updatedAt"]}

    def _stop_response(self, c, status):
        out = {"status": self.shown_status(status), "message": "Campaign Stopped",
               "updatedAt": c.obj["updatedAt"]}
        if c.type == "voice":
            out["campaignInstanceId"] = c.obj.get("campaignInstanceId")
        else:
            out["campaignExecutionType"] = "NORMAL"
        return out

    def delete(self, c):
        """Returns ``(deleted object, tolerated)``."""
        tolerated = False
        if c.status in ("Active", "Paused"):
            self._refuse("Campaign %s is %s and cannot be deleted; stop it first" % (c.name, c.status))
            tolerated = True  # tolerant mode deletes it anyway
        data = self.public_view(c)
        self.remove(c)
        return data, tolerated

    def enable_schedule(self, c, sent, key):
        """Returns tolerated (True when strict mode would have refused)."""
        if c.status == "Preparing":
            self._refuse("Campaign %s is still Preparing and cannot be scheduled" % c.name)
            return True
        if c.scheduling_enabled and c.schedule_key == key:
            self._refuse("Campaign %s is already scheduled with the same settings (status %s)"
                         % (c.name, c.status))
            return True
        c.schedule_sent, c.schedule_key = copy.deepcopy(sent), key
        c.obj["schedule"] = {"isSchedulingEnabled": True, "isRecurrenceEnabled": True}
        if c.status in ("Ready", "Stopped", "Completed"):
            c.previous_status = c.status
            self._set_status(c, "Scheduled")
        else:  # Active/Paused keep running; Scheduled gets the new settings
            c.obj["updatedAt"] = iso_now()
        return False

    def disable_schedule(self, c):
        if not c.scheduling_enabled:
            self._refuse("Campaign %s schedule is not enabled (status %s)" % (c.name, c.status))
            return True
        c.obj["schedule"] = {"isSchedulingEnabled": False, "isRecurrenceEnabled": False}
        c.schedule_sent = c.schedule_key = None
        if c.status in SCHEDULED:
            self._set_status(c, c.previous_status or "Ready")
        else:
            c.obj["updatedAt"] = iso_now()
        return False

    # --- create / update (API §2.1, §2.2) -----------------------------------------------

    def flow_id(self, name):
        """The cf- id of an experience flow, the same for the same name."""
        return self.flows.setdefault(name.lower(), new_id("cf"))

    def template_id(self, name):
        return self.templates.setdefault(name, new_id("cmt"))

    def check_campaign_lists(self, account, stream, spec):
        """Every list a create/update body names must exist (400 names the missing one)."""
        for name in spec["contactLists"]:
            if self.find_list_by_name(account, stream, name) is None:
                raise ApiError(400, "Contact list %s in contactLists does not exist" % name)
        if spec["dnc"] is not None and self.find_list_by_name(account, stream, spec["dnc"]) is None:
            raise ApiError(400, "Contact list %s in dncLists does not exist" % spec["dnc"])

    def check_unique_name(self, account, stream, name, own_id=None):
        same = sorted(c.id for c in self.find_by_name(account, stream, name) if c.id != own_id)
        if same:
            raise ApiError(409, "Campaign with name %s already exists (%s)"
                           % (name, ", ".join(same)))

    def _campaign_object(self, ctype, account, stream, spec, cid, status, created, updated,
                         schedule):
        """The stored object for a create/update spec, in the samples' key order."""
        obj = {"_id": cid, "name": spec["name"], "lname": spec["name"].lower(),
               "description": spec["description"]}
        dnc = spec["dnc"]
        if ctype == "voice":
            cl = self.find_list_by_name(account, stream, dnc)
            obj["dncLists"] = {"id": cl.id if cl else None, "name": dnc}
            obj["priority"] = spec["priority"]
            obj["dialingMode"] = spec["dialingMode"]
            obj["dialingStrategy"] = spec["dialingStrategy"]
            if spec["dialingMode"] == "Agentless":
                obj["experienceFlow"] = self.flow_id(spec["experienceFlowName"])
            obj["status"] = status
            if spec["dialingMode"] == "Preview":
                obj["maxSkips"] = spec["maxSkips"]
            obj["isFiltersEnabled"] = False
            obj["createdAt"], obj["updatedAt"] = created, updated
            obj["schedule"] = schedule
            obj["contactLists"] = list(spec["contactLists"])
            if spec["dialingMode"] == "Agentless":
                # v2 takes no/detect/disconnect but shows a boolean (API §5 #14).
                obj["enableMachineDetect"] = spec["machine_detect"] != "no"
            return obj
        obj["status"] = status
        if dnc is not None:
            obj["dncLists"] = {"name": dnc}  # SMS: echoed without id (API §5 #15)
        obj["priority"] = spec["priority"]
        obj["dialingStrategy"] = spec["dialingStrategy"]
        if spec["format"] == "simple":
            message = dict(spec["message"])
            if message.get("template_name") and not message.get("templateId"):
                message["templateId"] = self.template_id(message["template_name"])
            obj["message"] = message
        else:
            obj["experienceFlow"] = self.flow_id(spec["experienceFlowName"])
        obj["isImported"] = False
        obj["isFiltersEnabled"] = False
        obj["createdAt"], obj["updatedAt"] = created, updated
        obj["schedule"] = schedule
        obj["contactLists"] = list(spec["contactLists"])
        obj["format"] = spec["format"]
        return obj

    @staticmethod
    def _connection(spec):
        if spec.get("dialingMode") == "Agentless":
            return spec["experienceFlowName"]
        return spec.get("queue_name")

    def create_campaign(self, ctype, account, stream, spec):
        """A campaign from a validated create body: voice starts Preparing, SMS Ready."""
        now = iso_now()
        after = self.config["create_ready_after_reads"]
        status = "Preparing" if ctype == "voice" and after > 0 else "Ready"
        schedule = {"isSchedulingEnabled": False}
        if ctype == "voice":
            schedule["isRecurrenceEnabled"] = False
        obj = self._campaign_object(ctype, account, stream, spec, new_id("cd"), status, now, now,
                                    schedule)
        c = Campaign(type=ctype, stream_id=stream, account_id=account, obj=obj)
        c.connection = self._connection(spec)
        c.machine_detect = spec.get("machine_detect")
        if status == "Preparing":
            c.ready_after_reads = after
        self.stores.setdefault((account, stream), {})[c.id] = c
        return c

    def update_campaign(self, c, spec):
        """Replace the configuration of ``c``; returns tolerated (edit refused in strict)."""
        tolerated = False
        if c.status in ("Active", "Paused"):
            self._refuse("You cannot edit a campaign that is in %s status" % c.status)
            tolerated = True  # tolerant mode edits it anyway
        old = c.obj
        obj = self._campaign_object(c.type, c.account_id, c.stream_id, spec, c.id, c.status,
                                    old.get("createdAt") or iso_now(), iso_now(),
                                    old.get("schedule") or {"isSchedulingEnabled": False})
        for key, value in old.items():  # instance, isImported, anything seeded
            if key not in obj and key not in MANAGED_FIELDS:
                obj[key] = value
        c.obj = obj
        c.connection = self._connection(spec)
        c.machine_detect = spec.get("machine_detect")
        return tolerated

    def create_response_data(self, c):
        """data of a create answer: voice shows "id" (after updatedAt) and no schedule/_id."""
        view = self.public_view(c)
        if c.type == "sms":
            return view
        out = {}
        for key, value in view.items():
            if key in ("_id", "schedule"):
                continue
            out[key] = value
            if key == "updatedAt":
                out["id"] = c.id
        return out

    # --- contact lists (API §1.2) -------------------------------------------------------

    def add_contact_list(self, entry):
        """Store a contact list from a seed/control entry; raises ValueError on bad input."""
        e = copy.deepcopy(entry)
        extra = {k: e.pop(k) for k in CONTACT_LIST_SANDBOX_KEYS if k in e}
        name = e.get("name")
        if not isinstance(name, str) or not name:
            raise ValueError("contact list name is required")
        stream_id = extra.get("stream_id") or self.default_stream
        if stream_id not in self.streams:
            raise ValueError("unknown stream_id %s" % stream_id)
        account_id = self.streams[stream_id]
        for key in ("isListInUse", "campaignInUse"):
            e.pop(key, None)  # computed on every read
        cl_id = e.pop("_id", None) or e.pop("id", None) or new_id("cl")
        if self.find_list_any(cl_id) is not None:
            raise ValueError("contact list id %s already exists" % cl_id)
        if self.find_list_by_lname(account_id, stream_id, name) is not None:
            raise ValueError("a contact list named %s already exists" % name)
        now = iso_now()
        merged = copy.deepcopy(CONTACT_LIST_TEMPLATE)
        merged.update(description=name, createdAt=now)
        merged.update(e)
        merged.setdefault("updatedAt", merged["createdAt"])
        obj = {"_id": cl_id}
        obj.update((k, v) for k, v in merged.items() if k != "_id")
        cl = ContactList(stream_id=stream_id, account_id=account_id, obj=obj)
        if "contacts" in extra:
            self.seed_contacts(cl, extra["contacts"], seeded=True)  # checked before it is stored
        self.list_stores.setdefault((account_id, stream_id), {})[cl_id] = cl
        return cl

    def ensure_lists(self, c):
        """Seeded campaigns never name a missing list: create the lists they name."""
        names = list(c.obj.get("contactLists") or [])
        dnc = c.obj.get("dncLists")
        dnc_name = dnc.get("name") if isinstance(dnc, dict) else None
        for name in names + ([dnc_name] if dnc_name else []):
            if not isinstance(name, str) or not name:
                continue
            if self.find_list_by_name(c.account_id, c.stream_id, name) is not None:
                continue
            if self.find_list_by_lname(c.account_id, c.stream_id, name) is not None:
                continue  # same name but for case: leave the seed as it is
            entry = {"name": name, "stream_id": c.stream_id, "createdAt": c.obj.get("createdAt")}
            if name == dnc_name and dnc.get("id") and self.find_list_any(dnc["id"]) is None:
                entry["_id"] = dnc["id"]
            self.add_contact_list({k: v for k, v in entry.items() if v is not None})

    def contact_lists(self, account, stream):
        return self.list_stores.get((account, stream), {})

    def all_contact_lists(self):
        return [cl for store in self.list_stores.values() for cl in store.values()]

    def find_list(self, account, stream, cl_id):
        return self.contact_lists(account, stream).get(cl_id)

    def find_list_any(self, cl_id):
        for cl in self.all_contact_lists():
            if cl.id == cl_id:
                return cl
        return None

    def find_list_by_name(self, account, stream, name):
        """Campaigns name their lists exactly."""
        for cl in self.contact_lists(account, stream).values():
            if cl.name == name:
                return cl
        return None

    def find_list_by_lname(self, account, stream, name, own_id=None):
        """List names are unique compared lower-cased."""
        lname = name.lower()
        for cl in self.contact_lists(account, stream).values():
            if cl.name.lower() == lname and cl.id != own_id:
                return cl
        return None

    def campaigns_using(self, cl):
        return [c for c in self.store(cl.account_id, cl.stream_id).values()
                if c.uses_list(cl.name)]

    def contact_list_view(self, cl):
        """The full object as get/create/delete show it, with the computed fields."""
        self.touch_list(cl)
        using = self.campaigns_using(cl)
        for c in using:
            self._tick(c)  # isListInUse follows runs that complete as they are read
        computed = {
            "campaignInUse": [{"id": c.id, "name": c.name} for c in using],
            # "in use" = being dialled: the docs' sample shows campaignInUse entries with
            # isListInUse false, so a list only used by idle campaigns is not "in use".
            "isListInUse": any(c.status in ("Active", "Paused") for c in using),
        }
        src = dict(cl.obj, **computed)
        view = {k: copy.deepcopy(src[k]) for k in LIST_KEY_ORDER if k in src}
        view.update((k, copy.deepcopy(v)) for k, v in src.items() if k not in view)
        return view

    def list_summary(self, cl):
        view = self.contact_list_view(cl)
        return {k: view[k] for k in LIST_SUMMARY_KEYS if k in view}

    def create_contact_list(self, account, stream, spec):
        if self.find_list_by_lname(account, stream, spec["name"]) is not None:
            raise ApiError(409, "Contact list with name %s already exists" % spec["name"])
        now = iso_now()
        obj = copy.deepcopy(CONTACT_LIST_TEMPLATE)
        obj.update(name=spec["name"], description=spec["description"], createdAt=now,
                   updatedAt=now, allowDuplicates=spec["allowDuplicates"])
        obj["apiConfigurations"] = {"dataSyncMode": sync_mode(spec["allowDuplicates"])}
        cl = ContactList(stream_id=stream, account_id=account,
                         obj=dict([("_id", new_id("cl"))] + list(obj.items())))
        self.list_stores.setdefault((account, stream), {})[cl.id] = cl
        return cl

    def update_contact_list(self, cl, spec):
        """Apply an update; a rename is carried over to the campaigns that use the list."""
        if "name" in spec:
            other = self.find_list_by_lname(cl.account_id, cl.stream_id, spec["name"], cl.id)
            if other is not None:
                raise ApiError(409, "Contact list with name %s already exists" % spec["name"])
            old = cl.name
            if spec["name"] != old:
                for c in self.campaigns_using(cl):
                    c.obj["contactLists"] = [spec["name"] if n == old else n
                                             for n in c.obj.get("contactLists") or []]
                    dnc = c.obj.get("dncLists")
                    if isinstance(dnc, dict) and dnc.get("name") == old:
                        dnc["name"] = spec["name"]
        cl.obj.update(spec)
        if "allowDuplicates" in spec and cl.obj.get("source") == "passiveApi":
            cl.obj["apiConfigurations"] = {"dataSyncMode": sync_mode(spec["allowDuplicates"])}
        cl.obj["updatedBy"] = SANDBOX_USER
        cl.obj["updatedAt"] = iso_now()

    def update_list_response_data(self, cl, spec):
        body = dict(spec)
        body.update(scope=["campaign_management"], orgId=SANDBOX_ORG, iId=cl.stream_id,
                    listType=cl.obj.get("listType", "call"), accountId=cl.account_id,
                    updatedBy=SANDBOX_USER)
        return {"contactListId": cl.id, "body": body}

    def delete_contact_list(self, cl):
        """Returns ``(deleted object, tolerated)``; strict refuses a list campaigns use."""
        tolerated = False
        using = self.campaigns_using(cl)
        if using:
            named = ", ".join("%s (%s)" % (c.name, c.id) for c in using)
            if any(c.dials_list(cl.name) for c in using):
                self._refuse("Contact list %s is used by campaign(s) %s; remove it from them first"
                             % (cl.name, named))
            else:  # only as a DNC list: the UI guide's own words
                self._refuse("You can't delete a DNC list while it's in use by a campaign: %s is "
                             "the DNC list of campaign(s) %s" % (cl.name, named))
            tolerated = True  # tolerant mode deletes it anyway
        data = self.contact_list_view(cl)
        self.list_stores[(cl.account_id, cl.stream_id)].pop(cl.id, None)
        return data, tolerated

    def patch_contact_list(self, cl, fields):
        """Control-API merge of fields into a contact list."""
        fields = copy.deepcopy(fields)
        for key in ("_id", "id", "stream_id", "isListInUse", "campaignInUse"):
            if key in fields:
                raise ValueError("%s cannot be changed" % key)
        if "name" in fields:
            if not isinstance(fields["name"], str) or not fields["name"]:
                raise ValueError("name must be a non-empty string")
            if self.find_list_by_lname(cl.account_id, cl.stream_id, fields["name"], cl.id):
                raise ValueError("a contact list named %s already exists" % fields["name"])
        cl.obj.update(fields)
        return cl

    def control_list_view(self, cl):
        view = self.contact_list_view(cl)
        view.update(stream_id=cl.stream_id, account_id=cl.account_id)
        view["sandbox"] = {"contacts": len(cl.contacts),
                           "pending": sum(len(b.contacts) for b in cl.pending)}
        return view

    # --- contacts of a list (API §8.3) ------------------------------------------------------

    def find_list_for_add(self, account, stream, key, ref):
        """The list an addContacts body names (by exact name or by id), or a 400."""
        if key == "contactListId":
            cl = self.find_list(account, stream, ref)
            if cl is None:
                raise ApiError(400, "Contact list with id %s does not exist" % ref)
            return cl
        cl = self.find_list_by_name(account, stream, ref)
        if cl is None:
            other = self.find_list_by_lname(account, stream, ref)
            hint = " (names are matched exactly: did you mean %s?)" % other.name if other else ""
            raise ApiError(400, "Contact list %s does not exist%s" % (ref, hint))
        return cl

    def add_contacts(self, cl, contacts, delay=None, delay_reads=None, as_error=ApiError):
        """Add checked contacts to ``cl``: visible at once, or pending for the configured delay.

        Returns ``(kept, dropped duplicates)``. Refuses (``as_error``: 400) a call that would
        take the list past 1 000 000 contacts or the account past 5 000 000.
        """
        kept, dropped = contacts_mod.dedupe(contacts, cl.obj.get("allowDuplicates", False),
                                            cl.phones, cl.pending_phones)
        held = self.list_count(cl)
        if held + len(kept) > contacts_mod.LIST_LIMIT:
            raise self._limit_error(as_error, "Contact list %s would hold %d contacts; a list holds "
                                    "at most %d (it has %d)" % (cl.name, held + len(kept),
                                                                contacts_mod.LIST_LIMIT, held))
        account_held = sum(self.list_count(o) for o in self.all_contact_lists()
                           if o.account_id == cl.account_id)
        if account_held + len(kept) > contacts_mod.ACCOUNT_LIMIT:
            raise self._limit_error(as_error, "The account would hold %d contacts; an account holds "
                                    "at most %d" % (account_held + len(kept),
                                                    contacts_mod.ACCOUNT_LIMIT))
        now = iso_now()
        rows = [contacts_mod.stored(c, new_id("cc"), now) for c in kept]
        delay = self.config["contacts_delay"] if delay is None else delay
        delay_reads = self.config["contacts_delay_reads"] if delay_reads is None else delay_reads
        if delay <= 0 and delay_reads <= 0 and not cl.pending:
            self._show(cl, rows)
        elif rows:
            cl.pending.append(contacts_mod.Batch(rows, self.clock() + delay, delay_reads, now))
            cl.pending_phones.update(r["phoneNumber"] for r in rows)
        return len(rows), dropped

    @staticmethod
    def _limit_error(as_error, msg):
        return as_error(400, msg) if as_error is ApiError else as_error(msg)

    def list_count(self, cl):
        return len(cl.contacts) + sum(len(b.contacts) for b in cl.pending)

    def seed_contacts(self, cl, spec, seeded=False, pending=False):
        """Contacts from a seed or the control API (no 100-per-call limit); ValueError on bad
        input. ``spec`` is a list of contacts or a generate spec ``{"count": N, ...}``."""
        if isinstance(spec, list):
            rows = []
            for i, contact in enumerate(spec):
                try:
                    rows.append(contacts_mod.check_contact(contact, "contacts[%d]" % i, seeded))
                except ApiError as exc:
                    raise ValueError(exc.msg) from None
        else:
            rows = contacts_mod.generate(spec)
        if pending:
            return self.add_contacts(cl, rows, as_error=ValueError)
        return self.add_contacts(cl, rows, delay=0, delay_reads=0, as_error=ValueError)

    def touch_list(self, cl):
        """Make the pending adds that are due visible, oldest first (nothing overtakes an
        earlier add)."""
        if not cl.pending:
            return
        now = self.clock()
        shown = False
        while cl.pending and cl.pending[0].due(now):
            self._show(cl, cl.pending.popleft().contacts)
            shown = True
        if shown:
            self._pending_phones(cl)

    @staticmethod
    def note_read(cl):
        """An API read of ``cl`` has been answered: it counts against the reads that pending
        adds still wait for (so the read that counts is one that did not show them)."""
        for batch in cl.pending:
            if batch.reads_left > 0:
                batch.reads_left -= 1

    def flush_pending(self, cl):
        """Control API: every pending add of ``cl`` becomes visible now."""
        n = 0
        while cl.pending:
            batch = cl.pending.popleft()
            self._show(cl, batch.contacts)
            n += len(batch.contacts)
        self._pending_phones(cl)
        return n

    def _show(self, cl, rows):
        if not rows:
            return
        cl.shown_from.append(len(cl.contacts))
        cl.shown_at.append(self.clock())
        cl.contacts.extend(rows)
        cl.phones.update(r["phoneNumber"] for r in rows)
        cl.obj["totalRecordCount"] = (cl.obj.get("totalRecordCount") or 0) + len(rows)
        cl.obj["updatedAt"] = iso_now()

    @staticmethod
    def _pending_phones(cl):
        cl.pending_phones = {r["phoneNumber"] for b in cl.pending for r in b.contacts}

    # --- request log -------------------------------------------------------------------

    def record(self, entry):
        with self.lock:
            self.seq += 1
            entry["seq"] = self.seq
            self.log.append(entry)
            if len(self.log) > LOG_LIMIT:
                del self.log[: len(self.log) - LOG_LIMIT]

    # --- faults -------------------------------------------------------------------------

    def add_faults(self, faults):
        checked = [check_fault(f) for f in faults]  # all or nothing
        with self.lock:
            self.faults.extend(checked)

    def take_fault(self, method, operation, raw_path):
        """Consume one use of the first fault matching this request; return it or None."""
        with self.lock:
            for fault in self.faults:
                m = fault["match"]
                if m.get("method") and m["method"].upper() != method:
                    continue
                if m.get("operation") and m["operation"] != operation:
                    continue
                if m.get("path_contains") and m["path_contains"] not in raw_path:
                    continue
                if fault["after"] > 0:  # let this many matching requests through first
                    fault["after"] -= 1
                    continue
                fault["count"] -= 1
                if fault["count"] <= 0:
                    self.faults.remove(fault)
                return copy.deepcopy(fault)
        return None

    # --- rate limit -----------------------------------------------------------------------

    def rate_take(self, account):
        """Count one request against ``account``; return None, or seconds to wait (429).

        Sliding 60 s window. Rejected requests are NOT counted, so a client that waits
        Retry-After seconds always gets through.
        """
        rl = self.config["rate_limit"]
        if not rl["enabled"]:
            return None
        now = self.clock()
        window = self.windows.setdefault(account, collections.deque())
        while window and window[0] <= now - 60:
            window.popleft()
        limit = rl["per_minute"]
        if len(window) >= limit:
            frees_at = window[len(window) - limit] + 60
            return max(1, int(math.ceil(frees_at - now)))
        window.append(now)
        return None


def sync_mode(allow_duplicates):
    """apiConfigurations.dataSyncMode: "allowDuplicates" as documented; the other value is
    not documented, the sandbox says "skipDuplicates"."""
    return "allowDuplicates" if allow_duplicates else "skipDuplicates"


def check_fault(fault):
    """Validate and fill defaults of one fault spec; raises ValueError."""
    if not isinstance(fault, dict):
        raise ValueError("each fault must be an object")
    allowed = {"kind", "count", "match", "status", "retry_after", "body", "seconds", "apply", "after",
               "complete", "insert"}
    extra = set(fault) - allowed
    if extra:
        raise ValueError("unknown fault key(s): %s" % ", ".join(sorted(extra)))
    kind = fault.get("kind")
    if kind not in FAULT_KINDS:
        raise ValueError("fault kind must be one of %s" % ", ".join(FAULT_KINDS))
    out = {"kind": kind, "count": fault.get("count", 1), "match": fault.get("match") or {},
           "apply": fault.get("apply", False), "after": fault.get("after", 0)}
    if not validation.is_int(out["after"]) or out["after"] < 0:
        raise ValueError("fault after must be an integer >= 0")
    if kind == "shift_pages":
        for key in ("complete", "insert"):
            out[key] = fault.get(key, 0)
            if not validation.is_int(out[key]) or not 0 <= out[key] <= 1000:
                raise ValueError("fault %s must be an integer 0..1000" % key)
    elif "complete" in fault or "insert" in fault:
        raise ValueError("complete and insert apply to shift_pages faults only")
    if not validation.is_int(out["count"]) or out["count"] < 1:
        raise ValueError("fault count must be an integer >= 1")
    if not isinstance(out["match"], dict) or set(out["match"]) - {"method", "operation",
                                                                  "path_contains"}:
        raise ValueError("fault match may only have method, operation, path_contains")
    if not isinstance(out["apply"], bool):
        raise ValueError("fault apply must be true or false")
    if kind == "status":
        out["status"] = fault.get("status", 503)
        if not validation.is_int(out["status"]) or not 400 <= out["status"] <= 599:
            raise ValueError("fault status must be an HTTP error status 400..599")
    if "retry_after" in fault and fault["retry_after"] is not None:
        out["retry_after"] = str(fault["retry_after"])
    if "body" in fault:
        out["body"] = fault["body"]
    if kind in ("delay", "trickle"):
        seconds = fault.get("seconds", 1.0 if kind == "delay" else 2.0)
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not 0 <= seconds <= 120:
            raise ValueError("fault seconds must be a number 0..120")
        out["seconds"] = seconds
    return out
