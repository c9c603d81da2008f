#!/usr/bin/env bash
# make galaxy-importer / the "galaxy" stage of make test: Galaxy's own import checks on the built tarball.
#
#   scripts/galaxy-importer.sh           build the tarball, run galaxy-importer on it; fail on any
#                                        ERROR or WARNING line it prints
#
# galaxy-importer pins ansible-lint and attrs of its own and runs ansible-doc and ansible-lint on the
# collection, so it gets its own venv, .tmp/galaxy-importer/venv, from scripts/galaxy-importer.txt
# (ansible-core 2.19 there: ansible-doc of 2.20+ prints a "_protomatter" MANIFEST warning of
# ansible-core's own, no finding about this collection). Its ansible-test step needs
# containers and is off (scripts/galaxy-importer.cfg); `make sanity` runs ansible-test here instead.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

GI_DIR="$TMP_DIR/galaxy-importer"
GI_VENV="$GI_DIR/venv"
GI_PYTHONS=(3.11 3.12 3.13)

ensure_venv  # builds the tarball with the dev line's ansible-galaxy

py=""
for version in "${GI_PYTHONS[@]}"; do
    py="$(find_python "$version")" && break
    py=""
done
[[ -n "$py" ]] || die "galaxy-importer: no Python ${GI_PYTHONS[*]} found (pyenv's versions, PATH); set up one of them"

want="$({ "$py" -c 'import sys; print(sys.version)'; cat "$ROOT/scripts/galaxy-importer.txt"; } | sha256sum | cut -d' ' -f1)"
if [[ ! -f "$GI_VENV/.sha256" || "$(cat "$GI_VENV/.sha256")" != "$want" ]] || ! "$GI_VENV/bin/python" -c '' 2>/dev/null; then
    start="$(now)"
    rm -rf "$GI_VENV"
    mkdir -p "$GI_DIR"
    "$py" -m venv "$GI_VENV"
    "$GI_VENV/bin/python" -m pip install --quiet --upgrade pip 2>&1 | pip_filter
    "$GI_VENV/bin/python" -m pip install --quiet -r "$ROOT/scripts/galaxy-importer.txt" 2>&1 | pip_filter
    printf '%s\n' "$want" >"$GI_VENV/.sha256"
    log "galaxy-importer: venv ready in $(elapsed "$start")"
fi

rm -rf "$GI_DIR/run"
mkdir -p "$GI_DIR/run"
(cd "$ROOT" && ANSIBLE_COLLECTIONS_PATH="$COLLECTIONS_PATH" \
    "$VENV_BIN/ansible-galaxy" collection build --force --output-path "$GI_DIR/run" . >/dev/null)
tarball="$(ls "$GI_DIR"/run/koreai-campaign-*.tar.gz)"
version="$("$GI_VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("galaxy-importer"), "with ansible-core", m.version("ansible-core"), "and ansible-lint", m.version("ansible-lint"))')"
log "galaxy-importer $version on $(basename "$tarball")"

rc=0
# It writes importer_result.json into the current directory and uses ~/.ansible/tmp; keep both in .tmp.
(cd "$GI_DIR/run" && PATH="$GI_VENV/bin:$PATH" ANSIBLE_HOME="$GI_DIR/run/ansible-home" \
    ANSIBLE_LOCAL_TEMP="$GI_DIR/run/ansible-tmp" GALAXY_IMPORTER_ANSIBLE_LOCAL_TMP="$GI_DIR/run/ansible-tmp" \
    GALAXY_IMPORTER_CONFIG="$ROOT/scripts/galaxy-importer.cfg" \
    python -m galaxy_importer.main "$tarball") >"$GI_DIR/run/importer.log" 2>&1 || rc=$?
problems="$(grep -E '^(WARNING|ERROR|CRITICAL)[: ]|Traceback' "$GI_DIR/run/importer.log" || true)"
if [[ $rc -ne 0 || -n "$problems" ]] || ! grep -q '^Importer processing completed successfully' "$GI_DIR/run/importer.log"; then
    cat "$GI_DIR/run/importer.log" >&2
    die "galaxy-importer: the tarball does not import cleanly (exit $rc; every ERROR and WARNING line above must go)"
fi
modules="$(grep -c '^Loading module ' "$GI_DIR/run/importer.log" || true)"
roles="$(grep -c '^Loading role ' "$GI_DIR/run/importer.log" || true)"
log "galaxy-importer: imported cleanly, no error and no warning ($modules modules, $roles roles; log ${GI_DIR#"$ROOT"/}/run/importer.log)"
