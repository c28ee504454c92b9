// ConnectLoopback: a TCP connection to 127.0.0.1, for the tests that speak
// raw bytes to a server (hostile input, starvation, fairness).
#ifndef PATHRANK_TESTS_SUPPORT_LOOPBACK_H_
#define PATHRANK_TESTS_SUPPORT_LOOPBACK_H_

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdint>

namespace pathrank::testing {

// A socket connected to 127.0.0.1:`port` (the caller closes it), or -1 when
// the connection failed.
inline int ConnectLoopback(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &addr.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

}  // namespace pathrank::testing

#endif  // PATHRANK_TESTS_SUPPORT_LOOPBACK_H_
