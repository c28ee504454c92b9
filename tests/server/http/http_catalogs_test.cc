// The catalog endpoints over HTTP: happy paths and each error class.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "server/http/http_fixture.h"

namespace pathrank::server::testing {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class HttpCatalogsTest : public ::testing::Test {
 protected:
  TestServer server_;
};

TEST_F(HttpCatalogsTest, ListsCatalogsWithCounts) {
  Answer a = server_.Call("GET", "/v1/catalogs");
  ASSERT_EQ(a.status, 200);
  ASSERT_EQ(a.json["catalogs"].size(), 1u);
  const auto& c = a.json["catalogs"][0];
  EXPECT_EQ(c["id"], "go-backend");
  EXPECT_EQ(c["items"], 131);
  EXPECT_GT(c["clauses"].get<int>(), 0);
  EXPECT_EQ(c["goals"], 8);
  EXPECT_TRUE(c.contains("title"));
  EXPECT_TRUE(c.contains("version"));
}

TEST_F(HttpCatalogsTest, CatalogSummaryHasStagesAndGoals) {
  Answer a = server_.Call("GET", "/v1/catalogs/go-backend");
  ASSERT_EQ(a.status, 200);
  EXPECT_EQ(a.json["stages"].size(), 7u);
  EXPECT_EQ(a.json["stages"][0]["id"], "foundation");
  EXPECT_GT(a.json["stages"][0]["items"].get<int>(), 0);
  EXPECT_EQ(a.json["goals"].size(), 8u);
  Answer missing = server_.Call("GET", "/v1/catalogs/nope");
  EXPECT_EQ(missing.status, 404);
  EXPECT_THAT(missing.Fields(), ElementsAre("path:/cid"));
}

TEST_F(HttpCatalogsTest, ItemsFilterAndPage) {
  Answer frameworks = server_.Call("GET", "/v1/catalogs/go-backend/items?kind=framework");
  ASSERT_EQ(frameworks.status, 200);
  EXPECT_EQ(frameworks.json["total"], 12);
  Answer page = server_.Call("GET", "/v1/catalogs/go-backend/items?limit=5&offset=10");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.json["items"].size(), 5u);
  EXPECT_EQ(page.json["total"], 131);
  EXPECT_EQ(page.json["offset"], 10);
  Answer text = server_.Call("GET", "/v1/catalogs/go-backend/items?q=GIN");
  ASSERT_EQ(text.status, 200);
  std::vector<std::string> ids;
  for (const auto& item : text.json["items"]) ids.push_back(item["id"]);
  EXPECT_THAT(ids, Contains("gin"));
  Answer stage = server_.Call("GET", "/v1/catalogs/go-backend/items?stage=concurrency&limit=1000");
  ASSERT_EQ(stage.status, 200);
  for (const auto& item : stage.json["items"]) EXPECT_EQ(item["stage"], "concurrency");
  Answer past = server_.Call("GET", "/v1/catalogs/go-backend/items?offset=1000");
  ASSERT_EQ(past.status, 200);
  EXPECT_TRUE(past.json["items"].empty());
}

TEST_F(HttpCatalogsTest, ItemQueryErrors) {
  const std::string base = "/v1/catalogs/go-backend/items";
  Answer kind = server_.Call("GET", base + "?kind=book");
  EXPECT_EQ(kind.status, 422);
  EXPECT_THAT(kind.Fields(), ElementsAre("query:/kind"));
  Answer stage = server_.Call("GET", base + "?stage=space");
  EXPECT_EQ(stage.status, 422);
  EXPECT_THAT(stage.Fields(), ElementsAre("query:/stage"));
  Answer limit_type = server_.Call("GET", base + "?limit=ten");
  EXPECT_EQ(limit_type.status, 400);
  EXPECT_THAT(limit_type.Fields(), ElementsAre("query:/limit"));
  Answer limit_range = server_.Call("GET", base + "?limit=0");
  EXPECT_EQ(limit_range.status, 422);
  Answer offset = server_.Call("GET", base + "?offset=-1");
  EXPECT_EQ(offset.status, 422);
  EXPECT_EQ(server_.Call("GET", "/v1/catalogs/nope/items").status, 404);
}

TEST_F(HttpCatalogsTest, ItemHasClausesAndDependents) {
  Answer gin = server_.Call("GET", "/v1/catalogs/go-backend/items/gin");
  ASSERT_EQ(gin.status, 200);
  EXPECT_EQ(gin.json["kind"], "framework");
  EXPECT_FALSE(gin.json["requires"].empty());
  EXPECT_TRUE(gin.json["requires"][0].contains("any_of"));
  EXPECT_TRUE(gin.json.contains("recommends"));
  EXPECT_TRUE(gin.json["attributes"].is_object());
  Answer basics = server_.Call("GET", "/v1/catalogs/go-backend/items/go-basic-syntax");
  ASSERT_EQ(basics.status, 200);
  EXPECT_FALSE(basics.json["dependents"].empty());
  Answer missing = server_.Call("GET", "/v1/catalogs/go-backend/items/cobol");
  EXPECT_EQ(missing.status, 404);
  EXPECT_THAT(missing.Fields(), ElementsAre("path:/iid"));
  EXPECT_THAT(missing.json["detail"].get<std::string>(), HasSubstr("cobol"));
  EXPECT_EQ(server_.Call("GET", "/v1/catalogs/nope/items/gin").status, 404);
}

TEST_F(HttpCatalogsTest, Goals) {
  Answer a = server_.Call("GET", "/v1/catalogs/go-backend/goals");
  ASSERT_EQ(a.status, 200);
  ASSERT_EQ(a.json["goals"].size(), 8u);
  bool found = false;
  for (const auto& g : a.json["goals"]) {
    if (g["id"] == "microservices") {
      found = true;
      EXPECT_TRUE(g["items"].is_object());
      EXPECT_TRUE(g["tags"].is_object());
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(server_.Call("GET", "/v1/catalogs/nope/goals").status, 404);
}

}  // namespace
}  // namespace pathrank::server::testing
