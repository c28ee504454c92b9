#include "api/json_scoring.h"

namespace pathrank::json {

namespace {

void IdList(Writer& w, const Catalog& c, const std::vector<ItemId>& items) {
  w.BeginArray();
  for (ItemId i : items) w.String(c.item(i).id);
  w.EndArray();
}

void WriteTerms(Writer& w, const Terms& t) {
  w.BeginObject();
  w.Member("coverage", t.coverage);
  w.Member("relevance", t.relevance);
  w.Member("unlock", t.unlock);
  w.Member("foundation", t.foundation);
  w.Member("sequence", t.sequence);
  w.Member("effort", t.effort);
  w.EndObject();
}

void WriteGap(Writer& w, const Catalog& c, const ClauseGap& gap) {
  w.BeginObject();
  w.Key("clause");
  w.BeginArray();
  for (const auto& alternative : gap.alternatives) w.String(c.item(alternative.first).id);
  w.EndArray();
  w.Member("type", ClauseTypeName(gap.type));
  w.Member("mastery", gap.satisfaction);
  w.Member("weight", gap.weight);
  w.Key("alternatives");
  w.BeginArray();
  for (const auto& [item, mastery] : gap.alternatives) {
    w.BeginObject();
    w.Member("id", c.item(item).id);
    w.Member("mastery", mastery);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteExplanation(Writer& w, const Catalog& c, const Explanation& e) {
  w.BeginObject();
  w.Key("contributions");
  WriteTerms(w, e.contributions);
  w.Key("missing");
  w.BeginArray();
  for (const ClauseGap& gap : e.missing) WriteGap(w, c, gap);
  w.EndArray();
  w.Key("serves");
  w.BeginArray();
  for (const GoalService& s : e.serves) {
    w.BeginObject();
    w.Member("goal", c.goals()[s.goal].id);
    w.Member("relevance", s.relevance);
    w.Key("via");
    IdList(w, c, s.via);
    w.EndObject();
  }
  w.EndArray();
  w.Key("unlocks");
  IdList(w, c, e.unlocks);
  w.Key("inferred");
  WriteInferred(w, c, e.inferred);
  w.EndObject();
}

}  // namespace

void WriteInferred(Writer& w, const Catalog& c, const std::vector<InferredMastery>& inferred) {
  w.BeginArray();
  for (const InferredMastery& e : inferred) {
    w.BeginObject();
    w.Member("id", c.item(e.item).id);
    w.Member("mastery", e.mastery);
    w.Member("from", c.item(e.from).id);
    w.EndObject();
  }
  w.EndArray();
}

void WriteRecommendations(Writer& w, std::string_view catalog_id, const Catalog& c,
                          const ScoringProfile& profile, const std::vector<Recommendation>& items) {
  w.BeginObject();
  w.Member("catalog", catalog_id);
  w.Member("profile", profile.name);
  w.Key("items");
  w.BeginArray();
  for (const Recommendation& r : items) {
    const Item& item = c.item(r.item);
    w.BeginObject();
    w.Member("id", item.id);
    w.Member("title", item.title);
    w.Member("kind", ItemKindName(item.kind));
    w.Member("stage", c.stages()[item.stage].id);
    w.Member("hours", item.hours);
    w.Member("score", r.score);
    w.Member("ready", r.ready);
    w.Key("terms");
    WriteTerms(w, r.terms);
    if (r.explanation) {
      w.Key("explanation");
      WriteExplanation(w, c, *r.explanation);
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WritePlan(Writer& w, std::string_view catalog_id, const Catalog& c,
               const ScoringProfile& profile, double hours_per_week, const Plan& plan) {
  w.BeginObject();
  w.Member("catalog", catalog_id);
  w.Member("profile", profile.name);
  w.Member("hours_per_week", hours_per_week);
  w.Key("steps");
  w.BeginArray();
  for (const PlanStep& step : plan.steps) {
    const Item& item = c.item(step.item);
    w.BeginObject();
    w.Member("id", item.id);
    w.Member("title", item.title);
    w.Member("kind", ItemKindName(item.kind));
    w.Member("stage", c.stages()[item.stage].id);
    w.Member("hours", step.hours);
    w.Member("cumulative_hours", step.cumulative_hours);
    w.Member("week", step.week);
    w.Member("score", step.score);
    w.Member("reason", step.reason);
    w.Key("target_of");
    w.BeginArray();
    for (uint32_t g : step.target_of) w.String(c.goals()[g].id);
    w.EndArray();
    w.Key("required_by");
    IdList(w, c, step.required_by);
    w.EndObject();
  }
  w.EndArray();
  w.Member("total_hours", plan.total_hours);
  w.Member("weeks", plan.weeks);
  w.Key("inferred");
  WriteInferred(w, c, plan.inferred);
  w.EndObject();
}

}  // namespace pathrank::json
