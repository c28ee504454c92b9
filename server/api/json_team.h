// JSON mapping for team matching: the members list and the answer of
// POST /v1/catalogs/{cid}/team-matches (API.md), shared by the CLI and the
// server.

#ifndef PATHRANK_SERVER_API_JSON_TEAM_H_
#define PATHRANK_SERVER_API_JSON_TEAM_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pathrank/team_matcher.h"

namespace pathrank::json {

// Parses `[{"id": "ana", "mastery": {"gin": 1.0}}, ...]` found at JSON
// pointer `at`. Errors name the field ("/members/2/mastery/gin").
Result<std::vector<TeamMember>> ParseTeamMembers(const nlohmann::json& value,
                                                 const std::string& at);

// {"catalog", "profile", "items": [{"id", "title", "fit", "terms": {"goal_fit",
// "team_coverage", "experts", "experts_share", "ramp_up_hours", "ramp_up",
// "difficulty_gap"}, "experts": [member ids], "members": [{"id", "coverage",
// "expert", "missing": [{"id", "hours"}], "hours"}], "training_hours"}]}.
nlohmann::ordered_json TeamMatchesToJson(const Catalog& catalog, const ScoringProfile& profile,
                                         const TeamMatchRequest& request,
                                         const std::vector<TeamMatch>& matches);

}  // namespace pathrank::json

#endif  // PATHRANK_SERVER_API_JSON_TEAM_H_
