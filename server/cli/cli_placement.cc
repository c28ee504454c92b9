// `pathrank placement`: the adaptive placement check in the terminal
// (questions on stdout, answers y/n/? on stdin), or --simulate for the
// figure of docs/placement.md.

#include <iostream>
#include <memory>
#include <string>

#include "cli/cli.h"
#include "cli/placement_figure.h"
#include "cli/table.h"
#include "pathrank/catalog_json.h"
#include "pathrank/eval/placement_simulation.h"
#include "pathrank/placement.h"
#include "pathrank/scorer.h"
#include "util/file_io.h"

namespace pathrank::cli {

namespace {

struct PlacementArgs {
  std::string catalog_path;
  std::vector<std::string> goals;
  uint32_t max_questions = PlacementOptions{}.max_questions;
  size_t k = 5;
  bool simulate = false;
  PlacementSimulationOptions sim;
  std::string svg;
};

// "y", "n", "?" (and yes/no/not sure spelled out); nullopt for anything else.
std::optional<PlacementAnswer> ReadAnswer(const std::string& line) {
  std::string s;
  for (char c : line) {
    if (c != ' ' && c != '\t' && c != '\r') s += static_cast<char>(std::tolower(c));
  }
  if (s == "y" || s == "yes") return PlacementAnswer::kKnows;
  if (s == "n" || s == "no") return PlacementAnswer::kDoesNotKnow;
  if (s == "?" || s == "notsure") return PlacementAnswer::kNotSure;
  return std::nullopt;
}

int RunSimulation(const std::shared_ptr<const Catalog>& catalog, PlacementArgs& args) {
  args.sim.placement.max_questions = args.max_questions;
  auto r = SimulatePlacement(catalog, args.sim);
  if (!r) return Fail(r.error());
  std::cout << "placement on " << args.sim.learners << " simulated learners of " << catalog->id()
            << " (seed " << args.sim.seed << ", slip " << Fixed(args.sim.slip, 2) << ", guess "
            << Fixed(args.sim.guess, 2) << "); truly known: " << Fixed(100 * r->known_share, 1)
            << "% of the items\n"
            << "  adaptive, stop rule: accuracy " << Fixed(r->stopped_accuracy, 4)
            << ", questions median " << Fixed(r->median_questions, 0) << ", mean "
            << Fixed(r->mean_questions, 2) << ", p90 " << Fixed(r->p90_questions, 0) << '\n'
            << "  catalog order, same number of questions: accuracy "
            << Fixed(r->stopped_catalog_accuracy, 4) << '\n'
            << "  questions  adaptive  catalog-order\n";
  for (size_t k = 0; k < r->adaptive_curve.size(); ++k) {
    std::cout << "  " << k << "  " << Fixed(r->adaptive_curve[k], 4) << "  "
              << Fixed(r->catalog_curve[k], 4) << '\n';
  }
  if (!args.svg.empty()) {
    const std::string title = "Placement on " + std::to_string(args.sim.learners) +
                              " simulated learners of " + catalog->id() +
                              " (10% slips, 10% guesses)";
    Status written = WriteFileAtomic(args.svg, PlacementFigureSvg(*r, title));
    if (!written.ok()) return Fail(written);
    std::cout << "figure -> " << args.svg << '\n';
  }
  return 0;
}

void PrintResult(const std::shared_ptr<const Catalog>& catalog, const PlacementSession& s,
                 const std::vector<std::pair<uint32_t, double>>& goals, size_t k) {
  const Catalog& c = *catalog;
  const std::vector<ItemId> known = s.Known();
  std::cout << "placed after " << s.asked().size() << " questions: " << known.size()
            << " items known\n";
  for (ItemId i : known)
    std::cout << "  " << c.item(i).id << "  " << Fixed(s.mastery()[i], 2) << '\n';
  LearnerState learner;
  learner.mastery.assign(s.mastery().begin(), s.mastery().end());
  learner.goals = goals;
  RecommendOptions options;
  options.k = k;
  auto recs = Scorer(catalog).Recommend(learner, ScoringProfile{}, options);
  if (!recs) return;
  std::cout << "next:\n";
  for (const Recommendation& r : *recs) {
    std::cout << "  " << c.item(r.item).id << "  " << Fixed(r.score, 3) << '\n';
  }
}

int RunPlacement(PlacementArgs args) {
  auto catalog = LoadCatalogFile(args.catalog_path);
  if (!catalog) return Fail(catalog.error());
  if (args.simulate) return RunSimulation(*catalog, args);
  const Catalog& c = **catalog;
  PlacementOptions options;
  options.max_questions = args.max_questions;
  std::vector<std::pair<uint32_t, double>> goals;
  std::vector<uint32_t> goal_ids;
  for (const std::string& id : args.goals) {
    auto g = c.FindGoal(id);
    if (!g)
      return Fail(
          Status::InvalidArgument("--goal: catalog " + c.id() + " has no goal \"" + id + "\""));
    goals.push_back({*g, 1.0});
    goal_ids.push_back(*g);
  }
  if (!goal_ids.empty()) options.scope = GoalClosure(c, goal_ids);
  auto session = PlacementSession::Start(PlacementModel::Build(*catalog), options);
  if (!session) return Fail(session.error());
  std::string line;
  while (auto q = session->next()) {
    const Item& item = c.item(*q);
    std::cout << "Do you know " << item.title << " (" << item.id << ")? [y/n/?] " << std::flush;
    if (!std::getline(std::cin, line)) {
      std::cout << '\n';
      return Fail(Status::InvalidArgument("the answers ended before the placement did"));
    }
    auto answer = ReadAnswer(line);
    if (!answer) {
      std::cout << "please answer y (I know it), n (I do not) or ? (not sure)\n";
      continue;
    }
    (void)session->Answer(*q, *answer);
  }
  PrintResult(*catalog, *session, goals, args.k);
  return 0;
}

}  // namespace

void AddPlacementCommand(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand(
      "placement", "Adaptive placement check: asks y/n/? on stdin (docs/placement.md)");
  auto args = std::make_shared<PlacementArgs>();
  cmd->add_option("catalog", args->catalog_path, "Catalog file (pathrank.catalog/v1)")->required();
  cmd->add_option("--goal", args->goals, "Ask only within this goal's closure (repeatable)");
  cmd->add_option("--max-questions", args->max_questions, "At most this many questions")
      ->check(CLI::Range(1u, kMaxPlacementQuestions));
  cmd->add_option("-k", args->k, "How many recommendations to print")->check(CLI::Range(1, 100));
  cmd->add_flag("--simulate", args->simulate,
                "Measure on simulated learners instead of asking (accuracy vs questions)");
  cmd->add_option("--learners,-n", args->sim.learners, "--simulate: how many learners")
      ->check(CLI::Range(1u, 1'000'000u));
  cmd->add_option("--seed", args->sim.seed, "--simulate: random seed");
  cmd->add_option("--slip", args->sim.slip, "--simulate: the learners' slip rate")
      ->check(CLI::Range(0.0, 0.49));
  cmd->add_option("--guess", args->sim.guess, "--simulate: the learners' guess rate")
      ->check(CLI::Range(0.0, 0.49));
  cmd->add_option("--svg", args->svg, "--simulate: write the accuracy-vs-questions figure here");
  cmd->callback([&context, args] { context.exit_code = RunPlacement(*args); });
}

}  // namespace pathrank::cli
