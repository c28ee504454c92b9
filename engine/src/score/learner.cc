#include "pathrank/learner.h"

#include <algorithm>
#include <cmath>

#include "util/json_fields.h"
#include "util/text.h"

namespace pathrank {

namespace {

void ResolveGoals(const Catalog& catalog, const std::map<std::string, double>& goals,
                  LearnerState* state, std::vector<FieldError>* errors) {
  for (const auto& [id, weight] : goals) {
    const std::string at = internal::JsonPointer("/goals", id);
    auto goal = catalog.FindGoal(id);
    if (!goal) {
      errors->push_back({at, "unknown goal \"" + id + "\" in catalog \"" + catalog.id() + "\""});
      continue;
    }
    if (!std::isfinite(weight) || weight <= 0 || weight > kMaxGoalWeight) {
      errors->push_back({at, "goal weight must be a number in (0, 100]"});
      continue;
    }
    state->goals.push_back({*goal, weight});
  }
}

}  // namespace

void InferPrerequisiteMastery(const Catalog& catalog, std::span<const uint8_t> stated,
                              LearnerState* learner) {
  std::vector<double>& m = learner->mastery;
  std::vector<ItemId> from(catalog.item_count(), 0);
  std::vector<uint8_t> raised(catalog.item_count(), 0);
  const auto order = catalog.topological_order();
  for (size_t pos = order.size(); pos-- > 0;) {
    const ItemId i = order[pos];  // every dependent of i was visited before it
    if (m[i] <= 0) continue;
    for (const Clause& clause : catalog.clauses_of(i)) {
      if (clause.type != ClauseType::kRequires || clause.alternative_count != 1) continue;
      const ItemId a = catalog.alternatives(clause)[0];
      if (stated[a] || m[a] >= m[i]) continue;
      m[a] = m[i];
      from[a] = i;
      raised[a] = 1;
    }
  }
  for (ItemId i = 0; i < catalog.item_count(); ++i) {
    if (raised[i]) learner->inferred.push_back({i, m[i], from[i]});
  }
  std::sort(learner->inferred.begin(), learner->inferred.end(),
            [](const InferredMastery& a, const InferredMastery& b) { return a.item < b.item; });
}

const InferredMastery* FindInferred(const LearnerState& learner, ItemId item) {
  auto it = std::lower_bound(learner.inferred.begin(), learner.inferred.end(), item,
                             [](const InferredMastery& e, ItemId i) { return e.item < i; });
  return it != learner.inferred.end() && it->item == item ? &*it : nullptr;
}

Result<LearnerState> MakeLearnerState(const Catalog& catalog,
                                      const std::map<std::string, double>& mastery,
                                      const std::map<std::string, double>& goals,
                                      bool infer_prerequisites) {
  LearnerState state;
  state.mastery.assign(catalog.item_count(), 0.0);
  std::vector<uint8_t> stated(catalog.item_count(), 0);
  std::vector<FieldError> errors;
  for (const auto& [id, value] : mastery) {
    const std::string at = internal::JsonPointer("/mastery", id);
    auto item = catalog.FindItem(id);
    if (!item) {
      errors.push_back({at, "unknown item \"" + id + "\" in catalog \"" + catalog.id() + "\""});
      continue;
    }
    if (!std::isfinite(value) || value < 0 || value > 1) {
      errors.push_back({at, "mastery must be a number in [0, 1]"});
      continue;
    }
    state.mastery[*item] = value;
    stated[*item] = 1;
  }
  ResolveGoals(catalog, goals, &state, &errors);
  if (!errors.empty()) return internal::FieldErrorsToStatus("learner", errors);
  if (infer_prerequisites) InferPrerequisiteMastery(catalog, stated, &state);
  return state;
}

}  // namespace pathrank
