// Parallel writers and readers on the same learners over HTTP: no lost
// update, no error.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "server/http/http_fixture.h"

namespace pathrank::server::testing {
namespace {

int64_t EventRows(const std::string& db_path, const std::string& learner) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT count(*) FROM progress_events WHERE learner = ?1", -1, &stmt,
                     nullptr);
  sqlite3_bind_text(stmt, 1, learner.c_str(), -1, SQLITE_TRANSIENT);
  int64_t n = -1;
  if (sqlite3_step(stmt) == SQLITE_ROW) n = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return n;
}

TEST(ConcurrencyTest, ParallelWritersAndReadersLoseNothing) {
  TestServer server([](ServerConfig& c) { c.access_log = "off"; });
  const std::vector<std::string> learners = {"ada", "bob", "cy"};
  for (const std::string& lid : learners) {
    ASSERT_EQ(server
                  .Call("PUT", "/v1/learners/" + lid,
                        R"({"catalog": "go-backend", "goals": {"microservices": 1}})")
                  .status,
              201);
  }
  Answer listing = server.Call("GET", "/v1/catalogs/go-backend/items?limit=8");
  ASSERT_EQ(listing.status, 200);
  std::vector<std::string> items;
  for (const auto& item : listing.json["items"]) items.push_back(item["id"]);
  ASSERT_EQ(items.size(), 8u);
  ASSERT_EQ(std::count(items.begin(), items.end(), "goroutines"), 0);

  constexpr int kWriters = 4, kRounds = 40;
  std::atomic<int> clock{0};  // one `at` sequence shared by every writer
  std::atomic<int> errors{0}, reads{0};
  std::atomic<bool> writing{true};
  std::atomic<int> latest[3] = {0, 0, 0};  // per learner, the largest `at` sent
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      auto client = server.NewClient();
      for (int r = 0; r < kRounds; ++r) {
        for (size_t l = 0; l < learners.size(); ++l) {
          const std::string& lid = learners[l];
          // Two items only this writer touches, and one shared by all
          // writers: the shared one must end at the latest `at`.
          const int at = ++clock;
          char when[32];
          std::snprintf(when, sizeof when, "2024-01-01T00:%02d:%02d.%03dZ", at / 60000 % 60,
                        at / 1000 % 60, at % 1000);
          const std::string body =
              R"({"events": [{"item": ")" + items[2 * w] + R"(", "mastery": )" +
              std::to_string(r / 100.0) + R"(, "id": "w)" + std::to_string(w) + "-" +
              std::to_string(r) + R"(-a"}, {"item": ")" + items[2 * w + 1] + R"(", "mastery": )" +
              std::to_string(r / 100.0) + R"(}, {"item": "goroutines", "mastery": )" +
              std::to_string(at / 1000.0) + R"(, "at": ")" + when + R"("}]})";
          Answer a = TestServer::Send(*client, "POST", "/v1/learners/" + lid + "/progress", body);
          for (int seen = latest[l]; seen < at && !latest[l].compare_exchange_weak(seen, at);) {
          }
          if (a.status != 200 || a.json["accepted"] != 3) {
            ++errors;
            ADD_FAILURE() << a.status << " " << a.body << " " << a.error;
          }
        }
      }
    });
  }
  for (int reader = 0; reader < 2; ++reader) {
    threads.emplace_back([&, reader] {
      auto client = server.NewClient();
      while (writing) {
        for (const std::string& lid : learners) {
          Answer a = TestServer::Send(
              *client, "GET",
              reader == 0 ? "/v1/learners/" + lid : "/v1/learners/" + lid + "/recommendations?k=5");
          if (a.status != 200) {
            ++errors;
            ADD_FAILURE() << a.status << " " << a.body << " " << a.error;
          }
          ++reads;
        }
      }
    });
  }
  for (int w = 0; w < kWriters; ++w) threads[w].join();
  writing = false;
  for (size_t t = kWriters; t < threads.size(); ++t) threads[t].join();

  EXPECT_EQ(errors.load(), 0);
  EXPECT_GT(reads.load(), 0);
  for (size_t l = 0; l < learners.size(); ++l) {
    const std::string& lid = learners[l];
    Answer a = server.Call("GET", "/v1/learners/" + lid);
    ASSERT_EQ(a.status, 200);
    for (int w = 0; w < kWriters; ++w) {
      EXPECT_DOUBLE_EQ(a.json["mastery"][items[2 * w]].get<double>(), (kRounds - 1) / 100.0);
      EXPECT_DOUBLE_EQ(a.json["mastery"][items[2 * w + 1]].get<double>(), (kRounds - 1) / 100.0);
    }
    // The shared item's value is that of the latest `at` of this learner.
    EXPECT_DOUBLE_EQ(a.json["mastery"]["goroutines"].get<double>(), latest[l] / 1000.0);
    EXPECT_EQ(EventRows(server.config().store.path, lid), kWriters * kRounds * 3);
  }
}

}  // namespace
}  // namespace pathrank::server::testing
