#!/usr/bin/env bash
# Fuzzes the public surface (form, status pages, API, Telegram webhook) with Jazzer, one fuzz test after the other, each for the
# duration its @FuzzTest gives. New inputs that widen coverage collect in .cifuzz-corpus/; an input that
# finds a failure is written to src/test/resources/org/ombud/fuzz/PublicSurfaceFuzzTestsInputs/<test>/ and
# from then on replayed by every ordinary test run (./mvnw verify).
#   bench/fuzz.sh                 all five
#   bench/fuzz.sh complaintForm   one of them
set -euo pipefail
cd "$(dirname "$0")/.."
tests=("$@")
if [ ${#tests[@]} -eq 0 ]; then tests=(complaintForm statusPages apiOpensCases apiReadsAndWrites telegramWebhook); fi
for t in "${tests[@]}"; do
  echo "== fuzzing $t"
  JAZZER_FUZZ=1 ./mvnw -q -B -ntp test -Dtest="PublicSurfaceFuzzTests#$t" 2>&1 \
    | grep -a -E '^#[0-9]+ +(DONE|pulse)|FuzzTestFinding|Tests run' || true
done
