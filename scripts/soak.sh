#!/usr/bin/env bash
# Soak: the load of scripts/load.sh for SOAK_MINUTES (default 10) in all, sampling the server's heap and resident
# memory every 15 s into target/load/memory.csv; the first and last samples are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${SOAK_MINUTES:-10}"
# load.sh runs three phases of LOAD_SECONDS each
LOAD_SECONDS=$(( minutes * 60 / 3 )) SAMPLE_SECONDS="${SAMPLE_SECONDS:-15}" exec scripts/load.sh
