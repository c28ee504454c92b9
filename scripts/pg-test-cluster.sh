#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests (tests/server/store/).
#
#   pg-test-cluster.sh start DIR   initdb into DIR/data (once), start it on a
#                                  unix socket in DIR (no TCP port), write the
#                                  URL to DIR/url
#   pg-test-cluster.sh stop DIR    stop it (DIR/data is kept for a restart)
#   pg-test-cluster.sh remove DIR  stop it and delete DIR
#
# Runs the server as an unprivileged user: as root, the `postgres` user (or
# `nobody`) through runuser. Where no PostgreSQL server is installed it
# writes the reason to DIR/unavailable and exits 0, so the tests skip with
# it; with PATHRANK_REQUIRE_POSTGRES=1 (CI) that is an error instead.
set -euo pipefail

action=${1:?usage: pg-test-cluster.sh start|stop|remove DIR}
dir=${2:?usage: pg-test-cluster.sh start|stop|remove DIR}
dir=$(realpath -m "$dir")  # the socket path must not be relative to the data folder

bindir=""
for candidate in "${PATHRANK_PG_BINDIR:-}" /usr/lib/postgresql/*/bin; do
  if [ -n "$candidate" ] && [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
    bindir=$candidate
  fi
done

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$owner" -- "$@"
  else
    "$@"
  fi
}

owner=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  if id postgres >/dev/null 2>&1; then owner=postgres; else owner=nobody; fi
fi

unavailable() {
  mkdir -p "$dir"
  rm -f "$dir/url"
  echo "$1" > "$dir/unavailable"
  echo "pg-test-cluster: $1" >&2
  if [ "${PATHRANK_REQUIRE_POSTGRES:-0}" = 1 ]; then exit 1; fi
  exit 0
}

case "$action" in
  start)
    [ -n "$bindir" ] || unavailable "no PostgreSQL server found (install the Debian package \
postgresql: scripts/install-deps.sh does); the PostgreSQL store tests were skipped"
    mkdir -p "$dir"
    rm -f "$dir/unavailable" "$dir/url"
    [ "$(id -u)" -eq 0 ] && chown "$owner" "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bindir/initdb" -D "$dir/data" -U pathrank -A trust -E UTF8 --no-sync \
        >"$dir/initdb.log" 2>&1 || unavailable "initdb failed: see $dir/initdb.log"
    fi
    if ! as_owner "$bindir/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-c listen_addresses='' -k $dir -c fsync=off -c max_connections=400 \
-c shared_buffers=32MB" start >/dev/null || unavailable "the server did not start: see $dir/server.log"
    fi
    echo "postgresql://pathrank@/postgres?host=$dir" > "$dir/url"
    ;;
  stop | remove)
    if [ -n "$bindir" ] && [ -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -f "$dir/url"
    [ "$action" = remove ] && rm -rf "$dir"
    ;;
  *)
    echo "usage: pg-test-cluster.sh start|stop|remove DIR" >&2
    exit 2
    ;;
esac
exit 0
