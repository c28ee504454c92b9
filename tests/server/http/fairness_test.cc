// No client starves the others: many keep-alive connections beyond the
// worker count are all served (bounded keep-alive rotates them), and idle
// or trickling connections are dropped by the timeouts so they cannot pin
// the workers. Liveness checks with generous bounds, not speed claims.

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "server/http/http_fixture.h"
#include "support/loopback.h"
#include "support/wait_for.h"

namespace pathrank::server::testing {
namespace {

using Clock = std::chrono::steady_clock;

// Every one of `connections` keep-alive clients, looping for `duration`,
// gets answers, and no request fails.
void ExpectEveryConnectionServed(TestServer& server, int connections,
                                 std::chrono::milliseconds duration) {
  std::vector<int> answered(connections, 0), failed(connections, 0);
  std::vector<std::thread> clients;
  const auto end = Clock::now() + duration;
  for (int c = 0; c < connections; ++c) {
    clients.emplace_back([&, c] {
      auto client = server.NewClient();
      while (Clock::now() < end) {
        Answer a = TestServer::Send(*client, "GET", "/v1/catalogs/go-backend/items?limit=5");
        (a.status == 200 ? answered : failed)[c]++;
      }
    });
  }
  for (auto& t : clients) t.join();
  int starved = 0, errors = 0, total = 0;
  for (int c = 0; c < connections; ++c) {
    starved += answered[c] == 0;
    errors += failed[c];
    total += answered[c];
  }
  EXPECT_EQ(starved, 0) << "of " << connections << " connections, " << total << " answers";
  EXPECT_EQ(errors, 0);
}

TEST(FairnessTest, SixtyFourConnectionsOnEightWorkersAreAllServed) {
  TestServer server([](ServerConfig& c) {
    c.http.threads = 8;
    c.access_log = "off";
  });
  ExpectEveryConnectionServed(server, 64, std::chrono::milliseconds(2500));
}

TEST(FairnessTest, DefaultConfigServesSixtyFourConnections) {
  TestServer server([](ServerConfig& c) {
    c.http = HttpConfig{};  // the shipped defaults
    c.access_log = "off";
  });
  ExpectEveryConnectionServed(server, 64, std::chrono::milliseconds(1500));
}

// A TCP connection to the server that sends `prefix` and then nothing.
int StalledConnection(int port, const std::string& prefix) {
  const int fd = pathrank::testing::ConnectLoopback(port);
  if (fd < 0) return -1;
  if (!prefix.empty()) (void)!write(fd, prefix.data(), prefix.size());
  return fd;
}

// Connections waiting in the accept queue of the listening socket on `port`
// (Linux reports it as rx_queue of the LISTEN row of /proc/net/tcp); -1 when
// there is no such socket.
int AcceptQueue(int port) {
  std::ifstream in("/proc/net/tcp");
  std::string line;
  std::getline(in, line);  // the header
  while (std::getline(in, line)) {
    std::istringstream row(line);
    std::string slot, local, remote, state, queues;
    row >> slot >> local >> remote >> state >> queues;
    const size_t colon = local.find(':');
    if (state != "0A" || colon == std::string::npos) continue;
    if (std::stoi(local.substr(colon + 1), nullptr, 16) != port) continue;
    return std::stoi(queues.substr(queues.find(':') + 1), nullptr, 16);
  }
  return -1;
}

TEST(FairnessTest, IdleAndTricklingConnectionsCannotPinTheWorkers) {
  TestServer server([](ServerConfig& c) {
    c.http.threads = 2;
    c.http.keep_alive_timeout_s = 1;
    c.http.read_timeout_s = 1;
  });
  // Twice as many stalled connections as workers: silent ones, and ones
  // stuck in the middle of their headers.
  std::vector<int> stalled;
  for (int i = 0; i < 2; ++i) stalled.push_back(StalledConnection(server.port(), ""));
  for (int i = 0; i < 2; ++i) {
    stalled.push_back(StalledConnection(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n"));
  }
  for (int fd : stalled) ASSERT_GE(fd, 0);
  // The server has taken every stalled connection off the accept queue (so
  // they hold or wait for its workers) before the probe.
  ASSERT_TRUE(pathrank::testing::WaitFor([&] { return AcceptQueue(server.port()) == 0; }))
      << "accept queue: " << AcceptQueue(server.port());
  const auto start = Clock::now();
  Answer a = server.Call("GET", "/healthz");
  const double waited = std::chrono::duration<double>(Clock::now() - start).count();
  EXPECT_EQ(a.status, 200) << a.error;
  EXPECT_LT(waited, 8.0) << "a stalled client held the workers";
  for (int fd : stalled) close(fd);
}

}  // namespace
}  // namespace pathrank::server::testing
