// The ossu plugin: the OSSU computer-science curriculum's README.md as a
// catalog of courses. Mapping: ossu_curriculum.h, ossu_prerequisites.h;
// config keys: plugins/README.md.

#include "../common/catalog_records.h"
#include "../common/plugin_config.h"
#include "../common/plugin_kit.h"
#include "ossu_curriculum.h"
#include "pathrank/plugin.h"

namespace pathrank::plugin {
namespace {

struct OssuPlugin {
  using Options = OssuOptions;

  static Options Parse(std::string_view text) {
    const PluginConfig config(text, {"path", "on_invalid"});
    Options o;
    o.path = config.RequiredString("path");
    o.on_invalid = ReadOnInvalid(config);
    return o;
  }

  static void Read(const Options& o, const pr_sink* sink) {
    Defects defects(o.on_invalid, sink);
    CatalogRecords records = ReadOssuCurriculum(o, &defects, sink);
    defects.Finish();  // kFail: the source's own defects first
    RepairCatalog(&records, o.on_invalid, sink);
    EmitCatalog(records, sink);
  }
};

}  // namespace
}  // namespace pathrank::plugin

PATHRANK_PLUGIN_ENTRY(OssuPlugin, "ossu", "1.0.0",
                      "Catalogs from the OSSU computer-science curriculum README: courses, "
                      "free-text prerequisites resolved to courses and course groups",
                      PR_PROVIDES_CATALOG)
