"""Every request shown on the five original API pages (shared/seeds/) works exactly as
shown, against a real sandbox server: the page's curl command is taken from the page text,
only the {{placeholders}} (and <token>) are filled in, and it is sent with curl itself and
with requests. Literal (masked) header values on a page are used as they are: the sandbox
is configured with that page's stream/account pair."""

import json
import re
import shlex
import shutil
import subprocess
from urllib.parse import quote

import pytest
import requests
from sandbox_helpers import (FEEDBACK, FEEDBACK_NAME, INTERACTIVE, RENEWAL, SEEDS_DIR,
                             WINTER, WINTER_INSTANCE)

from koreai_sandbox import DEFAULT_ACCOUNT_ID, DEFAULT_STREAM_ID, start_sandbox

if not SEEDS_DIR.is_dir():  # the pages live in shared/, beside the repository
    pytest.skip("shared/seeds not found at %s" % SEEDS_DIR, allow_module_level=True)

CLIENTS = ["requests", pytest.param("curl", marks=pytest.mark.skipif(
    shutil.which("curl") is None, reason="curl not installed"))]
DOCS_ERA = "2026-01-20 00:00:00"  # before the enable page's startDateTime


def page_text(name):
    return (SEEDS_DIR / name).read_text(encoding="utf-8")


def curl_args(text):
    """The page's sample curl command as an argument list (multi-line quotes kept)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("curl "))
    buf = []
    for line in lines[start:]:
        buf.append(line)
        if line.endswith("\\"):
            continue
        try:
            return shlex.split("\n".join(buf).replace("\\\n", " "))
        except ValueError:  # a quoted --data body continues on the next line
            continue
    raise AssertionError("unterminated curl command")


def sample_response(text):
    after = text.split("Sample Response", 1)[1]
    return json.JSONDecoder().raw_decode(after[after.index("{"):])[0]


def literal_header(args, name):
    for i, arg in enumerate(args):
        if arg == "--header" and args[i + 1].lower().startswith(name + ":"):
            value = args[i + 1].split(":", 1)[1].strip()
            return None if "{{" in value or value.startswith("<") else value
    return None


def fill(args, base_url, values):
    out = []
    for arg in args:
        arg = arg.replace("https://{{host}}", base_url)
        for key, value in values.items():
            arg = arg.replace(key, value)
        assert "{{" not in arg and "<token>" not in arg, arg
        out.append(arg)
    return out


def send(client, args):
    """Send the filled-in curl command; return (status, parsed JSON body)."""
    if client == "curl":
        proc = subprocess.run(["curl", "-sS", "-w", "\n%{http_code}"] + args[1:],
                              capture_output=True, text=True, timeout=20, check=True)
        body, status = proc.stdout.rsplit("\n", 1)
        return int(status), json.loads(body)
    method, url, headers, data = "GET", None, {}, None
    it = iter(args[1:])
    for arg in it:
        if arg == "--location":
            continue
        if arg == "--request":
            method = next(it)
        elif arg == "--header":
            key, value = next(it).split(":", 1)
            headers[key.strip()] = value.strip()
        elif arg == "--data":
            data = next(it).encode()
            method = "POST" if method == "GET" else method
        else:
            url = arg
    resp = requests.request(method, url, headers=headers, data=data, timeout=20)
    return resp.status_code, resp.json()


def run_page(name, client, campaign_id=None, **config):
    """Start a sandbox for the page and send its request.

    Returns (status, body, sandbox, page text); the caller stops the sandbox.
    """
    text = page_text(name)
    args = curl_args(text)
    stream = literal_header(args, "iid") or DEFAULT_STREAM_ID
    account = literal_header(args, "accountid") or DEFAULT_ACCOUNT_ID
    sb = start_sandbox(streams=[{"stream_id": stream, "account_id": account}], **config)
    values = {
        "{{streamId}}": stream, "{{botId}}": stream, "{{iid}}": stream, "{{IId}}": stream,
        "{{accountId}}": account, "{{accountid}}": account,
        "{{jwt_token}}": sb.token(), "<token>": sb.token(),
        "{{campaignName}}": quote(FEEDBACK_NAME, safe=""),
    }
    if campaign_id:
        values["{{campaignId}}"] = campaign_id
        values["{{campaignType}}"] = campaign_id  # delete-sms page: id where its typo says campaignType
    try:
        status, body = send(client, fill(args, sb.url, values))
    except BaseException:
        sb.stop()
        raise
    return status, body, sb, text


@pytest.mark.parametrize("client", CLIENTS)
def test_delete_voice_campaign_v2_page(client):
    status, body, sb, text = run_page("delete-voice-campaign-v2.txt", client, RENEWAL)
    with sb:
        assert status == 200
        assert body == sample_response(text)  # the seeded object is the page's sample
        entry = sb.control.requests_log()[-1]
        assert entry["operation"] == "delete_campaign" and entry["write"] is True
        assert entry["query"]["campaignType"] == "voice"
        assert all(c["_id"] != RENEWAL for c in sb.control.campaigns())


@pytest.mark.parametrize("client", CLIENTS)
def test_delete_sms_campaign_page(client):
    status, body, sb, text = run_page("delete-sms-campaign.txt", client, INTERACTIVE)
    with sb:
        assert status == 200
        assert body == sample_response(text)
        entry = sb.control.requests_log()[-1]
        assert entry["route"] == "campaign-v1" and entry["headers"]["content_type"] is None


@pytest.mark.parametrize("client", CLIENTS)
def test_delete_sms_page_literal_typo_path_is_404(client):
    # Sent with the typo left in ({{campaignType}} -> "sms"), no campaign has id "sms".
    status, body, sb, _text = run_page("delete-sms-campaign.txt", client, campaign_id="sms")
    with sb:
        assert status == 404
        assert "sms" in body["errors"][0]["msg"]


@pytest.mark.parametrize("client", CLIENTS)
def test_stop_voice_campaign_v2_page(client):
    status, body, sb, text = run_page("stop-voice-campaign-v2.txt", client, WINTER)
    with sb:
        sample = sample_response(text)
        assert status == 200
        assert set(body) == set(sample)
        assert body["status"] == "Stopped" and body["message"] == "Campaign Stopped"
        assert body["campaignInstanceId"] == sample["campaignInstanceId"] == WINTER_INSTANCE
        assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", body["updatedAt"])
        entry = sb.control.requests_log()[-1]
        assert entry["route"] == "trigger-v2-short" and entry["body"] == {}
        assert sb.control.campaign(WINTER)["status"] == "Stopped"


@pytest.mark.parametrize("client", CLIENTS)
def test_enable_schedule_daily_page(client):
    status, body, sb, text = run_page("enable-campaign-schedule-daily.txt", client, now=DOCS_ERA)
    with sb:
        assert status == 200
        assert body == sample_response(text)
        c = sb.control.campaign(FEEDBACK)
        assert c["status"] == "Scheduled"
        assert c["schedule"]["isSchedulingEnabled"] is True
        entry = sb.control.requests_log()[-1]
        assert entry["operation"] == "schedule_enable"
        assert entry["query"]["campaignName"] == FEEDBACK_NAME


def test_enable_schedule_daily_page_is_refused_after_its_end_date():
    # Without the docs-era clock the page's endDateTime (2026-02-27) lies in the past.
    status, body, sb, _text = run_page("enable-campaign-schedule-daily.txt", "requests")
    with sb:
        assert status == 400
        assert body["errors"][0]["msg"] == (
            "endDateTime must be greater than both current time and startDateTime")


@pytest.mark.parametrize("client", CLIENTS)
def test_disable_schedule_page(client):
    # The disable page needs an enabled schedule: send the enable page first, then it.
    page = "enable-campaign-schedule-daily.txt"
    status, _body, sb, _text = run_page(page, client, now=DOCS_ERA)
    with sb:
        assert status == 200
        text = page_text("disable-campaign-schedule.txt")
        values = {"{{streamId}}": sb.stream_id, "{{iid}}": sb.stream_id,
                  "{{accountid}}": sb.account_id, "{{jwt_token}}": sb.token(),
                  "{{campaignName}}": quote(FEEDBACK_NAME, safe="")}
        status, body = send(client, fill(curl_args(text), sb.url, values))
        assert status == 200
        assert body == sample_response(text)
        assert sb.control.campaign(FEEDBACK)["status"] == "Ready"
        assert [e["operation"] for e in sb.control.writes()] == ["schedule_enable",
                                                                 "schedule_disable"]
