// `pathrank recommend` and `pathrank path`.

#include <iostream>
#include <memory>
#include <string>

#include "api/json_scoring.h"
#include "cli/cli.h"
#include "cli/learner_options.h"
#include "cli/plan_render.h"
#include "cli/table.h"
#include "pathrank/planner.h"

namespace pathrank::cli {

namespace {

std::string Signed(double v) { return (v >= 0 ? "+" : "") + Fixed(v, 3); }

void PrintExplanation(const Catalog& c, const Explanation& e, std::ostream& out) {
  const Terms& t = e.contributions;
  out << "      contributions: coverage " << Signed(t.coverage) << ", relevance "
      << Signed(t.relevance) << ", unlock " << Signed(t.unlock) << ", foundation "
      << Signed(t.foundation) << ", sequence " << Signed(t.sequence) << ", effort "
      << Signed(t.effort) << '\n';
  for (const ClauseGap& gap : e.missing) {
    out << "      missing (" << ClauseTypeName(gap.type) << ", weight " << Fixed(gap.weight, 2)
        << "): ";
    for (size_t a = 0; a < gap.alternatives.size(); ++a) {
      out << (a == 0 ? "" : " or ") << c.item(gap.alternatives[a].first).id << " ("
          << Fixed(gap.alternatives[a].second, 2) << ")";
    }
    out << '\n';
  }
  for (const GoalService& s : e.serves) {
    out << "      serves " << c.goals()[s.goal].id << " via ";
    for (size_t v = 0; v < s.via.size(); ++v) out << (v == 0 ? "" : " -> ") << c.item(s.via[v]).id;
    out << '\n';
  }
  if (!e.unlocks.empty()) {
    out << "      unlocks ";
    for (size_t u = 0; u < e.unlocks.size(); ++u)
      out << (u == 0 ? "" : ", ") << c.item(e.unlocks[u]).id;
    out << '\n';
  }
  for (const InferredMastery& inferred : e.inferred) {
    out << "      inferred " << c.item(inferred.item).id << " (" << inferred.mastery << ") from "
        << c.item(inferred.from).id << '\n';
  }
}

struct RecommendArgs {
  LearnerArgs learner;
  size_t k = 10;
  bool explain = false;
  bool json = false;
  bool include_blocked = false;
  std::vector<std::string> kinds;
  std::vector<std::string> exclude;
};

int RunRecommend(const RecommendArgs& args) {
  auto setup = ResolveLearner(args.learner);
  if (!setup) return Fail(setup.error());
  const Catalog& c = *setup->catalog;
  RecommendOptions options;
  options.k = args.k;
  options.explain = args.explain;
  options.include_blocked = args.include_blocked;
  options.sequence = setup->sequence.get();
  for (const std::string& kind : args.kinds) {
    auto parsed = ParseItemKind(kind);
    if (!parsed) return Fail(Status::InvalidArgument("--kind: unknown kind \"" + kind + "\""));
    options.kinds.push_back(*parsed);
  }
  for (const std::string& id : args.exclude) {
    auto item = c.FindItem(id);
    if (!item) return Fail(Status::NotFound("--exclude: unknown item \"" + id + "\""));
    options.exclude.push_back(*item);
  }
  auto ranked = setup->scorer->Recommend(setup->learner, setup->profile, options);
  if (!ranked) return Fail(ranked.error());
  if (args.json) {
    json::Writer w(2);
    json::WriteRecommendations(w, c.id(), c, setup->profile, *ranked);
    std::cout << w.text() << '\n';
    return 0;
  }
  Table table({"#", "id", "kind", "stage", "score", "cov", "rel", "unl", "fnd", "seq", "eff",
               "ready", "title"},
              {true, false, false, false, true, true, true, true, true, true, true, false, false});
  for (size_t r = 0; r < ranked->size(); ++r) {
    const Recommendation& rec = (*ranked)[r];
    const Item& item = c.item(rec.item);
    table.AddRow({std::to_string(r + 1), item.id, std::string(ItemKindName(item.kind)),
                  c.stages()[item.stage].id, Fixed(rec.score, 3), Fixed(rec.terms.coverage, 2),
                  Fixed(rec.terms.relevance, 2), Fixed(rec.terms.unlock, 2),
                  Fixed(rec.terms.foundation, 2), Fixed(rec.terms.sequence, 2),
                  Fixed(rec.terms.effort, 2), rec.ready ? "yes" : "no", item.title});
  }
  if (!args.explain) {
    table.Print(std::cout);
    return 0;
  }
  // With explanations: one block per item.
  for (size_t r = 0; r < ranked->size(); ++r) {
    const Recommendation& rec = (*ranked)[r];
    const Item& item = c.item(rec.item);
    std::cout << r + 1 << ". " << item.id << " — " << item.title << "  (score "
              << Fixed(rec.score, 3) << (rec.ready ? "" : ", not ready") << ")\n";
    PrintExplanation(c, *rec.explanation, std::cout);
  }
  return 0;
}

struct PathArgs {
  LearnerArgs learner;
  double hours_per_week = 10;
  double min_target_demand = 0.5;
  std::string format = "table";
};

int RunPath(const PathArgs& args) {
  auto setup = ResolveLearner(args.learner);
  if (!setup) return Fail(setup.error());
  const Catalog& c = *setup->catalog;
  PlanOptions options;
  options.hours_per_week = args.hours_per_week;
  options.min_target_demand = args.min_target_demand;
  options.sequence = setup->sequence.get();
  auto plan = PlanPath(*setup->scorer, setup->learner, setup->profile, options);
  if (!plan) return Fail(plan.error());
  if (args.format == "json") {
    json::Writer w(2);
    json::WritePlan(w, c.id(), c, setup->profile, args.hours_per_week, *plan);
    std::cout << w.text() << '\n';
  } else if (args.format == "dot") {
    std::cout << PlanToDot(c, *plan);
  } else if (args.format == "mermaid") {
    std::cout << PlanToMermaid(c, *plan);
  } else {
    Table table({"#", "week", "id", "hours", "total", "reason"},
                {true, true, false, true, true, false});
    for (size_t s = 0; s < plan->steps.size(); ++s) {
      const PlanStep& step = plan->steps[s];
      table.AddRow({std::to_string(s + 1), std::to_string(step.week), c.item(step.item).id,
                    Fixed(step.hours, 1), Fixed(step.cumulative_hours, 1), step.reason});
    }
    table.Print(std::cout);
    std::cout << plan->steps.size() << " steps, " << Fixed(plan->total_hours, 1) << " hours, "
              << plan->weeks << " weeks at " << Fixed(args.hours_per_week, 1) << " h/week\n";
  }
  return 0;
}

}  // namespace

void AddRecommendCommands(CLI::App& app, Context& context) {
  auto* recommend = app.add_subcommand("recommend", "Rank the next items for a learner");
  auto rargs = std::make_shared<RecommendArgs>();
  rargs->learner.Register(recommend);
  recommend->add_option("-k", rargs->k, "How many items")->check(CLI::Range(1, 1000));
  recommend->add_flag("--explain", rargs->explain, "Explain each ranking");
  recommend->add_flag("--json", rargs->json, "Print the API's JSON answer");
  recommend->add_flag("--include-blocked", rargs->include_blocked,
                      "Also rank items whose requires clauses are unmet");
  recommend->add_option("--kind", rargs->kinds, "Only these kinds (topic,framework,project)")
      ->delimiter(',');
  recommend->add_option("--exclude", rargs->exclude, "Never rank these item ids")->delimiter(',');
  recommend->callback([&context, rargs] { context.exit_code = RunRecommend(*rargs); });

  auto* path = app.add_subcommand("path", "Plan the ordered path to the learner's goals");
  auto pargs = std::make_shared<PathArgs>();
  pargs->learner.Register(path);
  path->add_option("--hours-per-week", pargs->hours_per_week, "Weekly budget in hours")
      ->check(CLI::Range(0.1, 168.0));
  path->add_option("--min-target-demand", pargs->min_target_demand,
                   "Goal demand from which an item is a target");
  path->add_option("--format", pargs->format, "table, json, dot or mermaid")
      ->check(CLI::IsMember({"table", "json", "dot", "mermaid"}));
  path->callback([&context, pargs] { context.exit_code = RunPath(*pargs); });
}

}  // namespace pathrank::cli
