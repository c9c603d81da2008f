#!/usr/bin/env bash
# make matrix / the "matrix" stage of make test: koreai.campaign on every ansible-core line it supports
# (meta/runtime.yml: requires_ansible >=2.16.0), each with a controller Python that line supports.
#
#   scripts/matrix.sh                  every line: prepare it, then sanity (subset), unit, smoke
#   scripts/matrix.sh 2.16 2.18        only these lines
#   scripts/matrix.sh --prepare        only build the line venvs and ansible-test's sanity venvs
#                                      (make test runs this in the background during its main stages)
#   scripts/matrix.sh --skip-dev       leave out the dev line (make test: its main stages tested it in full)
#
# Lines and the controller Pythons tried for each, in order (ansible-core's controller support:
# 2.16/2.17 3.10-3.12, 2.18/2.19 3.11-3.13, 2.20/2.21 3.12+). The first choices spread 3.10-3.13 over
# the lines, so each of those Pythons is a controller somewhere:
#   2.16: 3.10 3.11 3.12    2.17: 3.12 3.11 3.10    2.18: 3.11 3.12 3.13
#   2.19: 3.13 3.12 3.11    2.20: 3.13 3.12         2.21: 3.12 3.13 (the dev line: .venv)
# Pythons are looked for in pyenv's versions and on PATH (lib.sh find_python).
#
# What runs where (so that make test stays within 15 minutes on 2 cores):
#   - the dev line (2.21, .venv, requirements-dev.txt) gets the main stages of make test: ALL sanity tests,
#     lint, unit, the FULL integration suite and galaxy-importer. Here (without --skip-dev) it gets the same
#     checks as the other lines, on .venv.
#   - every other line, in .tmp/matrix/<line>/venv (ansible-core <line>.* + requirements-test.txt):
#       sanity  the tests whose result depends on the ansible-core line or the Python: SANITY_TESTS below
#               (the style tests - pep8, pylint, yamllint, shellcheck, ... - run on the dev line only: pylint
#               alone costs minutes per line, and they judge our code style, not what a line accepts)
#       unit    all of tests/unit
#       smoke   SMOKE_TESTS below: the quick start playbook, request counts, roles, check mode, contacts,
#               no_log at -vvvv through every module and role, in-process argument handling
#   - make test builds these venvs and primes ansible-test's sanity venvs in the background while its main
#     stages run (mostly downloads), then runs the lines one after another after the integration stage.
#
# A line that cannot run here - no suitable Python, no ansible-core of that line for that Python in the
# package registry, the registry unreachable - is reported as NOT RUN with the reason. It fails the run
# only with KOREAI_MATRIX_STRICT=1; a line that ran and failed always fails it.
# Logs: .tmp/matrix/<line>/<step>.log (the tail of a failed step is printed).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DEV_LINE=2.21
declare -A LINE_PYTHONS=(
    [2.16]="3.10 3.11 3.12"
    [2.17]="3.12 3.11 3.10"
    [2.18]="3.11 3.12 3.13"
    [2.19]="3.13 3.12 3.11"
    [2.20]="3.13 3.12"
    [2.21]="3.12 3.13"
)
ALL_LINES=(2.16 2.17 2.18 2.19 2.20 2.21)

SANITY_TESTS=(validate-modules ansible-doc import compile runtime-metadata)
SMOKE_TESTS=(
    tests/integration/test_playbooks.py
    tests/integration/test_api_calls.py
    tests/integration/test_roles.py::test_campaign_schedules_refuses_a_bad_entry_before_any_request
    tests/integration/test_roles.py::test_emergency_stop_dry_run_then_stop_then_nothing_to_do
    tests/integration/test_campaign_schedule.py::test_check_mode_sends_no_write
    tests/integration/test_contacts.py::test_bad_rows_fail_before_any_request_naming_line_and_column
    tests/integration/test_reliability_secrets.py::test_every_module_and_role_at_vvvv_keeps_the_secret
    tests/integration/test_reliability_input.py::test_awkward_stream_and_account_ids_reach_the_sandbox_exactly
)

MATRIX_DIR="$TMP_DIR/matrix"
prepare_only=""
skip_dev=""
lines=()
for arg in "$@"; do
    case "$arg" in
        --prepare) prepare_only=1 ;;
        --skip-dev) skip_dev=1 ;;
        -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *)
            [[ -n "${LINE_PYTHONS[$arg]:-}" ]] || die "unknown ansible-core line '$arg' (lines: ${ALL_LINES[*]})"
            lines+=("$arg")
            ;;
    esac
done
[[ ${#lines[@]} -gt 0 ]] || lines=("${ALL_LINES[@]}")
if [[ -n "$skip_dev" ]]; then
    kept=()
    for line in "${lines[@]}"; do
        [[ "$line" == "$DEV_LINE" ]] || kept+=("$line")
    done
    lines=("${kept[@]}")
fi

mkdir -p "$MATRIX_DIR"
declare -A NOT_RUN=() LINE_PY=() LINE_VENV=()

# line_venv LINE -> sets LINE_PY[LINE], LINE_VENV[LINE], or NOT_RUN[LINE] with the reason. Idempotent.
line_venv() {
    local line="$1" version py="" tried="" venv dir stamp want log core
    dir="$MATRIX_DIR/$line"
    mkdir -p "$dir"
    log="$dir/venv.log"
    if [[ "$line" == "$DEV_LINE" ]]; then
        ensure_venv >"$log" 2>&1 || { NOT_RUN[$line]="could not build .venv (see ${log#"$ROOT"/})"; return 1; }
        LINE_VENV[$line]="$VENV"
        LINE_PY[$line]="$("$VENV_BIN/python" -c 'import platform; print(platform.python_version())')"
        return 0
    fi
    for version in ${LINE_PYTHONS[$line]}; do
        tried+="${tried:+, }$version"
        if py="$(find_python "$version")"; then
            break
        fi
        py=""
    done
    if [[ -z "$py" ]]; then
        NOT_RUN[$line]="no Python $tried on this machine (looked in pyenv's versions and on PATH); ansible-core $line needs one of them on the controller"
        return 1
    fi
    venv="$dir/venv"
    want="$({ "$py" -c 'import sys; print(sys.version)'; echo "$line"; cat "$ROOT/requirements.txt" "$ROOT/requirements-test.txt"; } | sha256sum | cut -d' ' -f1)"
    stamp="$venv/.matrix.sha256"
    if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]] || ! "$venv/bin/python" -c '' 2>/dev/null; then
        rm -rf "$venv"
        if ! { "$py" -m venv "$venv" &&
            "$venv/bin/python" -m pip install --quiet --upgrade pip &&
            "$venv/bin/python" -m pip install --quiet "ansible-core==$line.*" -r "$ROOT/requirements-test.txt"; } >"$log" 2>&1; then
            if grep -qE 'No matching distribution found|Could not find a version that satisfies' "$log"; then
                NOT_RUN[$line]="the package registry has no ansible-core $line.* (or a test requirement) for Python $("$py" -c 'import platform; print(platform.python_version())'): $(grep -m1 -E 'No matching distribution|Could not find a version' "$log")"
            elif grep -qiE 'Failed to establish a new connection|Temporary failure in name resolution|Network is unreachable|Read timed out' "$log"; then
                NOT_RUN[$line]="the package registry could not be reached (see ${log#"$ROOT"/})"
            else
                NOT_RUN[$line]="FAILED to build its venv (see ${log#"$ROOT"/})"
            fi
            rm -rf "$venv"
            return 1
        fi
        printf '%s\n' "$want" >"$stamp"
    fi
    core="$("$venv/bin/python" -c 'import importlib.metadata as m; print(m.version("ansible-core"))')"
    LINE_VENV[$line]="$venv"
    LINE_PY[$line]="$("$venv/bin/python" -c 'import platform; print(platform.python_version())') (ansible-core $core)"
}

# A staged copy per line (ansible-test writes tests/output/ into it, so lines must not share one).
line_stage() {
    local line="$1"
    VENV_BIN="${LINE_VENV[$line]}/bin" STAGE_DIR="$MATRIX_DIR/$line/ansible_collections/koreai/campaign" \
        stage_collection 2>/dev/null
    printf '%s\n' "$MATRIX_DIR/$line/ansible_collections/koreai/campaign"
}

sanity_args() {
    local line="$1" test
    local args=(--local --python "$("${LINE_VENV[$line]}/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')")
    for test in "${SANITY_TESTS[@]}"; do
        args+=(--test "$test")
    done
    printf '%s\n' "${args[@]}"
}

# run_sanity LINE [--prime-venvs]
run_sanity() {
    local line="$1" stage venv_bin
    shift
    venv_bin="${LINE_VENV[$line]}/bin"
    ensure_get_pip_standin "$venv_bin/python"
    stage="$(line_stage "$line")"
    mapfile -t args < <(sanity_args "$line")
    (cd "$stage" && PATH="$venv_bin:$PATH" VIRTUAL_ENV="${LINE_VENV[$line]}" \
        "$venv_bin/ansible-test" sanity "${args[@]}" "$@" 2>&1 | sanity_filter)
}

run_unit() {
    local line="$1" venv_bin="${LINE_VENV[$1]}/bin"
    (cd "$ROOT" && PATH="$venv_bin:$PATH" VIRTUAL_ENV="${LINE_VENV[$line]}" \
        "$venv_bin/python" -m pytest tests/unit -q -p no:cacheprovider -n "${PYTEST_WORKERS:-2}" \
        --junitxml="$MATRIX_DIR/$line/unit.xml")
}

run_smoke() {
    local line="$1" venv_bin="${LINE_VENV[$1]}/bin" collections="$MATRIX_DIR/$1/collections"
    # Built and installed by this line's ansible-galaxy, into this line's own collections path.
    (VENV_BIN="$venv_bin" BUILD_DIR="$MATRIX_DIR/$line/build" COLLECTIONS_PATH="$collections" \
        build_and_install_collection)
    (cd "$ROOT" && PATH="$venv_bin:$PATH" VIRTUAL_ENV="${LINE_VENV[$line]}" \
        ANSIBLE_COLLECTIONS_PATH="$collections" ANSIBLE_COLLECTIONS_SCAN_SYS_PATH=false \
        "$venv_bin/python" -m pytest "${SMOKE_TESTS[@]}" -q -p no:cacheprovider -n "${PYTEST_WORKERS:-2}" \
        --junitxml="$MATRIX_DIR/$line/smoke.xml")
}

# "N passed, N failed" of a JUnit file, for the table.
junit_counts() {
    python3 - "$1" <<'PY' 2>/dev/null || true
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suites = [root] if root.tag == 'testsuite' else list(root.iter('testsuite'))
total = sum(int(s.get('tests', 0)) for s in suites)
bad = sum(int(s.get('failures', 0)) + int(s.get('errors', 0)) for s in suites)
skipped = sum(int(s.get('skipped', 0)) for s in suites)
print('%d passed, %d failed' % (total - bad - skipped, bad))
PY
}

declare -A RESULT=()
failed_lines=()
step() {
    local line="$1" name="$2" t0 rc=0 log counts=""
    shift 2
    log="$MATRIX_DIR/$line/$name.log"
    t0="$(now)"
    "$@" >"$log" 2>&1 || rc=$?
    if [[ -f "$MATRIX_DIR/$line/$name.xml" ]]; then
        counts=" ($(junit_counts "$MATRIX_DIR/$line/$name.xml"))"
    fi
    if [[ $rc -eq 0 ]]; then
        RESULT[$line]+="$(printf '%s ok %s%s; ' "$name" "$(elapsed "$t0")" "$counts")"
        log "matrix $line: $name ok in $(elapsed "$t0")$counts"
        return 0
    fi
    RESULT[$line]+="$(printf '%s FAILED %s%s; ' "$name" "$(elapsed "$t0")" "$counts")"
    warn "matrix $line: $name FAILED (exit $rc) after $(elapsed "$t0"); last lines of ${log#"$ROOT"/}:"
    tail -n 40 "$log" >&2
    return 1
}

if [[ -n "$prepare_only" ]]; then
    for line in "${lines[@]}"; do
        t0="$(now)"
        if line_venv "$line"; then
            run_sanity "$line" --prime-venvs >"$MATRIX_DIR/$line/prime.log" 2>&1 ||
                warn "matrix $line: priming the sanity venvs failed (the sanity step will say why)"
            log "matrix $line: prepared in $(elapsed "$t0") (Python ${LINE_PY[$line]})"
        else
            log "matrix $line: NOT RUN: ${NOT_RUN[$line]}"
        fi
    done
    exit 0
fi

t_all="$(now)"
for line in "${lines[@]}"; do
    t0="$(now)"
    rm -f "$MATRIX_DIR/$line"/*.xml
    if ! line_venv "$line"; then
        log "matrix $line: NOT RUN: ${NOT_RUN[$line]}"
        continue
    fi
    RESULT[$line]="venv ok $(elapsed "$t0"); "
    log "matrix $line: Python ${LINE_PY[$line]}, ${LINE_VENV[$line]#"$ROOT"/}"
    ok=1
    step "$line" sanity run_sanity "$line" || ok=""
    step "$line" unit run_unit "$line" || ok=""
    step "$line" smoke run_smoke "$line" || ok=""
    [[ -n "$ok" ]] || failed_lines+=("$line")
done

echo
echo "============================ ansible-core matrix ============================"
printf 'sanity: %s; smoke: %d integration tests\n' "${SANITY_TESTS[*]}" "${#SMOKE_TESTS[@]}"
passed=0
for line in "${lines[@]}"; do
    if [[ -n "${NOT_RUN[$line]:-}" ]]; then
        printf '%-5s NOT RUN  %s\n' "$line" "${NOT_RUN[$line]}"
    elif [[ " ${failed_lines[*]} " == *" $line "* ]]; then
        printf '%-5s FAILED   Python %s: %s\n' "$line" "${LINE_PY[$line]}" "${RESULT[$line]%; }"
    else
        passed=$((passed + 1))
        printf '%-5s ok       Python %s: %s\n' "$line" "${LINE_PY[$line]}" "${RESULT[$line]%; }"
    fi
done
if [[ -n "$skip_dev" ]]; then
    printf '%-5s (dev line, .venv: full sanity, lint, unit, full integration and galaxy-importer in the main stages)\n' "$DEV_LINE"
fi
printf 'matrix: %d of %d lines passed, %d failed, %d not run, in %s\n' "$passed" "${#lines[@]}" \
    "${#failed_lines[@]}" "${#NOT_RUN[@]}" "$(elapsed "$t_all")"
if [[ ${#failed_lines[@]} -gt 0 ]]; then
    exit 1
fi
if [[ ${#NOT_RUN[@]} -gt 0 && "${KOREAI_MATRIX_STRICT:-}" == 1 ]]; then
    die "KOREAI_MATRIX_STRICT=1 and ${#NOT_RUN[@]} line(s) could not run"
fi
