#!/usr/bin/env bash
# SLA breach-detection benchmark: starts Ombud on PostgreSQL (database ombud_bench_sla, recreated), inserts 10,000
# clocks falling due evenly over one minute straight into its database, lets Ombud's detector find them, and prints
# count, p50/p95/p99/max of the lag between each clock's due time and its breach's detected_at (goal: p99 <= 1 s).
# Usage: bench/sla.sh [clocks, default 10000] [spread in seconds, default 60]. Needs PostgreSQL on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-10000}
SPREAD=${2:-60}
PG_HOST=${PG_HOST:-127.0.0.1}
PORT=${BENCH_PORT:-18081}
DB=${BENCH_DB:-ombud_bench_sla}
if [ -z "${JAVA_HOME:-}" ]; then
  for jdk in /usr/lib/jvm/*/; do [ -x "$jdk/bin/javac" ] && "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && JAVA_HOME=${jdk%/}; done
  export JAVA_HOME
fi

psql -h "$PG_HOST" -U postgres -qc "drop database if exists $DB" -c "create database $DB"
[ -f target/ombud.jar ] && [ -z "${REBUILD:-}" ] || ./mvnw -q -B -DskipTests package
mkdir -p bench/results
OMBUD_DB_URL="jdbc:postgresql://$PG_HOST:5432/$DB" OMBUD_DB_USER=postgres OMBUD_DB_PASSWORD= \
OMBUD_DEMO=false OMBUD_ADMIN_PASSWORD="bench-admin-password" OMBUD_STORAGE_DIR="$(mktemp -d)" PORT=$PORT \
  "$JAVA_HOME/bin/java" -jar target/ombud.jar > bench/results/sla-ombud.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "Ombud did not start; see bench/results/sla-ombud.log"; exit 1; }

./mvnw -q -B -f bench/pom.xml compile exec:java \
  -Dexec.mainClass=org.ombud.bench.SlaBench \
  -Dexec.args="--jdbc=jdbc:postgresql://$PG_HOST:5432/$DB --count=$COUNT --spread=$SPREAD" \
  | tee bench/results/sla.txt
