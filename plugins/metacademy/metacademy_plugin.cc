// The metacademy plugin: Metacademy's content repository (concepts/ and
// courses/) as a catalog of machine-learning and mathematics concepts.
// Mapping: metacademy_content.h; config keys: plugins/README.md.

#include "../common/catalog_records.h"
#include "../common/plugin_config.h"
#include "../common/plugin_kit.h"
#include "metacademy_content.h"
#include "pathrank/plugin.h"

namespace pathrank::plugin {
namespace {

struct MetacademyPlugin {
  using Options = MetacademyOptions;

  static Options Parse(std::string_view text) {
    const PluginConfig config(text, {"path", "on_invalid"});
    Options o;
    o.path = config.RequiredString("path");
    o.on_invalid = ReadOnInvalid(config);
    return o;
  }

  static void Read(const Options& o, const pr_sink* sink) {
    Defects defects(o.on_invalid, sink);
    CatalogRecords records = ReadMetacademy(o, &defects, sink);
    defects.Finish();  // kFail: the source's own defects first
    RepairCatalog(&records, o.on_invalid, sink);
    AssignDepthDifficulty(&records);
    EmitCatalog(records, sink);
  }
};

}  // namespace
}  // namespace pathrank::plugin

PATHRANK_PLUGIN_ENTRY(MetacademyPlugin, "metacademy", "1.0.0",
                      "Catalogs from Metacademy's content repository: concepts, prerequisites "
                      "(hard and shortcut), courses as goals",
                      PR_PROVIDES_CATALOG)
