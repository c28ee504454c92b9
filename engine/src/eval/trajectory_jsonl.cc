// The JSON-lines trajectory reader (format in trajectory.h).

#include "eval/trajectory_builder.h"
#include "pathrank/eval/trajectory.h"
#include "util/json/json_document.h"
#include "util/json_fields.h"
#include "util/text.h"

namespace pathrank {

namespace {

using json::JsonChild;
using json::JsonDocument;
using json::JsonNode;
using json::JsonType;

Status LineError(const std::string& where, const std::string& pointer, const std::string& what) {
  return Status::InvalidArgument(where + ": " + pointer + ": " + what);
}

Result<std::vector<std::pair<uint32_t, double>>> ParseGoals(const Catalog& catalog,
                                                            const JsonDocument& doc,
                                                            const JsonNode& v,
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
  if (v.type == JsonType::kArray) {
    size_t g = 0;
    for (const JsonChild& c : doc.children(v)) {
      const JsonNode& id = doc.node(c.node);
      const std::string at = internal::JsonPointer("/goals", g++);
      if (id.type != JsonType::kString) return LineError(where, at, "expected a goal id (string)");
      PATHRANK_RETURN_IF_ERROR(add(std::string(id.text), 1.0, at));
    }
  } else if (v.type == JsonType::kObject) {
    for (const JsonChild& m : doc.SortedMembers(v)) {
      const JsonNode& weight = doc.node(m.node);
      const std::string at = internal::JsonPointer("/goals", m.key);
      if (weight.type != JsonType::kNumber) {
        return LineError(where, at, "expected a weight (number)");
      }
      PATHRANK_RETURN_IF_ERROR(add(std::string(m.key), weight.number, at));
    }
  } else {
    return LineError(where, "/goals", "expected an array of goal ids or an object id -> weight");
  }
  return goals;
}

// Reads step `k` (at `at`) of a line's "steps" into `step`.
Status ParseStep(const Catalog& catalog, const JsonDocument& doc, const JsonNode& s, size_t k,
                 const std::string& where, const std::string& at, TrajectoryStep* step) {
  if (s.type != JsonType::kObject) return LineError(where, at, "expected an object");
  for (const JsonChild& m : doc.SortedMembers(s)) {
    if (m.key != "item" && m.key != "step" && m.key != "mastery") {
      return LineError(where, internal::JsonPointer(at, m.key),
                       "unknown field; expected item, step, mastery");
    }
  }
  const JsonNode* item_id = doc.Find(s, "item");
  if (item_id == nullptr || item_id->type != JsonType::kString) {
    return LineError(where, at + "/item", "expected an item id (string)");
  }
  auto item = catalog.FindItem(item_id->text);
  if (!item) {
    return LineError(where, at + "/item",
                     "unknown item " + internal::Quoted(item_id->text) + " in catalog " +
                         internal::Quoted(catalog.id()));
  }
  step->item = *item;
  step->step = static_cast<int64_t>(k);
  if (const JsonNode* n = doc.Find(s, "step")) {
    // An integer of int64 (one beyond it read as negative before).
    if (n->type != JsonType::kNumber || !n->integral || n->number < 0 ||
        n->number >= 9223372036854775808.0) {
      return LineError(where, at + "/step", "expected a non-negative integer");
    }
    step->step = static_cast<int64_t>(n->number);
  }
  if (const JsonNode* m = doc.Find(s, "mastery")) {
    if (m->type != JsonType::kNumber || !(m->number >= 0 && m->number <= 1)) {
      return LineError(where, at + "/mastery", "expected a number in [0, 1]");
    }
    step->mastery = m->number;
  }
  return Status::Ok();
}

// Reads one non-blank line (`where` names it) into `builder`.
Status ParseLine(const Catalog& catalog, std::string_view row, const std::string& where,
                 JsonDocument* doc, internal::TrajectoryBuilder* builder) {
  std::string error;
  if (!doc->Parse(row, &error)) return Status::InvalidArgument(where + ": not a JSON document");
  const JsonNode& root = doc->root();
  if (root.type != JsonType::kObject) {
    return Status::InvalidArgument(where + ": expected a JSON object");
  }
  for (const JsonChild& m : doc->SortedMembers(root)) {
    if (m.key != "learner" && m.key != "goals" && m.key != "steps") {
      return LineError(where, internal::JsonPointer("", m.key),
                       "unknown field; expected learner, goals, steps");
    }
  }
  const JsonNode* learner = doc->Find(root, "learner");
  if (learner == nullptr || learner->type != JsonType::kString || learner->text.empty()) {
    return LineError(where, "/learner", "expected a non-empty string");
  }
  std::vector<std::pair<uint32_t, double>> goals;
  if (const JsonNode* g = doc->Find(root, "goals")) {
    auto parsed = ParseGoals(catalog, *doc, *g, where);
    if (!parsed) return parsed.error();
    goals = std::move(*parsed);
  }
  const JsonNode* steps = doc->Find(root, "steps");
  if (steps == nullptr || steps->type != JsonType::kArray) {
    return LineError(where, "/steps", "expected an array of steps");
  }
  size_t k = 0;
  for (const JsonChild& c : doc->children(*steps)) {
    const std::string at = internal::JsonPointer("/steps", k);
    TrajectoryStep step;
    PATHRANK_RETURN_IF_ERROR(ParseStep(catalog, *doc, doc->node(c.node), k, where, at, &step));
    if (k == 0) step.goals = goals;
    PATHRANK_RETURN_IF_ERROR(
        builder->Add(std::string(learner->text), std::move(step), where + ": " + at));
    ++k;
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<Trajectory>> ParseTrajectoriesJsonl(const Catalog& catalog,
                                                       std::string_view text,
                                                       std::string_view source) {
  internal::TrajectoryBuilder builder(catalog, source);
  JsonDocument doc;  // reused line after line
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
    PATHRANK_RETURN_IF_ERROR(ParseLine(catalog, row, where, &doc, &builder));
  }
  return builder.Finish();
}

}  // namespace pathrank
