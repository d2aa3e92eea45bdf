#!/usr/bin/env bash
# Prints the text-quality measurements quoted in bench/README.md ("summary", "dedupe", "quality"):
# character ROUGE of the extractive summary against truncation on LCSTS, near-duplicate P/R/F1 on the
# labelled Sina/Sohu set, and the spam flag on the seed page and Sina news. Needs ../shared/corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp test -Dtest='SummaryQualityTest,DuplicateDetectionQualityTest,QualityQualityTest' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dmasthead.shared="${MASTHEAD_SHARED:-$PWD/../shared}" 2>/dev/null \
  | grep -v -e '^news -' -e '^WARN' || true
for f in target/surefire-reports/org.masthead.text.{Summary,DuplicateDetection,Quality}QualityTest-output.txt; do
  [ -f "$f" ] && cat "$f"
done
