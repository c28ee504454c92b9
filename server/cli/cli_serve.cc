// `pathrank serve`: the REST server (API.md) over the configured catalogs
// and the learner store (SQLite, or PostgreSQL for a postgresql:// --db).
//
// Start-up: config (file, environment, flags) validated once; the store
// opened and migrated; every catalog loaded (any failure stops the start);
// the address bound. Signals are taken by one thread: SIGHUP reloads every
// catalog (a failing one keeps serving the previous version), SIGTERM and
// SIGINT stop accepting, let the requests in flight finish, and close the
// store.

#include <malloc.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <memory>
#include <string>
#include <thread>

#include "api/config_file.h"
#include "cli/cli.h"
#include "http/http_server.h"
#include "http/server_state.h"
#include "ops/access_log.h"
#include "ops/catalog_registry.h"
#include "ops/progress_sources.h"
#include "ops/reload.h"
#include "store/open_learner_store.h"

namespace pathrank::cli {

namespace {

using server::ConfigFlags;

void Say(const std::string& line) { std::cerr << "pathrank: " << line << std::endl; }

// "17 events: 10 accepted, 7 duplicates, 0 dropped; 1 learner created".
std::string ImportSummary(const server::ProgressImportReport& r) {
  return std::to_string(r.events) + " events: " + std::to_string(r.accepted) + " accepted, " +
         std::to_string(r.duplicates) + " duplicates, " + std::to_string(r.dropped.size()) +
         " dropped; " + std::to_string(r.learners_created) + " learners created";
}

// Waits for SIGHUP (reload), SIGTERM or SIGINT (stop) until `done`.
void SignalLoop(const sigset_t& signals, server::ServerState& state, server::HttpServer& http,
                const std::atomic<bool>& done) {
  while (!done) {
    const timespec tick{0, 200 * 1000 * 1000};
    const int sig = sigtimedwait(&signals, nullptr, &tick);
    if (sig == SIGHUP) {
      const server::ServerReloadOutcome outcome =
          server::ReloadAll(state.registry, state.progress, state.store);
      for (const server::SourceOutcome& s : outcome.catalogs.sources) {
        server::LogEvent(s.ok ? "info" : "error", "reload", "",
                         "SIGHUP: " + s.kind + " " + s.id + (s.ok ? ": reloaded" : ": " + s.error));
      }
      for (const server::ProgressSourceOutcome& p : outcome.progress) {
        server::LogEvent(
            p.ok ? "info" : "error", "reload", "",
            "SIGHUP: " + (p.ok ? "progress source " + p.name + ": " + ImportSummary(p.report)
                               : p.error.message()));
      }
    } else if (sig == SIGTERM || sig == SIGINT) {
      Say(std::string("received ") + (sig == SIGTERM ? "SIGTERM" : "SIGINT") +
          ": finishing the requests in flight");
      http.Stop();
      return;
    }
  }
}

// glibc gives threads up to 8 malloc arenas per core, and memory freed into
// one arena serves only that arena's threads. The workers start on demand
// (up to 256): under load, each reload built the new catalog in one arena
// while the old one was freed into others, and resident memory grew 44% over
// 60 reloads in two minutes, where one or two arenas held it flat, with no
// loss of throughput (bench/RESULTS.md "Soak"). So: one arena per hardware
// thread, at least two. MALLOC_ARENA_MAX, when set, wins. Call before any
// thread starts.
void BoundMallocArenas() {
  if (std::getenv("MALLOC_ARENA_MAX") != nullptr) return;
  const int arenas = std::max(2, static_cast<int>(std::thread::hardware_concurrency()));
  mallopt(M_ARENA_MAX, arenas);
}

int RunServe(const ConfigFlags& flags) {
  BoundMallocArenas();
  std::vector<std::string> notes;
  Result<server::ServerConfig> config = server::LoadServerConfig(flags, server::ProcessEnv, &notes);
  if (!config) return Fail(config.error());
  for (const std::string& note : notes) Say(note);

  // Every thread started from here on inherits this mask; the signal thread
  // takes the signals with sigtimedwait().
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGHUP);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  signal(SIGPIPE, SIG_IGN);  // a client that hangs up must not end the server

  Result<std::unique_ptr<server::AccessLog>> access_log =
      server::AccessLog::Open(config->access_log);
  if (!access_log) return Fail(access_log.error());
  Result<std::unique_ptr<server::LearnerStore>> store = server::OpenLearnerStore(config->store);
  if (!store) return Fail(store.error());
  server::CatalogRegistry registry(config->catalogs, config->profiles);
  if (Status loaded = registry.LoadAll(); !loaded.ok()) return Fail(loaded);

  server::ServerState state(*config, registry, **store, **access_log);
  server::ProgressSources progress(config->progress_sources, config->limits.max_clock_skew_s);
  state.progress = &progress;
  // Progress sources are imported before the server listens; like a
  // catalog, a source that fails at start-up stops the start.
  for (const server::ProgressSourceOutcome& p : progress.ImportAll(*registry.snapshot(), **store)) {
    if (!p.ok) {
      for (const FieldError& f : p.error.fields()) Say(f.field + ": " + f.message);
      return Fail(p.error);
    }
    Say("progress source " + p.name + ": " + ImportSummary(p.report));
  }
  server::HttpServer http(state);
  Result<int> port = http.Bind();
  if (!port) return Fail(port.error());
  std::string catalogs;
  for (const auto& [id, served] : registry.snapshot()->catalogs) {
    catalogs += (catalogs.empty() ? "" : ", ") + id + " (" +
                std::to_string(served->catalog->item_count()) + " items)";
  }
  Say("listening on http://" + config->host + ":" + std::to_string(*port) + " with " + "up to " +
      std::to_string(config->http.threads) + " worker threads; catalogs: " + catalogs +
      "; learner store: " + server::DescribeStore(config->store));

  std::atomic<bool> done{false};
  std::thread signal_thread(SignalLoop, std::cref(signals), std::ref(state), std::ref(http),
                            std::cref(done));
  Status served = http.Serve();
  done = true;
  signal_thread.join();
  Status closed = (*store)->Close();
  if (!served.ok()) return Fail(served);
  if (!closed.ok()) return Fail(closed);
  Say("stopped; learner store closed");
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App& app, Context& context) {
  auto* serve = app.add_subcommand(
      "serve", "Serve the REST API (API.md) over the configured catalogs and learner store");
  auto flags = std::make_shared<ConfigFlags>();
  auto port = std::make_shared<int>(0);
  auto threads = std::make_shared<int>(0);
  auto host = std::make_shared<std::string>();
  auto db = std::make_shared<std::string>();
  auto access_log = std::make_shared<std::string>();
  serve->add_option("--config", flags->config_file, "JSON config file (see docs/server.md)");
  auto* host_opt = serve->add_option("--host", *host, "Listen address (default 127.0.0.1)");
  auto* port_opt = serve->add_option("--port", *port, "Listen port; 0 picks a free one")
                       ->check(CLI::Range(0, 65535));
  serve->add_option("--catalog", flags->catalogs,
                    "Catalog file to serve, as PATH or ID=PATH (repeatable)");
  auto* db_opt = serve->add_option(
      "--db", *db,
      "Learner store: a SQLite file (default var/pathrank.db, one replica) or a "
      "postgresql://user@host:port/db URL (shared by several replicas; docs/deployment.md)");
  auto* threads_opt =
      serve
          ->add_option("--threads", *threads,
                       "Most worker threads, started on demand (default 256); idle keep-alive "
                       "connections hold none")
          ->check(CLI::Range(1, 4096));
  serve
      ->add_option("--max-connections", flags->max_connections,
                   "Open connections at most (default 8192, clamped to ulimit -n)")
      ->check(CLI::Range(1, 1000000));
  serve
      ->add_option("--max-connections-per-client", flags->max_connections_per_client,
                   "Open connections from one client address (default 2048)")
      ->check(CLI::Range(1, 1000000));
  serve
      ->add_option("--request-timeout", flags->request_timeout_s,
                   "Seconds a request (line, headers, body) may take to arrive; then 408 "
                   "(default 10)")
      ->check(CLI::Range(1, 3600));
  serve
      ->add_option("--rate-limit", flags->rate_limits,
                   "ROLE=RATE[/BURST] token bucket (ROLE read, write, admin, client = per "
                   "address without a key, or failed_keys = per address, requests whose key "
                   "matched none; RATE per second, 0 = unlimited; repeatable). "
                   "Default read=100/200 write=50/100 admin=10/20 client=0 failed_keys=10/50")
      ->check(
          [](const std::string& value) {
            server::RateLimitsConfig scratch;
            return server::ApplyRateLimitArgument(value, &scratch)
                       ? std::string()
                       : "expected ROLE=RATE[/BURST], ROLE one of read, write, admin, client";
          },
          "ROLE=RATE[/BURST]");
  auto* log_opt = serve->add_option("--access-log", *access_log,
                                    "stdout (default), stderr, off, or a file to append to");
  serve
      ->add_option("--durability", flags->durability,
                   "When an acknowledged write is safe: full (default) survives a power loss "
                   "(SQLite synchronous=FULL, PostgreSQL synchronous_commit=on); normal survives "
                   "a crash of pathrank (synchronous=NORMAL / synchronous_commit=off), with "
                   "faster ingest (docs/deployment.md)")
      ->check(CLI::IsMember({"normal", "full"}));
  serve->callback([&context, flags, port, threads, host, db, access_log, host_opt, port_opt, db_opt,
                   threads_opt, log_opt] {
    ConfigFlags f = *flags;
    if (host_opt->count() > 0) f.host = *host;
    if (port_opt->count() > 0) f.port = *port;
    if (db_opt->count() > 0) f.db = *db;
    if (threads_opt->count() > 0) f.threads = *threads;
    if (log_opt->count() > 0) f.access_log = *access_log;
    context.exit_code = RunServe(f);
  });
}

}  // namespace pathrank::cli
