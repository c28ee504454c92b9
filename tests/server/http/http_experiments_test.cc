// A/B experiments over HTTP: the variant in the answer, the access log and
// /metrics; an explicit profile wins; stored learners are assigned by id.

#include <gtest/gtest.h>

#include <map>

#include "server/http/http_fixture.h"

namespace pathrank::server {
namespace {

using testing::Answer;
using testing::TestServer;

void AddExperiment(ServerConfig& c) {
  ExperimentConfig e;
  e.name = "ranking-2026";
  e.variants = {{"control", "default", "", 0.5}, {"goal", "goal-first", "", 0.5}};
  c.experiments = {e};
}

std::string Body(const std::string& learner) {
  return R"({"mastery": {"go-basic-syntax": 1}, "goals": {"microservices": 1}, "k": 3, "learner_id": ")" +
         learner + "\"}";
}

TEST(HttpExperimentsTest, AnswersLogsAndMetricsNameTheVariant) {
  TestServer server(AddExperiment);
  std::map<std::string, int> seen;
  for (int i = 0; i < 40; ++i) {
    const std::string id = "learner-" + std::to_string(i);
    const Answer a = server.Call("POST", "/v1/catalogs/go-backend/recommendations", Body(id));
    ASSERT_EQ(a.status, 200) << a.body;
    ASSERT_TRUE(a.json.contains("experiment")) << a.body;
    EXPECT_EQ(a.json["experiment"]["name"], "ranking-2026");
    const std::string variant = a.json["experiment"]["variant"];
    ++seen[variant];
    // The variant's profile scored it.
    EXPECT_EQ(a.json["profile"], variant == "control" ? "default" : "goal-first");
    // The same learner, the same variant (on a path too).
    const Answer path =
        server.Call("POST", "/v1/catalogs/go-backend/paths",
                    R"({"goals": {"microservices": 1}, "learner_id": ")" + id + "\"}");
    ASSERT_EQ(path.status, 200) << path.body;
    EXPECT_EQ(path.json["experiment"]["variant"], variant);
    ++seen[variant];
  }
  EXPECT_GT(seen["control"], 0);
  EXPECT_GT(seen["goal"], 0);
  const Answer metrics = server.Call("GET", "/metrics");
  for (const auto& [variant, n] : seen) {
    EXPECT_NE(metrics.body.find("pathrank_experiment_requests_total{experiment=\"ranking-2026\","
                                "variant=\"" +
                                variant + "\"} " + std::to_string(n) + "\n"),
              std::string::npos)
        << metrics.body;
  }
  server.Stop();
  int logged = 0;
  for (const auto& line : server.AccessLogLines()) {
    if (line["route"] != "/v1/catalogs/{cid}/recommendations") continue;
    EXPECT_EQ(line["experiment"], "ranking-2026");
    EXPECT_TRUE(line["variant"] == "control" || line["variant"] == "goal");
    ++logged;
  }
  EXPECT_EQ(logged, 40);
}

TEST(HttpExperimentsTest, ExplicitProfileOrNoLearnerIdMeansNoExperiment) {
  TestServer server(AddExperiment);
  const Answer named = server.Call(
      "POST", "/v1/catalogs/go-backend/recommendations",
      R"({"learner_id": "ada", "profile": "quick-wins", "mastery": {"go-basic-syntax": 1}})");
  ASSERT_EQ(named.status, 200) << named.body;
  EXPECT_FALSE(named.json.contains("experiment"));
  EXPECT_EQ(named.json["profile"], "quick-wins");
  const Answer anonymous = server.Call("POST", "/v1/catalogs/go-backend/recommendations",
                                       R"({"mastery": {"go-basic-syntax": 1}})");
  ASSERT_EQ(anonymous.status, 200);
  EXPECT_FALSE(anonymous.json.contains("experiment"));
  const Answer bad =
      server.Call("POST", "/v1/catalogs/go-backend/recommendations", R"({"learner_id": ""})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.Fields(), std::vector<std::string>{"body:/learner_id"});
  const Answer wrong =
      server.Call("POST", "/v1/catalogs/go-backend/recommendations", R"({"learner_id": 7})");
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(wrong.Fields(), std::vector<std::string>{"body:/learner_id"});
}

TEST(HttpExperimentsTest, StoredLearnersAreAssignedByTheirId) {
  TestServer server(AddExperiment);
  ASSERT_EQ(server
                .Call("PUT", "/v1/learners/ada",
                      R"({"catalog": "go-backend", "goals": {"microservices": 1}})")
                .status,
            201);
  const Answer stored = server.Call("GET", "/v1/learners/ada/recommendations?k=3");
  ASSERT_EQ(stored.status, 200) << stored.body;
  const Answer stateless =
      server.Call("POST", "/v1/catalogs/go-backend/recommendations", Body("ada"));
  EXPECT_EQ(stored.json["experiment"], stateless.json["experiment"]);
  const Answer path = server.Call("GET", "/v1/learners/ada/path");
  EXPECT_EQ(path.json["experiment"], stateless.json["experiment"]);
  const Answer named = server.Call("GET", "/v1/learners/ada/recommendations?profile=quick-wins");
  EXPECT_FALSE(named.json.contains("experiment"));
}

}  // namespace
}  // namespace pathrank::server
