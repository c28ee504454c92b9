// Scoring answers: the engine results through json_scoring (shared with the
// CLI's --json), served under the catalog's served id.

#include "api/json_api.h"
#include "api/json_scoring.h"
#include "api/json_team.h"

namespace pathrank::server {

std::string RenderRecommendations(const ServedCatalog& served, const RecommendAnswer& answer) {
  nlohmann::ordered_json doc =
      json::RecommendationsToJson(*served.catalog, answer.profile, answer.items);
  doc["catalog"] = served.id;
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string RenderPlan(const ServedCatalog& served, const PlanAnswer& answer) {
  nlohmann::ordered_json doc =
      json::PlanToJson(*served.catalog, answer.profile, answer.hours_per_week, answer.plan);
  doc["catalog"] = served.id;
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string RenderTeamMatches(const ServedCatalog& served, const TeamMatchAnswer& answer) {
  nlohmann::ordered_json doc =
      json::TeamMatchesToJson(*served.catalog, answer.profile, answer.request, answer.items);
  doc["catalog"] = served.id;
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace pathrank::server
