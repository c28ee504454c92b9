// End-to-end tests of the `pathrank` binary's catalog commands.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "server/cli/run_cli.h"
#include "test_paths.h"

namespace pathrank {
namespace {

using ::testing::HasSubstr;

using CliRun = testing::CliResult;

CliRun RunCli(const std::string& args) { return testing::RunPathrank(args); }

TEST(CliValidateTest, GoCatalogIsValidAndCounted) {
  CliRun run = RunCli("validate " + testing::GoCatalogPath());
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("catalog go-backend"));
  EXPECT_THAT(run.out, HasSubstr(": valid"));
  EXPECT_THAT(run.out, HasSubstr("framework 12, project 3"));
  EXPECT_THAT(run.out, HasSubstr("microservices"));
  EXPECT_THAT(run.out, HasSubstr("clauses: "));
  EXPECT_THAT(run.out, HasSubstr("goals: "));
}

TEST(CliValidateTest, InvalidCatalogPrintsEveryErrorAndFails) {
  const std::string path = ::testing::TempDir() + "/cli_invalid.json";
  std::ofstream(path) << R"({"format": "pathrank.catalog/v1", "id": "bad", "title": "Bad",
    "stages": [{"id": "s", "title": "S"}],
    "items": [
      {"id": "a", "kind": "topic", "title": "A", "stage": "s", "hours": 1, "difficulty": 1,
       "prerequisites": [{"any_of": ["b"]}]},
      {"id": "b", "kind": "topic", "title": "B", "stage": "s", "hours": 1, "difficulty": 9,
       "prerequisites": [{"any_of": ["a"]}, {"any_of": ["ghost"]}]}]})";
  CliRun run = RunCli("validate " + path);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, HasSubstr("3 errors"));
  EXPECT_THAT(run.out, HasSubstr("item \"b\": difficulty must be an integer in 1..5"));
  EXPECT_THAT(run.out, HasSubstr("names unknown item \"ghost\""));
  EXPECT_THAT(run.out, HasSubstr("\"a\" -> \"b\" -> \"a\""));
}

TEST(CliValidateTest, SyntaxErrorAndMissingFile) {
  const std::string path = ::testing::TempDir() + "/cli_syntax.json";
  std::ofstream(path) << "{\n  \"format\": \n}";
  CliRun run = RunCli("validate " + path);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, HasSubstr("line 3, column 1"));
  CliRun missing = RunCli("validate /nonexistent/catalog.json");
  EXPECT_EQ(missing.exit_code, 3);
  EXPECT_THAT(missing.out, HasSubstr("cannot open /nonexistent/catalog.json"));
}

TEST(CliItemsTest, FiltersByKindStageAndQuery) {
  CliRun frameworks = RunCli("items " + testing::GoCatalogPath() + " --kind framework");
  EXPECT_EQ(frameworks.exit_code, 0) << frameworks.out;
  EXPECT_THAT(frameworks.out, HasSubstr("12 of "));
  EXPECT_THAT(frameworks.out, HasSubstr("gin"));
  EXPECT_THAT(frameworks.out, HasSubstr("kratos"));

  CliRun query = RunCli("items " + testing::GoCatalogPath() + " --query waitgroup");
  EXPECT_EQ(query.exit_code, 0);
  EXPECT_THAT(query.out, HasSubstr("1 of "));

  CliRun stage = RunCli("items " + testing::GoCatalogPath() + " --stage nosuch");
  EXPECT_EQ(stage.exit_code, 1);
  EXPECT_THAT(stage.out, HasSubstr("no stage \"nosuch\""));

  CliRun kind = RunCli("items " + testing::GoCatalogPath() + " --kind library");
  EXPECT_EQ(kind.exit_code, 1);
  EXPECT_THAT(kind.out, HasSubstr("--kind: expected topic, framework or project"));
}

TEST(CliTest, UnknownSubcommandIsAUsageError) {
  CliRun run = RunCli("frobnicate");
  EXPECT_NE(run.exit_code, 0);
}

}  // namespace
}  // namespace pathrank

namespace pathrank {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(CliRecommendTest, TableAndExplanation) {
  CliRun run = RunCli("recommend " + testing::GoCatalogPath() +
                      " --mastered go-environment,go-basic-syntax -k 3 --goal microservices");
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("score"));
  EXPECT_THAT(run.out, Not(HasSubstr("go-basic-syntax ")));  // mastered: never ranked
  CliRun explained = RunCli("recommend " + testing::GoCatalogPath() +
                            " --mastered go-environment -k 2 --goal microservices --explain");
  EXPECT_EQ(explained.exit_code, 0) << explained.out;
  EXPECT_THAT(explained.out, HasSubstr("contributions: coverage"));
}

TEST(CliRecommendTest, JsonFollowsTheApiShape) {
  const std::string mastery = ::testing::TempDir() + "/cli_mastery.json";
  std::ofstream(mastery) << R"({"go-environment": 1.0, "go-basic-syntax": 0.9})";
  CliRun run = RunCli("recommend " + testing::GoCatalogPath() + " --mastery " + mastery +
                      " -k 2 --goal rest-api:2 --json --explain");
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("\"catalog\": \"go-backend\""));
  EXPECT_THAT(run.out, HasSubstr("\"profile\": \"default\""));
  EXPECT_THAT(run.out, HasSubstr("\"terms\""));
  EXPECT_THAT(run.out, HasSubstr("\"explanation\""));
  EXPECT_THAT(run.out, HasSubstr("\"unlocks\""));
}

TEST(CliRecommendTest, BadInputIsAClearError) {
  CliRun unknown = RunCli("recommend " + testing::GoCatalogPath() + " --mastered gin,nosuch");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_THAT(unknown.out, HasSubstr("/mastery/nosuch: unknown item \"nosuch\""));
  CliRun goal = RunCli("recommend " + testing::GoCatalogPath() + " --goal nogoal");
  EXPECT_EQ(goal.exit_code, 1);
  EXPECT_THAT(goal.out, HasSubstr("/goals/nogoal: unknown goal"));
  CliRun weight = RunCli("recommend " + testing::GoCatalogPath() + " -w w_rel=abc");
  EXPECT_EQ(weight.exit_code, 1);
  EXPECT_THAT(weight.out, HasSubstr("--weight: \"abc\" in \"w_rel=abc\" is not a number"));
  CliRun profile = RunCli("recommend " + testing::GoCatalogPath() + " --profile nosuch.json");
  EXPECT_EQ(profile.exit_code, 1);
  EXPECT_THAT(profile.out, HasSubstr("neither a built-in profile nor a readable profile file"));
}

TEST(CliPathTest, TableJsonDotMermaid) {
  const std::string base = "path " + testing::GoCatalogPath() +
                           " --mastered go-environment,go-basic-syntax --goal cloud-native "
                           "--hours-per-week 6";
  CliRun table = RunCli(base);
  EXPECT_EQ(table.exit_code, 0) << table.out;
  EXPECT_THAT(table.out, HasSubstr("target of goal cloud-native"));
  EXPECT_THAT(table.out, HasSubstr("h/week"));
  CliRun json = RunCli(base + " --format json");
  EXPECT_THAT(json.out, HasSubstr("\"cumulative_hours\""));
  EXPECT_THAT(json.out, HasSubstr("\"weeks\""));
  CliRun dot = RunCli(base + " --format dot");
  EXPECT_THAT(dot.out, HasSubstr("digraph plan {"));
  EXPECT_THAT(dot.out, HasSubstr("cluster_week_1"));
  EXPECT_THAT(dot.out, HasSubstr(" -> "));
  CliRun mermaid = RunCli(base + " --format mermaid");
  EXPECT_THAT(mermaid.out, HasSubstr("flowchart LR"));
  EXPECT_THAT(mermaid.out, HasSubstr(" --> "));
  CliRun no_goal = RunCli("path " + testing::GoCatalogPath());
  EXPECT_EQ(no_goal.exit_code, 1);
  EXPECT_THAT(no_goal.out, HasSubstr("a path needs at least one goal"));
}

}  // namespace
}  // namespace pathrank

namespace pathrank {
namespace {

using ::testing::HasSubstr;

TEST(CliTeamTest, TableJsonAndErrors) {
  const std::string members = ::testing::TempDir() + "/cli_team.json";
  std::ofstream(members) << R"([{"id": "ana", "mastery": {"go-basic-syntax": 1, "goroutines": 1}},
                                {"id": "bo", "mastery": {"kitex": 1}}])";
  CliRun table = RunCli("team " + testing::GoCatalogPath() + " --members " + members +
                        " --goal microservices -k 3");
  EXPECT_EQ(table.exit_code, 0) << table.out;
  EXPECT_THAT(table.out, HasSubstr("ramp-up h"));
  EXPECT_THAT(table.out, HasSubstr("training plan for"));
  CliRun json = RunCli("team " + testing::GoCatalogPath() + " --members " + members +
                       " --goal microservices --type \"Web Framework\" --json");
  EXPECT_EQ(json.exit_code, 0) << json.out;
  EXPECT_THAT(json.out, HasSubstr("\"ramp_up_hours\""));
  EXPECT_THAT(json.out, HasSubstr("\"missing\""));
  EXPECT_THAT(json.out, ::testing::Not(HasSubstr("\"id\": \"kitex\"")));

  const std::string dup = ::testing::TempDir() + "/cli_team_dup.json";
  std::ofstream(dup) << R"([{"id": "ana", "mastery": {"nosuch": 1}}, {"id": "ana"}])";
  CliRun bad =
      RunCli("team " + testing::GoCatalogPath() + " --members " + dup + " --goal microservices");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_THAT(bad.out, HasSubstr("/members/0/mastery/nosuch"));
  EXPECT_THAT(bad.out, HasSubstr("/members/1/id: duplicate member id \"ana\""));
  CliRun type = RunCli("team " + testing::GoCatalogPath() + " --members " + members +
                       " --type \"Game Engine\"");
  EXPECT_EQ(type.exit_code, 1);
  EXPECT_THAT(type.out, HasSubstr("known types:"));
}

}  // namespace
}  // namespace pathrank
