// Writes the evaluation-only data sets as pathrank inputs (a catalog and
// trajectories), into a directory outside the repository's tracked files:
//
//   quality_data dbe-kt22 ../shared/datasets/dbe-kt22 var/quality/dbe-kt22
//     -> catalog.json, train.csv, test.csv
//   quality_data exercism ../shared/datasets/exercism/go var/quality/exercism-go
//     -> catalog.json, order.csv
//
// Then run `pathrank eval` / `pathrank tune` on them (bench/quality/RESULTS.md).

#include <filesystem>
#include <iostream>
#include <string>

#include "dbe_kt22.h"
#include "exercism_order.h"
#include "pathrank/catalog_json.h"
#include "util/file_io.h"

namespace {

int Fail(const pathrank::Status& s) {
  std::cerr << "quality_data: " << s.message() << '\n';
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: quality_data dbe-kt22|exercism <source dir> <output dir>\n";
    return 2;
  }
  const std::string kind = argv[1], source = argv[2], out = argv[3];
  std::filesystem::create_directories(out);
  using pathrank::FormatTrajectoriesCsv;
  using pathrank::WriteFileAtomic;
  if (kind == "dbe-kt22") {
    auto data = pathrank::quality::LoadDbeKt22(source);
    if (!data) return Fail(data.error());
    const auto& c = *data->catalog;
    for (const auto& [name, content] :
         {std::pair{"/catalog.json", pathrank::FormatCatalogJson(data->spec)},
          std::pair{"/train.csv", FormatTrajectoriesCsv(c, data->train)},
          std::pair{"/test.csv", FormatTrajectoriesCsv(c, data->test)}}) {
      if (auto s = WriteFileAtomic(out + name, content); !s.ok()) return Fail(s);
    }
    std::cout << "dbe-kt22: " << c.item_count() << " items, " << c.clause_count()
              << " soft clauses (from " << data->undirected_edges << " undirected KC pairs); "
              << data->train.size() << " train students (" << CountSteps(data->train)
              << " first reaches), " << data->test.size() << " test students ("
              << CountSteps(data->test) << "); " << data->skipped_rows
              << " rows without a KC skipped -> " << out << '\n';
    return 0;
  }
  if (kind == "exercism") {
    const std::string track = std::filesystem::path(source).filename().string();
    auto data = pathrank::quality::LoadExercismOrder(source, track);
    if (!data) return Fail(data.error());
    const auto& c = *data->catalog;
    for (const auto& [name, content] :
         {std::pair{"/catalog.json", pathrank::FormatCatalogJson(data->spec)},
          std::pair{"/order.csv", FormatTrajectoriesCsv(c, data->trajectories)}}) {
      if (auto s = WriteFileAtomic(out + name, content); !s.ok()) return Fail(s);
    }
    std::cout << "exercism " << track << ": " << c.item_count() << " concepts, " << c.clause_count()
              << " requires clauses, " << data->exercises << " concept exercises, "
              << data->dropped_prerequisites << " prerequisites dropped; curated order of "
              << pathrank::CountSteps(data->trajectories) << " concepts -> " << out << '\n';
    return 0;
  }
  std::cerr << "quality_data: unknown kind \"" << kind << "\"\n";
  return 2;
}
