#!/usr/bin/env bash
# Makes the README's screenshots of the maintainers' console (docs/console-*.png): runs
# MaintainersConsoleOnRealEvaluationTest (module eval: the server on a copy of the demo KB, citizens' questions, an
# evaluation started from the quality screen and run by the real harness, in headless Chromium), which writes them to
# eval/target/console-screenshots/, then copies them to docs/ reduced with pngquant (each well under 200 KB).
# Needs chromium, chromium-driver, fonts-noto-cjk and pngquant (Debian packages). Arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v pngquant >/dev/null 2>&1 || { echo "pngquant is missing: apt-get install pngquant" >&2; exit 1; }
export DJL_CACHE_DIR="${DJL_CACHE_DIR:-$PWD/target/.djl}"
export LANG=C.UTF-8

mvn -B -ntp -q -pl eval -am test -Dtest=MaintainersConsoleOnRealEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false "$@"

for png in eval/target/console-screenshots/console-*.png; do
  pngquant --force --quality=70-90 --strip --output "docs/$(basename "$png")" "$png"
  echo "docs/$(basename "$png"): $(stat -c %s "docs/$(basename "$png")") bytes"
done
