#!/usr/bin/env bash
# The HTML validity test runs the Nu checker (vnu-jar), which needs Java 11 or newer.
set -euo pipefail
if command -v java >/dev/null && java -version >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing a headless Java runtime (needed by the HTML validator)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
  exit 0
fi
echo "Java is missing. Install a Java runtime (11 or newer), then run make test again:" >&2
echo "  sudo apt-get update && sudo apt-get install -y default-jre-headless" >&2
exit 1
