"""Rehearse a playbook against a twin of a tenant: the engine of koreai.campaign.rehearse.

    python -m koreai_sandbox.rehearse --snapshot SNAPSHOT.yml --stream-id st-... --account-id ... \\
        --workdir DIR -- PLAYBOOK [ansible-playbook options]

It starts the sandbox on 127.0.0.1, seeded from the snapshot (an export with export_run_state,
see export_seed.py), runs ``ansible-playbook PLAYBOOK ...`` with only the connection changed
(KOREAI_* environment and the koreai_* connection variables point at the twin, with the twin's own
credentials), then prints the requests the playbook sent, in order, and the twin's state before
and after as a unified diff. It writes DIR/requests.json (the request log), DIR/before.yml and
DIR/after.yml. The exit code is the playbook's.

Nothing of the run can reach another host: HTTP(S)_PROXY point at a closed local port and
NO_PROXY lets only 127.0.0.1 and localhost through, so a playbook that writes a host literally
fails instead of reaching it. Contact rows are never printed (an addContacts body shows its count).
"""

import argparse
import difflib
import json
import os
import shlex
import subprocess
import sys

import yaml

from .server import start_sandbox

# Connection variables the collection's roles and playbooks read (roles/*/tasks: koreai_host, ...).
CONNECTION_VARS = ("koreai_host", "koreai_client_id", "koreai_client_secret", "koreai_token",
                   "koreai_ca_path", "koreai_validate_certs", "koreai_audit_log")
DROPPED_ENV = ("KOREAI_TOKEN", "KOREAI_CA_PATH", "KOREAI_AUDIT_LOG", "KOREAI_VALIDATE_CERTS")
CLOSED_PROXY = "http://127.0.0.1:9"
REPORT_FILES = ("report.txt", "requests.json", "before.yml", "after.yml")


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m koreai_sandbox.rehearse", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--snapshot", required=True, help="export of the tenant (YAML or JSON)")
    p.add_argument("--stream-id", required=True)
    p.add_argument("--account-id", required=True)
    p.add_argument("--workdir", required=True)
    p.add_argument("--ansible-playbook", default="ansible-playbook",
                   help="the ansible-playbook command (default: from PATH)")
    p.add_argument("--args", default="",
                   help="more ansible-playbook options in one string, split as a shell would")
    p.add_argument("playbook_args", nargs=argparse.REMAINDER,
                   help="-- PLAYBOOK [options]: what to run against the twin")
    args = p.parse_args(argv)
    if args.playbook_args[:1] == ["--"]:
        args.playbook_args = args.playbook_args[1:]
    args.playbook_args += shlex.split(args.args)
    if not args.playbook_args:
        p.error("give the playbook to rehearse after --")
    return args


def twin_state(control):
    """The twin's campaigns and lists as a reviewer reads them: by name, the fields that matter."""
    campaigns = {}
    for c in control.campaigns():
        dnc = c.get("dncLists") or {}
        strategy = c.get("dialingStrategy") or {}
        entry = {"id": c.get("_id"), "type": c.get("type"), "status": c.get("status"),
                 "schedule": "on" if (c.get("schedule") or {}).get("isSchedulingEnabled") else "off",
                 "description": c.get("description"), "priority": c.get("priority"),
                 "contact_lists": c.get("contactLists"), "dnc_list": dnc.get("name"),
                 "caller_id": (strategy.get("callerId") or {}).get("phoneNumber"),
                 "calling_hours": strategy.get("callingHours")}
        if c.get("dialingMode"):
            entry["dialing_mode"] = c["dialingMode"]
        if c.get("campaignInstanceId"):
            entry["campaign_instance_id"] = c["campaignInstanceId"]
        campaigns[c.get("name")] = {k: v for k, v in entry.items() if v is not None}
    lists = {}
    for cl in control.contact_lists():
        lists[cl.get("name")] = {"id": cl.get("_id"), "description": cl.get("description"),
                                 "contacts": (cl.get("sandbox") or {}).get("contacts", 0)}
    return yaml.safe_dump({"campaigns": campaigns, "contact_lists": lists}, sort_keys=True,
                          default_flow_style=False, allow_unicode=True, width=120)


def shown_body(entry):
    """A request body as the log prints it: contact rows replaced by their count."""
    body = entry.get("body")
    if isinstance(body, dict) and isinstance(body.get("data"), list) and "contact_list_name" in body:
        body = dict(body, data="<%d contacts>" % len(body["data"]))
    if body in (None, {}, ""):
        return ""
    return " " + json.dumps(body, sort_keys=True, ensure_ascii=False)


def request_lines(log):
    lines = []
    for n, entry in enumerate(log, 1):
        query = entry.get("query_string")
        target = entry.get("path") + ("?" + query if query else "")
        flag = " [write]" if entry.get("write") else ""
        body = shown_body(entry) if entry.get("write") else ""
        lines.append("%3d. %-6s %s -> %s%s%s" % (n, entry.get("method"), target, entry.get("status_code"),
                                                 flag, body))
    return lines


def playbook_env(url, config, stream_id, account_id):
    env = dict(os.environ)
    for name in DROPPED_ENV:
        env.pop(name, None)
    env.update(KOREAI_HOST=url, KOREAI_CLIENT_ID=config["client_id"],
               KOREAI_CLIENT_SECRET=config["client_secret"], KOREAI_STREAM_ID=stream_id,
               KOREAI_ACCOUNT_ID=account_id, HTTP_PROXY=CLOSED_PROXY, HTTPS_PROXY=CLOSED_PROXY,
               http_proxy=CLOSED_PROXY, https_proxy=CLOSED_PROXY,
               NO_PROXY="127.0.0.1,localhost", no_proxy="127.0.0.1,localhost")
    return env


def rehearse(args, out=sys.stdout):
    os.makedirs(args.workdir, exist_ok=True)
    with open(args.snapshot, encoding="utf-8") as fh:
        snapshot = yaml.safe_load(fh)
    # The twin does not dial (dial_rate 0): it holds no contacts, and a run it started stays Active until
    # the playbook stops it, so the requests do not depend on how fast a simulated run would end.
    sandbox = start_sandbox(seed=snapshot, stream_id=args.stream_id, account_id=args.account_id,
                            host="127.0.0.1", port=0, dial_rate=0)
    vars_file = os.path.join(args.workdir, "twin-connection.json")
    try:
        control = sandbox.control
        before = twin_state(control)
        control.clear_log()
        twin_vars = {"koreai_host": sandbox.url, "koreai_client_id": sandbox.config["client_id"],
                     "koreai_client_secret": sandbox.config["client_secret"], "koreai_token": "",
                     "koreai_validate_certs": True, "koreai_stream_id": args.stream_id,
                     "koreai_account_id": args.account_id}
        with open(os.open(vars_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w") as fh:
            json.dump(twin_vars, fh)  # the twin's own sandbox credentials, never the tenant's
        command = [args.ansible_playbook] + list(args.playbook_args) + ["-e", "@" + vars_file]
        print("== rehearsing %s against a twin of stream %s at %s"
              % (" ".join(args.playbook_args), args.stream_id, sandbox.url), file=out, flush=True)
        proc = subprocess.run(command, env=playbook_env(sandbox.url, sandbox.config, args.stream_id,
                                                        args.account_id),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, check=False)
        print(proc.stdout, file=out)
        log = control.requests_log()
        after = twin_state(control)
    finally:
        sandbox.stop()
        if os.path.exists(vars_file):
            os.remove(vars_file)
    kept = [{k: e.get(k) for k in ("method", "path", "route", "operation", "query_string", "body",
                                   "status_code", "write")} for e in log]
    # Bodies may hold contact rows (addContacts): the file is the user's alone.
    path = os.path.join(args.workdir, "requests.json")
    with open(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "w", encoding="utf-8") as fh:
        json.dump(kept, fh, indent=1, sort_keys=True)
    for name, text in (("before.yml", before), ("after.yml", after)):
        with open(os.path.join(args.workdir, name), "w", encoding="utf-8") as fh:
            fh.write(text)
    writes = sum(1 for e in log if e.get("write"))
    report = ["== the playbook (exit code %d) would send these %d requests to the tenant, in order (%d writes):"
              % (proc.returncode, len(log), writes)]
    report += request_lines(log)
    report.append("== the tenant before and after (the twin's state):")
    diff = list(difflib.unified_diff(before.splitlines(), after.splitlines(), "before", "after",
                                     lineterm=""))
    report += diff or ["(no change)"]
    report.append("== files: %s" % ", ".join(os.path.join(args.workdir, n) for n in REPORT_FILES))
    with open(os.path.join(args.workdir, "report.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(report) + "\n")
    print("\n".join(report), file=out)
    return proc.returncode


def main(argv=None):
    return rehearse(parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
