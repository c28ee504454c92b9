// Placement: an adaptive check that finds what a new learner already knows
// in a few questions (knowledge-space theory, as in ALEKS). docs/placement.md
// describes the model and its figures.
//
// Model. Every item has a marginal probability of being known, m_i. Knowing
// an item implies knowing its hard prerequisites: the alternatives of its
// `requires` clauses that have exactly one alternative, transitively (its
// "ancestors"). An answer about item q is a noisy observation of q:
//   P("knows" | known) = 1 - slip,  P("knows" | not known) = guess.
// Bayes' rule gives q's new marginal m_q'. The answer is then propagated to
// the items the implication reaches, as the update of the pair (q, a) or
// (q, d) under it: when q's marginal rises, every ancestor a rises
//   m_a' = 1 - (1 - m_q') (1 - m_a) / (1 - m_q)   (a is known when q is)
// and when it falls, every dependent d (q is d's ancestor) falls
//   m_d' = m_q' m_d / m_q                          (d is unknown when q is)
// so a "yes" raises the item and its prerequisites, a "no" lowers the item
// and what depends on it, and a slip is outweighed by the answers around it.
// (The other directions are not propagated: chaining them over-counts
// correlated answers; docs/placement.md shows the measurement.)
// "Not sure" carries no evidence: the item is not asked again.
//
// Prior: a root (no hard prerequisite) is known with `prior_root`; every
// other item with prior_step times the least of its hard prerequisites' priors
// (consistent with the implication: an item is never likelier than its
// prerequisites).
//
// Choice. The next question is the unasked item of the scope with the largest
// expected reduction of the summed binary entropy of the scope's marginals
// (ties: earlier in the topological order), or with PlacementOrder::kCatalog
// the next unasked scope item in catalog order (the baseline of the figure).
// The session ends when the best expected reduction is below `min_gain`
// bits, after `max_questions` answers, or when every scope item was asked.
//
// Cost: O(items x closure) to start (each item's ancestors and dependents)
// and per answer O(scope x closure) to choose the next question.
//
// Thread safety: PlacementModel is immutable after Build() and may be shared
// by any number of sessions and threads. A PlacementSession is a plain value:
// one thread at a time.

#ifndef PATHRANK_PLACEMENT_H_
#define PATHRANK_PLACEMENT_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/export.h"
#include "pathrank/status.h"

namespace pathrank {

enum class PlacementAnswer : uint8_t { kKnows, kDoesNotKnow, kNotSure };

// "knows", "does_not_know", "not_sure".
PATHRANK_EXPORT std::string_view PlacementAnswerName(PlacementAnswer answer);
// The answer named `name` (the names above); nullopt for any other text.
PATHRANK_EXPORT std::optional<PlacementAnswer> ParsePlacementAnswer(std::string_view name);

enum class PlacementOrder : uint8_t {
  kAdaptive,  // the most informative question (the default)
  kCatalog,   // the next scope item in catalog order (a baseline)
};

// Upper bound of PlacementOptions::max_questions.
inline constexpr uint32_t kMaxPlacementQuestions = 200;

struct PlacementOptions {
  double slip = 0.1;            // P("does not know" | known), in [0, 0.5)
  double guess = 0.1;           // P("knows" | not known), in [0, 0.5)
  double prior_root = 0.3;      // prior of an item without hard prerequisites, in (0, 1)
  double prior_step = 0.8;      // prior factor per hard prerequisite hop, in (0, 1]
  uint32_t max_questions = 25;  // in [1, kMaxPlacementQuestions]
  double min_gain = 1.5;        // bits; stop when no question is expected to gain more, >= 0
  // The items that may be asked; empty for every item. Mastery is still
  // estimated for every item (answers propagate beyond the scope).
  std::vector<ItemId> scope;
  PlacementOrder order = PlacementOrder::kAdaptive;
};

// Fails with InvalidArgument naming the option ("slip", "max_questions", ...)
// when one is out of range or a scope item is not an item of `catalog`.
PATHRANK_EXPORT Status ValidatePlacementOptions(const Catalog& catalog,
                                                const PlacementOptions& options);

// The goals' closure: every item a goal demands and, transitively, every
// alternative of every clause (hard or soft) of those items; sorted by id.
// REQUIRES: each index < catalog.goals().size().
PATHRANK_EXPORT std::vector<ItemId> GoalClosure(const Catalog& catalog,
                                                std::span<const uint32_t> goals);

// The implication structure of one catalog: per item, its hard ancestors and
// dependents. Build once per catalog and share.
class PATHRANK_EXPORT PlacementModel {
 public:
  // Shares ownership of `catalog`. REQUIRES: catalog != nullptr.
  static std::shared_ptr<const PlacementModel> Build(std::shared_ptr<const Catalog> catalog);

  const Catalog& catalog() const { return *catalog_; }
  // Transitive hard prerequisites of `i` / items that hard-require `i`
  // transitively; sorted. REQUIRES: i < catalog().item_count().
  std::span<const ItemId> ancestors(ItemId i) const { return ancestors_[i]; }
  std::span<const ItemId> dependents(ItemId i) const { return dependents_[i]; }
  // Hard prerequisite hops from a root to `i` along the longest chain.
  uint32_t depth(ItemId i) const { return depth_[i]; }

 private:
  PlacementModel() = default;
  std::shared_ptr<const Catalog> catalog_;
  std::vector<std::vector<ItemId>> ancestors_, dependents_;
  std::vector<uint32_t> depth_;
};

struct PlacementStep {
  ItemId item = 0;
  PlacementAnswer answer = PlacementAnswer::kNotSure;
  bool operator==(const PlacementStep&) const = default;
};

class PATHRANK_EXPORT PlacementSession {
 public:
  // A session over `model` (shared). Fails like ValidatePlacementOptions.
  // REQUIRES: model != nullptr.
  static Result<PlacementSession> Start(std::shared_ptr<const PlacementModel> model,
                                        PlacementOptions options);

  // The item to ask next; nullopt once done().
  std::optional<ItemId> next() const { return next_; }
  bool done() const { return !next_.has_value(); }

  // Records the answer to `item`. Fails with FailedPrecondition when the
  // session is done, InvalidArgument when `item` is not the item asked
  // (next()). Then chooses the next question (or ends).
  Status Answer(ItemId item, PlacementAnswer answer);

  // P(known) per item (item_count() entries, each in [0, 1]).
  std::span<const double> mastery() const { return mastery_; }
  // Items with P(known) >= 0.5, by id.
  std::vector<ItemId> Known() const;
  // The answers so far, in order.
  std::span<const PlacementStep> asked() const { return asked_; }
  // The items that may be asked, sorted.
  std::span<const ItemId> scope() const { return scope_; }
  const PlacementOptions& options() const { return options_; }
  // The expected gain (bits) of next(); 0 when done or in catalog order.
  double next_gain() const { return next_gain_; }

 private:
  PlacementSession() = default;
  void ChooseNext();
  double ExpectedGain(ItemId q) const;
  // q's marginal after observing `answer` about it.
  double Posterior(ItemId q, PlacementAnswer answer) const;

  std::shared_ptr<const PlacementModel> model_;
  PlacementOptions options_;
  std::vector<double> mastery_;
  std::vector<ItemId> scope_;
  std::vector<uint8_t> in_scope_, asked_flag_;
  std::vector<PlacementStep> asked_;
  std::optional<ItemId> next_;
  double next_gain_ = 0;
};

}  // namespace pathrank

#endif  // PATHRANK_PLACEMENT_H_
