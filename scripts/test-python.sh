#!/usr/bin/env bash
# Installs the Python package (python/) into a fresh venv and runs its pytest
# suite, offline: Debian's python3 (/usr/bin/python3, not the first python3
# on PATH), a venv made with --system-site-packages (so Debian's setuptools,
# wheel, pytest and numpy are seen), pip install --no-build-isolation
# --no-index. The build's libpathrank.so is bundled into the package
# (PATHRANK_LIBRARY at install time); the tests run without that variable.
#
#   scripts/test-python.sh BUILD_DIR     (libpathrank.so must be built)
set -euo pipefail

build=$(cd "$1" && pwd)
src=$(cd "$(dirname "$0")/.." && pwd)
python=${PATHRANK_PYTHON:-/usr/bin/python3}
library=$build/engine/libpathrank.so
[ -f "$library" ] || { echo "test-python: $library not built" >&2; exit 1; }
venv=$build/python-venv
work=$(mktemp -d "${TMPDIR:-/tmp}/pathrank-python.XXXXXX")
trap 'rm -rf "$work"' EXIT

rm -rf "$venv"
"$python" -m venv --system-site-packages "$venv"
# Build from a copy, so the source tree gets no build/ or egg-info.
cp -r "$src/python" "$work/python"
PATHRANK_LIBRARY=$library "$venv/bin/pip" install --quiet --no-build-isolation --no-index \
  --no-cache-dir "$work/python"
cd "$work"  # not the source tree: `import pathrank` must find the installed package
env -u PATHRANK_LIBRARY "$venv/bin/python" -m pytest -q -p no:cacheprovider \
  --rootdir "$src/python" "$src/python/tests"
