#include "learn/learned_search.h"

#include <algorithm>

#include "learn/pairwise_logit.h"

namespace pathrank::internal {

size_t LearnedSearchBudget(const SearchCache& cache, const LearnedSearchOptions& o) {
  return cache.lambdas() * std::max<size_t>(1, cache.decays()) * o.l2.size();
}

std::vector<Evaluated> LearnedSearch(
    const SearchCache& cache, const std::vector<SearchPoint>& starts, const LearnedSearchOptions& o,
    const std::function<double(const SearchPoint&)>& evaluate,
    const std::function<void(const Evaluated&, const char*)>& observe) {
  std::vector<Evaluated> all;
  for (const SearchPoint& p : starts) {
    all.push_back({p, evaluate(p)});
    observe(all.back(), "start");
  }
  PairSet pairs;
  pairs.width = cache.width();
  cache.AppendPairs(o.pairs_per_truth, o.seed, &pairs.diffs);
  const size_t lambdas = cache.lambdas(), decays = cache.decays();
  for (size_t g = 0; g < lambdas; ++g) {
    for (size_t d = 0; d < std::max<size_t>(1, decays); ++d) {
      // Columns in Weight order: cov, rel, unl, fnd, eff, (seq).
      std::vector<size_t> columns = {0, 4 + g, 1, 2, 3};
      if (decays > 0) columns.push_back(4 + lambdas + d);
      for (double l2 : o.l2) {
        LogitOptions lo;
        lo.l2 = l2;
        lo.nonnegative.assign(columns.size(), true);
        const LogitFit fit = FitPairwiseLogit(pairs, columns, lo);
        SearchPoint p = starts.empty() ? SearchPoint{} : starts[0];
        p.lambda = g;
        p.decay = d;
        const double largest = *std::max_element(fit.w.begin(), fit.w.end());
        const double scale = largest > 100.0 ? 100.0 / largest : 1.0;
        for (size_t k = 0; k < fit.w.size(); ++k) p.w[k] = fit.w[k] * scale;
        if (decays == 0 && !starts.empty()) p.w[kSeq] = starts[0].w[kSeq];
        all.push_back({p, evaluate(p)});
        observe(all.back(), "learned");
      }
    }
  }
  return all;
}

}  // namespace pathrank::internal
