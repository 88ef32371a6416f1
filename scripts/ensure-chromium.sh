#!/usr/bin/env bash
# The end-to-end tests and bench:till run in Debian's Chromium, never a downloaded browser:
# CHROMIUM_PATH when set (a Chromium kept elsewhere; never installed here), else
# /usr/bin/chromium, installed with apt when missing (needs root or sudo and Debian's apt).
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then exit 0; fi
if [ "$chromium" != /usr/bin/chromium ]; then
  echo "CHROMIUM_PATH=$chromium is not an executable Chromium" >&2
  exit 1
fi
echo "Installing Debian's chromium for the end-to-end tests …"
as_root=()
if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi
"${as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
