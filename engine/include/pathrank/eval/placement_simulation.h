// Placement simulation: how well the adaptive placement (placement.h) finds
// simulated learners' states, against asking items in catalog order.
//
// Learners: SimulateLearners() walks (simulator.h, seeded), each cut after a
// uniformly drawn number of steps in [0, steps]; the items reached before the
// cut are the learner's true state (closed under `requires` clauses, as the
// walk waits for them). Each answer is drawn from the truth with the given
// slip and guess rates ("not sure" is never answered).
//
// Item-level accuracy: the share of the catalog's items whose estimate
// (P(known) >= 0.5) matches the truth, averaged over learners.
//
// Thread safety: a pure function.

#ifndef PATHRANK_EVAL_PLACEMENT_SIMULATION_H_
#define PATHRANK_EVAL_PLACEMENT_SIMULATION_H_

#include <cstdint>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/export.h"
#include "pathrank/placement.h"
#include "pathrank/status.h"

namespace pathrank {

struct PlacementSimulationOptions {
  uint32_t learners = 1000;  // in [1, 1'000'000]
  uint64_t seed = 1;
  double slip = 0.1;              // the simulated learners' answer noise, in [0, 0.5)
  double guess = 0.1;             // in [0, 0.5)
  uint32_t curve_questions = 30;  // the curves' length, in [1, kMaxPlacementQuestions]
  // The session's options (the model's slip and guess, prior, stop rule);
  // scope and order are set by the simulation.
  PlacementOptions placement;
};

struct PlacementSimulationResult {
  // Mean accuracy after k = 0..curve_questions answers, the session never
  // stopping early (min_gain 0): adaptive order, then catalog order.
  std::vector<double> adaptive_curve;
  std::vector<double> catalog_curve;
  // With the stop rule of `placement`: mean accuracy at the stop, and the
  // number of questions asked (median, mean, 90th percentile).
  double stopped_accuracy = 0;
  double median_questions = 0;
  double mean_questions = 0;
  double p90_questions = 0;
  double stopped_catalog_accuracy = 0;  // catalog order, as many questions as adaptive asked
  double known_share = 0;               // mean share of items truly known
};

// Fails with InvalidArgument for options out of range or an empty catalog.
// Deterministic for a seed.
PATHRANK_EXPORT Result<PlacementSimulationResult> SimulatePlacement(
    std::shared_ptr<const Catalog> catalog, const PlacementSimulationOptions& options);

}  // namespace pathrank

#endif  // PATHRANK_EVAL_PLACEMENT_SIMULATION_H_
