// Runs the `pathrank serve` binary as a child process for the tests that
// need a real process: signals, kill -9, start-up messages.

#ifndef PATHRANK_TESTS_SERVER_SERVE_PROCESS_H_
#define PATHRANK_TESTS_SERVER_SERVE_PROCESS_H_

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/wait_for.h"

namespace pathrank::server::testing {

class ServeProcess {
 public:
  // Starts `pathrank serve <args>` with stdout and stderr in files under
  // `dir`. REQUIRES: the binary exists (PATHRANK_BIN).
  ServeProcess(const std::string& dir, const std::vector<std::string>& args)
      : stderr_path_(dir + "/serve.stderr." + std::to_string(++count_)) {
    std::vector<std::string> argv_strings = {PATHRANK_BIN, "serve"};
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    const std::string stdout_path = dir + "/serve.stdout." + std::to_string(count_);
    pid_ = fork();
    if (pid_ == 0) {
      const int out = open(stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      const int err = open(stderr_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(out, 1);
      dup2(err, 2);
      std::vector<char*> argv;
      for (std::string& s : argv_strings) argv.push_back(s.data());
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
  }

  ~ServeProcess() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  // The port from "listening on http://HOST:PORT"; 0 when the process did
  // not say so within `timeout` (it failed, or is slow).
  int WaitForPort(std::chrono::seconds timeout = std::chrono::seconds(20)) {
    const std::regex listening("listening on http://[0-9.]+:([0-9]+)");
    int port = 0;
    pathrank::testing::WaitFor(
        [&] {
          std::smatch m;
          const std::string err = Stderr();
          if (std::regex_search(err, m, listening)) port = std::stoi(m[1]);
          return port > 0 || HasExited();
        },
        timeout);
    return port;
  }

  // Waits up to `timeout` for `text` to appear in stderr; whether it did.
  bool WaitForStderr(const std::string& text,
                     std::chrono::seconds timeout = std::chrono::seconds(20)) {
    return pathrank::testing::WaitFor([&] { return Stderr().find(text) != std::string::npos; },
                                      timeout);
  }

  void Signal(int sig) { kill(pid_, sig); }

  // Waits up to `timeout` for the process to end; its exit code, or -1 when
  // it was killed by a signal or did not end in time.
  int Wait(std::chrono::seconds timeout = std::chrono::seconds(20)) {
    if (!pathrank::testing::WaitFor([&] { return HasExited(); }, timeout)) return -1;
    return WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
  }

  bool HasExited() {
    if (exited_) return true;
    if (waitpid(pid_, &status_, WNOHANG) == pid_) exited_ = true;
    return exited_;
  }

  std::string Stderr() const {
    std::ifstream in(stderr_path_);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

  pid_t pid() const { return pid_; }

 private:
  static inline int count_ = 0;
  std::string stderr_path_;
  pid_t pid_ = -1;
  bool exited_ = false;
  int status_ = 0;
};

}  // namespace pathrank::server::testing

#endif  // PATHRANK_TESTS_SERVER_SERVE_PROCESS_H_
