#include "cli/progress_bar.h"

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <ostream>

namespace pathrank::cli {

Progress::Progress(std::ostream& out, std::string label, bool terminal)
    : out_(out),
      label_(std::move(label)),
      terminal_(terminal),
      start_(std::chrono::steady_clock::now()) {}

bool Progress::StderrIsTerminal() { return isatty(fileno(stderr)) != 0; }

std::string Progress::FormatSeconds(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return "?";
  char buffer[32];
  if (seconds < 60) {
    std::snprintf(buffer, sizeof(buffer), "%.0f s", seconds);
  } else {
    const long s = std::lround(seconds);
    std::snprintf(buffer, sizeof(buffer), "%ld:%02ld", s / 60, s % 60);
  }
  return buffer;
}

void Progress::Update(const std::string& phase, size_t done, size_t total,
                      const std::string& note) {
  const auto now = std::chrono::steady_clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double fraction = total == 0 ? 1.0 : std::min(1.0, double(done) / double(total));
  const double eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : -1;
  if (terminal_) {
    if (now - last_draw_ < std::chrono::milliseconds(100) && done < total) return;
    last_draw_ = now;
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(fraction * kWidth);
    std::string bar(filled, '#');
    bar.append(kWidth - filled, '.');
    char line[256];
    std::snprintf(line, sizeof(line), "\r%s [%s] %3.0f%% %-18s ETA %-6s %s\x1b[K", label_.c_str(),
                  bar.c_str(), fraction * 100, phase.c_str(), FormatSeconds(eta).c_str(),
                  note.c_str());
    out_ << line << std::flush;
    return;
  }
  const int decile = static_cast<int>(fraction * 10);
  if (decile == last_decile_ && phase == last_phase_) return;
  last_decile_ = decile;
  last_phase_ = phase;
  out_ << label_ << ": " << static_cast<int>(std::lround(fraction * 100)) << "% (" << done << "/"
       << total << ") " << phase << ", elapsed " << FormatSeconds(elapsed) << ", ETA "
       << FormatSeconds(eta) << (note.empty() ? "" : ", ") << note << '\n'
       << std::flush;
}

void Progress::Finish() {
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (terminal_) out_ << '\n';
  out_ << label_ << ": done in " << FormatSeconds(elapsed) << '\n' << std::flush;
}

}  // namespace pathrank::cli
