#include "pathrank/catalog_builder.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

namespace pathrank {
namespace {

using ::testing::HasSubstr;

ItemSpec MakeItem(std::string id, std::string stage, std::vector<ClauseSpec> prereqs = {},
                  std::vector<std::string> tags = {}) {
  ItemSpec item;
  item.id = id;
  item.title = "Title of " + id;
  item.stage = std::move(stage);
  item.hours = 2;
  item.difficulty = 2;
  item.prerequisites = std::move(prereqs);
  item.tags = std::move(tags);
  return item;
}

ClauseSpec Requires(std::vector<std::string> any_of, double weight = 1.0) {
  return {std::move(any_of), weight, ClauseType::kRequires, ""};
}
ClauseSpec Recommends(std::vector<std::string> any_of, double weight) {
  return {std::move(any_of), weight, ClauseType::kRecommends, ""};
}

// basics -> goroutines -> channels; web needs (gin | echo); gin, echo need basics.
CatalogSpec TinySpec() {
  CatalogSpec spec;
  spec.id = "tiny";
  spec.title = "Tiny";
  spec.stages = {{"foundation", "Foundation", ""}, {"web", "Web", ""}};
  spec.items.push_back(MakeItem("basics", "foundation", {}, {"go-core"}));
  spec.items.push_back(
      MakeItem("goroutines", "foundation", {Requires({"basics"})}, {"concurrency"}));
  spec.items.push_back(MakeItem("channels", "foundation",
                                {Requires({"goroutines"}), Recommends({"basics"}, 0.5)},
                                {"concurrency"}));
  spec.items.push_back(MakeItem("web-app", "web", {Requires({"gin", "echo"})}, {"web"}));
  spec.items.push_back(MakeItem("gin", "web", {Requires({"basics"})}, {"web"}));
  spec.items.push_back(MakeItem("echo", "web", {Requires({"basics"})}, {"web"}));
  spec.items[4].kind = ItemKind::kFramework;
  spec.items[4].aliases = {"Gin Gonic"};
  GoalSpec goal;
  goal.id = "web-dev";
  goal.title = "Web development";
  goal.items = {{"web-app", 1.0}};
  goal.tags = {{"web", 0.5}};
  spec.goals.push_back(goal);
  return spec;
}

std::shared_ptr<const Catalog> BuildOk(CatalogSpec spec) {
  auto result = BuildCatalog(std::move(spec));
  EXPECT_TRUE(result.has_value()) << result.status().message();
  return result ? *result : nullptr;
}

// Builds `spec`, expects failure, returns the message.
std::string BuildError(CatalogSpec spec) {
  auto result = BuildCatalog(std::move(spec));
  EXPECT_FALSE(result.has_value());
  if (result) return "";
  EXPECT_EQ(result.error().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(result.error().fields().empty());
  return result.error().message();
}

TEST(CatalogBuilderTest, BuildsDenseIdsAndBothAdjacencies) {
  auto c = BuildOk(TinySpec());
  ASSERT_TRUE(c);
  ASSERT_EQ(c->item_count(), 6u);
  EXPECT_EQ(*c->FindItem("channels"), 2u);
  EXPECT_EQ(c->clause_count(), 6u);
  EXPECT_EQ(c->alternative_count(), 7u);

  const ItemId channels = *c->FindItem("channels");
  auto clauses = c->clauses_of(channels);
  ASSERT_EQ(clauses.size(), 2u);
  EXPECT_EQ(clauses[1].type, ClauseType::kRecommends);
  EXPECT_DOUBLE_EQ(clauses[1].weight, 0.5);
  EXPECT_DOUBLE_EQ(c->clause_weight_sum(channels), 1.5);

  const ItemId web_app = *c->FindItem("web-app");
  auto alts = c->alternatives(c->clauses_of(web_app)[0]);
  ASSERT_EQ(alts.size(), 2u);
  EXPECT_EQ(c->item(alts[0]).id, "gin");
  EXPECT_EQ(c->item(alts[1]).id, "echo");

  // basics is needed by goroutines, channels (recommends), gin and echo.
  std::vector<std::string> deps;
  for (const Dependent& d : c->dependents_of(*c->FindItem("basics"))) {
    deps.push_back(c->item(d.item).id);
    EXPECT_EQ(c->clauses()[d.clause].item, d.item);
  }
  EXPECT_EQ(deps, (std::vector<std::string>{"goroutines", "channels", "gin", "echo"}));
}

TEST(CatalogBuilderTest, TopologicalAndStageOrders) {
  auto c = BuildOk(TinySpec());
  ASSERT_TRUE(c);
  std::vector<std::string> topo;
  for (ItemId i : c->topological_order()) topo.push_back(c->item(i).id);
  EXPECT_EQ(topo, (std::vector<std::string>{"basics", "goroutines", "channels", "gin", "echo",
                                            "web-app"}));
  for (const Clause& clause : c->clauses()) {
    for (ItemId alt : c->alternatives(clause)) {
      EXPECT_LT(c->topological_rank(alt), c->topological_rank(clause.item));
    }
  }
  uint32_t last_stage = 0;
  for (ItemId i : c->stage_order()) {
    EXPECT_GE(c->item(i).stage, last_stage);
    last_stage = c->item(i).stage;
  }
}

TEST(CatalogBuilderTest, GoalDemandCombinesItemAndTagTargets) {
  auto c = BuildOk(TinySpec());
  ASSERT_TRUE(c);
  const Goal& goal = c->goals()[*c->FindGoal("web-dev")];
  std::map<std::string, double> demand;
  for (auto [item, w] : goal.demand) demand[c->item(item).id] = w;
  // web-app: item target 1.0 + tag "web" 0.5; gin, echo: tag only.
  EXPECT_EQ(demand, (std::map<std::string, double>{{"echo", 0.5}, {"gin", 0.5}, {"web-app", 1.5}}));
}

TEST(CatalogBuilderTest, FindsItemsByIdAliasOrTitleIgnoringCase) {
  auto c = BuildOk(TinySpec());
  ASSERT_TRUE(c);
  EXPECT_EQ(c->FindItemByName("GIN"), c->FindItem("gin"));
  EXPECT_EQ(c->FindItemByName("gin gonic"), c->FindItem("gin"));
  EXPECT_EQ(c->FindItemByName("title of echo"), c->FindItem("echo"));
  EXPECT_FALSE(c->FindItemByName("fiber"));
  EXPECT_FALSE(c->FindItem("GIN"));  // ids are exact
}

TEST(CatalogBuilderTest, PieceByPieceEqualsWholeSpec) {
  CatalogSpec spec = TinySpec();
  CatalogBuilder builder;
  builder.SetInfo(spec.id, spec.title, spec.version, spec.summary);
  for (auto& s : spec.stages) builder.AddStage(s);
  // Clauses may arrive before their item.
  builder.AddClause("channels", Requires({"goroutines"}));
  for (auto item : spec.items) {
    auto clauses = std::move(item.prerequisites);
    item.prerequisites.clear();
    if (item.id == "channels") clauses.erase(clauses.begin());
    for (auto& clause : clauses) builder.AddClause(item.id, clause);
    builder.AddItem(std::move(item));
  }
  for (auto& g : spec.goals) builder.AddGoal(g);
  auto built = builder.Build();
  ASSERT_TRUE(built) << built.error().message();
  // Loose clauses attach to their items in the order they were added.
  EXPECT_EQ((*built)->ToSpec(), spec);
}

TEST(CatalogBuilderTest, ToSpecGivesBackTheSpec) {
  CatalogSpec spec = TinySpec();
  auto c = BuildOk(spec);
  ASSERT_TRUE(c);
  EXPECT_EQ(c->ToSpec(), spec);
}

// ----- each validation error kind

TEST(CatalogValidationTest, DuplicateItemId) {
  CatalogSpec spec = TinySpec();
  spec.items.push_back(MakeItem("gin", "web"));
  EXPECT_THAT(BuildError(spec),
              HasSubstr("item \"gin\" at index 6 duplicates the id of the item at index 4"));
}

TEST(CatalogValidationTest, BadSlugs) {
  CatalogSpec spec = TinySpec();
  spec.items[0].id = "Basics Item";
  std::string message = BuildError(spec);
  EXPECT_THAT(message, HasSubstr("item \"Basics Item\": id is not a slug"));
  EXPECT_THAT(message, HasSubstr("(at /items/0/id)"));
}

TEST(CatalogValidationTest, UnknownReferenceNamesRecordAndPointer) {
  CatalogSpec spec = TinySpec();
  spec.items[4].prerequisites[0].any_of = {"net-htp"};
  EXPECT_THAT(BuildError(spec),
              HasSubstr("item \"gin\": prerequisite 0 names unknown item \"net-htp\" "
                        "(at /items/4/prerequisites/0/any_of/0)"));
}

TEST(CatalogValidationTest, UnknownStage) {
  CatalogSpec spec = TinySpec();
  spec.items[1].stage = "advanced";
  EXPECT_THAT(BuildError(spec),
              HasSubstr("item \"goroutines\": unknown stage \"advanced\" (at /items/1/stage)"));
}

TEST(CatalogValidationTest, WeightsMustBeFiniteAndInRange) {
  for (double bad : {0.0, -0.5, 1.5, std::nan(""), std::numeric_limits<double>::infinity()}) {
    CatalogSpec spec = TinySpec();
    spec.items[2].prerequisites[1].weight = bad;
    EXPECT_THAT(BuildError(spec),
                HasSubstr("item \"channels\": prerequisite 1 weight must be a number in (0, 1] "
                          "(at /items/2/prerequisites/1/weight)"))
        << bad;
  }
}

TEST(CatalogValidationTest, HoursAndDifficultyRanges) {
  CatalogSpec spec = TinySpec();
  spec.items[0].hours = 0;
  spec.items[1].hours = std::nan("");
  spec.items[2].difficulty = 6;
  std::string message = BuildError(spec);
  EXPECT_THAT(message, HasSubstr("item \"basics\": hours must be a number in (0, 10000]"));
  EXPECT_THAT(message, HasSubstr("item \"goroutines\": hours must be"));
  EXPECT_THAT(message, HasSubstr("item \"channels\": difficulty must be an integer in 1..5"));
  EXPECT_THAT(message, HasSubstr("3 errors"));
}

TEST(CatalogValidationTest, SelfLoop) {
  CatalogSpec spec = TinySpec();
  spec.items[1].prerequisites.push_back(Requires({"goroutines"}));
  EXPECT_THAT(BuildError(spec),
              HasSubstr("item \"goroutines\": prerequisite 1 names the item itself (self-loop)"));
}

TEST(CatalogValidationTest, RepeatedAlternativeAndEmptyClause) {
  CatalogSpec spec = TinySpec();
  spec.items[3].prerequisites[0].any_of = {"gin", "gin"};
  spec.items[4].prerequisites[0].any_of.clear();
  std::string message = BuildError(spec);
  EXPECT_THAT(message, HasSubstr("item \"web-app\": prerequisite 0 lists \"gin\" twice"));
  EXPECT_THAT(message, HasSubstr("item \"gin\": prerequisite 0 lists no alternative"));
}

TEST(CatalogValidationTest, CycleListsItsItems) {
  CatalogSpec spec = TinySpec();
  // basics needs channels: basics -> channels -> goroutines -> basics.
  spec.items[2].prerequisites.pop_back();
  spec.items[0].prerequisites.push_back(Recommends({"channels"}, 0.5));
  EXPECT_THAT(BuildError(spec),
              HasSubstr("cycle of 3 items, each needing the next: \"basics\" -> \"channels\" "
                        "-> \"goroutines\" -> \"basics\""));
}

TEST(CatalogValidationTest, CycleIsReportedWithOtherErrors) {
  CatalogSpec spec = TinySpec();
  spec.items[4].prerequisites[0].any_of = {"echo"};
  spec.items[5].prerequisites[0].any_of = {"gin"};
  spec.items[0].hours = -1;
  std::string message = BuildError(spec);
  EXPECT_THAT(message, HasSubstr("\"gin\" -> \"echo\" -> \"gin\""));
  EXPECT_THAT(message, HasSubstr("item \"basics\": hours must be"));
}

TEST(CatalogValidationTest, GoalErrors) {
  CatalogSpec spec = TinySpec();
  spec.goals[0].items["nosuch"] = 1.0;
  spec.goals[0].tags["web"] = 2.0;
  spec.goals[0].tags["databases"] = 0.5;
  GoalSpec empty;
  empty.id = "empty";
  empty.title = "Empty";
  spec.goals.push_back(empty);
  std::string message = BuildError(spec);
  EXPECT_THAT(message,
              HasSubstr("goal \"web-dev\": unknown item \"nosuch\" (at /goals/0/items/nosuch)"));
  EXPECT_THAT(message,
              HasSubstr("goal \"web-dev\": weight of tag \"web\" must be a number in (0, 1]"));
  EXPECT_THAT(message, HasSubstr("goal \"web-dev\": tag \"databases\" matches no item"));
  EXPECT_THAT(message, HasSubstr("goal \"empty\" has no item or tag target"));
}

TEST(CatalogValidationTest, AliasCollision) {
  CatalogSpec spec = TinySpec();
  spec.items[5].aliases = {"GIN"};
  EXPECT_THAT(
      BuildError(spec),
      HasSubstr("item \"echo\": alias \"GIN\" is already the id or an alias of item \"gin\""));
}

TEST(CatalogValidationTest, DuplicateStageAndGoal) {
  CatalogSpec spec = TinySpec();
  spec.stages.push_back({"web", "Web again", ""});
  spec.goals.push_back(spec.goals[0]);
  std::string message = BuildError(spec);
  EXPECT_THAT(message, HasSubstr("stage \"web\" is declared twice"));
  EXPECT_THAT(message, HasSubstr("goal \"web-dev\" is declared twice"));
}

TEST(CatalogValidationTest, ClauseForUnknownItem) {
  CatalogBuilder builder(TinySpec());
  builder.AddClause("nosuch", Requires({"basics"}));
  auto result = builder.Build();
  ASSERT_FALSE(result);
  EXPECT_THAT(result.error().message(),
              HasSubstr("a prerequisite clause was added to unknown item \"nosuch\""));
}

TEST(CatalogValidationTest, StagesDeclaredOnUse) {
  CatalogSpec spec = TinySpec();
  spec.stages.clear();
  EXPECT_THAT(BuildError(spec), HasSubstr("unknown stage \"foundation\""));
  CatalogBuildOptions options;
  options.declare_stages_on_use = true;
  spec.items[0].stage.clear();
  auto result = CatalogBuilder(spec, options).Build();
  ASSERT_TRUE(result) << result.error().message();
  std::vector<std::string> stages;
  for (const Stage& s : (*result)->stages()) stages.push_back(s.id);
  EXPECT_EQ(stages, (std::vector<std::string>{"general", "foundation", "web"}));
}

TEST(CatalogValidationTest, ListsAtMostTheConfiguredNumberOfErrors) {
  CatalogSpec spec = TinySpec();
  for (auto& item : spec.items) item.hours = -1;
  CatalogBuildOptions options;
  options.max_listed_errors = 2;
  auto result = CatalogBuilder(spec, options).Build();
  ASSERT_FALSE(result);
  EXPECT_THAT(result.error().message(), HasSubstr("6 errors"));
  EXPECT_THAT(result.error().message(), HasSubstr("... and 4 more"));
  EXPECT_EQ(result.error().fields().size(), 6u);
}

}  // namespace
}  // namespace pathrank
