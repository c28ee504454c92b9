// `pathrank eval`: replays trajectories through a profile and the baselines,
// or through several profiles compared pairwise (--profiles).

#include <iostream>
#include <memory>
#include <thread>

#include "cli/cli.h"
#include "cli/learner_options.h"
#include "cli/profile_comparison.h"
#include "cli/quality_report.h"
#include "pathrank/catalog_json.h"
#include "pathrank/eval/baselines.h"
#include "pathrank/eval/evaluator.h"
#include "util/json/json_writer.h"

namespace pathrank::cli {

namespace {

struct EvalArgs {
  std::string catalog_path;
  std::string trajectories;
  std::string train;
  std::string profile = "default";
  std::vector<std::string> profiles;  // --profiles: compare these, the first as control
  std::vector<std::string> weights;
  std::string sequence_model;
  std::vector<std::string> baselines = {"random", "popularity", "catalog-order", "coverage",
                                        "transition"};
  size_t k = 10;
  uint64_t seed = 1;
  size_t threads = 0;
  bool json = false;
};

int RunEval(const EvalArgs& args) {
  auto catalog = LoadCatalogFile(args.catalog_path);
  if (!catalog) return Fail(catalog.error());
  const Catalog& c = **catalog;
  auto test = LoadTrajectoriesFile(c, args.trajectories);
  if (!test) return Fail(test.error());
  std::vector<Trajectory> train;
  if (!args.train.empty()) {
    auto loaded = LoadTrajectoriesFile(c, args.train);
    if (!loaded) return Fail(loaded.error());
    train = std::move(*loaded);
  }
  auto profile = ResolveProfile(args.profile, args.weights);
  if (!profile) return Fail(profile.error());
  std::unique_ptr<TransitionModel> sequence;
  if (!args.sequence_model.empty()) {
    auto model = TransitionModel::Load(c, args.sequence_model);
    if (!model) return Fail(model.error().WithPrefix("--sequence-model"));
    sequence = std::make_unique<TransitionModel>(std::move(*model));
  }
  Scorer scorer(*catalog);
  std::vector<std::unique_ptr<Ranker>> owned;
  std::vector<std::string> skipped;
  // --profiles: the variants of an experiment, no baselines.
  std::vector<ScoringProfile> variants;
  for (const std::string& p : args.profiles) {
    auto variant = ResolveProfile(p, args.weights);
    if (!variant) return Fail(variant.error().WithPrefix("--profiles " + p));
    variants.push_back(*variant);
  }
  for (size_t i = 0; i < variants.size(); ++i) {
    std::string name = variants[i].name;
    for (size_t j = 0; j < i; ++j) {
      if (variants[j].name == name) name = args.profiles[i];  // two files, one name
    }
    owned.push_back(MakeProfileRanker(scorer, variants[i], sequence.get(), name));
  }
  if (variants.empty()) {
    owned.push_back(MakeProfileRanker(scorer, *profile, sequence.get(), "pathrank"));
  }
  for (const std::string& b : variants.empty() ? args.baselines : std::vector<std::string>{}) {
    if (b == "random") {
      owned.push_back(MakeRandomRanker(args.seed));
    } else if (b == "catalog-order") {
      owned.push_back(MakeCatalogOrderRanker());
    } else if (b == "coverage") {
      owned.push_back(MakeCoverageRanker(scorer, *profile));
    } else if (b == "popularity" || b == "transition") {
      if (args.train.empty()) {
        skipped.push_back(b);
        continue;
      }
      owned.push_back(b == "popularity" ? MakePopularityRanker(c, train)
                                        : MakeTransitionRanker(c, train));
    } else {
      return Fail(Status::InvalidArgument(
          "--baselines: unknown baseline \"" + b +
          "\"; expected random, popularity, catalog-order, coverage, transition"));
    }
  }
  std::vector<const Ranker*> rankers;
  for (const auto& r : owned) rankers.push_back(r.get());
  EvalOptions options;
  options.k = args.k;
  options.theta_req = profile->theta_req;
  options.threads =
      args.threads > 0 ? args.threads : std::max(1u, std::thread::hardware_concurrency());
  auto results = Evaluate(c, *test, rankers, options);
  if (!results) return Fail(results.error());
  const std::vector<ProfileComparison> comparisons = variants.size() >= 2
                                                         ? CompareProfiles(*results, args.seed)
                                                         : std::vector<ProfileComparison>{};
  if (args.json) {
    json::Writer out(2);
    out.BeginObject();
    out.Member("catalog", c.id());
    out.Member("learners", test->size());
    out.Member("k", args.k);
    if (!results->empty()) {
      out.Key("rankers");
      out.BeginArray();
      for (const RankerResult& r : *results) {
        const RankMetrics m = r.total.mean();
        out.BeginObject();
        out.Member("name", r.name);
        out.Member("hit_rate", m.hit);
        out.Member("ndcg", m.ndcg);
        out.Member("mrr", m.rr);
        out.Member("coverage", r.coverage);
        out.Member("unmet_requires", r.unmet_requires);
        out.Member("steps", r.total.count);
        out.EndObject();
      }
      out.EndArray();
    }
    if (!comparisons.empty()) WriteProfileComparisons(out, comparisons);
    out.EndObject();
    std::cout << out.text() << '\n';
    return 0;
  }
  std::cout << "catalog " << c.id() << ": " << test->size() << " learners, " << CountSteps(*test)
            << " steps from " << args.trajectories << "; profile " << profile->name
            << (sequence ? " with sequence model" : "") << '\n';
  PrintMetricsTable(std::cout, *results, args.k);
  PrintProfileComparisons(std::cout, comparisons);
  if (!skipped.empty()) {
    std::cout << "not run (they learn from a training split; give --train FILE):";
    for (const std::string& s : skipped) std::cout << ' ' << s;
    std::cout << '\n';
  }
  return 0;
}

}  // namespace

void AddEvalCommand(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand(
      "eval", "Replay trajectories: HitRate@k, NDCG@k, MRR of a profile and the baselines");
  auto args = std::make_shared<EvalArgs>();
  cmd->add_option("catalog", args->catalog_path, "Catalog file (pathrank.catalog/v1)")->required();
  cmd->add_option("--trajectories,-t", args->trajectories,
                  "Trajectories to replay (CSV, or JSON lines when .jsonl)")
      ->required();
  cmd->add_option("--train", args->train,
                  "Training trajectories for the popularity and transition baselines");
  cmd->add_option("--profile", args->profile, "Built-in profile or a profile JSON file");
  cmd->add_option("--profiles", args->profiles,
                  "Compare these profiles (built-in names or files, the first the control) "
                  "with a paired significance test, as an experiment's variants offline")
      ->delimiter(',');
  cmd->add_option("--weight,-w", args->weights, "Override a profile field: w_rel=2.5")
      ->delimiter(',');
  cmd->add_option("--sequence-model", args->sequence_model,
                  "Sequence model file (pathrank.sequence/v1)");
  cmd->add_option("--baselines", args->baselines,
                  "Baselines to run (random,popularity,catalog-order,coverage,transition)")
      ->delimiter(',');
  cmd->add_option("-k", args->k, "Cut-off of the metrics")->check(CLI::Range(1, 1000));
  cmd->add_option("--seed", args->seed, "Seed of the random baseline");
  cmd->add_option("--threads", args->threads, "Threads (0: one per core)");
  cmd->add_flag("--json", args->json, "Print JSON");
  cmd->callback([&context, args] { context.exit_code = RunEval(*args); });
}

}  // namespace pathrank::cli
