#!/usr/bin/env bash
# Installs everything and runs the portal with the demo catalog:
# frontend on http://localhost:3000, backend on http://localhost:7007, embedded SQLite, guest sign-in.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
yarn install --immutable
exec yarn start
