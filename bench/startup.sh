#!/usr/bin/env bash
# Launch → first 200 of an article page (/articles/50000) and of / on the 100,000-article site
# (bench/work/speed-data, made by bench/speed.sh), for the two starts of docs/operations.md ("Start-up"):
#   jar  java -Xmx512m -jar target/masthead.jar, as the README starts it;
#   aot  the jar extracted with Spring Boot's jarmode tools, started with a JVM AOT cache (-XX:AOTCache) made
#        by a training run that serves pages (the demo site: home, articles, a channel, the feed, a search).
#   floor the same two starts of bench/startup-floor, the smallest Spring Boot 4 web application on Jetty
#        (one controller): what the decided stack costs before any Masthead code, on the same core(s).
# Median of ROUNDS launches each, the server pinned to one core like speed.sh. Besides the wall clock it
# prints the CPU seconds the server process had used when its first article page arrived (utime + stime of
# /proc/PID/stat, all its threads, the JIT compilers included): pinned to one core, that is the wall clock
# of a quiet machine, and other processes sharing the machine barely move it.
#
#   bench/startup.sh            # ROUNDS (3), SERVER_CPU (0), XMX (512m), JAR (target/masthead.jar)
#   SERVER_CPU=0,1 bench/startup.sh   # both cores (the JIT compilers then run beside the main thread)
#   SEARCH=present bench/startup.sh   # with the data dir's own search index (default: none, as speed.sh)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. "$ROOT/.mvn/find-jdk.sh"
export PATH=$JAVA_HOME/bin:$PATH
ROUNDS=${ROUNDS:-3}
SERVER_CPU=${SERVER_CPU:-0}
XMX=${XMX:-512m}
JAR=$(readlink -f "${JAR:-target/masthead.jar}")
DATA=$ROOT/bench/work/speed-data
[ -f "$DATA/imported-100000" ] || { echo "no 100,000-article site in $DATA: run bench/speed.sh once first" >&2; exit 1; }
RUN=$ROOT/bench/work/startup-$(date +%Y%m%d-%H%M%S)
mkdir -p "$RUN"
SEARCH_ARGS=()
if [ "${SEARCH:-none}" != present ]; then
  touch "$RUN/no-search-index"   # as speed.sh: no index build on the pinned core
  SEARCH_ARGS=(--masthead.search.directory="$RUN/no-search-index")
fi
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
status() { curl -s -o /dev/null -w '%{http_code}' "$1" 2>/dev/null || true; }

SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; true' EXIT

echo "extracting and training the AOT cache (the demo site, pages asked for, then stopped) …" >&2
java -Djarmode=tools -jar "$JAR" extract --destination "$RUN/app" >/dev/null
APP_JAR=$(basename "$JAR")   # the extracted jar keeps the name of the packaged one
port=$(free_port)
(cd "$RUN/app" && exec java -XX:AOTCacheOutput=masthead.aot -jar "$APP_JAR" --spring.profiles.active=demo \
    --masthead.data-dir="$RUN/training-data" --server.port="$port" >"$RUN/training.log" 2>&1) &
SERVER=$!
for _ in $(seq 1 1200); do
  [ "$(status "http://127.0.0.1:$port/articles/40")" = 200 ] && break
  kill -0 "$SERVER" 2>/dev/null || { tail -20 "$RUN/training.log" >&2; echo "the training run stopped" >&2; exit 1; }
  sleep 0.5
done
channel=$(curl -s "http://127.0.0.1:$port/" | grep -o 'href="/channel/[^"/?]*"' | head -1 | sed -E 's/href="([^"]*)"/\1/')
for round in 1 2 3; do
  for path in / "$channel" /feed.xml /sitemap.xml "/search?q=%E5%8F%B0%E5%8D%97" $(seq -f '/articles/%g' "$round" 3 40); do
    curl -s -o /dev/null "http://127.0.0.1:$port$path" || true
  done
done
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
[ -f "$RUN/app/masthead.aot" ] || { tail -20 "$RUN/training.log" >&2; echo "no AOT cache was written" >&2; exit 1; }

echo "building and training the floor application …" >&2
"$ROOT/mvnw" -q -B -ntp -f "$ROOT/bench/startup-floor/pom.xml" package -DskipTests >"$RUN/floor-build.log" 2>&1 \
  || { tail -20 "$RUN/floor-build.log" >&2; exit 1; }
java -Djarmode=tools -jar "$ROOT/bench/startup-floor/target/startup-floor.jar" extract --destination "$RUN/floor" >/dev/null
port=$(free_port)
(cd "$RUN/floor" && exec java -XX:AOTCacheOutput=floor.aot -jar startup-floor.jar --server.port="$port" >"$RUN/floor-training.log" 2>&1) &
SERVER=$!
for _ in $(seq 1 600); do [ "$(status "http://127.0.0.1:$port/")" = 200 ] && break; sleep 0.2; done
for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" || true; done
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
[ -f "$RUN/floor/floor.aot" ] || { tail -20 "$RUN/floor-training.log" >&2; echo "no floor AOT cache was written" >&2; exit 1; }

# One launch: prints "seconds-to-article cpu-seconds-at-article seconds-to-home".
launch() {
  local page=$1; shift
  local port; port=$(free_port)
  local started; started=$(date +%s.%N)
  if [ "$page" = /articles/50000 ]; then
    taskset -c "$SERVER_CPU" java -Xmx"$XMX" "$@" --masthead.data-dir="$DATA" --server.port="$port" \
        "${SEARCH_ARGS[@]}" >>"$RUN/server.log" 2>&1 &
  else
    taskset -c "$SERVER_CPU" java -Xmx"$XMX" "$@" --server.port="$port" >>"$RUN/floor.log" 2>&1 &
  fi
  SERVER=$!
  local article="" cpu="" home=""
  for _ in $(seq 1 4800); do
    if [ "$(status "http://127.0.0.1:$port$page")" = 200 ]; then
      article=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
      cpu=$(awk -v t="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$SERVER/stat")
      break
    fi
    kill -0 "$SERVER" 2>/dev/null || break
    sleep 0.05
  done
  [ "$(status "http://127.0.0.1:$port/")" = 200 ] \
    && home=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
  kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; SERVER=""
  echo "${article:-fail} ${cpu:-fail} ${home:-fail}"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

: >"$RUN/times.txt"
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round/$ROUNDS …" >&2
  echo "jar $(launch /articles/50000 -jar "$JAR")" >>"$RUN/times.txt"
  echo "aot $(cd "$RUN/app" && launch /articles/50000 -XX:AOTCache=masthead.aot -jar "$APP_JAR")" >>"$RUN/times.txt"
  echo "floorjar $(launch / -jar "$ROOT/bench/startup-floor/target/startup-floor.jar")" >>"$RUN/times.txt"
  echo "flooraot $(cd "$RUN/floor" && launch / -XX:AOTCache=floor.aot -jar startup-floor.jar)" >>"$RUN/times.txt"
done
echo "| start, CPU $SERVER_CPU ($([ "${SEARCH:-none}" = present ] && echo "search index present" || echo "no search index")) | first 200 of /articles/50000 (s, median of $ROUNDS) | CPU s used by then | then / (s) | all runs: article s / CPU s |"
echo "|---|---:|---:|---:|---|"
for kind in jar aot floorjar flooraot; do
  case $kind in
    jar) label="java -jar masthead.jar" ;;
    aot) label="extracted + -XX:AOTCache" ;;
    floorjar) label="floor (bench/startup-floor, its /): java -jar" ;;
    flooraot) label="floor: extracted + -XX:AOTCache" ;;
  esac
  col() { awk -v k="$kind" -v c="$1" '$1 == k { print $c }' "$RUN/times.txt" | median; }
  echo "| $label | $(col 2) | $(col 3) | $(col 4) | $(awk -v k="$kind" '$1 == k { printf "%s/%s ", $2, $3 }' "$RUN/times.txt")|"
done
echo "(jar $(basename "$JAR"); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); raw times and logs in $RUN)"
