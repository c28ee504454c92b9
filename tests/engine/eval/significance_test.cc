// The Wilcoxon signed-rank test and the paired bootstrap on hand-computed
// examples.

#include "pathrank/eval/significance.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace pathrank {
namespace {

TEST(WilcoxonTest, HandComputedExample) {
  // d = 1, 2, -3, 4, 5 and one zero (dropped). Ranks of |d|: 1..5.
  // W+ = 1 + 2 + 4 + 5 = 12, W- = 3; mean n(n+1)/4 = 7.5;
  // variance n(n+1)(2n+1)/24 = 13.75; z = 4.5 / sqrt(13.75) = 1.21356;
  // p = erfc(z / sqrt 2) = 0.22492.
  const std::vector<double> d = {1, 2, -3, 4, 5, 0};
  const WilcoxonResult r = WilcoxonSignedRank(d);
  EXPECT_EQ(r.n, 5u);
  EXPECT_EQ(r.zeros, 1u);
  EXPECT_DOUBLE_EQ(r.w_plus, 12);
  EXPECT_DOUBLE_EQ(r.w_minus, 3);
  EXPECT_NEAR(r.z, 4.5 / std::sqrt(13.75), 1e-12);
  EXPECT_NEAR(r.p_value, 0.224916, 1e-5);
}

TEST(WilcoxonTest, TiesGetAverageRanksAndCorrectTheVariance) {
  // |d| = 1, 1, 2, 2, 2: ranks 1.5, 1.5, 4, 4, 4. Positives: 1 (1.5), 2, 2
  // (4 + 4) -> W+ = 9.5, W- = 1.5 + 4 = 5.5. Tie groups of 2 and 3:
  // sum (t^3 - t) = 6 + 24 = 30; variance = 13.75 - 30/48 = 13.125.
  const std::vector<double> d = {1, -1, 2, 2, -2};
  const WilcoxonResult r = WilcoxonSignedRank(d);
  EXPECT_DOUBLE_EQ(r.w_plus, 9.5);
  EXPECT_DOUBLE_EQ(r.w_minus, 5.5);
  EXPECT_NEAR(r.z, (9.5 - 7.5) / std::sqrt(13.125), 1e-12);
  EXPECT_NEAR(r.p_value, std::erfc(std::fabs(r.z) / std::sqrt(2.0)), 1e-15);
}

TEST(WilcoxonTest, ClearShiftIsSignificantAndSymmetric) {
  std::vector<double> d;
  for (int i = 1; i <= 60; ++i) d.push_back(0.01 * i);
  const WilcoxonResult up = WilcoxonSignedRank(d);
  EXPECT_GT(up.z, 6);
  EXPECT_LT(up.p_value, 1e-9);
  for (double& x : d) x = -x;
  const WilcoxonResult down = WilcoxonSignedRank(d);
  EXPECT_NEAR(down.z, -up.z, 1e-12);
  EXPECT_NEAR(down.p_value, up.p_value, 1e-15);
}

TEST(WilcoxonTest, AllZerosHaveNoEvidence) {
  const std::vector<double> d = {0, 0, 1e-15};
  const WilcoxonResult r = WilcoxonSignedRank(d);
  EXPECT_EQ(r.n, 0u);
  EXPECT_EQ(r.zeros, 3u);
  EXPECT_EQ(r.p_value, 1.0);
}

TEST(BootstrapTest, RatioEstimateAndSeededInterval) {
  // Per learner: difference sums and step counts.
  const std::vector<double> num = {1.0, 2.0, 0.5, 1.5, 3.0};
  const std::vector<double> den = {10, 10, 5, 10, 15};
  const BootstrapInterval a = PairedBootstrap(num, den, 1000, 7);
  EXPECT_DOUBLE_EQ(a.estimate, 8.0 / 50);
  EXPECT_LE(a.low, a.estimate);
  EXPECT_GE(a.high, a.estimate);
  EXPECT_GT(a.low, 0.0);
  const BootstrapInterval b = PairedBootstrap(num, den, 1000, 7);
  EXPECT_EQ(a.low, b.low);
  EXPECT_EQ(a.high, b.high);
  // A constant ratio has no spread.
  const std::vector<double> flat = {1, 2, 3};
  const std::vector<double> steps = {10, 20, 30};
  const BootstrapInterval c = PairedBootstrap(flat, steps, 200, 1);
  EXPECT_DOUBLE_EQ(c.low, 0.1);
  EXPECT_DOUBLE_EQ(c.high, 0.1);
}

}  // namespace
}  // namespace pathrank
