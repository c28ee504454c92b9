// `pathrank import`, `pathrank import-progress` and `pathrank plugins`.

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/table.h"
#include "ops/access_log.h"
#include "ops/config.h"
#include "ops/progress_import.h"
#include "pathrank/catalog_json.h"
#include "pathrank/plugin_host.h"
#include "store/open_learner_store.h"
#include "util/file_io.h"

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

struct ImportProgressArgs {
  std::string plugin;
  std::string config;
  std::string config_file;
  std::string catalog;  // "[id=]path"
  std::string db = "var/pathrank.db";
  std::string source;
  std::string on_invalid = "fail";
  bool no_create = false;
  bool dry_run = false;
  bool quiet = false;
};

int RunImportProgress(const ImportProgressArgs& args) {
  std::string config = args.config.empty() ? "{}" : args.config;
  if (!args.config_file.empty()) {
    auto text = ReadFile(args.config_file);
    if (!text) return Fail(text.error());
    config = std::move(*text);
  }
  const server::CatalogSourceConfig catalog_source = server::ParseCatalogArgument(args.catalog);
  auto catalog = LoadCatalogFile(catalog_source.path);
  if (!catalog) return Fail(catalog.error());
  auto plugin = LoadedPlugin::Open(args.plugin);
  if (!plugin) return Fail(plugin.error());
  if (!plugin->info().provides_progress) {
    return Fail(Status::InvalidArgument("plugin " + plugin->info().name + " (" + args.plugin +
                                        ") provides no progress events"));
  }
  std::vector<PluginLogLine> log;
  auto events = plugin->ReadProgress(config, &log);
  PrintLog(plugin->info().name, log, args.quiet);
  if (!events) return Fail(events.error());

  server::StoreConfig store_config;
  store_config.path = args.db;
  store_config.pool_size = 1;
  auto store = server::OpenLearnerStore(store_config);
  if (!store) return Fail(store.error());
  server::ProgressImportOptions options;
  options.source = args.source.empty() ? plugin->info().name : args.source;
  options.catalog_id = catalog_source.id;
  options.drop_invalid = args.on_invalid == "drop";
  options.create_learners = !args.no_create;
  options.dry_run = args.dry_run;
  auto report = server::ImportProgress(*events, **catalog, **store, options, server::NowMs());
  Status closed = (*store)->Close();
  if (!report) {
    Status error = report.error();
    for (const FieldError& f : error.fields()) {
      std::cerr << "pathrank: " << f.field << ": " << f.message << '\n';
    }
    return Fail(error);
  }
  if (!closed.ok()) return Fail(closed);
  for (const std::string& line : report->dropped) std::cerr << "pathrank: " << line << '\n';
  std::cout << (args.dry_run ? "checked " : "imported ") << report->events << " events from "
            << plugin->info().name << ' ' << plugin->info().version << " into " << args.db << ": "
            << report->learners << " learners (" << report->learners_created
            << (args.dry_run ? " to create), " : " created), ") << report->accepted
            << (args.dry_run ? " to offer, " : " accepted, ") << report->duplicates
            << " duplicates, " << report->dropped.size() << " dropped\n";
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

auto* progress = app.add_subcommand(
    "import-progress",
    "Read progress events through a plugin (xAPI, ...) into the learner store, idempotently");
auto pargs = std::make_shared<ImportProgressArgs>();
progress->add_option("--plugin,-p", pargs->plugin, "Plugin library (a path; no search)")
    ->required();
auto* pconfig = progress->add_option("--config,-c", pargs->config, "Plugin config (JSON text)");
progress->add_option("--config-file", pargs->config_file, "Plugin config (a JSON file)")
    ->excludes(pconfig);
progress
    ->add_option("--catalog", pargs->catalog,
                 "[id=]catalog file the events' items belong to (id: the served id)")
    ->required();
progress->add_option("--db", pargs->db, "Learner store: a SQLite file or a postgresql:// URL")
    ->capture_default_str();
progress->add_option("--source", pargs->source,
                     "Source name in derived idempotency keys (default: the plugin's name)");
progress->add_option("--on-invalid", pargs->on_invalid, "fail: import nothing; drop: skip them")
    ->check(CLI::IsMember({"fail", "drop"}));
progress->add_flag("--no-create-learners", pargs->no_create,
                   "Events of learners the store does not know are invalid");
progress->add_flag("--dry-run", pargs->dry_run, "Check and count; write nothing");
progress->add_flag("--quiet,-q", pargs->quiet, "Print only the plugin's warnings and errors");
progress->callback([&context, pargs] { context.exit_code = RunImportProgress(*pargs); });

auto* plugins = app.add_subcommand(
    "plugins", "List the plugins in a directory: name, version, ABI (exit 1 if one fails)");
auto dir = std::make_shared<std::string>();
plugins->add_option("dir", *dir, "Directory of plugin libraries (*.so)")->required();
plugins->callback([&context, dir] { context.exit_code = RunPlugins(*dir); });
}  // namespace pathrank::cli

}  // namespace pathrank::cli
