#!/usr/bin/env bash
# Masthead against nginx serving the same bytes, on a site of 100,000 articles (see bench/README.md, "speed").
#
#   bench/speed.sh                 # builds target/masthead.jar if missing or older than the sources
#   REBUILD=1 bench/speed.sh       # rebuilds first
#   FRESH=1 bench/speed.sh         # imports the 100,000 articles again instead of reusing bench/work/speed-data
#
# Environment: SINA_CORPUS, COUNT (100000), ROUNDS (3), DURATION (10, seconds a wrk run), CONNECTIONS (64),
# SEARCH (1 once the index was built, else 0; 1 builds the search index first, about an hour here, and adds the
# search row: /search?q=中国, a common word, which the page cache never keeps, so every request is a search),
# XMX (512m), SERVER_CPU (0), CLIENT_CPU (1), LABEL (a word for the result file name), JAR (a prebuilt jar to
# measure instead of building target/masthead.jar, e.g. one built from an older commit).
# Installs nginx and wrk with apt-get when they are missing. Result tables go to bench/results/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. "$ROOT/.mvn/find-jdk.sh"

CORPUS=${SINA_CORPUS:-$ROOT/../shared/corpus/sina-news-2018/sina_news_2018.jsonl}
COUNT=${COUNT:-100000}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-64}
XMX=${XMX:-512m}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
LABEL=${LABEL:-run}
WORK=$ROOT/bench/work
RESULTS=$ROOT/bench/results
STAMP=$(date +%Y%m%d-%H%M%S)
DATA=$WORK/speed-data
RUN=$WORK/speed-$STAMP
mkdir -p "$WORK" "$RESULTS" "$RUN"

for tool in nginx:nginx wrk:wrk; do
  if ! command -v "${tool%%:*}" >/dev/null && ! [ -x "/usr/sbin/${tool%%:*}" ]; then
    echo "installing ${tool#*:} …" >&2
    apt-get install -y "${tool#*:}" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "${tool#*:}" >/dev/null; }
  fi
done
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

if [ -z "${JAR:-}" ]; then
  if [ "${REBUILD:-0}" = 1 ] || [ ! -f target/masthead.jar ] || [ -n "$(find src pom.xml -newer target/masthead.jar -print -quit)" ]; then
    echo "building target/masthead.jar …" >&2
    ./mvnw -q -B -ntp package -DskipTests
  fi
  JAR=target/masthead.jar
fi
# A copy, so that a build during the run cannot pull the jar from under the server.
cp "$JAR" "$RUN/masthead.jar"
JAR=$RUN/masthead.jar

ARTICLES=$WORK/speed-$COUNT.jsonl
[ -f "$ARTICLES" ] || python3 "$ROOT/bench/speed-corpus.py" "$CORPUS" "$ARTICLES" "$COUNT"

if [ "${FRESH:-0}" = 1 ] || [ ! -f "$DATA/imported-$COUNT" ]; then
  rm -rf "$DATA"
  echo "importing $COUNT articles (a few minutes) …" >&2
  java -jar "$JAR" import "$ARTICLES" --masthead.data-dir="$DATA" >"$RUN/import.out" 2>"$RUN/import.err" \
    || { tail -20 "$RUN/import.err" >&2; exit 1; }
  grep '^import: ' "$RUN/import.err" | tail -1 >&2
  touch "$DATA/imported-$COUNT"
fi
SEARCH_ARGS=()
if [ -z "${SEARCH:-}" ]; then
  SEARCH=0
  [ -f "$DATA/indexed-$COUNT" ] && SEARCH=1
  [ "$SEARCH" = 0 ] && echo "no search row: SEARCH=1 builds the index once (about an hour), later runs then add the row" >&2
fi
if [ "${SEARCH:-0}" = 1 ]; then
  if [ ! -f "$DATA/indexed-$COUNT" ]; then
    # The import command leaves the search index to the server, which would build it at start on the
    # pinned core. Built here once instead; on this machine that is about an hour for 100,000 articles.
    echo "building the search index (slow) …" >&2
    java -jar "$JAR" reindex --masthead.data-dir="$DATA" >"$RUN/reindex.out" 2>"$RUN/reindex.err" || { tail -20 "$RUN/reindex.err" >&2; exit 1; }
    touch "$DATA/indexed-$COUNT"
  fi
else
  # No index: a file where the index directory would be makes search unavailable, so that the server
  # does not spend the run building one on the core it serves from.
  touch "$RUN/no-search-index"
  SEARCH_ARGS=(--masthead.search.directory="$RUN/no-search-index")
fi

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
NGINX_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
ARTICLE_ID=$((COUNT / 2))
ARTICLE_PATH=/articles/$ARTICLE_ID

SERVER=""
NGINX_PID=""
cleanup() {
  set +e   # the server's exit status (143) must not end the clean-up before nginx is stopped
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null
  true
}
trap cleanup EXIT

echo "starting Masthead on CPU $SERVER_CPU (-Xmx$XMX) …" >&2
LAUNCHED=$(date +%s.%N)
taskset -c "$SERVER_CPU" java -Xmx"$XMX" -Xlog:gc:file="$RUN/gc.log" -jar "$JAR" \
  --masthead.data-dir="$DATA" --server.port="$PORT" "${SEARCH_ARGS[@]}" >"$RUN/server.log" 2>&1 &
SERVER=$!
FIRST_PAGE=""
for _ in $(seq 1 1200); do
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE$ARTICLE_PATH" 2>/dev/null)" = 200 ]; then
    FIRST_PAGE=$(awk -v a="$LAUNCHED" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
    break
  fi
  kill -0 "$SERVER" 2>/dev/null || { echo "the server stopped:" >&2; tail -30 "$RUN/server.log" >&2; exit 1; }
  sleep 0.05
done
[ -n "$FIRST_PAGE" ] || { echo "no page within 60 s" >&2; exit 1; }
echo "first article page $FIRST_PAGE s after launch" >&2

CHANNEL_PATH=$(curl -s "$BASE/" | grep -o 'href="/channel/[^"/?]*"' | head -1 | sed -E 's/href="([^"]*)"/\1/')
QUERY=%E4%B8%AD%E5%9B%BD   # 中国: in thousands of the articles, so the search ranks and pages a large result
if [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/search?q=$QUERY")" = 200 ]; then
  SEARCH_PATH="/search?q=$QUERY"
else
  SEARCH_PATH="/api/v1/search?q=$QUERY"   # there is no search page yet: the API answer stands in for it
fi
PAGES=("article|$ARTICLE_PATH" "home|/" "channel|$CHANNEL_PATH" "rss|/feed.xml")
if [ "${SEARCH:-0}" = 1 ]; then
  for _ in $(seq 1 600); do   # the search index may still be opening
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE$SEARCH_PATH")" = 200 ] && break
    sleep 1
  done
  PAGES+=("search|$SEARCH_PATH")
fi

# nginx serves the exact bytes Masthead answered (uncompressed, as wrk asks without Accept-Encoding).
NGX=$RUN/nginx
mkdir -p "$NGX/root" "$NGX/tmp"
LOCATIONS=""
for entry in "${PAGES[@]}"; do
  name=${entry%%|*} path=${entry#*|}
  type=$(curl -s -o "$NGX/root/$name" -w '%{content_type}' "$BASE$path")
  LOCATIONS+="    location = ${path%%\?*} { default_type \"$type\"; root $NGX/root; try_files /$name =404; }"$'\n'
done
cat >"$NGX/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $NGX/nginx.pid;
error_log $NGX/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  open_file_cache max=100;
  client_body_temp_path $NGX/tmp; proxy_temp_path $NGX/tmp; fastcgi_temp_path $NGX/tmp; uwsgi_temp_path $NGX/tmp; scgi_temp_path $NGX/tmp;
  server {
    listen 127.0.0.1:$NGINX_PORT;
$LOCATIONS  }
}
EOF
taskset -c "$SERVER_CPU" "$NGINX" -c "$NGX/nginx.conf" -p "$NGX" &
NGINX_PID=$!
sleep 0.5
for entry in "${PAGES[@]}"; do
  name=${entry%%|*} path=${entry#*|}
  cmp -s "$NGX/root/$name" <(curl -s "http://127.0.0.1:$NGINX_PORT$path") || { echo "nginx does not answer $path with the saved bytes" >&2; exit 1; }
done

# Milliseconds from a wrk latency figure (us, ms or s).
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.3f", v }' <<<"$1"; }
gct() { jstat -gc "$SERVER" | awk 'NR == 2 { print $NF }'; }
# One wrk run; prints "req/s p50ms p99ms".
bench_one() {
  local out
  out=$(taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 30s --latency "$1")
  echo "$out" >>"$RUN/wrk.log"
  local rps p50 p99
  rps=$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  if grep -q "Socket errors" <<<"$out"; then grep "Socket errors" <<<"$out" | sed "s|^|$1: |" >&2; fi
  if grep -q 'Non-2xx' <<<"$out"; then echo "non-2xx answers from $1" >&2; grep 'Non-2xx' <<<"$out" >&2; fi
  echo "$rps $p50 $p99"
}

echo "warming up (5 s per page) …" >&2
for entry in "${PAGES[@]}"; do
  taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d5s "$BASE${entry#*|}" >/dev/null
done

GC_BEFORE=$(gct)
MASTHEAD_SECONDS=0
: >"$RUN/raw.txt"
for round in $(seq 1 "$ROUNDS"); do
  for entry in "${PAGES[@]}"; do
    name=${entry%%|*} path=${entry#*|}
    echo "round $round/$ROUNDS $name …" >&2
    echo "$round $name masthead $(bench_one "$BASE$path")" >>"$RUN/raw.txt"
    MASTHEAD_SECONDS=$((MASTHEAD_SECONDS + DURATION))
    echo "$round $name nginx $(bench_one "http://127.0.0.1:$NGINX_PORT$path")" >>"$RUN/raw.txt"
  done
done
GC_AFTER=$(gct)
GC_SHARE=$(awk -v a="$GC_BEFORE" -v b="$GC_AFTER" -v s="$MASTHEAD_SECONDS" 'BEGIN { printf "%.2f", 100 * (b - a) / s }')
GC_COUNT=$(grep -c 'Pause' "$RUN/gc.log" || true)
HEAP=$(jstat -gc "$SERVER" | awk 'NR == 2 { printf "%.0f", ($3 + $4 + $6 + $8) / 1024 }')
RSS=$(ps -o rss= -p "$SERVER" | awk '{ printf "%.0f", $1 / 1024 }')
GC_NAME=$(grep -m1 -o 'Using [A-Za-z0-9 ]*' "$RUN/gc.log" || echo "?")

# Uncached renders: RenderTimes asks for random article pages one at a time, each article once, so every
# one is rendered. The wrk runs only ever rendered a handful of pages, so the render path is still cold (JIT)
# here. Two runs on disjoint halves of the ids (so no page of the second can be a cache hit): the first
# timed after 2,000 other renders (as the earlier tables); the second after 8,000 more, when the JIT
# compilers, which share the server's one core, have settled (bench/README.md, "Uncached article render").
seq 1 $((COUNT / 2)) >"$RUN/ids.txt"
seq $((COUNT / 2 + 1)) "$COUNT" >"$RUN/ids-settled.txt"
# Fewer requests than RenderTimes' defaults (the uncached home page takes hundreds of ms on a busy core).
sed -e 's/ARTICLE_WARMUP = 500/ARTICLE_WARMUP = 2_000/' -e 's/ARTICLE_TIMED = 2_000/ARTICLE_TIMED = 1_000/' \
    -e 's/HOME_WARMUP = 100/HOME_WARMUP = 10/' -e 's/HOME_TIMED = 1_000/HOME_TIMED = 200/' "$ROOT/bench/RenderTimes.java" >"$RUN/RenderTimes.java"
RENDER_ROWS=$(taskset -c "$CLIENT_CPU" java "$RUN/RenderTimes.java" "$BASE" "$RUN/ids.txt" 2>>"$RUN/render.err" || echo "| RenderTimes failed, see $RUN/render.err |")
# RenderTimes asks for / again and again, so after the first request the page cache answers most of them
# (an edit meanwhile would drop the page). Said in the row, so it is not read as a render time.
RENDER_ROWS=$(echo "$RENDER_ROWS" | sed 's/^| home page |/| home page (the same URL each time: mostly page-cache hits) |/')
mkdir -p "$RUN/settled"
sed -e 's/ARTICLE_WARMUP = 500/ARTICLE_WARMUP = 8_000/' -e 's/ARTICLE_TIMED = 2_000/ARTICLE_TIMED = 2_000/' \
    -e 's/HOME_WARMUP = 100/HOME_WARMUP = 0/' -e 's/HOME_TIMED = 1_000/HOME_TIMED = 1/' "$ROOT/bench/RenderTimes.java" >"$RUN/settled/RenderTimes.java"
SETTLED_ROW=$(taskset -c "$CLIENT_CPU" java "$RUN/settled/RenderTimes.java" "$BASE" "$RUN/ids-settled.txt" 2>>"$RUN/render.err" | head -1 \
  | sed 's/^| article page ([^)]*)/| article page, settled (11,000 other renders first)/' || echo "| RenderTimes (settled) failed, see $RUN/render.err |")

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
spread() { sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.0f–%.0f", lo, hi }'; }
col() { awk -v n="$1" -v s="$2" -v c="$3" '$2 == n && $3 == s { print $c }' "$RUN/raw.txt"; }

REPORT=$RESULTS/speed-$LABEL-$STAMP.md
{
  echo "# speed ($LABEL) $(date -Iseconds)"
  echo
  echo "- jar ${JAR_COMMIT:-from commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' with uncommitted changes')}, $(java -version 2>&1 | head -1)"
  echo "- machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1), $(uname -sr); load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- $COUNT articles; Masthead -Xmx$XMX ($GC_NAME) and nginx (1 worker) both on CPU $SERVER_CPU (taskset), wrk -t1 -c$CONNECTIONS -d${DURATION}s --timeout 30s on CPU $CLIENT_CPU"
  echo "- $ROUNDS rounds, Masthead and nginx alternating page by page; medians of the rounds (req/s range in brackets)"
  echo "- first article page answered $FIRST_PAGE s after launching the JVM"
  echo "- GC during the Masthead wrk runs: $GC_SHARE % of wall time ($GC_COUNT pauses in the whole log); heap used at the end $HEAP MB, RSS $RSS MB"
  echo
  echo "| page | URL | bytes | Masthead req/s | p50 ms | p99 ms | nginx req/s | p50 ms | p99 ms | req/s ratio | p99 ratio |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  for entry in "${PAGES[@]}"; do
    name=${entry%%|*} path=${entry#*|}
    m_r=$(col "$name" masthead 4 | median) m_50=$(col "$name" masthead 5 | median) m_99=$(col "$name" masthead 6 | median)
    n_r=$(col "$name" nginx 4 | median) n_50=$(col "$name" nginx 5 | median) n_99=$(col "$name" nginx 6 | median)
    m_s=$(col "$name" masthead 4 | spread) n_s=$(col "$name" nginx 4 | spread)
    awk -v name="$name" -v path="$path" -v bytes="$(stat -c %s "$NGX/root/$name")" -v mr="$m_r" -v m50="$m_50" -v m99="$m_99" \
        -v nr="$n_r" -v n50="$n_50" -v n99="$n_99" -v ms="$m_s" -v ns="$n_s" \
      'BEGIN { printf "| %s | `%s` | %d | %.0f (%s) | %.2f | %.2f | %.0f (%s) | %.2f | %.2f | **%.2f×** | %.1f× |\n", name, path, bytes, mr, ms, m50, m99, nr, ns, n50, n99, mr / nr, m99 / n99 }'
  done
  echo
  echo "Sequential renders after the wrk runs (bench/RenderTimes.java, 1 client, keep-alive; random article pages, each asked for once, so rendered, not cached; the first rows timed after 2,000 other articles were rendered, the settled row after 11,000):"
  echo
  echo "| page (sequential, 1 client, keep-alive) | requests | median ms | p99 ms | mean ms | max ms | KB/page |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  echo "$RENDER_ROWS"
  echo "$SETTLED_ROW"
} >"$REPORT"
cat "$REPORT"
echo >&2
echo "written to $REPORT (raw wrk output in $RUN)" >&2
