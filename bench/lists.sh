#!/usr/bin/env bash
# Read benchmark of the hot lists: starts Ombud on PostgreSQL (database ombud_bench_lists, recreated), fills it with
# 1,000,000 cases and 100,000 open chats by set-based SQL (bench/lists-data.sql), then measures the chat list and
# the case queue of one team through the running application (a logged-in session) and as bare SQL, and prints
# p50/p95/p99 and the EXPLAIN ANALYZE plans. Usage: bench/lists.sh [requests per list, default 1000].
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-1000}
PG_HOST=${PG_HOST:-127.0.0.1}
PORT=${BENCH_PORT:-18081}
DB=ombud_bench_lists
if [ -z "${JAVA_HOME:-}" ]; then
  for jdk in /usr/lib/jvm/*/; do [ -x "$jdk/bin/javac" ] && "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && JAVA_HOME=${jdk%/}; done
  export JAVA_HOME
fi

# REUSE_DATA=1 measures again on the data of the previous run
[ -n "${REUSE_DATA:-}" ] || psql -h "$PG_HOST" -U postgres -qc "drop database if exists $DB" -c "create database $DB"
[ -n "${SKIP_PACKAGE:-}" ] || ./mvnw -q -B -DskipTests package
mkdir -p bench/results
OMBUD_DB_URL="jdbc:postgresql://$PG_HOST:5432/$DB" OMBUD_DB_USER=postgres OMBUD_DB_PASSWORD= \
OMBUD_DEMO=false OMBUD_ADMIN_PASSWORD="bench-admin-password" OMBUD_STORAGE_DIR="$(mktemp -d)" PORT=$PORT \
  "$JAVA_HOME/bin/java" -jar target/ombud.jar > bench/results/lists-ombud.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "Ombud did not start; see bench/results/lists-ombud.log"; exit 1; }

if [ -z "${REUSE_DATA:-}" ]; then
  echo "Filling $DB (set-based SQL)…"
  START=$(date +%s)
  psql -h "$PG_HOST" -U postgres -d $DB -q -f bench/lists-data.sql
  echo "Data ready in $(( $(date +%s) - START )) s"
fi

./mvnw -q -B -f bench/pom.xml compile exec:java -Dexec.mainClass=org.ombud.bench.ListsBench \
  -Dexec.args="--url=http://127.0.0.1:$PORT --jdbc=jdbc:postgresql://$PG_HOST:5432/$DB --requests=$REQUESTS" \
  | tee bench/results/lists.txt
