#!/usr/bin/env bash
# Import rate and page render time on 10,000 Sina news articles (see bench/README.md).
#
#   bench/import-and-render.sh            # (re)builds target/masthead.jar when it is missing or older than the sources
#   REBUILD=1 bench/import-and-render.sh  # rebuilds it first
#
# Environment: SINA_CORPUS (default ../shared/corpus/sina-news-2018/sina_news_2018.jsonl),
# COUNT (default 10000). Scratch files go to bench/work/, the result table to bench/results/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. "$ROOT/.mvn/find-jdk.sh"   # puts a JDK 21+ first on the PATH

CORPUS=${SINA_CORPUS:-$ROOT/../shared/corpus/sina-news-2018/sina_news_2018.jsonl}
COUNT=${COUNT:-10000}
WORK=$ROOT/bench/work
RESULTS=$ROOT/bench/results
STAMP=$(date +%Y%m%d-%H%M%S)
DATA=$WORK/data-$STAMP
mkdir -p "$WORK" "$RESULTS"
rm -rf "$WORK"/data-*   # earlier runs' databases (about 54 MB each); the result tables stay

if [ "${REBUILD:-0}" = 1 ] || [ ! -f target/masthead.jar ] || [ -n "$(find src pom.xml -newer target/masthead.jar -print -quit)" ]; then
  echo "building target/masthead.jar …" >&2
  ./mvnw -q -B package -DskipTests
fi

ARTICLES=$WORK/sina-$COUNT.jsonl
python3 "$ROOT/bench/sina-to-import.py" "$CORPUS" "$ARTICLES" "$COUNT"

# Runs the CLI import into a fresh data dir; sets IMPORT_STATUS. Extra arguments go to the CLI.
run_import() {
  rm -rf "$DATA"
  echo "importing $COUNT articles into $DATA $* …" >&2
  IMPORT_STARTED=$(date +%s.%N)
  IMPORT_STATUS=0
  java -jar target/masthead.jar import "$ARTICLES" --masthead.data-dir="$DATA" "$@" >"$WORK/import.out" 2>"$WORK/import.err" || IMPORT_STATUS=$?
  IMPORT_ENDED=$(date +%s.%N)
}
IMPORT_MODE="plain CLI (no web context)"
run_import
if [ "$IMPORT_STATUS" != 0 ]; then
  echo "import failed (exit $IMPORT_STATUS):" >&2
  grep -v '^WARNING' "$WORK/import.err" | tail -20 >&2
  exit 1
fi
SUMMARY=$(grep '^import: ' "$WORK/import.err" | tail -1 || true)
if ! grep -Eq '^import: [0-9]+ created, .* in [0-9.]+ s$' <<<"$SUMMARY"; then
  echo "cannot read the import summary from $WORK/import.err: '$SUMMARY'" >&2
  exit 1
fi
read -r CREATED SECONDS_IMPORT < <(sed -E 's/^import: ([0-9]+) created, .* in ([0-9.]+) s$/\1 \2/' <<<"$SUMMARY")
RATE=$(awk -v n="$CREATED" -v s="$SECONDS_IMPORT" 'BEGIN { printf "%.0f", n / s }')
PROCESS_SECONDS=$(awk -v a="$IMPORT_STARTED" -v b="$IMPORT_ENDED" 'BEGIN { printf "%.1f", b - a }')
grep -o '"id":[0-9]*' "$WORK/import.out" | cut -d: -f2 >"$WORK/ids.txt"
DB_MB=$(du -sm "$DATA" | cut -f1)

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "starting the server on port $PORT …" >&2
java -jar target/masthead.jar --masthead.data-dir="$DATA" --server.port="$PORT" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then break; fi
  if ! kill -0 "$SERVER" 2>/dev/null; then echo "the server stopped:" >&2; tail -30 "$WORK/server.log" >&2; exit 1; fi
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" | grep -q '"UP"' || { echo "the server did not come up" >&2; exit 1; }

echo "timing page renders …" >&2
RENDER_ROWS=$(java "$ROOT/bench/RenderTimes.java" "http://127.0.0.1:$PORT" "$WORK/ids.txt")

REPORT=$RESULTS/import-and-render-$STAMP.md
{
  echo "# import-and-render $(date -Iseconds)"
  echo
  echo "- commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' (with uncommitted changes)'), $(java -version 2>&1 | head -1)"
  echo "- machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
  echo "- corpus: $COUNT articles from $(basename "$CORPUS"); data dir $DB_MB MB after import"
  echo "- import: $IMPORT_MODE"
  echo
  echo "| import | articles | seconds | articles/s | CLI process wall clock |"
  echo "|---|---:|---:|---:|---:|"
  echo "| java -jar masthead.jar import | $CREATED | $SECONDS_IMPORT | $RATE | $PROCESS_SECONDS s |"
  echo
  echo "| page (sequential, 1 client, keep-alive) | requests | median ms | p99 ms | mean ms | max ms | KB/page |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  echo "$RENDER_ROWS"
} >"$REPORT"
cat "$REPORT"
echo >&2
echo "written to $REPORT" >&2
