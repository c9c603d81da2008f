"""Default seed data, built from the sample responses of the API pages in shared/seeds/.

A seed entry is a campaign object as the API shows it, plus a few sandbox-only keys that
never appear in API responses:

  type                 "voice" | "sms" (required)
  stream_id            which configured stream holds it (default: the first one)
  ready_after_reads    Preparing -> Ready after this many reads (get/status/list)
  ready_after_seconds  Preparing -> Ready after this many seconds
  previous_status      status to return to when a schedule is disabled (default Ready)
  connection           list-result "connection" (queue or flow name); also taken from
                       queue_name / experienceFlowName when those are given
  contact_results      rows returned by the status call with view=contacts
  campaignInstanceUpdatedAt  list-result extra (default: updatedAt once it has run)

``schedule`` may carry startDateTime/endDateTime/recurrenceObject besides the two booleans;
they are kept apart and shown only when the ``schedule_details`` config is on.
"""

import copy
import json

WEEKDAYS = [
    {"day": d, "start": "9:00 AM", "end": "6:00 PM"} for d in ("MO", "TU", "WE", "TH", "FR")
]

# Voice template: the delete-voice-campaign-v2 sample minus identity and timestamps.
VOICE_TEMPLATE = {
    "description": "Connects customers with live agents to assist with upcoming service renewals "
                   "using progressive dialing. Ensures personalized support and improved engagement.",
    "dncLists": {"id": "cl-68b802a-2b99-4245-8eea-6d322a8xxxxx", "name": "DNC CL Dec 4"},
    "priority": "5",
    "dialingMode": "Progressive",
    "dialingStrategy": {
        "callerId": {"phoneNumber": "+181633xxxxx"},
        "callingHours": {"frequency": "WEEKLY", "days": WEEKDAYS, "timezone": "Asia/Kolkata"},
        "dialingOrder": "FIFO",
        "maxAttemptsPerRecord": 3,
        "defaultRetryPeriod": 10,
        "maxRingTime": 30,
        "useSystemMappings": False,
    },
    "status": "Ready",
    "isFiltersEnabled": False,
    "schedule": {"isSchedulingEnabled": False, "isRecurrenceEnabled": False},
    "contactLists": ["CL Only 2020 Dec 4"],
}

# SMS template: the delete-sms-campaign sample minus identity, timestamps and instance.
SMS_TEMPLATE = {
    "description": "This campaign sends an SMS with a link or instructions to interact with a "
                   "Kore.ai bot. Customers can check order status, raise tickets, or get help\u2014all "
                   "via chat-enabled SMS.",
    "priority": "5",
    "format": "advanced",
    "dialingStrategy": {
        "callerId": {"phoneNumber": "+91987654321"},
        "callingHours": {"frequency": "WEEKLY", "timezone": "Asia/Kolkata",
                         "days": [{"day": d["day"], "start": d["start"], "end": d["end"]}
                                  for d in WEEKDAYS]},
    },
    "experienceFlow": "cf-67447605-115e-5dd2-a676-e158cf3bxxxx",
    "status": "Ready",
    "schedule": {"isSchedulingEnabled": False, "isRecurrenceEnabled": False},
    "contactLists": ["Renewal Due - May/June 2025"],
}

TEMPLATES = {"voice": VOICE_TEMPLATE, "sms": SMS_TEMPLATE}

# Sandbox-only keys of a seed entry (see the module docstring).
SANDBOX_KEYS = ("type", "stream_id", "ready_after_reads", "ready_after_seconds",
                "previous_status", "connection", "queue_name", "experienceFlowName",
                "contact_results", "campaignInstanceUpdatedAt")

_RENEWAL = copy.deepcopy(VOICE_TEMPLATE)
_INTERACTIVE = copy.deepcopy(SMS_TEMPLATE)

DEFAULT_SEED = [
    # delete-voice-campaign-v2.txt, exactly as its sample response shows it.
    dict(_RENEWAL, type="voice", queue_name="Default Queue",
         _id="cd-a1e45a7-e8ba-4e97-a339-476ebc7xxxxx",
         name="Service Renewal Outreach Campaign61",
         lname="service renewal outreach campaign61",
         createdAt="2025-12-04T10:50:56.762Z", updatedAt="2025-12-05T06:31:23.308Z"),
    # delete-sms-campaign.txt, exactly as its sample response shows it.
    dict(_INTERACTIVE, type="sms",
         _id="cd-3aefda80-f98e-5f4f-ad41-92803abbxxxx",
         name="Interactive Support SMS Campaign",
         lname="interactive support sms campaign",
         status="Stopped",
         createdAt="2025-06-27T09:25:53.320Z", updatedAt="2025-06-27T09:31:56.940Z",
         campaignInstanceId="cid-xxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
         campaignInstanceUpdatedAt="2025-06-27T09:31:56.940Z"),
    # The schedule pages' campaign (enable daily / disable).
    {
        "type": "voice", "experienceFlowName": "Product Feedback Survey Flow",
        "_id": "cd-671b3bd-a7a1-4709-bd6a-70803e3xxxxx",
        "name": "Agentless Voice | Product Feedback | Jan 9",
        "description": "Automated feedback survey calls for customers who bought a product in the "
                       "last 30 days.",
        "dncLists": {"id": "cl-68b802a-2b99-4245-8eea-6d322a8xxxxx", "name": "DNC CL Dec 4"},
        "priority": "4",
        "dialingMode": "Agentless",
        "dialingStrategy": dict(copy.deepcopy(VOICE_TEMPLATE["dialingStrategy"]),
                                maxAttemptsPerRecord=2, defaultRetryPeriod=60),
        "experienceFlow": "cf-2d7c9a1e-4f3b-5a6c-8d9e-0f1a2b3cxxxx",
        "enableMachineDetect": False,
        "status": "Ready",
        "isFiltersEnabled": False,
        "createdAt": "2026-01-09T07:12:41.118Z", "updatedAt": "2026-01-09T07:15:02.540Z",
        "schedule": {"isSchedulingEnabled": False, "isRecurrenceEnabled": False},
        "contactLists": ["Product Buyers Jan 2026"],
    },
    # Active voice campaign: the instance id is the one in stop-voice-campaign-v2.txt.
    dict(copy.deepcopy(VOICE_TEMPLATE), type="voice", queue_name="Retention Queue",
         _id="cd-5c2f9e1-4b7a-4d3e-9f21-8a6b0c4xxxxx",
         name="Winter Retention Callback Campaign",
         lname="winter retention callback campaign",
         description="Preview dialing for agents calling back customers at risk of churn.",
         dialingMode="Preview", maxSkips=2, priority="3", status="Active",
         createdAt="2025-12-01T08:00:12.004Z", updatedAt="2025-12-05T11:58:40.117Z",
         campaignInstanceId="cid-835ee4a-697e-4846-8340-7e3e301xxxxx",
         campaignInstanceUpdatedAt="2025-12-05T11:58:40.117Z",
         contactLists=["At Risk Customers Dec"]),
    # Active SMS campaign (simple format, Base64 message as in the v2 create pages).
    dict(copy.deepcopy(SMS_TEMPLATE), type="sms",
         _id="cd-7e21c4b0-5a9d-5c1e-8f3a-1b2c3d4exxxx",
         name="Payment Reminder SMS | December",
         lname="payment reminder sms | december",
         description="Reminds customers of upcoming payment due dates.",
         format="simple", priority="2", status="Active",
         message={"message": "TWVzc2FnZSBmb3IgeW91ciB0YXJnZXRlZCBjdXN0b21lcg%3D%3D"},
         isImported=False, isFiltersEnabled=False,
         createdAt="2025-12-02T09:30:00.000Z", updatedAt="2025-12-06T04:00:00.512Z",
         campaignInstanceId="cid-4f1d2c3-8a9b-4c5d-9e6f-7a8b9c0xxxxx",
         campaignInstanceUpdatedAt="2025-12-06T04:00:00.512Z",
         contactLists=["Payment Due Dec 2025"]),
    # Voice campaign right after create ("creation in progress"): Ready after two reads.
    {
        "type": "voice", "ready_after_reads": 2, "experienceFlowName": "Plan Launch Flow",
        "_id": "cd-9e14b72-88cc-4544-9a98-7aee9b7xxxxx",
        "name": "New Plan Launch Outreach",
        "description": "Announces the new family plan to existing subscribers.",
        "dncLists": {"id": "cl-68b802a-2b99-4245-8eea-6d322a8xxxxx", "name": "DNC CL Dec 4"},
        "priority": "5",
        "dialingMode": "Agentless",
        "dialingStrategy": copy.deepcopy(VOICE_TEMPLATE["dialingStrategy"]),
        "experienceFlow": "cf-8b7a6c5d-4e3f-5a2b-9c1d-0e9f8a7bxxxx",
        "enableMachineDetect": False,
        "status": "Preparing",
        "isFiltersEnabled": False,
        "createdAt": "2026-01-12T10:00:00.000Z", "updatedAt": "2026-01-12T10:00:00.000Z",
        "schedule": {"isSchedulingEnabled": False},
        "contactLists": ["Subscribers Jan 2026"],
    },
    # Completed SMS campaign that used a pre-approved template.
    dict(copy.deepcopy(SMS_TEMPLATE), type="sms",
         _id="cd-2b8d6f10-3c4e-5f6a-8b9c-0d1e2f3axxxx",
         name="Holiday Greetings SMS 2025",
         lname="holiday greetings sms 2025",
         description="Season's greetings with a discount code.",
         format="simple", priority="1", status="Completed",
         message={"message": "SGFwcHkgaG9saWRheXMh", "template_name": "holiday_greetings",
                  "templateId": "cmt-5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6bxxxx"},
         isImported=False, isFiltersEnabled=False,
         createdAt="2025-11-20T06:45:10.250Z", updatedAt="2025-12-26T18:30:00.000Z",
         campaignInstanceId="cid-0a1b2c3-4d5e-4f6a-8b7c-9d0e1f2xxxxx",
         campaignInstanceUpdatedAt="2025-12-26T18:30:00.000Z",
         contactLists=["Loyalty Members 2025"]),
    # Voice campaign with a weekly schedule switched on (status Scheduled).
    {
        "type": "voice", "previous_status": "Ready",
        "experienceFlowName": "Satisfaction Survey Flow",
        "_id": "cd-3f6e8d2-1a2b-4c3d-8e4f-5a6b7c8xxxxx",
        "name": "Weekly Satisfaction Survey Calls",
        "description": "Short CSAT survey calls to customers whose tickets were closed.",
        "dncLists": {"id": "cl-68b802a-2b99-4245-8eea-6d322a8xxxxx", "name": "DNC CL Dec 4"},
        "priority": "3",
        "dialingMode": "Agentless",
        "dialingStrategy": copy.deepcopy(VOICE_TEMPLATE["dialingStrategy"]),
        "experienceFlow": "cf-1c2d3e4f-5a6b-5c7d-8e9f-0a1b2c3dxxxx",
        "enableMachineDetect": False,
        "status": "Scheduled",
        "isFiltersEnabled": False,
        "createdAt": "2025-10-15T12:00:00.000Z", "updatedAt": "2026-01-05T08:59:59.999Z",
        "schedule": {
            "isSchedulingEnabled": True, "isRecurrenceEnabled": True,
            "startDateTime": "2026-01-05 09:00:00", "endDateTime": "2027-12-31 18:00:00",
            "recurrenceObject": {"recurType": "Weekly",
                                 "weeklyDetails": {"onceEveryNweeks": 1,
                                                   "whichDays": ["Mon", "Wed", "Fri"]}},
        },
        "contactLists": ["Closed Tickets Weekly"],
    },
    # Paused voice campaign (only the UI can pause; seedable to test stop/resume).
    dict(copy.deepcopy(VOICE_TEMPLATE), type="voice", queue_name="Collections Queue",
         _id="cd-6a7b8c9-0d1e-4f2a-9b3c-4d5e6f7xxxxx",
         name="Collections Follow-up | Q4 2025",
         lname="collections follow-up | q4 2025",
         description="Agents follow up on overdue invoices.",
         priority="4", status="Paused",
         createdAt="2025-10-01T05:30:00.000Z", updatedAt="2025-12-03T10:10:10.101Z",
         campaignInstanceId="cid-9f8e7d6-5c4b-4a3f-8e2d-1c0b9a8xxxxx",
         campaignInstanceUpdatedAt="2025-12-03T10:10:10.101Z",
         contactLists=["Overdue Invoices Q4"]),
]


# --- contact lists (API §1.2) ---------------------------------------------------------------

SANDBOX_USER = "u-eb5bbee1-6af9-5b9a-b471-03a3fe4xxxxx"  # createdBy/updatedBy on the pages
SANDBOX_ORG = "o-f8b351e7-f83a-51bd-bd42-d5d4086xxxxx"   # orgId on the update-contact-list page

PASSIVE_MAPPING = {"firstName": "firstName", "lastName": "lastName", "phoneNumber": "phoneNumber",
                   "timeZone": "timeZone", "uniqueId": "uniqueId",
                   "contactPriority": "contactPriority"}

# A list made with createContactList (the create-contact-list-v2 sample minus identity, name,
# description and timestamps). ``isListInUse`` and ``campaignInUse`` are computed on every read.
CONTACT_LIST_TEMPLATE = {
    "isActive": True,
    "totalRecordCount": 0,
    "status": "Ready",
    "createdBy": SANDBOX_USER,
    "updatedBy": SANDBOX_USER,
    "mapping": PASSIVE_MAPPING,
    "listType": "call",
    "isGlobalDNC": False,
    "isDefault": False,
    "source": "passiveApi",
    "apiConfigurations": {"dataSyncMode": "allowDuplicates"},
    "columns": [],
    "files": [],
    "allowDuplicates": True,
}

# Sandbox-only keys of a contact-list seed entry: ``contacts`` is a list of contacts (as
# addContacts takes them, plus optional _id/createdAt/updatedAt) or a generate spec
# {"count": N, "start": 0, "prefix": "+1555", "fields": {...}} (see contacts.generate).
CONTACT_LIST_SANDBOX_KEYS = ("stream_id", "contacts")

_RENEWAL_LIST_DESCRIPTION = (
    "This list contains customers with services expiring in July 2025. It includes contact "
    "details and subscription info to help agents provide tailored support during live calls.")


def _passive_list(cl_id, name, description, created, updated=None):
    return dict(copy.deepcopy(CONTACT_LIST_TEMPLATE), _id=cl_id, name=name,
                description=description, createdAt=created, updatedAt=updated or created)


DEFAULT_CONTACT_LISTS = [
    # get-all-contact-lists-v2 sample: a file upload, validated.
    {
        "_id": "cl-a87db5d-bd29-4327-ab8c-a7ac000xxxxx", "isActive": True,
        "name": "CL Only 2020 Dec 4", "description": "CL Only 2020 Dec 4",
        "files": [{"fileId": "693153a4f33d29f872fxxxxx",
                   "fileName": "contact list 2020 (with Priority).csv"}],
        "totalRecordCount": 1, "status": "Validated",
        "createdBy": SANDBOX_USER, "updatedBy": SANDBOX_USER,
        "mapping": {"firstName": "firstName", "lastName": "lastName",
                    "phoneNumber": "phoneNumber", "timeZone": "timezone", "uniqueId": "",
                    "contactPriority": ""},
        "listType": "call", "isGlobalDNC": False, "isDefault": False, "source": "localDrive",
        "columns": ["firstName", "lastName", "phoneNumber", "timezone", "uniqueId", " Priority"],
        "createdAt": "2025-12-04T08:40:02.117Z", "updatedAt": "2025-12-05T09:34:12.449Z",
        "allowDuplicates": False,
    },
    # The DNC list of every voice sample (its id is the dncLists.id of the samples).
    _passive_list("cl-68b802a-2b99-4245-8eea-6d322a8xxxxx", "DNC CL Dec 4",
                  "Numbers that must not be called.", "2025-12-04T08:35:10.402Z"),
    # get-contact-list-details-v2 / delete-contact-list-details-v2 sample, verbatim.
    _passive_list("cl-718e888-3aca-4008-973e-6d79940xxxxx", "Renewal Due - May/June 2025",
                  _RENEWAL_LIST_DESCRIPTION, "2025-12-05T10:30:57.258Z",
                  "2025-12-05T10:35:41.551Z"),
    # The other lists the default campaigns use.
    _passive_list("cl-1f2e3d4-5c6b-4a7f-8e9d-0c1b2a3xxxxx", "Product Buyers Jan 2026",
                  "Customers who bought a product in the last 30 days.",
                  "2026-01-08T06:00:00.000Z"),
    _passive_list("cl-2a3b4c5-6d7e-4f8a-9b0c-1d2e3f4xxxxx", "At Risk Customers Dec",
                  "Customers flagged as likely to churn.", "2025-11-30T10:00:00.000Z"),
    _passive_list("cl-3b4c5d6-7e8f-4a9b-8c1d-2e3f4a5xxxxx", "Payment Due Dec 2025",
                  "Customers with a payment due in December 2025.", "2025-12-01T09:00:00.000Z"),
    _passive_list("cl-4c5d6e7-8f9a-4b0c-9d2e-3f4a5b6xxxxx", "Subscribers Jan 2026",
                  "Existing subscribers eligible for the family plan.",
                  "2026-01-11T09:00:00.000Z"),
    _passive_list("cl-5d6e7f8-9a0b-4c1d-8e3f-4a5b6c7xxxxx", "Loyalty Members 2025",
                  "Members of the loyalty programme.", "2025-11-15T08:00:00.000Z"),
    _passive_list("cl-6e7f8a9-0b1c-4d2e-9f4a-5b6c7d8xxxxx", "Closed Tickets Weekly",
                  "Customers whose support tickets were closed this week.",
                  "2025-10-14T12:00:00.000Z"),
    _passive_list("cl-7f8a9b0-1c2d-4e3f-8a5b-6c7d8e9xxxxx", "Overdue Invoices Q4",
                  "Customers with overdue invoices in Q4 2025.", "2025-09-30T05:00:00.000Z"),
    # The DNC list of the SMS create pages' samples.
    _passive_list("cl-8a9b0c1-2d3e-4f4a-9b6c-7d8e9f0xxxxx", "testdnc",
                  "Do-not-contact numbers for SMS.", "2025-12-05T07:50:00.000Z"),
    # Unused by any campaign (get-all-contact-lists-v2 sample).
    _passive_list("cl-2259a6e-250d-4e30-95a8-9b813c1xxxxx", "Renewal Due - July 2025",
                  _RENEWAL_LIST_DESCRIPTION, "2025-12-05T10:30:16.232Z"),
]


def load_seed(spec):
    """Resolve a seed spec to ``(campaign entries, contact-list entries)`` (deep copies).

    ``spec`` is "default", "empty", a path to a JSON or YAML file (a list of campaigns, or
    ``{"campaigns": [...], "contact_lists": [...]}``, or an export of a tenant, see
    export_seed.py), a list of campaigns or such a dict.
    Whatever the spec, the state also creates a list for each name a campaign uses that no
    list has (see SandboxState.ensure_lists).
    """
    if spec is None or spec == "default":
        return copy.deepcopy(DEFAULT_SEED), copy.deepcopy(DEFAULT_CONTACT_LISTS)
    if spec == "empty":
        return [], []
    if isinstance(spec, str):
        with open(spec, encoding="utf-8") as fh:
            if spec.endswith((".yml", ".yaml")):
                import yaml  # only for YAML seeds (exports are YAML vars files)
                spec = yaml.safe_load(fh)
            else:
                spec = json.load(fh)
    from .export_seed import is_export, seed_from_export  # late: export_seed imports state
    if is_export(spec):
        spec = seed_from_export(spec)
    lists = []
    if isinstance(spec, dict):
        unknown = set(spec) - {"campaigns", "contact_lists"}
        if unknown:
            raise ValueError("unknown seed key(s): %s" % ", ".join(sorted(unknown)))
        lists = spec.get("contact_lists", [])
        spec = spec.get("campaigns", [])
    if not isinstance(spec, list) or not all(isinstance(c, dict) for c in spec):
        raise ValueError('seed must be "default", "empty", a JSON file path or a list of campaigns')
    if not isinstance(lists, list) or not all(isinstance(c, dict) for c in lists):
        raise ValueError("seed contact_lists must be a list of objects")
    return copy.deepcopy(spec), copy.deepcopy(lists)
