// A/B experiments over scoring profiles (ExperimentConfig in config.h;
// docs/experiments.md): which experiment applies to a request, which
// variant a learner id gets, the configuration checks, and the
// per-variant request counters of /metrics.
//
// Assignment: the first 8 bytes of SHA-256("<experiment>\n<learner id>")
// as a number in [0, 1) pick the variant whose cumulative share range holds
// it. SHA-256 (not std::hash, which differs between builds) makes the
// assignment the same on every replica, build and restart; changing an
// experiment's name reshuffles it, changing shares moves only the ids near
// the moved boundaries.
//
// Thread safety: free functions are pure; ExperimentCounters is safe for
// concurrent Count and Prometheus calls.

#ifndef PATHRANK_SERVER_OPS_EXPERIMENTS_H_
#define PATHRANK_SERVER_OPS_EXPERIMENTS_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ops/config.h"

namespace pathrank::server {

// The point of (experiment, learner) in [0, 1).
double AssignmentPoint(std::string_view experiment, std::string_view learner_id);

// One learner's variant of one experiment. Pointers into the config.
struct Assignment {
  const ExperimentConfig* experiment = nullptr;
  size_t variant = 0;
  const ExperimentVariantConfig& variant_config() const { return experiment->variants[variant]; }
};

// The variant of `learner_id` in the first experiment (config order) active
// at `now_ms` for `catalog`; nullopt when none applies or the id is empty.
std::optional<Assignment> AssignExperiment(const std::vector<ExperimentConfig>& experiments,
                                           std::string_view catalog, std::string_view learner_id,
                                           int64_t now_ms);

// The profile name a variant is scored with: its `profile`, or
// "<experiment>.<variant>" for a `path` variant.
std::string VariantProfileName(const ExperimentConfig& experiment,
                               const ExperimentVariantConfig& variant);

// Checks `experiments` (names, shares, times, one of profile/path per
// variant), adding one (JSON pointer, message) per problem to `errors`;
// adds every `path` variant to `profiles` under VariantProfileName so the
// registry loads (and reloads) it.
void CheckExperiments(const std::vector<ExperimentConfig>& experiments,
                      std::vector<ProfileSourceConfig>* profiles,
                      std::vector<std::pair<std::string, std::string>>* errors);

// Requests served per (experiment, variant), for /metrics.
class ExperimentCounters {
 public:
  // REQUIRES: `experiments` outlives this object.
  explicit ExperimentCounters(const std::vector<ExperimentConfig>& experiments);

  void Count(const Assignment& assignment);

  // pathrank_experiment_requests_total{experiment,variant}; "" without
  // experiments.
  std::string Prometheus() const;

 private:
  const std::vector<ExperimentConfig>& experiments_;
  std::vector<size_t> first_;  // index of each experiment's first variant in counts_
  std::unique_ptr<std::atomic<uint64_t>[]> counts_;
};

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_OPS_EXPERIMENTS_H_
