// An Exercism track's curated concept order as a pathrank evaluation set —
// "curated order, not learner behaviour": it tells how well a ranking
// predicts the order a track's maintainers chose, not what learners did.
//
// Read from ../shared/datasets/exercism/<track>/config.json (a small reader
// of its own; it does not depend on the Exercism plugin).
// - Concept exercises with status "wip" or "deprecated" are left out (the
//   website does not show them to new students).
// - Order: the track's syllabus unlocks a concept exercise once every
//   prerequisite concept is taught; the curated order takes, repeatedly, the
//   first exercise in config order whose prerequisites are all taught, and
//   teaches its concepts (one event; its concepts are its truths). An
//   exercise whose prerequisites can never be met (a concept no kept
//   exercise teaches) is unlocked when nothing else is, with those
//   prerequisites dropped and counted.
// - Catalog: one item per taught concept (id the concept slug, title its
//   name), listed in the order of config.json's `concepts` array (the
//   catalog-order baseline), one stage; each concept `requires` every
//   prerequisite of the exercise that first teaches it (weight 1), except
//   dropped ones. Every clause points backwards in the curated order, so the
//   graph is acyclic.
// - One trajectory, learner "<track>-curated".

#ifndef PATHRANK_BENCH_QUALITY_EXERCISM_ORDER_H_
#define PATHRANK_BENCH_QUALITY_EXERCISM_ORDER_H_

#include <memory>
#include <string>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/catalog_spec.h"
#include "pathrank/eval/trajectory.h"
#include "pathrank/status.h"

namespace pathrank::quality {

struct ExercismOrder {
  CatalogSpec spec;
  std::shared_ptr<const Catalog> catalog;
  std::vector<Trajectory> trajectories;  // one: the curated order
  size_t exercises = 0;                  // concept exercises kept
  size_t dropped_prerequisites = 0;      // prerequisite concepts no kept exercise teaches
};

// Reads `<track_dir>/config.json`; `track` names the catalog.
Result<ExercismOrder> LoadExercismOrder(const std::string& track_dir, const std::string& track);

}  // namespace pathrank::quality

#endif  // PATHRANK_BENCH_QUALITY_EXERCISM_ORDER_H_
