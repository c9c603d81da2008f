#!/usr/bin/env bash
# make test / .ci/run: venv -> sanity -> lint -> unit -> galaxy -> integration -> matrix, fail fast,
# and a summary line per stage with its duration (printed on success and on failure).
#
#   scripts/test.sh                      all stages
#   scripts/test.sh unit integration     only these stages (venv always runs first)
#
# What runs where, to stay within 15 minutes on 2 cores (measured times: README "Contributing"):
#   venv         .venv: the dev line, ansible-core 2.21 on Python 3.12 (requirements-dev.txt)
#   sanity       ALL ansible-test sanity tests on the dev line
#   lint         ansible-lint + antsibull-docs on the dev line
#   unit         tests/unit on the dev line
#   galaxy       galaxy-importer on the built tarball, in its own venv (scripts/galaxy-importer.sh)
#   integration  the FULL tests/integration suite on the dev line
#   matrix       ansible-core 2.16-2.20 (scripts/matrix.sh --skip-dev): per line the version-dependent
#                sanity tests, all unit tests and a smoke set of integration tests. Its venvs and
#                ansible-test's sanity venvs are built in the background from the end of the venv
#                stage on (scripts/matrix.sh --prepare, log .tmp/matrix/prepare.log), so the stage
#                itself only runs the checks.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

all_stages=(sanity lint unit galaxy integration matrix)
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

prepare_pid=""
summary() {
    local rc=$? s seen=""
    trap - EXIT
    if [[ -n "$prepare_pid" ]] && kill -0 "$prepare_pid" 2>/dev/null; then
        kill -TERM -- "-$prepare_pid" 2>/dev/null || true  # its own process group (setsid below)
    fi
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
            if [[ " ${stages[*]} " == *" matrix "* ]]; then
                mkdir -p "$TMP_DIR/matrix"
                setsid bash "$ROOT/scripts/matrix.sh" --prepare --skip-dev >"$TMP_DIR/matrix/prepare.log" 2>&1 &
                prepare_pid=$!
                log "matrix: preparing the ansible-core 2.16-2.20 venvs in the background (.tmp/matrix/prepare.log)"
            fi
            ;;
        sanity) run_stage sanity bash "$ROOT/scripts/sanity.sh" ;;
        lint) run_stage lint bash "$ROOT/scripts/lint.sh" ;;
        unit) run_stage unit bash "$ROOT/scripts/pytest.sh" unit ;;
        galaxy) run_stage galaxy bash "$ROOT/scripts/galaxy-importer.sh" ;;
        integration) run_stage integration bash "$ROOT/scripts/pytest.sh" integration ;;
        matrix)
            if [[ -n "$prepare_pid" ]]; then
                log "matrix: waiting for the background preparation"
                wait "$prepare_pid" || true
                prepare_pid=""
                cat "$TMP_DIR/matrix/prepare.log" >&2
            fi
            run_stage matrix bash "$ROOT/scripts/matrix.sh" --skip-dev
            ;;
    esac
done
current=""
