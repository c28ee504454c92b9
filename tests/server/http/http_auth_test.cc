// API keys over HTTP: missing key 401, unknown key 401, a key without the
// route's role 403; roles are ordered read < write < admin.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "server/http/http_fixture.h"

namespace pathrank::server::testing {
namespace {

using ::testing::ElementsAre;

httplib::Headers Key(const std::string& key) { return {{"Authorization", "Bearer " + key}}; }

class HttpAuthTest : public ::testing::Test {
 protected:
  HttpAuthTest()
      : server_([](ServerConfig& c) {
          c.api_keys = {{"reader", Sha256Hex("read-key"), Role::kRead},
                        {"writer", Sha256Hex("write-key"), Role::kWrite},
                        {"ops", Sha256Hex("admin-key"), Role::kAdmin}};
        }) {}
  TestServer server_;
};

TEST_F(HttpAuthTest, MissingOrUnknownKeyIs401) {
  Answer none = server_.Call("GET", "/v1/catalogs");
  EXPECT_EQ(none.status, 401);
  EXPECT_THAT(none.Fields(), ElementsAre("header:/Authorization"));
  EXPECT_EQ(server_.Call("GET", "/v1/catalogs", "", Key("guess")).status, 401);
  EXPECT_EQ(server_.Call("GET", "/v1/catalogs", "", {{"Authorization", "read-key"}}).status, 401);
  EXPECT_EQ(server_.Call("POST", "/v1/admin/reload").status, 401);
}

TEST_F(HttpAuthTest, RoleBelowTheRouteIs403) {
  Answer learner =
      server_.Call("PUT", "/v1/learners/ada", R"({"catalog": "go-backend"})", Key("read-key"));
  EXPECT_EQ(learner.status, 403);
  EXPECT_THAT(learner.Fields(), ElementsAre("header:/Authorization"));
  EXPECT_EQ(server_.Call("POST", "/v1/admin/reload", "", Key("write-key")).status, 403);
  EXPECT_EQ(server_.Call("GET", "/v1/plugins", "", Key("read-key")).status, 403);
}

TEST_F(HttpAuthTest, RolesAreOrdered) {
  EXPECT_EQ(server_.Call("GET", "/v1/catalogs", "", Key("read-key")).status, 200);
  EXPECT_EQ(
      server_.Call("POST", "/v1/catalogs/go-backend/recommendations", "{}", Key("read-key")).status,
      200);
  EXPECT_EQ(
      server_.Call("PUT", "/v1/learners/ada", R"({"catalog": "go-backend"})", Key("write-key"))
          .status,
      201);
  EXPECT_EQ(server_.Call("GET", "/v1/catalogs", "", Key("write-key")).status, 200);
  EXPECT_EQ(server_.Call("GET", "/v1/learners/ada", "", Key("admin-key")).status, 200);
  EXPECT_EQ(server_.Call("POST", "/v1/admin/reload", "", Key("admin-key")).status, 200);
  Answer plugins = server_.Call("GET", "/v1/plugins", "", Key("admin-key"));
  EXPECT_EQ(plugins.status, 200);
  EXPECT_EQ(plugins.json, nlohmann::json({{"plugins", nlohmann::json::array()}}));
}

TEST_F(HttpAuthTest, ServiceRoutesNeedNoKey) {
  for (const char* path : {"/healthz", "/readyz", "/metrics", "/openapi.json"}) {
    EXPECT_EQ(server_.Call("GET", path).status, 200) << path;
  }
}

TEST_F(HttpAuthTest, AccessLogNamesTheKeyNeverTheSecret) {
  ASSERT_EQ(server_.Call("GET", "/v1/catalogs", "", Key("read-key")).status, 200);
  server_.Stop();
  const auto lines = server_.AccessLogLines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["key"], "reader");
  EXPECT_EQ(lines[0].dump().find("read-key"), std::string::npos);
}

}  // namespace
}  // namespace pathrank::server::testing
