// Parsing a request body: the server's JsonDocument against nlohmann's DOM,
// on the 3 KB recommendation body of the HTTP load harness.

#include <benchmark/benchmark.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "api/json_value.h"

namespace {

std::string RecommendBody() {
  std::ifstream in(PATHRANK_SOURCE_DIR "/bench/http/recommend_body.json");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void BM_JsonDocumentParse(benchmark::State& state) {
  const std::string body = RecommendBody();
  for (auto _ : state) {
    pathrank::server::JsonDocument doc;
    std::string error;
    benchmark::DoNotOptimize(doc.Parse(body, &error));
    benchmark::DoNotOptimize(doc.root().size);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_JsonDocumentParse);

// For reference: what the server did before JsonDocument.
void BM_NlohmannParse(benchmark::State& state) {
  const std::string body = RecommendBody();
  for (auto _ : state) {
    nlohmann::json doc = nlohmann::json::parse(body);
    benchmark::DoNotOptimize(doc.size());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_NlohmannParse);

}  // namespace

BENCHMARK_MAIN();
