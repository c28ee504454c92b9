// Every progress event the server acknowledged with 2xx survives a kill -9
// at a random point, and the database stays sound.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <random>
#include <set>
#include <thread>

#include "server/cli/serve_process.h"
#include "server/http/http_fixture.h"

namespace pathrank::server::testing {
namespace {

std::set<std::string> StoredKeys(const std::string& db_path) {
  std::set<std::string> keys;
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT event_key FROM progress_events WHERE learner = 'ada'", -1, &stmt,
                     nullptr);
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    keys.insert(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
  }
  sqlite3_finalize(stmt);
  sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr);
  EXPECT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "ok");
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return keys;
}

TEST(DurabilityTest, AcknowledgedEventsSurviveKillNine) {
  const std::string dir = TempDirFor(CurrentTestName());
  const std::string db = dir + "/learners.db";
  const std::vector<std::string> args = {
      "--catalog", pathrank::testing::GoCatalogPath(), "--db", db, "--port", "0", "--access-log",
      "off"};
  const unsigned seed = std::random_device{}();
  std::mt19937 random(seed);
  SCOPED_TRACE("seed " + std::to_string(seed));
  const std::vector<std::string> items = {"go-basic-syntax", "goroutines", "channels",
                                          "go-interfaces", "gin"};

  std::set<std::string> acknowledged;
  int next_key = 0;
  constexpr int kRounds = 5;
  for (int round = 0; round < kRounds; ++round) {
    ServeProcess serve(dir, args);
    const int port = serve.WaitForPort();
    ASSERT_GT(port, 0) << serve.Stderr();
    auto client = std::make_unique<httplib::Client>("127.0.0.1", port);
    client->set_connection_timeout(5, 0);
    client->set_read_timeout(5, 0);
    client->set_tcp_nodelay(true);
    if (round == 0) {
      ASSERT_EQ(TestServer::Send(*client, "PUT", "/v1/learners/ada", R"({"catalog": "go-backend"})")
                    .status,
                201);
    }
    // Writers post events until the process dies under them.
    std::atomic<bool> stop{false};
    std::mutex mu;
    std::vector<std::thread> writers;
    std::atomic<int> key_counter{next_key};
    for (int w = 0; w < 2; ++w) {
      writers.emplace_back([&, w] {
        httplib::Client c("127.0.0.1", port);
        c.set_connection_timeout(2, 0);
        c.set_read_timeout(2, 0);
        c.set_tcp_nodelay(true);
        while (!stop) {
          const int k = key_counter.fetch_add(2);
          const std::string a = "e" + std::to_string(k), b = "e" + std::to_string(k + 1);
          const std::string body = R"({"events": [{"item": ")" + items[k % items.size()] +
                                   R"(", "mastery": 0.5, "id": ")" + a + R"("}, {"item": ")" +
                                   items[(k + 1) % items.size()] + R"(", "mastery": 0.9, "id": ")" +
                                   b + R"("}]})";
          Answer answer = TestServer::Send(c, "POST", "/v1/learners/ada/progress", body);
          if (answer.status >= 200 && answer.status < 300) {
            std::lock_guard lock(mu);
            acknowledged.insert(a);
            acknowledged.insert(b);
          } else if (answer.status == 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));  // the server is gone
          }
        }
        (void)w;
      });
    }
    std::this_thread::sleep_for(
        std::chrono::milliseconds(std::uniform_int_distribution<int>(50, 400)(random)));
    serve.Signal(SIGKILL);
    serve.Wait();
    stop = true;
    for (auto& t : writers) t.join();
    next_key = key_counter.load();
  }
  ASSERT_GT(acknowledged.size(), 10u) << "too few writes to test anything";
  const std::set<std::string> stored = StoredKeys(db);
  size_t missing = 0;
  for (const std::string& key : acknowledged) missing += stored.count(key) == 0;
  EXPECT_EQ(missing, 0u) << "of " << acknowledged.size() << " acknowledged events";

  // The server starts again on the same file and serves the learner.
  ServeProcess serve(dir, args);
  const int port = serve.WaitForPort();
  ASSERT_GT(port, 0) << serve.Stderr();
  httplib::Client client("127.0.0.1", port);
  Answer learner = TestServer::Send(client, "GET", "/v1/learners/ada");
  EXPECT_EQ(learner.status, 200);
  EXPECT_FALSE(learner.json["mastery"].empty());
  serve.Signal(SIGTERM);
  EXPECT_EQ(serve.Wait(), 0);
}

}  // namespace
}  // namespace pathrank::server::testing
