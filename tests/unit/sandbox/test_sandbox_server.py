"""The real server: in-process handle on port 0 with requests, faults that need a socket
(drop, delay vs client timeout), thread safety, TLS, and the command line."""

import datetime as dt
import os
import signal
import subprocess
import sys
import threading

import pytest
import requests
from sandbox_helpers import FEEDBACK_NAME, PAYMENT, RENEWAL, SANDBOX_DIR, WINTER

from koreai_sandbox import start_sandbox


@pytest.fixture(scope="module")
def sb():
    with start_sandbox() as handle:
        yield handle


@pytest.fixture(autouse=True)
def _fresh(request):
    if "sb" in request.fixturenames:
        request.getfixturevalue("sb").control.reset()


def url(sb, rest):
    return "%s/campaign/api/v2/public/%s/campaign%s" % (sb.url, sb.stream_id, rest)


def test_handle_and_control_client(sb):
    assert sb.url.startswith("http://127.0.0.1:") and sb.port > 0
    assert sb.control.health() == {"ok": True}
    r = requests.get(url(sb, "/" + RENEWAL), headers=sb.headers(json_body=False), timeout=5)
    assert r.status_code == 200 and r.json()["data"]["_id"] == RENEWAL

    c = sb.control.seed_campaign(type="sms", name="Via Control", status="Stopped")
    assert sb.control.campaign(c["_id"])["status"] == "Stopped"
    assert sb.control.set_campaign(c["_id"], status="Completed")["status"] == "Completed"
    assert len(sb.control.campaigns()) == 10 and len(sb.control.campaigns("sms")) == 4
    assert sb.control.configure(lag_reads=1)["lag_reads"] == 1
    assert sb.control.config()["lag_reads"] == 1

    r = requests.post(url(sb, "//trigger/%s?accountId=%s&campaignType=sms&trigger=stop"
                          % (PAYMENT, sb.account_id)), headers=sb.headers(), data="{}", timeout=5)
    assert r.status_code == 200
    (entry,) = sb.control.writes()
    assert entry["path"].endswith("/campaign//trigger/" + PAYMENT)  # "//" reached the server
    assert entry["route"] == "trigger-v2-double-slash"
    assert [e["operation"] for e in sb.control.requests_log()] == ["get_campaign", "trigger"]
    sb.control.clear_log()
    assert sb.control.requests_log() == []
    sb.control.inject(kind="status", status=500)
    assert len(sb.control.faults()) == 1
    sb.control.clear_faults()
    assert sb.control.campaign("cd-nope") is None
    with pytest.raises(LookupError):
        sb.control.set_campaign("cd-nope", status="Ready")
    sb.control.reset(seed="empty")
    assert sb.control.campaigns() == []
    with pytest.raises(RuntimeError, match="400"):
        sb.control.configure(mode="lenient")


def test_drop_fault_gives_connection_error(sb):
    sb.control.inject(kind="drop", match={"operation": "get_campaign"})
    with pytest.raises(requests.ConnectionError):
        requests.get(url(sb, "/" + RENEWAL), headers=sb.headers(), timeout=5)
    (entry,) = sb.control.requests_log()
    assert entry["fault"] == "drop" and entry["status_code"] is None
    assert requests.get(url(sb, "/" + RENEWAL), headers=sb.headers(), timeout=5).ok


def test_drop_after_apply_the_write_happened(sb):
    sb.control.inject(kind="drop", apply=True, match={"operation": "trigger"})
    with pytest.raises(requests.ConnectionError):
        requests.post(url(sb, "/trigger/%s?campaignType=voice&trigger=stop" % WINTER),
                      headers=sb.headers(), data="{}", timeout=5)
    assert sb.control.campaign(WINTER)["status"] == "Stopped"
    (entry,) = sb.control.writes()
    assert entry["processed_status_code"] == 200 and entry["status_code"] is None


def test_malformed_fault_is_not_json(sb):
    sb.control.inject(kind="malformed")
    r = requests.get(url(sb, "/" + RENEWAL), headers=sb.headers(), timeout=5)
    assert r.status_code == 200
    with pytest.raises(ValueError):
        r.json()


def test_delay_fault_vs_client_timeout(sb):
    sb.control.inject(kind="delay", seconds=0.6, match={"operation": "trigger"})
    with pytest.raises(requests.ReadTimeout):
        requests.post(url(sb, "/trigger/%s?campaignType=voice&trigger=stop" % WINTER),
                      headers=sb.headers(), data="{}", timeout=0.2)
    # The server went on after the delay: the outcome the client never saw took effect.
    for _attempt in range(50):
        if sb.control.campaign(WINTER)["status"] == "Stopped":
            break
        threading.Event().wait(0.05)
    assert sb.control.campaign(WINTER)["status"] == "Stopped"


def test_trickle_fault_sends_the_real_answer_a_byte_at_a_time(sb):
    sb.control.inject(kind="trickle", seconds=0.02, match={"operation": "trigger"})
    started = dt.datetime.now()
    # A per-read timeout far below the whole body's time does not fire: every byte comes in time.
    r = requests.post(url(sb, "/trigger/%s?campaignType=voice&trigger=stop" % WINTER),
                      headers=sb.headers(), data="{}", timeout=0.5)
    assert r.status_code == 200 and r.json()["status"] == "Stopped"
    assert (dt.datetime.now() - started).total_seconds() >= 0.02 * len(r.content)
    assert sb.control.campaign(WINTER)["status"] == "Stopped"
    assert sb.control.requests_log()[-1]["fault"] == "trickle"


def test_concurrent_stops_exactly_one_wins(sb):
    barrier = threading.Barrier(12)
    codes = []

    def stop():
        headers = sb.headers()
        barrier.wait()
        r = requests.post(url(sb, "/trigger/%s?campaignType=voice&trigger=stop" % WINTER),
                          headers=headers, data="{}", timeout=10)
        codes.append(r.status_code)

    threads = [threading.Thread(target=stop) for _attempt in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(codes) == [200] + [409] * 11
    log = sb.control.requests_log()
    assert sorted(e["seq"] for e in log) == list(range(1, 13))


def test_two_sandboxes_are_independent(sb):
    with start_sandbox(seed="empty", mode="tolerant") as other:
        assert other.url != sb.url
        assert other.control.campaigns() == [] and len(sb.control.campaigns()) == 9
        assert other.control.config()["mode"] == "tolerant"
        assert sb.control.config()["mode"] == "strict"


def test_rate_limit_over_http():
    with start_sandbox(rate_limit={"enabled": True, "per_minute": 2, "retry_after": True}) as s:
        codes = [requests.get(url(s, "/" + RENEWAL), headers=s.headers(), timeout=5)
                 for _attempt in range(3)]
        assert [r.status_code for r in codes] == [200, 200, 429]
        assert 59 <= int(codes[2].headers["Retry-After"]) <= 60


def _self_signed(tmp_path):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID
    import ipaddress

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.TraditionalOpenSSL,
                                           serialization.NoEncryption()))
    return str(cert_path), str(key_path)


def test_tls(tmp_path):
    pytest.importorskip("cryptography")
    cert, key = _self_signed(tmp_path)
    with start_sandbox(tls_cert=cert, tls_key=key) as s:
        assert s.url.startswith("https://127.0.0.1:")
        assert s.control.health() == {"ok": True}
        r = requests.get(url(s, "/" + RENEWAL), headers=s.headers(), verify=cert, timeout=5)
        assert r.status_code == 200
        with pytest.raises(requests.exceptions.SSLError):
            requests.get(s.url + "/__sandbox__/health", timeout=5)  # not trusted by default


def _start_cli(*args, port_file=None):
    env = dict(os.environ, PYTHONPATH=str(SANDBOX_DIR))
    cmd = [sys.executable, "-m", "koreai_sandbox", "--host", "127.0.0.1", "--port", "0"]
    if port_file:
        cmd += ["--port-file", str(port_file)]
    proc = subprocess.Popen(cmd + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)
    line = proc.stdout.readline()
    assert line.startswith("KOREAI SANDBOX READY http://127.0.0.1:"), (line, proc.stderr.read())
    return proc, line.split()[-1]


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_cli_ready_line_port_file_and_signals(tmp_path, sig):
    port_file = tmp_path / "port"
    proc, base = _start_cli("--mode", "tolerant", "--seed", "empty", "--rate-limit", "5",
                            "--rate-limit-retry-after", "--lag-reads", "1", port_file=port_file)
    try:
        assert base.endswith(":" + port_file.read_text().strip())
        assert requests.get(base + "/__sandbox__/health", timeout=5).json() == {"ok": True}
        cfg = requests.get(base + "/__sandbox__/config", timeout=5).json()
        assert cfg["mode"] == "tolerant" and cfg["lag_reads"] == 1
        assert cfg["rate_limit"] == {"enabled": True, "per_minute": 5, "retry_after": True}
        assert requests.get(base + "/__sandbox__/campaigns", timeout=5).json() == {"campaigns": []}
    finally:
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=10)
    assert proc.returncode == 0, err
    assert not port_file.exists()


def test_cli_custom_identity_and_schedule(tmp_path):
    proc, base = _start_cli("--client-id", "cs-custom", "--client-secret", "c" * 40,
                            "--stream-id", "st-mine", "--account-id", "acc-mine",
                            "--now", "2026-01-20 00:00:00", "--schedule-details")
    try:
        from koreai_sandbox import mint_token

        def headers():
            return {"auth": mint_token("cs-custom", "c" * 40), "iid": "st-mine",
                    "accountId": "acc-mine", "Content-Type": "application/json"}

        body = {"startDateTime": "2026-01-27 18:29:00", "endDateTime": "2026-02-27 18:29:00",
                "recurrenceObject": {"recurType": "Daily", "dailyDetails": {"onceEveryNdays": 1}}}
        r = requests.post(base + "/campaign/api/v2/public/st-mine/campaign/schedule",
                          params={"enableSchedule": "true", "campaignName": FEEDBACK_NAME},
                          json=body, headers=headers(), timeout=5)
        assert r.status_code == 200, r.text
        r = requests.get(base + "/campaign/api/v2/public/st-mine/campaign/" + r.json()["id"],
                         headers=headers(), timeout=5)
        assert r.json()["data"]["schedule"]["startDateTime"] == "2026-01-27 18:29:00"
    finally:
        proc.terminate()
        proc.communicate(timeout=10)
    assert proc.returncode == 0


def test_cli_bad_arguments_exit_nonzero():
    env = dict(os.environ, PYTHONPATH=str(SANDBOX_DIR))
    proc = subprocess.run([sys.executable, "-m", "koreai_sandbox", "--seed", "/no/such.json"],
                          capture_output=True, text=True, env=env, timeout=20, check=False)
    assert proc.returncode == 2 and "koreai sandbox:" in proc.stderr
