// `pathrank placement`: the check driven through piped stdin, and
// --simulate writing its figure.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "run_cli.h"
#include "test_paths.h"

namespace pathrank {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string TempFile(const std::string& name, const std::string& text) {
  const char* dir = std::getenv("TEST_TMPDIR");
  const std::string path = std::string(dir ? dir : "/tmp") + "/placement_cli_" + name;
  std::ofstream(path) << text;
  return path;
}

std::string Repeat(const std::string& line, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += line + "\n";
  return out;
}

testing::CliResult Place(const std::string& args, const std::string& answers,
                         const std::string& name) {
  return testing::RunPathrank("placement " + testing::GoCatalogPath() + " " + args + " < " +
                              TempFile(name, answers));
}

TEST(PlacementCliTest, AllNoPlacesNothingKnownAndRecommendsTheBasics) {
  auto run = Place("--max-questions 5", Repeat("n", 5), "no");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("Do you know "));
  EXPECT_THAT(run.out, HasSubstr("placed after 5 questions: 0 items known"));
  EXPECT_THAT(run.out, HasSubstr("next:"));
}

TEST(PlacementCliTest, AYesPlacesTheItemAndItsPrerequisitesAsKnown) {
  auto run = Place("--max-questions 4", Repeat("y", 4), "yes");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("placed after 4 questions"));
  EXPECT_THAT(run.out, Not(HasSubstr(": 0 items known")));
  EXPECT_THAT(run.out, HasSubstr("  go-basic-syntax  "));  // a prerequisite of what was asked
}

TEST(PlacementCliTest, AsksAgainAfterAnAnswerItCannotRead) {
  auto run = Place("--max-questions 2", "maybe\ny\n?\n", "bad");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("please answer y (I know it), n (I do not) or ? (not sure)"));
  EXPECT_THAT(run.out, HasSubstr("placed after 2 questions"));
}

TEST(PlacementCliTest, FailsWhenTheAnswersEndFirst) {
  auto run = Place("--max-questions 5", "y\n", "short");
  EXPECT_EQ(run.exit_code, 1) << run.out;
  EXPECT_THAT(run.out, HasSubstr("the answers ended before the placement did"));
}

TEST(PlacementCliTest, GoalsNarrowTheQuestionsAndAnUnknownGoalFails) {
  auto run = Place("--goal no-such-goal", "", "goal");
  EXPECT_EQ(run.exit_code, 1) << run.out;
  EXPECT_THAT(run.out, HasSubstr("no goal \"no-such-goal\""));
  auto narrowed = Place("--goal rest-api --max-questions 3", Repeat("n", 3), "goal-ok");
  ASSERT_EQ(narrowed.exit_code, 0) << narrowed.out;
  EXPECT_THAT(narrowed.out, Not(HasSubstr("(kubernetes)")));
}

TEST(PlacementCliTest, SimulateWritesTheFigure) {
  const char* dir = std::getenv("TEST_TMPDIR");
  const std::string svg = std::string(dir ? dir : "/tmp") + "/placement_cli.svg";
  std::remove(svg.c_str());
  auto run = testing::RunPathrank("placement " + testing::GoCatalogPath() +
                                  " --simulate --learners 20 --svg " + svg);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("adaptive, stop rule: accuracy "));
  EXPECT_THAT(run.out, HasSubstr("catalog order, same number of questions"));
  std::ifstream in(svg);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_THAT(text.str(), HasSubstr("<svg "));
  EXPECT_THAT(text.str(), HasSubstr("<polyline"));
}

}  // namespace
}  // namespace pathrank
