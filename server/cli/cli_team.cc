// `pathrank team`: which framework fits a team and its goals.

#include <iostream>
#include <memory>
#include <string>

#include "api/json_team.h"
#include "cli/cli.h"
#include "cli/table.h"
#include "pathrank/catalog_json.h"
#include "pathrank/team_matcher.h"
#include "util/file_io.h"

namespace pathrank::cli {

namespace {

struct TeamArgs {
  std::string catalog_path;
  std::string members_path;
  std::vector<std::string> goals;
  std::string type;
  std::string kind = "framework";
  size_t k = 5;
  bool json = false;
};

Result<TeamMatchRequest> ReadRequest(const TeamArgs& args) {
  TeamMatchRequest request;
  auto text = ReadFile(args.members_path);
  if (!text) return text.error();
  auto members = json::ParseTeamMembers(*text);
  if (!members) return members.error().WithPrefix("--members " + args.members_path);
  request.members = std::move(*members);
  for (const std::string& g : args.goals) {
    const size_t colon = g.find(':');
    double weight = 1.0;
    if (colon != std::string::npos) {
      try {
        weight = std::stod(g.substr(colon + 1));
      } catch (const std::exception&) {
        return Status::InvalidArgument("--goal: \"" + g + "\" has no number after ':'");
      }
    }
    request.goals[g.substr(0, colon)] = weight;
  }
  if (args.kind == "any") {
    request.kind.reset();
  } else {
    request.kind = ParseItemKind(args.kind);
    if (!request.kind) return Status::InvalidArgument("--kind: unknown kind \"" + args.kind + "\"");
  }
  request.type = args.type;
  request.k = args.k;
  return request;
}

int RunTeam(const TeamArgs& args) {
  auto catalog = LoadCatalogFile(args.catalog_path);
  if (!catalog) return Fail(catalog.error());
  auto request = ReadRequest(args);
  if (!request) return Fail(request.error());
  Scorer scorer(*catalog);
  const ScoringProfile profile;
  auto matches = MatchTeam(scorer, profile, *request);
  if (!matches) return Fail(matches.error());
  const Catalog& c = **catalog;
  if (args.json) {
    json::Writer w(2);
    json::WriteTeamMatches(w, c.id(), c, profile, *request, *matches);
    std::cout << w.text() << '\n';
    return 0;
  }
  Table table({"#", "id", "fit", "goal", "coverage", "experts", "ramp-up h", "gap", "type"},
              {true, false, true, true, true, true, true, true, false});
  for (size_t r = 0; r < matches->size(); ++r) {
    const TeamMatch& m = (*matches)[r];
    const Item& item = c.item(m.item);
    auto type = item.attributes.find("type");
    table.AddRow({std::to_string(r + 1), item.id, Fixed(m.fit, 3), Fixed(m.goal_fit, 2),
                  Fixed(m.team_coverage, 2), std::to_string(m.experts), Fixed(m.ramp_up_hours, 1),
                  Fixed(m.difficulty_gap, 2), type == item.attributes.end() ? "" : type->second});
  }
  table.Print(std::cout);
  if (!matches->empty()) {
    const TeamMatch& best = matches->front();
    std::cout << "\ntraining plan for " << c.item(best.item).id << ":\n";
    for (const MemberGap& gap : best.members) {
      std::cout << "  " << request->members[gap.member].id << ": ";
      if (gap.expert) {
        std::cout << "expert\n";
        continue;
      }
      for (size_t s = 0; s < gap.plan.steps.size(); ++s) {
        std::cout << (s == 0 ? "" : ", ") << c.item(gap.plan.steps[s].item).id;
      }
      std::cout << " (" << Fixed(gap.plan.total_hours, 1) << " h)\n";
    }
  }
  return 0;
}

}  // namespace

void AddTeamCommand(CLI::App& app, Context& context) {
  auto* team = app.add_subcommand("team", "Rank frameworks for a team and its goals");
  auto args = std::make_shared<TeamArgs>();
  team->add_option("catalog", args->catalog_path, "Catalog file")->required();
  team->add_option("--members", args->members_path,
                   "JSON file: [{\"id\": ..., \"mastery\": {item: value}}]")
      ->required();
  team->add_option("--goal,-g", args->goals, "Goal id, optionally with a weight: microservices:2")
      ->delimiter(',');
  team->add_option("--type", args->type, "Only candidates of this type, e.g. \"Web Framework\"");
  team->add_option("--kind", args->kind,
                   "Candidate kind: framework (default), topic, project, any");
  team->add_option("-k", args->k, "How many candidates")->check(CLI::Range(1, 100));
  team->add_flag("--json", args->json, "Print the API's JSON answer");
  team->callback([&context, args] { context.exit_code = RunTeam(*args); });
}

}  // namespace pathrank::cli
