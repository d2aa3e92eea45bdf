#!/usr/bin/env bash
# Sitemaps of 1,000,000 articles: the time to generate every sitemap file and the heap it takes
# (see bench/README.md).
#
#   bench/sitemap-1m.sh                 # (re)builds target/masthead.jar when it is missing or older than the sources
#   XMX=64m bench/sitemap-1m.sh         # the server's -Xmx (default 256m)
#   COUNT=200000 bench/sitemap-1m.sh    # fewer articles (default 1000000)
#
# Scratch files go to bench/work/, the result table to bench/results/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. "$ROOT/.mvn/find-jdk.sh"   # puts a JDK 21+ first on the PATH

COUNT=${COUNT:-1000000}
XMX=${XMX:-256m}
SITE=https://news.example.cn
WORK=$ROOT/bench/work
RESULTS=$ROOT/bench/results
STAMP=$(date +%Y%m%d-%H%M%S)
DATA=$WORK/sitemap-data-$STAMP
GC_LOG=$WORK/sitemap-gc-$STAMP.log
mkdir -p "$WORK" "$RESULTS"
rm -rf "$WORK"/sitemap-data-* "$WORK"/sitemap-gc-*.log   # earlier runs' databases (about 400 MB each)

if [ "${REBUILD:-0}" = 1 ] || [ ! -f target/masthead.jar ] || [ -n "$(find src pom.xml -newer target/masthead.jar -print -quit)" ]; then
  echo "building target/masthead.jar …" >&2
  ./mvnw -q -B package -DskipTests
fi

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
SERVER=
stop_server() {
  if [ -n "$SERVER" ]; then kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; SERVER=; fi
}
trap stop_server EXIT
start_server() {   # extra JVM options as arguments
  java "$@" -jar target/masthead.jar --masthead.data-dir="$DATA" --server.port="$PORT" --masthead.site.base-url="$SITE" \
    >"$WORK/sitemap-server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 240); do
    if curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then return 0; fi
    if ! kill -0 "$SERVER" 2>/dev/null; then echo "the server stopped:" >&2; tail -30 "$WORK/sitemap-server.log" >&2; exit 1; fi
    sleep 0.5
  done
  echo "the server did not come up" >&2
  exit 1
}

# 1. An empty database that the application migrated itself (Flyway), then 1,000,000 rows by direct SQL.
echo "migrating an empty database in $DATA …" >&2
start_server
stop_server
NOW_MS=$(( $(date +%s) * 1000 ))
FILL_STARTED=$(date +%s.%N)
VISIBLE=$(python3 bench/sitemap-fill.py "$DATA/masthead.db" "$COUNT" "$NOW_MS")
FILL_SECONDS=$(awk -v a="$FILL_STARTED" -v b="$(date +%s.%N)" 'BEGIN { printf "%.0f", b - a }')
DB_MB=$(du -sm "$DATA" | cut -f1)

# 2. The server with a small heap; a full GC marks where the sitemap phase starts in the GC log.
echo "starting the server with -Xmx$XMX …" >&2
start_server -Xmx"$XMX" -Xlog:gc:file="$GC_LOG":uptime
jcmd "$SERVER" GC.run >/dev/null
ROWS_COLD=$(java bench/sitemap-times.java "http://127.0.0.1:$PORT" "$SITE" cold)
ROWS_WARM=$(java bench/sitemap-times.java "http://127.0.0.1:$PORT" "$SITE" warm)
HEAP_END=$(jcmd "$SERVER" GC.heap_info | grep -oE 'used [0-9]+K' | head -1 | grep -oE '[0-9]+')
stop_server
if grep -q OutOfMemoryError "$WORK/sitemap-server.log"; then
  echo "the server ran out of memory with -Xmx$XMX" >&2
  exit 1
fi
URLS=$(grep '^URLS ' <<<"$ROWS_WARM" | cut -d' ' -f2)
if [ "$URLS" != "$VISIBLE" ]; then
  echo "the article sitemaps list $URLS URLs, the database holds $VISIBLE visible articles" >&2
  exit 1
fi

# After the marker GC (jcmd GC.run: "Pause Full (Diagnostic Command)"): the heap in use just before each
# collection is the highest it got since the one before (garbage included); after each, what the
# collection left (after a young one, old garbage too). Sizes are printed in K, M or G.
read -r LIVE_MB PEAK_MB RETAINED_MB GCS < <(awk '
  function mb(v) { u = substr(v, length(v)); n = substr(v, 1, length(v) - 1); return u == "G" ? n * 1024 : (u == "K" ? n / 1024 : n) }
  /Pause Full/ && !marked { marked = 1; split($0, a, "->"); sub(/\(.*/, "", a[2]); live = mb(a[2]); next }
  marked && /Pause/ && /->/ {
    split($0, a, "->"); m = split(a[1], b, " "); before = mb(b[m]); sub(/\(.*/, "", a[2]); after = mb(a[2])
    if (before > peak) peak = before; if (after > retained) retained = after; gcs++ }
  END { printf "%.0f %.0f %.0f %d\n", live, peak, retained, gcs }' "$GC_LOG")
HEAP_END_MB=$(( ${HEAP_END:-0} / 1024 ))
[ "$HEAP_END_MB" -gt "$PEAK_MB" ] && PEAK_MB=$HEAP_END_MB

REPORT=$RESULTS/sitemap-1m-$STAMP.md
{
  echo "# sitemap-1m $(date -Iseconds)"
  echo
  echo "- commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' (with uncommitted changes)'), $(java -version 2>&1 | head -1)"
  echo "- machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
  echo "- $COUNT articles filled by direct SQL in $FILL_SECONDS s, $VISIBLE visible; data dir $DB_MB MB (SQLite, WAL)"
  echo "- server: java -Xmx$XMX -jar target/masthead.jar; client: one request at a time, uncompressed, each answer parsed as it arrives"
  echo "- heap in the sitemap phase (GC log; a full GC before it left $LIVE_MB MB): at most $PEAK_MB MB in use before a collection (garbage included), at most $RETAINED_MB MB after one, $GCS collections"
  echo
  echo "| pass | file | URLs | bytes | ms |"
  echo "|---|---|---:|---:|---:|"
  grep -v '^URLS ' <<<"$ROWS_COLD"
  grep -v '^URLS ' <<<"$ROWS_WARM"
} >"$REPORT"
cat "$REPORT"
echo >&2
echo "written to $REPORT" >&2
