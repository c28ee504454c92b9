// Two `pathrank serve` replicas on one PostgreSQL database: what one writes
// the other reads; 4 writers spread over both post 10,000 events with unique
// ids while replica A is killed with SIGKILL; every acknowledged event is
// stored exactly once and nothing acknowledged is lost.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include "server/cli/serve_process.h"
#include "server/http/http_fixture.h"
#include "server/store/pg_test_cluster.h"
#include "support/wait_for.h"

namespace pathrank::server::testing {
namespace {

constexpr int kWriters = 4;
constexpr int kEvents = 10000;
constexpr int kBatch = 10;  // events per request

std::vector<std::string> Args(const std::string& url) {
  return {"--catalog",    pathrank::testing::GoCatalogPath(),
          "--db",         url,
          "--port",       "0",
          "--threads",    "8",
          "--access-log", "off"};
}

std::string Batch(int first) {
  static const char* kItems[] = {"go-basic-syntax", "goroutines", "channels", "go-interfaces",
                                 "gin"};
  std::string body = R"({"events": [)";
  for (int k = first; k < first + kBatch; ++k) {
    if (k > first) body += ",";
    body += R"({"item": ")" + std::string(kItems[k % 5]) + R"(", "mastery": )" +
            std::to_string((k % 100) / 100.0) + R"(, "id": "e)" + std::to_string(k) + R"("})";
  }
  return body + "]}";
}

TEST(PgReplicasTest, TwoReplicasShareLearnersAndLoseNothingWhenOneIsKilled) {
  std::string why;
  std::optional<std::string> url = FreshTestDatabase(&why);
  if (!url) PATHRANK_PG_SKIP_OR_FAIL(why);
  const std::string dir = TempDirFor(CurrentTestName());
  auto a = std::make_unique<ServeProcess>(dir, Args(*url));
  ServeProcess b(dir, Args(*url));
  const int port_a = a->WaitForPort();
  const int port_b = b.WaitForPort();
  ASSERT_GT(port_a, 0) << a->Stderr();
  ASSERT_GT(port_b, 0) << b.Stderr();
  httplib::Client client_a("127.0.0.1", port_a), client_b("127.0.0.1", port_b);

  // Created on A, read on B.
  ASSERT_EQ(TestServer::Send(client_a, "PUT", "/v1/learners/ada",
                             R"({"catalog": "go-backend", "goals": {"microservices": 1}})")
                .status,
            201);
  Answer read = TestServer::Send(client_b, "GET", "/v1/learners/ada");
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json["goals"]["microservices"], 1);

  // Writers 0 and 2 prefer A, 1 and 3 B; a batch A does not acknowledge is
  // sent again to B, with the same ids.
  std::mutex mu;
  std::set<std::string> acknowledged;
  std::atomic<int> acked_events{0}, acked_by_b_after_kill{0};
  std::atomic<bool> a_killed{false};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      httplib::Client to_a("127.0.0.1", port_a), to_b("127.0.0.1", port_b);
      for (httplib::Client* c : {&to_a, &to_b}) {
        c->set_connection_timeout(2, 0);
        c->set_read_timeout(10, 0);
      }
      bool use_a = w % 2 == 0;
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
      for (int first = w * kBatch; first < kEvents; first += kWriters * kBatch) {
        while (std::chrono::steady_clock::now() < deadline) {
          const bool on_b = !use_a || a_killed;
          Answer answer = TestServer::Send(on_b ? to_b : to_a, "POST", "/v1/learners/ada/progress",
                                           Batch(first));
          if (answer.status == 200) {
            std::lock_guard lock(mu);
            for (int k = first; k < first + kBatch; ++k)
              acknowledged.insert("e" + std::to_string(k));
            acked_events += kBatch;
            if (on_b && a_killed) ++acked_by_b_after_kill;
            break;
          }
          if (!on_b) use_a = false;  // A failed: go to B from now on
        }
      }
    });
  }
  // Kill A once about a third of the events are in.
  pathrank::testing::WaitFor([&] { return acked_events >= kEvents / 3; }, std::chrono::minutes(2));
  a->Signal(SIGKILL);
  a->Wait();
  a_killed = true;
  Answer during = TestServer::Send(client_b, "GET", "/v1/learners/ada");
  EXPECT_EQ(during.status, 200) << "B stopped answering after A was killed: " << during.body;
  for (auto& t : writers) t.join();
  EXPECT_GT(acked_by_b_after_kill.load(), 0);
  ASSERT_EQ(acknowledged.size(), static_cast<size_t>(kEvents)) << "writers ran out of time";

  // A restarts on the same database and sees every acknowledged event.
  a = std::make_unique<ServeProcess>(dir, Args(*url));
  const int port_a2 = a->WaitForPort();
  ASSERT_GT(port_a2, 0) << a->Stderr();
  httplib::Client again("127.0.0.1", port_a2);
  Answer learner = TestServer::Send(again, "GET", "/v1/learners/ada");
  ASSERT_EQ(learner.status, 200);
  EXPECT_EQ(learner.json["mastery"].size(), 5u);
  const std::string of_ada = " FROM progress_events WHERE learner = 'ada'";
  EXPECT_EQ(PgQueryInt(*url, "SELECT count(*)" + of_ada), kEvents);
  EXPECT_EQ(PgQueryInt(*url, "SELECT count(DISTINCT event_key)" + of_ada), kEvents);
  // Every acknowledged id is there: e0 .. e9999, and nothing else.
  EXPECT_EQ(PgQueryInt(*url, "SELECT count(*)" + of_ada +
                                 " AND event_key ~ '^e[0-9]+$' AND substr(event_key, 2)::int "
                                 "BETWEEN 0 AND " +
                                 std::to_string(kEvents - 1)),
            kEvents);
  std::cout << "[ replicas ] " << acknowledged.size() << " events acknowledged, "
            << acked_by_b_after_kill.load() << " batches by B after A was killed, 0 lost\n";
  a->Signal(SIGTERM);
  EXPECT_EQ(a->Wait(), 0);
  b.Signal(SIGTERM);
  EXPECT_EQ(b.Wait(), 0);
}

}  // namespace
}  // namespace pathrank::server::testing
