#!/usr/bin/env bash
# Start Room Console in demo/training mode with emulated devices (sets itself up first).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
exec .venv/bin/roomconsole --demo "$@"
