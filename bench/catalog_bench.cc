// Catalog building: parsing and validating the Go catalog, and building
// synthetic catalogs of up to 100,000 items with about five clause entries
// per item.

#include <benchmark/benchmark.h>

#include "pathrank/catalog_builder.h"
#include "pathrank/catalog_json.h"
#include "pathrank/eval/synthetic_catalog.h"
#include "util/file_io.h"

namespace pathrank {
namespace {

const std::string& GoCatalogText() {
  static const std::string text = [] {
    auto t = ReadFile(std::string(PATHRANK_SOURCE_DIR) + "/datasets/go-backend/catalog.json");
    return t ? *t : std::string();
  }();
  return text;
}

void BM_ParseGoCatalog(benchmark::State& state) {
  for (auto _ : state) {
    auto spec = ParseCatalogJson(GoCatalogText());
    if (!spec) state.SkipWithError(spec.error().message().c_str());
    benchmark::DoNotOptimize(spec);
  }
}
BENCHMARK(BM_ParseGoCatalog)->Unit(benchmark::kMicrosecond);

void BM_BuildGoCatalog(benchmark::State& state) {
  auto spec = ParseCatalogJson(GoCatalogText());
  if (!spec) {
    state.SkipWithError(spec.error().message().c_str());
    return;
  }
  for (auto _ : state) {
    state.PauseTiming();
    CatalogSpec copy = *spec;
    state.ResumeTiming();
    auto catalog = BuildCatalog(std::move(copy));
    benchmark::DoNotOptimize(catalog);
  }
  state.counters["items"] = static_cast<double>(spec->items.size());
}
BENCHMARK(BM_BuildGoCatalog)->Unit(benchmark::kMicrosecond);

void BM_BuildSyntheticCatalog(benchmark::State& state) {
  SyntheticCatalogOptions options;
  options.items = static_cast<uint32_t>(state.range(0));
  const CatalogSpec spec = MakeSyntheticCatalog(options);
  size_t entries = 0;
  for (const ItemSpec& item : spec.items) {
    for (const ClauseSpec& c : item.prerequisites) entries += c.any_of.size();
  }
  for (auto _ : state) {
    state.PauseTiming();
    CatalogSpec copy = spec;
    state.ResumeTiming();
    auto catalog = BuildCatalog(std::move(copy));
    if (!catalog) state.SkipWithError(catalog.error().message().c_str());
    benchmark::DoNotOptimize(catalog);
  }
  state.counters["items"] = static_cast<double>(spec.items.size());
  state.counters["entries_per_item"] = static_cast<double>(entries) / spec.items.size();
  state.SetItemsProcessed(state.iterations() * spec.items.size());
}
BENCHMARK(BM_BuildSyntheticCatalog)
    ->Arg(1000)
    ->Arg(10000)
    ->Arg(100000)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pathrank

BENCHMARK_MAIN();
