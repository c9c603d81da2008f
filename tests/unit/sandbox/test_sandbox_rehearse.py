"""The rehearsal engine's own parts (rehearse.py): only the connection of the rehearsed run changes, and
nothing of it can reach another host; contact rows are never printed; the twin's state reads as YAML."""

from koreai_sandbox import rehearse, start_sandbox


def test_the_run_points_at_the_twin_and_cannot_reach_another_host(monkeypatch):
    monkeypatch.setenv("KOREAI_TOKEN", "real-token")
    monkeypatch.setenv("KOREAI_CLIENT_SECRET", "real-secret")
    monkeypatch.setenv("KOREAI_AUDIT_LOG", "/var/log/koreai.jsonl")
    env = rehearse.playbook_env("http://127.0.0.1:5000", {"client_id": "cs-twin", "client_secret": "twin-secret"},
                                "st-1", "acc-1")
    assert env["KOREAI_HOST"] == "http://127.0.0.1:5000" and env["KOREAI_CLIENT_SECRET"] == "twin-secret"
    assert "KOREAI_TOKEN" not in env and "KOREAI_AUDIT_LOG" not in env
    assert env["HTTPS_PROXY"] == rehearse.CLOSED_PROXY and env["NO_PROXY"] == "127.0.0.1,localhost"
    assert "real-secret" not in env.values() and "real-token" not in env.values()


def test_contact_rows_are_shown_as_a_count():
    add = {"method": "POST", "path": "/api/1.1/public/st-1/campaign/contactList/addContacts", "query_string": "",
           "status_code": 200, "write": True,
           "body": {"contact_list_name": "Leads", "data": [{"phoneNumber": "+13125550100"}] * 3}}
    lines = rehearse.request_lines([add, {"method": "GET", "path": "/x", "query_string": "a=1", "status_code": 200,
                                          "write": False, "body": None}])
    assert "+1312555" not in lines[0] and '"data": "<3 contacts>"' in lines[0] and "[write]" in lines[0]
    assert lines[1].endswith("GET    /x?a=1 -> 200")


def test_the_twin_state_names_campaigns_and_lists():
    with start_sandbox() as sandbox:
        text = rehearse.twin_state(sandbox.control)
    assert "Weekly Satisfaction Survey Calls:" in text and "schedule: 'on'" in text
    assert "DNC CL Dec 4:" in text and "client_secret" not in text


def test_arguments(tmp_path):
    args = rehearse.parse_args(["--snapshot", "s.yml", "--stream-id", "st", "--account-id", "a", "--workdir",
                                str(tmp_path), "--args", "-e 'x=a b'", "--", "play.yml", "--check"])
    assert args.playbook_args == ["play.yml", "--check", "-e", "x=a b"]
