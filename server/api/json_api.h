// JSON mapping of the API: request bodies in, answers out. Implemented in
// json_requests.cc, json_catalog.cc, json_learner.cc, json_answers.cc,
// json_admin.cc and json_problem.cc; every answer is written with
// json::Writer (util/json/json_writer.h).
//
// Parsers return nullopt on success and otherwise the problem to answer:
// 400 for syntax, wrong types and unknown fields, 422 for values out of
// range; every error names its JSON pointer.
//
// Thread safety: pure functions.

#ifndef PATHRANK_SERVER_API_JSON_API_H_
#define PATHRANK_SERVER_API_JSON_API_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "api/api_requests.h"
#include "api/problem.h"
#include "api/scoring_service.h"
#include "ops/catalog_registry.h"
#include "ops/config.h"
#include "ops/reload.h"
#include "store/learner_store.h"

namespace pathrank::server {

// ----- requests (json_requests.cc)
std::optional<Problem> ParseRecommendRequest(std::string_view body, RecommendRequest* out);
std::optional<Problem> ParsePlanRequest(std::string_view body, PlanRequest* out);
std::optional<Problem> ParseTeamMatchRequest(std::string_view body, TeamMatchApiRequest* out);
std::optional<Problem> ParseLearnerPut(std::string_view body, LearnerPutRequest* out);
// Events without "at" get `now_ms`; more than `max_events` events is 422.
std::optional<Problem> ParseProgressRequest(std::string_view body, int64_t now_ms,
                                            size_t max_events, ProgressRequest* out);

// ----- catalogs (json_catalog.cc)
// {"catalogs":[{"id","title","version","items","clauses","goals"}]}
std::string RenderCatalogList(const RegistrySnapshot& snapshot);
// The summary with "stages" (each with its item count) and "goals".
std::string RenderCatalog(const ServedCatalog& served);
// {"items":[...],"total":N,"limit","offset"}; `page` are the items shown.
std::string RenderItemPage(const Catalog& catalog, std::span<const ItemId> page, size_t total,
                           size_t limit, size_t offset);
// The item with "requires", "recommends" and "dependents".
std::string RenderItem(const Catalog& catalog, ItemId item);
// {"goals":[{"id","title","summary","items":{...},"tags":{...}}]}
std::string RenderGoals(const Catalog& catalog);

// ----- learners (json_learner.cc)
// {"id","catalog","goals","mastery","created_at","updated_at"}
std::string RenderLearner(const LearnerRecord& learner);
// {"learner", "events": [{"item", "mastery", "at", "id"?}], "total", "truncated"}:
// `events` as given (the caller orders and limits them); `total` is how many
// matched before the limit, so truncated = events.size() < total.
std::string RenderProgressHistory(std::string_view learner_id,
                                  std::span<const ProgressEvent> events, size_t total);
// {"accepted":n,"duplicates":m}
std::string RenderProgressOutcome(const ProgressOutcome& outcome);

// ----- scoring (json_answers.cc) and administration (json_admin.cc) answers
// json_answers.cc
std::string RenderRecommendations(const ServedCatalog& served, const RecommendAnswer& answer);
std::string RenderPlan(const ServedCatalog& served, const PlanAnswer& answer);
std::string RenderTeamMatches(const ServedCatalog& served, const TeamMatchAnswer& answer);
// {"generation":N,"catalogs":[{"id","ok","error"?,"items",...}],"profiles":[...]}
std::string RenderReload(const ServerReloadOutcome& outcome);
// The members of RenderReload, for a 422 problem's extension.
std::string ReloadExtension(const ServerReloadOutcome& outcome);
// {"plugins":[{"name","version","abi_version","path","catalogs":[...],
// "config":{...},"loaded"}]}: the configured plugin sources; name, version
// and ABI version once the plugin loaded.
std::string RenderPlugins(const std::vector<PluginSource>& sources);
// {"status":"ok"} and the like.
std::string RenderStatus(std::string_view status);

// ----- problems (json_problem.cc)
// {"type","title","status","detail","errors":[{"in","field","message"}]} plus
// the extension members.
std::string RenderProblem(const Problem& problem);

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_API_JSON_API_H_
