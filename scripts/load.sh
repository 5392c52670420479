#!/usr/bin/env bash
# Load test of the server as deployed with Redis: starts a redis-server and the server jar on free ports, waits until
# the server is ready, runs the evaluation harness's load mode (unique questions, repeated common questions, and the
# framework's ceiling on a trivial endpoint, each phase for LOAD_SECONDS with LOAD_CLIENTS clients, after LOAD_WARMUP
# seconds of unmeasured load), prints the figures and stops everything. Unique questions are the dev questions (LOAD_QUESTIONS); the repeated ones are the first
# LOAD_COMMON of the short common questions (LOAD_COMMON_QUESTIONS), the kind a site mostly sees. With SAMPLE_SECONDS
# set it also samples the server's heap and resident memory into target/load/memory.csv (scripts/soak.sh does that
# for 10 minutes).
#   scripts/load.sh                      # 32 clients, 60 s per phase
#   LOAD_CLIENTS=8 LOAD_SECONDS=20 scripts/load.sh
#   SERVER_JAVA_OPTS="-Xmx1g -Dassistant.kb.answer-cache-size=0" scripts/load.sh   # every question searched afresh
# Needs the jars (mvn -q -DskipTests package) and redis-server.
set -euo pipefail
cd "$(dirname "$0")/.."
clients="${LOAD_CLIENTS:-32}"
seconds="${LOAD_SECONDS:-60}"
questions="${LOAD_QUESTIONS:-eval/questions/dev.jsonl}"
common_questions="${LOAD_COMMON_QUESTIONS:-eval/questions/common-dev.jsonl}"
common="${LOAD_COMMON:-50}"
# the common questions' load for this many seconds first, not measured: every phase then meets a warmed JIT
warmup="${LOAD_WARMUP:-20}"
out="target/load"
mkdir -p "$out"
work="$(mktemp -d "$PWD/target/load-run-XXXXXX")"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
redis_port="$(free_port)"
port="$(free_port)"
server_pid=""
sampler_pid=""
cleanup() {
    [[ -n "$sampler_pid" ]] && kill "$sampler_pid" 2>/dev/null || true
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
}
trap cleanup EXIT

redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work" --appendonly yes --save "" --daemonize yes \
    --logfile "$work/redis.log"
# the load comes from one address: the per-address flood limits would refuse it
java ${SERVER_JAVA_OPTS:--Xmx1g} -jar assistant-server/target/assistant-server.jar --server.port="$port" \
    --spring.data.redis.url="redis://127.0.0.1:$redis_port" --assistant.kb.store="$PWD/data/index" \
    --assistant.privacy.contact-key="${ASSISTANT_PRIVACY_CONTACT_KEY:-$(head -c 32 /dev/urandom | base64)}" \
    --assistant.limits.requests-per-minute-per-client=100000000 \
    --assistant.limits.messages-per-minute-per-conversation=100000000 >"$work/server.log" 2>&1 &
server_pid=$!
echo "server pid $server_pid on port $port, redis on $redis_port, logs in $work"
for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1; then break; fi
    kill -0 "$server_pid" 2>/dev/null || { echo "the server exited; see $work/server.log"; exit 1; }
    sleep 1
done
curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null || { echo "not ready after 600 s"; exit 1; }

if [[ -n "${SAMPLE_SECONDS:-}" ]]; then
    (
        echo "seconds,heap_used_mb,rss_mb" > "$out/memory.csv"
        start=$(date +%s)
        while kill -0 "$server_pid" 2>/dev/null; do
            heap=$(jcmd "$server_pid" GC.heap_info 2>/dev/null | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub("K","",v); print int(v/1024); exit}}')
            rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$server_pid/status" 2>/dev/null)
            echo "$(( $(date +%s) - start )),${heap:-},${rss:-}" >> "$out/memory.csv"
            sleep "$SAMPLE_SECONDS"
        done
    ) &
    sampler_pid=$!
fi

status=0
java -jar eval/target/eval.jar load --endpoint "http://127.0.0.1:$port" --questions "$questions" \
    --common-questions "$common_questions" --common "$common" \
    --concurrency "$clients" --duration "$seconds" --warmup "$warmup" --report "$out" || status=$?
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {print int($2/1048576)}' /proc/meminfo) GiB, $(java -version 2>&1 | head -1)"
if [[ -n "$sampler_pid" ]]; then
    kill "$sampler_pid" 2>/dev/null || true
    sampler_pid=""
    echo "memory (seconds, heap in use MB, resident MB): first and last samples"
    sed -n '2p;$p' "$out/memory.csv"
fi
exit "$status"
