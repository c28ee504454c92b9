#include "ossu_curriculum.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "../common/plugin_kit.h"
#include "../common/text_lines.h"
#include "ossu_prerequisites.h"
#include "util/csv.h"

namespace pathrank::plugin {

namespace {

using internal::TrimSpaces;

constexpr double kDefaultWeeks = 4;
constexpr double kDefaultHoursPerWeek = 5;
constexpr double kElectiveWeight = 0.5;
constexpr double kIntroFirstWeight = 1.0;

std::string Quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Lower-case ASCII letters and digits; each other run -> one '-'.
std::string Slug(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += c;
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.substr(0, 128);
}

std::vector<std::string> Cells(std::string_view line) {
  line = TrimSpaces(line);
  if (line.starts_with("|")) line.remove_prefix(1);
  if (line.ends_with("|")) line.remove_suffix(1);
  std::vector<std::string> cells;
  size_t start = 0;
  while (true) {
    const size_t bar = line.find('|', start);
    cells.emplace_back(TrimSpaces(line.substr(start, bar - start)));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return cells;
}

// The midpoint of the numbers in `text` ("10-12 weeks" -> 11); < 0 when
// it has none.
double Midpoint(std::string_view text) {
  std::vector<double> numbers;
  for (size_t i = 0; i < text.size();) {
    if (text[i] < '0' || text[i] > '9') {
      ++i;
      continue;
    }
    double n = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') n = n * 10 + (text[i++] - '0');
    numbers.push_back(n);
  }
  return numbers.empty() ? -1 : (numbers.front() + numbers.back()) / 2;
}

struct Row {
  size_t line = 0;
  std::string h2, h3;
  std::map<std::string, std::string> cells;  // lower-cased header -> cell
  int alternative_set = -1;
};

// The course title and URL of the first cell: its first link, else its text.
std::pair<std::string, std::string> TitleAndUrl(std::string_view cell) {
  const size_t open = cell.find('[');
  const size_t close = open == std::string_view::npos ? open : cell.find("](", open);
  const size_t end = close == std::string_view::npos ? close : cell.find(')', close);
  if (end == std::string_view::npos) return {std::string(TrimSpaces(cell)), ""};
  return {std::string(TrimSpaces(cell.substr(open + 1, close - open - 1))),
          std::string(cell.substr(close + 2, end - close - 2))};
}

// The table rows of the file, with their sections.
std::vector<Row> ReadRows(std::string_view text, const std::string& file, Defects* defects,
                          const pr_sink* sink) {
  const std::vector<TextLine> lines = SplitLines(text, file, sink);
  std::vector<Row> rows;
  std::string h2, h3;
  bool choose_one = false;
  int alternative_sets = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view t = TrimSpaces(lines[i].text);
    if (t.starts_with("#")) {
      const size_t level = t.find_first_not_of('#');
      const std::string title(TrimSpaces(t.substr(level)));
      if (level <= 2) h2 = level == 2 ? title : "";
      h3 = level == 3 ? title : "";
      choose_one = false;
      continue;
    }
    const std::vector<std::string> header = Cells(t);
    const bool is_header = t.find('|') != std::string_view::npos &&
                           OssuPrerequisiteIndex::Normalize(header[0]) == "courses" &&
                           i + 1 < lines.size() && TrimSpaces(lines[i + 1].text).starts_with(":-");
    if (!is_header) {
      if (OssuPrerequisiteIndex::Normalize(t).find("choose one") != std::string::npos)
        choose_one = true;
      continue;
    }
    const int set = choose_one ? alternative_sets++ : -1;
    choose_one = false;
    for (i += 2; i < lines.size() && lines[i].text.find('|') != std::string_view::npos; ++i) {
      const std::string where = file + " line " + std::to_string(lines[i].number);
      const std::vector<std::string> cells = Cells(lines[i].text);
      if (cells.size() != header.size()) {
        defects->Add(where,
                     "the row has " + std::to_string(cells.size()) + " cells, its header " +
                         std::to_string(header.size()),
                     "the row");
        continue;
      }
      Row row{lines[i].number, h2, h3, {}, set};
      for (size_t k = 0; k < cells.size(); ++k)
        row.cells[OssuPrerequisiteIndex::Normalize(header[k])] = cells[k];
      rows.push_back(std::move(row));
    }
    --i;  // the line that ended the table is read again
  }
  return rows;
}

int SectionDifficulty(const std::string& h2) {
  const std::string s = OssuPrerequisiteIndex::Normalize(h2);
  return s == "intro cs"        ? 1
         : s == "core cs"       ? 2
         : s == "advanced cs"   ? 3
         : s == "final project" ? 4
                                : 2;
}

double Hours(const Row& row, const std::string& ref, const pr_sink* sink) {
  const std::string duration = row.cells.count("duration") ? row.cells.at("duration") : "";
  const std::string effort = row.cells.count("effort") ? row.cells.at("effort") : "";
  double weeks = Midpoint(duration);
  double per_week = Midpoint(effort);
  if (weeks > 0 && OssuPrerequisiteIndex::Normalize(duration).find("month") != std::string::npos)
    weeks *= 4;
  if (weeks <= 0) {
    Log(sink, PR_LOG_WARNING,
        ref + ": no duration (" + Quoted(duration) + "); 4 weeks are assumed");
    weeks = kDefaultWeeks;
  }
  if (per_week <= 0) {
    Log(sink, PR_LOG_WARNING,
        ref + ": no effort (" + Quoted(effort) + "); 5 hours a week are assumed");
    per_week = kDefaultHoursPerWeek;
  }
  return weeks * per_week;
}

ItemRecord MakeItem(const Row& row, const std::string& file, const pr_sink* sink) {
  const auto [title, url] = TitleAndUrl(row.cells.at("courses"));
  ItemRecord item;
  item.where = file + " line " + std::to_string(row.line);
  item.title = title;
  item.raw_id = item.id = Slug(title);
  const std::string section = row.h3.empty() ? row.h2 : row.h3;
  item.stage = Slug(section);
  item.tags = {Slug(row.h2)};
  if (!row.h3.empty()) item.tags.push_back(Slug(row.h3));
  item.kind = Slug(row.h2) == "final-project" ? "project" : "topic";
  item.difficulty = SectionDifficulty(row.h2);
  item.source = "OSSU computer-science: " + row.h2 + (row.h3.empty() ? "" : " / " + row.h3);
  if (!url.empty()) item.attributes.emplace_back("url", url);
  for (const char* key : {"duration", "effort", "prerequisites", "notes"}) {
    auto it = row.cells.find(key);
    if (it == row.cells.end() || it->second.empty() || it->second == "-") continue;
    item.attributes.emplace_back(std::string(key) == "prerequisites" ? "prerequisites_text" : key,
                                 it->second);
  }
  item.hours = Hours(row, ItemRef(item), sink);
  return item;
}

// The curriculum's order, which no prerequisite cell states: "Intro CS" is
// where a student starts ("for students to try out CS"), and the README asks
// for Core CS "in order from top to bottom", the math "in parallel with the
// introductory courses". So each course of Core CS's first subsection that
// names no course as a prerequisite recommends (a soft clause) every Intro CS
// course. Without it a new learner is never shown the first course: nothing
// else depends on it. docs/importers.md, "OSSU".
void RecommendIntroFirst(const std::vector<Row>& rows, CatalogRecords* records) {
  std::vector<std::string> intro;
  std::string first_core_subsection;
  for (size_t i = 0; i < rows.size(); ++i) {
    const std::string h2 = OssuPrerequisiteIndex::Normalize(rows[i].h2);
    if (h2 == "intro cs") intro.push_back(records->items[i].id);
    if (h2 == "core cs" && first_core_subsection.empty()) first_core_subsection = rows[i].h3;
  }
  if (intro.empty() || first_core_subsection.empty()) return;
  for (size_t i = 0; i < rows.size(); ++i) {
    ItemRecord& item = records->items[i];
    if (OssuPrerequisiteIndex::Normalize(rows[i].h2) != "core cs" ||
        rows[i].h3 != first_core_subsection || !item.clauses.empty())
      continue;
    ClauseRecord clause;
    clause.any_of = intro;
    clause.weight = kIntroFirstWeight;
    clause.type = PR_CLAUSE_RECOMMENDS;
    clause.note = "OSSU: Intro CS comes first, then Core CS from top to bottom";
    clause.where = item.where;
    item.clauses.push_back(std::move(clause));
  }
}

}  // namespace

CatalogRecords ReadOssuCurriculum(const OssuOptions& o, Defects* defects, const pr_sink* sink) {
  const std::string file = std::filesystem::path(o.path).filename().string();
  const std::string text = ReadWholeFile(o.path);
  CatalogRecords records;
  records.id = "ossu-cs";
  records.title = "OSSU Computer Science";
  records.summary =
      "The Open Source Society University's computer-science curriculum: free online courses "
      "from introduction to advanced electives and a final project.";
  std::vector<OssuCourse> courses;
  std::vector<Row> rows;
  for (Row& row : ReadRows(text, file, defects, sink)) {
    ItemRecord item = MakeItem(row, file, sink);
    if (item.id.empty()) {
      defects->Add(item.where, "no course title in the first cell", "the row");
      continue;
    }
    OssuCourse course{item.id, item.title, "", {}, row.alternative_set};
    for (const auto& [k, v] : item.attributes)
      if (k == "url") course.url = v;
    course.groups = {OssuPrerequisiteIndex::Normalize(row.h2)};
    if (!row.h3.empty()) course.groups.push_back(OssuPrerequisiteIndex::Normalize(row.h3));
    courses.push_back(std::move(course));
    records.items.push_back(std::move(item));
    rows.push_back(std::move(row));
  }
  const OssuPrerequisiteIndex index(courses);
  std::map<std::string, size_t> goal_of;  // h2 -> index in records.goals
  for (size_t i = 0; i < rows.size(); ++i) {
    ItemRecord& item = records.items[i];
    auto cell = rows[i].cells.find("prerequisites");
    if (cell != rows[i].cells.end()) {
      std::vector<std::string> unresolved;
      item.clauses = index.Resolve(cell->second, item.id, &unresolved);
      for (ClauseRecord& c : item.clauses) c.where = item.where;
      for (const std::string& u : unresolved) {
        Log(sink, PR_LOG_WARNING,
            ItemRef(item) + ": prerequisite " + Quoted(u) +
                " names no course or course group; kept as text in prerequisites_text");
      }
    }
    const std::string& h2 = rows[i].h2;
    auto [g, fresh] = goal_of.emplace(h2, records.goals.size());
    if (fresh) {
      GoalRecord goal;
      goal.where = item.where;
      goal.id = Slug(h2);
      goal.title = h2;
      goal.summary = "Every course of OSSU's " + h2 + " section.";
      records.goals.push_back(std::move(goal));
    }
    const int difficulty = SectionDifficulty(h2);
    const bool required = rows[i].alternative_set < 0 && difficulty <= 2;
    // A repeated id (a duplicate row, reported by RepairCatalog) is one target.
    auto& targets = records.goals[g->second].items;
    if (std::none_of(targets.begin(), targets.end(),
                     [&](const auto& t) { return t.first == item.id; })) {
      targets.emplace_back(item.id, required ? 1.0 : kElectiveWeight);
    }
  }
  RecommendIntroFirst(rows, &records);
  return records;
}

}  // namespace pathrank::plugin
