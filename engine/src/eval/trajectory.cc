#include "pathrank/eval/trajectory.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>

#include "eval/trajectory_builder.h"
#include "util/csv.h"
#include "util/file_io.h"
#include "util/text.h"

namespace pathrank {

namespace {

// Column positions of a CSV header; -1 when absent.
struct Columns {
  int learner = -1, step = -1, item = -1, mastery = -1, goal = -1;
  size_t count = 0;
};

Status ParseHeader(const std::vector<internal::CsvField>& header, std::string_view where,
                   Columns* columns) {
  columns->count = header.size();
  for (size_t c = 0; c < header.size(); ++c) {
    const std::string name = internal::AsciiLower(header[c].text);
    int* slot = name == "learner"   ? &columns->learner
                : name == "step"    ? &columns->step
                : name == "item"    ? &columns->item
                : name == "mastery" ? &columns->mastery
                : name == "goal"    ? &columns->goal
                                    : nullptr;
    if (slot == nullptr) {
      return Status::InvalidArgument(std::string(where) + ", column " +
                                     std::to_string(header[c].column) + ": unknown column \"" +
                                     header[c].text +
                                     "\"; expected learner, step, item, mastery, goal");
    }
    if (*slot >= 0) {
      return Status::InvalidArgument(std::string(where) + ": column \"" + name +
                                     "\" appears twice");
    }
    *slot = static_cast<int>(c);
  }
  for (auto [slot, name] : {std::pair{columns->learner, "learner"},
                            std::pair{columns->step, "step"}, std::pair{columns->item, "item"}}) {
    if (slot < 0) {
      return Status::InvalidArgument(std::string(where) + ": header lacks the column \"" + name +
                                     "\" (expected learner,step,item[,mastery][,goal])");
    }
  }
  return Status::Ok();
}

}  // namespace

namespace internal {

Result<int64_t> ParseStepNumber(std::string_view text) {
  int64_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value < 0) {
    return Status::InvalidArgument("step \"" + std::string(text) +
                                   "\" is not a non-negative integer");
  }
  return value;
}

Result<double> ParseMastery(std::string_view text) {
  if (text.empty()) return 1.0;
  const std::string s(text);
  char* end = nullptr;
  const double value = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !std::isfinite(value) || value < 0 || value > 1) {
    return Status::InvalidArgument("mastery \"" + s + "\" is not a number in [0, 1]");
  }
  return value;
}

Result<std::vector<std::pair<uint32_t, double>>> ParseGoalList(const Catalog& catalog,
                                                               std::string_view text) {
  std::vector<std::pair<uint32_t, double>> goals;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(';', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view part = text.substr(start, end - start);
    start = end + 1;
    if (part.empty()) {
      if (end == text.size()) break;
      continue;
    }
    double weight = 1.0;
    std::string id(part);
    if (const size_t colon = part.find(':'); colon != std::string_view::npos) {
      id = std::string(part.substr(0, colon));
      const std::string w(part.substr(colon + 1));
      char* stop = nullptr;
      weight = std::strtod(w.c_str(), &stop);
      if (w.empty() || stop != w.c_str() + w.size() || !std::isfinite(weight) || weight <= 0 ||
          weight > kMaxGoalWeight) {
        return Status::InvalidArgument("goal weight \"" + w + "\" of \"" + id +
                                       "\" is not a number in (0, 100]");
      }
    }
    auto goal = catalog.FindGoal(id);
    if (!goal) {
      return Status::InvalidArgument("unknown goal " + Quoted(id) + " in catalog " +
                                     Quoted(catalog.id()));
    }
    goals.push_back({*goal, weight});
  }
  return goals;
}

}  // namespace internal

Result<std::vector<Trajectory>> ParseTrajectoriesCsv(const Catalog& catalog, std::string_view text,
                                                     std::string_view source) {
  internal::CsvReader reader(text);
  internal::TrajectoryBuilder builder(catalog, source);
  std::vector<internal::CsvField> row;
  Columns columns;
  bool have_header = false;
  while (reader.Next(&row)) {
    const std::string where = std::string(source) + ": line " + std::to_string(reader.line());
    if (row.size() == 1 && row[0].text.empty()) continue;  // blank line
    if (!row.empty() && !row[0].quoted && !row[0].text.empty() && row[0].text[0] == '#') continue;
    if (!have_header) {
      PATHRANK_RETURN_IF_ERROR(ParseHeader(row, where, &columns));
      have_header = true;
      continue;
    }
    if (row.size() != columns.count) {
      return Status::InvalidArgument(where + ": expected " + std::to_string(columns.count) +
                                     " fields, got " + std::to_string(row.size()));
    }
    auto field_error = [&](int column, const Status& s) {
      return Status::InvalidArgument(where + ", column " + std::to_string(row[column].column) +
                                     ": " + s.message());
    };
    const std::string& learner = row[columns.learner].text;
    if (learner.empty()) {
      return field_error(columns.learner, Status::InvalidArgument("empty learner id"));
    }
    auto step = internal::ParseStepNumber(row[columns.step].text);
    if (!step) return field_error(columns.step, step.error());
    const std::string& item_id = row[columns.item].text;
    auto item = catalog.FindItem(item_id);
    if (!item) {
      return field_error(columns.item,
                         Status::InvalidArgument("unknown item " + internal::Quoted(item_id) +
                                                 " in catalog " + internal::Quoted(catalog.id())));
    }
    TrajectoryStep s;
    s.step = *step;
    s.item = *item;
    if (columns.mastery >= 0) {
      auto mastery = internal::ParseMastery(row[columns.mastery].text);
      if (!mastery) return field_error(columns.mastery, mastery.error());
      s.mastery = *mastery;
    }
    if (columns.goal >= 0) {
      auto goals = internal::ParseGoalList(catalog, row[columns.goal].text);
      if (!goals) return field_error(columns.goal, goals.error());
      s.goals = std::move(*goals);
    }
    PATHRANK_RETURN_IF_ERROR(builder.Add(learner, std::move(s), where));
  }
  if (!reader.error().empty()) {
    return Status::InvalidArgument(std::string(source) + ": line " + std::to_string(reader.line()) +
                                   ": " + reader.error());
  }
  if (!have_header) {
    return Status::InvalidArgument(std::string(source) +
                                   ": empty; expected a header learner,step,item[,mastery][,goal]");
  }
  return builder.Finish();
}

Result<std::vector<Trajectory>> LoadTrajectoriesFile(const Catalog& catalog,
                                                     const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text) return text.error();
  const auto ends_with = [&](std::string_view suffix) {
    return path.size() >= suffix.size() &&
           path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends_with(".jsonl") || ends_with(".ndjson")) {
    return ParseTrajectoriesJsonl(catalog, *text, path);
  }
  return ParseTrajectoriesCsv(catalog, *text, path);
}

std::string FormatTrajectoriesCsv(const Catalog& catalog,
                                  const std::vector<Trajectory>& trajectories) {
  std::string out = "learner,step,item,mastery,goal\n";
  char buffer[32];
  for (const Trajectory& t : trajectories) {
    const std::string learner = internal::CsvQuote(t.learner);
    for (const TrajectoryStep& s : t.steps) {
      out += learner;
      out += ',';
      out += std::to_string(s.step);
      out += ',';
      out += catalog.item(s.item).id;
      out += ',';
      std::snprintf(buffer, sizeof(buffer), "%.4g", s.mastery);
      out += buffer;
      out += ',';
      for (size_t g = 0; g < s.goals.size(); ++g) {
        if (g > 0) out += ';';
        out += catalog.goals()[s.goals[g].first].id;
        if (s.goals[g].second != 1.0) {
          std::snprintf(buffer, sizeof(buffer), ":%.6g", s.goals[g].second);
          out += buffer;
        }
      }
      out += '\n';
    }
  }
  return out;
}

size_t CountSteps(const std::vector<Trajectory>& trajectories) {
  size_t n = 0;
  for (const Trajectory& t : trajectories) n += t.steps.size();
  return n;
}

}  // namespace pathrank
