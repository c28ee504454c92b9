#include "pathrank/eval/metrics.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace pathrank {

namespace {

constexpr size_t kTable = 1024;

const std::array<double, kTable>& DiscountTable() {
  static const std::array<double, kTable> table = [] {
    std::array<double, kTable> t{};
    for (size_t p = 1; p < kTable; ++p) t[p] = 1.0 / std::log2(static_cast<double>(p) + 1.0);
    return t;
  }();
  return table;
}

}  // namespace

double DiscountAt(uint32_t position) {
  if (position == 0) return 0.0;
  if (position < kTable) return DiscountTable()[position];
  return 1.0 / std::log2(static_cast<double>(position) + 1.0);
}

double HitRateAtK(std::span<const uint32_t> positions, size_t k) {
  for (uint32_t p : positions) {
    if (p >= 1 && p <= k) return 1.0;
  }
  return 0.0;
}

double NdcgAtK(std::span<const uint32_t> positions, size_t k) {
  if (positions.empty()) return 0.0;
  double dcg = 0, idcg = 0;
  for (uint32_t p : positions) {
    if (p >= 1 && p <= k) dcg += DiscountAt(p);
  }
  const size_t ideal = std::min(positions.size(), k);
  for (size_t j = 1; j <= ideal; ++j) idcg += DiscountAt(static_cast<uint32_t>(j));
  return dcg / idcg;
}

double ReciprocalRank(std::span<const uint32_t> positions) {
  uint32_t first = 0;
  for (uint32_t p : positions) {
    if (p >= 1 && (first == 0 || p < first)) first = p;
  }
  return first == 0 ? 0.0 : 1.0 / first;
}

}  // namespace pathrank
