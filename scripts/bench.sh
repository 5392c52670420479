#!/usr/bin/env bash
# Runs a benchmark main class from a module's test classes in its own JVM.
#   scripts/bench.sh knowledge-base org.civicassist.kb.bench.IndexBuildBenchmark bundled
#   scripts/bench.sh knowledge-base org.openjdk.jmh.Main RetrievalBenchmark
#   scripts/bench.sh nlp org.openjdk.jmh.Main UnderstandingBenchmark
# JVM options via BENCH_JAVA_OPTS (default -Xmx1g).
set -euo pipefail
cd "$(dirname "$0")/.."
module="$1"; main="$2"; shift 2
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$PWD/target/.djl}"
mvn -q -B -pl "$module" -am package -DskipTests \
    dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
root="$PWD"
classpath="$root/$module/target/test-classes:$root/$module/target/classes:$(cat "$module/target/bench-classpath.txt")"
cd "$module"
exec java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$classpath" "$main" "$@"
