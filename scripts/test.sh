#!/usr/bin/env bash
# Runs every test of the project: the Maven build with unit, integration, Redis and browser tests, then the
# answer-quality regression gate. Installs what the tests need when it is missing (Debian packages: redis-server for
# the Redis tests, chromium + chromium-driver + fonts-noto-cjk for the browser tests) and keeps every cache inside
# the checkout, not in $HOME. Needs nothing outside the checkout: the questions of the gate are in eval/questions.
# Arguments go to Maven, e.g. scripts/test.sh -Dmaven.repo.local=$PWD/target/.m2 (as .ci/run does on CI).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
fc-list 2>/dev/null | grep -qi 'noto.*cjk' || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing test dependencies: ${need[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
fi

export DJL_CACHE_DIR="$PWD/target/.djl"
export LANG=C.UTF-8
mkdir -p target

mvn -B -ntp verify "$@"

# The answer-quality regression gate: the project's dev, common and dialogue questions (eval/questions) through the very
# assistant the server runs, against the figures checked in under eval/regressions (prints [OK]/[FAIL] lines). It
# reuses the vectors the server tests stored.
mkdir -p target/eval-store
[ -d assistant-server/target/test-store ] && [ ! -e target/eval-store/bundled ] \
  && ln -s "$PWD/assistant-server/target/test-store" target/eval-store/bundled
java -jar eval/target/eval.jar regress eval/regressions/dev.yaml eval/regressions/common.yaml eval/regressions/dialogues.yaml \
  --reports target/eval --store target/eval-store
