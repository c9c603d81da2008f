"""The sandbox seeds from an export of a tenant (export_seed.py) as from its own seed format: the
objects the API would store for the exported options, with the observed ids, statuses and schedule
flags; a YAML file or a dict, at startup or through the control API's reset."""

import copy

import pytest
import yaml

from sandbox_helpers import make_api

from koreai_sandbox.export_seed import is_export, seed_from_export
from koreai_sandbox.seed import load_seed

HOURS = {"frequency": "weekly", "timezone": "Asia/Kolkata",
         "days": [{"day": "mon", "start": "9:00 AM", "end": "6:00 PM"}]}
EXPORT = {"koreai_tenant": {
    "format": 1,
    "contact_lists": [{"name": "DNC", "description": "never", "allow_duplicates": False},
                      {"name": "Leads", "description": "to call", "allow_duplicates": True}],
    "voice_campaigns": [
        {"name": "Renewals", "description": "calls", "contact_lists": ["Leads"], "dnc_list": "DNC",
         "priority": 4, "dialing_mode": "preview", "queue": "Renewals Queue", "max_skips": 2,
         "caller_id": "+18163300000", "calling_hours": HOURS, "dialing_order": "lifo",
         "max_attempts": 5, "retry_period": 20, "ring_time": 25},
        {"name": "Survey", "description": "flow", "contact_lists": ["Leads"], "dnc_list": "DNC",
         "dialing_mode": "agentless", "experience_flow": "Survey Flow", "caller_id": "+18163300000",
         "calling_hours": HOURS}],
    "sms_campaigns": [
        {"name": "Texts", "description": "sms", "contact_lists": ["Leads"], "format": "simple",
         "text": "Hello there", "caller_id": "+18163300001", "calling_hours": HOURS, "priority": 2}],
    "unexported": {},
    "observed": {
        "voice_campaigns": {"Renewals": {"id": "cd-r1", "status": "Scheduled", "schedule_enabled": True,
                                         "recurrence_enabled": True, "dnc_list_id": "cl-d1"}},
        "sms_campaigns": {"Texts": {"id": "cd-t1", "status": "Active", "schedule_enabled": False,
                                    "recurrence_enabled": False, "campaign_instance_id": "cid-t1"}},
        "contact_lists": {"DNC": {"id": "cl-d1"}, "Leads": {"id": "cl-l1"}}}}}


def test_an_export_is_told_from_a_seed():
    assert is_export(EXPORT) and is_export(EXPORT["koreai_tenant"])
    assert not is_export({"campaigns": [], "contact_lists": []}) and not is_export([])


def test_options_become_the_objects_the_api_would_store():
    seed = seed_from_export(EXPORT)
    renewals, survey = seed["campaigns"][:2]
    assert renewals["_id"] == "cd-r1" and renewals["status"] == "Scheduled"
    assert renewals["schedule"] == {"isSchedulingEnabled": True, "isRecurrenceEnabled": True}
    assert renewals["dialingMode"] == "Preview" and renewals["maxSkips"] == 2
    assert renewals["queue_name"] == "Renewals Queue" and renewals["priority"] == "4"
    assert renewals["dncLists"] == {"id": "cl-d1", "name": "DNC"}
    assert renewals["dialingStrategy"]["callingHours"]["days"] == [
        {"day": "MO", "start": "9:00 AM", "end": "6:00 PM"}]
    assert renewals["dialingStrategy"]["dialingOrder"] == "LIFO"
    assert survey["status"] == "Ready" and "_id" not in survey and survey["enableMachineDetect"] is False
    assert survey["experienceFlowName"] == "Survey Flow"
    texts = seed["campaigns"][2]
    assert texts["message"] == {"message": "SGVsbG8gdGhlcmU="} and texts["campaignInstanceId"] == "cid-t1"
    assert [cl["_id"] for cl in seed["contact_lists"]] == ["cl-d1", "cl-l1"]


def test_a_yaml_export_file_seeds_the_sandbox(tmp_path):
    path = tmp_path / "tenant.yml"
    path.write_text(yaml.safe_dump(EXPORT))
    campaigns, lists = load_seed(str(path))
    assert sorted(c["name"] for c in campaigns) == ["Renewals", "Survey", "Texts"]
    api = make_api(seed=str(path))
    listed = api.list({"type": "voice"}).get_json()["data"]["results"]
    by_name = {c["name"]: c for c in listed}
    assert by_name["Renewals"]["connection"] == "Renewals Queue"
    assert by_name["Survey"]["connection"] == "Survey Flow"
    assert api.get("cd-r1").get_json()["data"]["status"] == "Scheduled"


def test_the_control_api_resets_to_an_export():
    api = make_api()
    r = api.control("POST", "/reset", {"seed": EXPORT})
    assert r.status_code == 200 and r.get_json()["campaigns"] == 3


def test_an_unknown_format_is_refused():
    bad = copy.deepcopy(EXPORT)
    bad["koreai_tenant"]["format"] = 2
    with pytest.raises(ValueError, match="format 2"):
        seed_from_export(bad)
