#!/usr/bin/env bash
# ansible-lint (production profile, offline; settings in .ansible-lint) over the repository, then
# antsibull-docs' lint of the collection's documentation (module, role and fragment markup).
#
# Offline, ansible-lint does not install the collection it lints, so playbooks that call
# koreai.campaign.* would not resolve: lint against the built + installed collection, with a
# private ANSIBLE_HOME so nothing in ~/.ansible/collections can shadow it.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_venv
activate_venv
build_and_install_collection
export ANSIBLE_COLLECTIONS_PATH="$COLLECTIONS_PATH"
export ANSIBLE_HOME="$TMP_DIR/ansible-home"
cd "$ROOT"
ansible-lint --offline "$@"
# It wants the source tree (git-tracked files) at a path ending in ansible_collections/koreai/campaign.
docs_root="$TMP_DIR/docs-root/ansible_collections/koreai"
mkdir -p "$docs_root"
ln -sfn "$ROOT" "$docs_root/campaign"
(cd "$docs_root/campaign" && antsibull-docs lint-collection-docs --plugin-docs .)
log "antsibull-docs: collection documentation OK"
