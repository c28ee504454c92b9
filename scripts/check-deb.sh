#!/usr/bin/env bash
# Checks the .deb `make package` builds: its file list (dpkg-deb -c) holds
# the binary, the library (shared and static), headers, CMake and pkg-config
# files, plugins, shipped catalogs, the systemd unit and /etc/pathrank's
# config file (a conffile); then unpacks it and runs the packaged binary on
# the packaged catalog.
#
#   scripts/check-deb.sh pathrank_0.1.0_amd64.deb
set -euo pipefail

deb=$1
fail() { echo "check-deb: $*" >&2; exit 1; }
[ -f "$deb" ] || fail "no package $deb"

list=$(dpkg-deb -c "$deb" | awk '{print $6}')
echo "$deb:"
dpkg-deb -f "$deb" Package Version Architecture Depends
echo "$list" | grep -v '/$' | sed 's/^/  /'

# The library directory: /usr/lib, or /usr/lib/<multiarch> as GNUInstallDirs
# picks on Debian for the prefix /usr.
lib=$(grep -E '^\./usr/lib/([a-z0-9_-]+/)?libpathrank\.so\.0\.1\.0$' <<<"$list" | xargs -r dirname)
[ -n "$lib" ] || fail "no libpathrank.so.0.1.0 in /usr/lib or /usr/lib/<multiarch>"

expected=(
  ./usr/bin/pathrank
  "$lib/libpathrank.so"
  "$lib/libpathrank.so.0"
  "$lib/libpathrank.so.0.1.0"
  "$lib/libpathrank.a"
  ./usr/include/pathrank/c.h
  ./usr/include/pathrank/export.h
  ./usr/include/pathrank/scorer.h
  ./usr/include/pathrank/planner.h
  ./usr/include/pathrank/eval/tuner.h
  ./usr/include/pathrank/plugin.h
  "$lib/cmake/pathrank/pathrankConfig.cmake"
  "$lib/cmake/pathrank/pathrankConfigVersion.cmake"
  "$lib/cmake/pathrank/pathrankTargets.cmake"
  "$lib/pkgconfig/pathrank.pc"
  "$lib/pathrank/plugins/libpathrank_csv.so"
  "$lib/pathrank/plugins/libpathrank_exercism.so"
  "$lib/pathrank/plugins/libpathrank_xapi.so"
  "$lib/pathrank/plugins/libpathrank_awesome_go.so"
  ./usr/share/pathrank/datasets/go-backend/catalog.json
  ./usr/share/pathrank/datasets/exercism/python/catalog.json
  ./usr/share/pathrank/datasets/exercism/python/LICENSE
  ./usr/share/pathrank/datasets/awesome-go/catalog.json
  ./usr/share/pathrank/datasets/awesome-go/LICENSE
  ./usr/share/pathrank/datasets/onet/go-backend-onet.json
  ./usr/share/pathrank/datasets/onet/LICENSE
  ./usr/share/pathrank/datasets/go-backend/SOURCE.md
  ./usr/share/doc/pathrank/embedding.md
  ./usr/lib/systemd/system/pathrank.service
  ./etc/pathrank/pathrank.json
)
for f in "${expected[@]}"; do
  grep -qxF -- "$f" <<<"$list" || fail "missing $f"
done
# Nothing internal, nothing from the build machine.
if grep -E '/include/util/|/work/|/build' <<<"$list"; then fail "unexpected files"; fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pathrank-deb.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -e "$deb" "$tmp/control"
grep -qxF /etc/pathrank/pathrank.json "$tmp/control/conffiles" || fail "config is not a conffile"
dpkg-deb -x "$deb" "$tmp/root"
grep -q '^ExecStart=/usr/bin/pathrank serve --config /etc/pathrank/pathrank.json$' \
  "$tmp/root/usr/lib/systemd/system/pathrank.service" || fail "unit does not run the packaged config"
grep -q '"/usr/share/pathrank/datasets/go-backend/catalog.json"' "$tmp/root/etc/pathrank/pathrank.json" ||
  fail "config does not name the packaged catalog"
"$tmp/root/usr/bin/pathrank" validate "$tmp/root/usr/share/pathrank/datasets/go-backend/catalog.json" |
  head -1
echo "check-deb: OK ($(grep -vc '/$' <<<"$list") files)"
