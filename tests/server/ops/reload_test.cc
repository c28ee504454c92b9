// Catalog reload over HTTP: a good reload swaps in the new catalog, a bad
// source keeps serving the old one and the answer names it, and requests
// keep succeeding while catalogs are reloaded repeatedly.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "server/http/http_fixture.h"
#include "util/file_io.h"

namespace pathrank::server::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string GoCatalogText() {
  Result<std::string> text = ReadFile(pathrank::testing::GoCatalogPath());
  EXPECT_TRUE(text.has_value());
  return text.has_value() ? *text : "";
}

// The Go catalog with its version replaced by `version`.
std::string WithVersion(const std::string& text, const std::string& version) {
  std::string out = text;
  const std::string key = "\"version\": \"1.0.0\"";
  const size_t at = out.find(key);
  EXPECT_NE(at, std::string::npos);
  out.replace(at, key.size(), "\"version\": \"" + version + "\"");
  return out;
}

void Write(const std::string& path, const std::string& text) {
  ASSERT_TRUE(WriteFileAtomic(path, text).ok());
}

class ReloadTest : public ::testing::Test {
 protected:
  ReloadTest()
      : text_(GoCatalogText()), server_([this](ServerConfig& c) {
          path_ = c.store.path + ".catalog.json";
          Write(path_, text_);
          c.catalogs = {{"go", path_, "", "{}"}};
          c.access_log = "off";
        }) {}

  std::string Version() {
    return server_.Call("GET", "/v1/catalogs/go").json["version"].get<std::string>();
  }

  std::string text_;
  std::string path_;
  TestServer server_;
};

TEST_F(ReloadTest, GoodReloadSwapsTheCatalog) {
  EXPECT_EQ(Version(), "1.0.0");
  Write(path_, WithVersion(text_, "2.0.0"));
  Answer a = server_.Call("POST", "/v1/admin/reload");
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.json["generation"], 2);
  ASSERT_EQ(a.json["catalogs"].size(), 1u);
  EXPECT_EQ(a.json["catalogs"][0]["id"], "go");
  EXPECT_EQ(a.json["catalogs"][0]["ok"], true);
  EXPECT_EQ(a.json["catalogs"][0]["version"], "2.0.0");
  EXPECT_EQ(Version(), "2.0.0");
}

TEST_F(ReloadTest, FailingSourceKeepsTheOldCatalogAndIsNamed) {
  Write(path_, "{\"format\": \"pathrank.catalog/v1\", \"id\": ");
  Answer a = server_.Call("POST", "/v1/admin/reload");
  EXPECT_EQ(a.status, 422);
  EXPECT_EQ(a.Header("Content-Type"), "application/problem+json");
  EXPECT_THAT(a.Fields(), ElementsAre("body:/catalogs/go"));
  EXPECT_THAT(a.json["detail"].get<std::string>(), HasSubstr("catalog go"));
  EXPECT_THAT(a.json["errors"][0]["message"].get<std::string>(), HasSubstr(path_));
  EXPECT_EQ(a.json["catalogs"][0]["ok"], false);  // the per-catalog results ride along
  EXPECT_EQ(Version(), "1.0.0");
  EXPECT_EQ(server_.Call("POST", "/v1/catalogs/go/recommendations", "{}").status, 200);
  std::remove(path_.c_str());
  EXPECT_EQ(server_.Call("POST", "/v1/admin/reload").status, 422);
  EXPECT_EQ(Version(), "1.0.0");
  Answer metrics = server_.Call("GET", "/metrics");
  EXPECT_THAT(metrics.body, HasSubstr("pathrank_catalog_reloads_total{result=\"failed\"} 2"));
}

TEST_F(ReloadTest, RequestsKeepSucceedingDuringRepeatedReloads) {
  std::atomic<bool> done{false};
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c) {
    clients.emplace_back([&, c] {
      auto client = server_.NewClient();
      while (!done) {
        Answer a = c % 2 == 0 ? TestServer::Send(*client, "POST", "/v1/catalogs/go/recommendations",
                                                 R"({"goals": {"microservices": 1}, "k": 5})")
                              : TestServer::Send(*client, "GET", "/v1/catalogs/go/items/gin");
        (a.status == 200 ? ok : failed)++;
      }
    });
  }
  auto admin = server_.NewClient();
  int reloads = 0, versions_seen = 0;
  for (int i = 0; i < 20; ++i) {
    const bool good = i % 4 != 3;  // every fourth reload fails
    Write(path_, good ? WithVersion(text_, "3.0." + std::to_string(i)) : std::string("{oops"));
    Answer a = TestServer::Send(*admin, "POST", "/v1/admin/reload");
    EXPECT_EQ(a.status, good ? 200 : 422) << a.body;
    ++reloads;
    Answer catalog = TestServer::Send(*admin, "GET", "/v1/catalogs/go");
    ASSERT_EQ(catalog.status, 200);
    if (good) {
      EXPECT_EQ(catalog.json["version"], "3.0." + std::to_string(i));
      ++versions_seen;
    }
  }
  done = true;
  for (auto& t : clients) t.join();
  EXPECT_EQ(reloads, 20);
  EXPECT_EQ(versions_seen, 15);
  EXPECT_EQ(failed.load(), 0);
  EXPECT_GT(ok.load(), 0);
}

}  // namespace
}  // namespace pathrank::server::testing
