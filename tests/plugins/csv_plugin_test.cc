// The csv plugin through the host: both layouts on small files written
// here, and the real Junyi exercise table from ../shared (evaluation-only
// data, never copied into the repository).

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

using ::testing::AllOf;
using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::StartsWith;

namespace fs = std::filesystem;

// A fresh directory under the test temp dir.
std::string TempDir(const std::string& name) {
  const fs::path dir = fs::path(::testing::TempDir()) / ("csv_plugin_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

void Write(const std::string& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

std::vector<std::string> Warnings(const std::vector<PluginLogLine>& log) {
  std::vector<std::string> out;
  for (const PluginLogLine& line : log) {
    if (line.level == PluginLogLevel::kWarning) out.push_back(line.message);
  }
  return out;
}

size_t CountContaining(const std::vector<std::string>& lines, const std::string& text) {
  size_t n = 0;
  for (const std::string& line : lines) n += line.find(text) != std::string::npos;
  return n;
}

std::vector<std::string> Prerequisites(const Catalog& c, std::string_view id) {
  std::vector<std::string> out;
  for (const Clause& clause : c.clauses_of(*c.FindItem(id))) {
    for (ItemId alt : c.alternatives(clause)) out.push_back(c.item(alt).id);
  }
  return out;
}

std::string JunyiConfig(const std::string& path, const std::string& extra = "") {
  return R"({"path": ")" + path + R"(")" + extra + "}";
}

// ----- the real Junyi exercise table

TEST(CsvPluginJunyiTest, DefaultLoadFailsNamingEveryDefect) {
  const std::string path = testing::SharedPath("datasets/junyi2015/junyi_Exercise_table.csv");
  if (path.empty()) GTEST_SKIP() << "../shared/datasets/junyi2015 is absent (evaluation-only data)";
  auto catalog = LoadCatalogFromPlugin(PATHRANK_PLUGIN_CSV, JunyiConfig(path));
  ASSERT_FALSE(catalog);
  const std::string& m = catalog.error().message();
  EXPECT_EQ(catalog.error().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(m, StartsWith("plugin csv ("));
  EXPECT_THAT(m, HasSubstr("): read failed: 11 defects in the source (set \"on_invalid\": "
                           "\"drop\" to drop them):\n"));
  // The 3-cycle, with its three items.
  EXPECT_THAT(m, HasSubstr("junyi_Exercise_table.csv line 513 (item "
                           "\"adding_and_subtracting_radicals\"): prerequisite "
                           "\"simplifying_radicals\" closes a cycle of 3 items, each needing the "
                           "next: \"simplifying_radicals\" -> "
                           "\"radical_multiplication_and_division\" -> "
                           "\"adding_and_subtracting_radicals\" -> \"simplifying_radicals\""));
  // The two self-loops.
  EXPECT_THAT(m, HasSubstr("line 54 (item \"proportions_1\"): prerequisite \"proportions_1\" is "
                           "the item itself (self-loop)"));
  EXPECT_THAT(m, HasSubstr("line 454 (item \"number_sense_length_l1\"): prerequisite "
                           "\"number_sense_length_l1\" is the item itself (self-loop)"));
  // The two duplicated rows.
  EXPECT_THAT(m, HasSubstr("line 231 (item \"matrix_mul_two\"): duplicate id: "
                           "junyi_Exercise_table.csv line 195 (item \"matrix_mul_two\") has it "
                           "too"));
  EXPECT_THAT(m, HasSubstr("line 635 (item \"matrix_app_fruit_oil\"): duplicate id: "
                           "junyi_Exercise_table.csv line 607 (item \"matrix_app_fruit_oil\") "
                           "has it too"));
  // Ids that are no slugs collide, once slugified, with the exact ids of
  // other rows (which are kept).
  EXPECT_THAT(m, HasSubstr("line 35 (item \"recording_life _problem_by_expressions\", slug "
                           "\"recording_life_problem_by_expressions\"): duplicate id: "
                           "junyi_Exercise_table.csv line 748"));
  EXPECT_THAT(m, HasSubstr("line 313 (item \"angle types\", slug \"angle_types\"): duplicate "
                           "id: junyi_Exercise_table.csv line 12"));
  EXPECT_THAT(m, HasSubstr("line 832 (item \"number_sense_weight_L1\", slug "
                           "\"number_sense_weight_l1\"): duplicate id: junyi_Exercise_table.csv "
                           "line 581"));
  // Rows that list one prerequisite twice.
  EXPECT_THAT(m, HasSubstr("line 195 (item \"matrix_mul_two\"): prerequisite "
                           "\"matrix_add_sub_3\" is listed twice"));
  EXPECT_THAT(m, HasSubstr("line 607 (item \"matrix_app_fruit_oil\"): prerequisite "
                           "\"matrix_mul_scalar\" is listed twice"));
  EXPECT_THAT(m, HasSubstr("line 719 (item \"ratio\"): prerequisite \"writing_proportions\" is "
                           "listed twice"));
}

TEST(CsvPluginJunyiTest, DropLoadsWithOneWarningPerDroppedRecord) {
  const std::string path = testing::SharedPath("datasets/junyi2015/junyi_Exercise_table.csv");
  if (path.empty()) GTEST_SKIP() << "../shared/datasets/junyi2015 is absent (evaluation-only data)";
  std::vector<PluginLogLine> log;
  auto catalog = LoadCatalogFromPlugin(PATHRANK_PLUGIN_CSV,
                                       JunyiConfig(path, R"(, "on_invalid": "drop")"), &log);
  ASSERT_TRUE(catalog) << catalog.error().message();
  const std::vector<std::string> warnings = Warnings(log);
  ASSERT_EQ(warnings.size(), 11u);
  for (const std::string& w : warnings) {
    EXPECT_THAT(w, AllOf(StartsWith("junyi_Exercise_table.csv line "), EndsWith(" is dropped")));
  }
  EXPECT_EQ(CountContaining(warnings, "duplicate id"), 5u);  // rows
  EXPECT_EQ(CountContaining(warnings, "(self-loop); the prerequisite is dropped"), 2u);
  EXPECT_EQ(CountContaining(warnings, "is listed twice; the repeat is dropped"), 3u);
  EXPECT_EQ(CountContaining(warnings, "closes a cycle of 3 items"), 1u);

  const Catalog& c = **catalog;
  EXPECT_EQ(c.id(), "junyi_exercise_table");
  EXPECT_EQ(c.item_count(), 832u);  // 837 rows - 5 dropped
  EXPECT_EQ(c.clause_count(), 978u);
  EXPECT_TRUE(Prerequisites(c, "adding_and_subtracting_radicals").empty());
  EXPECT_EQ(Prerequisites(c, "simplifying_radicals"),
            (std::vector<std::string>{"square_roots_2", "simplify_the_root_type",
                                      "radical_multiplication_and_division"}));
  EXPECT_TRUE(Prerequisites(c, "proportions_1").empty());
  EXPECT_EQ(Prerequisites(c, "matrix_mul_two"), (std::vector<std::string>{"matrix_add_sub_3"}));
  EXPECT_EQ(c.item(*c.FindItem("parabola_intuition_1")).title, "?物線直覺 1");
}

// ----- the exercise-table layout on a small file

TEST(CsvPluginExerciseTableTest, ConfigurableColumnsQuotingBomAndCrlf) {
  const std::string dir = TempDir("exercise");
  Write(dir + "/Khan Export.csv",
        "\xEF\xBB\xBFslug,display_name,requires,area,topics\r\n"
        "adding,Adding,,arithmetic,\"numbers; basics\"\r\n"
        "Subtracting Numbers,\"Subtracting, carefully\",adding,arithmetic,numbers\r\n"
        "multiplying,\"Say \"\"times\"\"\",\"adding; subtracting_numbers\",N/A,\r\n");
  std::vector<PluginLogLine> log;
  auto catalog = LoadCatalogFromPlugin(
      PATHRANK_PLUGIN_CSV, R"({"path": ")" + dir + R"(/Khan Export.csv", "id_column": "slug",
          "title_column": "display_name", "prerequisites_column": "requires",
          "stage_column": "area", "tags_column": "topics", "delimiter": ";"})",
      &log);
  ASSERT_TRUE(catalog) << catalog.error().message();
  const Catalog& c = **catalog;
  EXPECT_EQ(c.id(), "khan_export");
  EXPECT_EQ(c.title(), "Khan Export.csv");
  ASSERT_EQ(c.item_count(), 3u);
  const Item& sub = c.item(*c.FindItem("subtracting_numbers"));
  EXPECT_EQ(sub.title, "Subtracting, carefully");
  EXPECT_EQ(sub.aliases, (std::vector<std::string>{"Subtracting Numbers"}));
  EXPECT_EQ(sub.source, "Khan Export.csv line 3");
  EXPECT_EQ(c.stages()[sub.stage].id, "arithmetic");
  EXPECT_EQ(c.item(*c.FindItem("adding")).tags, (std::vector<std::string>{"numbers", "basics"}));
  const Item& mul = c.item(*c.FindItem("multiplying"));
  EXPECT_EQ(mul.title, "Say \"times\"");
  EXPECT_EQ(c.stages()[mul.stage].id, "general");  // N/A
  EXPECT_EQ(Prerequisites(c, "multiplying"),
            (std::vector<std::string>{"adding", "subtracting_numbers"}));
  EXPECT_TRUE(Warnings(log).empty());
}

TEST(CsvPluginExerciseTableTest, UnresolvedPrerequisiteFailsOrIsDropped) {
  const std::string dir = TempDir("unresolved");
  Write(dir + "/t.csv", "name,prerequisites\na,\"ghost,b\"\nb,\n");
  auto failed = LoadCatalogFromPlugin(PATHRANK_PLUGIN_CSV, JunyiConfig(dir + "/t.csv"));
  ASSERT_FALSE(failed);
  EXPECT_THAT(failed.error().message(),
              HasSubstr("1 defect in the source (set \"on_invalid\": \"drop\" to drop them):\n  "
                        "t.csv line 2 (item \"a\"): prerequisite \"ghost\" names no item"));
  std::vector<PluginLogLine> log;
  auto dropped = LoadCatalogFromPlugin(
      PATHRANK_PLUGIN_CSV, JunyiConfig(dir + "/t.csv", R"(, "on_invalid": "drop")"), &log);
  ASSERT_TRUE(dropped) << dropped.error().message();
  EXPECT_EQ(Prerequisites(**dropped, "a"), (std::vector<std::string>{"b"}));
  EXPECT_THAT(Warnings(log),
              ::testing::ElementsAre("t.csv line 2 (item \"a\"): prerequisite \"ghost\" names no "
                                     "item; the prerequisite is dropped"));
}

TEST(CsvPluginExerciseTableTest, MissingColumnAndMalformedCsvAreErrors) {
  const std::string dir = TempDir("malformed");
  Write(dir + "/t.csv", "name,prereqs\na,\n");
  auto missing = LoadCatalogFromPlugin(PATHRANK_PLUGIN_CSV, JunyiConfig(dir + "/t.csv"));
  ASSERT_FALSE(missing);
  EXPECT_THAT(missing.error().message(),
              HasSubstr("read failed: t.csv: no column \"prerequisites\"; the header has: name, "
                        "prereqs"));
  Write(dir + "/q.csv", "name,prerequisites\na,\"b\n");
  auto open_quote = LoadCatalogFromPlugin(PATHRANK_PLUGIN_CSV, JunyiConfig(dir + "/q.csv"));
  ASSERT_FALSE(open_quote);
  EXPECT_THAT(open_quote.error().message(),
              HasSubstr("q.csv line 2: quoted field is never closed"));
  auto absent = LoadCatalogFromPlugin(PATHRANK_PLUGIN_CSV, JunyiConfig(dir + "/none.csv"));
  ASSERT_FALSE(absent);
  EXPECT_EQ(absent.error().code(), StatusCode::kNotFound);
  EXPECT_THAT(absent.error().message(), HasSubstr("cannot open " + dir + "/none.csv"));
}

TEST(CsvPluginConfigTest, ConfigErrorsNameTheKey) {
  const auto error = [](const std::string& config) {
    auto c = LoadCatalogFromPlugin(PATHRANK_PLUGIN_CSV, config);
    return c ? std::string("(loaded)") : c.error().message();
  };
  EXPECT_THAT(error("{}"), HasSubstr("open failed: config: key \"path\": missing"));
  EXPECT_THAT(error(R"({"path": "x", "layout": "table"})"),
              HasSubstr("config: key \"layout\": expected \"exercise_table\" or \"tables\", got "
                        "\"table\""));
  EXPECT_THAT(error(R"({"path": "x", "pth": 1})"), HasSubstr("config: key \"pth\": unknown key"));
  EXPECT_THAT(error(R"({"path": "x", "on_invalid": "ignore"})"),
              HasSubstr("config: key \"on_invalid\": expected \"fail\" or \"drop\""));
  EXPECT_THAT(error(R"({"path": "x", "layout": "tables", "stage_column": "area"})"),
              HasSubstr("config: key \"stage_column\": applies to the exercise_table layout"));
  EXPECT_THAT(error("{\"path\": "),
              HasSubstr("config: not JSON: line 1, column 10: syntax error while parsing value"));
}

// ----- the tables layout

TEST(CsvPluginTablesTest, ItemsClausesAndGoals) {
  const std::string dir = TempDir("tables");
  Write(dir + "/items.csv",
        "id,title,kind,stage,hours,difficulty,tags,aliases,summary,attr.type\r\n"
        "basics,Go basics,topic,foundation,10,1,go-core,,The language.,\r\n"
        "gin,Gin,framework,web,6,2,\"web,http\",Gin Gonic,,web framework\r\n"
        "echo,Echo,framework,web,5,2,web,,,web framework\r\n"
        "api,REST API,project,web,12,3,web,,,\r\n");
  Write(dir + "/clauses.csv",
        "item,any_of,weight,type,note\n"
        "gin,basics,,,\n"
        "echo,basics,1,requires,\n"
        "api,\"gin,echo\",0.8,requires,one web framework\n"
        "api,basics,0.5,recommends,\n");
  Write(dir + "/goals.csv",
        "goal,title,item,tag,weight\n"
        "web-dev,Web developer,api,,1\n"
        "web-dev,,,web,0.5\n");
  auto catalog = LoadCatalogFromPlugin(PATHRANK_PLUGIN_CSV,
                                       R"({"path": ")" + dir + R"(", "layout": "tables"})");
  ASSERT_TRUE(catalog) << catalog.error().message();
  const Catalog& c = **catalog;
  EXPECT_EQ(c.id(), "csv_plugin_tables");
  ASSERT_EQ(c.item_count(), 4u);
  ASSERT_EQ(c.stages().size(), 2u);
  EXPECT_EQ(c.stages()[0].id, "foundation");
  const Item& gin = c.item(*c.FindItem("gin"));
  EXPECT_EQ(gin.kind, ItemKind::kFramework);
  EXPECT_EQ(gin.hours, 6);
  EXPECT_EQ(gin.difficulty, 2);
  EXPECT_EQ(gin.tags, (std::vector<std::string>{"web", "http"}));
  EXPECT_EQ(gin.aliases, (std::vector<std::string>{"Gin Gonic"}));
  EXPECT_EQ(gin.attributes.at("type"), "web framework");
  EXPECT_EQ(c.item(*c.FindItem("basics")).summary, "The language.");
  const auto api = c.clauses_of(*c.FindItem("api"));
  ASSERT_EQ(api.size(), 2u);
  EXPECT_EQ(api[0].alternative_count, 2u);
  EXPECT_EQ(api[0].weight, 0.8);
  EXPECT_EQ(api[1].type, ClauseType::kRecommends);
  ASSERT_EQ(c.goals().size(), 1u);
  EXPECT_EQ(c.goals()[0].title, "Web developer");
  EXPECT_EQ(c.goals()[0].item_targets.size(), 1u);
  EXPECT_EQ(c.goals()[0].tag_targets.size(), 1u);
}

TEST(CsvPluginTablesTest, DefectsAcrossFilesAndUnknownColumns) {
  const std::string dir = TempDir("tables_defects");
  Write(dir + "/items.csv", "id,title\na,A\nb,B\n");
  Write(dir + "/clauses.csv", "item,any_of\nghost,a\nb,a\na,b\n");
  Write(dir + "/goals.csv", "goal,item\ng,nope\n");
  auto failed = LoadCatalogFromPlugin(PATHRANK_PLUGIN_CSV,
                                      R"({"path": ")" + dir + R"(", "layout": "tables"})");
  ASSERT_FALSE(failed);
  const std::string& m = failed.error().message();
  EXPECT_THAT(m, HasSubstr("3 defects"));
  EXPECT_THAT(m, HasSubstr("clauses.csv line 2 (clause of item \"ghost\"): unknown item "
                           "\"ghost\""));
  EXPECT_THAT(m, HasSubstr("goals.csv line 2 (goal \"g\"): target item \"nope\" names no item"));
  EXPECT_THAT(m, HasSubstr("closes a cycle of 2 items, each needing the next: \"a\" -> \"b\" -> "
                           "\"a\""));

  Write(dir + "/items.csv", "id,title,colour\na,A,red\n");
  auto unknown = LoadCatalogFromPlugin(PATHRANK_PLUGIN_CSV,
                                       R"({"path": ")" + dir + R"(", "layout": "tables"})");
  ASSERT_FALSE(unknown);
  EXPECT_THAT(unknown.error().message(),
              HasSubstr("items.csv: unknown column \"colour\" (known: id, title, kind, stage, "
                        "hours, difficulty, tags, aliases, summary, source, prerequisites, "
                        "attr.<name>)"));

  Write(dir + "/items.csv", "id,title,hours\na,A,many\n");
  auto number = LoadCatalogFromPlugin(PATHRANK_PLUGIN_CSV,
                                      R"({"path": ")" + dir + R"(", "layout": "tables"})");
  ASSERT_FALSE(number);
  EXPECT_THAT(number.error().message(),
              HasSubstr("items.csv line 2: column \"hours\": \"many\" is not a number"));
}

}  // namespace
}  // namespace pathrank
