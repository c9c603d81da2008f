#!/usr/bin/env bash
# ansible-test sanity, offline-capable, on a staged copy of the tree.
#
#   scripts/sanity.sh                       all sanity tests
#   scripts/sanity.sh --test validate-modules plugins/modules/voice_campaign.py
#
# ansible-test builds a private venv per sanity test and bootstraps pip in it with
# get-pip.py downloaded from ci-files.testing.ansible.com (unreachable here). It first looks
# for ~/.ansible/test/cache/get_pip_<pip version>.py, so we put a stand-in there that uses
# the stdlib's ensurepip instead.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_venv
activate_venv

# The pip version ansible-test bootstraps (get_venv_packages() in ansible_test), e.g. 24.2.
pip_version="$(python - <<'PY'
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
# Offline stand-in for get-pip.py, written by koreai.campaign's scripts/sanity.sh.
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
    printf '%s\n' "$standin" >"$get_pip.tmp"
    mv "$get_pip.tmp" "$get_pip"
    log "sanity: wrote offline get-pip stand-in ${get_pip/#"$HOME"/\~}"
fi

stage_collection
cd "$STAGE_DIR"
py="$(python -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
# Hide the pip chatter of ansible-test's per-test venvs (errors and test output stay).
ansible-test sanity --local --python "$py" "$@" 2>&1 | pip_filter | sed -u -E \
    -e '/^(Collecting |Installing collected packages|Successfully installed |Looking in (indexes|links)|Processing |Requirement already satisfied)/d' \
    -e '/^ +(Downloading|Using cached|━)/d' -e '/^Using cached pip .* bootstrap script/d'
