// A/B experiment assignment (ops/experiments.h): stable, by SHA-256, shares
// honoured, time windows and catalogs respected, bad configs named.

#include "ops/experiments.h"

#include <gtest/gtest.h>

#include <map>

namespace pathrank::server {
namespace {

ExperimentConfig TwoWay(double first_share) {
  ExperimentConfig e;
  e.name = "ranking-2026";
  e.variants = {{"control", "default", "", first_share},
                {"goal", "goal-first", "", 1 - first_share}};
  return e;
}

TEST(ExperimentsTest, AssignmentPointIsTheSha256OfExperimentAndLearner) {
  // Computed independently: int(sha256(b"ranking-2026\nada")[:8]) >> 11 / 2**53.
  EXPECT_DOUBLE_EQ(AssignmentPoint("ranking-2026", "ada"), 0.5042504615699529);
  EXPECT_DOUBLE_EQ(AssignmentPoint("ranking-2026", "bob"), 0.22938026389663901);
  EXPECT_NE(AssignmentPoint("other", "ada"), AssignmentPoint("ranking-2026", "ada"));
}

TEST(ExperimentsTest, SharesAreHonouredOverManyLearners) {
  const std::vector<ExperimentConfig> experiments = {TwoWay(0.3)};
  std::map<std::string, int> counts;
  constexpr int kLearners = 20000;
  for (int i = 0; i < kLearners; ++i) {
    auto a = AssignExperiment(experiments, "go-backend", "learner-" + std::to_string(i), 0);
    ASSERT_TRUE(a.has_value());
    ++counts[a->variant_config().name];
    // The same id, the same variant, every time.
    EXPECT_EQ(
        AssignExperiment(experiments, "go-backend", "learner-" + std::to_string(i), 0)->variant,
        a->variant);
  }
  // 0.3 of 20,000 is 6,000; the binomial sd is ~65: within 5 sd.
  EXPECT_NEAR(counts["control"], 6000, 330);
  EXPECT_NEAR(counts["goal"], 14000, 330);
}

TEST(ExperimentsTest, WindowCatalogsAndEmptyIdsDecideWhetherOneApplies) {
  ExperimentConfig e = TwoWay(0.5);
  e.start_ms = 1000;
  e.stop_ms = 2000;
  e.catalogs = {"go-backend"};
  const std::vector<ExperimentConfig> experiments = {e};
  EXPECT_FALSE(AssignExperiment(experiments, "go-backend", "ada", 999).has_value());
  EXPECT_TRUE(AssignExperiment(experiments, "go-backend", "ada", 1000).has_value());
  EXPECT_FALSE(AssignExperiment(experiments, "go-backend", "ada", 2000).has_value());
  EXPECT_FALSE(AssignExperiment(experiments, "rust", "ada", 1500).has_value());
  EXPECT_FALSE(AssignExperiment(experiments, "go-backend", "", 1500).has_value());
}

TEST(ExperimentsTest, CountersRenderPerVariant) {
  const std::vector<ExperimentConfig> experiments = {TwoWay(0.5)};
  ExperimentCounters counters(experiments);
  counters.Count({&experiments[0], 1});
  counters.Count({&experiments[0], 1});
  const std::string text = counters.Prometheus();
  EXPECT_NE(text.find("pathrank_experiment_requests_total{experiment=\"ranking-2026\","
                      "variant=\"goal\"} 2\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("variant=\"control\"} 0\n"), std::string::npos) << text;
}

TEST(ExperimentsTest, BadExperimentsAreNamedByPointerAndPathVariantsBecomeProfiles) {
  ExperimentConfig bad = TwoWay(0.5);
  bad.variants[1].share = 0.7;   // sums to 1.2
  bad.variants[0].profile = "";  // neither profile nor path
  ExperimentConfig files = TwoWay(0.5);
  files.name = "files";
  files.variants[1].profile = "";
  files.variants[1].path = "/etc/pathrank/deep.json";
  std::vector<ProfileSourceConfig> profiles;
  std::vector<std::pair<std::string, std::string>> errors;
  CheckExperiments({bad, files}, &profiles, &errors);
  std::vector<std::string> pointers;
  for (const auto& [pointer, message] : errors) pointers.push_back(pointer);
  EXPECT_EQ(pointers,
            (std::vector<std::string>{"/experiments/0/variants/0", "/experiments/0/variants"}));
  ASSERT_EQ(profiles.size(), 1u);
  EXPECT_EQ(profiles[0].name, "files.goal");
  EXPECT_EQ(profiles[0].path, "/etc/pathrank/deep.json");
  // Checked again (a reload): still one.
  CheckExperiments({files}, &profiles, &errors);
  EXPECT_EQ(profiles.size(), 1u);
}

}  // namespace
}  // namespace pathrank::server
