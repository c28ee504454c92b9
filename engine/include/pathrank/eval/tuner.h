// Tuner: fits a ScoringProfile (and a sequence model) to trajectories.
//
//  1. Split: learners are shuffled by the seed and cut into train /
//     validation / test by the shares (or, given a separate test set, the
//     trajectories are cut into train / validation).
//  2. Sequence model: a TransitionModel learned on the train split. For the
//     search, each training learner's sequence term comes from a model
//     learned on the other folds of train (cross-fitting), so the search does
//     not reward a model for recalling the very step it predicts.
//  3. Search on train (objective: mean NDCG@k over replayed steps, from a
//     precomputed cache, search_cache.h): the base profile, then
//     `random_samples` seeded random weight vectors (each weight 0 with
//     probability 1/4, else log-uniform in [0.03, 10]; lambda and the
//     sequence model's recency decay drawn from their grids), then
//     coordinate descent from the best point (each weight multiplied by 0,
//     1/4, 1/2, 2, 4 — or set to 0.1, 0.3, 1, 3 when 0 — then by 0.7 and 1.4
//     in later rounds; lambda and decay over their grids; a round keeps the
//     best change of each coordinate; it stops after a round without gain).
//     theta and theta_req stay those of the base profile.
//  4. Selection: the best `validation_candidates` distinct points by train
//     objective, and the base profile, are evaluated on validation with the
//     exact scorer; the best validation NDCG@k wins.
//  5. Test: the tuned profile, the base profile, and the baselines
//     (baselines.h; popularity and transition learned on train) on the test
//     split; the tuned profile is compared with every baseline by a
//     Wilcoxon signed-rank test over learners and a paired bootstrap
//     interval of the NDCG@k difference.
// The same inputs and seed give the same result, whatever `threads` is.
//
// Thread safety: Tune() is a pure function of its arguments (it may use
// `threads` threads internally).

#ifndef PATHRANK_EVAL_TUNER_H_
#define PATHRANK_EVAL_TUNER_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "pathrank/eval/evaluator.h"
#include "pathrank/eval/significance.h"
#include "pathrank/eval/trajectory.h"
#include "pathrank/export.h"
#include "pathrank/scorer.h"
#include "pathrank/transition_model.h"

namespace pathrank {

struct TuneProgress {
  std::string phase;      // "cache", "random search", "coordinate descent", "validation", "test"
  size_t done = 0;        // work units done, of
  size_t total = 0;       // an estimate of all units (search evaluations, cache blocks, ...)
  double best_train = 0;  // best train objective so far
};

// How step 3 finds weights: kSearch, the random search and coordinate
// descent above (the baseline); kLearned, a pairwise logistic fit
// (chosen vs not chosen items of each training step, L2, Newton with
// Eigen's LDLT; docs/evaluation.md) for each lambda, decay and L2 of the
// grids, every fit scored by the same train objective.
enum class TuneMethod { kSearch, kLearned };

struct TuneOptions {
  uint64_t seed = 1;
  TuneMethod method = TuneMethod::kSearch;
  std::vector<double> learned_l2 = {1e-4, 1e-2, 1.0};  // kLearned: L2 strengths tried
  size_t learned_pairs_per_truth = 16;                 // kLearned: negatives per truth
  double train_share = 0.6;       // of the learners, when there is no separate test set
  double validation_share = 0.2;  // the rest is test
  size_t k = 10;                  // NDCG@k is the objective; metrics at k
  size_t random_samples = 48;
  size_t descent_rounds = 4;                      // at most
  std::vector<double> lambdas = {0.2, 0.5, 0.8};  // the base profile's lambda is added
  bool sequence = true;                           // learn a sequence model and tune w_seq
  std::vector<double> recency_decays = {0.0, 0.5};
  double smoothing = 1.0;  // the sequence model's alpha
  uint32_t recent_items = 3;
  size_t folds = 5;  // cross-fitting folds of the train split
  // The search uses a seeded sample of training learners with at most this
  // many replayed steps (all of them when fewer).
  size_t max_search_steps = 400'000;
  size_t validation_candidates = 6;
  size_t bootstrap_resamples = 2000;
  size_t threads = 1;
  std::function<void(const TuneProgress&)> progress;  // may be empty
};

// One search evaluation, in order: the tuning curve.
struct TuneCurvePoint {
  size_t evaluation = 0;
  std::string phase;
  double train = 0;       // objective of this point
  double best_train = 0;  // best so far
};

struct ValidationCandidate {
  ScoringProfile profile;
  double recency_decay = 0;
  double train = 0;       // search objective (NDCG@k on train)
  double validation = 0;  // NDCG@k on validation
};

struct BaselineComparison {
  std::string baseline;
  double profile_ndcg = 0;  // step-averaged NDCG@k on test
  double baseline_ndcg = 0;
  BootstrapInterval difference;  // profile - baseline, 95% interval
  WilcoxonResult wilcoxon;       // per-learner mean NDCG@k differences
};

struct TuneReport {
  TuneMethod method = TuneMethod::kSearch;
  ScoringProfile base;
  ScoringProfile tuned;
  // Learned on the train split with the selected decay; empty when
  // TuneOptions::sequence is false.
  std::optional<TransitionModel> sequence;
  size_t train_learners = 0, validation_learners = 0, test_learners = 0;
  size_t train_steps = 0, validation_steps = 0, test_steps = 0, search_steps = 0;
  std::vector<TuneCurvePoint> curve;
  std::vector<ValidationCandidate> validation;  // as evaluated
  size_t selected = 0;                          // index into validation
  // On test: [0] "pathrank" (tuned), [1] "default" (the base profile, no
  // sequence model), then the baselines random, popularity, catalog-order,
  // coverage, transition.
  std::vector<RankerResult> test;
  std::vector<BaselineComparison> comparisons;  // tuned vs each baseline, in test order
  size_t best_baseline = 0;  // index into comparisons: the highest baseline NDCG@k
  double search_seconds = 0, total_seconds = 0;
};

// Tunes `base` on `trajectories`; `test` (may be empty) is a separate
// held-out set. Fails with InvalidArgument when an option is out of range or
// a split would be empty. REQUIRES: the trajectories were read against
// scorer.catalog(). The scorer is only read (one may tune while it serves).
// Deterministic for options' seed whatever the thread count; the report owns
// its data.
PATHRANK_EXPORT Result<TuneReport> Tune(const Scorer& scorer, const ScoringProfile& base,
                                        std::span<const Trajectory> trajectories,
                                        std::span<const Trajectory> test,
                                        const TuneOptions& options);

// Splits learner indexes 0..n-1 into shuffled (seeded) groups by `shares`
// (which sum to at most 1; the last group takes the rest).
PATHRANK_EXPORT std::vector<std::vector<size_t>> SplitLearners(size_t n,
                                                               std::span<const double> shares,
                                                               uint64_t seed);

}  // namespace pathrank

#endif  // PATHRANK_EVAL_TUNER_H_
