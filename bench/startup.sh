#!/usr/bin/env bash
# Launch → first 200 of / and of an article page on the 100,000-article site (bench/work/speed-data, made by
# bench/speed.sh), for the packaged jar as the README starts it and for the production start with a JVM AOT
# cache (docs/operations.md, "Start-up"): median of ROUNDS launches each, server pinned to one core like speed.sh.
#
#   bench/startup.sh            # ROUNDS (3), SERVER_CPU (0), XMX (512m), JAR (target/masthead.jar)
#
# The AOT cache is made by a training run on a throwaway data directory (spring.context.exit=onRefresh),
# from the jar extracted with Spring Boot's jarmode tools, as the production start does.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. "$ROOT/.mvn/find-jdk.sh"
ROUNDS=${ROUNDS:-3}
SERVER_CPU=${SERVER_CPU:-0}
XMX=${XMX:-512m}
JAR=${JAR:-target/masthead.jar}
DATA=$ROOT/bench/work/speed-data
[ -f "$DATA/imported-100000" ] || { echo "no 100,000-article site in $DATA: run bench/speed.sh once first" >&2; exit 1; }
RUN=$ROOT/bench/work/startup-$(date +%Y%m%d-%H%M%S)
mkdir -p "$RUN"
touch "$RUN/no-search-index"   # as speed.sh: no index build on the pinned core

echo "extracting and training the AOT cache …" >&2
java -Djarmode=tools -jar "$JAR" extract --destination "$RUN/app" >/dev/null
(cd "$RUN/app" && java -XX:AOTCacheOutput=masthead.aot -Dspring.context.exit=onRefresh -jar masthead.jar \
    --masthead.data-dir="$RUN/training-data" --server.port=0 >"$RUN/training.log" 2>&1) || true
[ -f "$RUN/app/masthead.aot" ] || { tail -20 "$RUN/training.log" >&2; echo "no AOT cache was written" >&2; exit 1; }

SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; true' EXIT
# One launch: prints "seconds-to-home seconds-to-article".
launch() {
  local port; port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  local started; started=$(date +%s.%N)
  taskset -c "$SERVER_CPU" java -Xmx"$XMX" "$@" --masthead.data-dir="$DATA" --server.port="$port" \
      --masthead.search.directory="$RUN/no-search-index" >>"$RUN/server.log" 2>&1 &
  SERVER=$!
  local home="" article=""
  for _ in $(seq 1 2400); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/" 2>/dev/null)" = 200 ]; then
      home=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'); break
    fi
    sleep 0.05
  done
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/articles/50000")" = 200 ] \
    && article=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
  echo "${home:-fail} ${article:-fail}"
}
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

: >"$RUN/times.txt"
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round/$ROUNDS …" >&2
  echo "jar $(launch -jar "$JAR")" >>"$RUN/times.txt"
  echo "aot $(cd "$RUN/app" && launch -XX:AOTCache=masthead.aot -jar masthead.jar)" >>"$RUN/times.txt"
done
echo "| start | first 200 of / (s, median of $ROUNDS) | first 200 of /articles/50000 (s) | all runs (/) |"
echo "|---|---:|---:|---|"
for kind in jar aot; do
  label=$([ "$kind" = jar ] && echo "java -jar target/masthead.jar" || echo "extracted + -XX:AOTCache")
  awk -v k="$kind" '$1 == k { print $2 }' "$RUN/times.txt" | median >"$RUN/m1"
  awk -v k="$kind" '$1 == k { print $3 }' "$RUN/times.txt" | median >"$RUN/m2"
  echo "| $label | $(cat "$RUN/m1") | $(cat "$RUN/m2") | $(awk -v k="$kind" '$1 == k { printf "%s ", $2 }' "$RUN/times.txt")|"
done
echo "(load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); raw times and logs in $RUN)"
