// The single-learner path on a big catalog against a bare sparse product
// over the same prerequisite entries, in one binary (docs/dependencies.md:
// why Eigen is the reference here and not a part of the engine).
//
// - BM_EngineRecommend: Scorer::Recommend, k = 10, no explanation.
// - BM_EigenSpMV: Eigen's row-major sparse matrix (one row per clause, one
//   entry per alternative, value = clause weight) times the mastery vector.
// - BM_CsrSum: the same product as a hand-written CSR loop.
// - BM_CsrMax: the product the scorer needs, max over each clause's
//   alternatives (a sum cannot express "any one alternative satisfies").

#include <benchmark/benchmark.h>

#include <Eigen/SparseCore>
#include <algorithm>
#include <map>
#include <memory>
#include <random>
#include <vector>

#include "pathrank/catalog_builder.h"
#include "pathrank/eval/synthetic_catalog.h"
#include "pathrank/scorer.h"

namespace {

using pathrank::Catalog;
using pathrank::Clause;
using pathrank::ItemId;

std::shared_ptr<const Catalog> Synthetic(uint32_t items) {
  static std::map<uint32_t, std::shared_ptr<const Catalog>> cache;
  auto& slot = cache[items];
  if (!slot) {
    pathrank::SyntheticCatalogOptions options;
    options.items = items;
    slot = *pathrank::BuildCatalog(pathrank::MakeSyntheticCatalog(options));
  }
  return slot;
}

// A learner who mastered the first 40% of the catalog in prerequisite order.
std::vector<double> Mastery(const Catalog& c) {
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<double> m(c.item_count(), 0.0);
  for (ItemId i = 0; i < c.item_count(); ++i) {
    if (c.topological_rank(i) < 0.4 * c.item_count()) m[i] = unit(rng) < 0.8 ? 1.0 : 0.5;
  }
  return m;
}

// Clauses as CSR rows over the catalog's alternatives.
struct Csr {
  std::vector<uint32_t> offsets;  // clause_count + 1
  std::vector<ItemId> columns;
  std::vector<double> weights;  // one per clause
};

Csr MakeCsr(const Catalog& c) {
  Csr csr;
  csr.offsets.push_back(0);
  for (ItemId i = 0; i < c.item_count(); ++i) {
    for (const Clause& clause : c.clauses_of(i)) {
      for (ItemId a : c.alternatives(clause)) csr.columns.push_back(a);
      csr.offsets.push_back(static_cast<uint32_t>(csr.columns.size()));
      csr.weights.push_back(clause.weight);
    }
  }
  return csr;
}

void BM_EngineRecommend(benchmark::State& state) {
  auto catalog = Synthetic(static_cast<uint32_t>(state.range(0)));
  pathrank::Scorer scorer(catalog);
  pathrank::LearnerState learner;
  learner.mastery = Mastery(*catalog);
  learner.goals.push_back({0, 1.0});
  pathrank::RecommendOptions options;
  options.k = 10;
  for (auto _ : state) {
    auto ranked = scorer.Recommend(learner, pathrank::ScoringProfile{}, options);
    benchmark::DoNotOptimize(ranked);
  }
  state.counters["entries"] = static_cast<double>(catalog->alternative_count());
}
BENCHMARK(BM_EngineRecommend)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_EigenSpMV(benchmark::State& state) {
  auto catalog = Synthetic(static_cast<uint32_t>(state.range(0)));
  const Csr csr = MakeCsr(*catalog);
  const auto rows = static_cast<Eigen::Index>(csr.weights.size());
  std::vector<Eigen::Triplet<double>> entries;
  entries.reserve(csr.columns.size());
  for (Eigen::Index r = 0; r < rows; ++r) {
    for (uint32_t e = csr.offsets[r]; e < csr.offsets[r + 1]; ++e) {
      entries.emplace_back(r, csr.columns[e], csr.weights[r]);
    }
  }
  Eigen::SparseMatrix<double, Eigen::RowMajor> a(rows,
                                                 static_cast<Eigen::Index>(catalog->item_count()));
  a.setFromTriplets(entries.begin(), entries.end());
  const std::vector<double> m = Mastery(*catalog);
  const Eigen::Map<const Eigen::VectorXd> x(m.data(), static_cast<Eigen::Index>(m.size()));
  Eigen::VectorXd y(rows);
  for (auto _ : state) {
    y.noalias() = a * x;
    benchmark::DoNotOptimize(y.data());
  }
  state.counters["entries"] = static_cast<double>(a.nonZeros());
}
BENCHMARK(BM_EigenSpMV)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_CsrSum(benchmark::State& state) {
  auto catalog = Synthetic(static_cast<uint32_t>(state.range(0)));
  const Csr csr = MakeCsr(*catalog);
  const std::vector<double> m = Mastery(*catalog);
  std::vector<double> y(csr.weights.size());
  for (auto _ : state) {
    for (size_t r = 0; r < y.size(); ++r) {
      double sum = 0;
      for (uint32_t e = csr.offsets[r]; e < csr.offsets[r + 1]; ++e) sum += m[csr.columns[e]];
      y[r] = csr.weights[r] * sum;
    }
    benchmark::DoNotOptimize(y.data());
  }
}
BENCHMARK(BM_CsrSum)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_CsrMax(benchmark::State& state) {
  auto catalog = Synthetic(static_cast<uint32_t>(state.range(0)));
  const Csr csr = MakeCsr(*catalog);
  const std::vector<double> m = Mastery(*catalog);
  std::vector<double> y(csr.weights.size());
  for (auto _ : state) {
    for (size_t r = 0; r < y.size(); ++r) {
      double best = 0;
      for (uint32_t e = csr.offsets[r]; e < csr.offsets[r + 1]; ++e) {
        best = std::max(best, m[csr.columns[e]]);
      }
      y[r] = csr.weights[r] * best;
    }
    benchmark::DoNotOptimize(y.data());
  }
}
BENCHMARK(BM_CsrMax)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
