// End-to-end tests of the `pathrank` binary's catalog commands.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <string>

#include "test_paths.h"

namespace pathrank {
namespace {

using ::testing::HasSubstr;

struct CliRun {
  int exit_code;
  std::string out;  // stdout and stderr together
};

CliRun RunCli(const std::string& args) {
  const std::string command = std::string(PATHRANK_BIN) + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return {-1, "popen failed"};
  std::string out;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

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
