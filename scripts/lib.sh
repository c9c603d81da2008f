# shellcheck shell=bash
# Shared helpers for scripts/*.sh -- source this file, do not run it.
#
# Layout it manages (all git-ignored, all under the repository root):
#   .venv/                                     dev virtualenv (scripts/venv.sh)
#   .tmp/build/                                collection tarball (ansible-galaxy collection build)
#   .tmp/collections/ansible_collections/...   the INSTALLED collection (ANSIBLE_COLLECTIONS_PATH)
#   .tmp/ansible_collections/koreai/campaign   staged copy of the tree for ansible-test
#   .tmp/pytest-root/ansible_collections/...   symlink to the tree for plain pytest (conftest.py)

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
VENV="$ROOT/.venv"
VENV_BIN="$VENV/bin"
TMP_DIR="$ROOT/.tmp"
BUILD_DIR="$TMP_DIR/build"
COLLECTIONS_PATH="$TMP_DIR/collections"
STAGE_DIR="$TMP_DIR/ansible_collections/koreai/campaign"
# The Python that creates .venv: KOREAI_PYTHON if set, else the first of DEV_PYTHONS found
# (ansible-core 2.21, the dev line, needs a 3.12+ controller; see find_python below).
DEV_PYTHONS=(3.12 3.13)
BASE_PYTHON="${KOREAI_PYTHON:-}"

export PIP_DISABLE_PIP_VERSION_CHECK=1
# No ANSI colours in logs (CI, redirected output); a terminal keeps them.
if [[ ! -t 1 ]]; then
    export NO_COLOR=1
fi

log() { printf '==> %s\n' "$*" >&2; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# Drop pip noise that comes from this machine's pip configuration, keep everything else.
pip_filter() { sed -u -e "/^WARNING: Location 'file:\/\/.*' is ignored/d"; }

# Seconds since the epoch with milliseconds, for stage timings.
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1fs", b - a }'; }

# ---------------------------------------------------------------------------
# Pythons
# ---------------------------------------------------------------------------

# find_python 3.12 -> path of a working CPython 3.12 interpreter, or nothing (exit 1).
# Looks at pyenv's versions (PYENV_ROOT, else ~/.pyenv; newest patch first), then python3.12 on
# PATH and in /usr/local/bin, /usr/bin. A pyenv shim on PATH is only taken if it really runs 3.12.
find_python() {
    local want="$1" root candidate
    local candidates=()
    for root in "${PYENV_ROOT:-}" "$HOME/.pyenv"; do
        [[ -n "$root" && -d "$root/versions" ]] || continue
        while IFS= read -r candidate; do
            candidates+=("$candidate/bin/python$want")
        done < <(find "$root/versions" -mindepth 1 -maxdepth 1 -name "$want.*" 2>/dev/null | sort -rV)
    done
    if command -v "python$want" >/dev/null 2>&1; then
        candidates+=("$(command -v "python$want")")
    fi
    candidates+=("/usr/local/bin/python$want" "/usr/bin/python$want")
    for candidate in "${candidates[@]}"; do
        if [[ -x "$candidate" ]] && [[ "$("$candidate" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" == "$want" ]] &&
            "$candidate" -c 'import venv, ensurepip' 2>/dev/null; then
            printf '%s\n' "$candidate"
            return 0
        fi
    done
    return 1
}

# Sets BASE_PYTHON (the Python that creates .venv) unless KOREAI_PYTHON chose it.
choose_base_python() {
    local version
    [[ -n "$BASE_PYTHON" ]] && return 0
    for version in "${DEV_PYTHONS[@]}"; do
        if BASE_PYTHON="$(find_python "$version")"; then
            return 0
        fi
    done
    die "no Python ${DEV_PYTHONS[*]} found (looked in pyenv's versions and on PATH): ansible-core 2.21, which .venv uses, needs one. Install one (e.g. 'pyenv install 3.12') or set KOREAI_PYTHON=/path/to/python3.12"
}

# ---------------------------------------------------------------------------
# venv
# ---------------------------------------------------------------------------

_requirements_stamp() {
    choose_base_python
    {
        "$BASE_PYTHON" -c 'import sys; print(sys.version)'
        cat "$ROOT/requirements.txt" "$ROOT/requirements-test.txt" "$ROOT/requirements-dev.txt"
    } | sha256sum | cut -d' ' -f1
}

_venv_version() {
    "$VENV_BIN/python" -c 'import importlib.metadata as m; print("ansible-core", m.version("ansible-core"))'
}

# Create or update .venv; reinstall only when the requirement files (or the Python) changed.
ensure_venv() {
    local stamp_file="$VENV/.requirements.sha256" want have="" start venv_lock
    choose_base_python
    want="$(_requirements_stamp)"
    # Already checked by a parent script (scripts/test.sh runs several stages).
    if [[ "${KOREAI_VENV_READY:-}" == "$want" ]]; then
        return 0
    fi

    mkdir -p "$TMP_DIR"
    # Serialise concurrent callers (e.g. `make demo` and `make test` in two terminals).
    exec {venv_lock}>"$TMP_DIR/.venv.lock"
    flock "$venv_lock"

    if [[ -f "$stamp_file" ]] && "$VENV_BIN/python" -c '' 2>/dev/null; then
        have="$(cat "$stamp_file")"
    fi
    if [[ "$have" == "$want" ]]; then
        log "venv: .venv is up to date ($(_venv_version))"
    else
        start="$(now)"
        # A venv of another Python (e.g. one made before .venv moved to 3.12) is made anew.
        if [[ "$("$VENV_BIN/python" -c 'import sys; print(sys.version)' 2>/dev/null)" != \
            "$("$BASE_PYTHON" -c 'import sys; print(sys.version)')" ]]; then
            log "venv: creating .venv with $("$BASE_PYTHON" --version), installing requirements-dev.txt ..."
            rm -rf "$VENV"
            "$BASE_PYTHON" -m venv "$VENV"
        else
            log "venv: requirements changed, updating .venv ..."
        fi
        rm -f "$stamp_file"
        "$VENV_BIN/python" -m pip install --quiet --upgrade pip 2>&1 | pip_filter
        "$VENV_BIN/python" -m pip install --quiet --upgrade -r "$ROOT/requirements-dev.txt" 2>&1 | pip_filter
        printf '%s\n' "$want" >"$stamp_file"
        log "venv: ready in $(elapsed "$start") ($(_venv_version))"
    fi
    flock -u "$venv_lock"
    exec {venv_lock}>&-
    export KOREAI_VENV_READY="$want"
}

# Put the venv first on PATH (ansible-lint and ansible-test call ansible-galaxy & co. by name).
activate_venv() {
    export VIRTUAL_ENV="$VENV"
    export PATH="$VENV_BIN:$PATH"
}

# ---------------------------------------------------------------------------
# collection: build + install (what playbooks, ad-hoc commands and integration tests use)
# ---------------------------------------------------------------------------

build_and_install_collection() {
    local tarball build_lock
    mkdir -p "$TMP_DIR"
    exec {build_lock}>"$TMP_DIR/.collection.lock"
    flock "$build_lock"
    rm -rf "$BUILD_DIR"
    mkdir -p "$BUILD_DIR" "$COLLECTIONS_PATH"
    (cd "$ROOT" && ANSIBLE_COLLECTIONS_PATH="$COLLECTIONS_PATH" \
        "$VENV_BIN/ansible-galaxy" collection build --force --output-path "$BUILD_DIR" . >/dev/null)
    tarball="$(ls "$BUILD_DIR"/koreai-campaign-*.tar.gz)"
    # Run from outside the source tree and point the configured path at the target to avoid
    # "not part of the configured Ansible collections paths" warnings.
    (cd "$TMP_DIR" && ANSIBLE_COLLECTIONS_PATH="$COLLECTIONS_PATH" \
        "$VENV_BIN/ansible-galaxy" collection install --offline --force -p "$COLLECTIONS_PATH" "$tarball" >/dev/null)
    flock -u "$build_lock"
    exec {build_lock}>&-
    log "collection: built $(basename "$tarball"), installed into ${COLLECTIONS_PATH#"$ROOT"/}/ansible_collections/koreai/campaign"
}

# ---------------------------------------------------------------------------
# stage: a real (non-symlinked) copy at .../ansible_collections/koreai/campaign for ansible-test
# ---------------------------------------------------------------------------

# Copies git-tracked + untracked-not-ignored files, only the ones that changed, and removes
# stale files. The copy gets its own (empty) git repository: ansible-test walks up from the
# collection root looking for `.git`; without one it would find the outer checkout, where
# `.tmp/` is ignored, and see no files at all.
stage_collection() {
    local summary
    mkdir -p "$STAGE_DIR"
    summary="$(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard |
        "$VENV_BIN/python" "$ROOT/scripts/stage.py" "$ROOT" "$STAGE_DIR")"
    if [[ ! -d "$STAGE_DIR/.git" ]]; then
        git -C "$STAGE_DIR" init -q
    fi
    log "stage: ${STAGE_DIR#"$ROOT"/} ($summary)"
}

# ---------------------------------------------------------------------------
# ansible-test offline: a get-pip.py stand-in
# ---------------------------------------------------------------------------

# ensure_get_pip_standin PYTHON: ansible-test (the one PYTHON imports) bootstraps pip in its per-test
# venvs with get-pip.py from a host this machine cannot reach; it first looks for
# ~/.ansible/test/cache/get_pip_<pip version>.py, so put a stand-in there that uses ensurepip.
ensure_get_pip_standin() {
    local python="$1" pip_version get_pip standin
    # The pip version ansible-test bootstraps (get_venv_packages() in ansible_test), e.g. 24.2.
    pip_version="$("$python" - <<'PY'
import importlib.util
import os
import re

spec = importlib.util.find_spec('ansible_test')
path = os.path.join(spec.submodule_search_locations[0], '_internal', 'python_requirements.py')
with open(path, encoding='utf-8') as f:
    match = re.search(r"""\bpip=['"]([0-9.]+)['"]""", f.read())
print(match.group(1) if match else '24.2')
PY
)"
    get_pip="$HOME/.ansible/test/cache/get_pip_${pip_version//./_}.py"
    standin="$(cat <<'PY'
# Offline stand-in for get-pip.py, written by koreai.campaign's scripts/lib.sh.
# ansible-test runs it with: [--disable-pip-version-check] pip==X [--no-setuptools] [--no-wheel]
import subprocess
import sys

args = [a for a in sys.argv[1:] if a not in ('--no-setuptools', '--no-wheel')]
subprocess.check_call([sys.executable, '-m', 'ensurepip', '--default-pip'])
rc = subprocess.call([sys.executable, '-m', 'pip', 'install', '--quiet', '--upgrade'] + args)
if rc:
    # No index reachable: keep the pip that ensurepip bundled, it is good enough.
    sys.stderr.write('get-pip stand-in: pip upgrade failed (%d); using the ensurepip version\n' % rc)
PY
)"
    if [[ ! -f "$get_pip" || "$(cat "$get_pip")" != "$standin" ]]; then
        mkdir -p "$(dirname "$get_pip")"
        printf '%s\n' "$standin" >"$get_pip.tmp.$$"
        mv "$get_pip.tmp.$$" "$get_pip"
        log "sanity: wrote offline get-pip stand-in ${get_pip/#"$HOME"/\~}"
    fi
}

# Hide the pip chatter of ansible-test's per-test venvs (errors and test output stay).
sanity_filter() {
    pip_filter | sed -u -E \
        -e '/^(Collecting |Installing collected packages|Successfully installed |Looking in (indexes|links)|Processing |Requirement already satisfied)/d' \
        -e '/^ +(Downloading|Using cached|━)/d' -e '/^Using cached pip .* bootstrap script/d'
}
