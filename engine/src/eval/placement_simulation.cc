#include "pathrank/eval/placement_simulation.h"

#include <algorithm>
#include <random>

#include "pathrank/eval/simulator.h"
#include "util/random.h"

namespace pathrank {

namespace {

double Accuracy(const PlacementSession& s, const std::vector<uint8_t>& truth) {
  const std::span<const double> m = s.mastery();
  size_t right = 0;
  for (size_t i = 0; i < truth.size(); ++i) right += (m[i] >= 0.5) == (truth[i] != 0);
  return static_cast<double>(right) / static_cast<double>(truth.size());
}

// One learner's noisy answers: a fixed stream per (seed, learner, item), so
// both orders see the same answer to the same item.
class Responder {
 public:
  Responder(const PlacementSimulationOptions& o, uint32_t learner,
            const std::vector<uint8_t>& truth)
      : o_(o), learner_(learner), truth_(truth) {}
  PlacementAnswer operator()(ItemId item) const {
    std::mt19937_64 rng = internal::SeededRng({o_.seed, learner_, item, 11});
    const double u = internal::UniformDouble(rng);
    const bool says_yes = truth_[item] ? u >= o_.slip : u < o_.guess;
    return says_yes ? PlacementAnswer::kKnows : PlacementAnswer::kDoesNotKnow;
  }

 private:
  const PlacementSimulationOptions& o_;
  uint32_t learner_;
  const std::vector<uint8_t>& truth_;
};

// Runs a session to its end, adding the accuracy after each answer to
// `curve` (when given). Returns the session.
PlacementSession Run(const std::shared_ptr<const PlacementModel>& model,
                     const PlacementOptions& options, const Responder& respond,
                     const std::vector<uint8_t>& truth, std::vector<double>* curve) {
  PlacementSession s = *PlacementSession::Start(model, options);
  if (curve) (*curve)[0] += Accuracy(s, truth);
  size_t k = 0;
  while (auto q = s.next()) {
    (void)s.Answer(*q, respond(*q));
    ++k;
    if (curve && k < curve->size()) (*curve)[k] += Accuracy(s, truth);
  }
  // A session that ran out of items keeps its last accuracy.
  if (curve) {
    const double last = Accuracy(s, truth);
    for (size_t j = k + 1; j < curve->size(); ++j) (*curve)[j] += last;
  }
  return s;
}

double Quantile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  const size_t i = static_cast<size_t>(q * static_cast<double>(v.size() - 1) + 0.5);
  return v[i];
}

}  // namespace

Result<PlacementSimulationResult> SimulatePlacement(std::shared_ptr<const Catalog> catalog,
                                                    const PlacementSimulationOptions& o) {
  if (o.learners < 1 || o.learners > 1'000'000) {
    return Status::InvalidArgument("learners must be in [1, 1000000]");
  }
  if (!(o.slip >= 0 && o.slip < 0.5) || !(o.guess >= 0 && o.guess < 0.5)) {
    return Status::InvalidArgument("slip and guess must be in [0, 0.5)");
  }
  if (o.curve_questions < 1 || o.curve_questions > kMaxPlacementQuestions) {
    return Status::InvalidArgument("curve_questions must be in [1, 200]");
  }
  if (catalog->item_count() == 0) return Status::InvalidArgument("the catalog is empty");
  if (Status s = ValidatePlacementOptions(*catalog, o.placement); !s.ok()) return s;
  SimulationOptions walk;
  walk.learners = o.learners;
  walk.seed = o.seed;
  Result<std::vector<Trajectory>> walks = SimulateLearners(*catalog, walk);
  if (!walks) return walks.error();

  const auto model = PlacementModel::Build(catalog);
  const size_t n = catalog->item_count();
  PlacementOptions curve_options = o.placement;
  curve_options.scope.clear();
  curve_options.min_gain = 0;
  curve_options.max_questions = o.curve_questions;
  PlacementOptions catalog_options = curve_options;
  catalog_options.order = PlacementOrder::kCatalog;
  PlacementOptions stop_options = o.placement;
  stop_options.scope.clear();
  stop_options.order = PlacementOrder::kAdaptive;

  PlacementSimulationResult r;
  r.adaptive_curve.assign(o.curve_questions + 1, 0);
  r.catalog_curve.assign(o.curve_questions + 1, 0);
  std::vector<double> questions;
  for (uint32_t l = 0; l < o.learners; ++l) {
    const Trajectory& t = (*walks)[l];
    std::mt19937_64 rng = internal::SeededRng({o.seed, l, 13});
    const size_t cut = static_cast<size_t>(rng() % (t.steps.size() + 1));
    std::vector<uint8_t> truth(n, 0);
    for (size_t k = 0; k < cut; ++k) truth[t.steps[k].item] = 1;
    r.known_share += static_cast<double>(cut) / static_cast<double>(n);
    const Responder respond(o, l, truth);
    Run(model, curve_options, respond, truth, &r.adaptive_curve);
    Run(model, catalog_options, respond, truth, &r.catalog_curve);
    const PlacementSession stopped = Run(model, stop_options, respond, truth, nullptr);
    r.stopped_accuracy += Accuracy(stopped, truth);
    questions.push_back(static_cast<double>(stopped.asked().size()));
    PlacementOptions same = catalog_options;
    same.max_questions = std::max<uint32_t>(1, static_cast<uint32_t>(stopped.asked().size()));
    r.stopped_catalog_accuracy += stopped.asked().empty()
                                      ? Accuracy(stopped, truth)
                                      : Accuracy(Run(model, same, respond, truth, nullptr), truth);
  }
  const double count = o.learners;
  for (double& v : r.adaptive_curve) v /= count;
  for (double& v : r.catalog_curve) v /= count;
  r.stopped_accuracy /= count;
  r.stopped_catalog_accuracy /= count;
  r.known_share /= count;
  r.median_questions = Quantile(questions, 0.5);
  r.p90_questions = Quantile(questions, 0.9);
  for (double q : questions) r.mean_questions += q / count;
  return r;
}

}  // namespace pathrank
