#include "pathrank/eval/significance.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "util/random.h"

namespace pathrank {

WilcoxonResult WilcoxonSignedRank(std::span<const double> differences, double zero_tolerance) {
  WilcoxonResult r;
  std::vector<double> d;
  for (double x : differences) {
    if (std::fabs(x) <= zero_tolerance) {
      ++r.zeros;
    } else {
      d.push_back(x);
    }
  }
  r.n = d.size();
  if (r.n == 0) return r;
  std::sort(d.begin(), d.end(), [](double a, double b) { return std::fabs(a) < std::fabs(b); });
  double tie_term = 0;
  for (size_t i = 0; i < d.size();) {
    size_t j = i;
    while (j < d.size() && std::fabs(d[j]) == std::fabs(d[i])) ++j;
    const double rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
    for (size_t k = i; k < j; ++k) (d[k] > 0 ? r.w_plus : r.w_minus) += rank;
    const double t = static_cast<double>(j - i);
    tie_term += t * t * t - t;
    i = j;
  }
  const double n = static_cast<double>(r.n);
  const double mean = n * (n + 1) / 4.0;
  const double variance = n * (n + 1) * (2 * n + 1) / 24.0 - tie_term / 48.0;
  if (variance <= 0) return r;
  r.z = (r.w_plus - mean) / std::sqrt(variance);
  r.p_value = std::erfc(std::fabs(r.z) / std::sqrt(2.0));
  return r;
}

BootstrapInterval PairedBootstrap(std::span<const double> numerators,
                                  std::span<const double> denominators, size_t resamples,
                                  uint64_t seed, double confidence) {
  BootstrapInterval out;
  const size_t n = std::min(numerators.size(), denominators.size());
  double num = 0, den = 0;
  for (size_t l = 0; l < n; ++l) {
    num += numerators[l];
    den += denominators[l];
  }
  out.estimate = den > 0 ? num / den : 0.0;
  out.low = out.high = out.estimate;
  if (n == 0 || resamples == 0) return out;
  std::mt19937_64 rng = internal::SeededRng({seed, 0xB007});
  std::vector<double> estimates;
  estimates.reserve(resamples);
  for (size_t b = 0; b < resamples; ++b) {
    double sn = 0, sd = 0;
    for (size_t l = 0; l < n; ++l) {
      const size_t pick = static_cast<size_t>(rng() % n);
      sn += numerators[pick];
      sd += denominators[pick];
    }
    estimates.push_back(sd > 0 ? sn / sd : 0.0);
  }
  std::sort(estimates.begin(), estimates.end());
  auto quantile = [&](double q) {
    const double pos = q * static_cast<double>(estimates.size() - 1);
    const size_t lo = static_cast<size_t>(std::floor(pos));
    const size_t hi = std::min(lo + 1, estimates.size() - 1);
    return estimates[lo] + (pos - static_cast<double>(lo)) * (estimates[hi] - estimates[lo]);
  };
  out.low = quantile((1 - confidence) / 2);
  out.high = quantile((1 + confidence) / 2);
  return out;
}

}  // namespace pathrank
