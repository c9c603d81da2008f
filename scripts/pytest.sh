#!/usr/bin/env bash
# Run one pytest suite.
#
#   scripts/pytest.sh unit [paths] [pytest args...]  tests/unit (or the paths given)
#   scripts/pytest.sh integration [paths] [args...]  tests/integration, against the INSTALLED
#                                                    collection (ANSIBLE_COLLECTIONS_PATH)
#
# PYTEST_WORKERS=N sets pytest-xdist workers (default 2, one per core of a CI machine;
# 0 = one process, handy with pdb).
# A suite without test files is skipped; one with test files that collects none fails.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

suite="${1:-}"
case "$suite" in
    unit | integration) shift ;;
    *) die "usage: $0 unit|integration [pytest args...]" ;;
esac
dir="tests/$suite"

ensure_venv
activate_venv
cd "$ROOT"

if [[ -z "$(find "$dir" \( -name 'test_*.py' -o -name '*_test.py' \) -print -quit 2>/dev/null)" ]]; then
    log "$suite: no test files under $dir, nothing to run"
    exit 0
fi

if [[ "$suite" == integration ]]; then
    build_and_install_collection
    export ANSIBLE_COLLECTIONS_PATH="$COLLECTIONS_PATH"
    # Only the installed copy (not one found on sys.path) may satisfy koreai.campaign.
    export ANSIBLE_COLLECTIONS_SCAN_SYS_PATH=false
fi

n="${PYTEST_WORKERS:-2}"
workers=()
if [[ "$n" != 0 ]]; then
    workers=(-n "$n")
fi

# `scripts/pytest.sh unit tests/unit/plugins -k client` runs just those paths.
targets=("$dir")
if [[ $# -gt 0 && "$1" != -* ]]; then
    targets=()
fi

mkdir -p "$TMP_DIR/junit"
rc=0
python -m pytest "${targets[@]}" "${workers[@]}" --junitxml="$TMP_DIR/junit/$suite.xml" "$@" || rc=$?
if [[ $rc -eq 5 ]]; then
    die "$suite: $dir has test files but pytest collected no tests"
fi
exit "$rc"
