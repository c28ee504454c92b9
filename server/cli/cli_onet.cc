// `pathrank import-onet`: O*NET occupations as goals of a catalog
// (ops/onet_goals.h; docs/importers.md).

#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "cli/cli.h"
#include "ops/onet_goals.h"
#include "pathrank/catalog_builder.h"
#include "pathrank/catalog_json.h"

namespace pathrank::cli {

namespace {

struct OnetArgs {
  std::string dir;
  std::string catalog;
  std::string aliases;
  std::string out;
  std::string id;
  std::string title;
  std::string unmapped;
  size_t min_items = 3;
  size_t show = 10;
};

Status WriteUnmapped(const ops::OnetImport& r, const std::string& path) {
  std::ofstream out(path, std::ios::binary);
  out << "technology\toccupations\thot\n";
  for (const ops::UnmappedTechnology& u : r.unmapped)
    out << u.name << '\t' << u.occupations << '\t' << u.hot << '\n';
  out.close();
  return out ? Status::Ok() : Status::Unavailable("cannot write " + path);
}

int RunImportOnet(const OnetArgs& args) {
  auto base = LoadCatalogFile(args.catalog);
  if (!base) return Fail(base.error());
  auto imported = ops::ImportOnetGoals(
      (*base)->ToSpec(),
      {.dir = args.dir, .aliases_path = args.aliases, .min_items = args.min_items});
  if (!imported) return Fail(imported.error());
  ops::OnetImport& r = *imported;
  if (!args.id.empty()) r.catalog.id = args.id;
  if (!args.title.empty()) r.catalog.title = args.title;
  auto built = BuildCatalog(r.catalog);  // the goals validate with their catalog
  if (!built) return Fail(built.error());
  if (Status s = SaveCatalogFile(r.catalog, args.out); !s.ok()) return Fail(s);
  if (!args.unmapped.empty()) {
    if (Status s = WriteUnmapped(r, args.unmapped); !s.ok()) return Fail(s);
  }
  for (const std::string& w : r.warnings) std::cerr << "pathrank: onet: warning: " << w << '\n';
  std::cout << "read " << r.rows << " technology rows of " << r.occupations << " occupations; "
            << r.mapped_rows << " rows mapped to items; " << r.goals << " goals, "
            << r.too_few_items << " occupations with fewer than " << args.min_items
            << " mapped items; " << r.unmapped.size() << " technologies unmapped; "
            << r.warnings.size() << " warnings -> " << args.out << '\n';
  for (size_t i = 0; i < r.unmapped.size() && i < args.show; ++i) {
    std::cout << "  unmapped: " << r.unmapped[i].name << " (" << r.unmapped[i].occupations
              << " occupations, " << r.unmapped[i].hot << " hot)\n";
  }
  return 0;
}

}  // namespace

void AddOnetCommand(CLI::App& app, Context& context) {
  auto* cmd = app.add_subcommand(
      "import-onet",
      "Add O*NET occupations (Technology Skills) to a catalog as goals \"onet-<code>\"");
  auto args = std::make_shared<OnetArgs>();
  cmd->add_option("--dir,-d", args->dir,
                  "Folder of the O*NET text files (Technology Skills.txt, Occupation Data.txt)")
      ->required();
  cmd->add_option("--catalog", args->catalog, "The catalog the goals are for")->required();
  cmd->add_option("--aliases,-a", args->aliases,
                  "Alias table: technology<TAB>item id per line, # comments");
  cmd->add_option("--out,-o", args->out, "Catalog file to write: the catalog with the goals")
      ->required();
  cmd->add_option("--id", args->id, "Id of the written catalog (default: the catalog's)");
  cmd->add_option("--title", args->title, "Title of the written catalog");
  cmd->add_option("--min-items", args->min_items,
                  "Fewest mapped items that make an occupation a goal (default 3)");
  cmd->add_option("--unmapped", args->unmapped,
                  "Write every unmapped technology here (TSV: technology, occupations, hot)");
  cmd->add_option("--show", args->show, "Unmapped technologies to print (default 10)");
  cmd->callback([&context, args] { context.exit_code = RunImportOnet(*args); });
}

}  // namespace pathrank::cli
