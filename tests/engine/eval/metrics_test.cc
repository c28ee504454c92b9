// Hand-computed cases of HitRate@k, NDCG@k and the reciprocal rank.

#include "pathrank/eval/metrics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace pathrank {
namespace {

using Positions = std::vector<uint32_t>;

TEST(MetricsTest, OneRelevantItemAtRankThree) {
  const Positions p = {3};
  EXPECT_DOUBLE_EQ(NdcgAtK(p, 10), 0.5);  // 1 / log2(4)
  EXPECT_DOUBLE_EQ(HitRateAtK(p, 10), 1.0);
  EXPECT_DOUBLE_EQ(ReciprocalRank(p), 1.0 / 3);
}

TEST(MetricsTest, OneRelevantItemAtTheTop) {
  const Positions p = {1};
  EXPECT_DOUBLE_EQ(NdcgAtK(p, 1), 1.0);
  EXPECT_DOUBLE_EQ(HitRateAtK(p, 1), 1.0);
  EXPECT_DOUBLE_EQ(ReciprocalRank(p), 1.0);
}

TEST(MetricsTest, BeyondTheCutOff) {
  const Positions p = {11};
  EXPECT_DOUBLE_EQ(NdcgAtK(p, 10), 0.0);
  EXPECT_DOUBLE_EQ(HitRateAtK(p, 10), 0.0);
  // MRR looks at the whole ranking.
  EXPECT_DOUBLE_EQ(ReciprocalRank(p), 1.0 / 11);
  EXPECT_DOUBLE_EQ(NdcgAtK(p, 11), 1.0 / std::log2(12.0));
}

TEST(MetricsTest, RankSevenIsOneThird) {
  EXPECT_DOUBLE_EQ(NdcgAtK(Positions{7}, 10), 1.0 / 3);  // 1 / log2(8)
  EXPECT_DOUBLE_EQ(NdcgAtK(Positions{15}, 20), 0.25);    // 1 / log2(16)
}

TEST(MetricsTest, TwoRelevantItems) {
  // Relevant at 1 and 3: DCG = 1 + 0.5; IDCG = 1 + 1/log2(3).
  const Positions p = {3, 1};
  EXPECT_DOUBLE_EQ(NdcgAtK(p, 10), 1.5 / (1.0 + 1.0 / std::log2(3.0)));
  EXPECT_DOUBLE_EQ(ReciprocalRank(p), 1.0);
  // Only the one at 1 within k = 2; IDCG@2 is still over two items.
  EXPECT_DOUBLE_EQ(NdcgAtK(p, 2), 1.0 / (1.0 + 1.0 / std::log2(3.0)));
  // Both at the top: perfect.
  EXPECT_DOUBLE_EQ(NdcgAtK(Positions{2, 1}, 10), 1.0);
  // More relevant items than k: IDCG stops at k.
  EXPECT_DOUBLE_EQ(NdcgAtK(Positions{1, 2, 3}, 2), 1.0);
}

TEST(MetricsTest, UnrankedAndEmpty) {
  EXPECT_DOUBLE_EQ(NdcgAtK(Positions{0}, 10), 0.0);
  EXPECT_DOUBLE_EQ(HitRateAtK(Positions{0}, 10), 0.0);
  EXPECT_DOUBLE_EQ(ReciprocalRank(Positions{0}), 0.0);
  EXPECT_DOUBLE_EQ(NdcgAtK(Positions{}, 10), 0.0);
}

TEST(MetricsTest, DiscountTableMatchesTheFormula) {
  for (uint32_t p : {1u, 2u, 3u, 100u, 1023u, 1024u, 5000u}) {
    EXPECT_DOUBLE_EQ(DiscountAt(p), 1.0 / std::log2(p + 1.0)) << p;
  }
  EXPECT_DOUBLE_EQ(DiscountAt(0), 0.0);
}

TEST(MetricsTest, SumsAverage) {
  MetricSums sums;
  sums.Add(RankMetrics::Of(Positions{1}, 10));
  sums.Add(RankMetrics::Of(Positions{3}, 10));
  sums.Add(RankMetrics::Of(Positions{20}, 10));
  const RankMetrics m = sums.mean();
  EXPECT_DOUBLE_EQ(m.hit, 2.0 / 3);
  EXPECT_DOUBLE_EQ(m.ndcg, 1.5 / 3);
  EXPECT_DOUBLE_EQ(m.rr, (1.0 + 1.0 / 3 + 1.0 / 20) / 3);
  EXPECT_EQ(MetricSums{}.mean().ndcg, 0.0);
}

}  // namespace
}  // namespace pathrank
