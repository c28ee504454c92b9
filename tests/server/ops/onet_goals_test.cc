// O*NET Technology Skills as goals (ops/onet_goals.h): inline files for the
// mapping, weights and every warning; the shipped datasets/onet catalog
// regenerates from ../shared/datasets/onet byte for byte and its goals plan.

#include "ops/onet_goals.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "pathrank/catalog_json.h"
#include "pathrank/learner.h"
#include "pathrank/planner.h"
#include "pathrank/scorer.h"
#include "test_paths.h"

namespace pathrank::ops {
namespace {

using ::testing::ElementsAre;

void Write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

CatalogSpec GoSpec() { return (*LoadCatalogFile(testing::GoCatalogPath()))->ToSpec(); }

TEST(OnetGoalsTest, MapsWeighsAndWarnsByLine) {
  const std::string dir = ::testing::TempDir() + "/onet_toy";
  std::filesystem::create_directories(dir);
  Write(dir + "/Occupation Data.txt",
        "O*NET-SOC Code\tTitle\tDescription\r\n15-1252.00\tSoftware Developers\tWrite code.\r\n"
        "11-1011.00\tChief Executives\tLead.\r\n");
  Write(dir + "/Technology Skills.txt",
        "O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand\r\n"
        "15-1252.00\tDocker\t1\tx\tY\tY\r\n"           // line 2: by the alias table, 1.0
        "15-1252.00\tpostgresql\t1\tx\tY\tN\r\n"       // 3: the item id, 0.75
        "15-1252.00\tGin framework\t1\tx\tN\tN\r\n"    // 4: an alias of gin, 0.5
        "15-1252.00\tMicrosoft Excel\t1\tx\tY\tN\r\n"  // 5: unmapped
        "15-1252.00\tDocker\t1\tx\tY\tY\r\n"           // 6: repeated
        "15-1252.00\tGo\t1\tx\tmaybe\tN\r\n"           // 7: a bad flag
        "99-9999.00\tRedis\t1\tx\tN\tN\r\n"            // 8: unknown occupation
        "15-1252.00\tshort row\r\n"                    // 9
        "11-1011.00\tMicrosoft Excel\t1\tx\tY\tN\r\n");
  Write(dir + "/aliases.tsv", "# comment\nDocker\tdocker\nGo\tgo-basic-syntax\n");
  auto r = ImportOnetGoals(GoSpec(), {.dir = dir, .aliases_path = dir + "/aliases.tsv"});
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_THAT(r->warnings,
              ElementsAre("Technology Skills.txt line 6: 15-1252.00 lists \"Docker\" again; "
                          "counted once",
                          "Technology Skills.txt line 7: Hot Technology and In Demand must be Y "
                          "or N, got \"maybe\", \"N\"; read as N",
                          "Technology Skills.txt line 8: occupation 99-9999.00 is not in "
                          "Occupation Data.txt; skipped",
                          "Technology Skills.txt line 9: expected code, example, commodity code, "
                          "commodity title, hot technology, in demand; skipped"));
  EXPECT_EQ(r->goals, 1u);
  EXPECT_EQ(r->too_few_items, 1u);  // the chief executives map nothing
  const GoalSpec& goal = r->catalog.goals.back();
  EXPECT_EQ(goal.id, "onet-15-1252.00");
  EXPECT_EQ(goal.title, "Software Developers");
  EXPECT_EQ(goal.items,
            (std::map<std::string, double>{
                {"docker", 1.0}, {"postgresql", 0.75}, {"gin", 0.5}, {"go-basic-syntax", 0.5}}));
  ASSERT_EQ(r->unmapped.size(), 1u);
  EXPECT_EQ(r->unmapped[0].name, "Microsoft Excel");
  EXPECT_EQ(r->unmapped[0].occupations, 2u);
  EXPECT_EQ(r->unmapped[0].hot, 2u);

  Write(dir + "/bad.tsv", "Docker\tdocker\nPodman\tpodman\n");
  auto bad = ImportOnetGoals(GoSpec(), {.dir = dir, .aliases_path = dir + "/bad.tsv"});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message(), "bad.tsv line 2: item \"podman\" is not in catalog go-backend");
  EXPECT_FALSE(ImportOnetGoals(GoSpec(), {.dir = dir + "/absent"}));
  EXPECT_TRUE(IsOnetCode("15-1252.00"));
  EXPECT_FALSE(IsOnetCode("15-1252"));
  EXPECT_FALSE(IsOnetCode("15x1252.00"));
}

TEST(OnetGoalsTest, ShippedCatalogRegeneratesAndPlans) {
  const std::string dir = testing::SharedPath("datasets/onet");
  if (dir.empty()) GTEST_SKIP() << "../shared/datasets/onet is absent (PATHRANK_SHARED_DIR)";
  auto r = ImportOnetGoals(
      GoSpec(),
      {.dir = dir, .aliases_path = testing::SourcePath("datasets/onet/go-backend-aliases.tsv")});
  ASSERT_TRUE(r) << r.error().message();
  EXPECT_TRUE(r->warnings.empty());
  EXPECT_EQ(r->rows, 32627u);
  EXPECT_EQ(r->occupations, 923u);
  r->catalog.id = "go-backend-onet";
  r->catalog.title = "Go backend engineering, with O*NET occupations";
  const std::string shipped = testing::SourcePath("datasets/onet/go-backend-onet.json");
  EXPECT_TRUE(FormatCatalogJson(r->catalog) == ReadText(shipped))
      << shipped
      << " differs from what the O*NET files give now: regenerate it (datasets/onet/SOURCE.md)";

  auto catalog = LoadCatalogFile(shipped);
  ASSERT_TRUE(catalog) << catalog.error().message();
  const Catalog& c = **catalog;
  const Scorer scorer(*catalog);
  auto learner = MakeLearnerState(c, {}, {{"onet-15-1252.00", 1.0}});
  ASSERT_TRUE(learner) << learner.error().message();
  RecommendOptions options;
  options.k = 5;
  auto next = scorer.Recommend(*learner, ScoringProfile{}, options);
  ASSERT_TRUE(next);
  std::vector<std::string> first;
  for (const Recommendation& rec : *next) first.push_back(c.item(rec.item).id);
  // A software developer starts from the Go environment, Linux and SQL.
  for (const char* id : {"go-environment", "linux-basics", "sql-basics"})
    EXPECT_THAT(first, ::testing::Contains(id)) << ::testing::PrintToString(first);
  auto plan = PlanPath(scorer, *learner, ScoringProfile{}, PlanOptions{});
  ASSERT_TRUE(plan) << plan.error().message();
  std::set<ItemId> learned;
  for (const PlanStep& step : plan->steps) {
    for (const Clause& clause : c.clauses_of(step.item)) {
      if (clause.type != ClauseType::kRequires) continue;
      bool met = false;
      for (ItemId alt : c.alternatives(clause)) met = met || learned.count(alt) > 0;
      EXPECT_TRUE(met) << c.item(step.item).id;
    }
    learned.insert(step.item);
  }
  EXPECT_TRUE(learned.count(*c.FindItem("docker")));
}

}  // namespace
}  // namespace pathrank::ops
