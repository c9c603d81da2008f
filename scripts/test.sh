#!/usr/bin/env bash
# make test / .ci/run: venv -> sanity -> lint -> unit -> integration, fail fast, and a
# summary line per stage with its duration (printed on success and on failure).
#
#   scripts/test.sh                      all stages
#   scripts/test.sh unit integration     only these stages (venv always runs first)
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

all_stages=(sanity lint unit integration)
if [[ $# -gt 0 ]]; then
    stages=("$@")
    for s in "${stages[@]}"; do
        [[ " ${all_stages[*]} " == *" $s "* ]] || die "unknown stage '$s' (stages: ${all_stages[*]})"
    done
else
    stages=("${all_stages[@]}")
fi
stages=(venv "${stages[@]}")

results=()
current=""
t_all="$(now)"
rm -rf "$TMP_DIR/junit"

# "tests: N passed, N failed, N skipped" over the pytest stages that ran (JUnit XML files).
test_counts() {
    [[ -d "$TMP_DIR/junit" ]] || return 0
    "$VENV_BIN/python" - "$TMP_DIR"/junit/*.xml <<'PY' || true
import sys
import xml.etree.ElementTree as ET

total = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        continue
    suites = [root] if root.tag == 'testsuite' else root.iter('testsuite')
    for suite in suites:
        total += int(suite.get('tests', 0))
        failed += int(suite.get('failures', 0)) + int(suite.get('errors', 0))
        skipped += int(suite.get('skipped', 0))
if total:
    print('tests: %d passed, %d failed, %d skipped' % (total - failed - skipped, failed, skipped))
PY
}

summary() {
    local rc=$? s seen=""
    trap - EXIT
    echo
    echo "================================ summary ================================"
    for line in "${results[@]}"; do
        echo "$line"
    done
    for s in "${stages[@]}"; do
        if [[ -n "$seen" ]]; then
            printf '%-8s %-12s\n' "-" "$s (not run)"
        fi
        [[ "$s" == "$current" ]] && seen=1
    done
    if [[ $rc -eq 0 ]]; then
        printf 'ALL STAGES PASSED in %s\n' "$(elapsed "$t_all")"
    else
        printf 'FAILED at stage "%s" (exit %d) after %s\n' "${current:-?}" "$rc" "$(elapsed "$t_all")"
    fi
    test_counts
    exit "$rc"
}
trap summary EXIT

run_stage() {
    local name="$1" t0 rc=0
    shift
    current="$name"
    t0="$(now)"
    printf '\n==> [%s] %s\n' "$name" "$*" >&2
    "$@" || rc=$?
    if [[ $rc -ne 0 ]]; then
        results+=("$(printf '%-8s %-12s %8s  (exit %d)' FAILED "$name" "$(elapsed "$t0")" "$rc")")
        exit "$rc"
    fi
    results+=("$(printf '%-8s %-12s %8s' ok "$name" "$(elapsed "$t0")")")
}

for stage in "${stages[@]}"; do
    case "$stage" in
        venv)
            run_stage venv bash "$ROOT/scripts/venv.sh"
            # The stage scripts below need not check the venv again.
            KOREAI_VENV_READY="$(_requirements_stamp)"
            export KOREAI_VENV_READY
            ;;
        sanity) run_stage sanity bash "$ROOT/scripts/sanity.sh" ;;
        lint) run_stage lint bash "$ROOT/scripts/lint.sh" ;;
        unit) run_stage unit bash "$ROOT/scripts/pytest.sh" unit ;;
        integration) run_stage integration bash "$ROOT/scripts/pytest.sh" integration ;;
    esac
done
current=""
