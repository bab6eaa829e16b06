#!/usr/bin/env bash
# Set up, index the bundled corpus (a no-op when unchanged), and start the Streamlit app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1
.venv/bin/python -m ingest || [ $? -eq 2 ]
exec .venv/bin/python -m streamlit run app.py --server.headless true "$@"
