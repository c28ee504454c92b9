// `pathrank import` and `pathrank plugins`.

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli.h"
#include "pathrank/catalog_json.h"
#include "pathrank/file_io.h"
#include "pathrank/plugin_host.h"
#include "table.h"

namespace pathrank::cli {

namespace {

struct ImportArgs {
  std::string plugin;
  std::string config;
  std::string config_file;
  std::string out;
  bool quiet = false;
};

// Prints the plugin's log lines to stderr ("pathrank: csv: warning: ...");
// info and debug lines only when not `quiet`.
void PrintLog(const std::string& plugin, const std::vector<PluginLogLine>& log, bool quiet) {
  for (const PluginLogLine& line : log) {
    if (quiet && line.level < PluginLogLevel::kWarning) continue;
    std::cerr << "pathrank: " << plugin << ": " << PluginLogLevelName(line.level) << ": "
              << line.message << '\n';
  }
}

int RunImport(const ImportArgs& args) {
  std::string config = args.config;
  if (!args.config_file.empty()) {
    auto text = ReadFile(args.config_file);
    if (!text) return Fail(text.error());
    config = std::move(*text);
  }
  auto plugin = LoadedPlugin::Open(args.plugin);
  if (!plugin) return Fail(plugin.error());
  std::vector<PluginLogLine> log;
  auto catalog = plugin->ReadCatalog(config, &log);
  PrintLog(plugin->info().name, log, args.quiet);
  if (!catalog) return Fail(catalog.error());
  const Catalog& c = **catalog;
  Status saved = SaveCatalogFile(c.ToSpec(), args.out);
  if (!saved.ok()) return Fail(saved);
  std::cout << "imported catalog " << c.id() << " \"" << c.title() << "\" with plugin "
            << plugin->info().name << ' ' << plugin->info().version << ": " << c.item_count()
            << " items, " << c.clause_count() << " clauses, " << c.goals().size() << " goals -> "
            << args.out << '\n';
  return 0;
}

std::string Provides(const PluginInfo& info) {
  if (info.provides_catalog && info.provides_progress) return "catalog, progress";
  return info.provides_catalog ? "catalog" : "progress";
}

int RunPlugins(const std::string& dir) {
  auto listings = ListPlugins(dir);
  if (!listings) return Fail(listings.error());
  Table table({"name", "version", "abi", "provides", "file", "description"},
              {false, false, true, false, false, false});
  int exit_code = 0;
  size_t loaded = 0;
  for (const PluginListing& l : *listings) {
    if (!l.status.ok()) {
      exit_code = Fail(l.status);
      continue;
    }
    ++loaded;
    table.AddRow({l.info.name, l.info.version, std::to_string(l.info.abi_version), Provides(l.info),
                  std::filesystem::path(l.path).filename().string(), l.info.description});
  }
  table.Print(std::cout);
  std::cout << loaded << " plugins";
  if (loaded != listings->size()) std::cout << ", " << listings->size() - loaded << " failed";
  std::cout << " in " << dir << '\n';
  return exit_code;
}

}  // namespace

void AddPluginCommands(CLI::App& app, Context& context) {
  auto* import = app.add_subcommand(
      "import", "Read a catalog through a plugin and write it in the native format");
  auto args = std::make_shared<ImportArgs>();
  import->add_option("--plugin,-p", args->plugin, "Plugin library (a path; no search)")->required();
  auto* config = import->add_option("--config,-c", args->config, "Plugin config (JSON text)");
  import->add_option("--config-file", args->config_file, "Plugin config (a JSON file)")
      ->excludes(config);
  import->add_option("--out,-o", args->out, "Catalog file to write (pathrank.catalog/v1)")
      ->required();
  import->add_flag("--quiet,-q", args->quiet, "Print only the plugin's warnings and errors");
  import->callback([&context, args] { context.exit_code = RunImport(*args);
});

auto* plugins = app.add_subcommand(
    "plugins", "List the plugins in a directory: name, version, ABI (exit 1 if one fails)");
auto dir = std::make_shared<std::string>();
plugins->add_option("dir", *dir, "Directory of plugin libraries (*.so)")->required();
plugins->callback([&context, dir] { context.exit_code = RunPlugins(*dir); });
}  // namespace pathrank::cli

}  // namespace pathrank::cli
