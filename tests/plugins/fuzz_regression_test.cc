// Inputs the fuzz targets (fuzz/, docs/fuzzing.md) found, fed to the plugin
// they broke through the plugin host, each with the behaviour it must have.
// The inputs live in tests/data/fuzz/ (README there).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "pathrank/plugin_host.h"
#include "test_paths.h"

namespace pathrank {
namespace {

using ::testing::HasSubstr;

std::string ScratchFile(const std::string& name, const std::string& content) {
  const std::string dir = ::testing::TempDir() + "/fuzz_regression";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/" + name, std::ios::binary) << content;
  return dir + "/" + name;
}

// fuzz_xapi: `1e309` (a number no double holds) made nlohmann throw
// out_of_range, which the plugin reported as an internal error. The plugins
// now read JSON through util/json, which reports it with its line and column.
TEST(FuzzRegressionTest, XapiNumberOverflowIsADataError) {
  const std::string path = testing::SourcePath("tests/data/fuzz/xapi-number-overflow.json");
  auto events = ReadProgressFromPlugin(
      PATHRANK_PLUGIN_XAPI, R"({"path": ")" + path + R"(", "activity_prefix": "https://lms/"})");
  ASSERT_FALSE(events);
  EXPECT_EQ(events.error().code(), StatusCode::kInvalidArgument) << events.error().message();
  EXPECT_THAT(
      events.error().message(),
      HasSubstr(path + ": not JSON: line 3, column 9: number out of range (beyond a double)"));
}

// The same reader error in the other plugins that parse JSON documents: the
// Exercism track file and every plugin's config.
TEST(FuzzRegressionTest, ExercismNumberOverflowIsADataError) {
  const std::string path =
      ScratchFile("config.json", R"({"slug": "toy", "concepts": [], "version": 1e309})");
  auto catalog = LoadCatalogFromPlugin(PATHRANK_PLUGIN_EXERCISM, R"({"path": ")" + path + R"("})");
  ASSERT_FALSE(catalog);
  EXPECT_EQ(catalog.error().code(), StatusCode::kInvalidArgument) << catalog.error().message();
  EXPECT_THAT(
      catalog.error().message(),
      HasSubstr(path + ": not JSON: line 1, column 44: number out of range (beyond a double)"));
}

TEST(FuzzRegressionTest, ConfigNumberOverflowIsAConfigError) {
  auto catalog = LoadCatalogFromPlugin(PATHRANK_PLUGIN_CSV, R"({"path": "x.csv", "n": -1e309})");
  ASSERT_FALSE(catalog);
  EXPECT_EQ(catalog.error().code(), StatusCode::kInvalidArgument) << catalog.error().message();
  EXPECT_THAT(catalog.error().message(), HasSubstr("open failed: config: not JSON: number out of "
                                                   "range (beyond a double) at line 1, column 24"));
}

// fuzz_awesome_go: a heading line of '#' only made the awesome-go parser
// call substr(npos), an internal error. It is a heading with an empty title.
TEST(FuzzRegressionTest, AwesomeGoBareHeadingIsNotAnInternalError) {
  const std::string path = ScratchFile(
      "awesome-bare-heading.md",
      "# Awesome Toy\n#\n## Web Frameworks\n- [Gin](https://github.com/gin-gonic/gin) - Fast.\n");
  auto catalog = LoadCatalogFromPlugin(PATHRANK_PLUGIN_AWESOME_GO, R"({"path": ")" + path + "\"}");
  ASSERT_TRUE(catalog) << catalog.error().message();
  EXPECT_EQ((*catalog)->item_count(), 1u);  // Gin, under the category after it
}

}  // namespace
}  // namespace pathrank
