#!/usr/bin/env bash
# Starts the backend with the production config against the local PostgreSQL, waits until the
# catalog has ingested the demo organisation, checks the catalog and Mandate answer, and stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh

export POSTGRES_HOST="${POSTGRES_HOST:-127.0.0.1}" POSTGRES_PORT="${POSTGRES_PORT:-5432}"
export POSTGRES_USER="${POSTGRES_USER:-postgres}" POSTGRES_PASSWORD="${POSTGRES_PASSWORD:-}"
log=$(mktemp)
yarn workspace backend start --config ../../app-config.yaml --config ../../app-config.production.yaml >"$log" 2>&1 &
backend=$!
trap 'kill -- -$backend 2>/dev/null || kill $backend 2>/dev/null || true; pkill -f "app-config.production.yaml" || true' EXIT

for _ in $(seq 1 120); do
  token=$(curl -sf -X POST http://localhost:7007/api/auth/guest/refresh 2>/dev/null |
    node -pe 'JSON.parse(require("fs").readFileSync(0,"utf8")).backstageIdentity.token' 2>/dev/null || true)
  if [ -n "$token" ]; then
    services=$(curl -sf -H "Authorization: Bearer $token" \
      'http://localhost:7007/api/catalog/entities/by-query?filter=kind=component,spec.type=service&limit=100' |
      node -pe 'JSON.parse(require("fs").readFileSync(0,"utf8")).items.length' 2>/dev/null || echo 0)
    if [ "$services" -ge 16 ]; then
      echo "postgres backend: the catalog serves $services services"
      curl -sf -o /dev/null -H "Authorization: Bearer $token" http://localhost:7007/api/mandate/rules
      echo "postgres backend: /api/mandate answers"
      exit 0
    fi
  fi
  sleep 2
done
echo "postgres backend: the catalog did not serve the demo services within 4 minutes" >&2
tail -50 "$log" >&2
exit 1
