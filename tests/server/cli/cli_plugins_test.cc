// End-to-end tests of `pathrank import` and `pathrank plugins`.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "server/cli/run_cli.h"
#include "test_paths.h"

namespace pathrank {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using CliRun = testing::CliResult;

CliRun RunCli(const std::string& args) { return testing::RunPathrank(args); }

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(CliImportTest, ExercismGoTrackImportsAndValidates) {
  const std::string track = testing::SharedPath("datasets/exercism/go/config.json");
  if (track.empty()) GTEST_SKIP() << "../shared/datasets/exercism is absent";
  const std::string out = ::testing::TempDir() + "/exercism-go.json";
  const std::string import = std::string("import --plugin ") + PATHRANK_PLUGIN_EXERCISM +
                             " --config '{\"path\": \"" + track + "\"}' --out " + out;
  CliRun run = RunCli(import);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("imported catalog exercism-go \"Exercism Go track\" with plugin "
                                 "exercism 1.0.0: 203 items, 267 clauses, 1 goals -> " +
                                 out));
  EXPECT_THAT(run.out, HasSubstr("pathrank: exercism: info: skipped 11 deprecated"));

  CliRun validate = RunCli("validate " + out);
  ASSERT_EQ(validate.exit_code, 0) << validate.out;
  EXPECT_THAT(validate.out, HasSubstr("catalog exercism-go \"Exercism Go track\": valid"));
  EXPECT_THAT(validate.out, HasSubstr("items: 203 (topic 38, framework 0, project 165)"));
  EXPECT_THAT(validate.out, HasSubstr("clauses: 267 (requires 233, recommends 34)"));

  // Importing again writes the same bytes.
  const std::string first = Slurp(out);
  ASSERT_EQ(RunCli(import + " --quiet").exit_code, 0);
  EXPECT_EQ(Slurp(out), first);

  // And pathrank ranks it: a learner who knows the basics gets next concepts.
  CliRun recommend = RunCli("recommend " + out + " --mastered basics,strings -k 5 --json");
  ASSERT_EQ(recommend.exit_code, 0) << recommend.out;
  EXPECT_THAT(recommend.out, HasSubstr("\"catalog\": \"exercism-go\""));
  EXPECT_THAT(recommend.out, HasSubstr("\"ready\": true"));
  EXPECT_THAT(recommend.out, Not(HasSubstr("\"id\": \"basics\"")));
}

TEST(CliImportTest, ConfigFileAndTemplatePlugin) {
  const std::string config = ::testing::TempDir() + "/template-config.json";
  std::ofstream(config) << "{}\n";
  const std::string out = ::testing::TempDir() + "/template.json";
  CliRun run = RunCli(std::string("import -p ") + PATHRANK_PLUGIN_TEMPLATE + " --config-file " +
                      config + " -o " + out + " --quiet");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, Not(HasSubstr("info:")));
  EXPECT_EQ(RunCli("validate " + out).exit_code, 0);

  CliRun both = RunCli(std::string("import -p ") + PATHRANK_PLUGIN_TEMPLATE +
                       " -c '{}' --config-file " + config + " -o " + out);
  EXPECT_NE(both.exit_code, 0);  // a usage error (CLI11's code)
  EXPECT_THAT(both.out, HasSubstr("--config excludes --config-file"));
}

TEST(CliImportTest, FailuresNamePluginRecordAndReason) {
  const std::string out = ::testing::TempDir() + "/never.json";
  CliRun missing = RunCli("import -p /nonexistent/libx.so -c '{}' -o " + out);
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.out, HasSubstr("pathrank: plugin /nonexistent/libx.so: no such file"));

  CliRun config =
      RunCli(std::string("import -p ") + PATHRANK_PLUGIN_CSV + " -c '{\"pth\": 1}' -o " + out);
  EXPECT_EQ(config.exit_code, 1);
  EXPECT_THAT(config.out, HasSubstr("pathrank: plugin csv ("));
  EXPECT_THAT(config.out, HasSubstr("): open failed: config: key \"pth\": unknown key"));

  const std::string junyi = testing::SharedPath("datasets/junyi2015/junyi_Exercise_table.csv");
  if (junyi.empty())
    GTEST_SKIP() << "../shared/datasets/junyi2015 is absent (evaluation-only data)";
  CliRun defects = RunCli(std::string("import -p ") + PATHRANK_PLUGIN_CSV + " -c '{\"path\": \"" +
                          junyi + "\"}' -o " + out);
  EXPECT_EQ(defects.exit_code, 1);
  EXPECT_THAT(defects.out, HasSubstr("11 defects in the source"));
  EXPECT_THAT(defects.out, HasSubstr("(item \"proportions_1\"): prerequisite \"proportions_1\" is "
                                     "the item itself (self-loop)"));
  CliRun dropped = RunCli(std::string("import -p ") + PATHRANK_PLUGIN_CSV + " -c '{\"path\": \"" +
                          junyi + "\", \"on_invalid\": \"drop\"}' -o " + out);
  EXPECT_EQ(dropped.exit_code, 0) << dropped.out;
  EXPECT_THAT(dropped.out, HasSubstr("pathrank: csv: warning: junyi_Exercise_table.csv line 54"));
  EXPECT_THAT(dropped.out, HasSubstr("832 items, 978 clauses"));
  EXPECT_EQ(RunCli("validate " + out).exit_code, 0);
}

TEST(CliPluginsTest, ListsNameVersionAndAbi) {
  CliRun run = RunCli(std::string("plugins ") + PATHRANK_PLUGIN_DIR);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("name        version  abi  provides"));
  for (const char* row : {"awesome_go  1.0.0      1  catalog   libpathrank_awesome_go.so",
                          "case        1.0.0      1  catalog   libpathrank_case.so",
                          "csv         1.0.0      1  catalog   libpathrank_csv.so",
                          "exercism    1.0.0      1  catalog   libpathrank_exercism.so",
                          "metacademy  1.0.0      1  catalog   libpathrank_metacademy.so",
                          "ossu        1.0.0      1  catalog   libpathrank_ossu.so",
                          "template    1.0.0      1  catalog   libpathrank_template.so",
                          "xapi        1.0.0      1  progress  libpathrank_xapi.so"}) {
    EXPECT_THAT(run.out, HasSubstr(row));
  }
  EXPECT_THAT(run.out, HasSubstr("8 plugins in "));

  CliRun broken = RunCli(std::string("plugins ") + PATHRANK_TEST_PLUGIN_DIR);
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_THAT(broken.out, HasSubstr("misbehaving"));
  EXPECT_THAT(broken.out, HasSubstr("built for plugin ABI version 999"));
  EXPECT_THAT(broken.out, HasSubstr("no symbol pathrank_plugin_entry"));
  EXPECT_THAT(broken.out, HasSubstr("1 plugins, 3 failed in "));

  CliRun none = RunCli("plugins /nonexistent/dir");
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_THAT(none.out, HasSubstr("plugin directory /nonexistent/dir: not a directory"));
}

TEST(CliImportProgressTest, XapiStatementsIntoTheStoreIdempotently) {
  const std::string db = ::testing::TempDir() + "/import-progress.db";
  std::filesystem::remove(db);
  const std::string config = R"('{"path": ")" +
                             testing::SourcePath("tests/data/xapi/statements.json") +
                             R"(", "activity_prefix": "https://lms.example.org/activities/",
      "activity_map": {"https://lms.example.org/courses/go-101": "go-basics"},
      "account_home_page": "https://lms.example.org"}')";
  const std::string import = std::string("import-progress --plugin ") + PATHRANK_PLUGIN_XAPI +
                             " --config " + config + " --catalog " +
                             testing::SourcePath("tests/data/xapi/catalog.json") + " --db " + db +
                             " --quiet";
  CliRun dry = RunCli(import + " --dry-run");
  ASSERT_EQ(dry.exit_code, 0) << dry.out;
  EXPECT_THAT(dry.out, HasSubstr("checked 17 events from xapi 1.0.0 into " + db +
                                 ": 4 learners (4 to create), 17 to offer, 0 duplicates, "
                                 "0 dropped"));
  CliRun first = RunCli(import);
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_THAT(first.out, HasSubstr("imported 17 events from xapi 1.0.0 into " + db +
                                   ": 4 learners (4 created), 17 accepted, 0 duplicates, "
                                   "0 dropped"));
  CliRun second = RunCli(import);
  ASSERT_EQ(second.exit_code, 0) << second.out;
  EXPECT_THAT(second.out, HasSubstr("4 learners (0 created), 0 accepted, 17 duplicates"));

  // The Go catalog lacks three of the fixture's activities: the default
  // fails naming each bad event and writes nothing; drop skips them.
  const std::string go_db = ::testing::TempDir() + "/import-progress-go.db";
  std::filesystem::remove(go_db);
  const std::string go_import = std::string("import-progress --plugin ") + PATHRANK_PLUGIN_XAPI +
                                " --config " + config + " --catalog " + testing::GoCatalogPath() +
                                " --db " + go_db + " --quiet";
  CliRun failed = RunCli(go_import);
  EXPECT_EQ(failed.exit_code, 1) << failed.out;
  EXPECT_THAT(failed.out, HasSubstr("/events/5/item: unknown item \"mutexes\" in catalog "
                                    "go-backend"));
  EXPECT_THAT(failed.out, HasSubstr("7 of 17 events are invalid, nothing was written"));
  CliRun dropped = RunCli(go_import + " --on-invalid drop");
  ASSERT_EQ(dropped.exit_code, 0) << dropped.out;
  EXPECT_THAT(dropped.out, HasSubstr("10 accepted, 0 duplicates, 7 dropped"));
  EXPECT_THAT(dropped.out, HasSubstr("event 12 (learner mailto:bob@example.org, item go-basics): "
                                     "dropped"));
}

// `pathrank import-onet`: the shipped catalog's command, and its errors.
TEST(CliImportOnetTest, WritesTheGoalsAndListsTheUnmapped) {
  const std::string dir = testing::SharedPath("datasets/onet");
  if (dir.empty()) GTEST_SKIP() << "../shared/datasets/onet is absent";
  const std::string out = ::testing::TempDir() + "/go-onet.json";
  const std::string unmapped = ::testing::TempDir() + "/unmapped.tsv";
  CliRun run = RunCli("import-onet --dir " + dir + " --catalog " + testing::GoCatalogPath() +
                      " --aliases " + testing::SourcePath("datasets/onet/go-backend-aliases.tsv") +
                      " --id go-backend-onet --title 'Go backend engineering, with O*NET "
                      "occupations' --out " +
                      out + " --unmapped " + unmapped + " --show 1");
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("read 32627 technology rows of 923 occupations; 755 rows mapped "
                                 "to items; 52 goals"));
  EXPECT_THAT(run.out, HasSubstr("  unmapped: Microsoft Excel (859 occupations, 859 hot)"));
  EXPECT_EQ(Slurp(out), Slurp(testing::SourcePath("datasets/onet/go-backend-onet.json")));
  EXPECT_THAT(Slurp(unmapped),
              HasSubstr("technology\toccupations\thot\nMicrosoft Excel\t859\t859\n"));

  CliRun missing = RunCli("import-onet --dir /nonexistent --catalog " + testing::GoCatalogPath() +
                          " --out " + out);
  EXPECT_NE(missing.exit_code, 0);
  EXPECT_THAT(missing.out, HasSubstr("Occupation Data.txt"));
}

}  // namespace
}  // namespace pathrank
