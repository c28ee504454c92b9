// Fuzzes the catalog reader: ParseCatalogJson, then CatalogBuilder's
// validation of what it parsed; a spec that builds must survive the round
// trip through FormatCatalogJson (catalog_json.h promises it for any valid
// spec), else the target aborts.

#include <cstdio>
#include <cstdlib>

#include "fuzz_input.h"
#include "pathrank/catalog_builder.h"
#include "pathrank/catalog_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto spec = pathrank::ParseCatalogJson(pathrank::fuzz::AsText(data, size));
  if (!spec) return 0;
  if (!pathrank::BuildCatalog(*spec)) return 0;
  auto again = pathrank::ParseCatalogJson(pathrank::FormatCatalogJson(*spec));
  if (!again || !(*again == *spec)) {
    std::fprintf(stderr, "catalog_json: FormatCatalogJson does not round-trip a valid spec\n");
    std::abort();
  }
  return 0;
}
