#include "pathrank/learner.h"

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

Result<LearnerState> MakeLearnerState(const Catalog& catalog,
                                      const std::map<std::string, double>& mastery,
                                      const std::map<std::string, double>& goals) {
  LearnerState state;
  state.mastery.assign(catalog.item_count(), 0.0);
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
  }
  ResolveGoals(catalog, goals, &state, &errors);
  if (!errors.empty()) return internal::FieldErrorsToStatus("learner", errors);
  return state;
}

}  // namespace pathrank
