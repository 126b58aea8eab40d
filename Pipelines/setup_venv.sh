#!/usr/bin/env bash
# Creates the Python virtualenv used for training and for generating golden vectors.
# Usage: Pipelines/setup_venv.sh [VENV_DIR]   (default: .venv at the repository root)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${1:-$root/.venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install -q --upgrade pip
"$venv/bin/python" -m pip install -q -r "$root/Pipelines/requirements.txt"
echo "virtualenv ready: $venv"
