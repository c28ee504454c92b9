// Scoring answers: the engine results through json_scoring / json_team
// (shared with the CLI's --json), served under the catalog's served id.

#include "api/json_api.h"
#include "api/json_scoring.h"
#include "api/json_team.h"

namespace pathrank::server {

std::string RenderRecommendations(const ServedCatalog& served, const RecommendAnswer& answer) {
  json::Writer w;
  json::WriteRecommendations(w, served.id, *served.catalog, answer.profile, answer.items);
  return w.Take();
}

std::string RenderPlan(const ServedCatalog& served, const PlanAnswer& answer) {
  json::Writer w;
  json::WritePlan(w, served.id, *served.catalog, answer.profile, answer.hours_per_week,
                  answer.plan);
  return w.Take();
}

std::string RenderTeamMatches(const ServedCatalog& served, const TeamMatchAnswer& answer) {
  json::Writer w;
  json::WriteTeamMatches(w, served.id, *served.catalog, answer.profile, answer.request,
                         answer.items);
  return w.Take();
}

}  // namespace pathrank::server
