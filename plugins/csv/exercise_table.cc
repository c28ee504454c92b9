// The exercise-table layout: one row per item, prerequisites in one cell.

#include <algorithm>
#include <filesystem>

#include "../common/plugin_kit.h"
#include "../common/slug.h"
#include "csv_layouts.h"
#include "csv_reader.h"
#include "util/csv.h"

namespace pathrank::plugin {

namespace {

// Columns tried, in order, for titles when title_column is not configured.
constexpr std::string_view kTitleColumns[] = {"pretty_display_name", "display_name", "title"};

// A stage or tag cell as a slug; "" for an empty or "N/A" cell.
std::string CategorySlug(std::string_view cell) {
  const std::string_view trimmed = internal::TrimSpaces(cell);
  if (trimmed.empty() || trimmed == "N/A") return "";
  return Slugify(trimmed);
}

}  // namespace

CatalogRecords ReadExerciseTable(const CsvOptions& o) {
  const std::filesystem::path path(o.path);
  const std::string file = path.filename().string();
  const CsvTable table(ReadWholeFile(o.path), file);

  const size_t id_col = table.Require(o.id_column.empty() ? "name" : o.id_column,
                                      o.id_column.empty() ? "" : "id_column");
  std::optional<size_t> title_col;
  if (!o.title_column.empty()) {
    title_col = table.Require(o.title_column, "title_column");
  } else {
    for (std::string_view name : kTitleColumns) {
      if ((title_col = table.Find(name))) break;
    }
  }
  const size_t prereq_col =
      table.Require(o.prerequisites_column.empty() ? "prerequisites" : o.prerequisites_column,
                    o.prerequisites_column.empty() ? "" : "prerequisites_column");
  std::optional<size_t> stage_col, tags_col;
  if (!o.stage_column.empty()) stage_col = table.Require(o.stage_column, "stage_column");
  if (!o.tags_column.empty()) tags_col = table.Require(o.tags_column, "tags_column");

  CatalogRecords records;
  records.id = o.catalog_id.empty() ? Slugify(path.stem().string()) : o.catalog_id;
  records.title = o.catalog_title.empty() ? file : o.catalog_title;
  for (const CsvRecord& row : table.rows()) {
    ItemRecord item;
    item.where = table.Where(row);
    item.source = item.where;
    item.raw_id = std::string(internal::TrimSpaces(row.fields[id_col]));
    item.id = Slugify(item.raw_id);
    if (item.id != item.raw_id && !item.raw_id.empty()) item.aliases.push_back(item.raw_id);
    item.title = title_col ? std::string(internal::TrimSpaces(row.fields[*title_col])) : "";
    if (item.title.empty()) item.title = item.raw_id;
    if (stage_col) item.stage = CategorySlug(row.fields[*stage_col]);
    if (tags_col) {
      for (const std::string& tag : internal::SplitList(row.fields[*tags_col], o.delimiter)) {
        const std::string slug = CategorySlug(tag);
        if (!slug.empty() &&
            std::find(item.tags.begin(), item.tags.end(), slug) == item.tags.end()) {
          item.tags.push_back(slug);
        }
      }
    }
    for (const std::string& prereq : internal::SplitList(row.fields[prereq_col], o.delimiter)) {
      ClauseRecord clause;
      clause.any_of.push_back(Slugify(prereq));
      item.clauses.push_back(std::move(clause));
    }
    records.items.push_back(std::move(item));
  }
  return records;
}

}  // namespace pathrank::plugin
