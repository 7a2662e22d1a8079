#!/usr/bin/env bash
# Outbound drain benchmark: two Ombud nodes (application contexts) on PostgreSQL (database ombud_bench_outbound,
# recreated) deliver 3,000 replies across 300 chats of one bot to a Bot-API-like server on the loopback that
# answers 429 with retry_after beyond 30 messages a second per bot or one a second per chat. Prints the drain
# time and rate against the cap, the 429s, and lost / duplicated / out-of-order messages (all must be 0).
# Usage: bench/outbound.sh [messages, default 3000] [chats, default 300] [nodes, default 2].
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust).
set -euo pipefail
cd "$(dirname "$0")/.."
MESSAGES=${1:-3000}
CHATS=${2:-300}
NODES=${3:-2}
PG_HOST=${PG_HOST:-127.0.0.1}
if [ -z "${JAVA_HOME:-}" ]; then
  for jdk in /usr/lib/jvm/*/; do [ -x "$jdk/bin/javac" ] && "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && JAVA_HOME=${jdk%/}; done
  export JAVA_HOME
fi
psql -h "$PG_HOST" -U postgres -qc 'drop database if exists ombud_bench_outbound' -c 'create database ombud_bench_outbound'
./mvnw -q -B -ntp -DskipTests compile dependency:build-classpath -Dmdep.outputFile=target/runtime-classpath.txt \
  -Dmdep.includeScope=runtime
CP="target/classes:$(cat target/runtime-classpath.txt)"
rm -rf target/bench-outbound && mkdir -p target/bench-outbound bench/results
"$JAVA_HOME/bin/javac" -q -d target/bench-outbound -cp "$CP" bench/src/outbound/java/org/ombud/bench/*.java 2>/dev/null \
  || "$JAVA_HOME/bin/javac" -d target/bench-outbound -cp "$CP" bench/src/outbound/java/org/ombud/bench/*.java
"$JAVA_HOME/bin/java" -cp "target/bench-outbound:$CP" org.ombud.bench.OutboundBench \
  --jdbc="jdbc:postgresql://$PG_HOST:5432/ombud_bench_outbound" --messages="$MESSAGES" --chats="$CHATS" --nodes="$NODES" \
  | tee bench/results/outbound.txt
