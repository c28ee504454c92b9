// End-to-end tests of `pathrank simulate`, `eval` and `tune`, and of the
// tuned files loaded back by `recommend`.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "server/cli/run_cli.h"
#include "test_paths.h"

namespace pathrank {
namespace {

using ::testing::HasSubstr;
using testing::RunPathrank;

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(CliTuningTest, SimulateEvalTuneAndRecommendWithTheResult) {
  const std::string dir = ::testing::TempDir() + "/cli_tuning";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string go = testing::GoCatalogPath();
  auto sim = RunPathrank("simulate " + go + " --learners 50 --seed 3 --out " + dir + "/sim.csv");
  ASSERT_EQ(sim.exit_code, 0) << sim.out;
  EXPECT_THAT(sim.out, HasSubstr("simulated 50 learners"));
  EXPECT_THAT(Slurp(dir + "/sim.csv"), HasSubstr("learner,step,item,mastery,goal\nsim-00000,1,"));

  auto eval = RunPathrank("eval " + go + " -t " + dir + "/sim.csv --train " + dir + "/sim.csv");
  ASSERT_EQ(eval.exit_code, 0) << eval.out;
  for (const char* ranker : {"pathrank", "random", "popularity", "catalog-order", "coverage",
                             "transition", "NDCG@10", "HitRate@10", "MRR", "unmet requires"}) {
    EXPECT_THAT(eval.out, HasSubstr(ranker));
  }
  auto no_train = RunPathrank("eval " + go + " -t " + dir + "/sim.csv --json");
  ASSERT_EQ(no_train.exit_code, 0) << no_train.out;
  EXPECT_THAT(no_train.out, HasSubstr("\"ndcg\""));
  EXPECT_THAT(no_train.out, ::testing::Not(HasSubstr("transition")));

  auto tune = RunPathrank("tune " + go + " --trajectories " + dir + "/sim.csv --seed 2 --out " +
                          dir + "/tuned --samples 3 --rounds 1 --label 'simulated learners'");
  ASSERT_EQ(tune.exit_code, 0) << tune.out;
  EXPECT_THAT(tune.out, HasSubstr("tune: "));  // plain progress lines off a terminal
  EXPECT_THAT(tune.out, HasSubstr("ETA"));
  EXPECT_THAT(tune.out, HasSubstr("tuned vs best baseline"));
  const std::string report = Slurp(dir + "/tuned/report.md");
  EXPECT_THAT(report, HasSubstr("# Tuning report: catalog `go-backend`"));
  EXPECT_THAT(report, HasSubstr("](chart.svg)"));
  EXPECT_THAT(report, HasSubstr("Wilcoxon"));
  EXPECT_THAT(report, HasSubstr("--label 'simulated learners'"));
  const std::string svg = Slurp(dir + "/tuned/chart.svg");
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_THAT(svg, HasSubstr("</svg>"));
  EXPECT_THAT(Slurp(dir + "/tuned/profile.json"), HasSubstr("pathrank.profile/v1"));
  EXPECT_THAT(Slurp(dir + "/tuned/sequence.json"), HasSubstr("pathrank.sequence/v1"));

  // The CLI loads the tuned profile and its sequence model.
  auto rec = RunPathrank("recommend " + go + " --profile " + dir + "/tuned/profile.json" +
                         " --sequence-model " + dir + "/tuned/sequence.json" +
                         " --mastered go-environment,go-basic-syntax --recent go-basic-syntax," +
                         "go-environment -g microservices -k 5");
  ASSERT_EQ(rec.exit_code, 0) << rec.out;
  EXPECT_THAT(rec.out, HasSubstr("seq"));
  auto path = RunPathrank("path " + go + " --profile " + dir + "/tuned/profile.json" +
                          " --sequence-model " + dir + "/tuned/sequence.json -g rest-api");
  ASSERT_EQ(path.exit_code, 0) << path.out;
}

TEST(CliTuningTest, ErrorsNameTheirInput) {
  const std::string dir = ::testing::TempDir() + "/cli_tuning_errors";
  std::filesystem::create_directories(dir);
  const std::string go = testing::GoCatalogPath();
  std::ofstream(dir + "/bad.csv") << "learner,step,item\nu,1,go-environment\nu,2,no-such-item\n";
  auto eval = RunPathrank("eval " + go + " -t " + dir + "/bad.csv");
  EXPECT_EQ(eval.exit_code, 1);
  EXPECT_THAT(eval.out, HasSubstr("bad.csv: line 3, column 5: unknown item \"no-such-item\""));
  auto missing = RunPathrank("tune " + go + " -t " + dir + "/none.csv --out " + dir + "/x");
  EXPECT_EQ(missing.exit_code, 3);
  std::ofstream(dir + "/seq.json") << "{\"format\": \"pathrank.sequence/v1\"}";
  auto rec = RunPathrank("recommend " + go + " --sequence-model " + dir + "/seq.json");
  EXPECT_EQ(rec.exit_code, 1);
  EXPECT_THAT(rec.out, HasSubstr("--sequence-model"));
  auto recent = RunPathrank("recommend " + go + " --recent nope");
  EXPECT_EQ(recent.exit_code, 1);
  EXPECT_THAT(recent.out, HasSubstr("--recent: unknown item \"nope\""));
}

}  // namespace
}  // namespace pathrank
