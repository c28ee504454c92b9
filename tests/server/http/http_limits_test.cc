// Input well-formed but wrong in time or type, and every limit at its edge
// (issue #13, items 2 and 3): 415 for bodies that are not JSON; `at` later
// than now plus the skew, a leap second or before 2000 is 422 naming
// /events/<i>/at; the status inside every problem body equals the status
// line; rate limits answer 429 with Retry-After and count in /metrics; the
// body, header, request-line, array and nesting limits just under and just
// over.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "ops/time_format.h"
#include "server/http/http_fixture.h"

namespace pathrank::server::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// A problem answer whose body says the status of its status line.
void ExpectProblem(const Answer& a, int status) {
  EXPECT_EQ(a.status, status) << a.body << a.error;
  EXPECT_EQ(a.Header("Content-Type"), "application/problem+json") << a.status;
  ASSERT_TRUE(a.json.is_object()) << a.body;
  EXPECT_EQ(a.json["status"], status) << a.body;
}

Answer Post(TestServer& server, const std::string& path, const std::string& body,
            const std::string& type) {
  auto client = server.NewClient();
  auto r = client->Post(path, body, type);
  Answer a;
  if (!r) return a;
  a.status = r->status;
  a.body = r->body;
  a.headers = r->headers;
  a.json = nlohmann::json::parse(r->body, nullptr, false);
  return a;
}

constexpr const char* kRecommend = "/v1/catalogs/go-backend/recommendations";

TEST(HttpLimitsTest, BodiesThatAreNotJsonAre415) {
  TestServer server;
  for (const char* type :
       {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/json; charset=latin1", "application/jsonx"}) {
    Answer a = Post(server, kRecommend, "{}", type);
    ExpectProblem(a, 415);
    EXPECT_THAT(a.Fields(), ElementsAre("header:/Content-Type")) << type;
  }
  for (const char* type : {"application/json", "Application/JSON",
                           "application/json; charset=utf-8", "application/json;charset=UTF-8"}) {
    EXPECT_EQ(Post(server, kRecommend, "{}", type).status, 200) << type;
  }
  // A body without any Content-Type is refused; no body and no type is not.
  httplib::Client raw("127.0.0.1", server.port());
  auto none = raw.Post(kRecommend, httplib::Headers{}, "{}", "");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 415) << none->body;
  EXPECT_EQ(server.Call("POST", "/v1/admin/reload").status, 200);
  // The server still answers on a new connection after refusing bodies.
  EXPECT_EQ(server.Call("GET", "/healthz").status, 200);
}

std::string ProgressAt(const std::string& at) {
  return R"({"events": [{"item": "go-basic-syntax", "mastery": 0.5},)"
         R"( {"item": "goroutines", "mastery": 0.1, "at": ")" +
         at + R"("}]})";
}

TEST(HttpLimitsTest, EventTimesOutOfRangeAre422NamingTheEvent) {
  TestServer server;
  ASSERT_EQ(server.Call("PUT", "/v1/learners/fut", R"({"catalog": "go-backend"})").status, 201);
  const std::string path = "/v1/learners/fut/progress";
  const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  for (const std::string& at :
       {std::string("9999-12-31T23:59:59Z"), FormatRfc3339(now + 330 * 1000),
        std::string("2016-12-31T23:59:60Z"), std::string("1999-12-31T23:59:59Z"),
        std::string("1970-01-01T00:00:00Z")}) {
    Answer a = server.Call("POST", path, ProgressAt(at));
    ExpectProblem(a, 422);
    EXPECT_THAT(a.Fields(), ElementsAre("body:/events/1/at")) << at << " " << a.body;
  }
  // Just inside: within the 300 s skew, and the floor itself.
  for (const std::string& at :
       {FormatRfc3339(now + 240 * 1000), std::string("2000-01-01T00:00:00Z")}) {
    EXPECT_EQ(server.Call("POST", path, ProgressAt(at)).status, 200) << at;
  }
  // Nothing of the refused requests was stored (a 9999 event would outrank
  // everything): an event later than the accepted ones takes effect.
  ASSERT_EQ(server
                .Call("POST", path,
                      R"({"events": [{"item": "goroutines", "mastery": 0.9, "at": ")" +
                          FormatRfc3339(now + 280 * 1000) + R"("}]})")
                .status,
            200);
  Answer learner = server.Call("GET", "/v1/learners/fut");
  EXPECT_THAT(learner.body, HasSubstr("0.9")) << learner.body;
}

TEST(HttpLimitsTest, ConfiguredSkewIsTheEdge) {
  TestServer server([](ServerConfig& c) { c.limits.max_clock_skew_s = 0; });
  ASSERT_EQ(server.Call("PUT", "/v1/learners/s", R"({"catalog": "go-backend"})").status, 201);
  const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  ExpectProblem(
      server.Call("POST", "/v1/learners/s/progress", ProgressAt(FormatRfc3339(now + 5000))), 422);
}

TEST(HttpLimitsTest, EveryProblemBodySaysItsStatusLine) {
  TestServer server([](ServerConfig& c) {
    c.api_keys = {{"reader", Sha256Hex("read-key"), Role::kRead}};
    c.limits.max_body_bytes = 2048;
    c.rate_limits.read = {0.001, 2};  // two tokens: the 400 and the 422 below
  });
  const httplib::Headers read = {{"Authorization", "Bearer read-key"}};
  ExpectProblem(server.Call("POST", kRecommend, "{", read), 400);
  ExpectProblem(server.Call("GET", "/v1/catalogs"), 401);
  ExpectProblem(server.Call("POST", "/v1/admin/reload", "", read), 403);
  ExpectProblem(server.Call("GET", "/nowhere"), 404);
  ExpectProblem(server.Call("DELETE", "/healthz"), 405);
  ExpectProblem(server.Call("POST", kRecommend, std::string(4096, ' '), read), 413);
  ExpectProblem(server.Call("GET", "/" + std::string(9000, 'a')), 414);
  ExpectProblem(Post(server, kRecommend, "{}", "text/plain"), 415);
  ExpectProblem(server.Call("POST", kRecommend, R"({"k": -1})", read), 422);
  Answer limited = server.Call("GET", "/v1/catalogs", "", read);
  ExpectProblem(limited, 429);
  EXPECT_GE(std::stoi(limited.Header("Retry-After")), 1);
  server.state().stopping = true;
  ExpectProblem(server.Call("GET", "/readyz"), 503);
  server.state().stopping = false;
}

TEST(HttpLimitsTest, RateLimitPerKeyAnswers429WithRetryAfterAndCounts) {
  TestServer server([](ServerConfig& c) {
    c.api_keys = {{"reader", Sha256Hex("read-key"), Role::kRead},
                  {"other", Sha256Hex("other-key"), Role::kRead}};
    c.rate_limits.read = {0.5, 3};
  });
  const httplib::Headers key = {{"Authorization", "Bearer read-key"}};
  for (int i = 0; i < 3; ++i) EXPECT_EQ(server.Call("GET", "/v1/catalogs", "", key).status, 200);
  Answer a = server.Call("GET", "/v1/catalogs", "", key);
  ExpectProblem(a, 429);
  EXPECT_EQ(a.Header("Retry-After"), "2");
  // Another key has its own bucket; service routes are not limited.
  EXPECT_EQ(server.Call("GET", "/v1/catalogs", "", {{"Authorization", "Bearer other-key"}}).status,
            200);
  Answer metrics = server.Call("GET", "/metrics");
  EXPECT_THAT(metrics.body, HasSubstr("pathrank_rate_limited_total{class=\"read\"} 1\n"));
  EXPECT_THAT(metrics.body, HasSubstr("pathrank_rate_limit_allowed_total{class=\"read\"} 4\n"));
  EXPECT_THAT(metrics.body, HasSubstr("pathrank_connections_open "));
}

TEST(HttpLimitsTest, RateLimitPerClientAddressWhenKeysAreOff) {
  TestServer server([](ServerConfig& c) { c.rate_limits.client = {1, 2}; });
  EXPECT_EQ(server.Call("GET", "/v1/catalogs").status, 200);
  EXPECT_EQ(server.Call("GET", "/v1/catalogs").status, 200);
  ExpectProblem(server.Call("GET", "/v1/catalogs"), 429);
  EXPECT_EQ(server.Call("GET", "/healthz").status, 200);
}

TEST(HttpLimitsTest, FailedKeyChecksAreLimitedPerAddressAndValidKeysAreNot) {
  TestServer server([](ServerConfig& c) {
    c.api_keys = {{"reader", Sha256Hex("read-key"), Role::kRead}};
    c.rate_limits.failed_keys = {0.001, 3};
  });
  const httplib::Headers wrong = {{"Authorization", "Bearer guess"}};
  for (int i = 0; i < 3; ++i) ExpectProblem(server.Call("GET", "/v1/catalogs", "", wrong), 401);
  Answer limited = server.Call("GET", "/v1/catalogs", "", wrong);
  ExpectProblem(limited, 429);
  EXPECT_GE(std::stoi(limited.Header("Retry-After")), 1);
  EXPECT_THAT(limited.Fields(), ElementsAre("header:/Authorization"));
  // Not a Bearer key is a failed check too; no key at all is not guessing.
  ExpectProblem(server.Call("GET", "/v1/catalogs", "", {{"Authorization", "Basic eA=="}}), 429);
  ExpectProblem(server.Call("GET", "/v1/catalogs"), 401);
  // The same address with a valid key is served.
  EXPECT_EQ(server.Call("GET", "/v1/catalogs", "", {{"Authorization", "Bearer read-key"}}).status,
            200);
  Answer metrics = server.Call("GET", "/metrics");
  EXPECT_THAT(metrics.body, HasSubstr("pathrank_rate_limited_total{class=\"failed_keys\"} 2\n"));
  EXPECT_THAT(metrics.body,
              HasSubstr("pathrank_rate_limit_allowed_total{class=\"failed_keys\"} 3\n"));
}

TEST(HttpLimitsTest, BodyLimitJustUnderAndJustOver) {
  TestServer server([](ServerConfig& c) { c.limits.max_body_bytes = 2048; });
  const std::string at_limit = "{}" + std::string(2046, ' ');
  EXPECT_EQ(server.Call("POST", kRecommend, at_limit).status, 200);
  ExpectProblem(server.Call("POST", kRecommend, at_limit + " "), 413);
}

TEST(HttpLimitsTest, HeaderAndRequestLineLimitsJustUnderAndJustOver) {
  TestServer server;
  // cpp-httplib's fixed limits: 8192 bytes per header line and request line.
  EXPECT_EQ(server.Call("GET", "/healthz", "", {{"X-Pad", std::string(8000, 'a')}}).status, 200);
  ExpectProblem(server.Call("GET", "/healthz", "", {{"X-Pad", std::string(8300, 'a')}}), 400);
  ExpectProblem(server.Call("GET", "/" + std::string(8000, 'a')), 404);
  ExpectProblem(server.Call("GET", "/" + std::string(8300, 'a')), 414);
}

std::string Events(int n) {
  std::string body = R"({"events": [)";
  for (int i = 0; i < n; ++i)
    body += std::string(i ? "," : "") + R"({"item": "goroutines", "mastery": 0.5})";
  return body + "]}";
}

TEST(HttpLimitsTest, ArrayLengthLimitJustUnderAndJustOver) {
  TestServer server([](ServerConfig& c) { c.limits.max_events = 3; });
  ASSERT_EQ(server.Call("PUT", "/v1/learners/n", R"({"catalog": "go-backend"})").status, 201);
  EXPECT_EQ(server.Call("POST", "/v1/learners/n/progress", Events(3)).status, 200);
  Answer over = server.Call("POST", "/v1/learners/n/progress", Events(4));
  ExpectProblem(over, 422);
  EXPECT_THAT(over.Fields(), ElementsAre("body:/events"));
}

TEST(HttpLimitsTest, NestingLimitJustUnderAndJustOver) {
  TestServer server;
  // 64 levels: the object and 63 arrays parse (then "x" is an unknown
  // field, also 400, naming it); 65 levels are refused by the parser.
  auto nested = [](int arrays) {
    return R"({"x": )" + std::string(arrays, '[') + std::string(arrays, ']') + "}";
  };
  Answer under = server.Call("POST", kRecommend, nested(63));
  ExpectProblem(under, 400);
  EXPECT_THAT(under.Fields(), ElementsAre("body:/x"));
  Answer over = server.Call("POST", kRecommend, nested(64));
  ExpectProblem(over, 400);
  EXPECT_THAT(over.body, HasSubstr("64")) << over.body;
  EXPECT_THAT(over.body, ::testing::Not(HasSubstr("not a known field"))) << over.body;
}

}  // namespace
}  // namespace pathrank::server::testing
