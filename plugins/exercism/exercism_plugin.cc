// The exercism plugin: an Exercism track's config.json as a catalog of the
// language's concepts and exercises. Mapping: exercism_track.h; config keys:
// plugins/README.md.

#include "../common/catalog_records.h"
#include "../common/plugin_config.h"
#include "../common/plugin_kit.h"
#include "exercism_track.h"
#include "pathrank/plugin.h"

namespace pathrank::plugin {
namespace {

struct ExercismPlugin {
  using Options = ExercismOptions;

  static Options Parse(std::string_view text) {
    const PluginConfig config(text, {"path", "include_wip", "on_invalid"});
    Options o;
    o.path = config.RequiredString("path");
    o.include_wip = config.Bool("include_wip", false);
    o.on_invalid = ReadOnInvalid(config);
    return o;
  }

  static void Read(const Options& o, const pr_sink* sink) {
    CatalogRecords records = ReadExercismTrack(o, sink);
    RepairCatalog(&records, o.on_invalid, sink);
    EmitCatalog(records, sink);
  }
};

}  // namespace
}  // namespace pathrank::plugin

PATHRANK_PLUGIN_ENTRY(
    ExercismPlugin, "exercism", "1.0.0",
    "Catalogs from an Exercism track's config.json: concepts, exercises, prerequisites",
    PR_PROVIDES_CATALOG)
