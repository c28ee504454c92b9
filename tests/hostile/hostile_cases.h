// The hostile-input table: one row per case (a wrong-type row expands to one
// case per wrong value). Each case is the exact bytes sent on one connection
// and what the server must do with them.

#ifndef PATHRANK_TESTS_HOSTILE_HOSTILE_CASES_H_
#define PATHRANK_TESTS_HOSTILE_HOSTILE_CASES_H_

#include <string>
#include <vector>

namespace pathrank::testing {

enum class Want {
  kOk,              // a 2xx: the valid request the hostile ones are derived from
  kField,           // a 4xx problem+json whose errors[] names `field` ("in:pointer")
  kProblem,         // a 4xx problem+json with a non-empty errors[]
  kRejected,        // every answer a 4xx, or the connection closed without one
  kNoServerError,   // any answers, none 5xx (the request may well be fine)
  kOkThenRejected,  // a pipeline: the first answer 2xx, the rest 4xx or closed
};

struct Case {
  std::string name;
  std::vector<std::string> pieces;  // written in turn on one connection
  Want want = Want::kRejected;
  std::string field;        // for kField: "body:/k", "path:/lid", "query:/limit"
  int status = 0;           // for kField/kProblem/kRejected: the exact status, 0 = any 4xx
  bool half_close = false;  // shut down the write side after the pieces
};

// Every case. The server under test serves the Go catalog as "go-backend",
// has no API keys, and has a learner "ada"; bodies stay under its 1 MiB limit
// unless the case is about the limit.
std::vector<Case> HostileCases();

}  // namespace pathrank::testing

#endif  // PATHRANK_TESTS_HOSTILE_HOSTILE_CASES_H_
