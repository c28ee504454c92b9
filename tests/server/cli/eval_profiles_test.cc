// `pathrank eval --profiles`: an experiment's variants compared offline on
// the same trajectories with the paired significance test.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "server/cli/run_cli.h"
#include "test_paths.h"

namespace pathrank::server {
namespace {

using pathrank::testing::RunPathrank;
using ::testing::HasSubstr;

TEST(CliEvalProfilesTest, ComparesEachVariantWithTheFirst) {
  const std::string dir = ::testing::TempDir() + "/cli_eval_profiles";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string go = pathrank::testing::GoCatalogPath();
  ASSERT_EQ(
      RunPathrank("simulate " + go + " --learners 80 --seed 5 --out " + dir + "/sim.csv").exit_code,
      0);
  auto text = RunPathrank("eval " + go + " -t " + dir + "/sim.csv --profiles default,goal-first");
  ASSERT_EQ(text.exit_code, 0) << text.out;
  EXPECT_THAT(text.out, HasSubstr("paired against default"));
  EXPECT_THAT(text.out, HasSubstr("goal-first"));
  EXPECT_THAT(text.out, ::testing::Not(HasSubstr("catalog-order")));  // no baselines

  auto json = RunPathrank("eval " + go + " -t " + dir +
                          "/sim.csv --profiles default,goal-first,quick-wins --json");
  ASSERT_EQ(json.exit_code, 0) << json.out;
  const auto doc = nlohmann::json::parse(json.out);
  ASSERT_EQ(doc["rankers"].size(), 3u);
  ASSERT_EQ(doc["comparisons"].size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    const auto& c = doc["comparisons"][i];
    EXPECT_EQ(c["control"], "default");
    const double diff = c["ndcg_diff"], low = c["ci95"][0], high = c["ci95"][1];
    EXPECT_LE(low, diff);
    EXPECT_GE(high, diff);
    EXPECT_NEAR(
        diff, doc["rankers"][i + 1]["ndcg"].get<double>() - doc["rankers"][0]["ndcg"].get<double>(),
        1e-9);
    EXPECT_GE(c["p_value"].get<double>(), 0.0);
    EXPECT_LE(c["p_value"].get<double>(), 1.0);
  }
  EXPECT_EQ(doc["comparisons"][1]["variant"], "quick-wins");

  auto bad = RunPathrank("eval " + go + " -t " + dir + "/sim.csv --profiles default,nope.json");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_THAT(bad.out, HasSubstr("--profiles nope.json"));
}

}  // namespace
}  // namespace pathrank::server
