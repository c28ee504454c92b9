#include "metacademy_content.h"

#include <algorithm>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include "../common/plugin_kit.h"
#include "../common/text_lines.h"
#include "util/csv.h"

namespace pathrank::plugin {

namespace {

namespace fs = std::filesystem;
using internal::TrimSpaces;

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string At(const std::string& file, size_t line) {
  return file + " line " + std::to_string(line);
}

// The content of <dir>/<name> with its surrounding whitespace trimmed; ""
// when the file is absent.
std::string ReadOptional(const fs::path& dir, const char* name) {
  std::error_code ec;
  const fs::path file = dir / name;
  if (!fs::is_regular_file(file, ec)) return "";
  const std::string text = ReadWholeFile(file.string());
  std::string_view view = text;
  if (view.starts_with("\xEF\xBB\xBF")) view.remove_prefix(3);
  while (!view.empty() && (view.front() == ' ' || view.front() == '\n' || view.front() == '\r' ||
                           view.front() == '\t'))
    view.remove_prefix(1);
  while (!view.empty() &&
         (view.back() == ' ' || view.back() == '\n' || view.back() == '\r' || view.back() == '\t'))
    view.remove_suffix(1);
  return std::string(view);
}

// Non-comment, non-blank lines of <dir>/<name> (goals.txt, flags.txt,
// concepts.txt), with their numbers; none when the file is absent.
std::vector<std::pair<size_t, std::string>> ListLines(const fs::path& dir, const char* name,
                                                      const std::string& file,
                                                      const pr_sink* sink) {
  std::vector<std::pair<size_t, std::string>> out;
  std::error_code ec;
  if (!fs::is_regular_file(dir / name, ec)) return out;
  const std::string text = ReadWholeFile((dir / name).string());
  for (const TextLine& line : SplitLines(text, file, sink)) {
    const std::string_view t = TrimSpaces(line.text);
    if (t.empty() || t.front() == '#') continue;
    out.emplace_back(line.number, std::string(t));
  }
  return out;
}

std::vector<std::string> SortedDirectories(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
    if (e.is_directory()) names.push_back(e.path().filename().string());
  }
  if (ec) throw PluginError(PR_ERR_IO, "cannot list " + dir.string() + ": " + ec.message());
  std::sort(names.begin(), names.end());
  return names;
}

ItemRecord ReadConcept(const fs::path& dir, const std::string& tag, Defects* defects,
                       const pr_sink* sink) {
  const std::string rel = "concepts/" + tag;
  ItemRecord item;
  item.where = rel;
  item.raw_id = tag;
  item.id = NormalizeTag(tag);
  item.title = ReadOptional(dir, "title.txt");
  if (item.title.empty()) {
    Log(sink, PR_LOG_WARNING, rel + "/title.txt: absent or empty; the title is the tag");
    item.title = tag;
  }
  item.summary = ReadOptional(dir, "summary.txt");
  item.stage = "concepts";
  item.hours = kConceptHours;
  item.source = "metacademy concept " + tag;
  item.attributes.emplace_back("metacademy_id", ReadOptional(dir, "id.txt"));
  std::string objectives;
  for (const auto& [n, text] : ListLines(dir, "goals.txt", rel + "/goals.txt", sink)) {
    std::string_view bullet = text;
    if (bullet.starts_with("*") || bullet.starts_with("-")) bullet = TrimSpaces(bullet.substr(1));
    objectives += (objectives.empty() ? "" : "\n") + std::string(bullet);
  }
  if (!objectives.empty()) item.attributes.emplace_back("objectives", objectives);
  std::string flags;
  for (const auto& [n, text] : ListLines(dir, "flags.txt", rel + "/flags.txt", sink)) {
    flags += (flags.empty() ? "" : ", ") + text;
  }
  if (!flags.empty()) item.attributes.emplace_back("flags", flags);
  const std::string deps_file = rel + "/dependencies.txt";
  std::error_code ec;
  if (fs::is_regular_file(dir / "dependencies.txt", ec)) {
    item.clauses = ParseDependencies(ReadWholeFile((dir / "dependencies.txt").string()), deps_file,
                                     defects, sink);
  }
  return item;
}

GoalRecord ReadCourse(const fs::path& dir, const std::string& name,
                      const std::unordered_set<std::string>& concepts, Defects* defects,
                      const pr_sink* sink) {
  const std::string file = "courses/" + name + "/concepts.txt";
  GoalRecord goal;
  goal.where = "courses/" + name;
  goal.id = NormalizeTag(name);
  goal.title = ReadOptional(dir, "title.txt");
  if (goal.title.empty()) goal.title = name;
  goal.summary = "The concepts of Metacademy's " + goal.title + " course.";
  for (const auto& [n, text] : ListLines(dir, "concepts.txt", file, sink)) {
    const std::string id = NormalizeTag(text);
    if (!concepts.count(id)) {
      defects->Add(At(file, n) + " (goal " + Quoted(goal.id) + ")",
                   "concept " + Quoted(text) + " names no concept", "the target");
      continue;
    }
    goal.items.emplace_back(id, 1.0);
  }
  return goal;
}

}  // namespace

std::string NormalizeTag(std::string_view tag) {
  std::string out(TrimSpaces(tag));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '-' || c == ' ') c = '_';
  }
  return out;
}

std::vector<ClauseRecord> ParseDependencies(std::string_view text, const std::string& file,
                                            Defects* defects, const pr_sink* sink) {
  std::vector<ClauseRecord> clauses;
  bool open = false, has_reason = false, has_shortcut = false;
  for (const TextLine& line : SplitLines(text, file, sink)) {
    const std::string_view t = TrimSpaces(line.text);
    if (t.empty()) {
      open = false;  // a blank line ends the block
      continue;
    }
    if (t.front() == '#') continue;
    const std::string at = At(file, line.number);
    const size_t colon = t.find(':');
    const std::string_view key =
        colon == std::string_view::npos ? "" : TrimSpaces(t.substr(0, colon));
    const std::string_view value =
        colon == std::string_view::npos ? "" : TrimSpaces(t.substr(colon + 1));
    if (key == "tag") {
      if (value.empty()) {
        defects->Add(at, "tag: without a value", "the line");
        open = false;
        continue;
      }
      ClauseRecord clause;
      clause.any_of = {NormalizeTag(value)};
      clause.where = at;
      clauses.push_back(std::move(clause));
      open = true;
      has_reason = has_shortcut = false;
    } else if ((key == "reason" || key == "shortcut") && !open) {
      defects->Add(at, std::string(key) + ": outside a block (no tag: line before it)", "the line");
    } else if (key == "reason") {
      if (has_reason) {
        defects->Add(at, "a second reason: in the block of " + Quoted(clauses.back().any_of[0]),
                     "the line");
        continue;
      }
      has_reason = true;
      clauses.back().note = std::string(value);
    } else if (key == "shortcut") {
      if (has_shortcut || (value != "0" && value != "1")) {
        defects->Add(at,
                     has_shortcut
                         ? "a second shortcut: in the block of " + Quoted(clauses.back().any_of[0])
                         : "shortcut: " + Quoted(value) + " is neither 0 nor 1",
                     "the line");
        continue;
      }
      has_shortcut = true;
      if (value == "1") clauses.back().weight = kShortcutWeight;
    } else {
      defects->Add(at, "unrecognised line " + Quoted(t) + " (expected tag:, reason: or shortcut:)",
                   "the line");
    }
  }
  for (ClauseRecord& clause : clauses) {
    if (clause.weight == kShortcutWeight) {
      clause.note = clause.note.empty() ? "shortcut: a shortcut of it is enough"
                                        : clause.note + " (shortcut: a shortcut of it is enough)";
    }
  }
  return clauses;
}

CatalogRecords ReadMetacademy(const MetacademyOptions& o, Defects* defects, const pr_sink* sink) {
  const fs::path root(o.path);
  std::error_code ec;
  if (!fs::is_directory(root / "concepts", ec)) {
    throw PluginError(PR_ERR_NOT_FOUND, o.path +
                                            ": no concepts/ folder (is it the Metacademy "
                                            "content repository?)");
  }
  CatalogRecords records;
  records.id = "metacademy";
  records.title = "Metacademy: machine learning and mathematics";
  records.summary =
      "Machine learning, probability, statistics and mathematics concepts of Metacademy "
      "(metacademy.org), each with the concepts it builds on.";
  std::unordered_set<std::string> concepts;
  for (const std::string& tag : SortedDirectories(root / "concepts")) {
    const fs::path dir = root / "concepts" / tag;
    if (!fs::is_regular_file(dir / "id.txt", ec)) {
      Log(sink, PR_LOG_WARNING,
          "concepts/" + tag +
              ": no id.txt, so not a published concept (the format's example); "
              "the folder is skipped");
      continue;
    }
    records.items.push_back(ReadConcept(dir, tag, defects, sink));
    concepts.insert(records.items.back().id);
  }
  if (fs::is_directory(root / "courses", ec)) {
    for (const std::string& name : SortedDirectories(root / "courses")) {
      records.goals.push_back(ReadCourse(root / "courses" / name, name, concepts, defects, sink));
    }
  }
  return records;
}

void AssignDepthDifficulty(CatalogRecords* records) {
  std::unordered_map<std::string, size_t> index;
  for (size_t i = 0; i < records->items.size(); ++i) index.emplace(records->items[i].id, i);
  std::vector<int> depth(records->items.size(), -1);
  // Iterative depth-first computation (the graph is acyclic).
  for (size_t root = 0; root < depth.size(); ++root) {
    std::vector<size_t> stack = {root};
    while (!stack.empty()) {
      const size_t i = stack.back();
      if (depth[i] >= 0) {
        stack.pop_back();
        continue;
      }
      bool ready = true;
      int d = 0;
      for (const ClauseRecord& c : records->items[i].clauses) {
        if (c.type != PR_CLAUSE_REQUIRES) continue;
        for (const std::string& alt : c.any_of) {
          const size_t j = index.at(alt);
          if (depth[j] < 0) {
            stack.push_back(j);
            ready = false;
          } else {
            d = std::max(d, depth[j] + 1);
          }
        }
      }
      if (ready) {
        depth[i] = d;
        stack.pop_back();
      }
    }
  }
  const int max_depth = depth.empty() ? 0 : *std::max_element(depth.begin(), depth.end());
  for (size_t i = 0; i < depth.size(); ++i) {
    records->items[i].difficulty = max_depth == 0 ? 1 : 1 + (4 * depth[i]) / max_depth;
  }
}

}  // namespace pathrank::plugin
