// The xapi plugin: xAPI statements as progress events. Rules:
// xapi_statements.h and xapi_mastery.h; config keys: plugins/README.md.

#include "../common/defects.h"
#include "../common/plugin_config.h"
#include "../common/plugin_kit.h"
#include "pathrank/plugin.h"
#include "xapi_statements.h"

namespace pathrank::plugin {
namespace {

struct XapiPlugin {
  using Options = XapiOptions;

  static Options Parse(std::string_view text) {
    const PluginConfig config(
        text, {"path", "activity_prefix", "item_prefix", "activity_map", "account_home_page",
               "verbs", "success_floor", "failure_ceiling", "completion_floor", "on_invalid"});
    Options o;
    o.path = config.RequiredString("path");
    o.activity_prefix = config.String("activity_prefix");
    o.item_prefix = config.String("item_prefix");
    o.activity_map = config.StringMap("activity_map");
    if (o.activity_prefix.empty() && o.activity_map.empty()) {
      PluginConfig::Fail("activity_prefix",
                         "give activity_prefix or activity_map, so that activities map to items");
    }
    o.account_home_page = config.String("account_home_page");
    o.mastery.Configure(
        config.Raw("verbs"),
        config.Number("success_floor", MasteryTable::kDefaultSuccessFloor, 0, 1),
        config.Number("failure_ceiling", MasteryTable::kDefaultFailureCeiling, 0, 1),
        config.Number("completion_floor", MasteryTable::kDefaultCompletionFloor, 0, 1));
    o.on_invalid = ReadOnInvalid(config);
    return o;
  }

  static void Read(const Options& o, const pr_sink* sink) { ReadXapiStatements(o, sink); }
};

}  // namespace
}  // namespace pathrank::plugin

PATHRANK_PLUGIN_ENTRY(XapiPlugin, "xapi", "1.0.0",
                      "Progress events from xAPI statements (a JSON array or an LRS answer)",
                      PR_PROVIDES_PROGRESS)
