// `pathrank validate` and `pathrank items`.

#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "cli/cli.h"
#include "cli/table.h"
#include "pathrank/catalog_builder.h"
#include "pathrank/catalog_json.h"
#include "pathrank/item_query.h"
#include "util/file_io.h"

namespace pathrank::cli {

namespace {

void PrintCounts(const Catalog& catalog, std::ostream& out) {
  out << "catalog " << catalog.id() << " \"" << catalog.title() << "\""
      << (catalog.version().empty() ? "" : " version " + catalog.version()) << ": valid\n";
  std::map<ItemKind, size_t> by_kind;
  std::vector<size_t> by_stage(catalog.stages().size(), 0);
  for (const Item& item : catalog.items()) {
    ++by_kind[item.kind];
    ++by_stage[item.stage];
  }
  out << "items: " << catalog.item_count() << " (";
  const char* sep = "";
  for (ItemKind kind : {ItemKind::kTopic, ItemKind::kFramework, ItemKind::kProject}) {
    out << sep << ItemKindName(kind) << ' ' << by_kind[kind];
    sep = ", ";
  }
  out << ")\n";
  Table stages({"stage", "title", "items"}, {false, false, true});
  for (size_t s = 0; s < by_stage.size(); ++s) {
    stages.AddRow({catalog.stages()[s].id, catalog.stages()[s].title, std::to_string(by_stage[s])});
  }
  stages.Print(out);
  size_t requires_count = 0;
  for (const Clause& c : catalog.clauses()) {
    if (c.type == ClauseType::kRequires) ++requires_count;
  }
  out << "clauses: " << catalog.clause_count() << " (requires " << requires_count << ", recommends "
      << catalog.clause_count() - requires_count << "), alternatives "
      << catalog.alternative_count() << '\n';
  out << "goals: " << catalog.goals().size();
  for (const Goal& g : catalog.goals()) out << (&g == &catalog.goals()[0] ? " (" : ", ") << g.id;
  out << (catalog.goals().empty() ? "\n" : ")\n");
}

int RunValidate(const std::string& path) {
  auto catalog = LoadCatalogFile(path);
  if (!catalog) {
    std::cerr << "pathrank: invalid catalog " << catalog.error().message() << '\n';
    return catalog.error().code() == StatusCode::kUnavailable ? kExitIo : kExitInvalid;
  }
  PrintCounts(**catalog, std::cout);
  return 0;
}

int RunItems(const std::string& path, const ItemQuery& query, const std::string& kind) {
  auto catalog = LoadCatalogFile(path);
  if (!catalog) return Fail(catalog.error());
  ItemQuery q = query;
  if (!kind.empty()) {
    q.kind = ParseItemKind(kind);
    if (!q.kind) {
      return Fail(Status::InvalidArgument("--kind: expected topic, framework or project, got \"" +
                                          kind + "\""));
    }
  }
  if (!q.stage.empty() && !(*catalog)->FindStage(q.stage)) {
    return Fail(Status::NotFound("--stage: catalog has no stage \"" + q.stage + "\""));
  }
  const Catalog& c = **catalog;
  Table table({"id", "kind", "stage", "hours", "diff", "title"},
              {false, false, false, true, true, false});
  const auto found = FindItems(c, q);
  for (ItemId i : found) {
    const Item& item = c.item(i);
    table.AddRow({item.id, std::string(ItemKindName(item.kind)), c.stages()[item.stage].id,
                  Fixed(item.hours, 1), std::to_string(item.difficulty), item.title});
  }
  table.Print(std::cout);
  std::cout << found.size() << " of " << c.item_count() << " items\n";
  return 0;
}

}  // namespace

void AddCatalogCommands(CLI::App& app, Context& context) {
  auto* validate =
      app.add_subcommand("validate", "Check a catalog; print its counts, or every error (exit 1)");
  auto validate_path = std::make_shared<std::string>();
  validate->add_option("catalog", *validate_path, "Catalog file (pathrank.catalog/v1)")->required();
  validate->callback(
      [&context, validate_path] { context.exit_code = RunValidate(*validate_path); });

  auto* items = app.add_subcommand("items", "List a catalog's items as a table");
  struct ItemsArgs {
    std::string path, kind;
    ItemQuery query;
  };
  auto args = std::make_shared<ItemsArgs>();
  items->add_option("catalog", args->path, "Catalog file")->required();
  items->add_option("--kind", args->kind, "topic, framework or project");
  items->add_option("--stage", args->query.stage, "Stage id");
  items->add_option("--tag", args->query.tag, "Tag");
  items->add_option("--query,-q", args->query.text,
                    "Case-insensitive text in the id, title or an alias");
  items->callback(
      [&context, args] { context.exit_code = RunItems(args->path, args->query, args->kind); });
}

}  // namespace pathrank::cli
