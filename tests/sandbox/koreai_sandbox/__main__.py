"""Command line: run the sandbox until SIGTERM/SIGINT.

    PYTHONPATH=tests/sandbox python -m koreai_sandbox --host 127.0.0.1 --port 0

Prints ``KOREAI SANDBOX READY <base-url>`` once listening (and writes the port to
--port-file), so scripts can start it on a free port and wait for that line.
"""

import argparse
import os
import signal
import sys
import threading

from .config import DEFAULT_ACCOUNT_ID, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_STREAM_ID
from .server import make_sandbox_server


def parse_args(argv=None):
    p = argparse.ArgumentParser(prog="python -m koreai_sandbox",
                                description="Local Kore.ai Campaign Management API sandbox.")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="0 = pick a free port (default)")
    p.add_argument("--client-id", default=DEFAULT_CLIENT_ID)
    p.add_argument("--client-secret", default=DEFAULT_CLIENT_SECRET)
    p.add_argument("--stream-id", action="append",
                   help="repeat with --account-id for several streams (default %s)"
                   % DEFAULT_STREAM_ID)
    p.add_argument("--account-id", action="append",
                   help="the account of the --stream-id in the same position (default %s)"
                   % DEFAULT_ACCOUNT_ID)
    p.add_argument("--seed", default="default",
                   help="default | empty | PATH (.json or .yml: a seed, or an export of a tenant)")
    p.add_argument("--mode", choices=("strict", "tolerant"), default="strict")
    p.add_argument("--rate-limit", type=int, default=0, metavar="N",
                   help="requests per minute per account; 0 = off (default)")
    p.add_argument("--rate-limit-retry-after", action="store_true",
                   help="send Retry-After with 429 answers (off by default, as documented)")
    p.add_argument("--schedule-details", action="store_true",
                   help="show the sent schedule (dates, recurrence) on campaign objects")
    p.add_argument("--error-shape", choices=("errors", "status"), default="errors")
    p.add_argument("--lag-reads", type=int, default=0, metavar="N")
    p.add_argument("--create-ready-after-reads", type=int, default=2, metavar="N",
                   help="reads a newly created voice campaign stays Preparing (default 2)")
    p.add_argument("--now", help="business clock for schedule checks, 'YYYY-MM-DD HH:mm:ss'")
    p.add_argument("--add-contacts-answer", choices=("in_progress", "queued", "by_query"),
                   default="in_progress", help="answer shape of addContacts (default in_progress)")
    p.add_argument("--contacts-delay", type=float, default=0.0, metavar="SECONDS",
                   help="seconds before added contacts become visible (default 0)")
    p.add_argument("--contacts-delay-reads", type=int, default=0, metavar="N",
                   help="list reads that still miss added contacts (default 0)")
    p.add_argument("--dial-rate", type=float, default=20.0, metavar="PER_SECOND",
                   help="dial attempts per second of an Active campaign; 0 = control API only")
    p.add_argument("--dial-seed", default="1", help="seed of the dial outcomes (default 1)")
    p.add_argument("--dial-outcomes", type=_weights, metavar="answered=60,no_answer=25,busy=15",
                   help="relative weights of the outcome of a call attempt")
    p.add_argument("--dial-now", help="dial clock: 'real', or 'YYYY-MM-DD HH:mm:ss' (UTC, "
                   "frozen); calling hours are checked only when it is set")
    p.add_argument("--status-case", choices=("documented", "lower", "lower_all", "upper_all"),
                   default="documented", help="case of result statuses (and campaign statuses)")
    p.add_argument("--analytics-offset", choices=("pages", "items"), default="pages",
                   help="what interactionDetails ?offset= counts (default pages)")
    p.add_argument("--active-voice-limit", type=int, default=50, metavar="N",
                   help="voice campaigns that may be Active at once per account (default 50)")
    p.add_argument("--port-file", help="write the bound port to this file")
    p.add_argument("--tls-cert", help="PEM certificate (with --tls-key) to serve HTTPS")
    p.add_argument("--tls-key")
    p.add_argument("--access-log", action="store_true", help="log each request to stderr")
    return p.parse_args(argv)


def _weights(text):
    """'answered=60,no_answer=25,busy=15' -> {"answered": 60.0, ...}."""
    out = {}
    for part in text.split(","):
        name, sep, value = part.partition("=")
        try:
            out[name.strip()] = float(value)
        except ValueError:
            sep = ""
        if not sep:
            raise argparse.ArgumentTypeError("use name=weight pairs, like answered=60,busy=40")
    return out


def config_from_args(args):
    streams = args.stream_id or []
    accounts = args.account_id or []
    if len(streams) > 1 or len(accounts) > 1:
        if len(streams) != len(accounts):
            raise SystemExit("give one --account-id per --stream-id")
        stream_cfg = {"streams": [{"stream_id": s, "account_id": a}
                                  for s, a in zip(streams, accounts)]}
    else:
        stream_cfg = {"stream_id": streams[0] if streams else None,
                      "account_id": accounts[0] if accounts else None}
    return dict(
        stream_cfg,
        host=args.host, port=args.port, client_id=args.client_id,
        client_secret=args.client_secret, seed=args.seed, mode=args.mode,
        rate_limit={"enabled": args.rate_limit > 0, "per_minute": args.rate_limit or 60,
                    "retry_after": args.rate_limit_retry_after},
        schedule_details=args.schedule_details, error_shape=args.error_shape,
        lag_reads=args.lag_reads, now=args.now,
        create_ready_after_reads=args.create_ready_after_reads, port_file=args.port_file,
        tls_cert=args.tls_cert, tls_key=args.tls_key, access_log=args.access_log,
        add_contacts_answer=args.add_contacts_answer, contacts_delay=args.contacts_delay,
        contacts_delay_reads=args.contacts_delay_reads, dial_rate=args.dial_rate,
        dial_seed=int(args.dial_seed) if args.dial_seed.isdigit() else args.dial_seed,
        dial_now=args.dial_now, status_case=args.status_case,
        analytics_offset=args.analytics_offset, active_voice_limit=args.active_voice_limit,
        **({"dial_outcomes": args.dial_outcomes} if args.dial_outcomes else {}),
    )


def main(argv=None):
    args = parse_args(argv)
    try:
        _app, server, url = make_sandbox_server(config_from_args(args))
    except (ValueError, OSError) as exc:
        print("koreai sandbox: %s" % exc, file=sys.stderr)
        return 2

    def stop(_signum, _frame):
        # shutdown() waits for serve_forever to return, so it must run in another thread.
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    if args.port_file:
        tmp = args.port_file + ".tmp"
        with open(tmp, "w", encoding="ascii") as fh:
            fh.write("%d\n" % server.server_port)
        os.replace(tmp, args.port_file)  # readers never see a half-written file
    print("KOREAI SANDBOX READY %s" % url, flush=True)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
        if args.port_file and os.path.exists(args.port_file):
            os.remove(args.port_file)
    print("koreai sandbox stopped", file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
