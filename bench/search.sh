#!/usr/bin/env bash
# Search on 10,000 Sina news articles (see bench/README.md): CLI import, `reindex` from the command
# line, search and suggest times through the API, publish → searchable, and the server rebuilding a
# missing index in the background at start.
#
#   bench/search.sh            # (re)builds target/masthead.jar when it is missing or older than the sources
#
# Environment: SINA_CORPUS (default ../shared/corpus/sina-news-2018/sina_news_2018.jsonl),
# COUNT (default 10000). Scratch files go to bench/work/, the result table to bench/results/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. "$ROOT/.mvn/find-jdk.sh"

CORPUS=${SINA_CORPUS:-$ROOT/../shared/corpus/sina-news-2018/sina_news_2018.jsonl}
COUNT=${COUNT:-10000}
WORK=$ROOT/bench/work
RESULTS=$ROOT/bench/results
STAMP=$(date +%Y%m%d-%H%M%S)
DATA=$WORK/search-data-$STAMP
PASSWORD=bench-admin-password
mkdir -p "$WORK" "$RESULTS"
rm -rf "$WORK"/search-data-*

if [ ! -f target/masthead.jar ] || [ -n "$(find src pom.xml -newer target/masthead.jar -print -quit)" ]; then
  echo "building target/masthead.jar …" >&2
  ./mvnw -q -B package -DskipTests
fi
ARTICLES=$WORK/sina-$COUNT.jsonl
python3 "$ROOT/bench/sina-to-import.py" "$CORPUS" "$ARTICLES" "$COUNT"

echo "importing $COUNT articles (the CLI leaves the index to the server) …" >&2
java -jar target/masthead.jar import "$ARTICLES" --masthead.data-dir="$DATA" >/dev/null 2>"$WORK/search-import.err"
IMPORT=$(grep '^import: ' "$WORK/search-import.err" | tail -1)

echo "reindex from the command line …" >&2
java -jar target/masthead.jar reindex --masthead.data-dir="$DATA" 2>"$WORK/search-reindex.err" >/dev/null
REINDEX=$(grep '^reindex: ' "$WORK/search-reindex.err" | tail -1)
INDEX_MB=$(du -sm "$DATA/search" | cut -f1)
DB_MB=$(du -sm "$DATA/masthead.db" | cut -f1)

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
start_server() {
  MASTHEAD_ADMIN_PASSWORD=$PASSWORD java -jar target/masthead.jar --masthead.data-dir="$DATA" --server.port="$PORT" >"$WORK/search-server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 240); do
    if curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then return; fi
    kill -0 "$SERVER" 2>/dev/null || { echo "the server stopped:" >&2; tail -30 "$WORK/search-server.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "the server did not come up" >&2; exit 1
}
stop_server() { kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; }
trap 'stop_server' EXIT

start_server
echo "timing searches …" >&2
ROWS=$(java "$ROOT/bench/SearchTimes.java" "http://127.0.0.1:$PORT" "$ARTICLES" "$PASSWORD")
stop_server

echo "starting without an index: the server rebuilds it in the background …" >&2
rm -rf "$DATA/search"
STARTED=$(date +%s.%N)
start_server
UP=$(date +%s.%N)
for _ in $(seq 1 1200); do
  grep -q 'Search index rebuilt' "$WORK/search-server.log" && break
  sleep 0.25
done
REBUILT=$(date +%s.%N)
REBUILD_LINE=$(grep -o 'Reindexed\[.*\]' "$WORK/search-server.log" | tail -1)
stop_server

REPORT=$RESULTS/search-$STAMP.md
{
  echo "# search $(date -Iseconds)"
  echo
  echo "- commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' (with uncommitted changes)'), $(java -version 2>&1 | head -1)"
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- corpus: $COUNT articles from $(basename "$CORPUS"); database $DB_MB MB, search index $INDEX_MB MB"
  echo "- CLI $IMPORT"
  echo "- CLI $REINDEX"
  echo "- server start without an index: up after $(awk -v a="$STARTED" -v b="$UP" 'BEGIN { printf "%.1f", b - a }') s, index rebuilt in the background $(awk -v a="$UP" -v b="$REBUILT" 'BEGIN { printf "%.1f", b - a }') s later ($REBUILD_LINE)"
  echo
  echo "$ROWS"
} | tee "$REPORT"
echo "written to $REPORT" >&2
