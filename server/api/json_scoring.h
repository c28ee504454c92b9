// JSON mapping of scoring results to the shapes of API.md, shared by the
// CLI's --json output and the HTTP server.

#ifndef PATHRANK_SERVER_API_JSON_SCORING_H_
#define PATHRANK_SERVER_API_JSON_SCORING_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/learner.h"
#include "pathrank/planner.h"
#include "pathrank/scorer.h"
#include "pathrank/scoring_profile.h"

namespace pathrank::json {

// {"catalog", "profile", "items": [...]} as in API.md; each item has "terms"
// and, when explained, "explanation" {"contributions", "missing", "serves",
// "unlocks"}.
nlohmann::ordered_json RecommendationsToJson(const Catalog& catalog, const ScoringProfile& profile,
                                             const std::vector<Recommendation>& items);

// {"catalog", "profile", "hours_per_week", "steps": [...], "total_hours", "weeks"}.
nlohmann::ordered_json PlanToJson(const Catalog& catalog, const ScoringProfile& profile,
                                  double hours_per_week, const Plan& plan);

nlohmann::ordered_json TermsToJson(const Terms& terms);
nlohmann::ordered_json ProfileToJson(const ScoringProfile& profile);

}  // namespace pathrank::json

#endif  // PATHRANK_SERVER_API_JSON_SCORING_H_
