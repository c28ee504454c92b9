// A catalog served through a data-source plugin (the csv plugin): listed by
// /v1/plugins, re-read by reload, and kept when a reload fails.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "pathrank/catalog_json.h"
#include "pathrank/eval/trajectory.h"
#include "pathrank/transition_model.h"
#include "server/http/http_fixture.h"

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

// An xAPI progress source: each reload imports its statements into the
// store, idempotently; /v1/plugins lists it; a failing source is a 422 that
// names it and writes nothing.
TEST(HttpPluginsTest, ProgressSourceFeedsTheStoreOnReload) {
  const std::string statements = pathrank::testing::SourcePath("tests/data/xapi/statements.json");
  const std::string xapi_config = R"({"path": ")" + statements +
                                  R"(", "activity_prefix": "https://lms.example.org/activities/",
      "activity_map": {"https://lms.example.org/courses/go-101": "go-basics"},
      "account_home_page": "https://lms.example.org"})";
  TestServer server([&](ServerConfig& c) {
    c.catalogs.push_back(
        {"lms", pathrank::testing::SourcePath("tests/data/xapi/catalog.json"), "", "{}"});
    ProgressSourceConfig source;
    source.name = "lrs";
    source.plugin = PATHRANK_PLUGIN_XAPI;
    source.plugin_config_json = xapi_config;
    source.catalog = "lms";
    c.progress_sources.push_back(source);
  });
  EXPECT_EQ(server.Call("GET", "/v1/learners/ada").status, 404);

  Answer first = server.Call("POST", "/v1/admin/reload");
  ASSERT_EQ(first.status, 200) << first.body;
  ASSERT_EQ(first.json["progress_sources"].size(), 1u);
  const auto& lrs = first.json["progress_sources"][0];
  EXPECT_EQ(lrs["name"], "lrs");
  EXPECT_TRUE(lrs["ok"].get<bool>());
  EXPECT_EQ(lrs["events"], 17);
  EXPECT_EQ(lrs["learners_created"], 4);
  EXPECT_EQ(lrs["accepted"], 17);
  EXPECT_EQ(lrs["duplicates"], 0);

  Answer ada = server.Call("GET", "/v1/learners/ada");
  ASSERT_EQ(ada.status, 200) << ada.body;
  EXPECT_EQ(ada.json["catalog"], "lms");
  EXPECT_DOUBLE_EQ(ada.json["mastery"]["channels"].get<double>(), 0.95);
  // The stored learner is scored like any other once it has a goal.
  ASSERT_EQ(
      server.Call("PUT", "/v1/learners/ada", R"({"catalog": "lms", "goals": {"concurrency": 1}})")
          .status,
      200);
  Answer next = server.Call("GET", "/v1/learners/ada/recommendations?k=3");
  ASSERT_EQ(next.status, 200) << next.body;
  for (const auto& item : next.json["items"]) {
    EXPECT_NE(item["id"], "goroutines");  // mastered through the LRS
  }

  Answer again = server.Call("POST", "/v1/admin/reload");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json["progress_sources"][0]["accepted"], 0);
  EXPECT_EQ(again.json["progress_sources"][0]["duplicates"], 17);
  EXPECT_EQ(server.Call("GET", "/v1/learners/ada").json["goals"]["concurrency"], 1.0);

  Answer plugins = server.Call("GET", "/v1/plugins");
  ASSERT_EQ(plugins.status, 200);
  ASSERT_EQ(plugins.json["plugins"].size(), 1u);
  EXPECT_EQ(plugins.json["plugins"][0]["name"], "xapi");
  EXPECT_EQ(plugins.json["plugins"][0]["progress_sources"], nlohmann::json::array({"lrs"}));
  EXPECT_EQ(plugins.json["plugins"][0]["catalogs"], nlohmann::json::array());
}

TEST(HttpPluginsTest, FailingProgressSourceIsNamedAndWritesNothing) {
  TestServer server([&](ServerConfig& c) {
    ProgressSourceConfig source;
    source.name = "lrs";
    source.plugin = PATHRANK_PLUGIN_XAPI;
    // mutexes, context and go-basics of the fixture are no items of the Go catalog.
    source.plugin_config_json = R"({"path": ")" +
                                pathrank::testing::SourcePath("tests/data/xapi/statements.json") +
                                R"(", "activity_prefix": "https://lms.example.org/activities/"})";
    source.catalog = "go-backend";
    c.progress_sources.push_back(source);
  });
  Answer failed = server.Call("POST", "/v1/admin/reload");
  ASSERT_EQ(failed.status, 422) << failed.body;
  EXPECT_THAT(failed.Fields(), ElementsAre("body:/progress_sources/lrs"));
  EXPECT_THAT(failed.json["errors"][0]["message"].get<std::string>(),
              HasSubstr("progress source lrs: "));
  EXPECT_THAT(failed.json["errors"][0]["message"].get<std::string>(),
              HasSubstr("unknown item \"mutexes\" in catalog go-backend"));
  EXPECT_FALSE(failed.json["progress_sources"][0]["ok"].get<bool>());
  EXPECT_EQ(server.store().CountLearners().value(), 0);
  // The catalogs reloaded regardless.
  EXPECT_TRUE(failed.json["catalogs"][0]["ok"].get<bool>());
}

// A catalog source with a learned sequence model: a stored learner's
// recommendations carry the sequence term (under a profile that weighs it);
// a model for another catalog fails the load naming the source.
TEST(HttpPluginsTest, SequenceModelOfACatalogSourceScoresStoredLearners) {
  std::string model_path;
  TestServer server([&](ServerConfig& c) {
    auto catalog = LoadCatalogFile(pathrank::testing::GoCatalogPath());
    ASSERT_TRUE(catalog.has_value());
    const Catalog& go = **catalog;
    // Learners who went from the basic syntax to the data types.
    std::vector<Trajectory> trajectories;
    for (int l = 0; l < 5; ++l) {
      trajectories.push_back({"l" + std::to_string(l),
                              {{1, *go.FindItem("go-basic-syntax"), 1.0, {}},
                               {2, *go.FindItem("go-data-types"), 1.0, {}}}});
    }
    model_path = c.store.path + ".sequence.json";
    ASSERT_TRUE(TransitionModel::Learn(go, trajectories).Save(go, model_path).ok());
    c.catalogs[0].sequence_model = model_path;
    const std::string profile = c.store.path + ".profile.json";
    std::ofstream(profile)
        << R"({"format": "pathrank.profile/v1", "name": "seq", "weights": {"w_seq": 2}})";
    c.profiles.push_back({"seq", profile});
  });
  ASSERT_EQ(
      server.Call("PUT", "/v1/learners/ada", R"({"catalog": "go-backend", "goals": {}})").status,
      201);
  ASSERT_EQ(server
                .Call("POST", "/v1/learners/ada/progress",
                      R"({"events": [{"item": "go-environment", "mastery": 1},
                                       {"item": "go-basic-syntax", "mastery": 1}]})")
                .status,
            200);
  Answer next = server.Call("GET", "/v1/learners/ada/recommendations?k=3&profile=seq");
  ASSERT_EQ(next.status, 200) << next.body;
  ASSERT_FALSE(next.json["items"].empty());
  EXPECT_EQ(next.json["items"][0]["id"], "go-data-types") << next.body;
  EXPECT_GT(next.json["items"][0]["terms"]["sequence"].get<double>(), 0.5);

  // A model whose catalog is not this one fails the reload, naming it; the
  // old catalog and model stay served.
  std::ofstream(model_path) << R"({"format": "pathrank.sequence/v1", "catalog": "other"})";
  Answer failed = server.Call("POST", "/v1/admin/reload");
  EXPECT_EQ(failed.status, 422) << failed.body;
  EXPECT_THAT(failed.json["errors"][0]["message"].get<std::string>(),
              HasSubstr(model_path + ": sequence model"));
  Answer still = server.Call("GET", "/v1/learners/ada/recommendations?k=3&profile=seq");
  ASSERT_EQ(still.status, 200);
  EXPECT_EQ(still.json["items"][0]["id"], "go-data-types");
}

}  // namespace
}  // namespace pathrank::server::testing
