#!/usr/bin/env bash
# Build and install the collection, or stage a copy of the tree for ansible-test.
#
#   scripts/collection.sh [install]   build into .tmp/build/ and install into .tmp/collections;
#                                     prints the collections path (use as ANSIBLE_COLLECTIONS_PATH)
#   scripts/collection.sh stage       copy the tree to .tmp/ansible_collections/koreai/campaign;
#                                     prints that path
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_venv
case "${1:-install}" in
    install)
        build_and_install_collection
        echo "$COLLECTIONS_PATH"
        ;;
    stage)
        stage_collection
        echo "$STAGE_DIR"
        ;;
    *)
        die "usage: $0 [install|stage]"
        ;;
esac
