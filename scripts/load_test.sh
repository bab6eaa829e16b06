#!/usr/bin/env bash
# The app under load: one `streamlit run app.py` over a fixture store, 30 concurrent headless
# Chromium sessions (5 questions and a comparison each) and one upload. Not in the default run.
# LOAD_SESSIONS (default 30), LOAD_TIMEOUT_S (whole run, 1500), LOAD_STEP_TIMEOUT_S (one step,
# 300) and LOAD_REPORT (where the JSON figures go; default: the test's tmp dir) tune it.
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
exec .venv/bin/python -m pytest -m load tests/test_load.py -s "$@"
