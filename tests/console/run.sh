#!/usr/bin/env bash
# The console's browser tests (CTest Console.Browser, make test-console).
#   run.sh SOURCE_DIR PATHRANK_BIN OUT_DIR
# Skips (exit 77) when chromium or node is absent. Installs playwright-core
# from package-lock.json into OUT_DIR with `npm ci` (never a browser
# download), then runs console.test.mjs with node's test runner.
# Screenshots: OUT_DIR/screenshots/<view>-{phone,desktop}.png.
set -euo pipefail
mkdir -p "$3"
src=$(realpath "$1") bin=$(realpath "$2") out=$(realpath "$3")
here="$src/tests/console"

if [ ! -x /usr/bin/chromium ]; then
  echo "SKIP: /usr/bin/chromium is not installed (apt-get install chromium; scripts/install-deps.sh)"
  exit 77
fi
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "SKIP: node or npm is not installed (apt-get install nodejs npm; scripts/install-deps.sh)"
  exit 77
fi

mkdir -p "$out"
# npm ci again only when the lock file changed.
if ! cmp -s "$here/package-lock.json" "$out/package-lock.json" ||
   [ ! -d "$out/node_modules/playwright-core" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$out/"
  (cd "$out" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

export PATHRANK_SOURCE_DIR="$src" PATHRANK_BIN="$bin" CONSOLE_OUT="$out"
export CONSOLE_MODULES="$out/node_modules"
cd "$here"
node --test --test-reporter=spec console.test.mjs
echo "screenshots: $out/screenshots"
