#!/usr/bin/env bash
# The CLI as a new user gets it: packs @mandate-dev/cli, installs the tarball with npm into an
# empty directory (no checkout, no registry: the bundle has no dependencies), runs
# `npx mandate check catalog/ --format json` there on a copy of the demo catalog and its
# app-config, and asserts the report equals `yarn mandate check catalog/ --format json` in the
# repository (generatedAt aside). Prints the start-up figures.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

(cd plugins/mandate-cli && yarn build >/dev/null && yarn pack --out "$tmp/cli.tgz" >/dev/null)
mkdir "$tmp/app"
cp -r catalog "$tmp/app/catalog"
cp app-config*.yaml "$tmp/app/" 2>/dev/null || true
cd "$tmp/app"
echo '{ "name": "cli-tarball-test", "private": true }' >package.json
npm install --offline --no-audit --no-fund --loglevel=error "$tmp/cli.tgz" >/dev/null

npx --offline mandate check catalog/ --format json >"$tmp/installed.json"
(cd "$repo" && yarn mandate check catalog/ --format json) >"$tmp/repository.json"
node -e '
const fs = require("node:fs");
const read = f => { const r = JSON.parse(fs.readFileSync(f, "utf8")); delete r.generatedAt; return r; };
const installed = read(process.argv[1]);
require("node:assert").deepStrictEqual(installed, read(process.argv[2]));
if (installed.entities.length === 0) throw new Error("no services in the report");
console.log(`test-cli-tarball: same report (${installed.entities.length} services) from the installed package`);
' "$tmp/installed.json" "$tmp/repository.json"

time_of() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  echo "$(((end - start) / 1000000)) ms"
}
bin="$tmp/app/node_modules/.bin/mandate"
node "$bin" --version >/dev/null # fills Node's compile cache, as any earlier run does
echo "test-cli-tarball: mandate --version $(time_of node "$bin" --version), mandate check catalog/ $(time_of node "$bin" check catalog/ --format json)"
