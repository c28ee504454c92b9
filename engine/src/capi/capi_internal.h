// What the C API's translation units share: the handle structs behind the
// opaque types of pathrank/c.h, error reporting into `char** errmsg`, and
// Guard, the edge at which every C++ exception stops.

#ifndef PATHRANK_CAPI_CAPI_INTERNAL_H_
#define PATHRANK_CAPI_CAPI_INTERNAL_H_

#include <cmath>
#include <limits>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "pathrank/batch_scorer.h"
#include "pathrank/c.h"
#include "pathrank/catalog.h"
#include "pathrank/learner.h"
#include "pathrank/planner.h"
#include "pathrank/scorer.h"
#include "pathrank/scoring_profile.h"
#include "pathrank/status.h"
#include "pathrank/team_matcher.h"

struct pathrank_catalog {
  std::shared_ptr<const pathrank::Catalog> catalog;
  std::unique_ptr<pathrank::Scorer> scorer;      // of `catalog`
  std::unique_ptr<pathrank::BatchScorer> batch;  // of *scorer
};

struct pathrank_profile {
  pathrank::ScoringProfile profile;
};

struct pathrank_learner {
  std::shared_ptr<const pathrank::Catalog> catalog;  // the state's catalog
  pathrank::LearnerState state;
};

struct pathrank_ranking {
  std::shared_ptr<const pathrank::Catalog> catalog;  // resolves item ids
  std::vector<pathrank::Recommendation> entries;
  std::vector<std::string> reasons;  // one per entry; "" without explanation
};

struct pathrank_plan {
  std::shared_ptr<const pathrank::Catalog> catalog;
  pathrank::Plan plan;
};

struct pathrank_team {
  std::shared_ptr<const pathrank::Catalog> catalog;
  std::vector<pathrank::TeamMatch> matches;
};

namespace pathrank::capi {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Replaces *errmsg (when errmsg is not null) with a malloc'd copy of
// `prefix` + `message`, freeing the old one. Never throws (when memory runs
// out *errmsg becomes null).
void SetError(char** errmsg, std::string_view message, std::string_view prefix = {}) noexcept;

// Reports `status` (not OK) through errmsg and returns its code.
pathrank_status Fail(const Status& status, char** errmsg);

// Shorthand for an InvalidArgument failure.
pathrank_status FailInvalid(std::string message, char** errmsg);

// Runs `body` (returning pathrank_status) and turns any exception into
// PATHRANK_INTERNAL with a message: the C API's exception edge.
template <typename Body>
pathrank_status Guard(char** errmsg, Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    SetError(errmsg, "out of memory");
  } catch (const std::exception& e) {
    SetError(errmsg, e.what(), "internal error: ");
  } catch (...) {
    SetError(errmsg, "internal error: unknown exception");
  }
  return PATHRANK_INTERNAL;
}

// The profile to use: `profile`'s, or the default one when it is null.
const ScoringProfile& ProfileOrDefault(const pathrank_profile* profile);

// The item id of `i` in `catalog` as a C string.
inline const char* ItemIdOf(const Catalog& catalog, ItemId i) { return catalog.item(i).id.c_str(); }

// Parses an optional kind name; false (with the error reported) when
// `kind` is not null and not a kind.
bool ParseKindArg(const char* kind, std::vector<ItemKind>* kinds, char** errmsg);

}  // namespace pathrank::capi

#endif  // PATHRANK_CAPI_CAPI_INTERNAL_H_
