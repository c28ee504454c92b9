// The transition model: counts, smoothing, recency mixing, the model file.

#include "pathrank/transition_model.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/tiny_catalogs.h"

namespace pathrank {
namespace {

using ::testing::HasSubstr;

class TransitionModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    a_ = *c_->FindItem("a");
    b_ = *c_->FindItem("b");
    cc_ = *c_->FindItem("c");
    d_ = *c_->FindItem("d");
    // Two learners a -> c -> e... and one b -> d; one with a, b together.
    train_ = {{"1", {{1, a_, 1, {}}, {2, cc_, 1, {}}}},
              {"2", {{1, a_, 1, {}}, {2, cc_, 1, {}}, {3, d_, 1, {}}}},
              {"3", {{1, b_, 1, {}}, {2, d_, 1, {}}}},
              {"4", {{1, a_, 1, {}}, {1, b_, 1, {}}, {2, d_, 1, {}}}}};
  }
  std::shared_ptr<const Catalog> c_ = testing::FiveItemCatalog();
  ItemId a_, b_, cc_, d_;
  std::vector<Trajectory> train_;
};

TEST_F(TransitionModelTest, CountsTransitionsBetweenEvents) {
  TransitionModel m = TransitionModel::Learn(*c_, train_);
  EXPECT_EQ(m.learner_count(), 4u);
  EXPECT_EQ(m.Count(a_, cc_), 2u);
  EXPECT_EQ(m.Count(cc_, d_), 1u);
  EXPECT_EQ(m.Count(b_, d_), 2u);  // learner 3 and learner 4
  EXPECT_EQ(m.Count(a_, d_), 1u);  // learner 4: a and b both precede d
  EXPECT_EQ(m.Count(a_, b_), 0u);  // same event: no transition
  EXPECT_EQ(m.transition_count(), 6u);
  EXPECT_EQ(m.Popularity(a_), 3u);
  EXPECT_EQ(m.StartCount(a_), 3u);
  EXPECT_EQ(m.StartCount(b_), 2u);
}

TEST_F(TransitionModelTest, SmoothedProbabilities) {
  TransitionModel m = TransitionModel::Learn(*c_, train_, {1.0, 0.5, 3});
  // Popularity: a 3, b 2, c 2, d 3, e 0 -> total 10; prior p(i) = (pop+1)/15.
  const double p_c = 3.0 / 15, p_e = 1.0 / 15;
  // From a: c(a->.) = 3 (c twice, d once).
  EXPECT_NEAR(m.Probability(a_, cc_), (2 + p_c) / 4.0, 1e-12);
  EXPECT_NEAR(m.Probability(a_, *c_->FindItem("e")), p_e / 4.0, 1e-12);
  double sum = 0;
  for (ItemId i = 0; i < c_->item_count(); ++i) sum += m.Probability(a_, i);
  EXPECT_NEAR(sum, 1.0, 1e-12);
  double start_sum = 0;
  for (ItemId i = 0; i < c_->item_count(); ++i) start_sum += m.StartProbability(i);
  EXPECT_NEAR(start_sum, 1.0, 1e-12);
}

TEST_F(TransitionModelTest, ScoreMixesRecentItemsAndNormalises) {
  TransitionModel m = TransitionModel::Learn(*c_, train_, {1.0, 0.5, 3});
  LearnerState s;
  s.mastery.assign(c_->item_count(), 0);
  s.recent = {a_};
  std::vector<double> out(c_->item_count());
  m.Score(s, out);
  EXPECT_DOUBLE_EQ(out[cc_], 1.0);  // the most likely next item
  EXPECT_NEAR(out[d_], m.Probability(a_, d_) / m.Probability(a_, cc_), 1e-12);
  // Two recent items, decay 0.5: mix = (P(.|b) + 0.5 P(.|a)) / 1.5.
  s.recent = {b_, a_};
  m.Score(s, out);
  auto mix = [&](ItemId i) { return (m.Probability(b_, i) + 0.5 * m.Probability(a_, i)) / 1.5; };
  EXPECT_DOUBLE_EQ(out[d_], 1.0);
  EXPECT_NEAR(out[cc_], mix(cc_) / mix(d_), 1e-12);
  // Decay 0: only the newest item counts.
  TransitionModel last_only = m.WithOptions({1.0, 0.0, 3});
  last_only.Score(s, out);
  EXPECT_NEAR(out[cc_], m.Probability(b_, cc_) / m.Probability(b_, d_), 1e-12);
  // No history: the start distribution.
  s.recent.clear();
  m.Score(s, out);
  EXPECT_DOUBLE_EQ(out[a_], 1.0);
  EXPECT_NEAR(out[b_], m.StartProbability(b_) / m.StartProbability(a_), 1e-12);
  for (double v : out) {
    EXPECT_GE(v, 0.0);
    EXPECT_LE(v, 1.0);
  }
}

TEST_F(TransitionModelTest, ModelFileRoundTrip) {
  TransitionModel m = TransitionModel::Learn(*c_, train_, {2.0, 0.25, 2});
  const std::string text = m.ToJson(*c_);
  EXPECT_THAT(text, HasSubstr("\"format\": \"pathrank.sequence/v1\""));
  auto again = TransitionModel::FromJson(*c_, text);
  ASSERT_TRUE(again.has_value()) << again.error().message();
  EXPECT_EQ(again->options(), m.options());
  EXPECT_EQ(again->learner_count(), 4u);
  EXPECT_EQ(again->transition_count(), m.transition_count());
  for (ItemId i = 0; i < c_->item_count(); ++i) {
    EXPECT_EQ(again->Popularity(i), m.Popularity(i));
    EXPECT_EQ(again->StartCount(i), m.StartCount(i));
    for (ItemId j = 0; j < c_->item_count(); ++j) EXPECT_EQ(again->Count(i, j), m.Count(i, j));
  }
  EXPECT_EQ(again->ToJson(*c_), text);
}

TEST_F(TransitionModelTest, ModelFileErrorsNamePointers) {
  const std::string ok_head =
      R"({"format": "pathrank.sequence/v1", "model": "transition", "learners": 1, )";
  struct Case {
    std::string text;
    const char* message;
  };
  const Case cases[] = {
      {R"({"format": "x", "model": "transition", "catalog": "five", "learners": 1,
           "popularity": {}, "start": {}, "transitions": {}})",
       "/format"},
      {ok_head + R"("catalog": "other", "popularity": {}, "start": {}, "transitions": {}})",
       "learned on catalog \"other\""},
      {ok_head + R"("catalog": "five", "popularity": {"zz": 1}, "start": {}, "transitions": {}})",
       "/popularity/zz: unknown item"},
      {ok_head +
           R"("catalog": "five", "popularity": {}, "start": {}, "transitions": {"a": {"b": -1}}})",
       "/transitions/a/b: expected a non-negative integer"},
      {ok_head + R"("catalog": "five", "recency_decay": 2, "popularity": {}, "start": {},
           "transitions": {}})",
       "/recency_decay"},
  };
  for (const Case& c : cases) {
    auto m = TransitionModel::FromJson(*c_, c.text);
    ASSERT_FALSE(m.has_value()) << c.text;
    EXPECT_THAT(m.error().message(), HasSubstr(c.message)) << c.text;
  }
}

}  // namespace
}  // namespace pathrank
