// JSON mapping for team matching: the members list and the answer of
// POST /v1/catalogs/{cid}/team-matches (API.md), shared by the CLI and the
// server.

#ifndef PATHRANK_SERVER_API_JSON_TEAM_H_
#define PATHRANK_SERVER_API_JSON_TEAM_H_

#include <string_view>
#include <vector>

#include "pathrank/team_matcher.h"
#include "util/json/json_writer.h"

namespace pathrank::json {

// Parses the JSON text `[{"id": "ana", "mastery": {"gin": 1.0}}, ...]`.
// Errors name the field ("/2/mastery/gin"); a text that is not JSON is
// InvalidArgument "not valid JSON".
Result<std::vector<TeamMember>> ParseTeamMembers(std::string_view text);

// {"catalog": catalog_id, "profile", "items": [{"id", "title", "fit",
// "terms": {"goal_fit", "team_coverage", "experts", "experts_share",
// "ramp_up_hours", "ramp_up", "difficulty_gap"}, "attributes", "experts":
// [member ids], "members": [{"id", "coverage", "expert", "missing": [{"id",
// "hours"}], "hours"}], "training_hours"}]}.
void WriteTeamMatches(Writer& w, std::string_view catalog_id, const Catalog& catalog,
                      const ScoringProfile& profile, const TeamMatchRequest& request,
                      const std::vector<TeamMatch>& matches);

}  // namespace pathrank::json

#endif  // PATHRANK_SERVER_API_JSON_TEAM_H_
