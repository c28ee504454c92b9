#include "api/scoring_service.h"

#include <cmath>

#include "api/problem.h"
#include "ops/onet_goals.h"
#include "pathrank/learner.h"

namespace pathrank::server {

namespace {

// Collects field errors into one InvalidArgument status.
class Errors {
 public:
  void Add(std::string pointer, std::string message) {
    fields_.push_back({std::move(pointer), std::move(message)});
  }
  void Add(const Status& status) {
    for (const FieldError& f : status.fields()) fields_.push_back(f);
    if (status.fields().empty()) fields_.push_back({"", status.message()});
  }
  bool empty() const { return fields_.empty(); }
  Status ToStatus() const {
    std::string message = fields_.front().field.empty()
                              ? fields_.front().message
                              : fields_.front().field + ": " + fields_.front().message;
    if (fields_.size() > 1) message += " (and " + std::to_string(fields_.size() - 1) + " more)";
    Status status = Status::InvalidArgument(message);
    for (const FieldError& f : fields_) status.AddField(f.field, f.message);
    return status;
  }

 private:
  std::vector<FieldError> fields_;
};

// The named profile with the overrides applied.
void ResolveProfile(const RegistrySnapshot& snapshot, const std::string& name,
                    const std::map<std::string, double>& weights, ScoringProfile* out,
                    Errors* errors) {
  const ScoringProfile* base = snapshot.FindProfile(name);
  if (base == nullptr) {
    std::string known;
    for (const auto& [n, p] : snapshot.profiles) known += (known.empty() ? "" : ", ") + n;
    errors->Add("/profile", "unknown profile \"" + name + "\"; known: " + known);
    return;
  }
  Result<ScoringProfile> profile = ApplyProfileOverrides(*base, weights, "/weights");
  if (!profile) {
    errors->Add(profile.error());
    return;
  }
  *out = *profile;
}

Result<LearnerState> ResolveLearner(const Catalog& catalog,
                                    const std::map<std::string, double>& mastery,
                                    const std::map<std::string, double>& goals,
                                    const std::vector<std::string>& recent,
                                    const LimitsConfig& limits, bool infer, Errors* errors) {
  if (mastery.size() > static_cast<size_t>(limits.max_mastery_entries)) {
    errors->Add("/mastery",
                "at most " + std::to_string(limits.max_mastery_entries) + " entries are accepted");
    return Status::InvalidArgument("too many mastery entries");
  }
  Result<LearnerState> learner = MakeLearnerState(catalog, mastery, goals, infer);
  if (!learner) {
    errors->Add(learner.error());
    return learner;
  }
  for (const std::string& id : recent) {
    if (auto item = catalog.FindItem(id)) learner->recent.push_back(*item);
  }
  return learner;
}

}  // namespace

// The most entries of a request's `recent`.
constexpr size_t kMaxRecent = 100;

Result<RecommendAnswer> RunRecommend(const RegistrySnapshot& snapshot, const ServedCatalog& served,
                                     const RecommendRequest& request, const LimitsConfig& limits) {
  const Catalog& catalog = *served.catalog;
  Errors errors;
  RecommendAnswer answer;
  RecommendOptions options;
  if (request.k < 1 || request.k > limits.max_k) {
    errors.Add("/k", "must be an integer in 1.." + std::to_string(limits.max_k));
  } else {
    options.k = static_cast<size_t>(request.k);
  }
  ResolveProfile(snapshot, request.profile, request.weights, &answer.profile, &errors);
  for (size_t i = 0; i < request.kinds.size(); ++i) {
    if (auto kind = ParseItemKind(request.kinds[i])) {
      options.kinds.push_back(*kind);
    } else {
      errors.Add(JsonPointer("/kinds", i), "must be topic, framework or project");
    }
  }
  for (size_t i = 0; i < request.exclude.size(); ++i) {
    if (auto item = catalog.FindItem(request.exclude[i])) {
      options.exclude.push_back(*item);
    } else {
      errors.Add(JsonPointer("/exclude", i), "unknown item \"" + request.exclude[i] + "\"");
    }
  }
  // `recent`: the items practised last, newest first, for the sequence term.
  if (request.recent.size() > kMaxRecent) {
    errors.Add("/recent", "at most " + std::to_string(kMaxRecent) + " items are accepted");
  }
  for (size_t i = 0; i < request.recent.size() && i < kMaxRecent; ++i) {
    if (!catalog.FindItem(request.recent[i])) {
      errors.Add(JsonPointer("/recent", i), "unknown item \"" + request.recent[i] + "\"");
    }
  }
  options.include_blocked = request.include_blocked;
  options.explain = request.explain;
  options.sequence = served.sequence.get();
  Result<LearnerState> learner =
      ResolveLearner(catalog, request.mastery, request.goals, request.recent, limits,
                     answer.profile.infer_mastery != 0, &errors);
  if (!errors.empty()) return errors.ToStatus();
  Result<std::vector<Recommendation>> items =
      served.scorer->Recommend(*learner, answer.profile, options);
  if (!items) return items.error();
  answer.items = std::move(*items);
  return answer;
}

Result<PlanAnswer> RunPlan(const RegistrySnapshot& snapshot, const ServedCatalog& served,
                           const PlanRequest& request, const LimitsConfig& limits) {
  const Catalog& catalog = *served.catalog;
  Errors errors;
  PlanAnswer answer;
  if (!(request.hours_per_week > 0 && request.hours_per_week <= 168)) {
    errors.Add("/hours_per_week", "must be a number in (0, 168]");
  }
  answer.hours_per_week = request.hours_per_week;
  ResolveProfile(snapshot, request.profile, request.weights, &answer.profile, &errors);
  Result<LearnerState> learner = ResolveLearner(catalog, request.mastery, request.goals, {}, limits,
                                                answer.profile.infer_mastery != 0, &errors);
  if (learner && learner->goals.empty()) {
    errors.Add("/goals", "a path needs at least one goal");
  }
  if (!errors.empty()) return errors.ToStatus();
  PlanOptions options;
  options.hours_per_week = request.hours_per_week;
  Result<Plan> plan = PlanPath(*served.scorer, *learner, answer.profile, options);
  if (!plan) return plan.error();
  answer.plan = std::move(*plan);
  return answer;
}

namespace {

// The occupation's goal "onet-<code>" (weight 1) into `request`'s goals, or
// an error at /occupation: not an O*NET-SOC code, or a catalog without it.
void AddOccupationGoal(const ServedCatalog& served, const std::string& code,
                       TeamMatchRequest* request, Errors* errors) {
  if (!ops::IsOnetCode(code)) {
    errors->Add("/occupation", "expected an O*NET-SOC code NN-NNNN.NN, e.g. 15-1252.00");
    return;
  }
  const std::string goal = ops::OnetGoalId(code);
  if (!served.scorer->catalog().FindGoal(goal)) {
    errors->Add("/occupation", "catalog " + served.id + " has no goal " + goal +
                                   " for O*NET occupation " + code +
                                   " (serve a catalog made by pathrank import-onet)");
    return;
  }
  request->goals[goal] = 1.0;
}

}  // namespace

Result<TeamMatchAnswer> RunTeamMatch(const RegistrySnapshot& snapshot, const ServedCatalog& served,
                                     const TeamMatchApiRequest& request,
                                     const LimitsConfig& limits) {
  Errors errors;
  TeamMatchAnswer answer;
  ResolveProfile(snapshot, request.profile, request.weights, &answer.profile, &errors);
  if (request.k < 1 || request.k > limits.max_k) {
    errors.Add("/k", "must be an integer in 1.." + std::to_string(limits.max_k));
  }
  if (request.kind != "any") {
    answer.request.kind = ParseItemKind(request.kind);
    if (!answer.request.kind) errors.Add("/kind", "must be topic, framework, project or any");
  } else {
    answer.request.kind.reset();
  }
  answer.request.goals = request.goals;
  if (!request.occupation.empty())
    AddOccupationGoal(served, request.occupation, &answer.request, &errors);
  if (!errors.empty()) return errors.ToStatus();
  answer.request.members = request.members;
  answer.request.type = request.type;
  answer.request.k = static_cast<size_t>(request.k);
  Result<std::vector<TeamMatch>> items = MatchTeam(*served.scorer, answer.profile, answer.request);
  if (!items) {
    // Field errors (unknown items, duplicates, type) are the caller's.
    Errors match_errors;
    match_errors.Add(items.error());
    return match_errors.ToStatus();
  }
  answer.items = std::move(*items);
  return answer;
}

Status ValidateGoals(const Catalog& catalog, const std::map<std::string, double>& goals) {
  Errors errors;
  for (const auto& [id, weight] : goals) {
    if (!catalog.FindGoal(id)) {
      errors.Add(JsonPointer("/goals", id), "unknown goal \"" + id + "\"");
    } else if (!(weight > 0 && weight <= kMaxGoalWeight)) {
      errors.Add(JsonPointer("/goals", id), "weight must be in (0, 100]");
    }
  }
  return errors.empty() ? Status::Ok() : errors.ToStatus();
}

Status ValidateProgressItems(const Catalog& catalog, std::span<const ProgressEvent> events) {
  Errors errors;
  for (size_t i = 0; i < events.size(); ++i) {
    if (!catalog.FindItem(events[i].item)) {
      errors.Add(JsonPointer(JsonPointer("/events", i), "item"),
                 "unknown item \"" + events[i].item + "\" in catalog " + catalog.id());
    }
  }
  return errors.empty() ? Status::Ok() : errors.ToStatus();
}

void StoredLearnerInputs(const LearnerRecord& learner, const Catalog& catalog,
                         std::map<std::string, double>* mastery,
                         std::map<std::string, double>* goals, std::vector<std::string>* recent) {
  mastery->clear();
  goals->clear();
  for (const auto& [id, value] : learner.mastery) {
    if (catalog.FindItem(id) && value >= 0 && value <= 1) mastery->emplace(id, value);
  }
  for (const auto& [id, weight] : learner.goals) {
    if (catalog.FindGoal(id)) goals->emplace(id, weight);
  }
  if (recent != nullptr) {
    recent->clear();
    for (const std::string& id : learner.recent) {
      if (catalog.FindItem(id)) recent->push_back(id);
    }
  }
}

}  // namespace pathrank::server
