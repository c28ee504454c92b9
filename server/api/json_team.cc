#include "api/json_team.h"

#include <string>

#include "api/json_scoring.h"
#include "util/json/json_document.h"
#include "util/text.h"

namespace pathrank::json {

namespace {

// Reads one {"id", "mastery"} entry at `here`; `fail` records an error.
template <typename Fail>
TeamMember ReadMember(const JsonDocument& doc, const JsonNode& entry, const std::string& here,
                      Fail& fail) {
  TeamMember member;
  const JsonNode* id = nullptr;
  const JsonNode* mastery = nullptr;
  for (const JsonChild& c : doc.children(entry)) {
    if (c.key == "id") {
      id = &doc.node(c.node);  // of repeated members, the last counts
    } else if (c.key == "mastery") {
      mastery = &doc.node(c.node);
    } else {
      fail(internal::JsonPointer(here, c.key), "unknown field");
    }
  }
  if (id == nullptr || id->type != JsonType::kString) {
    fail(here + "/id", "expected a string");
  } else {
    member.id = std::string(id->text);
  }
  if (mastery == nullptr) return member;
  if (mastery->type != JsonType::kObject) {
    fail(here + "/mastery", "expected an object of item id -> number in [0, 1]");
    return member;
  }
  for (const JsonChild& c : doc.children(*mastery)) {
    const JsonNode& value = doc.node(c.node);
    if (value.type != JsonType::kNumber) {
      fail(internal::JsonPointer(here + "/mastery", c.key), "expected a number in [0, 1]");
      continue;
    }
    member.mastery[std::string(c.key)] = value.number;
  }
  return member;
}

}  // namespace

Result<std::vector<TeamMember>> ParseTeamMembers(std::string_view text) {
  JsonDocument doc;
  std::string syntax;
  if (!doc.Parse(text, &syntax)) return Status::InvalidArgument("not valid JSON");
  std::vector<FieldError> errors;
  auto fail = [&](const std::string& field, const std::string& message) {
    errors.push_back({field, message});
  };
  std::vector<TeamMember> members;
  const JsonNode& root = doc.root();
  if (root.type != JsonType::kArray) {
    fail("", "expected an array of {\"id\", \"mastery\"}");
  } else {
    size_t m = 0;
    for (const JsonChild& c : doc.children(root)) {
      const std::string here = "/" + std::to_string(m++);
      const JsonNode& entry = doc.node(c.node);
      if (entry.type != JsonType::kObject) {
        fail(here, "expected an object {\"id\", \"mastery\"}");
        continue;
      }
      members.push_back(ReadMember(doc, entry, here, fail));
    }
  }
  if (errors.empty()) return members;
  std::string message = "invalid team members:";
  for (const FieldError& e : errors) message += "\n  " + e.field + ": " + e.message;
  Status out = Status::InvalidArgument(message);
  for (const FieldError& e : errors) out.AddField(e.field, e.message);
  return out;
}

namespace {

void WriteMatch(Writer& w, const Catalog& c, const TeamMatchRequest& request,
                const TeamMatch& match) {
  const Item& item = c.item(match.item);
  w.BeginObject();
  w.Member("id", item.id);
  w.Member("title", item.title);
  w.Member("fit", match.fit);
  w.Key("terms");
  w.BeginObject();
  w.Member("goal_fit", match.goal_fit);
  w.Member("team_coverage", match.team_coverage);
  w.Member("experts", match.experts);
  w.Member("experts_share", match.experts_share);
  w.Member("ramp_up_hours", match.ramp_up_hours);
  w.Member("ramp_up", match.ramp_up);
  w.Member("difficulty_gap", match.difficulty_gap);
  w.EndObject();
  w.Member("attributes", item.attributes);
  w.Key("experts");
  w.BeginArray();
  for (const MemberGap& gap : match.members) {
    if (gap.expert) w.String(request.members[gap.member].id);
  }
  w.EndArray();
  w.Key("members");
  w.BeginArray();
  double training = 0;
  for (const MemberGap& gap : match.members) {
    w.BeginObject();
    w.Member("id", request.members[gap.member].id);
    w.Member("coverage", gap.coverage);
    w.Member("expert", gap.expert);
    w.Key("missing");
    w.BeginArray();
    for (const PlanStep& step : gap.plan.steps) {
      w.BeginObject();
      w.Member("id", c.item(step.item).id);
      w.Member("hours", step.hours);
      w.EndObject();
    }
    w.EndArray();
    w.Member("hours", gap.plan.total_hours);
    w.Key("inferred");
    WriteInferred(w, c, gap.plan.inferred);
    w.EndObject();
    training += gap.plan.total_hours;
  }
  w.EndArray();
  w.Member("training_hours", training);
  w.EndObject();
}

}  // namespace

void WriteTeamMatches(Writer& w, std::string_view catalog_id, const Catalog& c,
                      const ScoringProfile& profile, const TeamMatchRequest& request,
                      const std::vector<TeamMatch>& matches) {
  w.BeginObject();
  w.Member("catalog", catalog_id);
  w.Member("profile", profile.name);
  w.Key("items");
  w.BeginArray();
  for (const TeamMatch& match : matches) WriteMatch(w, c, request, match);
  w.EndArray();
  w.EndObject();
}

}  // namespace pathrank::json
