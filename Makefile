# pathrank — the two set-up commands are `make run` and `make test`.
#
#   make run    install missing packages, build Release, serve the Go catalog on
#               http://127.0.0.1:8080 with a learner store in var/ (Ctrl-C stops)
#   make test   install, then run every stage of TEST_STAGES (below) and print
#               each stage's time: the whole CTest suite under AddressSanitizer
#               + UBSan (any finding fails), the Python package, the .deb
#   make test-all  the same, then the suite again on an optimised build
#               without sanitizers (two full builds: about 21 minutes)
#   make test-tsan  build the concurrency, reload, store and server suites
#               with ThreadSanitizer (build-tsan) and run them (any race fails)
#   make fuzz SECONDS=n  build the libFuzzer targets with clang (build-fuzz)
#               and run each for n seconds (docs/fuzzing.md)
#   make test-fuzz  the same for 30 seconds each (CI)
#   make bench  build Release and run the Google Benchmarks
#   make bench-http  build Release and run the HTTP load harness (wrk)
#   make test-install  install to a temporary prefix, build and run the
#               CMake and pkg-config example consumers, check the exports
#   make test-python  the Python package in a fresh venv, with pytest
#   make package  build the .deb (build-package/) and check its file list
#   make test-console  the web console in Debian's chromium (playwright-core),
#               against a real `pathrank serve`; screenshots in
#               build/console-e2e/screenshots/ (make test runs it too, in
#               the sanitizer suite: CTest Console.Browser)
#   make test-stress  the server, reload, store, plugin, CLI and hostile-input
#               suites 20 times (STRESS_ROUNDS) beside two busy processes
#   make test-crash  10 cycles (CRASH_CYCLES) of 4 writers + kill -9 + restart:
#               every acknowledged event stored, integrity_check ok
#   make soak   SOAK_SECONDS (600) of mixed load on a Release server: 0 failed
#               requests, resident memory growth under 10% after warm-up
#
# JOBS sets build parallelism (default 2: the reference machine has 2 cores).

JOBS ?= 2
BUILD ?= build
ASAN_BUILD ?= build-asan
RELEASE_BUILD ?= build-release
TSAN_BUILD ?= build-tsan
FUZZ_BUILD ?= build-fuzz

export ASAN_OPTIONS := halt_on_error=1:abort_on_error=0:detect_leaks=1:strict_string_checks=1
export UBSAN_OPTIONS := halt_on_error=1:print_stacktrace=1
# ccache (when installed; the top CMakeLists uses it) shares objects between
# the build folders of one checkout: paths are hashed relative to it.
export CCACHE_BASEDIR := $(CURDIR)
# Suppressions for third-party code only (each line says why).
export TSAN_OPTIONS := halt_on_error=1:second_deadlock_stack=1:suppressions=$(CURDIR)/scripts/tsan.supp

PACKAGE_BUILD ?= build-package
CONSOLE_BUILD ?= $(BUILD)

.PHONY: deps run test test-all test-normal test-asan test-tsan fuzz fuzz-build test-fuzz bench \
	bench-http format clean embed-build test-install test-python package test-package test-console test-openapi \
	test-reliability test-stress test-crash soak

deps:
	@bash scripts/install-deps.sh

run: deps
	cmake -S . -B $(RELEASE_BUILD) -DCMAKE_BUILD_TYPE=Release -DPATHRANK_BUILD_TESTS=OFF -DPATHRANK_BUILD_BENCH=OFF
	cmake --build $(RELEASE_BUILD) -j$(JOBS) --target pathrank pathrank_plugin_csv \
	  pathrank_plugin_exercism pathrank_plugin_xapi pathrank_plugin_template
	mkdir -p var
	$(RELEASE_BUILD)/server/cli/pathrank serve --host 127.0.0.1 --port 8080 \
	  --catalog datasets/go-backend/catalog.json --db var/pathrank.db

# The stages of `make test`, in order; each is a target of this file that
# configures and builds what it needs in its own build folder.
# scripts/run-stages.sh runs them all and prints each one's time.
TEST_STAGES ?= test-asan test-python test-reliability test-crash test-tsan test-fuzz test-package

test: deps
	@bash scripts/run-stages.sh $(TEST_STAGES)

test-all: deps test-asan test-normal

# The normal test build is optimised without debug info, the sanitizer one
# unoptimised with line tables only (enough for ASan's stack traces): debug
# info is a large part of the compile time of two full builds.
test-normal:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
	  -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" -DPATHRANK_BUILD_BENCH=OFF
	cmake --build $(BUILD) -j$(JOBS)
	cd $(BUILD) && ctest -j$(JOBS) --output-on-failure

test-asan:
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g1" \
	  -DCMAKE_C_FLAGS_DEBUG="-g1" -DPATHRANK_SANITIZE=ON -DPATHRANK_BUILD_BENCH=OFF
	cmake --build $(ASAN_BUILD) -j$(JOBS)
	cd $(ASAN_BUILD) && ctest -j$(JOBS) --output-on-failure

# Issue #13 (reliability): the starvation requirement (1,000 idle + 50 slow
# connections, new client p99 < 100 ms), limits at their edges, 415/429,
# the auth matrix; on the shared optimised build $(BUILD), where the 100 ms
# bound is asserted as stated.
REL_BUILD ?= $(BUILD)
test-reliability: deps
	cmake -S . -B $(REL_BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
	  -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" -DPATHRANK_BUILD_BENCH=OFF
	cmake --build $(REL_BUILD) -j$(JOBS) --target http_tests ops_tests hostile_tests pathrank
	cd $(REL_BUILD) && ctest --output-on-failure \
	  -R 'StarvationTest|HttpLimitsTest|AuthMatrixTest|FairnessTest|ConfigTest|HostileHttpTest'

# ThreadSanitizer over the suites with threads: the HTTP server (concurrency,
# fairness, compute gate), reloads and imports (ops), and the store (its
# durability test runs the `pathrank` binary, built with TSan too), plus
# the `pathrank serve` process tests of cli_tests (signals, SIGHUP reload;
# a TSan report in the child fails its exit status). Only these suites (and
# the binary and plugins they run) are built.
# scripts/tsan.supp lists the third-party reports, each with its reason.
TSAN_SUITES := http_tests ops_tests store_tests cli_tests
TSAN_LABELS := ^(http_tests|ops_tests|store_tests)$$
TSAN_PROCESS_TESTS := ^ServeProcessTest\.
# A liveness bound, not a race check: 64 keep-alive clients on 8 workers must
# each get an answer within 2.5 s, which TSan's slowdown (5-15x per request)
# misses on 2 shared cores (46 of 64 starved). It runs in test-asan; the
# same server paths run under TSan in the other Fairness and Concurrency tests.
TSAN_EXCLUDE := ^FairnessTest\.SixtyFourConnectionsOnEightWorkersAreAllServed$$
test-tsan: deps
	cmake -S . -B $(TSAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g1 -O1" \
	  -DCMAKE_C_FLAGS_DEBUG="-g1 -O1" -DPATHRANK_SANITIZE=thread -DPATHRANK_BUILD_BENCH=OFF
	cmake --build $(TSAN_BUILD) -j$(JOBS) --target $(TSAN_SUITES)
	cd $(TSAN_BUILD) && ctest -j$(JOBS) --output-on-failure -L '$(TSAN_LABELS)' -E '$(TSAN_EXCLUDE)'
	cd $(TSAN_BUILD) && ctest -j$(JOBS) --output-on-failure -R '$(TSAN_PROCESS_TESTS)'

# libFuzzer (fuzz/, docs/fuzzing.md): clang with
# -fsanitize=fuzzer,address,undefined, its own build folder. SECONDS per
# target; scripts/fuzz.sh runs JOBS targets at a time and fails on any
# finding (the crashing input is in $(FUZZ_BUILD)/fuzz-artifacts/).
SECONDS ?= 60
fuzz-build: deps
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=Debug \
	  -DCMAKE_CXX_FLAGS_DEBUG="-g1 -O1" -DCMAKE_C_FLAGS_DEBUG="-g1 -O1" -DPATHRANK_FUZZ=ON \
	  -DPATHRANK_BUILD_TESTS=OFF -DPATHRANK_BUILD_BENCH=OFF
	cmake --build $(FUZZ_BUILD) -j$(JOBS) --target fuzz_all

fuzz: fuzz-build
	bash scripts/fuzz.sh $(FUZZ_BUILD) $(SECONDS) $(JOBS)

test-fuzz: fuzz-build
	bash scripts/fuzz.sh $(FUZZ_BUILD) 30 $(JOBS)

bench: deps
	cmake -S . -B $(RELEASE_BUILD) -DCMAKE_BUILD_TYPE=Release -DPATHRANK_BUILD_TESTS=OFF -DPATHRANK_BUILD_BENCH=ON
	cmake --build $(RELEASE_BUILD) -j$(JOBS)
	$(RELEASE_BUILD)/bench/catalog_bench --benchmark_min_time=0.2

bench-http: deps
	cmake -S . -B $(RELEASE_BUILD) -DCMAKE_BUILD_TYPE=Release -DPATHRANK_BUILD_TESTS=OFF -DPATHRANK_BUILD_BENCH=OFF
	cmake --build $(RELEASE_BUILD) -j$(JOBS) --target pathrank
	PATHRANK_BIN=$(RELEASE_BUILD)/server/cli/pathrank bench/http/run.sh

# Embedding (docs/embedding.md). These use the normal test build $(BUILD),
# building only what they need; CTest also runs them (label embed).
embed-build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
	  -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" -DPATHRANK_BUILD_BENCH=OFF

test-install: embed-build
	cmake --build $(BUILD) -j$(JOBS) --target pathrank pathrank_shared pathrank_static \
	  pathrank_plugin_csv pathrank_plugin_exercism pathrank_plugin_xapi capi_test
	cd $(BUILD) && ctest --output-on-failure -R '^(CApi|Embed)\.'

test-python: embed-build
	cmake --build $(BUILD) -j$(JOBS) --target pathrank_shared
	bash scripts/test-python.sh $(BUILD)

# The .deb: its own Release build installing under /usr with the config in
# /etc/pathrank (packaging/cpack.cmake), then its file list checked.
package: deps test-package

test-package:
	cmake -S . -B $(PACKAGE_BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
	  -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" -DPATHRANK_BUILD_TESTS=OFF \
	  -DPATHRANK_BUILD_BENCH=OFF -DCMAKE_INSTALL_PREFIX=/usr -DPATHRANK_INSTALL_SYSCONFDIR=/etc
	cmake --build $(PACKAGE_BUILD) -j$(JOBS)
	cd $(PACKAGE_BUILD) && cpack -G DEB
	bash scripts/check-deb.sh $(PACKAGE_BUILD)/pathrank_*.deb

# The web console's browser tests (tests/console/, CTest label console): a
# Release build of the binary only, then CTest's Console.Browser.
test-console:
	cmake -S . -B $(CONSOLE_BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
	  -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" -DPATHRANK_BUILD_BENCH=OFF
	cmake --build $(CONSOLE_BUILD) -j$(JOBS) --target pathrank
	cd $(CONSOLE_BUILD) && ctest --output-on-failure -L console

# The OpenAPI document tried by real clients (tests/openapi/, CTest label
# openapi): swagger-parser validation, a generated TypeScript client built
# with tsc calling every route of a Release `pathrank serve`.
OPENAPI_BUILD ?= build-openapi
test-openapi:
	cmake -S . -B $(OPENAPI_BUILD) -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O1 -DNDEBUG" \
	  -DCMAKE_C_FLAGS_RELEASE="-O1 -DNDEBUG" -DPATHRANK_BUILD_BENCH=OFF
	cmake --build $(OPENAPI_BUILD) -j$(JOBS) --target pathrank
	cd $(OPENAPI_BUILD) && ctest --output-on-failure -L openapi

# Reliability (docs/testing.md): each target configures and builds what it
# needs in its own Release folder.
STRESS_BUILD ?= $(BUILD)
STRESS_ROUNDS ?= 20
CRASH_CYCLES ?= 10
SOAK_SECONDS ?= 600
RELIABILITY_CMAKE = -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" \
	  -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" -DPATHRANK_BUILD_BENCH=OFF

test-stress: deps
	cmake -S . -B $(STRESS_BUILD) $(RELIABILITY_CMAKE)
	cmake --build $(STRESS_BUILD) -j$(JOBS) --target http_tests ops_tests store_tests \
	  plugin_tests cli_tests hostile_tests
	bash scripts/stress.sh $(STRESS_BUILD) $(STRESS_ROUNDS)

test-crash: deps
	cmake -S . -B $(STRESS_BUILD) $(RELIABILITY_CMAKE)
	cmake --build $(STRESS_BUILD) -j$(JOBS) --target store_tests
	bash scripts/crash-test.sh $(CRASH_CYCLES) $(STRESS_BUILD)

soak: deps
	cmake -S . -B $(RELEASE_BUILD) -DCMAKE_BUILD_TYPE=Release -DPATHRANK_BUILD_TESTS=OFF -DPATHRANK_BUILD_BENCH=OFF
	cmake --build $(RELEASE_BUILD) -j$(JOBS) --target pathrank
	SOAK_SECONDS=$(SOAK_SECONDS) PATHRANK_BIN=$(RELEASE_BUILD)/server/cli/pathrank bench/http/soak.sh

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(RELEASE_BUILD) $(PACKAGE_BUILD) $(CONSOLE_BUILD) $(STRESS_BUILD) \
	  $(TSAN_BUILD) $(FUZZ_BUILD)
