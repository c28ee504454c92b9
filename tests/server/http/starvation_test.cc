// No starvation, by design (issue #13): a new client is served within
// 100 ms (p99) while 1,000 idle keep-alive connections and 50 slow clients
// (a request line and half a header, then nothing) are open; and each
// connection limit of docs/server.md holds (request deadline, per-client
// cap, idle eviction). Real sockets on 127.0.0.1, the shipped defaults.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "server/http/http_fixture.h"
#include "support/loopback.h"

namespace pathrank::server::testing {
namespace {

using Clock = std::chrono::steady_clock;
// The requirement is 100 ms (p99) on an optimised build. An unoptimised
// ASan build (`make test`, tests running two at a time) is several times
// slower at everything; there the bound only catches starvation (a starved
// client waits for seconds).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr double kP99BoundMs = 1000.0;
#else
constexpr double kP99BoundMs = 100.0;
#endif

constexpr const char* kHealthz = "GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n";
constexpr const char* kSlowPrefix = "GET /healthz HTTP/1.1\r\nHost: t\r\nX-Half: ";

// Room for both ends of ~1,100 connections in this one process.
void RaiseFileLimit() {
  rlimit limit{};
  ASSERT_EQ(getrlimit(RLIMIT_NOFILE, &limit), 0);
  limit.rlim_cur = limit.rlim_max;
  ASSERT_EQ(setrlimit(RLIMIT_NOFILE, &limit), 0);
  if (limit.rlim_cur < 2600) GTEST_SKIP() << "RLIMIT_NOFILE hard limit " << limit.rlim_cur;
}

int Connect(int port) {
  const int fd = pathrank::testing::ConnectLoopback(port);
  if (fd < 0) return -1;
  const int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return fd;
}

void Send(int fd, const std::string& text) { (void)!write(fd, text.data(), text.size()); }

// Reads until a whole answer with a Content-Length arrived, EOF, or
// `timeout`; returns what was read ("" on EOF with nothing).
std::string ReadAnswer(int fd, std::chrono::milliseconds timeout) {
  std::string data;
  const auto end = Clock::now() + timeout;
  for (;;) {
    const size_t head = data.find("\r\n\r\n");
    if (head != std::string::npos) {
      const size_t cl = data.find("Content-Length: ");
      const size_t length = cl == std::string::npos ? 0 : std::stoul(data.substr(cl + 16));
      if (data.size() >= head + 4 + length) return data;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now());
    pollfd p{fd, POLLIN, 0};
    if (left.count() <= 0 || poll(&p, 1, static_cast<int>(left.count())) <= 0) return data;
    char buffer[4096];
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n <= 0) return data;
    data.append(buffer, static_cast<size_t>(n));
  }
}

int StatusOf(const std::string& answer) {
  return answer.starts_with("HTTP/1.1 ") ? std::stoi(answer.substr(9, 3)) : 0;
}

// True when the server closed `fd` (EOF readable) within `timeout`.
bool ClosedByServer(int fd, std::chrono::milliseconds timeout) {
  const auto end = Clock::now() + timeout;
  char buffer[4096];
  while (Clock::now() < end) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 50) > 0) {
      const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) return true;
    }
  }
  return false;
}

// A keep-alive connection that has been answered once and is now idle.
int IdleConnection(int port) {
  const int fd = Connect(port);
  if (fd < 0) return -1;
  Send(fd, kHealthz);
  if (StatusOf(ReadAnswer(fd, std::chrono::seconds(10))) != 200) {
    close(fd);
    return -1;
  }
  return fd;
}

// The value of an unlabelled metric in a Prometheus text; -1 when absent.
double Metric(const std::string& text, const std::string& name) {
  const size_t at = text.find("\n" + name + " ");
  return at == std::string::npos ? -1 : std::stod(text.substr(at + name.size() + 2));
}

struct Sockets {
  std::vector<int> fds;
  ~Sockets() {
    for (int fd : fds) close(fd);
  }
};

TEST(StarvationTest, NewClientServedWithin100msP99Beside1000IdleAnd50Slow) {
  RaiseFileLimit();
  if (::testing::Test::IsSkipped()) return;
  TestServer server([](ServerConfig& c) {
    c.http = HttpConfig{};  // the shipped defaults
    c.access_log = "off";
  });
  Sockets idle, slow;
  for (int i = 0; i < 1000; ++i) {
    idle.fds.push_back(IdleConnection(server.port()));
    ASSERT_GE(idle.fds.back(), 0) << "idle connection " << i;
  }
  for (int i = 0; i < 50; ++i) {
    slow.fds.push_back(Connect(server.port()));
    ASSERT_GE(slow.fds.back(), 0);
    Send(slow.fds.back(), kSlowPrefix);
  }
  std::vector<double> waits;
  for (int i = 0; i < 200; ++i) {
    const auto start = Clock::now();
    const int fd = Connect(server.port());
    ASSERT_GE(fd, 0);
    Send(fd, kHealthz);
    const int status = StatusOf(ReadAnswer(fd, std::chrono::seconds(5)));
    waits.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    close(fd);
    ASSERT_EQ(status, 200) << "probe " << i;
  }
  // The idle connections are parked, holding no thread; the slow ones each
  // hold one worker, under the ceiling.
  Answer metrics = server.Call("GET", "/metrics");
  EXPECT_GE(Metric(metrics.body, "pathrank_connections_idle"), 1000) << metrics.body;
  EXPECT_GE(Metric(metrics.body, "pathrank_connections_open"), 1050);
  EXPECT_LE(Metric(metrics.body, "pathrank_worker_threads_busy"), 60);
  EXPECT_LE(Metric(metrics.body, "pathrank_worker_threads"), HttpConfig{}.threads);
  EXPECT_EQ(Metric(metrics.body, "pathrank_connections_evicted_total"), 0);
  std::sort(waits.begin(), waits.end());
  const double p50 = waits[waits.size() / 2];
  const double p99 = waits[waits.size() * 99 / 100];
  std::printf("new-client wait with 1000 idle + 50 slow: p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
              p50, p99, waits.back());
  EXPECT_LT(p99, kP99BoundMs) << "p50 " << p50;
  // The idle and slow connections were all still open: the server served
  // beside them, it did not drop them to make room.
  int idle_open = 0;
  for (int fd : idle.fds) idle_open += !ClosedByServer(fd, std::chrono::milliseconds(0));
  EXPECT_EQ(idle_open, 1000);
  int answered = 0;
  for (size_t i = 0; i < idle.fds.size(); i += 100) {
    Send(idle.fds[i], kHealthz);
    answered += StatusOf(ReadAnswer(idle.fds[i], std::chrono::seconds(5))) == 200;
  }
  EXPECT_EQ(answered, 10) << "idle keep-alive connections still serve";
}

TEST(StarvationTest, SlowClientGets408AtTheRequestDeadline) {
  TestServer server([](ServerConfig& c) { c.http.request_timeout_s = 1; });
  Sockets s;
  s.fds.push_back(Connect(server.port()));
  ASSERT_GE(s.fds[0], 0);
  const auto start = Clock::now();
  Send(s.fds[0], kSlowPrefix);
  // A byte every 300 ms keeps each read within read_timeout_s, not the
  // request within its deadline.
  std::string answer;
  for (int i = 0; i < 20 && answer.empty(); ++i) {
    Send(s.fds[0], "x");
    answer = ReadAnswer(s.fds[0], std::chrono::milliseconds(300));
  }
  const double waited = std::chrono::duration<double>(Clock::now() - start).count();
  EXPECT_EQ(StatusOf(answer), 408) << answer;
  EXPECT_NE(answer.find("\"status\":408"), std::string::npos) << answer;
  EXPECT_GE(waited, 0.9);
  EXPECT_LT(waited, 4.0);
  EXPECT_TRUE(ClosedByServer(s.fds[0], std::chrono::seconds(2)));
}

TEST(StarvationTest, PerClientCapClosesTheOldestIdleConnection) {
  TestServer server([](ServerConfig& c) { c.http.max_connections_per_client = 4; });
  Sockets s;
  for (int i = 0; i < 4; ++i) s.fds.push_back(IdleConnection(server.port()));
  for (int fd : s.fds) ASSERT_GE(fd, 0);
  // A fifth is served; the oldest idle one is closed to make room.
  s.fds.push_back(IdleConnection(server.port()));
  ASSERT_GE(s.fds.back(), 0);
  EXPECT_TRUE(ClosedByServer(s.fds[0], std::chrono::seconds(2)));
  for (int i = 1; i < 5; ++i) EXPECT_FALSE(ClosedByServer(s.fds[i], std::chrono::milliseconds(0)));
}

TEST(StarvationTest, PerClientCapRefusesWith503WhenNoneIsIdle) {
  TestServer server([](ServerConfig& c) { c.http.max_connections_per_client = 3; });
  Sockets s;
  for (int i = 0; i < 3; ++i) {
    s.fds.push_back(Connect(server.port()));
    Send(s.fds.back(), kSlowPrefix);  // busy: mid-request, not idle
  }
  // Wait until the three hold their slots (each is being read by a worker).
  const auto end = Clock::now() + std::chrono::seconds(5);
  int status = 0;
  std::string answer;
  while (Clock::now() < end && status != 503) {
    const int fd = Connect(server.port());
    ASSERT_GE(fd, 0);
    Send(fd, kHealthz);
    answer = ReadAnswer(fd, std::chrono::seconds(2));
    status = StatusOf(answer);
    close(fd);
  }
  EXPECT_EQ(status, 503) << answer;
  EXPECT_NE(answer.find("\"status\":503"), std::string::npos) << answer;
  EXPECT_NE(answer.find("Retry-After: 1"), std::string::npos) << answer;
}

TEST(StarvationTest, IdleConnectionClosedAfterKeepAliveTimeout) {
  TestServer server([](ServerConfig& c) { c.http.keep_alive_timeout_s = 1; });
  Sockets s;
  s.fds.push_back(IdleConnection(server.port()));
  ASSERT_GE(s.fds[0], 0);
  const auto start = Clock::now();
  EXPECT_TRUE(ClosedByServer(s.fds[0], std::chrono::seconds(5)));
  const double waited = std::chrono::duration<double>(Clock::now() - start).count();
  EXPECT_GE(waited, 0.8);
}

}  // namespace
}  // namespace pathrank::server::testing
