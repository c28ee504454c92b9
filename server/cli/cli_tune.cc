// `pathrank tune`: fits a profile and a sequence model to trajectories and
// writes them with a Markdown report and an SVG chart.

#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <thread>

#include "cli/cli.h"
#include "cli/learner_options.h"
#include "cli/progress_bar.h"
#include "cli/quality_report.h"
#include "cli/table.h"
#include "pathrank/catalog_json.h"
#include "pathrank/eval/tuner.h"
#include "util/file_io.h"

namespace pathrank::cli {

namespace {

struct TuneArgs {
  std::string catalog_path;
  std::string trajectories;
  std::string test_trajectories;
  std::string out;
  std::string profile = "default";
  std::vector<std::string> weights;
  std::string label;
  TuneOptions options;
  bool no_sequence = false;
  size_t threads = 0;
  std::string command;  // the whole command line, for the report
};

int RunTune(TuneArgs args) {
  auto catalog = LoadCatalogFile(args.catalog_path);
  if (!catalog) return Fail(catalog.error());
  const Catalog& c = **catalog;
  auto trajectories = LoadTrajectoriesFile(c, args.trajectories);
  if (!trajectories) return Fail(trajectories.error());
  std::vector<Trajectory> test;
  if (!args.test_trajectories.empty()) {
    auto loaded = LoadTrajectoriesFile(c, args.test_trajectories);
    if (!loaded) return Fail(loaded.error());
    test = std::move(*loaded);
  }
  auto base = ResolveProfile(args.profile, args.weights);
  if (!base) return Fail(base.error());
  std::error_code ec;
  std::filesystem::create_directories(args.out, ec);
  if (ec) return Fail(Status::Unavailable("--out " + args.out + ": " + ec.message()));

  TuneOptions& o = args.options;
  o.sequence = !args.no_sequence;
  o.threads = args.threads > 0 ? args.threads : std::max(1u, std::thread::hardware_concurrency());
  Progress progress(std::cerr, "tune", Progress::StderrIsTerminal());
  o.progress = [&progress](const TuneProgress& p) {
    progress.Update(p.phase, p.done, p.total, "best train NDCG " + Fixed(p.best_train, 4));
  };
  Scorer scorer(*catalog);
  auto report = Tune(scorer, *base, *trajectories, test, o);
  if (!report) return Fail(report.error());
  progress.Finish();

  const std::string dir = args.out + "/";
  ScoringProfile tuned = report->tuned;
  tuned.name = "tuned-" + c.id();
  Status s = WriteFileAtomic(dir + "profile.json", FormatProfileJson(tuned));
  if (!s.ok()) return Fail(s);
  if (report->sequence) {
    s = report->sequence->Save(c, dir + "sequence.json");
    if (!s.ok()) return Fail(s);
  }
  TuneReportInfo info;
  info.command = args.command;
  info.trajectories =
      args.trajectories +
      (args.test_trajectories.empty() ? "" : " (test: " + args.test_trajectories + ")");
  info.label = args.label;
  info.chart_file = "chart.svg";
  info.profile_file = "profile.json";
  info.sequence_file = report->sequence ? "sequence.json" : "";
  info.seed = o.seed;
  info.k = o.k;
  s = WriteFileAtomic(dir + "report.md", TuneReportMarkdown(c, *report, info));
  if (!s.ok()) return Fail(s);
  const std::string title =
      "pathrank tune: " + c.id() + (args.label.empty() ? "" : " (" + args.label + ")");
  s = WriteFileAtomic(dir + "chart.svg", TuneChartSvg(*report, o.k, title));
  if (!s.ok()) return Fail(s);

  std::cout << "catalog " << c.id() << ": " << report->train_learners << " train / "
            << report->validation_learners << " validation / " << report->test_learners
            << " test learners; " << report->curve.size() << " search evaluations in "
            << Fixed(report->search_seconds, 1) << " s, " << Fixed(report->total_seconds, 1)
            << " s in all\n";
  PrintMetricsTable(std::cout, report->test, o.k);
  const BaselineComparison& best = report->comparisons[report->best_baseline];
  std::cout << "tuned vs best baseline (" << best.baseline << "): NDCG@" << o.k << " "
            << Fixed(best.profile_ndcg, 4) << " vs " << Fixed(best.baseline_ndcg, 4)
            << ", difference " << Fixed(best.difference.estimate, 4) << " [95% "
            << Fixed(best.difference.low, 4) << ", " << Fixed(best.difference.high, 4)
            << "], Wilcoxon p = " << FormatPValue(best.wilcoxon.p_value) << '\n';
  std::cout << "wrote " << dir << "profile.json"
            << (report->sequence ? ", " + dir + "sequence.json" : "") << ", " << dir
            << "report.md, " << dir << "chart.svg\n";
  return 0;
}

}  // namespace

void AddTuneCommand(CLI::App& app, Context& context, int argc, char** argv) {
  auto* cmd = app.add_subcommand(
      "tune",
      "Tune a profile (and a sequence model) on trajectories; write profile, report, chart");
  auto args = std::make_shared<TuneArgs>();
  args->command = "pathrank";
  for (int a = 1; a < argc; ++a) {
    const std::string arg = argv[a];
    const bool quote = arg.empty() || arg.find_first_of(" \t'\"$") != std::string::npos;
    args->command += " " + (quote ? "'" + arg + "'" : arg);
  }
  TuneOptions& o = args->options;
  cmd->add_option("catalog", args->catalog_path, "Catalog file (pathrank.catalog/v1)")->required();
  cmd->add_option("--trajectories,-t", args->trajectories,
                  "Trajectories (CSV, or JSON lines when .jsonl)")
      ->required();
  cmd->add_option("--test-trajectories", args->test_trajectories,
                  "A separate held-out test set (then --trajectories is split into train and "
                  "validation only)");
  cmd->add_option("--seed", o.seed, "Seed of the split, the search and the bootstrap");
  cmd->add_option("--out,-o", args->out, "Output directory")->required();
  cmd->add_option("--profile", args->profile, "Starting profile: built-in name or file");
  cmd->add_option("--weight,-w", args->weights, "Override a starting profile field")
      ->delimiter(',');
  cmd->add_option("-k", o.k, "Cut-off of the metrics; NDCG@k is the objective")
      ->check(CLI::Range(1, 1000));
  const std::map<std::string, TuneMethod> methods = {{"grid", TuneMethod::kSearch},
                                                     {"learned", TuneMethod::kLearned}};
  cmd->add_option("--method", o.method,
                  "How weights are found: grid (random search + coordinate descent, the "
                  "baseline) or learned (pairwise logistic fit of chosen vs not chosen items, "
                  "L2, Newton; docs/evaluation.md)")
      ->transform(CLI::CheckedTransformer(methods, CLI::ignore_case));
  cmd->add_option("--samples", o.random_samples, "Random search samples (grid)");
  cmd->add_option("--rounds", o.descent_rounds, "Coordinate descent rounds (at most)");
  cmd->add_option("--train-share", o.train_share, "Share of learners for training")
      ->check(CLI::Range(0.01, 0.99));
  cmd->add_option("--validation-share", o.validation_share, "Share of learners for validation")
      ->check(CLI::Range(0.01, 0.99));
  cmd->add_option("--max-search-steps", o.max_search_steps,
                  "Replay at most this many training steps in the search (a seeded sample)");
  cmd->add_flag("--no-sequence", args->no_sequence, "Do not learn a sequence model");
  cmd->add_option("--threads", args->threads, "Threads (0: one per core)");
  cmd->add_option("--label", args->label, "What the data is, for the report");
  cmd->callback([&context, args] { context.exit_code = RunTune(*args); });
}

}  // namespace pathrank::cli
