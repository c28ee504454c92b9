// A catalog served through a data-source plugin (the csv plugin): listed by
// /v1/plugins, re-read by reload, and kept when a reload fails.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "http_fixture.h"

namespace pathrank::server::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

void WriteTables(const std::string& dir, const std::string& extra_item) {
  std::ofstream(dir + "/items.csv") << "id,title,kind,stage,hours\n"
                                       "basics,Go basics,topic,foundation,10\n"
                                       "gin,Gin,framework,web,6\n"
                                    << extra_item;
  std::ofstream(dir + "/clauses.csv") << "item,any_of\ngin,basics\n";
  std::ofstream(dir + "/goals.csv") << "goal,title,item,tag,weight\nweb-dev,Web developer,gin,,1\n";
}

TEST(HttpPluginsTest, PluginCatalogIsServedListedAndReloaded) {
  std::string tables;
  TestServer server([&](ServerConfig& c) {
    tables = c.store.path + ".tables";
    std::filesystem::create_directories(tables);
    WriteTables(tables, "");
    c.catalogs.push_back({"tables", "", PATHRANK_PLUGIN_CSV,
                          R"({"path": ")" + tables + R"(", "layout": "tables"})"});
  });
  Answer catalogs = server.Call("GET", "/v1/catalogs");
  ASSERT_EQ(catalogs.status, 200);
  ASSERT_EQ(catalogs.json["catalogs"].size(), 2u);
  Answer catalog = server.Call("GET", "/v1/catalogs/tables");
  ASSERT_EQ(catalog.status, 200) << catalog.body;
  EXPECT_EQ(catalog.json["items"], 2);

  Answer plugins = server.Call("GET", "/v1/plugins");
  ASSERT_EQ(plugins.status, 200);
  ASSERT_EQ(plugins.json["plugins"].size(), 1u);
  const auto& csv = plugins.json["plugins"][0];
  EXPECT_EQ(csv["name"], "csv");
  EXPECT_TRUE(csv["loaded"].get<bool>());
  EXPECT_GT(csv["abi_version"].get<int>(), 0);
  EXPECT_FALSE(csv["version"].get<std::string>().empty());
  EXPECT_EQ(csv["catalogs"], nlohmann::json::array({"tables"}));
  EXPECT_EQ(csv["config"]["layout"], "tables");

  Answer recommended =
      server.Call("POST", "/v1/catalogs/tables/recommendations", R"({"goals": {"web-dev": 1}})");
  ASSERT_EQ(recommended.status, 200) << recommended.body;
  EXPECT_EQ(recommended.json["items"][0]["id"], "basics");

  WriteTables(tables, "echo,Echo,framework,web,5\n");
  Answer reload = server.Call("POST", "/v1/admin/reload");
  ASSERT_EQ(reload.status, 200) << reload.body;
  EXPECT_EQ(server.Call("GET", "/v1/catalogs/tables").json["items"], 3);

  std::ofstream(tables + "/items.csv") << "id,title,colour\na,A,red\n";
  Answer failed = server.Call("POST", "/v1/admin/reload");
  EXPECT_EQ(failed.status, 422);
  EXPECT_THAT(failed.Fields(), ElementsAre("body:/catalogs/tables"));
  EXPECT_THAT(failed.json["errors"][0]["message"].get<std::string>(), HasSubstr("plugin csv"));
  EXPECT_THAT(failed.json["errors"][0]["message"].get<std::string>(), HasSubstr("colour"));
  EXPECT_EQ(server.Call("GET", "/v1/catalogs/tables").json["items"], 3);
  EXPECT_EQ(server.Call("GET", "/v1/catalogs/go-backend").status, 200);
}

}  // namespace
}  // namespace pathrank::server::testing
