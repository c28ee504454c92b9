// /healthz, /readyz, /metrics, request ids, the access log, and the answers
// cpp-httplib produces itself (no route, wrong method, body too large).

#include <arpa/inet.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>
#include <vector>

#include "server/http/http_fixture.h"

namespace pathrank::server::testing {
namespace {

using ::testing::HasSubstr;

TEST(HttpServiceTest, HealthAndReadiness) {
  TestServer server;
  Answer health = server.Call("GET", "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.json, nlohmann::json({{"status", "ok"}}));
  EXPECT_EQ(health.Header("Content-Type"), "application/json");
  Answer ready = server.Call("GET", "/readyz");
  EXPECT_EQ(ready.status, 200);
  server.state().stopping = true;  // as during shutdown
  Answer draining = server.Call("GET", "/readyz");
  EXPECT_EQ(draining.status, 503);
  EXPECT_EQ(draining.Header("Content-Type"), "application/problem+json");
  EXPECT_THAT(draining.json["detail"].get<std::string>(), HasSubstr("shutting down"));
  EXPECT_EQ(server.Call("GET", "/healthz").status, 200);
}

TEST(HttpServiceTest, ReadinessFollowsTheStore) {
  TestServer server;
  ASSERT_TRUE(server.store().Close().ok());
  Answer ready = server.Call("GET", "/readyz");
  EXPECT_EQ(ready.status, 503);
  EXPECT_THAT(ready.json["detail"].get<std::string>(), HasSubstr("store"));
  // A request needing the store says "unavailable" and nothing internal.
  Answer learner = server.Call("GET", "/v1/learners/ada");
  EXPECT_EQ(learner.status, 503);
  EXPECT_THAT(learner.body, ::testing::Not(HasSubstr("learners.db")));
}

TEST(HttpServiceTest, RequestIdIsEchoedOrGenerated) {
  TestServer server;
  Answer given = server.Call("GET", "/healthz", "", {{"X-Request-Id", "trace-42.a:b_c"}});
  EXPECT_EQ(given.Header("X-Request-Id"), "trace-42.a:b_c");
  Answer generated = server.Call("GET", "/healthz");
  EXPECT_EQ(generated.Header("X-Request-Id").size(), 16u);
  Answer unusable = server.Call("GET", "/healthz", "", {{"X-Request-Id", "has spaces"}});
  EXPECT_EQ(unusable.Header("X-Request-Id").size(), 16u);
  Answer missing = server.Call("GET", "/nowhere", "", {{"X-Request-Id", "r-404"}});
  EXPECT_EQ(missing.Header("X-Request-Id"), "r-404");
}

TEST(HttpServiceTest, AccessLogHasOneJsonLinePerRequest) {
  TestServer server;
  ASSERT_EQ(server.Call("GET", "/v1/catalogs/go-backend", "", {{"X-Request-Id", "r1"}}).status,
            200);
  ASSERT_EQ(server.Call("GET", "/v1/catalogs/nope", "", {{"X-Request-Id", "r2"}}).status, 404);
  ASSERT_EQ(server.Call("GET", "/nowhere", "", {{"X-Request-Id", "r3"}}).status, 404);
  server.Stop();
  const auto lines = server.AccessLogLines();
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0]["request_id"], "r1");
  EXPECT_EQ(lines[0]["method"], "GET");
  EXPECT_EQ(lines[0]["route"], "/v1/catalogs/{cid}");
  EXPECT_EQ(lines[0]["path"], "/v1/catalogs/go-backend");
  EXPECT_EQ(lines[0]["status"], 200);
  EXPECT_GT(lines[0]["bytes"].get<int>(), 100);
  EXPECT_GE(lines[0]["latency_ms"].get<double>(), 0.0);
  EXPECT_TRUE(lines[0].contains("ts"));
  EXPECT_EQ(lines[1]["status"], 404);
  EXPECT_EQ(lines[2]["route"], "unmatched");
}

// The access log is written by a background thread (ops/access_log.h):
// after Stop() every answered request has its line, and the lines of each
// connection are in the order its requests were answered, however the
// connections' requests interleave.
TEST(HttpServiceTest, AccessLogKeepsEveryLineInConnectionOrder) {
  TestServer server;
  constexpr int kClients = 4, kRequests = 40;
  std::vector<std::thread> clients;
  std::atomic<int> ok{0};
  for (int c = 0; c < kClients; ++c) {
    clients.emplace_back([&, c] {
      auto client = server.NewClient();  // one keep-alive connection per thread
      for (int i = 0; i < kRequests; ++i) {
        const std::string id = "c" + std::to_string(c) + "-" + std::to_string(i);
        if (TestServer::Send(*client, "GET", "/healthz", "", {{"X-Request-Id", id}}).status ==
            200) {
          ++ok;
        }
      }
    });
  }
  for (std::thread& t : clients) t.join();
  ASSERT_EQ(ok.load(), kClients * kRequests);
  server.Stop();
  const auto lines = server.AccessLogLines();
  ASSERT_EQ(lines.size(), static_cast<size_t>(kClients * kRequests));
  std::vector<int> next(kClients, 0);
  for (const auto& line : lines) {
    const std::string id = line["request_id"];
    const int c = std::stoi(id.substr(1, id.find('-') - 1));
    const int i = std::stoi(id.substr(id.find('-') + 1));
    ASSERT_EQ(i, next[c]) << "connection " << c << " out of order";
    next[c] = i + 1;
  }
}

TEST(HttpServiceTest, MetricsCountRoutesStatusesAndState) {
  TestServer server;
  ASSERT_EQ(server.Call("GET", "/healthz").status, 200);
  ASSERT_EQ(server.Call("GET", "/v1/catalogs/nope").status, 404);
  ASSERT_EQ(server.Call("PUT", "/v1/learners/ada", R"({"catalog":"go-backend"})").status, 201);
  Answer metrics = server.Call("GET", "/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_THAT(metrics.Header("Content-Type"), HasSubstr("text/plain"));
  const std::string& m = metrics.body;
  EXPECT_THAT(
      m,
      HasSubstr(R"(pathrank_http_requests_total{method="GET",route="/healthz",status="200"} 1)"));
  EXPECT_THAT(
      m,
      HasSubstr(
          R"(pathrank_http_requests_total{method="GET",route="/v1/catalogs/{cid}",status="404"} 1)"));
  EXPECT_THAT(
      m,
      HasSubstr(
          R"(pathrank_http_request_duration_seconds_bucket{method="GET",route="/healthz",le="+Inf"} 1)"));
  EXPECT_THAT(m, HasSubstr("pathrank_catalogs_loaded 1\n"));
  EXPECT_THAT(m, HasSubstr("pathrank_catalog_items{catalog=\"go-backend\"} 131\n"));
  EXPECT_THAT(m, HasSubstr("pathrank_learners_stored 1\n"));
  EXPECT_THAT(m, HasSubstr("pathrank_store_errors_total 0\n"));
  EXPECT_THAT(m, HasSubstr("pathrank_ready 1\n"));
  // Memory gauges: the whole process, and SQLite's share of it.
  const auto gauge = [&m](const std::string& name) -> double {
    const size_t at = m.find("\n" + name + " ");
    if (at == std::string::npos) return -1;
    return std::stod(m.substr(at + name.size() + 2));
  };
  const double resident = gauge("process_resident_memory_bytes");
  const double store = gauge("pathrank_store_memory_bytes");
  EXPECT_GT(resident, 1 << 20);
  EXPECT_GT(store, 0);
  EXPECT_LT(store, resident);
}

TEST(HttpServiceTest, NoRouteAndWrongMethodAreProblems) {
  TestServer server;
  Answer missing = server.Call("GET", "/v2/things");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.Header("Content-Type"), "application/problem+json");
  EXPECT_EQ(missing.json["status"], 404);
  EXPECT_EQ(missing.json["type"], "urn:pathrank:problem:not-found");
  Answer wrong = server.Call("DELETE", "/v1/catalogs");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.Header("Allow"), "GET");
  Answer patch = server.Call("PATCH", "/v1/learners/ada", "{}");
  EXPECT_EQ(patch.status, 405);
  EXPECT_EQ(patch.Header("Allow"), "PUT, GET, DELETE");
}

TEST(HttpServiceTest, BodyOverTheLimitIs413) {
  TestServer server([](ServerConfig& c) { c.limits.max_body_bytes = 4096; });
  const std::string big = R"({"mastery":{"x":1},"pad":")" + std::string(8000, 'a') + "\"}";
  Answer answer = server.Call("POST", "/v1/catalogs/go-backend/recommendations", big);
  EXPECT_EQ(answer.status, 413);
  EXPECT_EQ(answer.Header("Content-Type"), "application/problem+json");
  EXPECT_THAT(answer.json["detail"].get<std::string>(), HasSubstr("4096 bytes"));
  EXPECT_EQ(answer.Fields(), std::vector<std::string>({"body:"}));
  // The connection stays usable.
  EXPECT_EQ(server.Call("GET", "/healthz").status, 200);
}

TEST(HttpServiceTest, LargeFormEncodedBodyIsToldToSendJson) {
  TestServer server;
  // curl -d without -H sends application/x-www-form-urlencoded: 415 (any
  // size; before the body is read), saying what to send.
  auto client = server.NewClient();
  auto form = client->Post("/v1/catalogs/go-backend/recommendations", std::string(9000, ' ') + "{}",
                           "application/x-www-form-urlencoded");
  ASSERT_TRUE(form);
  EXPECT_EQ(form->status, 415);
  EXPECT_THAT(form->body, HasSubstr("Content-Type: application/json"));
}

// curl -X POST without -d sends neither Content-Length nor a chunked body.
std::string RawExchange(int port, const std::string& request) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  timeval timeout{3, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::string answer;
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
      write(fd, request.data(), request.size()) == static_cast<ssize_t>(request.size())) {
    // Read until the head and the Content-Length bytes of body are in (they
    // may come in several reads), or the 3 s timeout.
    char buffer[4096];
    for (;;) {
      const size_t head_end = answer.find("\r\n\r\n");
      if (head_end != std::string::npos) {
        const size_t at = answer.find("Content-Length: ");
        const size_t length =
            at != std::string::npos && at < head_end ? std::stoul(answer.substr(at + 16)) : 0;
        if (answer.size() >= head_end + 4 + length) break;
      }
      const ssize_t n = read(fd, buffer, sizeof buffer);
      if (n <= 0) break;
      answer.append(buffer, static_cast<size_t>(n));
    }
  }
  close(fd);
  return answer;
}

TEST(HttpServiceTest, PostWithoutBodyIsAnsweredAtOnce) {
  TestServer server;
  const std::string reload =
      RawExchange(server.port(), "POST /v1/admin/reload HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_THAT(reload, ::testing::StartsWith("HTTP/1.1 200"));
  EXPECT_THAT(reload, HasSubstr("\"generation\":2"));
  const std::string recommend = RawExchange(
      server.port(), "POST /v1/catalogs/go-backend/recommendations HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_THAT(recommend, ::testing::StartsWith("HTTP/1.1 400"));
  EXPECT_THAT(recommend, HasSubstr("the body is empty"));
  const std::string put =
      RawExchange(server.port(), "PUT /v1/learners/ada HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_THAT(put, ::testing::StartsWith("HTTP/1.1 400"));
  const std::string nowhere =
      RawExchange(server.port(), "POST /nowhere HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_THAT(nowhere, ::testing::StartsWith("HTTP/1.1 404"));
  const std::string wrong =
      RawExchange(server.port(), "POST /v1/catalogs HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_THAT(wrong, ::testing::StartsWith("HTTP/1.1 405"));
}

TEST(HttpServiceTest, OpenApiDocumentIsServed) {
  TestServer server;
  Answer doc = server.Call("GET", "/openapi.json");
  ASSERT_EQ(doc.status, 200);
  EXPECT_EQ(doc.json["openapi"].get<std::string>().substr(0, 2), "3.");
  EXPECT_TRUE(doc.json["paths"].contains("/v1/catalogs/{cid}/recommendations"));
}

}  // namespace
}  // namespace pathrank::server::testing
