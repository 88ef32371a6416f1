#!/usr/bin/env bash
# Every test this machine can run: typecheck, lint, every vitest project (the PostgreSQL runs
# too when a local PostgreSQL answers at 127.0.0.1:5432, trust auth, database "test", unless
# TEST_DATABASE_URL already says where), then the Playwright end-to-end suite in Debian's
# Chromium (installed first when it is missing).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${TEST_DATABASE_URL:-}" ] && (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
  export TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test
fi
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "test-all: PostgreSQL suites run against ${TEST_DATABASE_URL%%\?*}"
else
  echo "test-all: no PostgreSQL at 127.0.0.1:5432; the PostgreSQL suites are reported as skipped"
fi

bash scripts/ensure-chromium.sh
npm test
npm run test:e2e
