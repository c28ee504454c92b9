// GET /v1/plugins, POST /v1/admin/reload.

#include <httplib.h>

#include "api/json_api.h"
#include "http/handlers.h"
#include "http/http_reply.h"
#include "ops/access_log.h"
#include "ops/reload.h"

namespace pathrank::server {

void HandleListPlugins(ServerState& state, const httplib::Request&, httplib::Response& res) {
  std::vector<PluginSource> plugins = state.registry.PluginSources();
  if (state.progress != nullptr) state.progress->AddPluginSources(&plugins);
  ReplyJson(res, 200, RenderPlugins(plugins));
}

void HandleReload(ServerState& state, const httplib::Request& req, httplib::Response& res) {
  const ServerReloadOutcome outcome = ReloadAll(state.registry, state.progress, state.store);
  const std::string request_id = res.get_header_value("X-Request-Id");
  if (outcome.ok()) {
    LogEvent("info", "reload", request_id,
             "every source reloaded; generation " + std::to_string(outcome.catalogs.generation));
    ReplyJson(res, 200, RenderReload(outcome));
    return;
  }
  Problem problem;
  problem.type = ProblemType::kInvalid;
  std::string failed;
  for (const SourceOutcome& s : outcome.catalogs.sources) {
    if (s.ok) continue;
    failed += (failed.empty() ? "" : ", ") + s.kind + " " + s.id;
    problem.Add(FieldLocation::kBody, "/" + s.kind + "s/" + s.id, s.error);
    LogEvent("error", "reload", request_id, s.kind + " " + s.id + ": " + s.error);
  }
  for (const ProgressSourceOutcome& p : outcome.progress) {
    if (p.ok) continue;
    failed += (failed.empty() ? "" : ", ") + std::string("progress source ") + p.name;
    problem.Add(FieldLocation::kBody, "/progress_sources/" + p.name, p.error.message());
    LogEvent("error", "reload", request_id, p.error.message());  // names the source
  }
  problem.detail = "reload failed for " + failed +
                   "; a failed catalog or profile keeps its previous version served, a failed "
                   "progress source wrote nothing";
  problem.extension_json = ReloadExtension(outcome);
  (void)req;
  ReplyProblem(res, problem);
}

}  // namespace pathrank::server
