#!/usr/bin/env bash
# Create or update .venv (idempotent: reinstalls only when requirements*.txt changed).
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_venv
