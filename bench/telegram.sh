#!/usr/bin/env bash
# Telegram benchmark: starts a Bot API stand-in and Ombud on PostgreSQL (database ombud_bench, recreated) with one
# bot in webhook mode, drives POST /telegram/webhook/<bot> with 8 and 64 connections (unique update_ids, private
# chats of many people), measures plain-JDBC writes of the same rows as the reference, prints both and the ratio.
# Usage: bench/telegram.sh [seconds per phase, default 20]. Needs PostgreSQL on 127.0.0.1:5432 and wrk (installed
# from Debian's packages when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_PHASE=${1:-20}
PG_HOST=${PG_HOST:-127.0.0.1}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
# free ports of our own: other benchmarks on this machine may hold the usual ones
PORT=${BENCH_PORT:-$(free_port)}
API_PORT=${BENCH_API_PORT:-$(free_port)}
BOT_ID=$((RANDOM * 32768 + RANDOM + 100000000))
TOKEN="$BOT_ID:AAB$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
if [ -z "${JAVA_HOME:-}" ]; then
  for jdk in /usr/lib/jvm/*/; do [ -x "$jdk/bin/javac" ] && "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && JAVA_HOME=${jdk%/}; done
  export JAVA_HOME
fi

psql -h "$PG_HOST" -U postgres -qc 'drop database if exists ombud_bench' -c 'create database ombud_bench'
./mvnw -q -B -DskipTests package
./mvnw -q -B -f bench/pom.xml compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
mkdir -p bench/results
"$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.ombud.bench.TelegramBench \
  --serve-api=$API_PORT > bench/results/telegram-api.log 2>&1 &
API=$!
OMBUD_DB_URL="jdbc:postgresql://$PG_HOST:5432/ombud_bench" OMBUD_DB_USER=postgres OMBUD_DB_PASSWORD= \
OMBUD_DEMO=false OMBUD_ADMIN_PASSWORD="bench-admin-password" OMBUD_STORAGE_DIR="$(mktemp -d)" PORT=$PORT \
OMBUD_TELEGRAM_API_URL="http://127.0.0.1:$API_PORT" OMBUD_TELEGRAM_BOTS_0_TOKEN="$TOKEN" OMBUD_TELEGRAM_BOTS_0_MODE=webhook \
  "$JAVA_HOME/bin/java" -jar target/ombud.jar > bench/results/telegram-ombud.log 2>&1 &
APP=$!
sleep 1
kill -0 $API 2>/dev/null || { echo "The Bot API stand-in did not start; see bench/results/telegram-api.log"; exit 1; }
trap 'kill $APP $API 2>/dev/null || true' EXIT
for _ in $(seq 1 90); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "Ombud did not start; see bench/results/telegram-ombud.log"; exit 1; }
SECRET=$(psql -h "$PG_HOST" -U postgres -d ombud_bench -tAc "select webhook_secret from telegram_bots where bot_key = '$BOT_ID'")

OMBUD_BENCH_BOT=$BOT_ID OMBUD_BENCH_SECRET="$SECRET" OMBUD_BENCH_USERS=${USERS:-20000} \
  "$JAVA_HOME/bin/java" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.ombud.bench.TelegramBench \
  --url=http://127.0.0.1:$PORT --jdbc=jdbc:postgresql://$PG_HOST:5432/ombud_bench --bot=$BOT_ID \
  --users=${USERS:-20000} --seconds=$SECONDS_PER_PHASE --warmup=${WARMUP:-60} \
  | tee bench/results/telegram.txt
