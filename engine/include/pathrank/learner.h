// LearnerState: one learner's mastery and goals, resolved against a catalog.
//
// Thread safety: plain values.

#ifndef PATHRANK_LEARNER_H_
#define PATHRANK_LEARNER_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/export.h"
#include "pathrank/status.h"

namespace pathrank {

struct LearnerState {
  // Mastery per item, dense: item_count() entries in [0, 1] (0 = unknown).
  std::vector<double> mastery;
  // Goals: (index into Catalog::goals(), weight > 0).
  std::vector<std::pair<uint32_t, double>> goals;
  // Items the learner reached most recently, newest first (used by the
  // sequence term; may be empty).
  std::vector<ItemId> recent;
};

// Limits on goal weights accepted from callers.
inline constexpr double kMaxGoalWeight = 100.0;

// Resolves a learner given by ids. Every problem becomes a field error:
// "/mastery/<id>" for an unknown item or a value outside [0, 1] (or NaN),
// "/goals/<id>" for an unknown goal or a weight not in (0, 100].
// Fails with InvalidArgument listing them all. The state is the caller's:
// it refers to `catalog` by dense ids only, so it is valid for that catalog
// (and any catalog built from the same spec) and no other.
PATHRANK_EXPORT Result<LearnerState> MakeLearnerState(const Catalog& catalog,
                                                      const std::map<std::string, double>& mastery,
                                                      const std::map<std::string, double>& goals);

}  // namespace pathrank

#endif  // PATHRANK_LEARNER_H_
