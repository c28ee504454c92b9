// The OpenAPI document describes exactly the routes the server registers:
// a route without an entry, or an entry without a route, fails.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "http/handlers.h"
#include "http/http_server.h"

namespace pathrank::server {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

TEST(OpenApiTest, DocumentAndRoutesMatchBothWays) {
  const auto doc = nlohmann::json::parse(OpenApiDocument());
  ASSERT_EQ(doc["openapi"].get<std::string>().substr(0, 2), "3.");
  std::set<std::string> documented;
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [method, operation] : item.items()) {
      documented.insert(Lower(method) + " " + path);
    }
  }
  std::set<std::string> served;
  for (const Route& route : Routes()) served.insert(Lower(route.method) + " " + route.path);
  for (const std::string& r : served) {
    EXPECT_TRUE(documented.count(r)) << "route without an OpenAPI entry: " << r;
  }
  for (const std::string& d : documented) {
    EXPECT_TRUE(served.count(d)) << "OpenAPI entry without a route: " << d;
  }
  // Every route of API.md is served, team matching included.
  EXPECT_TRUE(served.count("post /v1/catalogs/{cid}/team-matches"));
}

TEST(OpenApiTest, RolesAndPathParametersAreDocumented) {
  const auto doc = nlohmann::json::parse(OpenApiDocument());
  for (const Route& route : Routes()) {
    const auto& operation = doc["paths"][route.path][Lower(route.method)];
    if (route.role == Role::kNone) {
      EXPECT_EQ(operation["security"], nlohmann::json::array()) << route.path;
    } else {
      EXPECT_EQ(operation["x-pathrank-role"], RoleName(route.role)) << route.path;
    }
    std::set<std::string> declared;
    if (operation.contains("parameters")) {
      for (const auto& p : operation["parameters"]) {
        if (p["in"] == "path") declared.insert(p["name"]);
      }
    }
    std::set<std::string> in_template;
    const std::string path = route.path;
    for (size_t open = path.find('{'); open != std::string::npos; open = path.find('{', open + 1)) {
      in_template.insert(path.substr(open + 1, path.find('}', open) - open - 1));
    }
    EXPECT_EQ(declared, in_template) << route.method << " " << route.path;
    EXPECT_TRUE(operation["responses"].is_object()) << route.path;
  }
}

}  // namespace
}  // namespace pathrank::server
