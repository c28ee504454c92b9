// The web console's routes: GET / and /console/<file> serve the files of
// server/console/ embedded at build time, with Content-Type, ETag (304 on
// If-None-Match), Cache-Control and a Content-Security-Policy, without an
// API key even when keys are configured. Its behaviour in a browser is
// tested by tests/console/ (CTest Console.Browser).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "console/console_assets.h"
#include "http/console_routes.h"
#include "server/http/http_fixture.h"

namespace pathrank::server::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(HttpConsoleTest, RootIsTheIndexPageWithItsHeaders) {
  TestServer server;
  Answer page = server.Call("GET", "/");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.Header("Content-Type"), StartsWith("text/html"));
  EXPECT_THAT(page.body, HasSubstr("<script type=\"module\" src=\"/console/app.js\">"));
  EXPECT_THAT(page.Header("Content-Security-Policy"), HasSubstr("default-src 'self'"));
  EXPECT_EQ(page.Header("Cache-Control"), "no-cache");
  EXPECT_EQ(page.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_THAT(page.Header("ETag"), ::testing::MatchesRegex("\"[0-9a-f]{16}\""));
  EXPECT_EQ(server.Call("GET", "/console/").body, page.body);
}

TEST(HttpConsoleTest, EveryFileIsServedAsOnDiskWithItsType) {
  TestServer server;
  const std::map<std::string, std::string> types = {{".html", "text/html"},
                                                    {".js", "text/javascript"},
                                                    {".css", "text/css"},
                                                    {".svg", "image/svg+xml"}};
  ASSERT_GE(ConsoleAssets().size(), 10u);
  for (const ConsoleAsset& asset : ConsoleAssets()) {
    const std::string path(asset.path);
    Answer answer = server.Call("GET", "/console/" + path);
    ASSERT_EQ(answer.status, 200) << path;
    EXPECT_EQ(answer.body, ReadFile(pathrank::testing::SourcePath("server/console/" + path)))
        << path;
    EXPECT_THAT(answer.Header("Content-Type"),
                StartsWith(types.at(std::filesystem::path(path).extension().string())))
        << path;
    EXPECT_EQ(answer.Header("ETag"), std::string(asset.etag)) << path;
  }
}

// A file added to server/console/ but not listed in its CMakeLists.txt, or
// an import of a file that is not embedded, would break the console.
TEST(HttpConsoleTest, EveryConsoleFileIsEmbeddedAndEveryImportResolves) {
  std::set<std::string> embedded;
  for (const ConsoleAsset& asset : ConsoleAssets()) embedded.insert(std::string(asset.path));
  const std::filesystem::path dir = pathrank::testing::SourcePath("server/console");
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".js" && ext != ".css" && ext != ".html" && ext != ".svg") continue;
    const std::string rel = std::filesystem::relative(entry.path(), dir).generic_string();
    EXPECT_TRUE(embedded.contains(rel)) << rel << " is not listed in server/console/CMakeLists.txt";
  }
  const std::regex import_re(R"(from '(\.\.?/[^']+)')");
  for (const ConsoleAsset& asset : ConsoleAssets()) {
    if (!asset.path.ends_with(".js")) continue;
    const std::string body(asset.body);
    const std::filesystem::path base = std::filesystem::path(std::string(asset.path)).parent_path();
    for (std::sregex_iterator it(body.begin(), body.end(), import_re), end; it != end; ++it) {
      const std::string target = (base / (*it)[1].str()).lexically_normal().generic_string();
      EXPECT_NE(FindConsoleAsset(target), nullptr) << asset.path << " imports " << target;
    }
  }
}

TEST(HttpConsoleTest, IfNoneMatchGives304) {
  TestServer server;
  const std::string etag = server.Call("GET", "/console/app.js").Header("ETag");
  ASSERT_FALSE(etag.empty());
  Answer same = server.Call("GET", "/console/app.js", "", {{"If-None-Match", etag}});
  EXPECT_EQ(same.status, 304);
  EXPECT_TRUE(same.body.empty());
  EXPECT_EQ(same.Header("ETag"), etag);
  EXPECT_EQ(
      server.Call("GET", "/console/app.js", "", {{"If-None-Match", "\"x\", W/" + etag}}).status,
      304);
  EXPECT_EQ(server.Call("GET", "/console/app.js", "", {{"If-None-Match", "\"0000\""}}).status, 200);
  EXPECT_EQ(server.Call("GET", "/", "", {{"If-None-Match", etag}}).status, 200);
}

TEST(HttpConsoleTest, UnknownFileIsAProblem404) {
  TestServer server;
  Answer missing = server.Call("GET", "/console/nope.js");
  EXPECT_EQ(missing.status, 404);
  EXPECT_THAT(missing.Header("Content-Type"), StartsWith("application/problem+json"));
  EXPECT_THAT(missing.json["detail"].get<std::string>(), HasSubstr("nope.js"));
  EXPECT_EQ(server.Call("GET", "/console/../server.md").status, 404);
}

TEST(HttpConsoleTest, NeedsNoKeyWhenKeysAreConfigured) {
  TestServer server([](ServerConfig& c) {
    c.api_keys = {{"ops", Sha256Hex("admin-key"), Role::kAdmin}};
  });
  EXPECT_EQ(server.Call("GET", "/v1/catalogs").status, 401);
  EXPECT_EQ(server.Call("GET", "/").status, 200);
  EXPECT_EQ(server.Call("GET", "/console/api.js").status, 200);
}

}  // namespace
}  // namespace pathrank::server::testing
