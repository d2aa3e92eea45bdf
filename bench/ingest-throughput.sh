#!/usr/bin/env bash
# Ingest throughput (issue 4, "Done when"): COUNT Sina news articles served as RSS feeds (100 items
# each) by a local HTTP server and polled by the real application on a fresh SQLite data dir, once
# with enrichment (segmentation, MinHash story clusters, summary, keywords, quality) and once without;
# prints items/s of each and the ratio. See bench/README.md, "ingest-throughput". Not part of ./mvnw verify.
#
#   bench/ingest-throughput.sh               # 10,000 items
#   COUNT=2000 bench/ingest-throughput.sh    # smaller, on a loaded machine
#
# Environment: SINA_CORPUS (default ../shared/corpus/sina-news-2018/sina_news_2018.jsonl), COUNT
# (10000), XMX (1g). The result table goes to bench/results/ingest-throughput-<time>.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
. .mvn/find-jdk.sh
masthead_find_jdk

CORPUS=${SINA_CORPUS:-$ROOT/../shared/corpus/sina-news-2018/sina_news_2018.jsonl}
COUNT=${COUNT:-10000}
XMX=${XMX:-1g}
WORK=$ROOT/bench/work/ingest-throughput
STAMP=$(date +%Y%m%d-%H%M%S)
RESULT=$ROOT/bench/results/ingest-throughput-$STAMP.md
if [ ! -f "$CORPUS" ]; then
  echo "ingest-throughput: no corpus at $CORPUS (set SINA_CORPUS)" >&2
  exit 2
fi
mkdir -p "$WORK" bench/results

./mvnw -q -B -ntp compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
rm -rf "$WORK/app-classes" "$WORK/classes" "$WORK"/data-*
cp -r target/classes "$WORK/app-classes"
CP="$WORK/app-classes:$(cat "$WORK/classpath.txt")"
"$JAVA_HOME/bin/javac" -nowarn -d "$WORK/classes" -cp "$CP" bench/ingest-throughput/IngestThroughputBench.java

{
  echo "# ingest-throughput $(date -Iseconds)"
  echo
  echo "- commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (with uncommitted changes)'), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), -Xmx$XMX"
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), load average at start $(cut -d' ' -f1-3 /proc/loadavg) (shared with other work)"
  echo "- $COUNT items from $(basename "$CORPUS") in feeds of 100, local HTTP, SQLite (WAL, synchronous=FULL), each mode in a new JVM after a 100-item warm-up"
  echo
} | tee "$RESULT"

run() { # run ENRICHMENT
  "$JAVA_HOME/bin/java" -Xmx"$XMX" -cp "$WORK/classes:$CP" org.masthead.bench.IngestThroughputBench "$CORPUS" "$WORK" "$COUNT" "$1" \
    2> >(grep -v '^WARNING' >&2) | grep '^RESULT' | tail -1
}
ON=$(run true)
OFF=$(run false)
rate() { sed -E 's/.*itemsPerSecond=([0-9.]+).*/\1/' <<<"$1"; }
field() { sed -E "s/.* $2=([^ ]+).*/\\1/" <<<"$1"; }
{
  echo "| enrichment | items | created | held for review | duplicates | rejected | seconds | items/s |"
  echo "|---|---|---|---|---|---|---|---|"
  for r in "$ON" "$OFF"; do
    echo "| $(field "$r" enrichment) | $(field "$r" items) | $(field "$r" created) | $(field "$r" flagged) | $(field "$r" duplicates) | $(field "$r" rejected) | $(field "$r" seconds) | $(rate "$r") |"
  done
  echo
  awk -v on="$(rate "$ON")" -v off="$(rate "$OFF")" 'BEGIN { printf "ratio with/without enrichment: %.2f (enrichment costs %.0f%% of the throughput)\n", on / off, (1 - on / off) * 100 }'
} | tee -a "$RESULT"
rm -rf "$WORK"/data-*
echo "→ $RESULT"
