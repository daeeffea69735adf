#!/usr/bin/env bash
# The HTML validator (vnu-jar) comes from npm, pinned in package-lock.json.
set -euo pipefail
if command -v npm >/dev/null; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Node.js and npm (needed to fetch the HTML validator)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  exit 0
fi
echo "npm is missing. Install Node.js 18 or newer with npm, then run make test again:" >&2
echo "  sudo apt-get update && sudo apt-get install -y nodejs npm" >&2
exit 1
