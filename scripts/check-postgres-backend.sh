#!/usr/bin/env bash
# Starts the backend with the production config against the local PostgreSQL, waits until the
# catalog has ingested the demo organisation, and checks that production is closed by default:
# no guest sign-in, no anonymous access, the Mandate permission policy in force; while a static
# external-access token (given only through the environment) reads the catalog and Mandate.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh

export POSTGRES_HOST="${POSTGRES_HOST:-127.0.0.1}" POSTGRES_PORT="${POSTGRES_PORT:-5432}"
export POSTGRES_USER="${POSTGRES_USER:-postgres}" POSTGRES_PASSWORD="${POSTGRES_PASSWORD:-}"
port="${MANDATE_CHECK_PORT:-7007}"
base="http://127.0.0.1:$port"
export APP_CONFIG_backend_listen_port="$port" APP_CONFIG_backend_baseUrl="http://localhost:$port"
# A one-off token for this check: the documented way for scripts to call a production backend.
token=$(node -e 'process.stdout.write(require("crypto").randomBytes(24).toString("hex"))')
export APP_CONFIG_backend_auth_externalAccess="[{\"type\":\"static\",\"options\":{\"token\":\"$token\",\"subject\":\"check-postgres-backend\"}}]"

log=$(mktemp)
# Its own session, so that the backend and the processes it starts stop together.
setsid yarn workspace backend start --config ../../app-config.yaml --config ../../app-config.production.yaml >"$log" 2>&1 &
backend=$!
trap 'kill -- -$backend 2>/dev/null || true; rm -f "$log"' EXIT

fail() {
  echo "postgres backend: $1" >&2
  tail -50 "$log" >&2
  exit 1
}
status() { curl -s -o /dev/null -w '%{http_code}' "$@" || true; }
auth=(-H "Authorization: Bearer $token")

for _ in $(seq 1 120); do
  services=$(curl -sf "${auth[@]}" \
    "$base/api/catalog/entities/by-query?filter=kind=component,spec.type=service&limit=100" 2>/dev/null |
    node -pe 'JSON.parse(require("fs").readFileSync(0,"utf8")).items.length' 2>/dev/null || echo 0)
  if [ "$services" -ge 16 ]; then
    echo "postgres backend: the catalog serves $services services"
    curl -sf -o /dev/null "${auth[@]}" "$base/api/mandate/rules" || fail "/api/mandate does not answer"
    echo "postgres backend: /api/mandate answers"

    guest=$(status -X POST "$base/api/auth/guest/refresh")
    case "$guest" in 2*) fail "guest sign-in answered $guest" ;; esac
    echo "postgres backend: guest sign-in is refused ($guest)"
    anonymous=$(status "$base/api/mandate/summary")
    [ "$anonymous" = 401 ] || fail "an anonymous request answered $anonymous, not 401"
    echo "postgres backend: anonymous requests answer 401"
    # Only one policy can be installed; the Mandate policy says so when it starts.
    grep -q 'Mandate permission policy in force' "$log" || fail "the Mandate permission policy is not installed"
    echo "postgres backend: the Mandate permission policy is in force"
    exit 0
  fi
  sleep 2
done
fail "the catalog did not serve the demo services within 4 minutes"
