#include "api/json_scoring.h"

namespace pathrank::json {

using nlohmann::ordered_json;

namespace {

ordered_json IdList(const Catalog& c, const std::vector<ItemId>& items) {
  ordered_json out = ordered_json::array();
  for (ItemId i : items) out.push_back(c.item(i).id);
  return out;
}

ordered_json ExplanationToJson(const Catalog& c, const Explanation& e) {
  ordered_json out;
  out["contributions"] = TermsToJson(e.contributions);
  ordered_json missing = ordered_json::array();
  for (const ClauseGap& gap : e.missing) {
    ordered_json clause = ordered_json::array();
    ordered_json alternatives = ordered_json::array();
    for (const auto& [item, mastery] : gap.alternatives) {
      clause.push_back(c.item(item).id);
      alternatives.push_back({{"id", c.item(item).id}, {"mastery", mastery}});
    }
    missing.push_back({{"clause", std::move(clause)},
                       {"type", ClauseTypeName(gap.type)},
                       {"mastery", gap.satisfaction},
                       {"weight", gap.weight},
                       {"alternatives", std::move(alternatives)}});
  }
  out["missing"] = std::move(missing);
  ordered_json serves = ordered_json::array();
  for (const GoalService& s : e.serves) {
    serves.push_back(
        {{"goal", c.goals()[s.goal].id}, {"relevance", s.relevance}, {"via", IdList(c, s.via)}});
  }
  out["serves"] = std::move(serves);
  out["unlocks"] = IdList(c, e.unlocks);
  return out;
}

}  // namespace

// Built member by member: nlohmann's initializer lists copy every value,
// which made this mapping twice as slow on the server's hot path.
ordered_json TermsToJson(const Terms& t) {
  ordered_json out = ordered_json::object();
  out["coverage"] = t.coverage;
  out["relevance"] = t.relevance;
  out["unlock"] = t.unlock;
  out["foundation"] = t.foundation;
  out["sequence"] = t.sequence;
  out["effort"] = t.effort;
  return out;
}

ordered_json ProfileToJson(const ScoringProfile& profile) {
  ordered_json weights;
  for (const std::string& name : ProfileFieldNames())
    weights[name] = GetProfileField(profile, name);
  return {{"name", profile.name}, {"weights", std::move(weights)}};
}

ordered_json RecommendationsToJson(const Catalog& c, const ScoringProfile& profile,
                                   const std::vector<Recommendation>& items) {
  ordered_json out = ordered_json::object();
  out["catalog"] = c.id();
  out["profile"] = profile.name;
  ordered_json& list = out["items"] = ordered_json::array();
  for (const Recommendation& r : items) {
    const Item& item = c.item(r.item);
    ordered_json& entry = list.emplace_back(ordered_json::object());
    entry["id"] = item.id;
    entry["title"] = item.title;
    entry["kind"] = ItemKindName(item.kind);
    entry["stage"] = c.stages()[item.stage].id;
    entry["hours"] = item.hours;
    entry["score"] = r.score;
    entry["ready"] = r.ready;
    entry["terms"] = TermsToJson(r.terms);
    if (r.explanation) entry["explanation"] = ExplanationToJson(c, *r.explanation);
  }
  return out;
}

ordered_json PlanToJson(const Catalog& c, const ScoringProfile& profile, double hours_per_week,
                        const Plan& plan) {
  ordered_json steps = ordered_json::array();
  for (const PlanStep& step : plan.steps) {
    const Item& item = c.item(step.item);
    ordered_json targets = ordered_json::array();
    for (uint32_t g : step.target_of) targets.push_back(c.goals()[g].id);
    steps.push_back({{"id", item.id},
                     {"title", item.title},
                     {"kind", ItemKindName(item.kind)},
                     {"stage", c.stages()[item.stage].id},
                     {"hours", step.hours},
                     {"cumulative_hours", step.cumulative_hours},
                     {"week", step.week},
                     {"score", step.score},
                     {"reason", step.reason},
                     {"target_of", std::move(targets)},
                     {"required_by", IdList(c, step.required_by)}});
  }
  return {{"catalog", c.id()},
          {"profile", profile.name},
          {"hours_per_week", hours_per_week},
          {"steps", std::move(steps)},
          {"total_hours", plan.total_hours},
          {"weeks", plan.weeks}};
}

}  // namespace pathrank::json
