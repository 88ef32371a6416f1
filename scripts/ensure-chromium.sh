#!/usr/bin/env bash
# The end-to-end tests and bench:till run in Debian's Chromium, never a downloaded browser.
# Installs it when /usr/bin/chromium is missing (needs root or sudo and Debian's apt).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "Installing Debian's chromium for the end-to-end tests …"
as_root=()
if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
