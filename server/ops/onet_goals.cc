#include "ops/onet_goals.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "util/file_io.h"

namespace pathrank::ops {

namespace {

constexpr const char* kSkills = "Technology Skills.txt";
constexpr const char* kOccupations = "Occupation Data.txt";

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The lines of a tab-separated text, each split into fields (CR dropped).
std::vector<std::vector<std::string>> Rows(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  while (!text.empty()) {
    const size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::vector<std::string> fields;
    size_t start = 0;
    for (size_t tab; (tab = line.find('\t', start)) != std::string_view::npos; start = tab + 1)
      fields.emplace_back(line.substr(start, tab - start));
    fields.emplace_back(line.substr(start));
    rows.push_back(std::move(fields));
  }
  return rows;
}

std::string At(const char* file, size_t line) {
  return std::string(file) + " line " + std::to_string(line);
}

// technology (lower) -> item id: the alias table, then ids, titles, aliases.
Result<std::unordered_map<std::string, std::string>> ReadAliases(const CatalogSpec& base,
                                                                 const std::string& path) {
  std::unordered_map<std::string, std::string> out;
  std::set<std::string> ids;
  for (const ItemSpec& item : base.items) ids.insert(item.id);
  if (!path.empty()) {
    auto text = ReadFile(path);
    if (!text) return text.error();
    const std::string file = std::filesystem::path(path).filename().string();
    const auto rows = Rows(*text);
    for (size_t i = 0; i < rows.size(); ++i) {
      const auto& r = rows[i];
      if (r.size() == 1 && (r[0].empty() || r[0][0] == '#')) continue;
      const std::string where = file + " line " + std::to_string(i + 1);
      if (r.size() != 2 || r[0].empty())
        return Status::InvalidArgument(where + ": expected \"technology<TAB>item id\"");
      if (!ids.count(r[1]))
        return Status::InvalidArgument(where + ": item \"" + r[1] + "\" is not in catalog " +
                                       base.id);
      if (!out.emplace(Lower(r[0]), r[1]).second)
        return Status::InvalidArgument(where + ": technology \"" + r[0] + "\" is listed twice");
    }
  }
  for (const ItemSpec& item : base.items) {
    out.emplace(Lower(item.id), item.id);
    out.emplace(Lower(item.title), item.id);
    for (const std::string& alias : item.aliases) out.emplace(Lower(alias), item.id);
  }
  return out;
}

Result<std::map<std::string, std::string>> ReadOccupations(const std::string& dir,
                                                           std::vector<std::string>* warnings) {
  auto text = ReadFile(dir + "/" + kOccupations);
  if (!text) return text.error();
  std::map<std::string, std::string> titles;
  const auto rows = Rows(*text);
  for (size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].size() == 1 && rows[i][0].empty()) continue;
    if (rows[i].size() != 3 || !IsOnetCode(rows[i][0])) {
      warnings->push_back(At(kOccupations, i + 1) + ": expected code, title, description; skipped");
      continue;
    }
    titles.emplace(rows[i][0], rows[i][1]);
  }
  return titles;
}

double Weight(bool hot, bool in_demand) {
  return hot && in_demand ? 1.0 : hot || in_demand ? 0.75 : 0.5;
}

}  // namespace

std::string OnetGoalId(const std::string& code) { return "onet-" + code; }

bool IsOnetCode(const std::string& code) {
  if (code.size() != 10) return false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char want = i == 2 ? '-' : i == 7 ? '.' : '0';
    if (want == '0' ? !std::isdigit(static_cast<unsigned char>(code[i])) : code[i] != want)
      return false;
  }
  return true;
}

namespace {

// What the technology rows add up to.
struct Tally {
  std::map<std::string, std::map<std::string, double>> goals;  // code -> item -> weight
  std::map<std::string, UnmappedTechnology> unmapped;
  std::set<std::pair<std::string, std::string>> seen;  // (code, technology)
  std::set<std::string> occupations;
};

// One row of Technology Skills.txt (at `where`) into `tally`; defects into
// out->warnings.
void ReadSkillRow(const std::vector<std::string>& r, const std::string& where,
                  const std::map<std::string, std::string>& titles,
                  const std::unordered_map<std::string, std::string>& aliases, Tally* tally,
                  OnetImport* out) {
  if (r.size() != 6 || !IsOnetCode(r[0]) || r[1].empty()) {
    out->warnings.push_back(where +
                            ": expected code, example, commodity code, commodity title, "
                            "hot technology, in demand; skipped");
    return;
  }
  if ((r[4] != "Y" && r[4] != "N") || (r[5] != "Y" && r[5] != "N")) {
    out->warnings.push_back(where + ": Hot Technology and In Demand must be Y or N, got \"" + r[4] +
                            "\", \"" + r[5] + "\"; read as N");
  }
  if (!titles.count(r[0])) {
    out->warnings.push_back(where + ": occupation " + r[0] + " is not in " + kOccupations +
                            "; skipped");
    return;
  }
  if (!tally->seen.emplace(r[0], r[1]).second) {
    out->warnings.push_back(where + ": " + r[0] + " lists \"" + r[1] + "\" again; counted once");
    return;
  }
  ++out->rows;
  tally->occupations.insert(r[0]);
  const bool hot = r[4] == "Y", in_demand = r[5] == "Y";
  auto it = aliases.find(Lower(r[1]));
  if (it == aliases.end()) {
    UnmappedTechnology& u = tally->unmapped[r[1]];
    u.name = r[1];
    ++u.occupations;
    u.hot += hot;
    return;
  }
  ++out->mapped_rows;
  double& w = tally->goals[r[0]][it->second];
  w = std::max(w, Weight(hot, in_demand));
}

// The goals of the occupations with at least `min_items` items, appended
// to out->catalog; the unmapped technologies, most used first.
void AddGoals(Tally& tally, const std::map<std::string, std::string>& titles, size_t min_items,
              OnetImport* out) {
  out->occupations = tally.occupations.size();
  out->too_few_items = out->occupations - tally.goals.size();
  for (const auto& [code, items] : tally.goals) {
    if (items.size() < min_items) {
      ++out->too_few_items;
      continue;
    }
    GoalSpec goal;
    goal.id = OnetGoalId(code);
    goal.title = titles.at(code);
    goal.summary = "O*NET occupation " + code +
                   ": the technologies it uses that this catalog "
                   "teaches, weighted by the Hot Technology and In Demand flags.";
    goal.items = items;
    out->catalog.goals.push_back(std::move(goal));
    ++out->goals;
  }
  for (auto& [name, u] : tally.unmapped) out->unmapped.push_back(std::move(u));
  std::stable_sort(out->unmapped.begin(), out->unmapped.end(),
                   [](const UnmappedTechnology& a, const UnmappedTechnology& b) {
                     return a.occupations > b.occupations;
                   });
}

}  // namespace

Result<OnetImport> ImportOnetGoals(const CatalogSpec& base, const OnetOptions& o) {
  for (const GoalSpec& g : base.goals) {
    if (g.id.starts_with("onet-"))
      return Status::InvalidArgument("catalog " + base.id + " already has O*NET goal \"" + g.id +
                                     "\"");
  }
  auto aliases = ReadAliases(base, o.aliases_path);
  if (!aliases) return aliases.error();
  OnetImport out;
  auto titles = ReadOccupations(o.dir, &out.warnings);
  if (!titles) return titles.error();
  auto text = ReadFile(o.dir + "/" + kSkills);
  if (!text) return text.error();
  Tally tally;
  const auto rows = Rows(*text);
  for (size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].size() == 1 && rows[i][0].empty()) continue;
    ReadSkillRow(rows[i], At(kSkills, i + 1), *titles, *aliases, &tally, &out);
  }
  out.catalog = base;
  AddGoals(tally, *titles, o.min_items, &out);
  return out;
}

}  // namespace pathrank::ops
