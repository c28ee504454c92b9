// The catalogs generated from ../shared/datasets and shipped in datasets/:
// each regenerates byte for byte from its source (the command in its
// SOURCE.md), validates, gives a new learner foundational items first, and
// plans a finite path to one goal that respects every hard prerequisite.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "pathrank/catalog_builder.h"
#include "pathrank/catalog_json.h"
#include "pathrank/item_query.h"
#include "pathrank/learner.h"
#include "pathrank/planner.h"
#include "pathrank/plugin_host.h"
#include "pathrank/scorer.h"
#include "test_paths.h"

namespace pathrank {
namespace {

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

struct Shipped {
  std::string name;                       // test name
  std::string catalog;                    // under datasets/
  std::string plugin;                     // library path
  std::string source;                     // under ../shared/, the file the config reads
  std::string extra;                      // more config members
  std::string goal;                       // a goal of the catalog
  std::vector<std::string> foundational;  // in a new learner's first recommendations
};

void PrintTo(const Shipped& s, std::ostream* os) { *os << s.name; }

std::string AwesomeGoExtra() {
  return R"(, "link_catalog": ")" + testing::GoCatalogPath() +
         R"(", "link_aliases": {"tal-tech/go-zero": "go-zero", "facebook/ent": "ent"})";
}

std::vector<Shipped> AllShipped() {
  const auto track = [](std::string t, std::vector<std::string> first) {
    return Shipped{"exercism_" + t,
                   "datasets/exercism/" + t + "/catalog.json",
                   PATHRANK_PLUGIN_EXERCISM,
                   "datasets/exercism/" + t + "/config.json",
                   "",
                   "syllabus",
                   std::move(first)};
  };
  return {
      // The concept every other one builds on, the first concept exercise
      // (a lasagna on every track) and hello-world. Rust's practice
      // exercises have no prerequisites: its difficulty-1 ones tie, in id
      // order, and armstrong-numbers comes before hello-world.
      track("cpp", {"basics", "exercise.lasagna", "exercise.hello-world"}),
      track("elixir", {"basics", "exercise.lasagna", "exercise.hello-world"}),
      track("go", {"basics", "exercise.lasagna", "exercise.hello-world"}),
      track("java", {"basics", "exercise.lasagna", "exercise.hello-world"}),
      track("javascript", {"basics", "exercise.lasagna", "exercise.hello-world"}),
      track("python", {"basics", "exercise.guidos-gorgeous-lasagna", "exercise.hello-world"}),
      track("rust",
            {"functions", "exercise.lucians-luscious-lasagna", "exercise.armstrong-numbers"}),
      Shipped{"awesome_go",
              "datasets/awesome-go/catalog.json",
              PATHRANK_PLUGIN_AWESOME_GO,
              "datasets/awesome-go/README.md",
              AwesomeGoExtra(),
              "web_frameworks",
              {}},
  };
}

class ShippedCatalogTest : public ::testing::TestWithParam<Shipped> {};

TEST_P(ShippedCatalogTest, RegeneratesByteForByte) {
  const Shipped& s = GetParam();
  const std::string source = testing::SharedPath(s.source);
  if (source.empty())
    GTEST_SKIP() << "../shared/" << s.source << " is absent (PATHRANK_SHARED_DIR)";
  auto catalog = LoadCatalogFromPlugin(s.plugin, R"({"path": ")" + source + "\"" + s.extra + "}");
  ASSERT_TRUE(catalog) << catalog.error().message();
  const std::string shipped = ReadText(testing::SourcePath(s.catalog));
  ASSERT_FALSE(shipped.empty()) << s.catalog;
  EXPECT_TRUE(FormatCatalogJson((*catalog)->ToSpec()) == shipped)
      << s.catalog << " differs from what its source gives now: regenerate it (its SOURCE.md)";
}

TEST_P(ShippedCatalogTest, ValidatesRecommendsFoundationsAndPlansAGoal) {
  const Shipped& s = GetParam();
  auto catalog = LoadCatalogFile(testing::SourcePath(s.catalog));
  ASSERT_TRUE(catalog) << catalog.error().message();
  const Catalog& c = **catalog;
  ASSERT_TRUE(BuildCatalog(c.ToSpec())) << "validates";
  const Scorer scorer(*catalog);
  auto learner = MakeLearnerState(c, {}, {{s.goal, 1.0}});
  ASSERT_TRUE(learner) << learner.error().message();
  RecommendOptions options;
  options.k = 5;
  auto next = scorer.Recommend(*learner, ScoringProfile{}, options);
  ASSERT_TRUE(next) << next.error().message();
  std::vector<std::string> first;
  for (const Recommendation& r : *next) first.push_back(c.item(r.item).id);
  for (const std::string& id : s.foundational) EXPECT_THAT(first, ::testing::Contains(id));
  if (s.foundational.empty()) {
    // awesome-go has no prerequisites and no effort data: for the goal of a
    // category, the first items are that category's (ties by id).
    for (const Recommendation& r : *next) EXPECT_EQ(c.stages()[c.item(r.item).stage].id, s.goal);
  }
  auto plan = PlanPath(scorer, *learner, ScoringProfile{}, PlanOptions{});
  ASSERT_TRUE(plan) << plan.error().message();
  ASSERT_FALSE(plan->steps.empty());
  EXPECT_TRUE(std::isfinite(plan->total_hours));
  std::set<ItemId> learned;
  for (const PlanStep& step : plan->steps) {
    for (const Clause& clause : c.clauses_of(step.item)) {
      if (clause.type != ClauseType::kRequires) continue;
      bool met = false;
      for (ItemId alt : c.alternatives(clause)) met = met || learned.count(alt) > 0;
      EXPECT_TRUE(met) << c.item(step.item).id << " is planned before a hard prerequisite";
    }
    learned.insert(step.item);
  }
}

INSTANTIATE_TEST_SUITE_P(Datasets, ShippedCatalogTest, ::testing::ValuesIn(AllShipped()),
                         [](const ::testing::TestParamInfo<Shipped>& p) { return p.param.name; });

// awesome-go is linked to the Go backend catalog: the libraries it lists
// beside Gin are Gin's alternatives, found by tag when both are served.
TEST(ShippedAwesomeGoTest, LinksTheGoBackendFrameworks) {
  auto awesome = LoadCatalogFile(testing::SourcePath("datasets/awesome-go/catalog.json"));
  auto go = LoadCatalogFile(testing::GoCatalogPath());
  ASSERT_TRUE(awesome && go);
  const Catalog& a = **awesome;
  EXPECT_EQ(a.item_count(), 3033u);
  EXPECT_EQ(a.stages().size(), 84u);
  size_t linked = 0;
  for (const Item& item : a.items()) {
    auto it = item.attributes.find("same_as");
    if (it == item.attributes.end()) continue;
    ++linked;
    const std::string target = it->second.substr(std::string("go-backend/").size());
    EXPECT_TRUE((*go)->FindItem(target)) << item.id << " -> " << it->second;
  }
  EXPECT_EQ(linked, 15u);
  const Item& gin = a.item(*a.FindItem("gin"));
  EXPECT_EQ(gin.attributes.at("same_as"), "go-backend/gin");
  ItemQuery alternatives;
  alternatives.tag = "alt.go-backend.gin";
  const std::vector<ItemId> found = FindItems(a, alternatives);
  std::set<std::string> ids;
  for (ItemId id : found) ids.insert(a.item(id).id);
  EXPECT_GT(ids.size(), 40u);
  EXPECT_TRUE(ids.count("echo") && ids.count("fiber") && ids.count("beego"));
  EXPECT_FALSE(ids.count("gin"));
  for (ItemId id : found) EXPECT_EQ(a.item(id).attributes.at("category"), "Web Frameworks");
}

}  // namespace
}  // namespace pathrank
