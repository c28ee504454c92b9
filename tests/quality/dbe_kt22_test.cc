// DBE-KT22 (real students; evaluation only, read from ../shared): the
// catalog and trajectories it yields, and on its held-out students the tuned
// profile with the sequence term reaches the transition baseline's NDCG@10
// and beats graph coverage alone significantly. Skips without ../shared.

#include "dbe_kt22.h"

#include <gtest/gtest.h>

#include "pathrank/eval/tuner.h"
#include "test_paths.h"

namespace pathrank {
namespace {

class DbeKt22Test : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string dir = testing::SharedPath("datasets/dbe-kt22/dbe_kt22_sequences.csv");
    if (dir.empty()) return;
    auto loaded = quality::LoadDbeKt22(testing::SharedPath("datasets/dbe-kt22"));
    if (loaded.has_value()) {
      data_ = new quality::DbeKt22(std::move(*loaded));
    } else {
      error_ = new std::string(loaded.error().message());
    }
  }
  static void TearDownTestSuite() {
    delete data_;
    delete error_;
    data_ = nullptr;
    error_ = nullptr;
  }
  void SetUp() override {
    if (data_ == nullptr && error_ == nullptr) {
      GTEST_SKIP() << "../shared/datasets/dbe-kt22 is absent (evaluation-only data, not shipped)";
    }
    ASSERT_EQ(error_, nullptr) << *error_;
  }
  static quality::DbeKt22* data_;
  static std::string* error_;
};

quality::DbeKt22* DbeKt22Test::data_ = nullptr;
std::string* DbeKt22Test::error_ = nullptr;

TEST_F(DbeKt22Test, CatalogAndTrajectories) {
  const Catalog& c = *data_->catalog;
  EXPECT_EQ(c.item_count(), 98u);
  EXPECT_EQ(data_->undirected_edges, 101u);  // 202 rows, every edge both ways
  EXPECT_EQ(c.clause_count(), 101u);
  for (const Clause& clause : c.clauses()) EXPECT_EQ(clause.type, ClauseType::kRecommends);
  EXPECT_EQ(data_->train.size(), 1012u);
  EXPECT_EQ(data_->test.size(), 252u);
  EXPECT_EQ(data_->skipped_rows, 4935u);
  // Steps never decrease and no KC repeats (first reaches only).
  for (const Trajectory& t : data_->test) {
    std::vector<uint8_t> seen(c.item_count(), 0);
    for (size_t s = 0; s < t.steps.size(); ++s) {
      if (s > 0) {
        EXPECT_LE(t.steps[s - 1].step, t.steps[s].step);
      }
      EXPECT_EQ(seen[t.steps[s].item]++, 0);
    }
  }
}

TEST_F(DbeKt22Test, TunedProfileReachesTransitionAndBeatsCoverage) {
  Scorer scorer(data_->catalog);
  TuneOptions o;
  o.seed = 1;
  o.random_samples = 8;
  o.descent_rounds = 1;
  o.validation_candidates = 1;
  o.bootstrap_resamples = 200;
  o.threads = 2;
  // Every fourth training student and every second held-out student keep
  // the test fast under the sanitizers; the full run (all 1,012 / 252) is in
  // bench/quality/RESULTS.md.
  std::vector<Trajectory> train, test;
  for (size_t l = 0; l < data_->train.size(); l += 4) train.push_back(data_->train[l]);
  for (size_t l = 0; l < data_->test.size(); l += 2) test.push_back(data_->test[l]);
  auto r = Tune(scorer, ScoringProfile{}, train, test, o);
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_EQ(r->test_learners, 126u);
  const BaselineComparison* transition = nullptr;
  const BaselineComparison* coverage = nullptr;
  for (const BaselineComparison& c : r->comparisons) {
    if (c.baseline == "transition") transition = &c;
    if (c.baseline == "coverage") coverage = &c;
  }
  ASSERT_NE(transition, nullptr);
  ASSERT_NE(coverage, nullptr);
  EXPECT_GE(transition->profile_ndcg, transition->baseline_ndcg);
  EXPECT_GT(coverage->difference.estimate, 0.5);
  EXPECT_LT(coverage->wilcoxon.p_value, 1e-6);
  EXPECT_GT(coverage->wilcoxon.z, 0);
  EXPECT_GT(r->tuned.w_seq, 0.0);
}

}  // namespace
}  // namespace pathrank
