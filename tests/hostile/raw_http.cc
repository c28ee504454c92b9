#include "hostile/raw_http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>

#include "support/loopback.h"

namespace pathrank::testing {
namespace {

using Clock = std::chrono::steady_clock;

void WriteAll(int fd, const std::string& bytes) {
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
    if (n <= 0) return;  // the server closed: what it answered is read below
    done += static_cast<size_t>(n);
  }
}

// The value of header `name` in the header block `head` ("" when absent).
std::string HeaderValue(const std::string& head, const std::string& name) {
  size_t line = head.find("\r\n");
  while (line != std::string::npos && line + 2 < head.size()) {
    const size_t start = line + 2;
    const size_t end = head.find("\r\n", start);
    const std::string text = head.substr(start, end - start);
    const size_t colon = text.find(':');
    if (colon == name.size() && strncasecmp(text.c_str(), name.c_str(), name.size()) == 0) {
      const size_t value = text.find_first_not_of(' ', colon + 1);
      return value == std::string::npos ? "" : text.substr(value);
    }
    line = end;
  }
  return "";
}

// A chunked body starting at `at`; false when incomplete.
bool ReadChunked(const std::string& bytes, size_t* at, std::string* body) {
  while (true) {
    const size_t eol = bytes.find("\r\n", *at);
    if (eol == std::string::npos) return false;
    const size_t size = std::strtoul(bytes.substr(*at, eol - *at).c_str(), nullptr, 16);
    if (size == 0) {
      const size_t end = bytes.find("\r\n", eol + 2);
      if (end == std::string::npos) return false;
      *at = end + 2;
      return true;
    }
    if (bytes.size() < eol + 2 + size + 2) return false;
    body->append(bytes, eol + 2, size);
    *at = eol + 2 + size + 2;
  }
}

}  // namespace

std::vector<RawAnswer> ParseAnswers(const std::string& bytes, std::string* rest) {
  std::vector<RawAnswer> answers;
  size_t at = 0;
  while (at < bytes.size()) {
    const size_t head_end = bytes.find("\r\n\r\n", at);
    if (head_end == std::string::npos || bytes.compare(at, 5, "HTTP/") != 0) break;
    const std::string head = bytes.substr(at, head_end + 2 - at);
    RawAnswer answer;
    const size_t space = head.find(' ');
    answer.status = space == std::string::npos ? 0 : std::atoi(head.c_str() + space + 1);
    answer.content_type = HeaderValue(head, "Content-Type");
    size_t body_at = head_end + 4;
    if (HeaderValue(head, "Transfer-Encoding").find("chunked") != std::string::npos) {
      if (!ReadChunked(bytes, &body_at, &answer.body)) break;
    } else {
      const size_t length = std::strtoul(HeaderValue(head, "Content-Length").c_str(), nullptr, 10);
      if (bytes.size() < body_at + length) break;
      answer.body = bytes.substr(body_at, length);
      body_at += length;
    }
    answer.json = nlohmann::json::parse(answer.body, nullptr, false);
    if (answer.json.is_discarded()) answer.json = nullptr;
    answers.push_back(std::move(answer));
    at = body_at;
  }
  *rest = bytes.substr(at);
  return answers;
}

RawExchange Exchange(int port, const std::vector<std::string>& pieces, bool half_close,
                     std::chrono::milliseconds deadline) {
  RawExchange out;
  const int fd = ConnectLoopback(port);
  if (fd < 0) return out;
  out.connected = true;
  const auto end = Clock::now() + deadline;
  for (const std::string& piece : pieces) WriteAll(fd, piece);
  if (half_close) shutdown(fd, SHUT_WR);
  std::string received;
  char buffer[65536];
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now());
    if (left.count() <= 0) {
      out.timed_out = true;
      break;
    }
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    const ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) {  // EOF or reset
      out.closed = true;
      break;
    }
    received.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  out.answers = ParseAnswers(received, &out.unparsed);
  return out;
}

std::string Request(const std::string& method, const std::string& target, const std::string& body,
                    const std::string& extra) {
  std::string out = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  if (!body.empty() || method == "POST" || method == "PUT") {
    out +=
        "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  }
  return out + extra + "\r\n" + body;
}

}  // namespace pathrank::testing
