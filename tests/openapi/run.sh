#!/usr/bin/env bash
# The OpenAPI document tried as real clients use it (CTest OpenApi.Client,
# label openapi; make test-openapi):
#   run.sh SOURCE_DIR PATHRANK_BIN OUT_DIR
# 1. validates server/api/openapi.json with @apidevtools/swagger-parser;
# 2. generates TypeScript types from it (openapi-typescript) and compiles
#    client.ts, an openapi-fetch client of every route, with tsc (strict);
# 3. starts `pathrank serve` on 127.0.0.1 (port 0) and runs the client,
#    which calls every operation of the document and fails on a wrong
#    status or an operation it did not call.
# The npm packages come from package-lock.json (`npm ci` into OUT_DIR).
set -euo pipefail
src=$(realpath "$1") bin=$(realpath "$2")
mkdir -p "$3"
out=$(realpath "$3")
here="$src/tests/openapi"
doc="$src/server/api/openapi.json"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "FAIL: node and npm are needed (apt-get install nodejs npm; scripts/install-deps.sh)"
  exit 1
fi
if ! cmp -s "$here/package-lock.json" "$out/package-lock.json" ||
   [ ! -d "$out/node_modules/openapi-fetch" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$out/"
  (cd "$out" && npm ci --no-audit --no-fund --loglevel=error)
fi
cp "$here/client.ts" "$here/tsconfig.json" "$here/validate.mjs" "$out/"
cd "$out"

node validate.mjs "$doc"
# --default-non-nullable false: a request field with a default stays
# optional for the client (openapi-typescript 7 would require it).
npx --no-install openapi-typescript "$doc" --default-non-nullable false -o schema.d.ts
npx --no-install tsc -p tsconfig.json

dir=$(mktemp -d)
log="$dir/serve.log"
"$bin" serve --host 127.0.0.1 --port 0 --catalog "$src/datasets/go-backend/catalog.json" \
  --db "$dir/learners.db" --access-log off >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$dir"' EXIT
base=""
for _ in $(seq 1 300); do
  base=$(grep -o 'listening on http://127\.0\.0\.1:[0-9]*' "$log" | head -1 | sed 's/listening on //') || true
  [ -n "$base" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; echo "FAIL: pathrank serve exited"; exit 1; }
  sleep 0.1
done
[ -n "$base" ] || { cat "$log"; echo "FAIL: pathrank serve did not start in 30 s"; exit 1; }
node client.js "$base" "$doc"
