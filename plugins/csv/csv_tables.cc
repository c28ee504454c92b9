// The tables layout: items.csv, and optionally clauses.csv and goals.csv,
// in one directory.

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include "../common/plugin_kit.h"
#include "../common/slug.h"
#include "csv_layouts.h"
#include "csv_reader.h"
#include "util/csv.h"

namespace pathrank::plugin {

namespace {

namespace fs = std::filesystem;

[[noreturn]] void Fail(const std::string& where, const std::string& reason) {
  throw PluginError(PR_ERR_DATA, where + ": " + reason);
}

// Attribute columns of items.csv: "attr.<name>".
constexpr std::string_view kAttributePrefix = "attr.";

// Fails on a column of `t` that is not in `known` (nor an attribute column
// when `attributes`), so that a misspelt column never passes silently.
void RejectUnknownColumns(const CsvTable& t, const std::vector<std::string>& known,
                          bool attributes) {
  for (const std::string& column : t.header()) {
    if (std::find(known.begin(), known.end(), column) != known.end()) continue;
    if (attributes && column.size() > kAttributePrefix.size() &&
        column.compare(0, kAttributePrefix.size(), kAttributePrefix) == 0) {
      continue;
    }
    std::string list;
    for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
    if (attributes) list += ", attr.<name>";
    throw PluginError(PR_ERR_DATA,
                      t.name() + ": unknown column \"" + column + "\" (known: " + list + ")");
  }
}

int ParseDifficulty(const std::string& cell, const std::string& where) {
  const double d = ParseNumberCell(cell, where, "difficulty");
  if (d != std::floor(d)) Fail(where, "column \"difficulty\": " + cell + " is not an integer");
  if (d < -1e6 || d > 1e6) Fail(where, "column \"difficulty\": " + cell + " is out of range");
  return static_cast<int>(d);
}

std::vector<std::string> SlugList(std::string_view cell, const std::string& delimiter) {
  std::vector<std::string> out;
  for (const std::string& s : internal::SplitList(cell, delimiter)) out.push_back(Slugify(s));
  return out;
}

// The table's cell in column `col` (absent column = "").
std::string Cell(const CsvRecord& row, std::optional<size_t> col) {
  return col ? std::string(internal::TrimSpaces(row.fields[*col])) : std::string();
}

void ReadItems(const CsvTable& t, const CsvOptions& o, CatalogRecords* records) {
  const std::string id_name = o.id_column.empty() ? "id" : o.id_column;
  const std::string title_name = o.title_column.empty() ? "title" : o.title_column;
  const std::string prereq_name =
      o.prerequisites_column.empty() ? "prerequisites" : o.prerequisites_column;
  const size_t id_col = t.Require(id_name, o.id_column.empty() ? "" : "id_column");
  const size_t title_col = t.Require(title_name, o.title_column.empty() ? "" : "title_column");
  RejectUnknownColumns(t,
                       {id_name, title_name, "kind", "stage", "hours", "difficulty", "tags",
                        "aliases", "summary", "source", prereq_name},
                       true);
  const auto kind = t.Find("kind"), stage = t.Find("stage"), hours = t.Find("hours"),
             difficulty = t.Find("difficulty"), tags = t.Find("tags"), aliases = t.Find("aliases"),
             summary = t.Find("summary"), source = t.Find("source"), prereqs = t.Find(prereq_name);
  for (const CsvRecord& row : t.rows()) {
    ItemRecord item;
    item.where = t.Where(row);
    item.raw_id = Cell(row, id_col);
    item.id = Slugify(item.raw_id);
    if (item.id != item.raw_id && !item.raw_id.empty()) item.aliases.push_back(item.raw_id);
    item.title = Cell(row, title_col);
    if (item.title.empty()) item.title = item.raw_id;
    item.kind = Cell(row, kind);
    if (item.kind.empty()) item.kind = "topic";
    if (item.kind != "topic" && item.kind != "framework" && item.kind != "project") {
      Fail(item.where, "column \"kind\": \"" + item.kind + "\" is not topic, framework or project");
    }
    item.stage = Slugify(Cell(row, stage));
    const std::string h = Cell(row, hours), d = Cell(row, difficulty);
    if (!h.empty()) item.hours = ParseNumberCell(h, item.where, "hours");
    if (!d.empty()) item.difficulty = ParseDifficulty(d, item.where);
    item.tags = SlugList(Cell(row, tags), o.delimiter);
    for (const std::string& a : internal::SplitList(Cell(row, aliases), o.delimiter))
      item.aliases.push_back(a);
    item.summary = Cell(row, summary);
    item.source = Cell(row, source);
    if (item.source.empty()) item.source = item.where;
    for (size_t c = 0; c < t.header().size(); ++c) {
      const std::string& column = t.header()[c];
      if (column.compare(0, kAttributePrefix.size(), kAttributePrefix) != 0) continue;
      std::string value = Cell(row, c);
      if (!value.empty())
        item.attributes.emplace_back(column.substr(kAttributePrefix.size()), value);
    }
    for (const std::string& p : SlugList(Cell(row, prereqs), o.delimiter)) {
      ClauseRecord clause;
      clause.any_of.push_back(p);
      item.clauses.push_back(std::move(clause));
    }
    records->items.push_back(std::move(item));
  }
}

void ReadClauses(const CsvTable& t, const CsvOptions& o, CatalogRecords* records) {
  RejectUnknownColumns(t, {"item", "any_of", "weight", "type", "note"}, false);
  const size_t item_col = t.Require("item");
  const size_t any_of_col = t.Require("any_of");
  const auto weight = t.Find("weight"), type = t.Find("type"), note = t.Find("note");
  for (const CsvRecord& row : t.rows()) {
    ClauseRecord clause;
    clause.where = t.Where(row);
    clause.any_of = SlugList(Cell(row, any_of_col), o.delimiter);
    if (clause.any_of.empty()) Fail(clause.where, "column \"any_of\" is empty");
    const std::string w = Cell(row, weight), ty = Cell(row, type);
    if (!w.empty()) clause.weight = ParseNumberCell(w, clause.where, "weight");
    if (ty == "recommends") {
      clause.type = PR_CLAUSE_RECOMMENDS;
    } else if (!ty.empty() && ty != "requires") {
      Fail(clause.where, "column \"type\": \"" + ty + "\" is not requires or recommends");
    }
    clause.note = Cell(row, note);
    records->loose_clauses.emplace_back(Slugify(Cell(row, item_col)), std::move(clause));
  }
}

void ReadGoals(const CsvTable& t, CatalogRecords* records) {
  RejectUnknownColumns(t, {"goal", "title", "summary", "item", "tag", "weight"}, false);
  const size_t goal_col = t.Require("goal");
  const auto title = t.Find("title"), summary = t.Find("summary"), item = t.Find("item"),
             tag = t.Find("tag"), weight = t.Find("weight");
  std::map<std::string, size_t> index;  // goal id -> position in records->goals
  for (const CsvRecord& row : t.rows()) {
    const std::string where = t.Where(row);
    const std::string id = Slugify(Cell(row, goal_col));
    if (id.empty()) Fail(where, "column \"goal\" is empty");
    auto [it, fresh] = index.emplace(id, records->goals.size());
    if (fresh) {
      GoalRecord goal;
      goal.where = where;
      goal.id = id;
      records->goals.push_back(std::move(goal));
    }
    GoalRecord& goal = records->goals[it->second];
    if (goal.title.empty()) goal.title = Cell(row, title);
    if (goal.summary.empty()) goal.summary = Cell(row, summary);
    const std::string item_id = Slugify(Cell(row, item)), tag_name = Slugify(Cell(row, tag));
    if (item_id.empty() == tag_name.empty()) {
      Fail(where, "give exactly one of the columns \"item\" and \"tag\"");
    }
    const std::string w = Cell(row, weight);
    const double value = w.empty() ? 1.0 : ParseNumberCell(w, where, "weight");
    (item_id.empty() ? goal.tags : goal.items)
        .emplace_back(item_id.empty() ? tag_name : item_id, value);
  }
  for (GoalRecord& goal : records->goals) {
    if (goal.title.empty()) goal.title = goal.id;
  }
}

}  // namespace

double ParseNumberCell(const std::string& cell, const std::string& where,
                       const std::string& column) {
  errno = 0;
  char* end = nullptr;
  const double value = std::strtod(cell.c_str(), &end);
  if (cell.empty() || end != cell.c_str() + cell.size() || errno == ERANGE ||
      !std::isfinite(value)) {
    Fail(where, "column \"" + column + "\": \"" + cell + "\" is not a number");
  }
  return value;
}

CatalogRecords ReadCsvTables(const CsvOptions& o) {
  const fs::path dir(o.path);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw PluginError(fs::exists(dir, ec) ? PR_ERR_CONFIG : PR_ERR_NOT_FOUND,
                      "config: key \"path\": " + o.path +
                          " is not a directory (the tables layout reads items.csv, "
                          "clauses.csv and goals.csv from one directory)");
  }
  CatalogRecords records;
  const std::string name = fs::absolute(dir).lexically_normal().filename().string();
  records.id = o.catalog_id.empty() ? Slugify(name) : o.catalog_id;
  records.title = o.catalog_title.empty() ? name : o.catalog_title;
  ReadItems(CsvTable(ReadWholeFile((dir / "items.csv").string()), "items.csv"), o, &records);
  if (fs::exists(dir / "clauses.csv", ec)) {
    ReadClauses(CsvTable(ReadWholeFile((dir / "clauses.csv").string()), "clauses.csv"), o,
                &records);
  }
  if (fs::exists(dir / "goals.csv", ec)) {
    ReadGoals(CsvTable(ReadWholeFile((dir / "goals.csv").string()), "goals.csv"), &records);
  }
  return records;
}

}  // namespace pathrank::plugin
