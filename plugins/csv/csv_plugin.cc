// The csv plugin: catalogs from CSV files, in the tables layout or the
// exercise-table layout. Config keys and formats: plugins/README.md.

#include "../common/catalog_records.h"
#include "../common/plugin_config.h"
#include "../common/plugin_kit.h"
#include "../common/slug.h"
#include "csv_layouts.h"
#include "pathrank/plugin.h"

namespace pathrank::plugin {
namespace {

struct CsvPlugin {
  using Options = CsvOptions;

  static Options Parse(std::string_view text) {
    const PluginConfig config(text, {"path", "layout", "id_column", "title_column",
                                     "prerequisites_column", "stage_column", "tags_column",
                                     "delimiter", "on_invalid", "catalog_id", "catalog_title"});
    Options o;
    o.path = config.RequiredString("path");
    o.layout = config.Choice("layout", {"exercise_table", "tables"}, "exercise_table");
    o.id_column = config.String("id_column");
    o.title_column = config.String("title_column");
    o.prerequisites_column = config.String("prerequisites_column");
    o.stage_column = config.String("stage_column");
    o.tags_column = config.String("tags_column");
    if (o.layout == "tables" && (!o.stage_column.empty() || !o.tags_column.empty())) {
      PluginConfig::Fail(o.stage_column.empty() ? "tags_column" : "stage_column",
                         "applies to the exercise_table layout only (items.csv has "
                         "\"stage\" and \"tags\" columns)");
    }
    o.delimiter = config.String("delimiter", ",");
    if (o.delimiter.empty()) PluginConfig::Fail("delimiter", "empty");
    o.catalog_id = config.String("catalog_id");
    if (!o.catalog_id.empty() && !IsSlug(o.catalog_id)) {
      PluginConfig::Fail("catalog_id", "not a slug ([a-z0-9][a-z0-9._-]*)");
    }
    o.catalog_title = config.String("catalog_title");
    o.on_invalid = ReadOnInvalid(config);
    return o;
  }

  static void Read(const Options& o, const pr_sink* sink) {
    CatalogRecords records = o.layout == "tables" ? ReadCsvTables(o) : ReadExerciseTable(o);
    const size_t dropped = RepairCatalog(&records, o.on_invalid, sink);
    if (dropped > 0) {
      Log(sink, PR_LOG_INFO,
          std::to_string(dropped) + " defective records dropped (on_invalid: drop); " +
              std::to_string(records.items.size()) + " items kept");
    }
    EmitCatalog(records, sink);
  }
};

}  // namespace
}  // namespace pathrank::plugin

PATHRANK_PLUGIN_ENTRY(
    CsvPlugin, "csv", "1.0.0",
    "Catalogs from CSV: items/clauses/goals tables or an exercise table (Junyi, Khan)",
    PR_PROVIDES_CATALOG)
