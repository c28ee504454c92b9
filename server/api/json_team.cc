#include "api/json_team.h"

namespace pathrank::json {

using nlohmann::json;
using nlohmann::ordered_json;

namespace {

std::string Pointer(const std::string& base, const std::string& token) {
  std::string out = base + "/";
  for (char ch : token) {
    if (ch == '~') {
      out += "~0";
    } else if (ch == '/') {
      out += "~1";
    } else {
      out += ch;
    }
  }
  return out;
}

}  // namespace

Result<std::vector<TeamMember>> ParseTeamMembers(const json& value, const std::string& at) {
  Status errors = Status::InvalidArgument("invalid team members");
  bool failed = false;
  auto fail = [&](const std::string& field, const std::string& message) {
    errors.AddField(field, message);
    failed = true;
  };
  std::vector<TeamMember> members;
  if (!value.is_array()) {
    fail(at, "expected an array of {\"id\", \"mastery\"}");
    return errors;
  }
  for (size_t m = 0; m < value.size(); ++m) {
    const std::string here = at + "/" + std::to_string(m);
    const json& entry = value[m];
    if (!entry.is_object()) {
      fail(here, "expected an object {\"id\", \"mastery\"}");
      continue;
    }
    TeamMember member;
    for (auto it = entry.begin(); it != entry.end(); ++it) {
      if (it.key() != "id" && it.key() != "mastery") fail(Pointer(here, it.key()), "unknown field");
    }
    auto id = entry.find("id");
    if (id == entry.end() || !id->is_string()) {
      fail(here + "/id", "expected a string");
    } else {
      member.id = id->get<std::string>();
    }
    auto mastery = entry.find("mastery");
    if (mastery != entry.end()) {
      if (!mastery->is_object()) {
        fail(here + "/mastery", "expected an object of item id -> number in [0, 1]");
      } else {
        for (auto it = mastery->begin(); it != mastery->end(); ++it) {
          if (!it->is_number()) {
            fail(Pointer(here + "/mastery", it.key()), "expected a number in [0, 1]");
            continue;
          }
          member.mastery[it.key()] = it->get<double>();
        }
      }
    }
    members.push_back(std::move(member));
  }
  if (failed) {
    std::string message = "invalid team members:";
    for (const FieldError& e : errors.fields()) message += "\n  " + e.field + ": " + e.message;
    Status out = Status::InvalidArgument(message);
    for (const FieldError& e : errors.fields()) out.AddField(e.field, e.message);
    return out;
  }
  return members;
}

ordered_json TeamMatchesToJson(const Catalog& c, const ScoringProfile& profile,
                               const TeamMatchRequest& request,
                               const std::vector<TeamMatch>& matches) {
  ordered_json items = ordered_json::array();
  for (const TeamMatch& match : matches) {
    const Item& item = c.item(match.item);
    ordered_json experts = ordered_json::array();
    ordered_json members = ordered_json::array();
    double training = 0;
    for (const MemberGap& gap : match.members) {
      const std::string& id = request.members[gap.member].id;
      if (gap.expert) experts.push_back(id);
      ordered_json missing = ordered_json::array();
      for (const PlanStep& step : gap.plan.steps) {
        missing.push_back({{"id", c.item(step.item).id}, {"hours", step.hours}});
      }
      members.push_back({{"id", id},
                         {"coverage", gap.coverage},
                         {"expert", gap.expert},
                         {"missing", std::move(missing)},
                         {"hours", gap.plan.total_hours}});
      training += gap.plan.total_hours;
    }
    ordered_json attributes = ordered_json::object();
    for (const auto& [key, value] : item.attributes) attributes[key] = value;
    items.push_back({{"id", item.id},
                     {"title", item.title},
                     {"fit", match.fit},
                     {"terms",
                      {{"goal_fit", match.goal_fit},
                       {"team_coverage", match.team_coverage},
                       {"experts", match.experts},
                       {"experts_share", match.experts_share},
                       {"ramp_up_hours", match.ramp_up_hours},
                       {"ramp_up", match.ramp_up},
                       {"difficulty_gap", match.difficulty_gap}}},
                     {"attributes", std::move(attributes)},
                     {"experts", std::move(experts)},
                     {"members", std::move(members)},
                     {"training_hours", training}});
  }
  return {{"catalog", c.id()}, {"profile", profile.name}, {"items", std::move(items)}};
}

}  // namespace pathrank::json
