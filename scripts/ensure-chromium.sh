#!/usr/bin/env bash
# Browser tests need Debian's Chromium; Playwright cannot download its own browser here.
set -euo pipefail
if [ -x "${CHROMIUM:-/usr/bin/chromium}" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian Chromium (needed by the browser tests)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is missing. Install it, then run make test again:" >&2
echo "  sudo apt-get update && sudo apt-get install -y chromium" >&2
exit 1
