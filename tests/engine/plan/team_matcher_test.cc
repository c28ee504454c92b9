#include "pathrank/team_matcher.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <numeric>

#include "pathrank/catalog_builder.h"
#include "pathrank/catalog_json.h"
#include "test_paths.h"

namespace pathrank {
namespace {

using ::testing::HasSubstr;

// base (2 h, d1) <- web (3 h, d2) <- fw-a (5 h, d2, Web Framework, tag api);
// base <- fw-b (10 h, d4, RPC Framework, tag rpc; recommends web, w 0.5).
// Goal "micro" ("Microservices"): item fw-b 1.0, tag api 0.5.
std::shared_ptr<const Catalog> TeamCatalog() {
  CatalogSpec spec;
  spec.id = "team";
  spec.title = "Team";
  spec.stages = {{"s", "S", ""}};
  auto item = [](std::string id, ItemKind kind, double hours, int difficulty,
                 std::vector<ClauseSpec> prereqs, std::vector<std::string> tags) {
    ItemSpec s;
    s.id = id;
    s.kind = kind;
    s.title = id;
    s.stage = "s";
    s.hours = hours;
    s.difficulty = difficulty;
    s.prerequisites = std::move(prereqs);
    s.tags = std::move(tags);
    return s;
  };
  spec.items.push_back(item("base", ItemKind::kTopic, 2, 1, {}, {"core"}));
  spec.items.push_back(
      item("web", ItemKind::kTopic, 3, 2, {{{"base"}, 1, ClauseType::kRequires, ""}}, {"core"}));
  spec.items.push_back(
      item("fw-a", ItemKind::kFramework, 5, 2, {{{"web"}, 1, ClauseType::kRequires, ""}}, {"api"}));
  spec.items.back().attributes = {{"type", "Web Framework"},
                                  {"use_cases", "REST APIs, rapid development"}};
  spec.items.push_back(
      item("fw-b", ItemKind::kFramework, 10, 4,
           {{{"base"}, 1, ClauseType::kRequires, ""}, {{"web"}, 0.5, ClauseType::kRecommends, ""}},
           {"rpc"}));
  spec.items.back().attributes = {{"type", "RPC Framework"}, {"use_cases", "Microservices RPC"}};
  GoalSpec goal;
  goal.id = "micro";
  goal.title = "Microservices";
  goal.items = {{"fw-b", 1.0}};
  goal.tags = {{"api", 0.5}};
  spec.goals.push_back(goal);
  return *BuildCatalog(spec);
}

class TeamMatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    catalog_ = TeamCatalog();
    scorer_ = std::make_unique<Scorer>(catalog_);
    request_.members = {
        {"m1", {{"base", 1}, {"web", 1}}}, {"m2", {}}, {"m3", {{"fw-b", 0.9}, {"base", 1}}}};
    request_.goals = {{"micro", 1.0}};
  }
  const TeamMatch& Find(const std::vector<TeamMatch>& matches, const char* id) {
    for (const TeamMatch& m : matches) {
      if (catalog_->item(m.item).id == id) return m;
    }
    ADD_FAILURE() << id << " not ranked";
    return matches.front();
  }

  std::shared_ptr<const Catalog> catalog_;
  std::unique_ptr<Scorer> scorer_;
  TeamMatchRequest request_;
};

TEST_F(TeamMatcherTest, HandComputedTermsAndFit) {
  auto matches = MatchTeam(*scorer_, ScoringProfile{}, request_);
  ASSERT_TRUE(matches) << matches.error().message();
  ASSERT_EQ(matches->size(), 2u);
  const TeamMatch& a = Find(*matches, "fw-a");
  const TeamMatch& b = Find(*matches, "fw-b");
  // Goal fit: half the goal's demand relative to the best candidate (fw-a
  // 0.5 by tag, fw-b 1.0), half the goal's words ("micro",
  // "microservices") found in the use cases (fw-a none, fw-b both).
  EXPECT_NEAR(a.goal_fit, 0.5 * 0.5 + 0.5 * 0.0, 1e-12);
  EXPECT_NEAR(b.goal_fit, 0.5 * 1.0 + 0.5 * 1.0, 1e-12);
  // Coverage: fw-a needs web (m1 only); fw-b needs base (2/3) and web (1/3).
  EXPECT_NEAR(a.team_coverage, (1.0 + 0 + 0) / 3, 1e-12);
  EXPECT_NEAR(b.team_coverage, (1.0 + 0 + 2.0 / 3) / 3, 1e-12);
  // Experts: m3 masters fw-b at 0.9 >= 0.8.
  EXPECT_EQ(a.experts, 0u);
  EXPECT_EQ(b.experts, 1u);
  // Ramp-up: fw-a: m1 5, m2 2+3+5, m3 3+5 = 23 h; fw-b: m1 10, m2 2+10, m3 0 = 22 h.
  EXPECT_DOUBLE_EQ(a.ramp_up_hours, 23);
  EXPECT_DOUBLE_EQ(b.ramp_up_hours, 22);
  // Difficulty gap: levels m1 1.5, m2 1, m3 2.5; fw-b (4): 0.5, 2/3, 1/6.
  EXPECT_NEAR(a.difficulty_gap, 0.0, 1e-12);
  EXPECT_NEAR(b.difficulty_gap, (0.5 + 2.0 / 3 + 1.0 / 6) / 3, 1e-12);
  const double ramp_a = (23.0 / 3) / (23.0 / 3 + 40), ramp_b = (22.0 / 3) / (22.0 / 3 + 40);
  EXPECT_NEAR(a.fit, 3 * 0.25 + 1.0 / 3 + 0 - ramp_a - 0, 1e-12);
  EXPECT_NEAR(b.fit, 3 * 1.0 + 5.0 / 9 + 1.0 / 3 - ramp_b - 4.0 / 9, 1e-12);
  EXPECT_EQ(catalog_->item(matches->front().item).id, "fw-b");
}

TEST_F(TeamMatcherTest, RampUpAddsUpToTheMembersPlans) {
  auto matches = MatchTeam(*scorer_, ScoringProfile{}, request_);
  ASSERT_TRUE(matches);
  for (const TeamMatch& m : *matches) {
    double sum = 0;
    for (const MemberGap& gap : m.members) {
      double steps = 0;
      for (const PlanStep& s : gap.plan.steps) steps += catalog_->item(s.item).hours;
      EXPECT_DOUBLE_EQ(steps, gap.plan.total_hours);
      sum += steps;
      if (gap.expert) {
        EXPECT_TRUE(gap.plan.steps.empty());
      }
    }
    EXPECT_DOUBLE_EQ(sum, m.ramp_up_hours);
  }
  // m2 learns base, web, then fw-a, in that order.
  const TeamMatch& a = Find(*matches, "fw-a");
  std::vector<std::string> order;
  for (const PlanStep& s : a.members[1].plan.steps) order.push_back(catalog_->item(s.item).id);
  EXPECT_EQ(order, (std::vector<std::string>{"base", "web", "fw-a"}));
}

TEST_F(TeamMatcherTest, ExpertsOnlyAtTheMasteryThreshold) {
  request_.members[2].mastery["fw-b"] = 0.79;
  auto below = MatchTeam(*scorer_, ScoringProfile{}, request_);
  ASSERT_TRUE(below);
  EXPECT_EQ(Find(*below, "fw-b").experts, 0u);
  request_.members[2].mastery["fw-b"] = 0.8;
  auto at = MatchTeam(*scorer_, ScoringProfile{}, request_);
  ASSERT_TRUE(at);
  EXPECT_EQ(Find(*at, "fw-b").experts, 1u);
}

TEST_F(TeamMatcherTest, TypeFilterAndErrors) {
  request_.type = "web framework";  // case-insensitive
  auto web = MatchTeam(*scorer_, ScoringProfile{}, request_);
  ASSERT_TRUE(web);
  ASSERT_EQ(web->size(), 1u);
  EXPECT_EQ(catalog_->item(web->front().item).id, "fw-a");

  request_.type = "ORM Framework";
  auto none = MatchTeam(*scorer_, ScoringProfile{}, request_);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().fields()[0].field, "/type");
  EXPECT_THAT(none.error().message(), HasSubstr("known types: RPC Framework, Web Framework"));
  request_.type.clear();

  TeamMatchRequest bad = request_;
  bad.members.push_back({"m1", {{"nosuch", 1.0}, {"base", 2.0}}});
  bad.goals["nogoal"] = 1;
  auto errors = MatchTeam(*scorer_, ScoringProfile{}, bad);
  ASSERT_FALSE(errors);
  std::vector<std::string> fields;
  for (const FieldError& e : errors.error().fields()) fields.push_back(e.field);
  EXPECT_THAT(fields, ::testing::UnorderedElementsAre("/members/3/id", "/members/3/mastery/nosuch",
                                                      "/members/3/mastery/base", "/goals/nogoal"));

  TeamMatchRequest empty = request_;
  empty.members.clear();
  auto no_team = MatchTeam(*scorer_, ScoringProfile{}, empty);
  ASSERT_FALSE(no_team);
  EXPECT_EQ(no_team.error().fields()[0].field, "/members");

  TeamMatchRequest big = request_;
  big.members.clear();
  for (size_t m = 0; m <= kMaxTeamMembers; ++m)
    big.members.push_back({"p" + std::to_string(m), {}});
  auto too_big = MatchTeam(*scorer_, ScoringProfile{}, big);
  ASSERT_FALSE(too_big);
  EXPECT_THAT(too_big.error().message(), HasSubstr("at most 500 members, got 501"));
}

TEST_F(TeamMatcherTest, Deterministic) {
  auto a = MatchTeam(*scorer_, ScoringProfile{}, request_);
  auto b = MatchTeam(*scorer_, ScoringProfile{}, request_);
  ASSERT_TRUE(a && b);
  ASSERT_EQ(a->size(), b->size());
  for (size_t i = 0; i < a->size(); ++i) {
    EXPECT_EQ((*a)[i].item, (*b)[i].item);
    EXPECT_EQ((*a)[i].fit, (*b)[i].fit);
  }
}

// ----- the Go catalog, as a tech lead would see it

class GoTeamTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto c = LoadCatalogFile(testing::GoCatalogPath());
    ASSERT_TRUE(c) << c.error().message();
    catalog_ = new std::shared_ptr<const Catalog>(*c);
    scorer_ = new Scorer(*catalog_);
  }
  static void TearDownTestSuite() {
    delete scorer_;
    delete catalog_;
  }
  const Catalog& c() const { return **catalog_; }

  // Topics of the given stages, plus `extra`.
  std::map<std::string, double> Knowing(std::vector<std::string> stages,
                                        std::vector<std::string> extra = {}) const {
    std::map<std::string, double> mastery;
    for (const Item& item : c().items()) {
      if (item.kind != ItemKind::kTopic) continue;
      if (std::find(stages.begin(), stages.end(), c().stages()[item.stage].id) != stages.end()) {
        mastery[item.id] = 1.0;
      }
    }
    for (const std::string& id : extra) mastery[id] = 1.0;
    return mastery;
  }
  std::map<std::string, double> Senior(std::vector<std::string> extra = {}) const {
    extra.insert(extra.end(), {"net-http", "restful-api-design", "sql-basics", "mysql",
                               "database-sql", "web-router", "request-parsing", "json-response"});
    return Knowing({"foundation", "concurrency", "cs-basics"}, extra);
  }
  std::map<std::string, double> Junior() const {
    return {{"go-environment", 1},
            {"go-basic-syntax", 1},
            {"go-data-types", 1},
            {"go-flow-control", 1},
            {"go-functions", 1}};
  }
  std::vector<TeamMatch> Match(std::vector<std::map<std::string, double>> members,
                               std::map<std::string, double> goals, size_t k = 12) const {
    TeamMatchRequest request;
    for (size_t m = 0; m < members.size(); ++m) {
      request.members.push_back({"member-" + std::to_string(m), members[m]});
    }
    request.goals = std::move(goals);
    request.k = k;
    auto matches = MatchTeam(*scorer_, ScoringProfile{}, request);
    EXPECT_TRUE(matches) << matches.error().message();
    return matches ? *matches : std::vector<TeamMatch>{};
  }
  std::string UseCases(const TeamMatch& m) const {
    std::string text = c().item(m.item).attributes.at("use_cases");
    for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return text;
  }
  size_t RankOf(const std::vector<TeamMatch>& matches, const std::string& id) const {
    for (size_t r = 0; r < matches.size(); ++r) {
      if (c().item(matches[r].item).id == id) return r;
    }
    return matches.size();
  }

  static std::shared_ptr<const Catalog>* catalog_;
  static Scorer* scorer_;
};

std::shared_ptr<const Catalog>* GoTeamTest::catalog_ = nullptr;
Scorer* GoTeamTest::scorer_ = nullptr;

TEST_F(GoTeamTest, GoalAlignedFrameworksLead) {
  const auto team = std::vector{Senior(), Senior(), Senior()};
  // The framework table's use-case column decides what "aligned" means.
  const auto micro = Match(team, {{"microservices", 1}});
  for (size_t r = 0; r < 3; ++r) EXPECT_THAT(UseCases(micro[r]), HasSubstr("microservices"));
  const auto full = Match(team, {{"full-stack-web", 1}});
  for (size_t r = 0; r < 2; ++r) EXPECT_THAT(UseCases(full[r]), HasSubstr("full-stack web"));
  const auto rest = Match(team, {{"rest-api", 1}});
  EXPECT_THAT(UseCases(rest[0]), HasSubstr("restful apis"));
  const auto concurrent = Match(team, {{"high-concurrency", 1}});
  EXPECT_THAT(UseCases(concurrent[0]), HasSubstr("high-concurrency"));
}

TEST_F(GoTeamTest, ExpertsRankTheirFrameworkUp) {
  const auto plain = Match({Senior(), Senior(), Senior()}, {{"rapid-development", 1}});
  const auto kitex_team =
      Match({Senior({"kitex", "protobuf", "grpc", "microservices-architecture"}),
             Senior({"kitex", "protobuf", "grpc", "microservices-architecture"}), Senior()},
            {{"rapid-development", 1}});
  EXPECT_LT(RankOf(kitex_team, "kitex"), RankOf(plain, "kitex"));
  const TeamMatch& k = kitex_team[RankOf(kitex_team, "kitex")];
  EXPECT_EQ(k.experts, 2u);
  EXPECT_TRUE(k.members[0].expert);
  EXPECT_FALSE(k.members[2].expert);
}

TEST_F(GoTeamTest, JuniorTeamsSeeEasierFrameworksRankedUp) {
  auto mean_difficulty = [&](const std::vector<TeamMatch>& matches) {
    double sum = 0;
    for (size_t r = 0; r < 3; ++r) sum += c().item(matches[r].item).difficulty;
    return sum / 3;
  };
  const std::vector<std::map<std::string, double>> goal_sets = {
      {{"microservices", 1}},
      {{"rest-api", 1}},
      {{"high-concurrency", 1}, {"rest-api", 1}},
      {{"microservices", 1}, {"rest-api", 1}},
      {{"full-stack-web", 1}}};
  size_t easier = 0;
  for (const auto& goals : goal_sets) {
    const double senior = mean_difficulty(Match({Senior(), Senior(), Senior()}, goals));
    const double junior = mean_difficulty(Match({Junior(), Junior(), {}}, goals));
    EXPECT_LE(junior, senior) << goals.begin()->first;
    if (junior < senior) ++easier;
  }
  EXPECT_GE(easier, 1u);
}

}  // namespace
}  // namespace pathrank
