#!/usr/bin/env bash
# Ingest quality on the shared corpus (see bench/README.md, "ingest"): the feedparser, Rome and
# Miniflux suites through charset choice and the feed parser (parsed / rejected / crashed, Expect:
# agreement, sanitising), and article extraction on the Mozilla Readability pages and the scrapinghub
# benchmark (token precision / recall / F1 against the expected text, beside the whole page's text).
#
#   bench/ingest-quality.sh
#
# Runs FeedCorpusTest and ExtractionQualityIT only, then prints target/feed-corpus.txt and
# target/extraction-quality.txt and copies them to bench/results/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
RESULTS=$ROOT/bench/results
STAMP=$(date +%Y%m%d-%H%M%S)
mkdir -p "$RESULTS"

./mvnw -q -B -ntp verify -Dtest='FeedCorpusTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='ExtractionQualityIT' -Dfailsafe.failIfNoSpecifiedTests=false

sed -n '1,/^rejected files/p' target/feed-corpus.txt | tee "$RESULTS/feed-corpus-$STAMP.txt"
echo
tee "$RESULTS/extraction-quality-$STAMP.txt" < target/extraction-quality.txt
