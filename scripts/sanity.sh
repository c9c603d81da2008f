#!/usr/bin/env bash
# ansible-test sanity, offline-capable, on a staged copy of the tree.
#
#   scripts/sanity.sh                       all sanity tests
#   scripts/sanity.sh --test validate-modules plugins/modules/voice_campaign.py
#
# ansible-test builds a private venv per sanity test and bootstraps pip in it with
# get-pip.py downloaded from ci-files.testing.ansible.com (unreachable here); lib.sh's
# ensure_get_pip_standin puts an offline stand-in where ansible-test looks first.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_venv
activate_venv

ensure_get_pip_standin python
stage_collection
cd "$STAGE_DIR"
py="$(python -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
ansible-test sanity --local --python "$py" "$@" 2>&1 | sanity_filter
