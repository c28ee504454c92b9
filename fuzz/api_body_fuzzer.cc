// Fuzzes one POST body parser of the API (server/api/json_api.h), chosen at
// compile time by PATHRANK_FUZZ_BODY (fuzz/CMakeLists.txt builds one target
// per body): recommend, plan, team_match, learner_put, progress. The
// parsers answer every input with nullopt or a problem; a problem must be a
// 400 or 422 (json_api.h) with a detail, else the target aborts.

#include <cstdio>
#include <cstdlib>

#include "api/json_api.h"
#include "fuzz_input.h"

namespace {

using pathrank::server::Problem;

std::optional<Problem> Parse(std::string_view body) {
  namespace s = pathrank::server;
#if PATHRANK_FUZZ_BODY == 1
  s::RecommendRequest out;
  return s::ParseRecommendRequest(body, &out);
#elif PATHRANK_FUZZ_BODY == 2
  s::PlanRequest out;
  return s::ParsePlanRequest(body, &out);
#elif PATHRANK_FUZZ_BODY == 3
  s::TeamMatchApiRequest out;
  return s::ParseTeamMatchRequest(body, &out);
#elif PATHRANK_FUZZ_BODY == 4
  s::LearnerPutRequest out;
  return s::ParseLearnerPut(body, &out);
#elif PATHRANK_FUZZ_BODY == 5
  s::ProgressRequest out;
  // A fixed "now" (2026-01-01T00:00:00Z) keeps runs reproducible.
  return s::ParseProgressRequest(body, 1767225600000, 1000, &out);
#else
#error "PATHRANK_FUZZ_BODY must be 1..5"
#endif
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::optional<Problem> problem = Parse(pathrank::fuzz::AsText(data, size));
  if (!problem) return 0;
  const int status = pathrank::server::HttpStatus(problem->type);
  if ((status != 400 && status != 422) || problem->detail.empty()) {
    std::fprintf(stderr, "api body: status %d, detail \"%s\" for bad input\n", status,
                 problem->detail.c_str());
    std::abort();
  }
  return 0;
}
