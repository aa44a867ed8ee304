#!/usr/bin/env bash
# Installs Mandate into a fresh Backstage app the way a new adopter does: packs every package,
# creates an app with @backstage/create-app of this repository's release line (backstage.json),
# installs the tarballs and wires them with the very lines of the packages' READMEs (their
# "Installation" sections), starts the backend until /api/mandate/summary scores the app's own
# example catalog, and builds the frontend. MANDATE_FRESH_APP_DIR keeps the app in that directory.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/toolchain.sh
repo=$PWD
release=$(node -p 'require("./backstage.json").version')
work="${MANDATE_FRESH_APP_DIR:-}"
if [ -z "$work" ]; then
  work=$(mktemp -d)
  remove_work=true
fi
mkdir -p "$work"
backend=""
cleanup() {
  if [ -n "$backend" ]; then kill -- -"$backend" 2>/dev/null || true; fi
  # A fresh app with its node_modules is more than a gigabyte.
  if [ "${remove_work:-false}" = true ]; then rm -rf "$work"; fi
}
trap cleanup EXIT
port="${MANDATE_FRESH_APP_PORT:-7077}"
started=$SECONDS
step() { echo "fresh app: $1 ($((SECONDS - started)) s)"; }
fail() {
  echo "fresh app: $1" >&2
  [ -n "${log:-}" ] && [ -f "$log" ] && tail -60 "$log" >&2
  exit 1
}

# The packages an adopter wires, in this order; the others come as their dependencies.
wired=(mandate-backend catalog-backend-module-mandate scaffolder-backend-module-mandate mandate)

step "checking the package.json files for publishing"
yarn backstage-cli repo fix --publish --check

step "building and packing the packages"
yarn tsc >/dev/null # the declaration files the build bundles (incremental after test.sh's run)
yarn backstage-cli repo build
mkdir -p "$work/packs"
resolutions="{}"
versions="{}"
for dir in plugins/*/; do
  name=$(node -p "require('./${dir}package.json').name")
  [ "$(node -p "Boolean(require('./${dir}package.json').private)")" = false ] || continue
  tarball="$work/packs/$(basename "$dir").tgz"
  # yarn pack runs prepack (publishConfig into package.json) and replaces workspace: ranges.
  (cd "$dir" && yarn pack --out "$tarball" >/dev/null)
  resolutions=$(node -p "JSON.stringify({...$resolutions, '$name': 'file:$tarball'})")
  versions=$(node -p "JSON.stringify({...$versions, '$name': require('./${dir}package.json').version})")
done

step "finding @backstage/create-app of release $release"
# The release manifests (versions.backstage.io) are not reachable here: each create-app carries
# its release's version, so look at the newest few.
mkdir -p "$work/create-app"
create_app=""
for version in $(npm view @backstage/create-app versions --json |
  node -e 'const v=JSON.parse(require("fs").readFileSync(0,"utf8")).filter(v=>!v.includes("-"));console.log(v.slice(-8).reverse().join(" "))'); do
  tgz=$(cd "$work/create-app" && npm pack --silent "@backstage/create-app@$version")
  if tar -xzOf "$work/create-app/$tgz" package/dist/package.json.cjs.js | grep -q "version = \"$release\""; then
    create_app=$version
    break
  fi
done
[ -n "$create_app" ] || fail "no @backstage/create-app among the newest is of release $release"

step "creating the app with @backstage/create-app@$create_app"
app="$work/fresh-app"
rm -rf "$app"
# corepack picks yarn 4 (the app's own yarnPath takes over inside it).
echo "{\"private\":true,\"packageManager\":\"$(node -p 'require("./package.json").packageManager')\"}" >"$work/package.json"
(cd "$work" && BACKSTAGE_APP_NAME=fresh-app npx -y "@backstage/create-app@$create_app" --skip-install >/dev/null)
cd "$app"
[ "$(node -p 'require("./backstage.json").version')" = "$release" ] || fail "the app is not of release $release"

# Version alignment by pinning, as create-app's yarn.lock seed does: this repository's yarn.lock
# is the seed, and the app's @backstage/* dependencies are bumped to the versions it locks (what
# `backstage-cli versions:bump` does from a release manifest, which cannot be fetched here).
cp "$repo/yarn.lock" yarn.lock
node - "$repo/yarn.lock" "$resolutions" <<'EOF'
const fs = require('fs');
const [lockFile, resolutions] = process.argv.slice(2);
const locked = {};
const lock = fs.readFileSync(lockFile, 'utf8');
for (const [, name, version] of lock.matchAll(/^"(@backstage\/[^@"]+)@npm:[^\n]*\n  version: (\S+)/gm)) {
  locked[name] = version;
}
for (const file of ['package.json', 'packages/app/package.json', 'packages/backend/package.json']) {
  const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const field of ['dependencies', 'devDependencies']) {
    for (const name of Object.keys(pkg[field] ?? {})) {
      if (locked[name]) pkg[field][name] = `^${locked[name]}`;
    }
  }
  if (file === 'package.json') {
    // The tarballs stand in for the registry: `yarn add @mandate-dev/...` resolves to them.
    pkg.resolutions = { ...pkg.resolutions, ...JSON.parse(resolutions) };
  }
  fs.writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
}
EOF

# The README lines: the `yarn --cwd ... add` commands and the `backend.add(import(...))` lines of
# the "Installation" section of each wired package's README.
node - "$repo" "${wired[@]}" >"$work/readme-lines.json" <<'EOF'
const fs = require('fs');
const [repo, ...dirs] = process.argv.slice(2);
const adds = {};
const backendLines = [];
for (const dir of dirs) {
  const readme = fs.readFileSync(`${repo}/plugins/${dir}/README.md`, 'utf8');
  const section = readme.split(/^## Installation$/m)[1]?.split(/^## /m)[0];
  if (!section) throw new Error(`plugins/${dir}/README.md has no "## Installation" section`);
  for (const [, lang, body] of section.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)) {
    if (lang === 'sh') {
      for (const [, cwd, names] of body.matchAll(/^yarn --cwd (\S+) add (.+)$/gm)) {
        adds[cwd] = [...(adds[cwd] ?? []), ...names.trim().split(/\s+/)];
      }
    }
    if (lang === 'ts') {
      for (const [, name] of body.matchAll(/backend\.add\(\s*import\('([^']+)'\),?\s*\);/g)) {
        backendLines.push(`backend.add(import('${name}'));`);
      }
    }
  }
}
if (!adds['packages/backend'] || !adds['packages/app'] || backendLines.length < 3) {
  throw new Error(`the READMEs lack installation lines: ${JSON.stringify({ adds, backendLines })}`);
}
process.stdout.write(JSON.stringify({ adds, backendLines }));
EOF

step "installing (yarn --cwd packages/backend add, as the READMEs say)"
for cwd in packages/backend packages/app; do
  # Unpublished, a bare name has no version to look up: name the tarball's version, which the
  # resolutions above map to the tarball.
  names=$(node -p "require('$work/readme-lines.json').adds['$cwd'].map(n => n in $versions ? n + '@^' + $versions[n] : n).join(' ')")
  echo "fresh app: yarn --cwd $cwd add $names"
  # shellcheck disable=SC2086
  yarn --cwd "$cwd" add $names >"$work/yarn-add.log" 2>&1 || {
    log="$work/yarn-add.log"
    fail "yarn --cwd $cwd add $names failed"
  }
done
node - "$work/readme-lines.json" <<'EOF'
const fs = require('fs');
const { backendLines } = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const file = 'packages/backend/src/index.ts';
const source = fs.readFileSync(file, 'utf8');
if (!source.includes('backend.start();')) throw new Error(`${file} has no backend.start()`);
fs.writeFileSync(file, source.replace('backend.start();', `${backendLines.join('\n')}\n\nbackend.start();`));
EOF
grep '@mandate-dev' packages/backend/src/index.ts

step "type-checking the app against the published types"
yarn tsc >"$work/tsc.log" 2>&1 || {
  log="$work/tsc.log"
  fail "yarn tsc failed in the fresh app"
}

step "starting the backend"
log="$work/backend.log"
token=$(node -e 'process.stdout.write(require("crypto").randomBytes(24).toString("hex"))')
export APP_CONFIG_backend_listen_port="$port" APP_CONFIG_backend_baseUrl="http://localhost:$port"
export APP_CONFIG_backend_auth_externalAccess="[{\"type\":\"static\",\"options\":{\"token\":\"$token\",\"subject\":\"check-fresh-app-install\"}}]"
# The example catalog's only Component is a website: let Mandate score it as a service.
export APP_CONFIG_mandate_serviceTypes='["service","website"]'
# Its own session, so that the backend and the processes it starts stop together.
setsid yarn --cwd packages/backend start >"$log" 2>&1 &
backend=$!
summary=""
for _ in $(seq 1 90); do
  summary=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/mandate/summary" 2>/dev/null || true)
  services=$(printf '%s' "$summary" | node -e 'try { console.log(JSON.parse(require("fs").readFileSync(0, "utf8")).organisation.services) } catch { console.log(0) }')
  if [ "$services" -ge 1 ]; then break; fi
  kill -0 "$backend" 2>/dev/null || fail "the backend stopped"
  sleep 2
done
[ "$services" -ge 1 ] || fail "/api/mandate/summary did not score the example catalog within 3 minutes: ${summary:-no answer}"
echo "fresh app: /api/mandate/summary scores $services service(s), score $(printf '%s' "$summary" | node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).organisation.score')"
kill -- -"$backend" 2>/dev/null || true
backend=""

step "building the frontend"
yarn --cwd packages/app build >"$work/app-build.log" 2>&1 || {
  log="$work/app-build.log"
  fail "the frontend build failed"
}
# The plugin is discovered (app.packages: all) and bundled: its dashboard page is in the bundle.
grep -rqs "mandate/rules" packages/app/dist/static || fail "the frontend bundle does not contain the Mandate plugin"
step "done"
