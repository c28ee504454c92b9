// Runs the API's scoring requests on the engine: resolves ids, the profile
// and its overrides, checks limits, then calls Scorer::Recommend() or
// PlanPath(). Handlers call these between parsing and rendering; every
// failure is a Status whose field errors carry JSON pointers ("/k",
// "/mastery/gin", "/weights/w_rel", ...).
//
// Thread safety: pure functions of their arguments.

#ifndef PATHRANK_SERVER_API_SCORING_SERVICE_H_
#define PATHRANK_SERVER_API_SCORING_SERVICE_H_

#include <map>
#include <span>
#include <string>
#include <vector>

#include "api/api_requests.h"
#include "ops/catalog_registry.h"
#include "ops/config.h"
#include "pathrank/planner.h"
#include "pathrank/scorer.h"
#include "pathrank/team_matcher.h"
#include "store/learner_store.h"

namespace pathrank::server {

// The experiment variant an answer was scored with (A/B experiments,
// ops/experiments.h); empty names when none.
struct ExperimentNote {
  std::string name;
  std::string variant;
};

struct RecommendAnswer {
  ScoringProfile profile;
  std::vector<Recommendation> items;
  ExperimentNote experiment;
};

struct PlanAnswer {
  ScoringProfile profile;
  double hours_per_week = 10;
  Plan plan;
  ExperimentNote experiment;
};

// Fails with InvalidArgument (field errors) for k outside 1..limits.max_k,
// an unknown profile, kind, excluded item, mastery item or goal, values out
// of range, or too many mastery entries.
Result<RecommendAnswer> RunRecommend(const RegistrySnapshot& snapshot, const ServedCatalog& served,
                                     const RecommendRequest& request, const LimitsConfig& limits);

// Fails like RunRecommend, and when hours_per_week is outside (0, 168] or
// the learner has no goal.
Result<PlanAnswer> RunPlan(const RegistrySnapshot& snapshot, const ServedCatalog& served,
                           const PlanRequest& request, const LimitsConfig& limits);

struct TeamMatchAnswer {
  ScoringProfile profile;
  TeamMatchRequest request;  // as resolved (members, goals, kind, type, k)
  std::vector<TeamMatch> items;
};

// Fails with InvalidArgument (field errors) for malformed members
// ("/members/2/mastery"), an empty team or more than kMaxTeamMembers, a
// duplicate member id, unknown items, goals, kind or type, k outside
// 1..limits.max_k, or an unknown profile.
Result<TeamMatchAnswer> RunTeamMatch(const RegistrySnapshot& snapshot, const ServedCatalog& served,
                                     const TeamMatchApiRequest& request,
                                     const LimitsConfig& limits);

// Goals must name goals of `catalog` with weights in (0, 100]
// ("/goals/<id>").
Status ValidateGoals(const Catalog& catalog, const std::map<std::string, double>& goals);

// Every event's item must be an item of `catalog` ("/events/<i>/item").
Status ValidateProgressItems(const Catalog& catalog, std::span<const ProgressEvent> events);

// The stored learner's mastery, goals and recent items, without the ids the
// catalog no longer has (a reload may have removed them).
void StoredLearnerInputs(const LearnerRecord& learner, const Catalog& catalog,
                         std::map<std::string, double>* mastery,
                         std::map<std::string, double>* goals, std::vector<std::string>* recent);

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_API_SCORING_SERVICE_H_
