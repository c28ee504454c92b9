// Progress of a long CLI command on stderr: a bar with the ETA redrawn in
// place on a terminal; plain lines (every 10% and at each phase change)
// otherwise, so logs and CI output stay readable.

#ifndef PATHRANK_SERVER_CLI_PROGRESS_BAR_H_
#define PATHRANK_SERVER_CLI_PROGRESS_BAR_H_

#include <chrono>
#include <iosfwd>
#include <string>

namespace pathrank::cli {

class Progress {
 public:
  // `label` prefixes every line ("tune"). `terminal`: draw a bar in place.
  Progress(std::ostream& out, std::string label, bool terminal);
  // True when stderr is a terminal.
  static bool StderrIsTerminal();

  // `done` of `total` units in `phase`; `note` is appended ("best 0.612").
  void Update(const std::string& phase, size_t done, size_t total, const std::string& note);
  // Ends the bar's line (terminal) and prints the elapsed time.
  void Finish();

  // "1:05" / "12 s".
  static std::string FormatSeconds(double seconds);

 private:
  std::ostream& out_;
  std::string label_;
  bool terminal_;
  std::chrono::steady_clock::time_point start_;
  std::string last_phase_;
  int last_decile_ = -1;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace pathrank::cli

#endif  // PATHRANK_SERVER_CLI_PROGRESS_BAR_H_
