// The PostgreSQL the store tests run against.
//
// CTest starts one throw-away cluster for the whole run (the fixture
// PgCluster.Start / PgCluster.Stop: scripts/pg-test-cluster.sh, a unix
// socket in PATHRANK_TEST_PG_DIR, no TCP port); each test makes its own
// database in it. A test that stops the server (the fault test) starts a
// cluster of its own with PgCluster. Where no PostgreSQL can be started the
// tests skip with the reason; with PATHRANK_REQUIRE_POSTGRES=1 (CI) they
// fail instead.

#ifndef PATHRANK_TESTS_SERVER_STORE_PG_TEST_CLUSTER_H_
#define PATHRANK_TESTS_SERVER_STORE_PG_TEST_CLUSTER_H_

#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string>

namespace pathrank::server::testing {

inline std::string ReadSmallFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  std::string text = s.str();
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

inline bool PostgresRequired() {
  const char* v = std::getenv("PATHRANK_REQUIRE_POSTGRES");
  return v != nullptr && std::string(v) == "1";
}

// The URL of database `db` in the cluster whose socket is in `dir`.
inline std::string PgUrl(const std::string& dir, const std::string& db) {
  return "postgresql://pathrank@/" + db + "?host=" + dir;
}

// Runs one statement on `url`; "" on success, else the error.
inline std::string PgExec(const std::string& url, const std::string& sql) {
  PGconn* c = PQconnectdb(url.c_str());
  std::string error;
  if (PQstatus(c) != CONNECTION_OK) {
    error = PQerrorMessage(c);
  } else {
    PGresult* r = PQexec(c, sql.c_str());
    const ExecStatusType s = PQresultStatus(r);
    if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) error = PQresultErrorMessage(r);
    PQclear(r);
  }
  PQfinish(c);
  return error;
}

// The first column of the first row of `sql` as an integer; -1 on error.
inline long long PgQueryInt(const std::string& url, const std::string& sql) {
  PGconn* c = PQconnectdb(url.c_str());
  long long out = -1;
  if (PQstatus(c) == CONNECTION_OK) {
    PGresult* r = PQexec(c, sql.c_str());
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0)
      out = std::atoll(PQgetvalue(r, 0, 0));
    PQclear(r);
  }
  PQfinish(c);
  return out;
}

// A fresh, empty database for the current test in the shared cluster: its
// URL, or nullopt with `why` set when there is no cluster.
inline std::optional<std::string> FreshTestDatabase(std::string* why) {
  const std::string dir = PATHRANK_TEST_PG_DIR;
  const std::string base = ReadSmallFile(dir + "/url");
  if (base.empty()) {
    const std::string reason = ReadSmallFile(dir + "/unavailable");
    *why = (reason.empty() ? "no test PostgreSQL cluster is running" : reason) +
           "; run the tests through ctest (it starts one: scripts/pg-test-cluster.sh start " + dir +
           ")";
    return std::nullopt;
  }
  const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
  char name[32];
  std::snprintf(
      name, sizeof name, "t_%016zx",
      std::hash<std::string>{}(std::string(test->test_suite_name()) + "." + test->name()));
  const std::string error =
      PgExec(base, std::string("DROP DATABASE IF EXISTS ") + name + " WITH (FORCE)");
  const std::string created =
      error.empty() ? PgExec(base, std::string("CREATE DATABASE ") + name) : error;
  if (!created.empty()) {
    *why = "the test PostgreSQL cluster at " + dir + " does not answer: " + created;
    return std::nullopt;
  }
  return PgUrl(dir, name);
}

// Skips the test (fails it in CI) when there is no PostgreSQL.
#define PATHRANK_PG_SKIP_OR_FAIL(why)                                     \
  do {                                                                    \
    if (::pathrank::server::testing::PostgresRequired()) FAIL() << (why); \
    GTEST_SKIP() << (why) << " (PostgreSQL tests skipped)";               \
  } while (0)

// A cluster of the test's own in `dir` (for tests that stop the server).
class PgCluster {
 public:
  explicit PgCluster(std::string dir) : dir_(std::move(dir)) {}
  ~PgCluster() { Run("remove"); }
  PgCluster(const PgCluster&) = delete;
  PgCluster& operator=(const PgCluster&) = delete;

  // Starts (or restarts) the server; "" when it runs, else why not.
  std::string Start() {
    if (!Run("start")) return "scripts/pg-test-cluster.sh failed; see " + dir_;
    if (ReadSmallFile(dir_ + "/url").empty()) return ReadSmallFile(dir_ + "/unavailable");
    return "";
  }
  bool Stop() { return Run("stop"); }
  std::string url(const std::string& db = "postgres") const { return PgUrl(dir_, db); }

 private:
  bool Run(const std::string& action) {
    const std::string command = "bash " PATHRANK_SOURCE_DIR "/scripts/pg-test-cluster.sh " +
                                action + " " + dir_ + " >>" + dir_ + ".log 2>&1";
    return std::system(command.c_str()) == 0;
  }
  std::string dir_;
};

}  // namespace pathrank::server::testing

#endif  // PATHRANK_TESTS_SERVER_STORE_PG_TEST_CLUSTER_H_
