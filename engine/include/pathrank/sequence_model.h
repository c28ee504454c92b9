// SequenceModel: the optional learned "sequence" term of the scoring model —
// how likely learners on a platform go to each item next, given the items
// this learner reached most recently (LearnerState::recent).
//
// The scorer calls Score() once per request; an implementation fills one
// value in [0, 1] per item. With no model the term is zero.
//
// Thread safety: implementations must allow concurrent Score() calls.

#ifndef PATHRANK_SEQUENCE_MODEL_H_
#define PATHRANK_SEQUENCE_MODEL_H_

#include <span>

#include "pathrank/export.h"
#include "pathrank/learner.h"

namespace pathrank {

class PATHRANK_EXPORT SequenceModel {
 public:
  // Implementations are immutable once built: Score() is called
  // concurrently from any number of threads.
  virtual ~SequenceModel() = default;

  // Writes the sequence term of every item into `out`.
  // REQUIRES: out.size() == the catalog's item_count().
  virtual void Score(const LearnerState& learner, std::span<double> out) const = 0;
};

}  // namespace pathrank

#endif  // PATHRANK_SEQUENCE_MODEL_H_
