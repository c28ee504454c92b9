// LearnerState: one learner's mastery and goals, resolved against a catalog.
//
// Thread safety: plain values.

#ifndef PATHRANK_LEARNER_H_
#define PATHRANK_LEARNER_H_

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/export.h"
#include "pathrank/status.h"

namespace pathrank {

// A mastery the learner did not state but that follows from one they did:
// `from` (mastery m) has a `requires` clause whose only alternative is
// `item`, so the learner knows at least m of `item` (knowledge-space theory's
// downward closure over hard prerequisites).
struct InferredMastery {
  ItemId item = 0;
  double mastery = 0;
  ItemId from = 0;  // the stated or inferred item it follows from
  bool operator==(const InferredMastery&) const = default;
};

struct LearnerState {
  // Mastery per item, dense: item_count() entries in [0, 1] (0 = unknown).
  std::vector<double> mastery;
  // Goals: (index into Catalog::goals(), weight > 0).
  std::vector<std::pair<uint32_t, double>> goals;
  // Items the learner reached most recently, newest first (used by the
  // sequence term; may be empty).
  std::vector<ItemId> recent;
  // Entries of `mastery` raised by InferPrerequisiteMastery, sorted by item.
  std::vector<InferredMastery> inferred;
};

// Limits on goal weights accepted from callers.
inline constexpr double kMaxGoalWeight = 100.0;

// Downward closure over hard prerequisites: visiting items dependents first,
// for every `requires` clause with a single alternative `a` of an item `i`
// with mastery m_i, raises m_a to m_i unless the learner stated a mastery
// for `a` (`stated[a]` != 0: a stated mastery is never overridden, even a
// lower one). Chains follow (gin -> go-net-http -> ... -> go-environment).
// Clauses with several alternatives infer nothing (which one was learned is
// unknown); `recommends` clauses infer nothing. Appends each raised item to
// learner->inferred (sorted by item). REQUIRES: learner->mastery.size() ==
// stated.size() == catalog.item_count().
PATHRANK_EXPORT void InferPrerequisiteMastery(const Catalog& catalog,
                                              std::span<const uint8_t> stated,
                                              LearnerState* learner);

// The inferred entry of `item`, or null when its mastery was not inferred.
PATHRANK_EXPORT const InferredMastery* FindInferred(const LearnerState& learner, ItemId item);

// Resolves a learner given by ids. Every problem becomes a field error:
// "/mastery/<id>" for an unknown item or a value outside [0, 1] (or NaN),
// "/goals/<id>" for an unknown goal or a weight not in (0, 100].
// Fails with InvalidArgument listing them all. With `infer_prerequisites`
// (the default; ScoringProfile::infer_mastery) the stated mastery is closed
// downwards by InferPrerequisiteMastery. The state is the caller's:
// it refers to `catalog` by dense ids only, so it is valid for that catalog
// (and any catalog built from the same spec) and no other.
PATHRANK_EXPORT Result<LearnerState> MakeLearnerState(const Catalog& catalog,
                                                      const std::map<std::string, double>& mastery,
                                                      const std::map<std::string, double>& goals,
                                                      bool infer_prerequisites = true);

}  // namespace pathrank

#endif  // PATHRANK_LEARNER_H_
