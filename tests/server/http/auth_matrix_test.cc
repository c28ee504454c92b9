// The auth matrix (issue #13, item 7): every route of Routes() x {no key,
// wrong key, read, write, admin} -> the status docs/server.md documents:
// routes with role "none" answer everyone; otherwise no key or a wrong key
// is 401, a key whose role is below the route's is 403, and a key at or
// above it reaches the handler. And no key, nor its hash, in any log.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "server/http/http_fixture.h"

namespace pathrank::server::testing {
namespace {

// A request to one route, with a body and path its handler accepts.
struct RouteCall {
  const char* method;
  const char* route;  // the template, as in Routes()
  std::string path;
  std::string body;
};

std::vector<RouteCall> Calls() {
  const std::string r = R"({"mastery": {"go-basic-syntax": 1.0}, "goals": {"rest-api": 1.0}})";
  return {
      {"GET", "/healthz", "/healthz", ""},
      {"GET", "/readyz", "/readyz", ""},
      {"GET", "/metrics", "/metrics", ""},
      {"GET", "/openapi.json", "/openapi.json", ""},
      {"GET", "/v1/catalogs", "/v1/catalogs", ""},
      {"GET", "/v1/catalogs/{cid}", "/v1/catalogs/go-backend", ""},
      {"GET", "/v1/catalogs/{cid}/items", "/v1/catalogs/go-backend/items", ""},
      {"GET", "/v1/catalogs/{cid}/items/{iid}", "/v1/catalogs/go-backend/items/gin", ""},
      {"GET", "/v1/catalogs/{cid}/goals", "/v1/catalogs/go-backend/goals", ""},
      {"POST", "/v1/catalogs/{cid}/recommendations", "/v1/catalogs/go-backend/recommendations", r},
      {"POST", "/v1/catalogs/{cid}/paths", "/v1/catalogs/go-backend/paths", r},
      {"POST", "/v1/catalogs/{cid}/team-matches", "/v1/catalogs/go-backend/team-matches", "{}"},
      {"PUT", "/v1/learners/{lid}", "/v1/learners/ada", R"({"catalog": "go-backend"})"},
      {"GET", "/v1/learners/{lid}", "/v1/learners/ada", ""},
      {"DELETE", "/v1/learners/{lid}", "/v1/learners/nobody", ""},
      {"POST", "/v1/learners/{lid}/progress", "/v1/learners/ada/progress",
       R"({"events": [{"item": "goroutines", "mastery": 0.5}]})"},
      {"GET", "/v1/learners/{lid}/progress", "/v1/learners/ada/progress", ""},
      {"GET", "/v1/learners", "/v1/learners", ""},
      {"GET", "/v1/learners/{lid}/events", "/v1/learners/ada/events", ""},
      {"DELETE", "/v1/learners/{lid}/events/{eid}", "/v1/learners/ada/events/999999", ""},
      {"GET", "/v1/learners/{lid}/recommendations", "/v1/learners/ada/recommendations", ""},
      {"GET", "/v1/learners/{lid}/path", "/v1/learners/ada/path?hours_per_week=5", ""},
      {"GET", "/v1/plugins", "/v1/plugins", ""},
      {"POST", "/v1/admin/reload", "/v1/admin/reload", ""},
  };
}

struct Credential {
  const char* name;
  std::string header;  // "" = no Authorization header
  Role role;           // kNone for no key and a wrong key
};

const std::vector<Credential>& Credentials() {
  static const std::vector<Credential> kCredentials = {
      {"no key", "", Role::kNone},
      {"wrong key", "Bearer wrong-secret-0123", Role::kNone},
      {"read", "Bearer read-secret-4567", Role::kRead},
      {"write", "Bearer write-secret-89ab", Role::kWrite},
      {"admin", "Bearer admin-secret-cdef", Role::kAdmin},
  };
  return kCredentials;
}

// The documented answer: 0 means "the handler's own answer" (not 401/403).
int Expected(Role route, const Credential& c) {
  if (route == Role::kNone) return 0;
  if (c.role == Role::kNone) return 401;
  return static_cast<int>(c.role) < static_cast<int>(route) ? 403 : 0;
}

TEST(AuthMatrixTest, EveryRouteTimesEveryCredential) {
  ::testing::internal::CaptureStderr();
  TestServer server([](ServerConfig& c) {
    c.api_keys = {{"reader", Sha256Hex("read-secret-4567"), Role::kRead},
                  {"writer", Sha256Hex("write-secret-89ab"), Role::kWrite},
                  {"ops", Sha256Hex("admin-secret-cdef"), Role::kAdmin}};
  });
  const std::vector<RouteCall> calls = Calls();
  // The table covers Routes() exactly.
  std::set<std::string> routes, covered;
  for (const Route& r : Routes()) routes.insert(std::string(r.method) + " " + r.path);
  for (const RouteCall& c : calls) covered.insert(std::string(c.method) + " " + c.route);
  ASSERT_EQ(covered, routes);
  int cells = 0;
  for (const Credential& cred : Credentials()) {
    for (const RouteCall& call : calls) {
      Role role = Role::kNone;
      for (const Route& r : Routes()) {
        if (std::string(r.method) == call.method && std::string(r.path) == call.route) {
          role = r.role;
        }
      }
      httplib::Headers headers;
      if (!cred.header.empty()) headers.emplace("Authorization", cred.header);
      Answer a = server.Call(call.method, call.path, call.body, headers);
      const int expected = Expected(role, cred);
      const std::string cell = std::string(cred.name) + " x " + call.method + " " + call.path;
      if (expected == 0) {
        EXPECT_TRUE(a.status >= 200 && a.status < 500 && a.status != 401 && a.status != 403 &&
                    a.status != 429)
            << cell << ": " << a.status << " " << a.body;
      } else {
        EXPECT_EQ(a.status, expected) << cell << ": " << a.body;
        EXPECT_EQ(a.json["status"], expected) << cell;
        EXPECT_THAT(a.Fields(), ::testing::ElementsAre("header:/Authorization")) << cell;
      }
      ++cells;
    }
  }
  EXPECT_EQ(cells, Calls().size() * Credentials().size());  // 21 routes x 5
  server.Stop();
  const std::string stderr_text = ::testing::internal::GetCapturedStderr();
  std::ifstream in(server.config().access_log);
  std::stringstream log;
  log << in.rdbuf();
  EXPECT_GT(log.str().size(), 1000u);
  EXPECT_THAT(log.str(), ::testing::HasSubstr("\"key\":\"ops\""));
  for (const char* secret :
       {"wrong-secret-0123", "read-secret-4567", "write-secret-89ab", "admin-secret-cdef"}) {
    for (const std::string& needle : {std::string(secret), Sha256Hex(secret)}) {
      EXPECT_EQ(log.str().find(needle), std::string::npos) << needle;
      EXPECT_EQ(stderr_text.find(needle), std::string::npos) << needle;
    }
  }
}

}  // namespace
}  // namespace pathrank::server::testing
