#!/usr/bin/env bash
# A flame graph of where a turn's time goes, drawn by async-profiler (tools.profiler:async-profiler from Maven
# Central; its jar carries the native library): runs the harness in process on a question file with the profiler as
# an agent sampling CPU by interval timer (itimer: no perf_events permission needed), writes
# target/profile/flame-<questions>.html (open it in a browser) and prints the samples taken while answering by stage
# (scripts/jfr_stages.py on the same run's stacks) and the harness's latency. The store under target/eval-store is
# reused, so a second run profiles answering, not the first build.
#   scripts/flame.sh                                  # eval/questions/dev.jsonl
#   scripts/flame.sh eval/questions/common-dev.jsonl
#   scripts/flame.sh --agent                          # only print the agent library's path, e.g. for the server:
#   SERVER_JAVA_OPTS="-Xmx1g -agentpath:$(scripts/flame.sh --agent)=start,event=itimer,file=$PWD/target/load/flame.html" scripts/load.sh
# Needs the eval jar (mvn -q -DskipTests package) and Linux on x86-64 or arm64.
set -euo pipefail
cd "$(dirname "$0")/.."
version="3.0"
dir="target/async-profiler"
case "$(uname -m)" in
    x86_64) arch="linux-x64" ;;
    aarch64) arch="linux-arm64" ;;
    *) echo "async-profiler's jar has no library for $(uname -m)" >&2; exit 2 ;;
esac
library="$PWD/$dir/$arch/libasyncProfiler.so"
if [[ ! -f "$library" ]]; then
    mvn -q -B dependency:copy -Dartifact="tools.profiler:async-profiler:$version" -DoutputDirectory="$dir" >&2
    (cd "$dir" && unzip -q -o "async-profiler-$version.jar" "$arch/*")
fi
if [[ "${1:-}" == "--agent" ]]; then
    echo "$library"
    exit 0
fi
questions="${1:-eval/questions/dev.jsonl}"
out="target/profile"
mkdir -p "$out"
name="$out/flame-$(basename "$questions" .jsonl)"
# the flame graph, then the same run's stacks as text for the summary by stage (one output per profiling session)
for format in html collapsed; do
    java -agentpath:"$library"=start,event=itimer,interval=1ms,file="$PWD/$name.$format" -jar eval/target/eval.jar \
        --questions "$questions" --no-baselines --report "$out/report" >"$out/harness.log" 2>&1
done
sed -n '/"latency_ms"/,/}/p' "$out/harness.log"
python3 scripts/jfr_stages.py "$name.collapsed"
echo "flame graph in $name.html"
