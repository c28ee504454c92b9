// TeamMatcher: which framework (or other candidate item) fits a team and its
// goals, and what each member must learn to adopt it.
//
// For every candidate item x the fit combines four terms (docs/team.md):
//   goal_fit       how well x serves the goals: the goals' demand for x (item
//                  and tag targets) and the goals' words found in x's
//                  use-cases and features attributes, each goal weighted;
//   team_coverage  the members' mean coverage of x's prerequisites;
//   experts        the share of members who already master x (m >= theta);
//   ramp_up        hours each member needs to learn x and the unmet
//                  `requires` closure under it (the planner's path to x);
//                  the term is h / (h + kRampUpHalfHours) of the mean hours
//                  per member h, so it does not depend on the other
//                  candidates (40 hours, a week of full-time work, counts
//                  0.5);
//   difficulty_gap the members' mean of max(0, difficulty(x) - level - 1) / 3,
//                  level being the mean difficulty of what the member
//                  masters (the table's learning difficulty against the
//                  team's experience).
//   fit = w_goal*goal_fit + w_coverage*team_coverage + w_experts*experts
//         - w_ramp_up*ramp_up - w_difficulty*difficulty_gap
// Ties break by stage order, then id. Deterministic.
//
// Thread safety: a pure function of its arguments.

#ifndef PATHRANK_TEAM_MATCHER_H_
#define PATHRANK_TEAM_MATCHER_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pathrank/export.h"
#include "pathrank/planner.h"
#include "pathrank/scorer.h"

namespace pathrank {

// Mean hours per member at which the ramp-up term is 0.5.
inline constexpr double kRampUpHalfHours = 40.0;

// The largest team MatchTeam accepts.
inline constexpr size_t kMaxTeamMembers = 500;

struct TeamMember {
  std::string id;
  std::map<std::string, double> mastery;  // item id -> [0, 1]
};

struct TeamMatchWeights {
  double w_goal = 3.0;
  double w_coverage = 1.0;
  double w_experts = 1.0;
  double w_ramp_up = 1.0;
  double w_difficulty = 1.0;
};

struct TeamMatchRequest {
  std::vector<TeamMember> members;                      // 1..kMaxTeamMembers, unique ids
  std::map<std::string, double> goals;                  // goal id -> weight in (0, 100]
  std::optional<ItemKind> kind = ItemKind::kFramework;  // nullopt: every kind
  std::string type;  // the "type" attribute, e.g. "Web Framework"; "" for any
  size_t k = 5;      // at most this many candidates
  TeamMatchWeights weights;
};

struct MemberGap {
  size_t member = 0;    // index into TeamMatchRequest::members
  double coverage = 0;  // of the candidate's prerequisites
  bool expert = false;  // masters the candidate
  Plan plan;            // what to learn, in order (empty for experts)
};

struct TeamMatch {
  ItemId item = 0;
  double fit = 0;
  double goal_fit = 0;
  double team_coverage = 0;
  size_t experts = 0;              // members who master the item
  double experts_share = 0;        // experts / members
  double ramp_up_hours = 0;        // sum of the members' plan hours
  double ramp_up = 0;              // h / (h + kRampUpHalfHours), h = hours per member
  double difficulty_gap = 0;       // in [0, 1]
  std::vector<MemberGap> members;  // one per member, in request order
};

// Ranks the candidates. Fails with InvalidArgument naming the field
// ("/members", "/members/3/id", "/members/2/mastery/xyz", "/goals/abc",
// "/type", "/k") for an empty or oversized team, a duplicate member id, an
// unknown item or goal, a mastery or weight out of range, or a type no
// candidate has. The scorer's catalog is the one `request`'s ids name; the
// result holds dense ids of it and owns everything else.
PATHRANK_EXPORT Result<std::vector<TeamMatch>> MatchTeam(const Scorer& scorer,
                                                         const ScoringProfile& profile,
                                                         const TeamMatchRequest& request);

// The distinct "type" attributes of the items of `kind` (all kinds when
// nullopt), sorted.
PATHRANK_EXPORT std::vector<std::string> CandidateTypes(const Catalog& catalog,
                                                        std::optional<ItemKind> kind);

}  // namespace pathrank

#endif  // PATHRANK_TEAM_MATCHER_H_
