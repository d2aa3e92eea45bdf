#!/usr/bin/env bash
# Installs what the browser tests need: Debian's chromium and its chromedriver (EditorialBrowserIT),
# Firefox ESR (EditorialFirefoxIT, driven over its own WebDriver BiDi: Debian has no geckodriver, and
# none is needed) and a Chinese font (without one, Chinese renders as boxes in the screenshots).
# Idempotent: does nothing when all are there. Needs root (CI runs as root) or passwordless sudo.
set -euo pipefail

packages=(chromium chromium-driver firefox-esr fonts-wqy-microhei)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ -x /usr/bin/chromedriver ] && [ -x /usr/bin/chromium ] && [ -x /usr/bin/firefox-esr ] && [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo -n)
else
  echo "install-browser: ${missing[*]} missing and not root; run: apt-get install ${packages[*]}" >&2
  exit 1
fi

echo "install-browser: installing ${missing[*]:-${packages[*]}}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"
test -x /usr/bin/chromedriver
test -x /usr/bin/firefox-esr
