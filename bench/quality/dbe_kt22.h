// DBE-KT22 as a pathrank evaluation set (evaluation only: the data is read
// from ../shared/datasets/dbe-kt22 and never copied into the repository).
//
// Catalog: one item per knowledge component (kcs.csv), id "kc-NNN" (the
// dataset's KC id, zero-padded), title the KC name, one stage, 1 hour,
// difficulty 1, no goals. The KC graph (kc_edges.csv) says "related", not
// "prerequisite of", and stores every edge both ways. Each undirected pair
// becomes one soft clause (`recommends`, weight 1) oriented from the KC that
// training students reach earlier on average to the later one: a KC's
// position is the mean, over training students who reach it, of
// (event index) / (events - 1) in their trajectory (0 for a one-event
// trajectory); KCs no training student reaches come last; ties break by KC
// id. Orienting by one total order cannot create a cycle. Items are listed
// in that order, so the catalog-order baseline is "the order learners reach
// items on average".
//
// Trajectories: for each student (dbe_kt22_sequences.csv, rows by step), the
// steps whose question carries a KC the student has not met before; each
// such KC is a row at that step (a question with two new KCs gives one event
// with two truths). Mastery is left at 1 ("reached"). Rows whose question id
// was lost (UNKNOWN) are skipped. Students of the dataset's `train` split
// form `train`, those of `valid` form `test` (the held-out students).

#ifndef PATHRANK_BENCH_QUALITY_DBE_KT22_H_
#define PATHRANK_BENCH_QUALITY_DBE_KT22_H_

#include <memory>
#include <string>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/catalog_spec.h"
#include "pathrank/eval/trajectory.h"
#include "pathrank/status.h"

namespace pathrank::quality {

struct DbeKt22 {
  CatalogSpec spec;
  std::shared_ptr<const Catalog> catalog;
  std::vector<Trajectory> train;  // the dataset's train students
  std::vector<Trajectory> test;   // the dataset's valid students (held out)
  size_t undirected_edges = 0;    // KC pairs, each one clause
  size_t skipped_rows = 0;        // rows without a KC (UNKNOWN question)
};

// Reads kcs.csv, kc_edges.csv and dbe_kt22_sequences.csv from `dir`.
Result<DbeKt22> LoadDbeKt22(const std::string& dir);

}  // namespace pathrank::quality

#endif  // PATHRANK_BENCH_QUALITY_DBE_KT22_H_
