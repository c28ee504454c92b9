// Source defects of the Exercism and awesome-go importers on small inline
// inputs: each is named by file and line, as a failure by default and as a
// warning with on_invalid "drop"; nothing is dropped silently.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pathrank/plugin_host.h"
#include "test_paths.h"

namespace pathrank {
namespace {

using ::testing::HasSubstr;

std::string WriteFile(const std::string& dir, const std::string& name, const std::string& text) {
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::vector<std::string> Warnings(const std::vector<PluginLogLine>& log) {
  std::vector<std::string> out;
  for (const PluginLogLine& l : log)
    if (l.level == PluginLogLevel::kWarning) out.push_back(l.message);
  return out;
}

// Line 4: concept b (duplicated on line 5); line 7: an exercise teaching a
// that needs ghost and b (line 8); b's exercise eb needs a (line 10): a
// cycle a -> b -> a, and a -> b -> exercise.eb -> a through the
// recommends clause of b on the exercise that teaches it.
constexpr const char* kToyTrack = R"({"slug": "toy", "language": "Toy",
  "concepts": [
    {"slug": "a", "name": "A"},
    {"slug": "b", "name": "B"},
    {"slug": "b", "name": "B again"}],
  "exercises": {"concept": [
    {"slug": "ea", "concepts": ["a"], "prerequisites": [
       "ghost", "b"]},
    {"slug": "eb", "concepts": ["b"],
     "prerequisites": ["a"]}],
   "practice": [{"slug": "p", "difficulty": 4, "prerequisites": ["a"]}]}}
)";

TEST(ExercismDefectsTest, EachDefectNamesItsLine) {
  const std::string path = WriteFile(::testing::TempDir() + "/toy_track", "config.json", kToyTrack);
  auto failed = LoadCatalogFromPlugin(PATHRANK_PLUGIN_EXERCISM, R"({"path": ")" + path + "\"}");
  ASSERT_FALSE(failed);
  const std::string message = failed.error().message();
  EXPECT_THAT(message, HasSubstr("config.json line 5 (item \"b\"): duplicate id: config.json "
                                 "line 4 (item \"b\") has it too"));
  EXPECT_THAT(message, HasSubstr("config.json line 8 (clause of item \"exercise.ea\"): "
                                 "prerequisite \"ghost\" names no item"));
  EXPECT_THAT(message, HasSubstr("config.json line 8 (clause of item \"a\"): prerequisite "
                                 "\"ghost\" names no item"));
  EXPECT_THAT(message, HasSubstr("closes a cycle"));

  std::vector<PluginLogLine> log;
  auto dropped = LoadCatalogFromPlugin(
      PATHRANK_PLUGIN_EXERCISM, R"({"path": ")" + path + R"(", "on_invalid": "drop"})", &log);
  ASSERT_TRUE(dropped) << dropped.error().message();
  const std::vector<std::string> warnings = Warnings(log);
  // The duplicate, ghost twice (for a and its exercise), and the two edges
  // that close the cycles (depth-first in source order), each named once.
  ASSERT_EQ(warnings.size(), 5u) << ::testing::PrintToString(warnings);
  EXPECT_THAT(warnings[4], HasSubstr("config.json line 10 (clause of item \"exercise.eb\"): "
                                     "prerequisite \"a\" closes a cycle of 3 items"));
  EXPECT_THAT(warnings[3], HasSubstr("config.json line 10 (clause of item \"b\"): prerequisite "
                                     "\"a\" closes a cycle of 2 items, each needing the next: "
                                     "\"a\" -> \"b\" -> \"a\"; the prerequisite is dropped"));
  const Catalog& c = **dropped;
  EXPECT_EQ(c.item(*c.FindItem("exercise.p")).hours, 2.0);  // difficulty 4 -> 2 hours
  EXPECT_EQ(c.goals().size(), 1u);                          // the syllabus
}

constexpr const char* kToyList =
    "# Awesome Toy\n"                                            // 1
    "## Contents\n"                                              // 2
    "- [Web](#web)\n"                                            // 3
    "## Web\n"                                                   // 4
    "- [Gin](https://github.com/gin-gonic/gin) - Fast.\n"        // 5
    "- [Echo](https://github.com/labstack/echo) Minimal.\n"      // 6: no " - "
    "  - [Nested](https://github.com/x/nested) - Indented.\n"    // 7
    "- \n"                                                       // 8: empty
    "- [broken](no closing paren\n"                              // 9
    "- [Gin again](https://github.com/gin-gonic/gin/) - Dup.\n"  // 10
    "### Routers\n"                                              // 11
    "- [mux](https://github.com/gorilla/mux) - Router.\n"        // 12
    "# Resources\n"                                              // 13
    "## Books\n"                                                 // 14
    "- [The Go Programming Language](https://www.gopl.io/)\n"    // 15
    "## License\n";                                              // 16

TEST(AwesomeGoDefectsTest, RepairsWarnAndDefectsFailOrDrop) {
  const std::string path = WriteFile(::testing::TempDir() + "/toy_awesome", "README.md", kToyList);
  auto failed = LoadCatalogFromPlugin(PATHRANK_PLUGIN_AWESOME_GO, R"({"path": ")" + path + "\"}");
  ASSERT_FALSE(failed);
  EXPECT_THAT(failed.error().message(),
              HasSubstr("2 defects in the source (set \"on_invalid\": \"drop\" to drop them):\n"
                        "  README.md line 9: a list item without a \"[name](url)\" link\n"
                        "  README.md line 10 (entry \"Gin again\"): its URL "
                        "https://github.com/gin-gonic/gin/ is listed already at line 5"));
  std::vector<PluginLogLine> log;
  auto read = LoadCatalogFromPlugin(PATHRANK_PLUGIN_AWESOME_GO,
                                    R"({"path": ")" + path +
                                        R"(", "on_invalid": "drop", "link_catalog": ")" +
                                        testing::GoCatalogPath() + R"("})",
                                    &log);
  ASSERT_TRUE(read) << read.error().message();
  EXPECT_THAT(Warnings(log),
              ::testing::ElementsAre(
                  HasSubstr("README.md line 6: entry \"Echo\" has no \" - \""),
                  HasSubstr("README.md line 7: entry \"Nested\" is indented"),
                  "README.md line 8: an empty list item; nothing to read",
                  HasSubstr("README.md line 9: a list item without a \"[name](url)\" link; the "
                            "line is dropped"),
                  HasSubstr("README.md line 10 (entry \"Gin again\"): its URL")));
  const Catalog& c = **read;
  ASSERT_EQ(c.item_count(), 5u);  // Gin, Echo, Nested, mux, the book
  const Item& gin = c.item(*c.FindItem("gin"));
  EXPECT_EQ(gin.kind, ItemKind::kFramework);
  EXPECT_EQ(gin.attributes.at("same_as"), "go-backend/gin");
  EXPECT_EQ(gin.attributes.at("alternative_to"), "go-backend/echo");
  EXPECT_EQ(c.item(*c.FindItem("echo")).summary, "Minimal.");
  EXPECT_EQ(c.item(*c.FindItem("mux")).attributes.at("type"), "Routers");
  EXPECT_FALSE(c.item(*c.FindItem("mux")).attributes.count("alternative_to"));
  const Item& book = c.item(*c.FindItem("the_go_programming_language"));
  EXPECT_EQ(book.kind, ItemKind::kTopic);
  EXPECT_EQ(c.stages()[book.stage].id, "books");
  EXPECT_EQ(c.goals().size(), 2u);  // web, books
}

TEST(AwesomeGoDefectsTest, SharedNamesGetTheOwner) {
  const std::string path = WriteFile(::testing::TempDir() + "/toy_awesome_names", "README.md",
                                     "## Config\n- [env](https://github.com/a/env) - A.\n"
                                     "- [env](https://github.com/b/env) - B.\n");
  auto read = LoadCatalogFromPlugin(PATHRANK_PLUGIN_AWESOME_GO, R"({"path": ")" + path + "\"}");
  ASSERT_TRUE(read) << read.error().message();
  EXPECT_TRUE((*read)->FindItem("env.a"));
  EXPECT_TRUE((*read)->FindItem("env.b"));
}

}  // namespace
}  // namespace pathrank
