// Stateless scoring over HTTP: POST .../recommendations and .../paths, the
// happy paths and each error class.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "server/http/http_fixture.h"

namespace pathrank::server::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

class HttpScoringTest : public ::testing::Test {
 protected:
  Answer Recommend(const std::string& body, const std::string& cid = "go-backend") {
    return server_.Call("POST", "/v1/catalogs/" + cid + "/recommendations", body);
  }
  Answer Path(const std::string& body) {
    return server_.Call("POST", "/v1/catalogs/go-backend/paths", body);
  }
  TestServer server_;
};

TEST_F(HttpScoringTest, RecommendsWithExplanations) {
  Answer a = Recommend(R"({"mastery": {"go-basic-syntax": 1.0, "goroutines": 0.7},
                          "goals": {"microservices": 1.0}, "k": 5, "profile": "default",
                          "weights": {"w_rel": 2.0}, "kinds": ["topic", "framework"],
                          "exclude": ["revel"], "include_blocked": false, "explain": true})");
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.json["catalog"], "go-backend");
  EXPECT_EQ(a.json["profile"], "default");
  ASSERT_EQ(a.json["items"].size(), 5u);
  double previous = 1e9;
  for (const auto& item : a.json["items"]) {
    EXPECT_NE(item["id"], "go-basic-syntax");  // mastered
    EXPECT_NE(item["id"], "revel");            // excluded
    EXPECT_NE(item["kind"], "project");
    EXPECT_TRUE(item["ready"].get<bool>());
    EXPECT_LE(item["score"].get<double>(), previous);
    previous = item["score"].get<double>();
    for (const char* term : {"coverage", "relevance", "unlock", "foundation", "effort"}) {
      EXPECT_TRUE(item["terms"].contains(term)) << term;
    }
    ASSERT_TRUE(item.contains("explanation"));
    EXPECT_TRUE(item["explanation"].contains("missing"));
    EXPECT_TRUE(item["explanation"].contains("serves"));
    EXPECT_TRUE(item["explanation"].contains("unlocks"));
  }
}

TEST_F(HttpScoringTest, EmptyBodyObjectUsesDefaults) {
  Answer a = Recommend("{}");
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_FALSE(a.json["items"].empty());  // only items without `requires` are ready
  EXPECT_LE(a.json["items"].size(), 10u);
  EXPECT_FALSE(a.json["items"][0].contains("explanation"));
}

TEST_F(HttpScoringTest, MalformedJsonIs400) {
  for (const char* body : {"{\"mastery\": ", "not json", "", "[1, 2]", "\"text\""}) {
    Answer a = Recommend(body);
    EXPECT_EQ(a.status, 400) << body;
    EXPECT_EQ(a.Header("Content-Type"), "application/problem+json") << body;
    EXPECT_THAT(a.Fields(), ElementsAre("body:")) << body;
  }
  Answer syntax = Recommend("{\n  \"k\": 3,\n  oops\n}");
  EXPECT_THAT(syntax.json["detail"].get<std::string>(), HasSubstr("line 3"));
}

TEST_F(HttpScoringTest, WrongTypesAndUnknownFieldsAre400WithPointers) {
  Answer a = Recommend(R"({"mastery": {"goroutines": "high"}, "k": "ten", "explain": 1,
                          "kinds": ["topic", 7], "goal": {"microservices": 1}})");
  EXPECT_EQ(a.status, 400);
  EXPECT_THAT(a.Fields(), UnorderedElementsAre("body:/mastery/goroutines", "body:/k",
                                               "body:/explain", "body:/kinds/1", "body:/goal"));
  Answer fraction = Recommend(R"({"k": 2.5})");
  EXPECT_EQ(fraction.status, 400);
  EXPECT_THAT(fraction.Fields(), ElementsAre("body:/k"));
  Answer goals = Recommend(R"({"goals": ["microservices"]})");
  EXPECT_EQ(goals.status, 400);
  EXPECT_THAT(goals.Fields(), ElementsAre("body:/goals"));
}

TEST_F(HttpScoringTest, InvalidValuesAre422WithPointers) {
  Answer a = Recommend(R"({"mastery": {"goroutines": 1.5, "cobol": 1.0},
                          "goals": {"world-peace": 1.0, "microservices": -1}})");
  EXPECT_EQ(a.status, 422);
  EXPECT_EQ(a.json["type"], "urn:pathrank:problem:invalid");
  EXPECT_THAT(a.Fields(),
              UnorderedElementsAre("body:/mastery/goroutines", "body:/mastery/cobol",
                                   "body:/goals/world-peace", "body:/goals/microservices"));
  for (const auto& [body, field] : std::vector<std::pair<std::string, std::string>>{
           {R"({"k": 0})", "body:/k"},
           {R"({"k": 101})", "body:/k"},
           {R"({"profile": "nope"})", "body:/profile"},
           {R"({"weights": {"w_rel": -3}})", "body:/weights/w_rel"},
           {R"({"weights": {"w_magic": 1}})", "body:/weights/w_magic"},
           {R"({"kinds": ["book"]})", "body:/kinds/0"},
           {R"({"exclude": ["gin", "cobol"]})", "body:/exclude/1"},
       }) {
    Answer b = Recommend(body);
    EXPECT_EQ(b.status, 422) << body << " " << b.body;
    EXPECT_THAT(b.Fields(), ElementsAre(field)) << body;
  }
}

TEST_F(HttpScoringTest, UnknownCatalogIs404) {
  Answer a = Recommend("{}", "nope");
  EXPECT_EQ(a.status, 404);
  EXPECT_THAT(a.Fields(), ElementsAre("path:/cid"));
}

TEST_F(HttpScoringTest, BlockedItemsOnRequest) {
  Answer a = Recommend(R"({"k": 100, "include_blocked": true})");
  ASSERT_EQ(a.status, 200);
  bool any_blocked = false;
  for (const auto& item : a.json["items"]) any_blocked |= !item["ready"].get<bool>();
  EXPECT_TRUE(any_blocked);
}

TEST_F(HttpScoringTest, PathToGoals) {
  Answer a = Path(R"({"mastery": {"go-basic-syntax": 1.0}, "goals": {"rest-api": 1.0},
                     "hours_per_week": 8, "profile": "default"})");
  ASSERT_EQ(a.status, 200) << a.body;
  ASSERT_FALSE(a.json["steps"].empty());
  double cumulative = 0;
  for (const auto& step : a.json["steps"]) {
    EXPECT_NE(step["id"], "go-basic-syntax");
    cumulative += step["hours"].get<double>();
    EXPECT_NEAR(step["cumulative_hours"].get<double>(), cumulative, 1e-9);
    EXPECT_GE(step["week"].get<int>(), 1);
    EXPECT_FALSE(step["reason"].get<std::string>().empty());
  }
  EXPECT_NEAR(a.json["total_hours"].get<double>(), cumulative, 1e-9);
  EXPECT_GE(a.json["weeks"].get<int>(), 1);
}

TEST_F(HttpScoringTest, PathErrors) {
  Answer no_goal = Path(R"({"mastery": {}})");
  EXPECT_EQ(no_goal.status, 422);
  EXPECT_THAT(no_goal.Fields(), ElementsAre("body:/goals"));
  Answer hours = Path(R"({"goals": {"rest-api": 1}, "hours_per_week": 0})");
  EXPECT_EQ(hours.status, 422);
  EXPECT_THAT(hours.Fields(), ElementsAre("body:/hours_per_week"));
  Answer type = Path(R"({"goals": {"rest-api": 1}, "hours_per_week": "lots"})");
  EXPECT_EQ(type.status, 400);
  Answer goal = Path(R"({"goals": {"astronaut": 1}})");
  EXPECT_EQ(goal.status, 422);
  EXPECT_THAT(goal.Fields(), ElementsAre("body:/goals/astronaut"));
  EXPECT_EQ(server_.Call("POST", "/v1/catalogs/nope/paths", "{}").status, 404);
}

TEST_F(HttpScoringTest, TeamMatches) {
  Answer a = server_.Call(
      "POST", "/v1/catalogs/go-backend/team-matches",
      R"({"members": [{"id": "ana", "mastery": {"go-basic-syntax": 1, "goroutines": 1}},
                                          {"id": "bo", "mastery": {"kitex": 1}}],
                              "goals": {"microservices": 1.0}, "kind": "framework", "k": 3})");
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.json["catalog"], "go-backend");
  ASSERT_EQ(a.json["items"].size(), 3u);
  for (const auto& item : a.json["items"]) {
    for (const char* term : {"goal_fit", "team_coverage", "experts", "ramp_up_hours"}) {
      EXPECT_TRUE(item["terms"].contains(term)) << term;
    }
    ASSERT_EQ(item["members"].size(), 2u);
    double hours = 0;
    for (const auto& member : item["members"]) {
      for (const auto& step : member["missing"]) hours += step["hours"].get<double>();
    }
    EXPECT_DOUBLE_EQ(hours, item["terms"]["ramp_up_hours"].get<double>());
  }
  Answer web = server_.Call("POST", "/v1/catalogs/go-backend/team-matches",
                            R"({"members": [{"id": "ana"}], "type": "Web Framework", "k": 12})");
  ASSERT_EQ(web.status, 200) << web.body;
  EXPECT_EQ(web.json["items"].size(), 5u);  // Gin, Echo, Hertz, Fiber, Iris
}

TEST_F(HttpScoringTest, TeamMatchErrors) {
  auto call = [&](const std::string& body) {
    return server_.Call("POST", "/v1/catalogs/go-backend/team-matches", body);
  };
  Answer malformed = call(R"({"members": [{"id": 7, "mastery": {"gin": "high"}}]})");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_THAT(malformed.Fields(),
              UnorderedElementsAre("body:/members/0/id", "body:/members/0/mastery/gin"));
  Answer missing = call("{}");
  EXPECT_EQ(missing.status, 400);
  EXPECT_THAT(missing.Fields(), ElementsAre("body:/members"));
  for (const auto& [body, field] : std::vector<std::pair<std::string, std::string>>{
           {R"({"members": []})", "body:/members"},
           {R"({"members": [{"id": "a"}, {"id": "a"}]})", "body:/members/1/id"},
           {R"({"members": [{"id": "a", "mastery": {"cobol": 1}}]})",
            "body:/members/0/mastery/cobol"},
           {R"({"members": [{"id": "a"}], "type": "Game Engine"})", "body:/type"},
           {R"({"members": [{"id": "a"}], "kind": "book"})", "body:/kind"},
           {R"({"members": [{"id": "a"}], "goals": {"world-peace": 1}})",
            "body:/goals/world-peace"},
           {R"({"members": [{"id": "a"}], "k": 0})", "body:/k"},
       }) {
    Answer b = call(body);
    EXPECT_EQ(b.status, 422) << body << " " << b.body;
    EXPECT_THAT(b.Fields(), ElementsAre(field)) << body;
  }
  Answer unknown =
      server_.Call("POST", "/v1/catalogs/nope/team-matches", R"({"members": [{"id": "a"}]})");
  EXPECT_EQ(unknown.status, 404);
}

}  // namespace
}  // namespace pathrank::server::testing
