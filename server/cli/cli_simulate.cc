// `pathrank simulate`: synthetic learners as trajectories.

#include <iostream>
#include <memory>

#include "cli/cli.h"
#include "cli/table.h"
#include "pathrank/catalog_json.h"
#include "pathrank/eval/simulator.h"
#include "util/file_io.h"

namespace pathrank::cli {

namespace {

struct SimulateArgs {
  std::string catalog_path;
  std::string out;
  SimulationOptions options;
  bool hide_goals = false;
};

int RunSimulate(SimulateArgs args) {
  auto catalog = LoadCatalogFile(args.catalog_path);
  if (!catalog) return Fail(catalog.error());
  args.options.record_goals = !args.hide_goals;
  auto learners = SimulateLearners(**catalog, args.options);
  if (!learners) return Fail(learners.error());
  Status written = WriteFileAtomic(args.out, FormatTrajectoriesCsv(**catalog, *learners));
  if (!written.ok()) return Fail(written);
  const size_t steps = CountSteps(*learners);
  std::cout << "simulated " << learners->size() << " learners, " << steps << " steps (mean "
            << Fixed(static_cast<double>(steps) / learners->size(), 1) << " per learner), seed "
            << args.options.seed << " -> " << args.out << '\n';
  return 0;
}

}  // namespace

void AddSimulateCommand(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand(
      "simulate", "Write trajectories of seeded synthetic learners (docs/evaluation.md)");
  auto args = std::make_shared<SimulateArgs>();
  SimulationOptions& o = args->options;
  cmd->add_option("catalog", args->catalog_path, "Catalog file (pathrank.catalog/v1)")->required();
  cmd->add_option("--learners,-n", o.learners, "How many learners")
      ->check(CLI::Range(1u, 10'000'000u));
  cmd->add_option("--seed", o.seed, "Random seed");
  cmd->add_option("--out,-o", args->out, "Output CSV (learner,step,item,mastery,goal)")->required();
  cmd->add_option("--noise", o.noise, "Probability of a detour step")->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--skip-soft", o.skip_soft, "Probability of ignoring a soft prerequisite")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--dropout", o.dropout, "Probability of stopping after each step")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--follow-on", o.follow_on, "Pull toward items building on the last one")
      ->check(CLI::Range(0.0, 100.0));
  cmd->add_option("--target-pull", o.target_pull, "Pull toward goal targets")
      ->check(CLI::Range(0.0, 100.0));
  cmd->add_option("--stage-pull", o.stage_pull, "Push away from later stages")
      ->check(CLI::Range(0.0, 100.0));
  cmd->add_flag("--hide-goals", args->hide_goals, "Leave the goal column empty");
  cmd->callback([&context, args] { context.exit_code = RunSimulate(*args); });
}

}  // namespace pathrank::cli
