// The C API (pathrank/c.h): learning paths and team matching.

#include <map>
#include <string>

#include "capi/capi_internal.h"

using pathrank::MemberGap;
using pathrank::PlanStep;
using pathrank::TeamMatch;

namespace pathrank::capi {
namespace {

const PlanStep* Step(const pathrank_plan* p, size_t i) {
  return i < p->plan.steps.size() ? &p->plan.steps[i] : nullptr;
}

const TeamMatch* Match(const pathrank_team* t, size_t i) {
  return i < t->matches.size() ? &t->matches[i] : nullptr;
}

const MemberGap* Gap(const pathrank_team* t, size_t i, size_t m) {
  const TeamMatch* match = Match(t, i);
  return match != nullptr && m < match->members.size() ? &match->members[m] : nullptr;
}

// Fills `request` from the C arguments; false (error reported) when an
// array is NULL where it must not be.
bool BuildTeamRequest(const pathrank_team_member* members, size_t member_count,
                      const char* const* goal_ids, const double* goal_weights, size_t goal_count,
                      const char* kind, const char* type, size_t k, TeamMatchRequest* request,
                      char** errmsg) {
  if ((member_count > 0 && members == nullptr) ||
      (goal_count > 0 && (goal_ids == nullptr || goal_weights == nullptr))) {
    FailInvalid("members, goal_ids and goal_weights must not be NULL when counted", errmsg);
    return false;
  }
  for (size_t m = 0; m < member_count; ++m) {
    const pathrank_team_member& in = members[m];
    const std::string at = "/members/" + std::to_string(m);
    if (in.id == nullptr || (in.count > 0 && (in.item_ids == nullptr || in.mastery == nullptr))) {
      FailInvalid(at + ": id, item_ids and mastery must not be NULL", errmsg);
      return false;
    }
    TeamMember member{in.id, {}};
    for (size_t i = 0; i < in.count; ++i) {
      if (in.item_ids[i] == nullptr) {
        FailInvalid(at + "/mastery: item id " + std::to_string(i) + " is NULL", errmsg);
        return false;
      }
      member.mastery[in.item_ids[i]] = in.mastery[i];
    }
    request->members.push_back(std::move(member));
  }
  for (size_t g = 0; g < goal_count; ++g) {
    if (goal_ids[g] == nullptr) {
      FailInvalid("goal_ids[" + std::to_string(g) + "] is NULL", errmsg);
      return false;
    }
    request->goals[goal_ids[g]] = goal_weights[g];
  }
  std::vector<ItemKind> kinds;
  if (!ParseKindArg(kind, &kinds, errmsg)) return false;
  request->kind = kinds.empty() ? std::nullopt : std::optional<ItemKind>(kinds[0]);
  request->type = type == nullptr ? "" : type;
  request->k = k;
  return true;
}

}  // namespace
}  // namespace pathrank::capi

using namespace pathrank::capi;  // NOLINT: the C entry points below

extern "C" {

pathrank_status pathrank_plan_path(const pathrank_catalog* catalog, const pathrank_profile* profile,
                                   const pathrank_learner* learner, double hours_per_week,
                                   pathrank_plan** plan, char** errmsg) {
  return Guard(errmsg, [&] {
    if (catalog == nullptr || learner == nullptr || plan == nullptr) {
      return FailInvalid("catalog, learner and plan must not be NULL", errmsg);
    }
    if (learner->catalog != catalog->catalog) {
      return FailInvalid("learner: made for another catalog", errmsg);
    }
    pathrank::PlanOptions options;
    options.hours_per_week = hours_per_week;
    auto result =
        pathrank::PlanPath(*catalog->scorer, learner->state, ProfileOrDefault(profile), options);
    if (!result) return Fail(result.error(), errmsg);
    *plan = new pathrank_plan{catalog->catalog, std::move(*result)};
    return PATHRANK_OK;
  });
}

void pathrank_plan_free(pathrank_plan* plan) { delete plan; }

size_t pathrank_plan_step_count(const pathrank_plan* plan) { return plan->plan.steps.size(); }

double pathrank_plan_total_hours(const pathrank_plan* plan) { return plan->plan.total_hours; }

int pathrank_plan_weeks(const pathrank_plan* plan) { return plan->plan.weeks; }

const char* pathrank_plan_step_item(const pathrank_plan* plan, size_t i) {
  const PlanStep* s = Step(plan, i);
  return s != nullptr ? ItemIdOf(*plan->catalog, s->item) : nullptr;
}

const char* pathrank_plan_step_reason(const pathrank_plan* plan, size_t i) {
  const PlanStep* s = Step(plan, i);
  return s != nullptr ? s->reason.c_str() : nullptr;
}

double pathrank_plan_step_hours(const pathrank_plan* plan, size_t i) {
  const PlanStep* s = Step(plan, i);
  return s != nullptr ? s->hours : kNaN;
}

double pathrank_plan_step_cumulative_hours(const pathrank_plan* plan, size_t i) {
  const PlanStep* s = Step(plan, i);
  return s != nullptr ? s->cumulative_hours : kNaN;
}

int pathrank_plan_step_week(const pathrank_plan* plan, size_t i) {
  const PlanStep* s = Step(plan, i);
  return s != nullptr ? s->week : 0;
}

pathrank_status pathrank_team_match(const pathrank_catalog* catalog,
                                    const pathrank_profile* profile,
                                    const pathrank_team_member* members, size_t member_count,
                                    const char* const* goal_ids, const double* goal_weights,
                                    size_t goal_count, const char* kind, const char* type, size_t k,
                                    pathrank_team** team, char** errmsg) {
  return Guard(errmsg, [&] {
    if (catalog == nullptr || team == nullptr) {
      return FailInvalid("catalog and team must not be NULL", errmsg);
    }
    pathrank::TeamMatchRequest request;
    if (!BuildTeamRequest(members, member_count, goal_ids, goal_weights, goal_count, kind, type, k,
                          &request, errmsg)) {
      return PATHRANK_INVALID_ARGUMENT;
    }
    auto result = pathrank::MatchTeam(*catalog->scorer, ProfileOrDefault(profile), request);
    if (!result) return Fail(result.error(), errmsg);
    *team = new pathrank_team{catalog->catalog, std::move(*result)};
    return PATHRANK_OK;
  });
}

void pathrank_team_free(pathrank_team* team) { delete team; }

size_t pathrank_team_count(const pathrank_team* team) { return team->matches.size(); }

const char* pathrank_team_item(const pathrank_team* team, size_t i) {
  const TeamMatch* m = Match(team, i);
  return m != nullptr ? ItemIdOf(*team->catalog, m->item) : nullptr;
}

double pathrank_team_fit(const pathrank_team* team, size_t i) {
  const TeamMatch* m = Match(team, i);
  return m != nullptr ? m->fit : kNaN;
}

double pathrank_team_goal_fit(const pathrank_team* team, size_t i) {
  const TeamMatch* m = Match(team, i);
  return m != nullptr ? m->goal_fit : kNaN;
}

double pathrank_team_coverage(const pathrank_team* team, size_t i) {
  const TeamMatch* m = Match(team, i);
  return m != nullptr ? m->team_coverage : kNaN;
}

size_t pathrank_team_experts(const pathrank_team* team, size_t i) {
  const TeamMatch* m = Match(team, i);
  return m != nullptr ? m->experts : 0;
}

double pathrank_team_ramp_up_hours(const pathrank_team* team, size_t i) {
  const TeamMatch* m = Match(team, i);
  return m != nullptr ? m->ramp_up_hours : kNaN;
}

double pathrank_team_difficulty_gap(const pathrank_team* team, size_t i) {
  const TeamMatch* m = Match(team, i);
  return m != nullptr ? m->difficulty_gap : kNaN;
}

double pathrank_team_member_coverage(const pathrank_team* team, size_t i, size_t m) {
  const MemberGap* g = Gap(team, i, m);
  return g != nullptr ? g->coverage : kNaN;
}

int pathrank_team_member_expert(const pathrank_team* team, size_t i, size_t m) {
  const MemberGap* g = Gap(team, i, m);
  return g != nullptr && g->expert ? 1 : 0;
}

double pathrank_team_member_hours(const pathrank_team* team, size_t i, size_t m) {
  const MemberGap* g = Gap(team, i, m);
  return g != nullptr ? g->plan.total_hours : kNaN;
}

size_t pathrank_team_member_step_count(const pathrank_team* team, size_t i, size_t m) {
  const MemberGap* g = Gap(team, i, m);
  return g != nullptr ? g->plan.steps.size() : 0;
}

const char* pathrank_team_member_step(const pathrank_team* team, size_t i, size_t m, size_t s) {
  const MemberGap* g = Gap(team, i, m);
  return g != nullptr && s < g->plan.steps.size() ? ItemIdOf(*team->catalog, g->plan.steps[s].item)
                                                  : nullptr;
}

}  // extern "C"
