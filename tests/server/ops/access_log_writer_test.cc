// The access log's writer thread (access_log.h): lines are queued by
// Write() and written by one thread; none may be lost on a clean shutdown,
// and the lines of one producer (one connection's requests) keep their order.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "ops/access_log.h"
#include "support/wait_for.h"

namespace pathrank::server {
namespace {

std::string TempLogPath(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) /
                                    ("pathrank_access_" + name + "_" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return (dir / "access.log").string();
}

std::vector<nlohmann::json> ReadLines(const std::string& path) {
  std::vector<nlohmann::json> lines;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) lines.push_back(nlohmann::json::parse(line, nullptr, false));
  return lines;
}

// `threads` producers each write `per_thread` lines with request ids
// "<thread>:<sequence>".
void Produce(AccessLog& log, int threads, int per_thread) {
  std::vector<std::thread> producers;
  for (int t = 0; t < threads; ++t) {
    producers.emplace_back([&log, t, per_thread] {
      for (int i = 0; i < per_thread; ++i) {
        const std::string id = std::to_string(t) + ":" + std::to_string(i);
        AccessLogEntry e;
        e.time_ms = 1714557600123;
        e.request_id = id;
        e.method = "GET";
        e.route = "/healthz";
        e.path = "/healthz";
        e.status = 200;
        e.remote = "127.0.0.1";
        log.Write(e);
      }
    });
  }
  for (std::thread& p : producers) p.join();
}

// Every line once, and each producer's lines in the order it wrote them.
void ExpectAllInOrder(const std::vector<nlohmann::json>& lines, int threads, int per_thread) {
  ASSERT_EQ(lines.size(), static_cast<size_t>(threads * per_thread));
  std::map<int, int> next;  // producer -> the sequence number expected next
  for (const nlohmann::json& line : lines) {
    ASSERT_TRUE(line.is_object()) << "a line is not one JSON object (interleaved?)";
    const std::string id = line["request_id"];
    const size_t colon = id.find(':');
    const int t = std::stoi(id.substr(0, colon));
    const int i = std::stoi(id.substr(colon + 1));
    ASSERT_EQ(i, next[t]) << "producer " << t << " out of order";
    next[t] = i + 1;
  }
  for (int t = 0; t < threads; ++t) EXPECT_EQ(next[t], per_thread) << "producer " << t;
}

TEST(AccessLogWriterTest, NoLineIsLostWhenTheLogIsClosed) {
  const std::string path = TempLogPath("close");
  constexpr int kThreads = 8, kPerThread = 5000;
  {
    auto log = AccessLog::Open(path);
    ASSERT_TRUE(log.has_value());
    Produce(**log, kThreads, kPerThread);
    // Destroyed right after the last Write(): the writer must drain first.
  }
  ExpectAllInOrder(ReadLines(path), kThreads, kPerThread);
}

TEST(AccessLogWriterTest, FlushWritesEveryQueuedLine) {
  const std::string path = TempLogPath("flush");
  auto log = AccessLog::Open(path);
  ASSERT_TRUE(log.has_value());
  for (int round = 1; round <= 3; ++round) {
    Produce(**log, 2, 100);
    (*log)->Flush();
    // The log stays open: what Flush() promised is in the file now.
    EXPECT_EQ(ReadLines(path).size(), static_cast<size_t>(round * 200));
    EXPECT_EQ((*log)->lines_written(), static_cast<uint64_t>(round * 200));
  }
}

TEST(AccessLogWriterTest, WakesAfterSleepingIdle) {
  const std::string path = TempLogPath("idle");
  auto log = AccessLog::Open(path);
  ASSERT_TRUE(log.has_value());
  Produce(**log, 1, 10);
  (*log)->Flush();
  // The writer gives up polling after 50 idle rounds and sleeps until a
  // Write() wakes it.
  ASSERT_TRUE(pathrank::testing::WaitFor([&] { return (*log)->writer_sleeping(); }));
  Produce(**log, 1, 10);
  (*log)->Flush();
  EXPECT_EQ(ReadLines(path).size(), 20u);
}

TEST(AccessLogWriterTest, OffWritesNothingAndFlushReturns) {
  auto log = AccessLog::Open("off");
  ASSERT_TRUE(log.has_value());
  EXPECT_FALSE((*log)->enabled());
  Produce(**log, 2, 10);
  (*log)->Flush();
  EXPECT_EQ((*log)->lines_written(), 0u);
}

}  // namespace
}  // namespace pathrank::server
