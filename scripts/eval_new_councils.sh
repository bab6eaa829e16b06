#!/usr/bin/env bash
# Questions about councils the project was not written for: the bundled corpus plus the
# house-style fixtures (tests/fixtures/councils, no manifest entries) in a scratch corpus and
# store, then `python -m eval` on eval/new_councils.jsonl (all `check`, never tuned on).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r corpus "$scratch/corpus"
cp tests/fixtures/councils/*.txt "$scratch/corpus/"
export HF_HUB_OFFLINE=1 KB_CORPUS_DIR="$scratch/corpus" KB_STORE_DIR="$scratch/store"
.venv/bin/python -m ingest >&2  # progress to stderr: stdout is the report (--json)
.venv/bin/python -m eval --questions eval/new_councils.jsonl --no-baseline "$@"
