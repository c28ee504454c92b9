// The `pathrank serve` binary: start-up messages and failures, SIGHUP
// reload, graceful SIGTERM.

#include "server/cli/serve_process.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "server/http/http_fixture.h"
#include "util/file_io.h"

namespace pathrank::server::testing {
namespace {

using ::testing::HasSubstr;

std::unique_ptr<httplib::Client> ClientFor(int port) {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", port);
  client->set_connection_timeout(5, 0);
  client->set_read_timeout(10, 0);
  client->set_tcp_nodelay(true);
  return client;
}

TEST(ServeProcessTest, SigtermFinishesAndClosesTheStore) {
  const std::string dir = TempDirFor(CurrentTestName());
  const std::string db = dir + "/learners.db";
  ServeProcess serve(dir,
                     {"--catalog", pathrank::testing::GoCatalogPath(), "--db", db, "--port", "0"});
  const int port = serve.WaitForPort();
  ASSERT_GT(port, 0) << serve.Stderr();
  {
    auto client = ClientFor(port);
    Answer a = TestServer::Send(*client, "PUT", "/v1/learners/ada",
                                R"({"catalog": "go-backend", "goals": {"rest-api": 1}})");
    ASSERT_EQ(a.status, 201) << a.body;
  }
  EXPECT_TRUE(std::filesystem::exists(db + "-wal"));
  serve.Signal(SIGTERM);
  EXPECT_EQ(serve.Wait(), 0) << serve.Stderr();
  EXPECT_THAT(serve.Stderr(), HasSubstr("received SIGTERM"));
  EXPECT_THAT(serve.Stderr(), HasSubstr("stopped; learner store closed"));
  // The store was closed cleanly: the WAL was checkpointed and removed.
  EXPECT_FALSE(std::filesystem::exists(db + "-wal"));
}

TEST(ServeProcessTest, SighupReloadsTheCatalogs) {
  const std::string dir = TempDirFor(CurrentTestName());
  const std::string catalog = dir + "/go.json";
  Result<std::string> text = ReadFile(pathrank::testing::GoCatalogPath());
  ASSERT_TRUE(text.has_value());
  ASSERT_TRUE(WriteFileAtomic(catalog, *text).ok());
  ServeProcess serve(dir, {"--catalog", "go=" + catalog, "--db", dir + "/learners.db", "--port",
                           "0", "--access-log", "off"});
  const int port = serve.WaitForPort();
  ASSERT_GT(port, 0) << serve.Stderr();
  std::string updated = *text;
  updated.replace(updated.find("\"version\": \"1.0.0\""), 18, "\"version\": \"9.9.9\"");
  ASSERT_TRUE(WriteFileAtomic(catalog, updated).ok());
  serve.Signal(SIGHUP);
  auto client = ClientFor(port);
  std::string version;
  pathrank::testing::WaitFor([&] {
    version = TestServer::Send(*client, "GET", "/v1/catalogs/go").json.value("version", "");
    return version == "9.9.9";
  });
  EXPECT_EQ(version, "9.9.9");
  // The reload logs each source after the new snapshot is served, so a client
  // may see the version first: wait for the line, with a deadline.
  EXPECT_TRUE(serve.WaitForStderr("SIGHUP: catalog go: reloaded")) << serve.Stderr();
  // A failing reload keeps the catalog and says why.
  ASSERT_TRUE(WriteFileAtomic(catalog, "{").ok());
  serve.Signal(SIGHUP);
  EXPECT_TRUE(serve.WaitForStderr("\"level\":\"error\"")) << serve.Stderr();
  EXPECT_THAT(serve.Stderr(), HasSubstr("SIGHUP: catalog go: "));
  EXPECT_EQ(TestServer::Send(*client, "GET", "/v1/catalogs/go").json.value("version", ""), "9.9.9");
  client.reset();
  serve.Signal(SIGINT);
  EXPECT_EQ(serve.Wait(), 0) << serve.Stderr();
}

TEST(ServeProcessTest, WithoutKeysOnlyLoopbackAndItSaysSo) {
  const std::string dir = TempDirFor(CurrentTestName());
  ServeProcess serve(dir, {"--catalog", pathrank::testing::GoCatalogPath(), "--db",
                           dir + "/learners.db", "--host", "0.0.0.0", "--port", "0"});
  const int port = serve.WaitForPort();
  ASSERT_GT(port, 0) << serve.Stderr();
  EXPECT_THAT(serve.Stderr(), HasSubstr("no API key is configured: listening on 127.0.0.1 only"));
  EXPECT_THAT(serve.Stderr(), HasSubstr("listening on http://127.0.0.1:"));
  serve.Signal(SIGTERM);
  EXPECT_EQ(serve.Wait(), 0);
}

TEST(ServeProcessTest, StartupFailuresAreClear) {
  const std::string dir = TempDirFor(CurrentTestName());
  ServeProcess missing(dir, {"--catalog", dir + "/nope.json", "--db", dir + "/l.db"});
  EXPECT_EQ(missing.Wait(), 3);
  EXPECT_THAT(missing.Stderr(), HasSubstr("nope.json"));

  const std::string config = dir + "/server.json";
  ASSERT_TRUE(WriteFileAtomic(config, R"({"port": 99999, "http": {"threads": 0}})").ok());
  ServeProcess invalid(dir, {"--config", config});
  EXPECT_EQ(invalid.Wait(), 1);
  EXPECT_THAT(invalid.Stderr(), HasSubstr("/port: must be an integer in 0..65535"));
  EXPECT_THAT(invalid.Stderr(), HasSubstr("/http/threads"));
  EXPECT_THAT(invalid.Stderr(), HasSubstr("/catalogs: at least one catalog"));

  ServeProcess no_store(
      dir, {"--catalog", pathrank::testing::GoCatalogPath(), "--db", dir + "/missing/dir/l.db"});
  EXPECT_EQ(no_store.Wait(), 3);
  EXPECT_THAT(no_store.Stderr(), HasSubstr("cannot open learner store"));
}

}  // namespace
}  // namespace pathrank::server::testing
