#!/usr/bin/env bash
# Installs every Debian 12 package pathrank's build, tests and benchmarks
# need, and only those missing. Works as root or through sudo.
set -euo pipefail

packages=(
  # toolchain
  g++ cmake make pkg-config
  # compiler cache: rebuilds of unchanged files are free (CMakeLists.txt uses it when present)
  ccache
  # make fuzz / test-fuzz (fuzz/, docs/fuzzing.md): clang 14 and its runtime
  # libraries (libFuzzer, ASan, UBSan for clang); TSan uses g++'s libtsan2
  clang libclang-rt-14-dev
  # nm, for the test that each plugin exports only its entry symbol
  binutils
  # libraries
  nlohmann-json3-dev libsqlite3-dev libcpp-httplib-dev libcli11-dev
  # libpq: the shared learner store on PostgreSQL (server/store/postgres)
  libpq-dev
  # the PostgreSQL server: the store tests start a throw-away cluster of it
  # (scripts/pg-test-cluster.sh); not needed to run pathrank
  postgresql
  # Eigen: the pairwise logistic fit of engine/src/learn (tune --method learned), and the
  # reference sparse product of bench/sparse_bench.cc (docs/dependencies.md)
  libeigen3-dev
  # libcrypto (SHA-256 of API keys); cpp-httplib depends on it too
  libssl-dev
  # simdjson: parses request bodies and the config file (server/json_value.h)
  libsimdjson-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # HTTP load harness and soak (bench/http, make soak) and the README's curl calls
  wrk curl
  # dev tool only: perf, for the request-path profile in bench/RESULTS.md
  # ("Request path profile (issue 16)"); no build or test uses it
  linux-perf
  # the Python package (python/, make test-python): Debian's interpreter,
  # venv, and the build and test tools pip uses offline (--no-build-isolation)
  python3 python3-venv python3-setuptools python3-wheel python3-pytest
  # recommend_batch returns NumPy arrays (optional at run time, tested)
  python3-numpy
  # make package: CPack's DEB generator runs dpkg-shlibdeps (dpkg-dev) and
  # file; the test lists the package with dpkg-deb
  dpkg-dev file
  # the web console's browser tests (tests/console/, make test-console):
  # playwright-core from npm drives Debian's chromium headless; the OpenAPI client
  # test (tests/openapi/, make test-openapi) runs swagger-parser, openapi-typescript and tsc in node
  chromium nodejs
)
# npm too, unless a node that bundles it (NodeSource's nodejs provides and
# conflicts with Debian's npm) is installed already.
if ! command -v npm >/dev/null 2>&1; then
  packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
