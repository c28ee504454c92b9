#!/usr/bin/env bash
# Runs the shell commands README.md shows, as a new user would after the two
# set-up commands, against a built tree:
#
#   readme_commands.sh SRC_DIR BUILD_DIR cli      the "Command line" section
#   readme_commands.sh SRC_DIR BUILD_DIR server   the "Server" section (curl)
#
# The README names the tree `make run` builds (build-release/); here that is
# BUILD_DIR, linked as build-release/ into a scratch copy of the repository's
# root (datasets/ and examples/ linked from SRC_DIR, var/ empty), so the
# commands run verbatim. Every command must exit 0; for the server section
# every answer must also be below 500 (the README shows one 404 on purpose).
set -euo pipefail

src=$(cd "$1" && pwd)
build=$(cd "$2" && pwd)
section=$3
work=$build/readme-$section
rm -rf "$work"
mkdir -p "$work"
ln -s "$src/datasets" "$work/datasets"
ln -s "$src/examples" "$work/examples"
ln -s "$build" "$work/build-release"
cd "$work"

# The first ```sh block after the section's heading.
block() {
  awk -v heading="## $1" '
    $0 == heading { in_section = 1; next }
    in_section && /^## / { exit }
    in_section && /^```sh$/ { in_block = 1; next }
    in_block && /^```$/ { exit }
    in_block { print }' "$src/README.md"
}

block_file=$work/commands.sh
case $section in
  cli) block "Command line" >"$block_file" ;;
  server) block "Server" >"$block_file" ;;
  *) echo "readme_commands: unknown section $section" >&2; exit 2 ;;
esac
[ -s "$block_file" ] || { echo "readme_commands: no sh block in section $section" >&2; exit 1; }

log=$work/output.log
server_pid=
stop_server() { [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null || true; }
trap stop_server EXIT

if [ "$section" = server ]; then
  # `make run` serves on 8080; here a free port, and the commands are pointed at it.
  mkdir -p var
  "$build/server/cli/pathrank" serve --host 127.0.0.1 --port 0 --access-log off \
    --catalog datasets/go-backend/catalog.json --db var/pathrank.db 2>"$work/serve.log" &
  server_pid=$!
  port=
  for _ in $(seq 1 300); do  # a deadline of 30 s, polled every 0.1 s
    port=$(sed -n 's|.*listening on http://127.0.0.1:\([0-9]*\).*|\1|p' "$work/serve.log" | head -1)
    [ -n "$port" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.1
  done
  [ -n "$port" ] || { echo "readme_commands: server did not listen in 30 s" >&2; exit 1; }
  sed -i "s|localhost:8080|127.0.0.1:$port|g" "$block_file"
  # Every curl fails on a transport error or a 5xx answer.
  cat >"$work/prelude.sh" <<'PRELUDE'
curl() {
  local out code
  out=$(mktemp)
  code=$(command curl -sS -o "$out" -w '%{http_code}' "$@") || { rm -f "$out"; return 1; }
  { cat "$out"; /bin/echo; } 2>/dev/null || true  # external: a reader may stop early (| head)
  rm -f "$out"
  if [ "$code" -ge 500 ]; then echo "HTTP $code from: curl $*" >&2; return 1; fi
}
PRELUDE
else
  : >"$work/prelude.sh"
fi

echo "readme_commands: running $(grep -cv '^\s*\(#\|$\)' "$block_file") lines of section $section in $work"
if ! bash -euo pipefail -c "source '$work/prelude.sh'; set -x; source '$block_file'" >"$log" 2>&1; then
  tail -n 60 "$log" >&2
  echo "readme_commands: a command of section $section failed (whole output: $log)" >&2
  exit 1
fi
echo "readme_commands: section $section: every command succeeded"
