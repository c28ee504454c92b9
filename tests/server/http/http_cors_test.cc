// CORS: preflights (OPTIONS) and answers carry Access-Control-* headers for
// the configured origins only; with none configured CORS is off.

#include <gtest/gtest.h>

#include "server/http/http_fixture.h"

namespace pathrank::server {
namespace {

using testing::Answer;
using testing::TestServer;

const httplib::Headers kPreflight = {{"Origin", "https://learn.example"},
                                     {"Access-Control-Request-Method", "POST"},
                                     {"Access-Control-Request-Headers", "content-type"}};

TEST(HttpCorsTest, PreflightFromAnAllowedOriginIsAnswered) {
  TestServer server([](ServerConfig& c) {
    c.cors.allowed_origins = {"https://learn.example"};
    c.cors.max_age_s = 120;
  });
  const Answer a =
      server.Call("OPTIONS", "/v1/catalogs/go-backend/recommendations", "", kPreflight);
  EXPECT_EQ(a.status, 204);
  EXPECT_EQ(a.Header("Access-Control-Allow-Origin"), "https://learn.example");
  EXPECT_EQ(a.Header("Access-Control-Allow-Methods"), "POST");
  EXPECT_NE(a.Header("Access-Control-Allow-Headers").find("Content-Type"), std::string::npos);
  EXPECT_NE(a.Header("Access-Control-Allow-Headers").find("Authorization"), std::string::npos);
  EXPECT_EQ(a.Header("Access-Control-Max-Age"), "120");
  EXPECT_EQ(a.Header("Vary"), "Origin");
  EXPECT_EQ(a.Header("Allow"), "POST, OPTIONS");
  // Every method of the path.
  const Answer learner = server.Call("OPTIONS", "/v1/learners/ada", "", kPreflight);
  EXPECT_EQ(learner.status, 204);
  EXPECT_EQ(learner.Header("Access-Control-Allow-Methods"), "PUT, GET, DELETE");
  // The call itself carries the origin and exposes the request id.
  const Answer call = server.Call("GET", "/v1/catalogs", "", {{"Origin", "https://learn.example"}});
  EXPECT_EQ(call.status, 200);
  EXPECT_EQ(call.Header("Access-Control-Allow-Origin"), "https://learn.example");
  EXPECT_NE(call.Header("Access-Control-Expose-Headers").find("X-Request-Id"), std::string::npos);
  // Problems too (a browser must be able to read the error).
  const Answer problem =
      server.Call("GET", "/v1/catalogs/nope", "", {{"Origin", "https://learn.example"}});
  EXPECT_EQ(problem.status, 404);
  EXPECT_EQ(problem.Header("Access-Control-Allow-Origin"), "https://learn.example");
}

TEST(HttpCorsTest, OtherOriginsGetNoCorsHeaders) {
  TestServer server([](ServerConfig& c) { c.cors.allowed_origins = {"https://learn.example"}; });
  httplib::Headers other = kPreflight;
  other.erase("Origin");
  other.emplace("Origin", "https://evil.example");
  const Answer a = server.Call("OPTIONS", "/v1/catalogs/go-backend/recommendations", "", other);
  EXPECT_EQ(a.status, 204);
  EXPECT_EQ(a.Header("Access-Control-Allow-Origin"), "");
  EXPECT_EQ(a.Header("Access-Control-Allow-Methods"), "");
  const Answer call = server.Call("GET", "/v1/catalogs", "", {{"Origin", "https://evil.example"}});
  EXPECT_EQ(call.status, 200);
  EXPECT_EQ(call.Header("Access-Control-Allow-Origin"), "");
  // An unknown path is 404 for OPTIONS as for any method.
  EXPECT_EQ(server.Call("OPTIONS", "/v1/nothing", "", kPreflight).status, 404);
}

TEST(HttpCorsTest, OffByDefault) {
  TestServer server;
  const Answer a =
      server.Call("OPTIONS", "/v1/catalogs/go-backend/recommendations", "", kPreflight);
  EXPECT_EQ(a.status, 204);  // OPTIONS is answered (Allow), no longer 405
  EXPECT_EQ(a.Header("Allow"), "POST, OPTIONS");
  EXPECT_EQ(a.Header("Access-Control-Allow-Origin"), "");
  EXPECT_EQ(server.Call("GET", "/v1/catalogs", "", {{"Origin", "https://learn.example"}})
                .Header("Access-Control-Allow-Origin"),
            "");
}

TEST(HttpCorsTest, WildcardAllowsAnyOriginAndBadOriginsAreRejectedByName) {
  TestServer server([](ServerConfig& c) { c.cors.allowed_origins = {"*"}; });
  const Answer a =
      server.Call("OPTIONS", "/v1/catalogs", "",
                  {{"Origin", "http://localhost:3000"}, {"Access-Control-Request-Method", "GET"}});
  EXPECT_EQ(a.Header("Access-Control-Allow-Origin"), "http://localhost:3000");
  ServerConfig config;
  config.catalogs = {{"c", "x.json", "", "{}"}};
  config.cors.allowed_origins = {"https://ok.example", "https://bad.example/path"};
  std::vector<std::string> notes;
  Status status = ValidateServerConfig(&config, &notes);
  ASSERT_FALSE(status.ok());
  ASSERT_EQ(status.fields().size(), 1u);
  EXPECT_EQ(status.fields()[0].field, "/cors/allowed_origins/1");
}

}  // namespace
}  // namespace pathrank::server
