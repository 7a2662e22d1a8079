#!/usr/bin/env bash
# Intake benchmark: starts Ombud on PostgreSQL (database ombud_bench, recreated), drives POST /api/v1/cases with
# 8 and 64 clients, measures plain-JDBC inserts of the same rows as the reference, prints both and the ratio.
# Usage: bench/intake.sh [seconds per phase, default 20]. Needs PostgreSQL on 127.0.0.1:5432 and wrk (installed
# from Debian's packages when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_PHASE=${1:-20}
PG_HOST=${PG_HOST:-127.0.0.1}
PORT=${BENCH_PORT:-18080}
TOKEN="omb_bench_$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
if [ -z "${JAVA_HOME:-}" ]; then
  for jdk in /usr/lib/jvm/*/; do [ -x "$jdk/bin/javac" ] && "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && JAVA_HOME=${jdk%/}; done
  export JAVA_HOME
fi

psql -h "$PG_HOST" -U postgres -qc 'drop database if exists ombud_bench' -c 'create database ombud_bench'
./mvnw -q -B -DskipTests package
mkdir -p bench/results
OMBUD_DB_URL="jdbc:postgresql://$PG_HOST:5432/ombud_bench" OMBUD_DB_USER=postgres OMBUD_DB_PASSWORD= \
OMBUD_DEMO=false OMBUD_BOOTSTRAP_API_TOKEN="$TOKEN" OMBUD_ADMIN_PASSWORD="bench-admin-password" \
OMBUD_STORAGE_DIR="$(mktemp -d)" PORT=$PORT \
  "$JAVA_HOME/bin/java" -jar target/ombud.jar > bench/results/intake-ombud.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "Ombud did not start; see bench/results/intake-ombud.log"; exit 1; }

OMBUD_BENCH_TOKEN="$TOKEN" ./mvnw -q -B -f bench/pom.xml compile exec:java \
  -Dexec.mainClass=org.ombud.bench.IntakeBench \
  -Dexec.args="--url=http://127.0.0.1:$PORT --jdbc=jdbc:postgresql://$PG_HOST:5432/ombud_bench --seconds=$SECONDS_PER_PHASE --warmup=${WARMUP:-90}" \
  | tee bench/results/intake.txt
