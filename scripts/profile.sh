#!/usr/bin/env bash
# Where a turn's time goes: runs the evaluation harness in process on a question file under Java Flight Recorder
# (settings=profile) and prints the samples taken while answering, by stage (scripts/jfr_stages.py).
#   scripts/profile.sh                                  # eval/questions/dev.jsonl
#   scripts/profile.sh eval/questions/common-dev.jsonl
# Needs the eval jar (mvn -q -DskipTests package). The store under target/eval-store is reused, so the second run
# profiles answering only, not the first build.
set -euo pipefail
cd "$(dirname "$0")/.."
questions="${1:-eval/questions/dev.jsonl}"
out="target/profile"
mkdir -p "$out"
recording="$out/$(basename "$questions" .jsonl).jfr"
java -XX:StartFlightRecording=filename="$recording",settings=profile -jar eval/target/eval.jar \
    --questions "$questions" --no-baselines --report "$out/report" >"$out/harness.log" 2>&1
sed -n '/"latency_ms"/,/}/p' "$out/harness.log"
python3 scripts/jfr_stages.py "$recording"
echo "recording in $recording (open it in JDK Mission Control for the flame graph)"
