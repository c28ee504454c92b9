// ServerState: everything the HTTP handlers reach, owned by `pathrank serve`
// (or a test) and outliving the HttpServer.
//
// Thread safety: the members are themselves thread-safe; the references
// never change after construction.

#ifndef PATHRANK_SERVER_HTTP_SERVER_STATE_H_
#define PATHRANK_SERVER_HTTP_SERVER_STATE_H_

#include <atomic>
#include <functional>
#include <string>

#include "http/auth.h"
#include "http/compute_gate.h"
#include "http/rate_limiter.h"
#include "ops/access_log.h"
#include "ops/catalog_registry.h"
#include "ops/config.h"
#include "ops/experiments.h"
#include "ops/metrics.h"
#include "ops/progress_sources.h"
#include "store/learner_store.h"

namespace pathrank::server {

struct ServerState {
  ServerState(const ServerConfig& c, CatalogRegistry& r, LearnerStore& s, AccessLog& l)
      : config(c),
        registry(r),
        store(s),
        access_log(l),
        auth(c.api_keys),
        rate_limits(c.rate_limits),
        compute(static_cast<size_t>(c.http.compute_slots)) {}

  const ServerConfig& config;
  CatalogRegistry& registry;
  LearnerStore& store;
  AccessLog& access_log;
  const Authenticator auth;
  // Token buckets per key and per client address (see rate_limiter.h).
  RateLimiter rate_limits;
  // The connection pool's gauges and counters as Prometheus text; set by
  // the HttpServer serving this state ("" when unset).
  std::function<std::string()> connection_metrics;
  // Scoring handlers compute inside this gate (see compute_gate.h).
  ComputeGate compute;
  // The progress sources imported on reload; nullptr for none.
  ProgressSources* progress = nullptr;
  // The request metrics; set by the HttpServer serving this state.
  Metrics* metrics = nullptr;
  // Answers scored per experiment variant (ops/experiments.h).
  ExperimentCounters experiment_counters{config.experiments};
  // Set when shutdown begins: /readyz answers 503 from then on.
  std::atomic<bool> stopping{false};
};

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_HTTP_SERVER_STATE_H_
