#!/usr/bin/env bash
# Masthead's Lucene index against raw Lucene with the same analyzer, in the same JVM, on 100,000
# documents (issue 5, "Done when"; see bench/README.md, "search-index"). Not part of ./mvnw verify.
#
#   bench/search-index.sh                 # RUNS (default 2) runs, each in a new JVM; prints each and the medians
#   COUNT=20000 RUNS=1 bench/search-index.sh
#
# Environment: SINA_CORPUS (default ../shared/corpus/sina-news-2018/sina_news_2018.jsonl), COUNT
# (100000), THREADS (indexing threads, default: the number of cores), WARMUP (200) and TIMED (1000)
# queries per kind, RUNS (2) runs that index and query, QUERY_RUNS (0) further runs that only query
# the indexes of the last run (other random queries), XMX (2g), JFR=1 to record a flight recording
# of each run into bench/work/search-index/. The runs alternate which engine indexes first. Tables go
# to bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
. .mvn/find-jdk.sh
masthead_find_jdk

CORPUS=${SINA_CORPUS:-$ROOT/../shared/corpus/sina-news-2018/sina_news_2018.jsonl}
COUNT=${COUNT:-100000}
THREADS=${THREADS:-$(nproc)}
WARMUP=${WARMUP:-200}
TIMED=${TIMED:-1000}
RUNS=${RUNS:-2}
QUERY_RUNS=${QUERY_RUNS:-0}
XMX=${XMX:-2g}
WORK=$ROOT/bench/work/search-index
STAMP=$(date +%Y%m%d-%H%M%S)
RESULT=$ROOT/bench/results/search-index-$STAMP.md
mkdir -p "$WORK" bench/results

./mvnw -q -B -ntp compile
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
# A copy of the classes, so a build in this tree while the benchmark runs (it takes an hour) cannot
# change or remove them under it.
rm -rf "$WORK/app-classes"
cp -r target/classes "$WORK/app-classes"
CP="$WORK/app-classes:$(cat "$WORK/classpath.txt")"
# Compiled beside target/classes, not run as a source file: it lives in the package of the
# package-private LuceneSearchIndex, which only works when one class loader loads both.
rm -rf "$WORK/classes"
"$JAVA_HOME/bin/javac" -q -nowarn -d "$WORK/classes" -cp "$CP" bench/search-index/SearchIndexBench.java 2>/dev/null \
  || "$JAVA_HOME/bin/javac" -nowarn -d "$WORK/classes" -cp "$CP" bench/search-index/SearchIndexBench.java

{
  echo "# search-index $(date -Iseconds)"
  echo
  echo "- commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (with uncommitted changes)'), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), -Xmx$XMX"
  echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), shared with other work"
} | tee "$RESULT"

: > "$WORK/results.txt"
bench() { # bench NAME JAVA-OPTIONS...
  local name=$1; shift
  JFR_OPTS=()
  [ "${JFR:-0}" = 1 ] && JFR_OPTS=("-XX:StartFlightRecording=filename=$WORK/$name.jfr,settings=profile" "-XX:FlightRecorderOptions:stackdepth=256")
  printf '\n## %s\n\n' "$name" | tee -a "$RESULT"
  "$JAVA_HOME/bin/java" -Xmx"$XMX" "${JFR_OPTS[@]}" -Dcount="$COUNT" -Dthreads="$THREADS" -Dwarmup="$WARMUP" -Dtimed="$TIMED" "$@" \
    -cp "$WORK/classes:$CP" org.masthead.search.lucene.SearchIndexBench "$CORPUS" "$WORK/indexes" \
    2>"$WORK/stderr-$name.txt" | tee -a "$RESULT" \
    || { echo "$name failed:" >&2; grep -v '^#result' "$WORK/stderr-$name.txt" | tail -30 >&2; exit 1; }
  grep '^#result' "$WORK/stderr-$name.txt" | sed "s/^#result/$name/" >> "$WORK/results.txt"
}
for run in $(seq "$RUNS"); do
  ORDER=raw-first
  [ $((run % 2)) -eq 0 ] && ORDER=masthead-first
  KEEP=false
  [ "$run" = "$RUNS" ] && [ "$QUERY_RUNS" -gt 0 ] && KEEP=true
  bench "run-$run" -Dorder=$ORDER -Dkeep=$KEEP
done
for q in $(seq "$QUERY_RUNS"); do
  bench "queries-$q" -Dphase=queries -Dseed=$((2018 + q)) -Dkeep=$([ "$q" = "$QUERY_RUNS" ] && echo false || echo true)
done

printf '\n## medians (indexing: %s runs; queries: %s runs)\n\n' "$RUNS" "$((RUNS + QUERY_RUNS))" | tee -a "$RESULT"
python3 - "$WORK/results.txt" <<'PY' | tee -a "$RESULT"
import sys, statistics, collections
values = collections.defaultdict(list)
for line in open(sys.argv[1]):
    run, name, value = line.split()
    if name == 'documents': continue
    values[name].append(float(value))
m = lambda k: statistics.median(values[k])
runs = lambda k, f: ", ".join(f.format(v) for v in values[k])
if 'indexing.ratio' in values:
    print("| indexing | raw Lucene | Masthead | Masthead / raw | runs (raw; Masthead) |")
    print("|---|---:|---:|---:|---|")
    print(f"| docs/s | {m('raw.docs_per_s'):,.0f} | {m('masthead.docs_per_s'):,.0f} | **{m('indexing.ratio'):.2f}×** | {runs('raw.docs_per_s', '{:,.0f}')}; {runs('masthead.docs_per_s', '{:,.0f}')} |")
    print(f"| docs per CPU second (process) | {m('raw.docs_per_cpu_s'):,.0f} | {m('masthead.docs_per_cpu_s'):,.0f} | {m('indexing.cpu_ratio'):.2f}× | {runs('raw.docs_per_cpu_s', '{:,.0f}')}; {runs('masthead.docs_per_cpu_s', '{:,.0f}')} |")
    print(f"| index MB | {m('raw.index_mb'):,.0f} | {m('masthead.index_mb'):,.0f} | {m('masthead.index_mb') / m('raw.index_mb'):.2f}× | |")
print()
print("| query | hits (mean) | raw p50 ms | raw p99 ms | Masthead p50 ms | Masthead p99 ms | p50 ratio | p99 ratio | Masthead p99 of each run | CPU p50/p99 ms raw; Masthead |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---|---|")
names = {"none": "no filter", "channel": "channel filter", "source": "source filter", "date": "30-day window"}
for w in (1, 2, 3):
    for f in ("none", "channel", "source", "date"):
        k = f"{w}w.{f}"
        rp50, rp99, mp50, mp99 = m(f"raw.{k}.p50"), m(f"raw.{k}.p99"), m(f"masthead.{k}.p50"), m(f"masthead.{k}.p99")
        bold = "**" if w == 2 else ""
        print(f"| {w}-word, {names[f]} | {m(f'masthead.{k}.hits'):,.0f} | {rp50:.2f} | {rp99:.2f} | {mp50:.2f} | {bold}{mp99:.2f}{bold} | {mp50 / rp50:.1f}× | {mp99 / rp99:.1f}× | {runs(f'masthead.{k}.p99', '{:.2f}')} | {m(f'raw.{k}.cpu_p50'):.2f}/{m(f'raw.{k}.cpu_p99'):.2f}; {m(f'masthead.{k}.cpu_p50'):.2f}/{m(f'masthead.{k}.cpu_p99'):.2f} |")
PY
echo "written to $RESULT" >&2
