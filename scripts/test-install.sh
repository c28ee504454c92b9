#!/usr/bin/env bash
# Installs a build into a temporary prefix and builds and runs, against that
# prefix only, the two example consumers: examples/cmake-consumer
# (find_package, C++) and examples/make-consumer (pkg-config, plain
# Makefile, C). Then runs the installed binary and checks the library's
# exported symbols (scripts/check_symbols.py).
#
#   scripts/test-install.sh BUILD_DIR [EXTRA_FLAGS]
#
# EXTRA_FLAGS are added to the consumers' compile and link lines (the
# sanitizer builds pass their -fsanitize= link flags). The prefix is
# removed afterwards; KEEP=1 keeps it.
set -euo pipefail

build=$(cd "$1" && pwd)
extra=${2:-}
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pathrank-install.XXXXXX")
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

step() { printf '\n== %s\n' "$*"; }
fail() { echo "test-install: $*" >&2; exit 1; }

step "install into $prefix"
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" || { cat "$tmp/install.log"; exit 1; }
libdir=$(cd "$prefix" && find . -name 'libpathrank.so' -printf '%h\n' | sed 's|^\./||' | head -1)
[ -n "$libdir" ] || fail "no libpathrank.so under $prefix"
for f in bin/pathrank "$libdir/libpathrank.a" "$libdir/pkgconfig/pathrank.pc" \
         "$libdir/cmake/pathrank/pathrankConfig.cmake" \
         "$libdir/cmake/pathrank/pathrankConfigVersion.cmake" \
         "$libdir/cmake/pathrank/pathrankTargets.cmake" \
         include/pathrank/c.h include/pathrank/scorer.h include/pathrank/eval/tuner.h \
         include/pathrank/plugin.h include/pathrank/export.h \
         share/pathrank/datasets/go-backend/catalog.json; do
  [ -e "$prefix/$f" ] || fail "missing $f"
done
# Internal headers stay out.
[ ! -e "$prefix/include/util" ] || fail "engine/util headers installed"
catalog=$prefix/share/pathrank/datasets/go-backend/catalog.json

step "examples/cmake-consumer (find_package(pathrank 0.1 CONFIG), C++)"
cmake -S "$src/examples/cmake-consumer" -B "$tmp/cmake-consumer" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS="$extra" -DCMAKE_EXE_LINKER_FLAGS="$extra" \
  >"$tmp/consumer.log" || { cat "$tmp/consumer.log"; exit 1; }
cmake --build "$tmp/cmake-consumer" >>"$tmp/consumer.log" || { cat "$tmp/consumer.log"; exit 1; }
# It links the installed libpathrank.so, not the build tree's.
# (ldd's output is read whole first: `ldd | grep -q` under pipefail fails
# when grep stops reading before ldd has written all.)
libs=$(ldd "$tmp/cmake-consumer/consumer")
grep -q "$prefix/.*libpathrank.so" <<<"$libs" ||
  fail "cmake consumer does not link $prefix's libpathrank.so"
"$tmp/cmake-consumer/consumer" "$catalog" | tee "$tmp/cmake-consumer.out"
grep -Eq '^path: [0-9]+ steps' "$tmp/cmake-consumer.out" || fail "cmake consumer printed no path"

step "examples/cmake-consumer with pathrank::engine_static (libpathrank.a)"
cmake -S "$src/examples/cmake-consumer" -B "$tmp/cmake-static" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release -DCONSUMER_STATIC=ON -DCMAKE_CXX_FLAGS="$extra" \
  -DCMAKE_EXE_LINKER_FLAGS="$extra" >"$tmp/static.log" || { cat "$tmp/static.log"; exit 1; }
cmake --build "$tmp/cmake-static" >>"$tmp/static.log" || { cat "$tmp/static.log"; exit 1; }
libs=$(ldd "$tmp/cmake-static/consumer")
if grep -q libpathrank <<<"$libs"; then fail "static consumer links libpathrank.so"; fi
"$tmp/cmake-static/consumer" "$catalog" >"$tmp/cmake-static.out"
diff "$tmp/cmake-consumer.out" "$tmp/cmake-static.out" || fail "static and shared consumers differ"
echo "same output"

step "examples/make-consumer (pkg-config, plain Makefile, C)"
mkdir -p "$tmp/make-consumer"
PKG_CONFIG_PATH="$prefix/$libdir/pkgconfig" make -s -C "$src/examples/make-consumer" \
  BUILD_DIR="$tmp/make-consumer" CFLAGS="-O1 $extra" LDFLAGS="$extra"
libs=$(ldd "$tmp/make-consumer/consumer")
grep -q "$prefix/.*libpathrank.so" <<<"$libs" ||
  fail "make consumer does not link $prefix's libpathrank.so"
"$tmp/make-consumer/consumer" "$catalog" | tee "$tmp/make-consumer.out"
grep -Eq '^path: [0-9]+ steps' "$tmp/make-consumer.out" || fail "make consumer printed no path"
# Both consumers rank the same items (C and C++ API agree).
diff <(awk '{print $1}' "$tmp/cmake-consumer.out" | head -3) \
     <(awk '{print $1}' "$tmp/make-consumer.out" | head -3) ||
  fail "the C and C++ consumers rank differently"

step "installed binary"
"$prefix/bin/pathrank" validate "$catalog"

step "exported symbols"
/usr/bin/python3 "$src/scripts/check_symbols.py" "$prefix/$libdir/libpathrank.so" "$prefix/include"
echo "test-install: OK"
