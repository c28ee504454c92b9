// Runs the `pathrank` binary for end-to-end tests.

#ifndef PATHRANK_TESTS_CLI_RUN_CLI_H_
#define PATHRANK_TESTS_CLI_RUN_CLI_H_

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace pathrank::testing {

struct CliResult {
  int exit_code;
  std::string out;  // stdout and stderr together
};

inline CliResult RunPathrank(const std::string& args) {
  const std::string command = std::string(PATHRANK_BIN) + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return {-1, "popen failed"};
  std::string out;
  std::array<char, 4096> buffer;
  size_t n;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  const int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

}  // namespace pathrank::testing

#endif  // PATHRANK_TESTS_CLI_RUN_CLI_H_
