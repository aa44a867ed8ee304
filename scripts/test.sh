#!/usr/bin/env bash
# Installs everything and runs every test: types, formatting, lint, unit and backend tests (SQLite, and
# PostgreSQL when one answers on 127.0.0.1:5432), then the end-to-end suite in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
yarn install --immutable

export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y chromium
  else
    echo "test: the end-to-end suite needs Chromium at $CHROMIUM_PATH (apt-get install chromium, or set CHROMIUM_PATH)" >&2
    exit 1
  fi
fi

# Backend tests run on SQLite always, and on PostgreSQL when one is reachable (TestDatabases).
postgres=false
if (echo > /dev/tcp/127.0.0.1/5432) 2>/dev/null; then postgres=true; fi
if [ -z "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ] && $postgres; then
  export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres@127.0.0.1:5432"
fi

yarn tsc
yarn prettier:check
yarn lint:all
# Includes the backend's fault test (plugins/mandate-backend/src/crash): kill -9 while 10,000
# services are being stored, on a SQLite file and on PostgreSQL (about 1-2 minutes each).
CI=true yarn test --watchAll=false
# The CLI package as a user installs it: npm install of its tarball, the same report as in the repository.
./scripts/test-cli-tarball.sh
# The production configuration: the backend on PostgreSQL serves the catalog.
if $postgres; then ./scripts/check-postgres-backend.sh; fi
./scripts/check-fresh-app-install.sh # publishable: packed, installed into a new app as the READMEs say
if ! CI=true yarn test:e2e; then
  echo "test: the end-to-end suite failed; what the portal's backend logged for Mandate:" >&2
  sed 's/\x1b\[[0-9;]*m//g' node_modules/.cache/e2e-backend.log | grep -v rootHttpRouter | grep -E 'mandate|warn|error' | tail -n 80 >&2 || true
  exit 1
fi
