// Fuzzes the trajectory reader (pathrank/eval/trajectory.h) against the
// shipped Go catalog: ParseTrajectoriesCsv when PATHRANK_FUZZ_JSONL is 0,
// ParseTrajectoriesJsonl when 1 (fuzz/CMakeLists.txt builds both). Parsed
// trajectories are written back as CSV (FormatTrajectoriesCsv), which must
// parse again to as many trajectories and steps (values may differ by the
// rounding of mastery), else the target aborts.

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "fuzz_input.h"
#include "pathrank/catalog_json.h"
#include "pathrank/eval/trajectory.h"

namespace {

const pathrank::Catalog& GoCatalog() {
  static const std::shared_ptr<const pathrank::Catalog> catalog = [] {
    auto loaded = pathrank::LoadCatalogFile(PATHRANK_FUZZ_CATALOG);
    if (!loaded) {
      std::fprintf(stderr, "trajectory fuzzer: %s\n", loaded.error().message().c_str());
      std::abort();
    }
    return *loaded;
  }();
  return *catalog;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const pathrank::Catalog& catalog = GoCatalog();
  const std::string_view text = pathrank::fuzz::AsText(data, size);
  auto parsed = PATHRANK_FUZZ_JSONL ? pathrank::ParseTrajectoriesJsonl(catalog, text)
                                    : pathrank::ParseTrajectoriesCsv(catalog, text);
  if (!parsed) return 0;
  auto again =
      pathrank::ParseTrajectoriesCsv(catalog, pathrank::FormatTrajectoriesCsv(catalog, *parsed));
  if (!again || again->size() != parsed->size() ||
      pathrank::CountSteps(*again) != pathrank::CountSteps(*parsed)) {
    std::fprintf(stderr, "trajectory fuzzer: the written CSV does not read back: %s\n",
                 again ? "other counts" : again.error().message().c_str());
    std::abort();
  }
  return 0;
}
