#include "eval/weight_search.h"

#include <algorithm>
#include <cmath>

#include "util/random.h"

namespace pathrank::internal {

namespace {

constexpr double kFirstFactors[] = {0.0, 0.25, 0.5, 2.0, 4.0};
constexpr double kFromZero[] = {0.1, 0.3, 1.0, 3.0};
constexpr double kLaterFactors[] = {0.7, 1.4};
constexpr double kMaxWeight = 100.0;

size_t SearchedWeights(const WeightSearchOptions& o) {
  return o.decays > 0 ? kWeightCount : kWeightCount - 1;
}

}  // namespace

size_t SearchBudget(const WeightSearchOptions& o) {
  const size_t grid = (o.lambdas - 1) + (o.decays > 0 ? o.decays - 1 : 0);
  const size_t first = SearchedWeights(o) * std::size(kFirstFactors) + grid;
  const size_t later = SearchedWeights(o) * std::size(kLaterFactors) + grid;
  return o.random_samples + (o.descent_rounds == 0 ? 0 : first + (o.descent_rounds - 1) * later);
}

std::vector<Evaluated> Search(const std::vector<SearchPoint>& starts, const WeightSearchOptions& o,
                              const std::function<double(const SearchPoint&)>& evaluate,
                              const std::function<void(const Evaluated&, const char*)>& observe) {
  std::vector<Evaluated> all;
  Evaluated best{starts.empty() ? SearchPoint{} : starts[0], -1.0};
  auto run = [&](const SearchPoint& p, const char* phase) {
    Evaluated e{p, evaluate(p)};
    all.push_back(e);
    if (e.train > best.train) best = e;
    observe(e, phase);
    return e.train;
  };
  for (const SearchPoint& p : starts) run(p, "start");

  std::mt19937_64 rng = SeededRng({o.seed, 0x5EA6C4});
  const size_t weights = SearchedWeights(o);
  for (size_t s = 0; s < o.random_samples; ++s) {
    SearchPoint p = starts.empty() ? SearchPoint{} : starts[0];
    for (size_t w = 0; w < weights; ++w) {
      const double u = UniformDouble(rng), v = UniformDouble(rng);
      p.w[w] = u < 0.25 ? 0.0 : std::pow(10.0, -1.5 + 2.5 * v);
    }
    p.lambda = static_cast<size_t>(rng() % o.lambdas);
    if (o.decays > 0) p.decay = static_cast<size_t>(rng() % o.decays);
    run(p, "random search");
  }

  Evaluated current = best;
  for (size_t round = 0; round < o.descent_rounds; ++round) {
    bool improved = false;
    for (size_t w = 0; w < weights; ++w) {
      std::vector<double> values;
      if (round == 0) {
        if (current.point.w[w] == 0) {
          values.assign(std::begin(kFromZero), std::end(kFromZero));
        } else {
          for (double f : kFirstFactors) values.push_back(current.point.w[w] * f);
        }
      } else {
        for (double f : kLaterFactors) values.push_back(current.point.w[w] * f);
      }
      Evaluated best_here = current;
      for (double v : values) {
        SearchPoint p = current.point;
        p.w[w] = std::min(v, kMaxWeight);
        if (p == current.point) continue;
        const double value = run(p, "coordinate descent");
        if (value > best_here.train) best_here = {p, value};
      }
      if (best_here.train > current.train + 1e-12) {
        current = best_here;
        improved = true;
      }
    }
    auto grid = [&](size_t size, size_t SearchPoint::*member) {
      Evaluated best_here = current;
      for (size_t g = 0; g < size; ++g) {
        if (g == current.point.*member) continue;
        SearchPoint p = current.point;
        p.*member = g;
        const double value = run(p, "coordinate descent");
        if (value > best_here.train) best_here = {p, value};
      }
      if (best_here.train > current.train + 1e-12) {
        current = best_here;
        improved = true;
      }
    };
    grid(o.lambdas, &SearchPoint::lambda);
    if (o.decays > 0) grid(o.decays, &SearchPoint::decay);
    if (!improved) break;
  }
  return all;
}

}  // namespace pathrank::internal
