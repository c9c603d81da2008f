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
BASE_PYTHON="${KOREAI_PYTHON:-python3}"  # the Python that creates .venv

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
# venv
# ---------------------------------------------------------------------------

_requirements_stamp() {
    {
        "$BASE_PYTHON" -c 'import sys; print(sys.version)'
        cat "$ROOT/requirements.txt" "$ROOT/requirements-dev.txt"
    } | sha256sum | cut -d' ' -f1
}

_venv_version() {
    "$VENV_BIN/python" -c 'import importlib.metadata as m; print("ansible-core", m.version("ansible-core"))'
}

# Create or update .venv; reinstall only when the requirement files (or the Python) changed.
ensure_venv() {
    local stamp_file="$VENV/.requirements.sha256" want have="" start venv_lock
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
        if ! "$VENV_BIN/python" -c '' 2>/dev/null; then
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
