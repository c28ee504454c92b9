// GET /v1/plugins, POST /v1/admin/reload.

#include <httplib.h>

#include "access_log.h"
#include "handlers.h"
#include "http_reply.h"
#include "json_api.h"

namespace pathrank::server {

void HandleListPlugins(ServerState& state, const httplib::Request&, httplib::Response& res) {
  ReplyJson(res, 200, RenderPlugins(state.registry.PluginSources()));
}

void HandleReload(ServerState& state, const httplib::Request& req, httplib::Response& res) {
  const ReloadOutcome outcome = state.registry.Reload();
  const std::string request_id = res.get_header_value("X-Request-Id");
  if (outcome.ok()) {
    LogEvent("info", "reload", request_id,
             "every source reloaded; generation " + std::to_string(outcome.generation));
    ReplyJson(res, 200, RenderReload(outcome));
    return;
  }
  Problem problem;
  problem.type = ProblemType::kInvalid;
  std::string failed;
  for (const SourceOutcome& s : outcome.sources) {
    if (s.ok) continue;
    failed += (failed.empty() ? "" : ", ") + s.kind + " " + s.id;
    problem.Add(FieldLocation::kBody, "/" + s.kind + "s/" + s.id, s.error);
    LogEvent("error", "reload", request_id, s.kind + " " + s.id + ": " + s.error);
  }
  problem.detail = "reload failed for " + failed + "; the previous version stays served";
  problem.extension_json = ReloadExtension(outcome);
  (void)req;
  ReplyProblem(res, problem);
}

}  // namespace pathrank::server
