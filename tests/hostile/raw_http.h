// A raw HTTP/1.1 exchange over a TCP socket to 127.0.0.1, for the hostile
// input suite: it sends exactly the bytes it is given (garbage, pipelined
// requests, broken chunking), may half-close the socket, and reads every
// answer until the server closes the connection or a deadline passes.

#ifndef PATHRANK_TESTS_HOSTILE_RAW_HTTP_H_
#define PATHRANK_TESTS_HOSTILE_RAW_HTTP_H_

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace pathrank::testing {

// One parsed answer.
struct RawAnswer {
  int status = 0;
  std::string content_type;
  std::string body;
  nlohmann::json json;  // null when the body is not JSON
};

// What came back on one connection.
struct RawExchange {
  bool connected = false;
  std::vector<RawAnswer> answers;
  bool closed = false;     // the server closed (or reset) the connection
  bool timed_out = false;  // the deadline passed with the connection open
  std::string unparsed;    // bytes after the last complete answer
};

// Connects to 127.0.0.1:`port`, writes each of `pieces` in turn (write
// errors are ignored: the server may close early), shuts down the write
// side when `half_close`, and reads until the server closes or `deadline`.
RawExchange Exchange(int port, const std::vector<std::string>& pieces, bool half_close,
                     std::chrono::milliseconds deadline);

// The answers in `bytes` (Content-Length or chunked bodies); the remainder
// that is not a complete answer goes to `rest`.
std::vector<RawAnswer> ParseAnswers(const std::string& bytes, std::string* rest);

// "METHOD target HTTP/1.1" with Host, Connection: close, and for a body
// Content-Type: application/json and Content-Length; `extra` are more header
// lines, each ending in CRLF.
std::string Request(const std::string& method, const std::string& target,
                    const std::string& body = "", const std::string& extra = "");

}  // namespace pathrank::testing

#endif  // PATHRANK_TESTS_HOSTILE_RAW_HTTP_H_
