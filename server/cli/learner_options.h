// Options shared by the CLI commands that score a learner: the catalog, the
// learner's mastery (--mastered or --mastery FILE), goals (--goal id[:w]) and
// the scoring profile (--profile NAME|FILE, --weight name=value).

#ifndef PATHRANK_SERVER_CLI_LEARNER_OPTIONS_H_
#define PATHRANK_SERVER_CLI_LEARNER_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/learner.h"
#include "pathrank/scorer.h"
#include "pathrank/scoring_profile.h"
#include "pathrank/transition_model.h"

namespace pathrank::cli {

struct LearnerArgs {
  std::string catalog_path;
  std::vector<std::string> mastered;  // ids at mastery 1
  std::string mastery_file;           // {"item": mastery, ...}
  std::vector<std::string> goals;     // "id" or "id:weight"
  std::string profile = "default";    // built-in name or file
  std::vector<std::string> weights;   // "name=value"
  std::string sequence_model;         // pathrank.sequence/v1 file; "" for none
  std::vector<std::string> recent;    // recently reached item ids, newest first

  // Registers the options on `command`.
  void Register(CLI::App* command);
};

// What the options resolve to.
struct LearnerSetup {
  std::shared_ptr<const Catalog> catalog;
  std::unique_ptr<Scorer> scorer;
  LearnerState learner;
  ScoringProfile profile;
  std::unique_ptr<TransitionModel> sequence;  // null without --sequence-model
};

// Resolves --profile (a built-in name or a file) and --weight overrides.
Result<ScoringProfile> ResolveProfile(const std::string& profile,
                                      const std::vector<std::string>& weights);

// Loads the catalog, resolves the learner and the profile. Errors name the
// option at fault.
Result<LearnerSetup> ResolveLearner(const LearnerArgs& args);

}  // namespace pathrank::cli

#endif  // PATHRANK_SERVER_CLI_LEARNER_OPTIONS_H_
