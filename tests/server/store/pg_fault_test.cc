// `pathrank serve` on PostgreSQL when the database goes away and comes back:
// learner routes answer 503 problem+json with Retry-After in bounded time,
// /readyz says not ready, routes that need no stored learner keep serving;
// once the server returns the pool reconnects by itself.

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "server/cli/serve_process.h"
#include "server/http/http_fixture.h"
#include "server/store/pg_test_cluster.h"
#include "support/wait_for.h"

namespace pathrank::server::testing {
namespace {

using Clock = std::chrono::steady_clock;

// Polls `path` until it answers `status`, for at most `timeout`.
bool WaitForStatus(httplib::Client& client, const std::string& path, int status,
                   std::chrono::seconds timeout) {
  return pathrank::testing::WaitFor(
      [&] { return TestServer::Send(client, "GET", path).status == status; }, timeout,
      std::chrono::milliseconds(50));
}

TEST(PgFaultTest, DatabaseDownAnswers503ThenRecoversByItself) {
  const std::string dir = TempDirFor(CurrentTestName());
  PgCluster cluster("/tmp/pathrank-pg-fault-" + std::to_string(getpid()));
  if (std::string why = cluster.Start(); !why.empty()) PATHRANK_PG_SKIP_OR_FAIL(why);
  ServeProcess serve(dir, {"--catalog", pathrank::testing::GoCatalogPath(), "--db", cluster.url(),
                           "--port", "0", "--threads", "4", "--access-log", "off"});
  const int port = serve.WaitForPort();
  ASSERT_GT(port, 0) << serve.Stderr();
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(30, 0);
  ASSERT_EQ(
      TestServer::Send(client, "PUT", "/v1/learners/ada", R"({"catalog": "go-backend"})").status,
      201);
  const std::string progress = R"({"events": [{"item": "goroutines", "mastery": 0.8, "id": "a"}]})";
  ASSERT_EQ(TestServer::Send(client, "POST", "/v1/learners/ada/progress", progress).status, 200);
  EXPECT_EQ(TestServer::Send(client, "GET", "/readyz").status, 200);

  ASSERT_TRUE(cluster.Stop());
  // Each learner route: 503 problem+json with Retry-After, well within the
  // store's bounds (connect 2 s, statement 5 s).
  const std::pair<std::string, std::string> learner_routes[] = {
      {"GET", "/v1/learners/ada"},
      {"POST", "/v1/learners/ada/progress"},
      {"PUT", "/v1/learners/bob"},
      {"GET", "/v1/learners/ada/recommendations"},
  };
  for (const auto& [method, path] : learner_routes) {
    const auto start = Clock::now();
    const std::string body = method == "POST" ? progress : R"({"catalog": "go-backend"})";
    Answer answer = TestServer::Send(client, method, path, method == "GET" ? "" : body);
    EXPECT_LT(Clock::now() - start, std::chrono::seconds(15)) << method << " " << path;
    EXPECT_EQ(answer.status, 503) << method << " " << path << ": " << answer.body;
    EXPECT_EQ(answer.Header("Content-Type"), "application/problem+json") << path;
    EXPECT_EQ(answer.Header("Retry-After"), "1") << path;
    EXPECT_EQ(answer.json["type"], "urn:pathrank:problem:unavailable") << path;
  }
  Answer ready = TestServer::Send(client, "GET", "/readyz");
  EXPECT_EQ(ready.status, 503);
  EXPECT_EQ(ready.Header("Retry-After"), "1");
  Answer metrics = TestServer::Send(client, "GET", "/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("pathrank_ready 0"), std::string::npos);
  // No stored learner needed: still served.
  EXPECT_EQ(TestServer::Send(client, "GET", "/healthz").status, 200);
  EXPECT_EQ(TestServer::Send(client, "GET", "/v1/catalogs").status, 200);
  Answer stateless = TestServer::Send(client, "POST", "/v1/catalogs/go-backend/recommendations",
                                      R"({"goals": {"microservices": 1.0}, "k": 3})");
  EXPECT_EQ(stateless.status, 200) << stateless.body;
  EXPECT_FALSE(serve.HasExited());

  // Back: ready again without a restart, and the data is there.
  ASSERT_EQ(cluster.Start(), "");
  EXPECT_TRUE(WaitForStatus(client, "/readyz", 200, std::chrono::seconds(20)));
  Answer learner = TestServer::Send(client, "GET", "/v1/learners/ada");
  ASSERT_EQ(learner.status, 200) << learner.body;
  EXPECT_EQ(learner.json["mastery"]["goroutines"], 0.8);
  EXPECT_EQ(TestServer::Send(client, "POST", "/v1/learners/ada/progress", progress).status, 200);
  serve.Signal(SIGTERM);
  EXPECT_EQ(serve.Wait(), 0);
}

}  // namespace
}  // namespace pathrank::server::testing
