// Properties of the scorer, the batch scorer and the planner over randomly
// generated catalogs and learners.

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "pathrank/batch_scorer.h"
#include "pathrank/catalog_builder.h"
#include "pathrank/eval/synthetic_catalog.h"
#include "pathrank/planner.h"
#include "pathrank/scorer.h"
#include "pathrank/sequence_model.h"

namespace pathrank {
namespace {

struct World {
  std::shared_ptr<const Catalog> catalog;
  std::unique_ptr<Scorer> scorer;
  std::vector<LearnerState> learners;
};

// A random catalog and learners whose mastery follows the prerequisite
// order (as real learners' does), with noise.
World MakeWorld(uint64_t seed, uint32_t items, size_t learners) {
  SyntheticCatalogOptions options;
  options.items = items;
  options.seed = seed;
  options.goals = 4;
  World w;
  auto built = BuildCatalog(MakeSyntheticCatalog(options));
  EXPECT_TRUE(built) << built.error().message();
  w.catalog = *built;
  w.scorer = std::make_unique<Scorer>(w.catalog);
  std::mt19937_64 rng(seed * 7919 + 1);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (size_t l = 0; l < learners; ++l) {
    LearnerState s;
    s.mastery.assign(items, 0.0);
    const double progress = unit(rng);
    for (ItemId i : w.catalog->topological_order()) {
      const double position = static_cast<double>(w.catalog->topological_rank(i)) / items;
      if (position < progress) {
        s.mastery[i] = unit(rng) < 0.7 ? 1.0 : std::round(unit(rng) * 100) / 100;
      }
    }
    const size_t goals = l % 3;
    for (size_t g = 0; g < goals; ++g) {
      s.goals.push_back(
          {static_cast<uint32_t>((l + g) % w.catalog->goals().size()), 0.5 + unit(rng)});
    }
    w.learners.push_back(std::move(s));
  }
  return w;
}

class ScorerPropertyTest : public ::testing::TestWithParam<uint64_t> {};

TEST_P(ScorerPropertyTest, RankedItemsAreUnmasteredReadyAndFinite) {
  World w = MakeWorld(GetParam(), 400, 30);
  ScoringProfile profile;
  RecommendOptions options;
  options.k = 25;
  for (const LearnerState& learner : w.learners) {
    auto ranked = w.scorer->Recommend(learner, profile, options);
    ASSERT_TRUE(ranked);
    double last = INFINITY;
    for (const Recommendation& r : *ranked) {
      EXPECT_LT(learner.mastery[r.item], profile.theta);
      EXPECT_TRUE(r.ready);
      EXPECT_TRUE(std::isfinite(r.score));
      EXPECT_LE(r.score, last);
      last = r.score;
      for (const Clause& clause : w.catalog->clauses_of(r.item)) {
        if (clause.type != ClauseType::kRequires) continue;
        double s = 0;
        for (ItemId a : w.catalog->alternatives(clause)) s = std::max(s, learner.mastery[a]);
        EXPECT_GE(s, profile.theta_req)
            << "unmet requires clause of " << w.catalog->item(r.item).id;
      }
    }
  }
}

TEST_P(ScorerPropertyTest, RaisingAPrerequisiteNeverLowersCoverage) {
  World w = MakeWorld(GetParam(), 300, 10);
  std::mt19937_64 rng(GetParam());
  ScoringProfile profile;
  for (LearnerState learner : w.learners) {
    ScoreSheet before, after;
    w.scorer->Score(learner, profile, nullptr, &before);
    const ItemId p = static_cast<ItemId>(rng() % w.catalog->item_count());
    learner.mastery[p] = std::min(1.0, learner.mastery[p] + 0.5);
    w.scorer->Score(learner, profile, nullptr, &after);
    for (const Dependent& d : w.catalog->dependents_of(p)) {
      EXPECT_GE(after.terms[d.item].coverage, before.terms[d.item].coverage);
      EXPECT_GE(after.ready[d.item], before.ready[d.item]);
    }
  }
}

TEST_P(ScorerPropertyTest, IdenticalRunToRun) {
  World a = MakeWorld(GetParam(), 300, 8);
  World b = MakeWorld(GetParam(), 300, 8);
  RecommendOptions options;
  options.k = 20;
  options.explain = true;
  for (size_t l = 0; l < a.learners.size(); ++l) {
    auto ra = a.scorer->Recommend(a.learners[l], ScoringProfile{}, options);
    auto rb = b.scorer->Recommend(b.learners[l], ScoringProfile{}, options);
    ASSERT_TRUE(ra && rb);
    ASSERT_EQ(ra->size(), rb->size());
    for (size_t r = 0; r < ra->size(); ++r) {
      EXPECT_EQ((*ra)[r].item, (*rb)[r].item);
      EXPECT_EQ((*ra)[r].score, (*rb)[r].score);
      EXPECT_EQ((*ra)[r].explanation->unlocks, (*rb)[r].explanation->unlocks);
    }
  }
}

// A sequence model for the tests: a value in [0, 1) per item that depends
// on the learner, as a learned model's does.
class HashSequence : public SequenceModel {
 public:
  void Score(const LearnerState& learner, std::span<double> out) const override {
    double seed = 0;
    for (double m : learner.mastery) seed += m;
    for (size_t i = 0; i < out.size(); ++i) {
      const double x = std::sin(static_cast<double>(i) * 12.9898 + seed) * 43758.5453;
      out[i] = x - std::floor(x);
    }
  }
};

TEST_P(ScorerPropertyTest, BatchEqualsSingle) {
  World w = MakeWorld(GetParam(), 500, 70);
  BatchScorer batch(*w.scorer);
  struct Variant {
    size_t k;
    bool blocked;
    size_t threads;
    bool filters;   // a kind filter and excluded items
    bool sequence;  // with a sequence model
  };
  const HashSequence sequence;
  // The last variant ranks every candidate, so every tie is ordered.
  for (const Variant& v :
       {Variant{15, false, 1, false, false}, Variant{15, true, 3, false, false},
        Variant{500, true, 2, true, false}, Variant{15, false, 2, false, true}}) {
    RecommendOptions options;
    options.k = v.k;
    options.include_blocked = v.blocked;
    if (v.filters) {
      options.kinds = {ItemKind::kTopic, ItemKind::kProject};
      for (ItemId i = 0; i < 500; i += 7) options.exclude.push_back(i);
    }
    ScoringProfile profile;
    profile.w_fnd = 0.35;
    if (v.sequence) {
      options.sequence = &sequence;
      profile.w_seq = 0.5;
    }
    std::vector<std::vector<Recommendation>> out;
    ASSERT_TRUE(batch.Recommend(w.learners, profile, options, &out, /*block=*/16, v.threads).ok());
    ASSERT_EQ(out.size(), w.learners.size());
    size_t ranked = 0;
    for (const auto& list : out) ranked += list.size();
    EXPECT_GT(ranked, w.learners.size());
    for (size_t l = 0; l < w.learners.size(); ++l) {
      auto single = w.scorer->Recommend(w.learners[l], profile, options);
      ASSERT_TRUE(single);
      ASSERT_EQ(out[l].size(), single->size()) << "learner " << l;
      for (size_t r = 0; r < single->size(); ++r) {
        EXPECT_EQ(out[l][r].item, (*single)[r].item) << "learner " << l << " rank " << r;
        EXPECT_EQ(out[l][r].score, (*single)[r].score);
        EXPECT_EQ(out[l][r].ready, (*single)[r].ready);
        EXPECT_EQ(out[l][r].terms.relevance, (*single)[r].terms.relevance);
        EXPECT_EQ(out[l][r].terms.unlock, (*single)[r].terms.unlock);
        EXPECT_EQ(out[l][r].terms.coverage, (*single)[r].terms.coverage);
        EXPECT_EQ(out[l][r].terms.effort, (*single)[r].terms.effort);
        EXPECT_EQ(out[l][r].terms.foundation, (*single)[r].terms.foundation);
        EXPECT_EQ(out[l][r].terms.sequence, (*single)[r].terms.sequence);
      }
    }
  }
}

TEST_P(ScorerPropertyTest, PlansRespectRequiresAndSkipMastered) {
  World w = MakeWorld(GetParam(), 250, 12);
  ScoringProfile profile;
  PlanOptions options;
  options.hours_per_week = 12;
  size_t total_steps = 0;
  for (const LearnerState& learner : w.learners) {
    if (learner.goals.empty()) continue;
    auto plan = PlanPath(*w.scorer, learner, profile, options);
    ASSERT_TRUE(plan) << plan.error().message();
    std::vector<double> m = learner.mastery;
    double hours = 0;
    for (const PlanStep& step : plan->steps) {
      EXPECT_LT(learner.mastery[step.item], profile.theta);
      for (const Clause& clause : w.catalog->clauses_of(step.item)) {
        if (clause.type != ClauseType::kRequires) continue;
        double s = 0;
        for (ItemId a : w.catalog->alternatives(clause)) s = std::max(s, m[a]);
        EXPECT_GE(s, profile.theta_req);
      }
      m[step.item] = 1.0;
      hours += step.hours;
      ++total_steps;
      EXPECT_DOUBLE_EQ(step.cumulative_hours, hours);
      EXPECT_EQ(step.week, std::max(1, static_cast<int>(std::ceil(hours / 12 - 1e-9))));
    }
    // Every target of the goals is on the path or already mastered.
    for (const auto& [goal, weight] : learner.goals) {
      for (const auto& [item, demand] : w.catalog->goals()[goal].demand) {
        if (weight * demand < options.min_target_demand) continue;
        EXPECT_GE(m[item], profile.theta) << w.catalog->item(item).id;
      }
    }
  }
  EXPECT_GT(total_steps, 0u);
}

INSTANTIATE_TEST_SUITE_P(Seeds, ScorerPropertyTest, ::testing::Values(1, 2, 3, 17, 99));

}  // namespace
}  // namespace pathrank
