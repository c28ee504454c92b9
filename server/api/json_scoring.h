// JSON mapping of scoring results to the shapes of API.md, shared by the
// CLI's --json output and the HTTP server; written with json::Writer
// (util/json/json_writer.h).

#ifndef PATHRANK_SERVER_API_JSON_SCORING_H_
#define PATHRANK_SERVER_API_JSON_SCORING_H_

#include <string_view>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/learner.h"
#include "pathrank/planner.h"
#include "pathrank/scorer.h"
#include "pathrank/scoring_profile.h"
#include "util/json/json_writer.h"

namespace pathrank::json {

// {"catalog": catalog_id, "profile", "items": [...]} as in API.md; each item
// has "terms" and, when explained, "explanation" {"contributions",
// "missing", "serves", "unlocks", "inferred"}. `catalog_id` is the id the catalog is
// served under (the catalog's own id in the CLI).
void WriteRecommendations(Writer& w, std::string_view catalog_id, const Catalog& catalog,
                          const ScoringProfile& profile, const std::vector<Recommendation>& items);

// {"catalog": catalog_id, "profile", "hours_per_week", "steps": [...],
// "total_hours", "weeks", "inferred"}.
void WritePlan(Writer& w, std::string_view catalog_id, const Catalog& catalog,
               const ScoringProfile& profile, double hours_per_week, const Plan& plan);

// [{"id", "mastery", "from"}, ...]: mastery inferred from a stated mastery
// of "from" through hard prerequisites (InferPrerequisiteMastery).
void WriteInferred(Writer& w, const Catalog& catalog, const std::vector<InferredMastery>& inferred);

}  // namespace pathrank::json

#endif  // PATHRANK_SERVER_API_JSON_SCORING_H_
