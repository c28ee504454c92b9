// A/B experiments across replicas: two `pathrank serve` processes with the
// same config give every learner id the same variant, the shares are
// roughly honoured, and each process counts its answers per variant.

#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "server/cli/serve_process.h"
#include "server/http/http_fixture.h"

namespace pathrank::server::testing {
namespace {

TEST(ServeExperimentsTest, TwoProcessesAssignEveryLearnerTheSameVariant) {
  const std::string dir = TempDirFor(CurrentTestName());
  const nlohmann::json config = {
      {"catalogs", {{{"id", "go-backend"}, {"path", pathrank::testing::GoCatalogPath()}}}},
      {"access_log", "off"},
      {"experiments",
       {{{"name", "ranking-2026"},
         {"variants",
          {{{"name", "control"}, {"profile", "default"}, {"share", 0.5}},
           {{"name", "goal"}, {"profile", "goal-first"}, {"share", 0.3}},
           {{"name", "quick"}, {"profile", "quick-wins"}, {"share", 0.2}}}}}}}};
  std::ofstream(dir + "/pathrank.json") << config.dump(1);
  ServeProcess a(dir, {"--config", dir + "/pathrank.json", "--db", dir + "/a.db", "--port", "0"});
  ServeProcess b(dir, {"--config", dir + "/pathrank.json", "--db", dir + "/b.db", "--port", "0"});
  const int port_a = a.WaitForPort(), port_b = b.WaitForPort();
  ASSERT_GT(port_a, 0) << a.Stderr();
  ASSERT_GT(port_b, 0) << b.Stderr();
  ASSERT_NE(port_a, port_b);
  httplib::Client client_a("127.0.0.1", port_a), client_b("127.0.0.1", port_b);
  constexpr int kLearners = 600;
  std::map<std::string, int> counts;
  for (int i = 0; i < kLearners; ++i) {
    const std::string body = R"({"mastery": {"go-basic-syntax": 1}, "k": 1, "learner_id": "u)" +
                             std::to_string(i * 7919) + "\"}";
    const Answer from_a =
        TestServer::Send(client_a, "POST", "/v1/catalogs/go-backend/recommendations", body);
    const Answer from_b =
        TestServer::Send(client_b, "POST", "/v1/catalogs/go-backend/recommendations", body);
    ASSERT_EQ(from_a.status, 200) << from_a.body;
    ASSERT_EQ(from_b.status, 200) << from_b.body;
    ASSERT_TRUE(from_a.json.contains("experiment")) << from_a.body;
    EXPECT_EQ(from_a.json["experiment"], from_b.json["experiment"]) << body;
    ++counts[from_a.json["experiment"]["variant"].get<std::string>()];
  }
  // 50/30/20 of 600: binomial sd 12.2, 11.2, 9.8; within 4 sd.
  EXPECT_NEAR(counts["control"], 300, 49);
  EXPECT_NEAR(counts["goal"], 180, 45);
  EXPECT_NEAR(counts["quick"], 120, 40);
  for (httplib::Client* client : {&client_a, &client_b}) {
    const Answer metrics = TestServer::Send(*client, "GET", "/metrics");
    for (const auto& [variant, n] : counts) {
      EXPECT_NE(metrics.body.find("pathrank_experiment_requests_total{experiment=\"ranking-2026\","
                                  "variant=\"" +
                                  variant + "\"} " + std::to_string(n) + "\n"),
                std::string::npos)
          << variant;
    }
  }
}

TEST(ServeExperimentsTest, ABadExperimentStopsStartUpNamingTheField) {
  const std::string dir = TempDirFor(CurrentTestName());
  const nlohmann::json config = {
      {"catalogs", {{{"id", "go-backend"}, {"path", pathrank::testing::GoCatalogPath()}}}},
      {"experiments",
       {{{"name", "x"},
         {"variants",
          {{{"name", "a"}, {"profile", "default"}, {"share", 0.5}},
           {{"name", "b"}, {"profile", "goal-first"}, {"share", 0.2}}}}}}}};
  std::ofstream(dir + "/pathrank.json") << config.dump(1);
  ServeProcess serve(dir, {"--config", dir + "/pathrank.json", "--db", dir + "/a.db"});
  EXPECT_NE(serve.Wait(), 0);
  EXPECT_NE(serve.Stderr().find("/experiments/0/variants"), std::string::npos) << serve.Stderr();
}

}  // namespace
}  // namespace pathrank::server::testing
