// Every progress event the server acknowledged with 2xx survives a kill -9
// at a random point, and the database stays sound.
//
// Each cycle starts `pathrank serve` on the same database, has four clients
// post events, SIGKILLs the server after a random number of acknowledged
// batches (so the kill lands at a random moment of the write stream), and
// then checks PRAGMA integrity_check and that every acknowledged event is
// stored. PATHRANK_CRASH_CYCLES sets the number of cycles (default 5);
// scripts/crash-test.sh N runs this test with N cycles and prints the totals.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "server/cli/serve_process.h"
#include "server/http/http_fixture.h"
#include "support/wait_for.h"

namespace pathrank::server::testing {
namespace {

using pathrank::testing::WaitFor;

constexpr int kClients = 4;

// The stored event keys of learner "ada"; `integrity` gets the first row of
// PRAGMA integrity_check ("ok" when sound).
std::set<std::string> StoredKeys(const std::string& db_path, std::string* integrity) {
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
  *integrity = sqlite3_step(stmt) == SQLITE_ROW
                   ? reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0))
                   : "no answer";
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return keys;
}

int CyclesFromEnvironment() {
  const char* value = std::getenv("PATHRANK_CRASH_CYCLES");
  const int cycles = value ? std::atoi(value) : 0;
  return cycles > 0 ? cycles : 5;
}

// Acknowledged event keys, shared by the clients of one cycle.
struct Acknowledged {
  std::mutex mu;
  std::set<std::string> keys;
  std::atomic<int> batches{0};
};

// Posts two-event batches to `port` until `stop`; records what got a 2xx.
// After a connection error (the server is gone) it waits for `stop`.
void WriteUntilStopped(int port, std::atomic<int>& key_counter, const std::atomic<bool>& stop,
                       Acknowledged& acked) {
  static const std::vector<std::string> kItems = {"go-basic-syntax", "goroutines", "channels",
                                                  "go-interfaces", "gin"};
  httplib::Client c("127.0.0.1", port);
  c.set_connection_timeout(5, 0);
  c.set_read_timeout(5, 0);
  c.set_tcp_nodelay(true);
  while (!stop) {
    const int k = key_counter.fetch_add(2);
    const std::string a = "e" + std::to_string(k), b = "e" + std::to_string(k + 1);
    const std::string body = R"({"events": [{"item": ")" + kItems[k % kItems.size()] +
                             R"(", "mastery": 0.5, "id": ")" + a + R"("}, {"item": ")" +
                             kItems[(k + 1) % kItems.size()] + R"(", "mastery": 0.9, "id": ")" + b +
                             R"("}]})";
    Answer answer = TestServer::Send(c, "POST", "/v1/learners/ada/progress", body);
    if (answer.status >= 200 && answer.status < 300) {
      std::lock_guard lock(acked.mu);
      acked.keys.insert(a);
      acked.keys.insert(b);
      ++acked.batches;
    } else if (answer.status == 0) {
      WaitFor([&] { return stop.load(); }, std::chrono::seconds(60));
    } else {
      ADD_FAILURE() << "status " << answer.status << ": " << answer.body;
    }
  }
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
  const int cycles = CyclesFromEnvironment();

  Acknowledged acked;
  std::atomic<int> key_counter{0};
  size_t lost = 0;
  for (int cycle = 0; cycle < cycles; ++cycle) {
    SCOPED_TRACE("cycle " + std::to_string(cycle));
    ServeProcess serve(dir, args);
    const int port = serve.WaitForPort();
    ASSERT_GT(port, 0) << serve.Stderr();
    if (cycle == 0) {
      httplib::Client client("127.0.0.1", port);
      ASSERT_EQ(TestServer::Send(client, "PUT", "/v1/learners/ada", R"({"catalog": "go-backend"})")
                    .status,
                201);
    }
    // Clients post events until the process dies under them; it dies after
    // a random number of acknowledged batches.
    std::atomic<bool> stop{false};
    std::vector<std::thread> clients;
    const int start = acked.batches.load();
    const int kill_after = std::uniform_int_distribution<int>(1, 120)(random);
    for (int c = 0; c < kClients; ++c) {
      clients.emplace_back([&] { WriteUntilStopped(port, key_counter, stop, acked); });
    }
    const bool wrote = WaitFor([&] { return acked.batches.load() - start >= kill_after; },
                               std::chrono::seconds(60));
    serve.Signal(SIGKILL);
    serve.Wait();
    stop = true;
    for (auto& t : clients) t.join();
    ASSERT_TRUE(wrote) << "the clients got fewer than " << kill_after << " answers in 60 s";

    std::string integrity;
    const std::set<std::string> stored = StoredKeys(db, &integrity);
    ASSERT_EQ(integrity, "ok");
    lost = 0;
    for (const std::string& key : acked.keys) lost += stored.count(key) == 0;
    ASSERT_EQ(lost, 0u) << "of " << acked.keys.size() << " acknowledged events";
  }
  std::printf("crash-test: cycles=%d clients=%d acknowledged=%zu lost=%zu integrity=ok\n", cycles,
              kClients, acked.keys.size(), lost);
  RecordProperty("acknowledged", static_cast<int>(acked.keys.size()));

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
