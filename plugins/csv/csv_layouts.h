// The two layouts the csv plugin reads (documented in plugins/README.md):
//   tables          a directory of items.csv, clauses.csv, goals.csv
//   exercise_table  one row per item with a delimited prerequisites column
//                   (Junyi Academy, Khan Academy exports)
// Each turns its files into CatalogRecords; RepairCatalog then applies the
// on_invalid policy.
//
// Thread safety: pure functions over their arguments.

#ifndef PATHRANK_PLUGINS_CSV_CSV_LAYOUTS_H_
#define PATHRANK_PLUGINS_CSV_CSV_LAYOUTS_H_

#include <string>

#include "../common/catalog_records.h"

namespace pathrank::plugin {

struct CsvOptions {
  std::string path;
  std::string layout = "exercise_table";  // or "tables"
  std::string id_column;                  // "" = layout default
  std::string title_column;               // "" = layout default
  std::string prerequisites_column;       // "" = layout default
  std::string stage_column;               // exercise_table only; "" = none
  std::string tags_column;                // exercise_table only; "" = none
  std::string delimiter = ",";            // between entries of a list cell
  std::string catalog_id;                 // "" = from the file or directory name
  std::string catalog_title;              // "" = the file or directory name
  OnInvalid on_invalid = OnInvalid::kFail;
};

// Reads `options.path` as an exercise table. Throws PluginError.
CatalogRecords ReadExerciseTable(const CsvOptions& options);

// Reads the directory `options.path` as items.csv (+ clauses.csv, goals.csv).
// Throws PluginError.
CatalogRecords ReadCsvTables(const CsvOptions& options);

// Parses a number cell; throws PluginError PR_ERR_DATA naming `where` and
// `column` when it is not one.
double ParseNumberCell(const std::string& cell, const std::string& where,
                       const std::string& column);

}  // namespace pathrank::plugin

#endif  // PATHRANK_PLUGINS_CSV_CSV_LAYOUTS_H_
