#!/usr/bin/env bash
# Compares Chinese segmenters: quality on the SIGHAN 2005 gold, speed on Sina news. See bench/README.md,
# "segmentation". Not part of ./mvnw verify.
# Usage: bench/segmentation.sh [quality | speed | all]   (default all)
#   quality: the PKU and CityU tables, and the bakeoff's Perl scorer on the same outputs
#   speed:   each segmenter in its own JVM, RUNS times (default 3), PASSES timed passes each (default 3);
#            SEGMENTERS="0 3" times only those (0 smartcn, 1 IK, 2 HanLP, 3 forIndexing, 4 cjkBigrams)
set -euo pipefail
cd "$(dirname "$0")/.."
. .mvn/find-jdk.sh
masthead_find_jdk
SHARED=${MASTHEAD_SHARED:-$PWD/../shared}
WHAT=${1:-all}
RUNS=${RUNS:-3}
PASSES=${PASSES:-3}
WORK=bench/work/segmentation
mkdir -p "$WORK/lib" bench/results

./mvnw -q -B compile
./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
# The two contenders that are not Masthead dependencies, fetched from Maven Central into bench/work only.
# IK 9.0.0 was built on Lucene 9.0 and declares logback-classic 1.2 at compile scope: both left out here.
./mvnw -q -B dependency:copy -DoutputDirectory="$WORK/lib" -Dartifact=cn.shenyanchao.ik-analyzer:ik-analyzer:9.0.0 >/dev/null
./mvnw -q -B dependency:copy -DoutputDirectory="$WORK/lib" -Dartifact=com.hankcs:hanlp:portable-1.8.6 >/dev/null

CP="target/classes:$(cat "$WORK/classpath.txt"):$WORK/lib/*"
RESULT=bench/results/segmentation-$(date +%Y%m%d-%H%M%S).md
bench() { "$JAVA_HOME/bin/java" -Xmx2g -cp "$CP" bench/segmentation/SegmentationBench.java "$SHARED" "$WORK" "$@" 2>>"$WORK/stderr.txt"; }
: > "$WORK/stderr.txt"

if [ "$WHAT" != speed ]; then
  bench 1 all 0 | sed '/^## Speed/,$d' | tee -a "$RESULT"
  # Cross-check of the Java scorer against the bakeoff's own Perl script (diff-aligned, punctuation
  # kept), on each segmenter's output with gaps closed: compare with the table's last column.
  if command -v perl >/dev/null && [ -x /usr/bin/diff ]; then
    printf '\n## scripts/score on the same outputs (punctuation kept)\n\n' | tee -a "$RESULT"
    for f in "$WORK"/pku-*.utf8; do
      printf '%s: ' "$(basename "$f" .utf8)"
      perl "$SHARED/corpus/icwb2-data/scripts/score" "$SHARED/corpus/icwb2-data/gold/pku_training_words.utf8" \
        "$SHARED/corpus/icwb2-data/gold/pku_test_gold.utf8" "$f" 2>/dev/null \
        | awk -F'\t' '/TOTAL TEST WORDS PRECISION|TOTAL TRUE WORDS RECALL|F MEASURE|OOV Recall/ {printf "%s=%s ", $1, $2} END {print ""}' \
        | sed 's/=== //g; s/:=/=/g; s/TOTAL TRUE WORDS RECALL/R/; s/TOTAL TEST WORDS PRECISION/P/; s/F MEASURE/F/; s/OOV Recall Rate/OOV-R/'
    done | tee -a "$RESULT"
  fi
fi

if [ "$WHAT" != quality ]; then
  for run in $(seq "$RUNS"); do
    for k in ${SEGMENTERS:-0 1 2 3 4}; do
      bench "$PASSES" speed "$k" | grep '^| ' | grep -v -e '^| segmenter' -e '^|---' | sed "s/^/run $run /" >> "$WORK/speed-rows.txt" || true
    done
  done
  printf '\n## Speed: Sina news bodies (600k chars), each segmenter in its own JVM, %s runs x (2 warm-up + %s timed passes)\n\n' "$RUNS" "$PASSES" | tee -a "$RESULT"
  printf '| segmenter | median chars/s (of the runs'"'"' medians) | runs'"'"' medians |\n|---|---:|---|\n' | tee -a "$RESULT"
  python3 - "$WORK/speed-rows.txt" <<'PY' | tee -a "$RESULT"
import sys, statistics, collections
rows = collections.OrderedDict()
for line in open(sys.argv[1], encoding='utf-8'):
    cells = [c.strip() for c in line.split('|')]
    name, median = cells[1], float(cells[2].strip('*').replace(',', ''))
    rows.setdefault(name, []).append(median)
for name, medians in rows.items():
    print(f"| {name} | **{statistics.median(medians):,.0f}** | {', '.join(f'{m:,.0f}' for m in medians)} |")
PY
  rm -f "$WORK/speed-rows.txt"
fi
