// Stored learners over HTTP: create, read, progress, scoring from the
// stored state, delete; the happy paths and each error class.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "server/http/http_fixture.h"

namespace pathrank::server::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

class HttpLearnersTest : public ::testing::Test {
 protected:
  void Create(const std::string& lid, const std::string& goals = R"({"microservices": 1})") {
    Answer a = server_.Call("PUT", "/v1/learners/" + lid,
                            R"({"catalog": "go-backend", "goals": )" + goals + "}");
    ASSERT_EQ(a.status, 201) << a.body;
  }
  Answer Progress(const std::string& lid, const std::string& events) {
    return server_.Call("POST", "/v1/learners/" + lid + "/progress",
                        R"({"events": )" + events + "}");
  }
  TestServer server_;
};

TEST_F(HttpLearnersTest, PutCreatesThenUpdates) {
  Answer created = server_.Call("PUT", "/v1/learners/ada",
                                R"({"catalog": "go-backend", "goals": {"microservices": 1}})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json["id"], "ada");
  EXPECT_EQ(created.json["catalog"], "go-backend");
  EXPECT_EQ(created.json["goals"], nlohmann::json({{"microservices", 1.0}}));
  EXPECT_TRUE(created.json["mastery"].empty());
  Answer updated = server_.Call("PUT", "/v1/learners/ada",
                                R"({"catalog": "go-backend", "goals": {"rest-api": 2}})");
  ASSERT_EQ(updated.status, 200);
  EXPECT_EQ(updated.json["goals"], nlohmann::json({{"rest-api", 2.0}}));
  Answer read = server_.Call("GET", "/v1/learners/ada");
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.json["goals"], nlohmann::json({{"rest-api", 2.0}}));
  EXPECT_THAT(read.json["updated_at"].get<std::string>(), HasSubstr("T"));
}

TEST_F(HttpLearnersTest, ProgressIsStoredOnceAndScored) {
  Create("ada");
  Answer first = Progress("ada", R"([
      {"item": "go-basic-syntax", "mastery": 1.0, "at": "2024-05-01T10:00:00Z", "id": "s1"},
      {"item": "goroutines", "mastery": 0.7, "at": "2024-05-02T10:00:00Z", "id": "s2"},
      {"item": "go-data-types", "mastery": 0.9}])");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json, nlohmann::json({{"accepted", 3}, {"duplicates", 0}}));
  Answer again = Progress("ada", R"([{"item": "goroutines", "mastery": 0.1, "id": "s2"}])");
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.json, nlohmann::json({{"accepted", 0}, {"duplicates", 1}}));
  Answer read = server_.Call("GET", "/v1/learners/ada");
  EXPECT_DOUBLE_EQ(read.json["mastery"]["goroutines"].get<double>(), 0.7);
  EXPECT_DOUBLE_EQ(read.json["mastery"]["go-basic-syntax"].get<double>(), 1.0);

  Answer recommended = server_.Call("GET", "/v1/learners/ada/recommendations?k=3&explain=true");
  ASSERT_EQ(recommended.status, 200) << recommended.body;
  ASSERT_EQ(recommended.json["items"].size(), 3u);
  EXPECT_TRUE(recommended.json["items"][0].contains("explanation"));
  // The stored call equals the stateless call on the same state.
  Answer stateless =
      server_.Call("POST", "/v1/catalogs/go-backend/recommendations",
                   R"({"mastery": {"go-basic-syntax": 1.0, "goroutines": 0.7, "go-data-types": 0.9},
          "goals": {"microservices": 1}, "k": 3, "explain": true})");
  ASSERT_EQ(stateless.status, 200);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(recommended.json["items"][i]["id"], stateless.json["items"][i]["id"]);
  }
  Answer path = server_.Call("GET", "/v1/learners/ada/path?hours_per_week=5");
  ASSERT_EQ(path.status, 200) << path.body;
  EXPECT_FALSE(path.json["steps"].empty());
  EXPECT_EQ(path.json["hours_per_week"], 5.0);
}

TEST_F(HttpLearnersTest, ProgressHistoryIsInTimeOrderFilteredAndLimited) {
  Create("ada");
  // Sent out of time order, in two requests; one repeated id.
  ASSERT_EQ(Progress("ada", R"([
      {"item": "goroutines", "mastery": 0.4, "at": "2024-05-03T10:00:00Z", "id": "s3"},
      {"item": "go-basic-syntax", "mastery": 1.0, "at": "2024-05-01T10:00:00Z", "id": "s1"}])")
                .status,
            200);
  ASSERT_EQ(Progress("ada", R"([
      {"item": "goroutines", "mastery": 0.8, "at": "2024-05-04T09:30:00Z"},
      {"item": "goroutines", "mastery": 0.2, "at": "2024-05-02T10:00:00Z", "id": "s2"},
      {"item": "goroutines", "mastery": 0.9, "id": "s3"}])")
                .status,
            200);
  Answer all = server_.Call("GET", "/v1/learners/ada/progress");
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json["learner"], "ada");
  EXPECT_EQ(all.json["total"], 4);
  EXPECT_EQ(all.json["truncated"], false);
  std::vector<std::string> order;
  for (const auto& e : all.json["events"]) {
    order.push_back(e["at"].get<std::string>().substr(0, 10) + " " + e["item"].get<std::string>() +
                    " " + std::to_string(e["mastery"].get<double>()).substr(0, 3));
  }
  EXPECT_THAT(order, ElementsAre("2024-05-01 go-basic-syntax 1.0", "2024-05-02 goroutines 0.2",
                                 "2024-05-03 goroutines 0.4", "2024-05-04 goroutines 0.8"));
  EXPECT_EQ(all.json["events"][0]["id"], "s1");
  EXPECT_FALSE(all.json["events"][3].contains("id"));  // sent without one

  Answer one = server_.Call("GET", "/v1/learners/ada/progress?item=goroutines&limit=2");
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(one.json["total"], 3);
  EXPECT_EQ(one.json["truncated"], true);
  ASSERT_EQ(one.json["events"].size(), 2u);  // the two most recent, oldest first
  EXPECT_DOUBLE_EQ(one.json["events"][0]["mastery"].get<double>(), 0.4);
  EXPECT_DOUBLE_EQ(one.json["events"][1]["mastery"].get<double>(), 0.8);

  Answer bad = server_.Call("GET", "/v1/learners/ada/progress?limit=0");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_THAT(bad.Fields(), ElementsAre("query:/limit"));
}

TEST_F(HttpLearnersTest, DeleteRemovesTheLearner) {
  Create("ada");
  ASSERT_EQ(Progress("ada", R"([{"item": "goroutines", "mastery": 0.5}])").status, 200);
  Answer deleted = server_.Call("DELETE", "/v1/learners/ada");
  EXPECT_EQ(deleted.status, 204);
  EXPECT_TRUE(deleted.body.empty());
  EXPECT_EQ(server_.Call("GET", "/v1/learners/ada").status, 404);
  EXPECT_EQ(server_.Call("DELETE", "/v1/learners/ada").status, 404);
}

TEST_F(HttpLearnersTest, UnknownLearnerIs404Everywhere) {
  for (const auto& [method, path, body] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"GET", "/v1/learners/ghost", ""},
           {"DELETE", "/v1/learners/ghost", ""},
           {"POST", "/v1/learners/ghost/progress", R"({"events": []})"},
           {"GET", "/v1/learners/ghost/recommendations", ""},
           {"GET", "/v1/learners/ghost/path", ""},
           {"GET", "/v1/learners/ghost/progress", ""},
       }) {
    Answer a = server_.Call(method, path, body);
    EXPECT_EQ(a.status, 404) << method << " " << path << " " << a.body;
    EXPECT_THAT(a.Fields(), ElementsAre("path:/lid")) << path;
  }
}

TEST_F(HttpLearnersTest, BadLearnerIdIs400) {
  Answer a = server_.Call("PUT", "/v1/learners/Not%20A%20Slug", R"({"catalog": "go-backend"})");
  EXPECT_EQ(a.status, 400);
  EXPECT_THAT(a.Fields(), ElementsAre("path:/lid"));
  EXPECT_EQ(server_.Call("GET", "/v1/learners/UPPER").status, 400);
}

TEST_F(HttpLearnersTest, PutErrors) {
  Answer missing = server_.Call("PUT", "/v1/learners/ada", R"({"goals": {}})");
  EXPECT_EQ(missing.status, 400);
  EXPECT_THAT(missing.Fields(), ElementsAre("body:/catalog"));
  Answer types = server_.Call("PUT", "/v1/learners/ada", R"({"catalog": 7})");
  EXPECT_EQ(types.status, 400);
  Answer malformed = server_.Call("PUT", "/v1/learners/ada", R"({"catalog": )");
  EXPECT_EQ(malformed.status, 400);
  Answer catalog = server_.Call("PUT", "/v1/learners/ada", R"({"catalog": "nope"})");
  EXPECT_EQ(catalog.status, 422);
  EXPECT_THAT(catalog.Fields(), ElementsAre("body:/catalog"));
  Answer goal =
      server_.Call("PUT", "/v1/learners/ada",
                   R"({"catalog": "go-backend", "goals": {"astronaut": 1, "rest-api": 0}})");
  EXPECT_EQ(goal.status, 422);
  EXPECT_THAT(goal.Fields(), UnorderedElementsAre("body:/goals/astronaut", "body:/goals/rest-api"));
  EXPECT_EQ(server_.Call("GET", "/v1/learners/ada").status, 404);  // nothing was stored
}

TEST_F(HttpLearnersTest, ProgressErrors) {
  Create("ada");
  Answer item = Progress("ada", R"([{"item": "goroutines", "mastery": 0.5},
                                   {"item": "cobol", "mastery": 0.5}])");
  EXPECT_EQ(item.status, 422);
  EXPECT_THAT(item.Fields(), ElementsAre("body:/events/1/item"));
  Answer range = Progress("ada", R"([{"item": "goroutines", "mastery": 2}])");
  EXPECT_EQ(range.status, 422);
  EXPECT_THAT(range.Fields(), ElementsAre("body:/events/0/mastery"));
  Answer at = Progress("ada", R"([{"item": "goroutines", "mastery": 1, "at": "yesterday"}])");
  EXPECT_EQ(at.status, 422);
  EXPECT_THAT(at.Fields(), ElementsAre("body:/events/0/at"));
  Answer type = Progress("ada", R"([{"item": "goroutines", "mastery": "1"}])");
  EXPECT_EQ(type.status, 400);
  EXPECT_THAT(type.Fields(), ElementsAre("body:/events/0/mastery"));
  Answer missing = server_.Call("POST", "/v1/learners/ada/progress", R"({"event": []})");
  EXPECT_EQ(missing.status, 400);
  EXPECT_THAT(missing.Fields(), UnorderedElementsAre("body:/events", "body:/event"));
  std::string many = "[";
  for (int i = 0; i <= 1000; ++i)
    many += std::string(i ? "," : "") + R"({"item":"goroutines","mastery":1})";
  Answer too_many = Progress("ada", many + "]");
  EXPECT_EQ(too_many.status, 422);
  EXPECT_THAT(too_many.Fields(), ElementsAre("body:/events"));
  // None of the failed requests stored anything.
  EXPECT_TRUE(server_.Call("GET", "/v1/learners/ada").json["mastery"].empty());
}

TEST_F(HttpLearnersTest, StoredScoringQueryErrors) {
  Create("ada");
  Answer k = server_.Call("GET", "/v1/learners/ada/recommendations?k=0");
  EXPECT_EQ(k.status, 422);
  EXPECT_THAT(k.Fields(), ElementsAre("query:/k"));
  Answer k_type = server_.Call("GET", "/v1/learners/ada/recommendations?k=many");
  EXPECT_EQ(k_type.status, 400);
  Answer explain = server_.Call("GET", "/v1/learners/ada/recommendations?explain=maybe");
  EXPECT_EQ(explain.status, 400);
  Answer profile = server_.Call("GET", "/v1/learners/ada/recommendations?profile=nope");
  EXPECT_EQ(profile.status, 422);
  EXPECT_THAT(profile.Fields(), ElementsAre("query:/profile"));
  Answer hours = server_.Call("GET", "/v1/learners/ada/path?hours_per_week=0");
  EXPECT_EQ(hours.status, 422);
  EXPECT_THAT(hours.Fields(), ElementsAre("query:/hours_per_week"));
  Create("bob", "{}");
  Answer no_goal = server_.Call("GET", "/v1/learners/bob/path");
  EXPECT_EQ(no_goal.status, 422);
  EXPECT_THAT(no_goal.Fields(), ElementsAre("path:/lid"));
}

}  // namespace
}  // namespace pathrank::server::testing
