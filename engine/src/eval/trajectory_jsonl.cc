// The JSON-lines trajectory reader (format in trajectory.h).

#include <nlohmann/json.hpp>

#include "eval/trajectory_builder.h"
#include "pathrank/eval/trajectory.h"
#include "util/json_fields.h"
#include "util/text.h"

namespace pathrank {

namespace {

using nlohmann::json;

Status LineError(const std::string& where, const std::string& pointer, const std::string& what) {
  return Status::InvalidArgument(where + ": " + pointer + ": " + what);
}

Result<std::vector<std::pair<uint32_t, double>>> ParseGoals(const Catalog& catalog, const json& v,
                                                            const std::string& where) {
  std::vector<std::pair<uint32_t, double>> goals;
  auto add = [&](const std::string& id, double weight, const std::string& at) -> Status {
    auto goal = catalog.FindGoal(id);
    if (!goal) {
      return LineError(
          where, at,
          "unknown goal " + internal::Quoted(id) + " in catalog " + internal::Quoted(catalog.id()));
    }
    if (!(weight > 0 && weight <= kMaxGoalWeight)) {
      return LineError(where, at, "goal weight must be a number in (0, 100]");
    }
    goals.push_back({*goal, weight});
    return Status::Ok();
  };
  if (v.is_array()) {
    for (size_t g = 0; g < v.size(); ++g) {
      const std::string at = internal::JsonPointer("/goals", g);
      if (!v[g].is_string()) return LineError(where, at, "expected a goal id (string)");
      PATHRANK_RETURN_IF_ERROR(add(v[g].get<std::string>(), 1.0, at));
    }
  } else if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) {
      const std::string at = internal::JsonPointer("/goals", it.key());
      if (!it->is_number()) return LineError(where, at, "expected a weight (number)");
      PATHRANK_RETURN_IF_ERROR(add(it.key(), it->get<double>(), at));
    }
  } else {
    return LineError(where, "/goals", "expected an array of goal ids or an object id -> weight");
  }
  return goals;
}

}  // namespace

Result<std::vector<Trajectory>> ParseTrajectoriesJsonl(const Catalog& catalog,
                                                       std::string_view text,
                                                       std::string_view source) {
  internal::TrajectoryBuilder builder(catalog, source);
  size_t line = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view row = text.substr(start, end - start);
    start = end + 1;
    ++line;
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    if (row.find_first_not_of(" \t") == std::string_view::npos) continue;
    const std::string where = std::string(source) + ": line " + std::to_string(line);
    json doc = json::parse(row, nullptr, false);
    if (doc.is_discarded()) return Status::InvalidArgument(where + ": not a JSON document");
    if (!doc.is_object()) return Status::InvalidArgument(where + ": expected a JSON object");
    for (auto it = doc.begin(); it != doc.end(); ++it) {
      if (it.key() != "learner" && it.key() != "goals" && it.key() != "steps") {
        return LineError(where, internal::JsonPointer("", it.key()),
                         "unknown field; expected learner, goals, steps");
      }
    }
    if (!doc.contains("learner") || !doc["learner"].is_string() ||
        doc["learner"].get<std::string>().empty()) {
      return LineError(where, "/learner", "expected a non-empty string");
    }
    const std::string learner = doc["learner"].get<std::string>();
    std::vector<std::pair<uint32_t, double>> goals;
    if (doc.contains("goals")) {
      auto parsed = ParseGoals(catalog, doc["goals"], where);
      if (!parsed) return parsed.error();
      goals = std::move(*parsed);
    }
    if (!doc.contains("steps") || !doc["steps"].is_array()) {
      return LineError(where, "/steps", "expected an array of steps");
    }
    const json& steps = doc["steps"];
    for (size_t k = 0; k < steps.size(); ++k) {
      const std::string at = internal::JsonPointer("/steps", k);
      const json& s = steps[k];
      if (!s.is_object()) return LineError(where, at, "expected an object");
      for (auto it = s.begin(); it != s.end(); ++it) {
        if (it.key() != "item" && it.key() != "step" && it.key() != "mastery") {
          return LineError(where, internal::JsonPointer(at, it.key()),
                           "unknown field; expected item, step, mastery");
        }
      }
      if (!s.contains("item") || !s["item"].is_string()) {
        return LineError(where, at + "/item", "expected an item id (string)");
      }
      const std::string id = s["item"].get<std::string>();
      auto item = catalog.FindItem(id);
      if (!item) {
        return LineError(where, at + "/item",
                         "unknown item " + internal::Quoted(id) + " in catalog " +
                             internal::Quoted(catalog.id()));
      }
      TrajectoryStep step;
      step.item = *item;
      step.step = static_cast<int64_t>(k);
      if (s.contains("step")) {
        if (!s["step"].is_number_integer() || s["step"].get<int64_t>() < 0) {
          return LineError(where, at + "/step", "expected a non-negative integer");
        }
        step.step = s["step"].get<int64_t>();
      }
      if (s.contains("mastery")) {
        const json& m = s["mastery"];
        if (!m.is_number() || !(m.get<double>() >= 0 && m.get<double>() <= 1)) {
          return LineError(where, at + "/mastery", "expected a number in [0, 1]");
        }
        step.mastery = m.get<double>();
      }
      if (k == 0) step.goals = goals;
      PATHRANK_RETURN_IF_ERROR(builder.Add(learner, std::move(step), where + ": " + at));
    }
  }
  return builder.Finish();
}

}  // namespace pathrank
