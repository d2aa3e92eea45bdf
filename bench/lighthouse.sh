#!/usr/bin/env bash
# Lighthouse scores (mobile profile) of the reader pages of the demo site — home, an article, a channel and the
# search page (see bench/README.md) — then
# screenshots on a 360-px phone (light and dark), at 200 % zoom and in print, and colour contrast in dark mode.
#
#   bench/lighthouse.sh              # builds target/masthead.jar when it is missing or older than the sources
#   REBUILD=1 bench/lighthouse.sh    # rebuilds it first
#   RUNS=5 bench/lighthouse.sh       # Lighthouse runs per page (default 3); the run with the median
#                                    # performance score is reported
#
# It installs what it needs when missing: Debian's chromium and fonts-wqy-microhei (Chinese glyphs),
# Node.js/npm, and lighthouse 12.2.3 from the npm registry into bench/work/lighthouse/npm
# (lighthouse 13 needs Node 22; 12.2.3 runs on Node 18 and 20). Scratch files go to
# bench/work/lighthouse/, the result table to bench/results/.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
. "$ROOT/.mvn/find-jdk.sh"   # puts a JDK 21+ first on the PATH

LIGHTHOUSE_VERSION=12.2.3
RUNS=${RUNS:-3}
WORK=$ROOT/bench/work/lighthouse
RESULTS=$ROOT/bench/results
STAMP=$(date +%Y%m%d-%H%M%S)
DATA=$WORK/data-$STAMP
REPORTS=$WORK/reports-$STAMP
mkdir -p "$WORK" "$RESULTS" "$REPORTS"
rm -rf "$WORK"/data-*

# --- tools -------------------------------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} with apt-get …" >&2
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi
export CHROME_PATH=${CHROME_PATH:-$(command -v chromium)}
LIGHTHOUSE=$WORK/npm/node_modules/.bin/lighthouse
if [ ! -x "$LIGHTHOUSE" ] || [ "$("$LIGHTHOUSE" --version 2>/dev/null)" != "$LIGHTHOUSE_VERSION" ]; then
  echo "installing lighthouse $LIGHTHOUSE_VERSION from the npm registry …" >&2
  mkdir -p "$WORK/npm"
  npm install --prefix "$WORK/npm" --no-audit --no-fund --loglevel=error "lighthouse@$LIGHTHOUSE_VERSION" >&2
fi

# --- the site ----------------------------------------------------------------------------------
if [ "${REBUILD:-0}" = 1 ] || [ ! -f target/masthead.jar ] || [ -n "$(find src pom.xml -newer target/masthead.jar -print -quit)" ]; then
  echo "building target/masthead.jar …" >&2
  ./mvnw -q -B package -DskipTests
fi

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The base URL must name the host Lighthouse loads, or its canonical audit reports a different domain.
BASE=http://localhost:$PORT
echo "starting the demo site on $BASE (data dir $DATA) …" >&2
java -jar target/masthead.jar --spring.profiles.active=demo --masthead.data-dir="$DATA" --server.port="$PORT" \
  --masthead.site.base-url="$BASE" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true' EXIT
# Readiness turns UP after the application runners, i.e. after the demo articles are loaded.
for _ in $(seq 1 360); do
  if curl -fs "$BASE/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then break; fi
  if ! kill -0 "$SERVER" 2>/dev/null; then echo "the server stopped:" >&2; tail -30 "$WORK/server.log" >&2; exit 1; fi
  sleep 0.5
done
curl -fs "$BASE/actuator/health/readiness" | grep -q '"UP"' || { echo "the site did not become ready" >&2; exit 1; }

HOME_HTML=$(curl -fs "$BASE/")
ARTICLE=$(grep -oE 'href="/articles/[0-9]+"' <<<"$HOME_HTML" | head -1 | cut -d'"' -f2)
CHANNEL=$(grep -oE 'href="/channel/[^"]+"' <<<"$HOME_HTML" | head -1 | cut -d'"' -f2)
[ -n "$ARTICLE" ] && [ -n "$CHANNEL" ] || { echo "no article or channel link on the home page" >&2; exit 1; }
# The search page with a query that has hits on the demo articles (台南, the city of the press releases).
# Its results are noindex (see docs/search.md), which Lighthouse's SEO audit "is-crawlable" counts as a failure.
SEARCH="/search?q=%E5%8F%B0%E5%8D%97"
PAGES=("home /" "article $ARTICLE" "channel $CHANNEL" "search $SEARCH")
# The server fills its search index in the background after start: wait until the query finds articles.
for _ in $(seq 1 240); do
  if curl -fs "$BASE$SEARCH" 2>/dev/null | grep -q 'class="card-title hit-title"'; then break; fi
  sleep 0.5
done
curl -fs "$BASE$SEARCH" | grep -q 'class="card-title hit-title"' || { echo "the search page found nothing for 台南" >&2; exit 1; }

# Warm the JIT up, so the server's first slow answers do not count against performance.
for entry in "${PAGES[@]}"; do
  path=${entry#* }
  for _ in $(seq 1 30); do curl -fs -o /dev/null "$BASE$path"; done
done

# --- Lighthouse --------------------------------------------------------------------------------
CHROME_FLAGS="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"
for entry in "${PAGES[@]}"; do
  name=${entry%% *}
  path=${entry#* }
  for run in $(seq 1 "$RUNS"); do
    profile=$(mktemp -d "$WORK/chrome-profile-XXXXXX")
    echo "lighthouse $name ($path), run $run of $RUNS …" >&2
    "$LIGHTHOUSE" "$BASE$path" --quiet --output=json --output-path="$REPORTS/$name-$run.json" \
      --only-categories=performance,accessibility,best-practices,seo \
      --chrome-flags="$CHROME_FLAGS --user-data-dir=$profile" >&2 || echo "lighthouse failed on $path (run $run)" >&2
    rm -rf "$profile"
  done
done

# 360-px phone (light, dark), 200 % zoom, print: screenshots, page width, and contrast in dark mode.
echo "screenshots and dark-mode contrast …" >&2
VIEWS=$(node "$ROOT/bench/lighthouse-views.mjs" "$WORK/npm/node_modules" "$BASE" "$REPORTS" "${PAGES[@]}")

REPORT=$RESULTS/lighthouse-$STAMP.md
{
  echo "# lighthouse $(date -Iseconds)"
  echo
  echo "- commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' (with uncommitted changes)'), $(java -version 2>&1 | head -1)"
  echo "- lighthouse $LIGHTHOUSE_VERSION (mobile, simulated throttling), $("$CHROME_PATH" --version 2>/dev/null | head -1), node $(node --version)"
  echo "- machine: $(nproc) cores, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1); $RUNS run(s) per page, the run with the median performance score shown"
  echo "- search: \`$SEARCH\` is 台南; its results carry \`noindex,follow\` on purpose, so SEO's is-crawlable audit fails there"
  echo
  node "$ROOT/bench/lighthouse-table.mjs" "$REPORTS" "$RUNS" "${PAGES[@]}"
  echo
  echo "$VIEWS"
} >"$REPORT"
cat "$REPORT"
echo >&2
echo "written to $REPORT (Lighthouse JSON reports in $REPORTS)" >&2
