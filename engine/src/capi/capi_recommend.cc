// The C API (pathrank/c.h): recommendations, their explanations, and the
// batch call.

#include <algorithm>
#include <cstdio>
#include <string>

#include "capi/capi_internal.h"

using pathrank::Catalog;
using pathrank::ClauseGap;
using pathrank::Explanation;
using pathrank::GoalService;
using pathrank::ItemId;
using pathrank::Recommendation;
using pathrank::Terms;

namespace pathrank::capi {
namespace {

std::string Fixed2(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  return buffer;
}

// One line: "serves goal microservices via grpc -> microservices; unlocks a,
// b; missing requires x (0.20) or y (0.00)".
std::string ReasonText(const Catalog& c, const Explanation& e) {
  std::string out;
  auto part = [&out](const std::string& s) { out += (out.empty() ? "" : "; ") + s; };
  for (const GoalService& s : e.serves) {
    std::string line = "serves goal " + c.goals()[s.goal].id;
    for (size_t v = 0; v < s.via.size(); ++v)
      line += (v == 0 ? " via " : " -> ") + c.item(s.via[v]).id;
    part(line);
  }
  if (!e.unlocks.empty()) {
    std::string line = "unlocks";
    for (size_t u = 0; u < e.unlocks.size(); ++u)
      line += (u == 0 ? " " : ", ") + c.item(e.unlocks[u]).id;
    part(line);
  }
  for (const ClauseGap& gap : e.missing) {
    std::string line = "missing " + std::string(ClauseTypeName(gap.type));
    for (size_t a = 0; a < gap.alternatives.size(); ++a) {
      line += (a == 0 ? " " : " or ") + c.item(gap.alternatives[a].first).id + " (" +
              Fixed2(gap.alternatives[a].second) + ")";
    }
    part(line);
  }
  return out;
}

const Recommendation* Entry(const pathrank_ranking* r, size_t i) {
  return i < r->entries.size() ? &r->entries[i] : nullptr;
}

const Explanation* ExplanationOf(const pathrank_ranking* r, size_t i) {
  const Recommendation* e = Entry(r, i);
  return e != nullptr && e->explanation ? &*e->explanation : nullptr;
}

const GoalService* Serves(const pathrank_ranking* r, size_t i, size_t j) {
  const Explanation* e = ExplanationOf(r, i);
  return e != nullptr && j < e->serves.size() ? &e->serves[j] : nullptr;
}

const ClauseGap* Missing(const pathrank_ranking* r, size_t i, size_t j) {
  const Explanation* e = ExplanationOf(r, i);
  return e != nullptr && j < e->missing.size() ? &e->missing[j] : nullptr;
}

void CopyTerms(const Terms& from, pathrank_terms* to) {
  to->coverage = from.coverage;
  to->relevance = from.relevance;
  to->unlock = from.unlock;
  to->foundation = from.foundation;
  to->sequence = from.sequence;
  to->effort = from.effort;
}

// Turns the batch call's matrices into learner states; InvalidArgument
// naming the first bad cell.
Status BatchLearners(const Catalog& c, const double* mastery, const double* goal_weights,
                     size_t learners, std::vector<LearnerState>* out) {
  const size_t items = c.item_count(), goals = c.goals().size();
  out->resize(learners);
  for (size_t l = 0; l < learners; ++l) {
    LearnerState& state = (*out)[l];
    state.mastery.assign(mastery + l * items, mastery + (l + 1) * items);
    for (size_t i = 0; i < items; ++i) {
      const double m = state.mastery[i];
      if (!(m >= 0 && m <= 1)) {
        return Status::InvalidArgument("/mastery/" + std::to_string(l) + "/" + std::to_string(i) +
                                       ": mastery must be a number in [0, 1]");
      }
    }
    if (goal_weights == nullptr) continue;
    for (size_t g = 0; g < goals; ++g) {
      const double w = goal_weights[l * goals + g];
      if (w == 0) continue;
      if (!(w > 0 && w <= kMaxGoalWeight)) {
        return Status::InvalidArgument("/goals/" + std::to_string(l) + "/" + std::to_string(g) +
                                       ": goal weight must be 0 or a number in (0, 100]");
      }
      state.goals.push_back({static_cast<uint32_t>(g), w});
    }
  }
  return Status::Ok();
}

}  // namespace
}  // namespace pathrank::capi

using namespace pathrank::capi;  // NOLINT: the C entry points below

extern "C" {

pathrank_status pathrank_recommend(const pathrank_catalog* catalog, const pathrank_profile* profile,
                                   const pathrank_learner* learner, size_t k, const char* kind,
                                   unsigned flags, pathrank_ranking** ranking, char** errmsg) {
  return Guard(errmsg, [&] {
    if (catalog == nullptr || learner == nullptr || ranking == nullptr) {
      return FailInvalid("catalog, learner and ranking must not be NULL", errmsg);
    }
    if (learner->catalog != catalog->catalog) {
      return FailInvalid("learner: made for another catalog", errmsg);
    }
    pathrank::RecommendOptions options;
    options.k = k;
    options.explain = (flags & PATHRANK_EXPLAIN) != 0;
    options.include_blocked = (flags & PATHRANK_INCLUDE_BLOCKED) != 0;
    if (!ParseKindArg(kind, &options.kinds, errmsg)) return PATHRANK_INVALID_ARGUMENT;
    auto result = catalog->scorer->Recommend(learner->state, ProfileOrDefault(profile), options);
    if (!result) return Fail(result.error(), errmsg);
    auto handle = std::make_unique<pathrank_ranking>();
    handle->catalog = catalog->catalog;
    handle->entries = std::move(*result);
    for (const Recommendation& r : handle->entries) {
      handle->reasons.push_back(r.explanation ? ReasonText(*catalog->catalog, *r.explanation)
                                              : std::string());
    }
    *ranking = handle.release();
    return PATHRANK_OK;
  });
}

void pathrank_ranking_free(pathrank_ranking* ranking) { delete ranking; }

size_t pathrank_ranking_count(const pathrank_ranking* ranking) { return ranking->entries.size(); }

const char* pathrank_ranking_item(const pathrank_ranking* ranking, size_t i) {
  const Recommendation* e = Entry(ranking, i);
  return e != nullptr ? ItemIdOf(*ranking->catalog, e->item) : nullptr;
}

double pathrank_ranking_score(const pathrank_ranking* ranking, size_t i) {
  const Recommendation* e = Entry(ranking, i);
  return e != nullptr ? e->score : kNaN;
}

int pathrank_ranking_ready(const pathrank_ranking* ranking, size_t i) {
  const Recommendation* e = Entry(ranking, i);
  return e != nullptr && e->ready ? 1 : 0;
}

int pathrank_ranking_terms(const pathrank_ranking* ranking, size_t i, pathrank_terms* terms) {
  const Recommendation* e = Entry(ranking, i);
  if (e == nullptr || terms == nullptr) return 0;
  CopyTerms(e->terms, terms);
  return 1;
}

int pathrank_ranking_contributions(const pathrank_ranking* ranking, size_t i,
                                   pathrank_terms* contributions) {
  const Explanation* e = ExplanationOf(ranking, i);
  if (e == nullptr || contributions == nullptr) return 0;
  CopyTerms(e->contributions, contributions);
  return 1;
}

const char* pathrank_ranking_reason(const pathrank_ranking* ranking, size_t i) {
  return i < ranking->reasons.size() ? ranking->reasons[i].c_str() : "";
}

size_t pathrank_ranking_serves_count(const pathrank_ranking* ranking, size_t i) {
  const Explanation* e = ExplanationOf(ranking, i);
  return e != nullptr ? e->serves.size() : 0;
}

const char* pathrank_ranking_serves_goal(const pathrank_ranking* ranking, size_t i, size_t j) {
  const GoalService* s = Serves(ranking, i, j);
  return s != nullptr ? ranking->catalog->goals()[s->goal].id.c_str() : nullptr;
}

double pathrank_ranking_serves_relevance(const pathrank_ranking* ranking, size_t i, size_t j) {
  const GoalService* s = Serves(ranking, i, j);
  return s != nullptr ? s->relevance : kNaN;
}

size_t pathrank_ranking_serves_via_count(const pathrank_ranking* ranking, size_t i, size_t j) {
  const GoalService* s = Serves(ranking, i, j);
  return s != nullptr ? s->via.size() : 0;
}

const char* pathrank_ranking_serves_via(const pathrank_ranking* ranking, size_t i, size_t j,
                                        size_t v) {
  const GoalService* s = Serves(ranking, i, j);
  return s != nullptr && v < s->via.size() ? ItemIdOf(*ranking->catalog, s->via[v]) : nullptr;
}

size_t pathrank_ranking_missing_count(const pathrank_ranking* ranking, size_t i) {
  const Explanation* e = ExplanationOf(ranking, i);
  return e != nullptr ? e->missing.size() : 0;
}

const char* pathrank_ranking_missing_type(const pathrank_ranking* ranking, size_t i, size_t j) {
  const ClauseGap* g = Missing(ranking, i, j);
  return g != nullptr ? pathrank::ClauseTypeName(g->type).data() : nullptr;
}

double pathrank_ranking_missing_weight(const pathrank_ranking* ranking, size_t i, size_t j) {
  const ClauseGap* g = Missing(ranking, i, j);
  return g != nullptr ? g->weight : kNaN;
}

double pathrank_ranking_missing_satisfaction(const pathrank_ranking* ranking, size_t i, size_t j) {
  const ClauseGap* g = Missing(ranking, i, j);
  return g != nullptr ? g->satisfaction : kNaN;
}

size_t pathrank_ranking_missing_alternative_count(const pathrank_ranking* ranking, size_t i,
                                                  size_t j) {
  const ClauseGap* g = Missing(ranking, i, j);
  return g != nullptr ? g->alternatives.size() : 0;
}

const char* pathrank_ranking_missing_alternative(const pathrank_ranking* ranking, size_t i,
                                                 size_t j, size_t a) {
  const ClauseGap* g = Missing(ranking, i, j);
  return g != nullptr && a < g->alternatives.size()
             ? ItemIdOf(*ranking->catalog, g->alternatives[a].first)
             : nullptr;
}

double pathrank_ranking_missing_alternative_mastery(const pathrank_ranking* ranking, size_t i,
                                                    size_t j, size_t a) {
  const ClauseGap* g = Missing(ranking, i, j);
  return g != nullptr && a < g->alternatives.size() ? g->alternatives[a].second : kNaN;
}

size_t pathrank_ranking_unlocks_count(const pathrank_ranking* ranking, size_t i) {
  const Explanation* e = ExplanationOf(ranking, i);
  return e != nullptr ? e->unlocks.size() : 0;
}

const char* pathrank_ranking_unlock(const pathrank_ranking* ranking, size_t i, size_t j) {
  const Explanation* e = ExplanationOf(ranking, i);
  return e != nullptr && j < e->unlocks.size() ? ItemIdOf(*ranking->catalog, e->unlocks[j])
                                               : nullptr;
}

pathrank_status pathrank_recommend_batch(const pathrank_catalog* catalog,
                                         const pathrank_profile* profile, const double* mastery,
                                         const double* goal_weights, size_t learners, size_t k,
                                         unsigned flags, size_t threads, int32_t* out_items,
                                         double* out_scores, char** errmsg) {
  return Guard(errmsg, [&] {
    if (catalog == nullptr || (learners > 0 && (mastery == nullptr || out_items == nullptr))) {
      return FailInvalid("catalog, mastery and out_items must not be NULL", errmsg);
    }
    if (threads == 0) return FailInvalid("threads: must be at least 1", errmsg);
    std::vector<pathrank::LearnerState> states;
    pathrank::Status status =
        BatchLearners(*catalog->catalog, mastery, goal_weights, learners, &states);
    if (!status.ok()) return Fail(status, errmsg);
    pathrank::RecommendOptions options;
    options.k = k;
    options.include_blocked = (flags & PATHRANK_INCLUDE_BLOCKED) != 0;
    std::vector<std::vector<Recommendation>> ranked;
    status = catalog->batch->Recommend(states, ProfileOrDefault(profile), options, &ranked,
                                       /*block=*/16, threads);
    if (!status.ok()) return Fail(status, errmsg);
    for (size_t l = 0; l < learners; ++l) {
      for (size_t j = 0; j < k; ++j) {
        const bool has = j < ranked[l].size();
        out_items[l * k + j] = has ? static_cast<int32_t>(ranked[l][j].item) : -1;
        if (out_scores != nullptr) out_scores[l * k + j] = has ? ranked[l][j].score : kNaN;
      }
    }
    return PATHRANK_OK;
  });
}

}  // extern "C"
