#!/usr/bin/env bash
# make demo: venv -> build + install the collection -> start the local Kore.ai sandbox ->
# run playbooks/quickstart.yml against it (with the INSTALLED collection, from outside the
# source tree) -> stop the sandbox. Exits with the playbook's status.
#
#   scripts/demo.sh [extra ansible-playbook args, e.g. -v or --diff]
#   DEMO_PLAYBOOK=playbooks/other.yml scripts/demo.sh
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

playbook="${DEMO_PLAYBOOK:-$ROOT/playbooks/quickstart.yml}"
[[ "$playbook" == /* ]] || playbook="$ROOT/$playbook"
ready_timeout="${SANDBOX_READY_TIMEOUT:-30}"

ensure_venv
activate_venv
build_and_install_collection

[[ -f "$playbook" ]] || die "playbook not found: $playbook"

work="$(mktemp -d "${TMPDIR:-/tmp}/koreai-demo.XXXXXX")"
sandbox_pid=""

# shellcheck disable=SC2329  # invoked by the EXIT trap
cleanup() {
    local rc=$?
    if [[ -n "$sandbox_pid" ]] && kill -0 "$sandbox_pid" 2>/dev/null; then
        kill -TERM "$sandbox_pid" 2>/dev/null || true
        for _ in $(seq 50); do
            kill -0 "$sandbox_pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$sandbox_pid" 2>/dev/null || true
        wait "$sandbox_pid" 2>/dev/null || true
        log "sandbox: stopped"
    fi
    if [[ $rc -ne 0 && -s "$work/sandbox.log" ]]; then
        echo "---- sandbox log (last 30 lines) ----" >&2
        tail -n 30 "$work/sandbox.log" >&2
    fi
    cd /
    rm -rf "$work"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- start the sandbox on a free port -------------------------------------------------------
PYTHONPATH="$ROOT/tests/sandbox${PYTHONPATH:+:$PYTHONPATH}" \
    "$VENV_BIN/python" -m koreai_sandbox --host 127.0.0.1 --port 0 --port-file "$work/port" --dial-rate 0.2 \
    >"$work/sandbox.log" 2>&1 </dev/null &
sandbox_pid=$!

url=""
deadline=$((SECONDS + ready_timeout))
while [[ -z "$url" ]]; do
    kill -0 "$sandbox_pid" 2>/dev/null || die "sandbox exited before it was ready"
    ((SECONDS < deadline)) || die "sandbox not ready after ${ready_timeout}s"
    if [[ -s "$work/port" ]]; then
        content="$(tr -d '[:space:]' <"$work/port")"
        if [[ "$content" =~ ^[0-9]+$ ]]; then
            url="http://127.0.0.1:$content"
        elif [[ "$content" == http* ]]; then
            url="${content%/}"
        fi
    fi
    if [[ -z "$url" ]]; then
        url="$(sed -n 's/^.*KOREAI SANDBOX READY \(http[^[:space:]]*\).*$/\1/p' "$work/sandbox.log" | head -n1)"
        url="${url%/}"
    fi
    [[ -n "$url" ]] || sleep 0.1
done

# The port is open once the file is written; confirm the API answers before going on.
until "$VENV_BIN/python" - "$url/__sandbox__/health" <<'PY'
import sys
import urllib.request

try:
    with urllib.request.urlopen(sys.argv[1], timeout=2) as response:
        sys.exit(0 if response.status == 200 else 1)
except Exception:  # pylint: disable=broad-except
    sys.exit(1)
PY
do
    kill -0 "$sandbox_pid" 2>/dev/null || die "sandbox exited before it was healthy"
    ((SECONDS < deadline)) || die "sandbox at $url not healthy after ${ready_timeout}s"
    sleep 0.2
done
log "sandbox: listening at $url (pid $sandbox_pid)"

# --- run the playbook against the installed collection, from outside the source tree --------
export ANSIBLE_COLLECTIONS_PATH="$COLLECTIONS_PATH"
export ANSIBLE_COLLECTIONS_SCAN_SYS_PATH=false
export ANSIBLE_LOCALHOST_WARNING=false
export ANSIBLE_INVENTORY_UNPARSED_WARNING=false
export ANSIBLE_RETRY_FILES_ENABLED=false
export KOREAI_HOST="$url"
# The sandbox's built-in credentials (deliberately not taken from the caller's environment,
# which may hold a real tenant's).
export KOREAI_CLIENT_ID=cs-sandbox-0000-0000-0000-000000000000
export KOREAI_CLIENT_SECRET=sandbox-secret-0123456789-abcdefghijklmnopqrstuvwxyz
export KOREAI_STREAM_ID=st-0603182c-7ffb-53c3-b307-47ca14b9xxxx
export KOREAI_ACCOUNT_ID=67777ce93e25326494e9xxxx
unset KOREAI_TOKEN

log "demo: ansible-playbook ${playbook#"$ROOT"/} (collection from ${COLLECTIONS_PATH#"$ROOT"/})"
cd "$work"
rc=0
ansible-playbook "$playbook" "$@" || rc=$?
exit "$rc"
