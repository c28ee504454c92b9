// Variant choice, counting and the access-log note (experiment_choice.h).

#include "http/experiment_choice.h"

#include "ops/access_log.h"
#include "ops/experiments.h"

namespace pathrank::server {

namespace {
thread_local ExperimentNote t_note;
}  // namespace

ExperimentNote ChooseVariant(ServerState& state, std::string_view catalog,
                             std::string_view learner_id, bool profile_given,
                             std::string* profile) {
  if (profile_given || state.config.experiments.empty()) return {};
  std::optional<Assignment> assigned =
      AssignExperiment(state.config.experiments, catalog, learner_id, NowMs());
  if (!assigned) return {};
  const ExperimentVariantConfig& variant = assigned->variant_config();
  *profile = VariantProfileName(*assigned->experiment, variant);
  state.experiment_counters.Count(*assigned);
  t_note = {assigned->experiment->name, variant.name};
  return t_note;
}

ExperimentNote TakeNotedExperiment() {
  ExperimentNote note = std::move(t_note);
  t_note = {};
  return note;
}

}  // namespace pathrank::server
