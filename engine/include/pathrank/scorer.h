// Scorer: ranks the next items for one learner, and explains each ranking.
//
// A Scorer is made once per catalog (it precomputes the static terms:
// foundation and the hours scale) and then answers any number of requests.
// Each request is O(items + clause entries): clause satisfaction, coverage,
// goal relevance propagated backwards through the DAG in one pass, unlock and
// effort, then a partial sort for the top k. docs/scoring.md defines every
// term.
//
// Thread safety: immutable after construction; Recommend() and Score() may
// run concurrently from any number of threads.

#ifndef PATHRANK_SCORER_H_
#define PATHRANK_SCORER_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/export.h"
#include "pathrank/learner.h"
#include "pathrank/scoring_profile.h"
#include "pathrank/status.h"

namespace pathrank {

class SequenceModel;

// The value of each term for one item, each in [0, 1] (effort too).
struct Terms {
  double coverage = 0;
  double relevance = 0;
  double unlock = 0;
  double foundation = 0;
  double sequence = 0;
  double effort = 0;
};

// An unmet clause of a ranked item, with the learner's mastery of each
// alternative.
struct ClauseGap {
  uint32_t clause = 0;  // global clause index
  ClauseType type = ClauseType::kRequires;
  double weight = 1;
  double satisfaction = 0;                              // max mastery over the alternatives
  std::vector<std::pair<ItemId, double>> alternatives;  // (item, mastery)
};

// How an item serves one of the learner's goals: `via` runs from the item
// to a target of the goal, each element a prerequisite of the next.
struct GoalService {
  uint32_t goal = 0;     // index into Catalog::goals()
  double relevance = 0;  // this goal's share of the item's relevance (unnormalised)
  std::vector<ItemId> via;
};

struct Explanation {
  Terms contributions;              // weight * term * (1 - mastery), effort negative
  std::vector<ClauseGap> missing;   // clauses below full satisfaction
  std::vector<GoalService> serves;  // goals with a share > 0, largest first
  std::vector<ItemId> unlocks;      // dependents whose coverage rises, largest gain first
  // The item's prerequisites (alternatives of its clauses) whose mastery was
  // inferred, not stated (LearnerState::inferred), by item.
  std::vector<InferredMastery> inferred;
};

struct Recommendation {
  ItemId item = 0;
  double score = 0;
  bool ready = true;  // every `requires` clause is met
  Terms terms;
  std::optional<Explanation> explanation;  // when RecommendOptions::explain
};

struct RecommendOptions {
  size_t k = 10;                 // at most this many items
  std::vector<ItemKind> kinds;   // only these kinds; empty for all
  std::vector<ItemId> exclude;   // never rank these
  bool include_blocked = false;  // also rank items that are not ready
  bool explain = false;
  // Optional learned sequence term (see sequence_model.h); not owned.
  const SequenceModel* sequence = nullptr;
};

// Every term and the score of every item for one learner.
struct ScoreSheet {
  std::vector<double> score;
  std::vector<Terms> terms;
  std::vector<uint8_t> ready;
  std::vector<double> satisfaction;  // per global clause
};

class PATHRANK_EXPORT Scorer {
 public:
  // Shares ownership of `catalog`, so the catalog lives as long as any
  // Scorer of it. REQUIRES: catalog != nullptr.
  explicit Scorer(std::shared_ptr<const Catalog> catalog);

  const Catalog& catalog() const { return *catalog_; }
  const std::shared_ptr<const Catalog>& catalog_ptr() const { return catalog_; }

  // Static term: the items building on `i`, times its stage's earliness in
  // the teaching order, normalised to [0, 1] (docs/scoring.md).
  // REQUIRES: i < catalog().item_count().
  double foundation(ItemId i) const { return foundation_[i]; }

  // The top `options.k` items for `learner`, best first. Items mastered
  // (m >= theta), excluded, of another kind, or not ready (unless
  // include_blocked) are not ranked. Ties break by stage order, then id.
  // Fails with InvalidArgument when the learner does not match the catalog
  // (mastery size) or k is 0. options.sequence, when set, must outlive the
  // call; the result owns everything it holds.
  Result<std::vector<Recommendation>> Recommend(const LearnerState& learner,
                                                const ScoringProfile& profile,
                                                const RecommendOptions& options) const;

  // Every term of every item (no filtering, no ranking); what Recommend()
  // ranks. REQUIRES: learner.mastery.size() == catalog().item_count().
  void Score(const LearnerState& learner, const ScoringProfile& profile,
             const SequenceModel* sequence, ScoreSheet* sheet) const;
  // (`sheet` is resized and overwritten; `sequence` may be null.)

  // The explanation of item `i` given a sheet from Score() for the same
  // learner and profile. REQUIRES: i < catalog().item_count().
  Explanation Explain(const LearnerState& learner, const ScoringProfile& profile,
                      const ScoreSheet& sheet, ItemId i) const;

  // True when `a` ranks before `b` at equal-or-better score: the ranking
  // order shared by Recommend(), the planner and the batch scorer.
  bool RanksBefore(ItemId a, double score_a, ItemId b, double score_b) const;

 private:
  friend class BatchScorer;

  std::shared_ptr<const Catalog> catalog_;
  std::vector<double> foundation_;         // per item, [0, 1]
  std::vector<double> hours_scale_;        // per item: log1p(hours) / log1p(max hours)
  std::vector<double> difficulty_;         // per item, as a double
  std::vector<double> clause_share_;       // per clause: w_c / sum of the item's weights
  std::vector<double> alternative_share_;  // per clause: clause_share_ / alternatives
};

}  // namespace pathrank

#endif  // PATHRANK_SCORER_H_
