#!/usr/bin/env bash
# Uncached article render, jar A against jar B, side by side on the 100,000-article site of bench/speed.sh.
#
#   bench/render-ab.sh A.jar B.jar        # ROUNDS (4), SERVER_CPU (0), CLIENT_CPU (1), XMX (512m)
#
# Both servers run together on SERVER_CPU, on the same data dir (bench/work/speed-data), with no search index
# (as speed.sh). Each first renders 12,000 articles, so its JIT has settled. Then rounds alternate which goes
# first; each round is one bench/RenderTimes.java client JVM that renders 2,000 articles to warm itself (the
# times are measured in the client, and a cold client adds its own JIT to every time) and then times 1,000.
# Every round asks for ids no earlier request asked for, so no page can be a cache hit. Besides the client's
# median and p99, each round reports the server's CPU per request (utime + stime of its whole JVM over the
# round, from /proc), which the other server's idle time does not move.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/.mvn/find-jdk.sh"
export PATH=$JAVA_HOME/bin:$PATH
[ $# = 2 ] || { echo "usage: bench/render-ab.sh A.jar B.jar" >&2; exit 2; }
A=$(readlink -f "$1"); B=$(readlink -f "$2")
ROUNDS=${ROUNDS:-4}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
XMX=${XMX:-512m}
DATA=$ROOT/bench/work/speed-data
[ -f "$DATA/imported-100000" ] || { echo "no 100,000-article site in $DATA: run bench/speed.sh once first" >&2; exit 1; }
RUN=$ROOT/bench/work/render-ab-$(date +%Y%m%d-%H%M%S)
mkdir -p "$RUN"
touch "$RUN/no-search-index"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done; true' EXIT
declare -A PORT PID
for side in A B; do
  jar=$([ $side = A ] && echo "$A" || echo "$B")
  PORT[$side]=$(free_port)
  taskset -c "$SERVER_CPU" java -Xmx"$XMX" -jar "$jar" --masthead.data-dir="$DATA" --server.port="${PORT[$side]}" \
    --masthead.search.directory="$RUN/no-search-index" >"$RUN/server-$side.log" 2>&1 &
  PID[$side]=$!; PIDS+=($!)
done
for side in A B; do
  for _ in $(seq 1 1200); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT[$side]}/articles/1" || true)" = 200 ] && break
    kill -0 "${PID[$side]}" 2>/dev/null || { tail -20 "$RUN/server-$side.log" >&2; exit 1; }
    sleep 0.2
  done
done
client() {   # client NAME WARMUP TIMED
  sed -e "s/ARTICLE_WARMUP = 500/ARTICLE_WARMUP = $2/" -e "s/ARTICLE_TIMED = 2_000/ARTICLE_TIMED = $3/" \
      -e 's/HOME_WARMUP = 100/HOME_WARMUP = 0/' -e 's/HOME_TIMED = 1_000/HOME_TIMED = 1/' \
      -e "s/public class RenderTimes/public class $1/" "$ROOT/bench/RenderTimes.java" >"$RUN/$1.java"
}
client Settle 12000 1
client Round 2000 1000
echo "both servers up; each renders 12,000 articles first …" >&2
seq 1 12500 >"$RUN/ids-settle-A"; seq 12501 25000 >"$RUN/ids-settle-B"
taskset -c "$CLIENT_CPU" java "$RUN/Settle.java" "http://127.0.0.1:${PORT[A]}" "$RUN/ids-settle-A" 1 >/dev/null &
settling=$!
taskset -c "$CLIENT_CPU" java "$RUN/Settle.java" "http://127.0.0.1:${PORT[B]}" "$RUN/ids-settle-B" 2 >/dev/null
wait "$settling"
next=25000
: >"$RUN/rounds.txt"
for round in $(seq 1 "$ROUNDS"); do
  order="A B"; [ $((round % 2)) = 0 ] && order="B A"
  for side in $order; do
    seq $((next + 1)) $((next + 3000)) >"$RUN/ids-$side-$round"; next=$((next + 3000))
    before=$(awk '{ print $14 + $15 }' "/proc/${PID[$side]}/stat")
    row=$(taskset -c "$CLIENT_CPU" java "$RUN/Round.java" "http://127.0.0.1:${PORT[$side]}" "$RUN/ids-$side-$round" "$round" | head -1)
    after=$(awk '{ print $14 + $15 }' "/proc/${PID[$side]}/stat")
    cpu=$(awk -v a="$before" -v b="$after" -v t="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (b - a) / t / 3 }')
    echo "$side $round $(echo "$row" | awk -F'|' '{ gsub(/ /, "", $4); gsub(/ /, "", $5); print $4, $5 }') $cpu" >>"$RUN/rounds.txt"
    echo "round $round $side: $(tail -1 "$RUN/rounds.txt")" >&2
  done
done
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "| jar | median ms, rounds 1–$ROUNDS | median of rounds | p99 ms (median) | server CPU ms per request, rounds | median |"
echo "|---|---|---:|---:|---|---:|"
for side in A B; do
  jar=$([ $side = A ] && echo "$A" || echo "$B")
  col() { awk -v s="$side" -v c="$1" '$1 == s { print $c }' "$RUN/rounds.txt"; }
  echo "| $side: $(basename "$jar") | $(col 3 | paste -sd' ') | $(col 3 | median) | $(col 4 | median) | $(col 5 | paste -sd' ') | $(col 5 | median) |"
done
echo "(server CPU per request: over all 3,000 renders of a round, the client's warm-up included; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); runs in $RUN)"
