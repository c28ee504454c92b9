// Hostile input over real HTTP against a real `pathrank serve` process: every
// case of the table in hostile_cases.cc gets a 4xx that names the field at
// fault (problem+json with the JSON pointer) or a closed connection, never a
// 5xx or a crash; afterwards /healthz answers and the server's resident
// memory is back within 10% of what it was after warm-up.

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "hostile/hostile_cases.h"
#include "hostile/raw_http.h"
#include "server/cli/serve_process.h"
#include "server/http/http_fixture.h"
#include "support/wait_for.h"

namespace pathrank::testing {
namespace {

using server::testing::CurrentTestName;
using server::testing::ServeProcess;
using server::testing::TempDirFor;

constexpr auto kDeadline = std::chrono::seconds(20);
constexpr int kPasses = 2;
// Few workers: each worker thread keeps the memory its largest request took
// (allocator arenas and caches), so with the default 64 the warm-up pass
// would not reach the steady state; with one it does, and growth after it is
// a leak.
constexpr int kThreads = 1;

// VmRSS of process `pid` in kB (0 when unreadable).
long ResidentKb(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

bool IsProblem(const RawAnswer& a) {
  return a.content_type.rfind("application/problem+json", 0) == 0 && a.json.is_object() &&
         a.json.contains("errors") && a.json["errors"].is_array() && !a.json["errors"].empty();
}

bool NamesField(const RawAnswer& a, const std::string& field) {
  if (!IsProblem(a)) return false;
  for (const auto& e : a.json["errors"]) {
    if (e.value("in", "") + ":" + e.value("field", "") == field) return true;
  }
  return false;
}

bool Is4xx(int status, int wanted) {
  return wanted ? status == wanted : status >= 400 && status < 500;
}

std::string Describe(const RawExchange& x) {
  std::ostringstream out;
  out << (x.connected ? "" : "not connected; ") << (x.closed ? "closed; " : "")
      << (x.timed_out ? "timed out; " : "") << x.answers.size() << " answers";
  for (const RawAnswer& a : x.answers) out << "\n  " << a.status << " " << a.body.substr(0, 300);
  if (!x.unparsed.empty()) out << "\n  unparsed: " << x.unparsed.substr(0, 200);
  return out.str();
}

// The failure of `x` against `c`, or "" when it behaved.
std::string Check(const Case& c, const RawExchange& x) {
  if (!x.connected) return "could not connect";
  if (x.timed_out) return "no answer and no close within the deadline";
  for (const RawAnswer& a : x.answers) {
    if (a.status < 100 || a.status >= 500) return "server error or unreadable status";
  }
  if (!x.unparsed.empty() && !x.answers.empty()) return "a torn answer";
  const RawAnswer* first = x.answers.empty() ? nullptr : &x.answers.front();
  switch (c.want) {
    case Want::kOk:
      return first && first->status >= 200 && first->status < 300 ? "" : "wanted a 2xx";
    case Want::kField:
      if (!first || !Is4xx(first->status, c.status))
        return "wanted a 4xx (" + std::to_string(c.status) + ")";
      return NamesField(*first, c.field) ? "" : "the problem does not name " + c.field;
    case Want::kProblem:
      if (!first || !Is4xx(first->status, c.status))
        return "wanted a 4xx (" + std::to_string(c.status) + ")";
      return IsProblem(*first) ? "" : "wanted problem+json with errors[]";
    case Want::kRejected:
      if (x.answers.empty()) return x.closed ? "" : "wanted a 4xx or a close";
      for (const RawAnswer& a : x.answers) {
        if (!Is4xx(a.status, c.status)) return "wanted only 4xx answers";
      }
      return "";
    case Want::kNoServerError:
      return x.answers.empty() && !x.closed ? "no answer" : "";
    case Want::kOkThenRejected:
      if (!first || first->status != 200)
        return "the valid request first in the pipeline was not served";
      for (size_t i = 1; i < x.answers.size(); ++i) {
        if (!Is4xx(x.answers[i].status, 0) && x.answers[i].status != 200)
          return "wanted 200s then 4xx";
      }
      return x.closed ? "" : "the connection stayed open after garbage";
  }
  return "unknown expectation";
}

// What the passes saw.
struct Tally {
  std::map<int, int> by_status;
  int closed_without_answer = 0;
  int failures = 0;
  std::vector<long> resident_kb;  // after each pass

  std::string Summary(size_t cases) const {
    int server_errors = 0;
    std::ostringstream out;
    out << "hostile: " << cases << " cases x " << resident_kb.size() << " passes, " << failures
        << " failed, ";
    std::ostringstream statuses;
    for (const auto& [status, n] : by_status) {
      statuses << " " << status << "x" << n;
      server_errors += status >= 500 ? n : 0;
    }
    out << server_errors << " 5xx, " << closed_without_answer
        << " closed without an answer; statuses" << statuses.str() << "; VmRSS kB after each pass";
    for (long kb : resident_kb) out << " " << kb;
    return out.str();
  }
};

// Sends and checks every case once, then /healthz; false when the server
// died or /healthz did not answer 200.
bool RunPass(int pass, int port, const std::vector<Case>& cases, ServeProcess& serve,
             Tally& tally) {
  for (const Case& c : cases) {
    const auto start = std::chrono::steady_clock::now();
    const RawExchange x = Exchange(port, c.pieces, c.half_close, kDeadline);
    if (std::chrono::steady_clock::now() - start > std::chrono::seconds(2)) {
      std::printf("slow case \"%s\"\n", c.name.c_str());
    }
    for (const RawAnswer& a : x.answers) tally.by_status[a.status]++;
    tally.closed_without_answer += x.answers.empty() && x.closed;
    const std::string failure = Check(c, x);
    if (!failure.empty()) {
      ++tally.failures;
      ADD_FAILURE() << "pass " << pass << ", case \"" << c.name << "\": " << failure << "\n"
                    << Describe(x);
    }
    if (serve.HasExited()) {
      ADD_FAILURE() << "the server died on case \"" << c.name << "\"\n" << serve.Stderr();
      return false;
    }
  }
  const RawExchange health = Exchange(port, {Request("GET", "/healthz")}, false, kDeadline);
  if (health.answers.empty() || health.answers[0].status != 200) {
    ADD_FAILURE() << "/healthz after pass " << pass << ": " << Describe(health);
    return false;
  }
  tally.resident_kb.push_back(ResidentKb(serve.pid()));
  return true;
}

TEST(HostileHttpTest, EveryCaseIsA4xxOrAClosedConnection) {
  const std::string dir = TempDirFor(CurrentTestName());
  ServeProcess serve(dir, {"--catalog", GoCatalogPath(), "--db", dir + "/learners.db", "--port",
                           "0", "--access-log", "off", "--threads", std::to_string(kThreads)});
  const int port = serve.WaitForPort();
  ASSERT_GT(port, 0) << serve.Stderr();
  std::vector<Case> cases = HostileCases();
  ASSERT_GE(cases.size(), 200u);
  // PATHRANK_HOSTILE_FILTER=<text> runs only the cases whose name contains it
  // (to look into one family).
  if (const char* filter = std::getenv("PATHRANK_HOSTILE_FILTER")) {
    std::erase_if(cases, [&](const Case& c) { return c.name.find(filter) == std::string::npos; });
  }
  // The learner the learner routes use.
  const RawExchange ada =
      Exchange(port,
               {Request("PUT", "/v1/learners/ada",
                        R"({"catalog": "go-backend", "goals": {"rest-api": 1}})")},
               false, kDeadline);
  ASSERT_FALSE(ada.answers.empty()) << Describe(ada);
  ASSERT_EQ(ada.answers[0].status, 201) << Describe(ada);

  // Every pass runs and checks every case. The first pass is also the
  // warm-up: it takes the server's memory to its working size for these
  // requests (allocator arenas, caches); the passes after it must not grow
  // it by more than 10%.
  Tally tally;
  for (int pass = 0; pass < kPasses; ++pass) {
    ASSERT_TRUE(RunPass(pass, port, cases, serve, tally)) << tally.Summary(cases.size());
  }
  const long baseline_kb = tally.resident_kb.front(), after_kb = tally.resident_kb.back();
  ASSERT_GT(baseline_kb, 0);
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer holds freed memory in its quarantine (up to 256 MB) before
  // reusing it, so the sanitizer build's resident memory grows with every byte
  // freed, leak or not. The bound is checked in the optimised build (the
  // `test-reliability` stage of make test runs this test there).
  std::printf(
      "hostile: resident memory bound not checked under AddressSanitizer "
      "(%ld kB -> %ld kB)\n",
      baseline_kb, after_kb);
#else
  EXPECT_LE(after_kb, baseline_kb * 11 / 10)
      << "resident memory " << baseline_kb << " kB after the warm-up pass, " << after_kb
      << " kB after " << kPasses << " passes";
#endif
  std::printf("%s\n", tally.Summary(cases.size()).c_str());
  serve.Signal(SIGTERM);
  EXPECT_EQ(serve.Wait(), 0) << serve.Stderr();
}

}  // namespace
}  // namespace pathrank::testing
