// GET /healthz, /readyz, /metrics, /openapi.json.

#include <httplib.h>

#include "api/json_api.h"
#include "http/handlers.h"
#include "http/http_reply.h"

namespace pathrank::server {

void HandleHealthz(ServerState&, const httplib::Request&, httplib::Response& res) {
  static const std::string kOk = RenderStatus("ok");
  ReplyJson(res, 200, kOk);
}

void HandleReadyz(ServerState& state, const httplib::Request&, httplib::Response& res) {
  std::string why;
  if (state.stopping) {
    why = "the server is shutting down";
  } else if (state.registry.snapshot() == nullptr) {
    why = "the catalogs are not loaded yet";
  } else if (Status store = state.store.Ping(); !store.ok()) {
    // The reason names hosts and files: it goes to the log, not the answer.
    LogEvent("error", "unavailable", res.get_header_value("X-Request-Id"),
             "readyz: " + store.message());
    why = "the learner store is unavailable";
  }
  if (!why.empty()) {
    ReplyProblem(
        res, MakeProblem(ProblemType::kUnavailable, why, FieldLocation::kPath, "", "not ready"));
    return;
  }
  ReplyJson(res, 200, RenderStatus("ready"));
}

void HandleMetrics(ServerState& state, const httplib::Request&, httplib::Response& res) {
  StateGauges gauges;
  if (auto snapshot = state.registry.snapshot()) {
    for (const auto& [id, served] : snapshot->catalogs) {
      gauges.catalog_items.emplace_back(id, served->catalog->item_count());
    }
    gauges.catalog_generation = snapshot->generation;
  }
  gauges.reloads_ok = state.registry.reloads_ok();
  gauges.reloads_failed = state.registry.reloads_failed();
  // The count doubles as the store's readiness probe, as /readyz's Ping.
  bool store_answers = false;
  if (state.store.is_open()) {
    if (Result<int64_t> count = state.store.CountLearners()) {
      gauges.learners = *count;
      store_answers = true;
    }
  }
  gauges.store_errors = state.store.error_count();
  gauges.store_memory_bytes = state.store.memory_bytes();
  gauges.resident_memory_bytes = ResidentMemoryBytes();
  gauges.ready = !state.stopping && state.registry.snapshot() != nullptr && store_answers;
  res.status = 200;
  std::string text = state.metrics->Render(gauges) + state.rate_limits.RenderMetrics() +
                     state.experiment_counters.Prometheus();
  if (state.connection_metrics) text += state.connection_metrics();
  res.set_content(std::move(text), "text/plain; version=0.0.4; charset=utf-8");
}

void HandleOpenApi(ServerState&, const httplib::Request&, httplib::Response& res) {
  res.status = 200;
  res.set_content(std::string(OpenApiDocument()), "application/json");
}

}  // namespace pathrank::server
