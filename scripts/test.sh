#!/usr/bin/env bash
# Set up (idempotent) and run the whole test suite, then ruff and mypy.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
.venv/bin/python -m ruff check .
.venv/bin/python -m mypy ingest kb eval app.py
.venv/bin/python -m pytest "$@"
