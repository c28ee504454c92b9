// TransitionModel: the learned sequence term (sequence_model.h) — smoothed
// first-order transition probabilities between items, learned from
// trajectories, mixed over the learner's most recent items.
//
// Learning counts, over every learner's trajectory (steps grouped by step
// number into events E_1, E_2, ...):
//   start(i)  = learners whose first event holds i
//   c(j -> i) = times an event holding j is directly followed by one
//               holding i (every pair of the two events counts once)
//   pop(i)    = learners who reached i
// The prior is Laplace-smoothed popularity p(i) = (pop(i) + 1) /
// (sum pop + n), and with smoothing alpha:
//   P(i | j)     = (c(j -> i) + alpha * p(i)) / (c(j -> .) + alpha)
//   P(i | start) = (start(i) + alpha * p(i)) / (sum start + alpha)
// The term for a learner whose recent items (newest first) are r_0, r_1, ...
// mixes the first `recent_items` of them with weights decay^k:
//   mix(i) = sum_k decay^k P(i | r_k) / sum_k decay^k   (P(i | start) when
//            the learner has no recent item)
//   seq(i) = mix(i) / max_j mix(j), in [0, 1].
// Score() is O(items + transitions out of the recent items).
//
// The model file (`pathrank.sequence/v1`, docs/evaluation.md) holds the
// counts by item id and the options.
//
// Thread safety: immutable after construction; Score() may run
// concurrently.

#ifndef PATHRANK_TRANSITION_MODEL_H_
#define PATHRANK_TRANSITION_MODEL_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/eval/trajectory.h"
#include "pathrank/export.h"
#include "pathrank/sequence_model.h"
#include "pathrank/status.h"

namespace pathrank {

inline constexpr std::string_view kSequenceModelFormat = "pathrank.sequence/v1";

struct TransitionModelOptions {
  double smoothing = 1.0;      // alpha, >= 0: pseudo-counts toward the prior
  double recency_decay = 0.5;  // in [0, 1]: weight of the k-th newest item is decay^k
  uint32_t recent_items = 3;   // how many of LearnerState::recent to mix, >= 1
  bool operator==(const TransitionModelOptions&) const = default;
};

class PATHRANK_EXPORT TransitionModel final : public SequenceModel {
 public:
  // Learns the counts from `trajectories` over `catalog` (items past the
  // catalog's size are ignored).
  static TransitionModel Learn(const Catalog& catalog, std::span<const Trajectory> trajectories,
                               const TransitionModelOptions& options = {});

  // SequenceModel. REQUIRES: out.size() == item_count().
  void Score(const LearnerState& learner, std::span<double> out) const override;

  // Smoothed P(next = to | last = from). REQUIRES for this and the other
  // per-item accessors: every item id < item_count().
  double Probability(ItemId from, ItemId to) const;
  // Smoothed P(first = to).
  double StartProbability(ItemId to) const;
  // Raw count c(from -> to).
  uint32_t Count(ItemId from, ItemId to) const;
  // Raw pop(i): learners who reached i.
  uint32_t Popularity(ItemId i) const { return popularity_[i]; }
  // Raw start(i): learners whose first event holds i.
  uint32_t StartCount(ItemId i) const { return start_[i]; }

  size_t item_count() const { return popularity_.size(); }
  uint64_t learner_count() const { return learners_; }
  uint64_t transition_count() const { return transitions_; }
  const TransitionModelOptions& options() const { return options_; }
  // A copy with other options (the counts are kept).
  TransitionModel WithOptions(const TransitionModelOptions& options) const;

  // The `pathrank.sequence/v1` document (pretty-printed, trailing newline).
  std::string ToJson(const Catalog& catalog) const;
  // Parses a model file for `catalog`. Fails with InvalidArgument naming the
  // JSON pointer on a wrong format, a catalog id that is not `catalog`'s, an
  // unknown item, or a count or option out of range.
  static Result<TransitionModel> FromJson(const Catalog& catalog, std::string_view text);
  // Reads and parses `path`; errors are prefixed with the path.
  static Result<TransitionModel> Load(const Catalog& catalog, const std::string& path);
  // Writes ToJson() atomically.
  Status Save(const Catalog& catalog, const std::string& path) const;

 private:
  TransitionModel() = default;
  void Finalize();  // prior_ and row sums from the counts

  struct Edge {
    ItemId to;
    uint32_t count;
  };
  TransitionModelOptions options_;
  uint64_t learners_ = 0;
  uint64_t transitions_ = 0;
  std::vector<uint32_t> popularity_;  // per item
  std::vector<uint32_t> start_;       // per item
  std::vector<uint32_t> offsets_;     // item_count() + 1 entries into edges_
  std::vector<Edge> edges_;           // by from-item, then to-item
  std::vector<uint64_t> row_sum_;     // c(j -> .)
  uint64_t start_sum_ = 0;            // sum of start(i)
  std::vector<double> prior_;         // p(i)
};

}  // namespace pathrank

#endif  // PATHRANK_TRANSITION_MODEL_H_
