#!/usr/bin/env bash
# The whole check, exactly as CI runs it: set-up, lint, types, layering, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
export PATH="$PWD/.venv/bin:$PATH"
export QT_QPA_PLATFORM=offscreen

echo "== ruff =="; ruff check . && ruff format --check .
echo "== mypy =="; mypy
echo "== import-linter =="; lint-imports
echo "== Linux bundle: build and smoke test =="
timeout 600 bash packaging/ci_smoke.sh
echo "== drivers and console without Qt =="
ROOMCONSOLE_BLOCK_QT=1 timeout 900 python -m pytest -q -p no:pytest-qt tests/drivers tests/console
echo "== full suite =="
timeout 1500 python -m pytest -q
