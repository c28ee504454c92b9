// xAPI statements -> progress events (rules documented in plugins/README.md):
//   - input: a JSON array of statements, or an LRS answer {"statements": [...]};
//   - learner: the actor's identifier: account -> its name (only accounts of
//     account_home_page when that is set), mbox -> "mailto:..." as written,
//     mbox_sha1sum -> "sha1:<hex>", openid -> the URI; Groups are skipped;
//   - item: activity_map[IRI], else the part of the IRI after
//     activity_prefix up to the next '/', '?' or '#', prefixed with
//     item_prefix; other activities are skipped;
//   - mastery: MasteryTable (verb + result); verbs outside it are skipped;
//   - idempotency key: the statement id (lower-cased UUID), required;
//   - voided statements (targets of a voiding statement) yield nothing; a
//     voiding statement that targets another voiding statement is ignored;
//   - a repeated id with the same content (ignoring authority, stored and
//     version) is one statement; with other content it is malformed.
// Malformed statements are defects named by their index in the array and
// the JSON pointer of the field: `statement 3: /actor: ...`.
//
// Thread safety: pure functions over their arguments.

#ifndef PATHRANK_PLUGINS_XAPI_XAPI_STATEMENTS_H_
#define PATHRANK_PLUGINS_XAPI_XAPI_STATEMENTS_H_

#include <map>
#include <string>

#include "../common/defects.h"
#include "pathrank/plugin.h"
#include "xapi_mastery.h"

namespace pathrank::plugin {

struct XapiOptions {
  std::string path;
  std::string activity_prefix;
  std::string item_prefix;
  std::map<std::string, std::string> activity_map;  // activity IRI -> item id
  std::string account_home_page;                    // "" = any
  MasteryTable mastery;
  OnInvalid on_invalid = OnInvalid::kFail;
};

// Reads the statements in options.path and hands one progress event per
// counted statement to `sink`, in source order. Throws PluginError.
void ReadXapiStatements(const XapiOptions& options, const pr_sink* sink);

}  // namespace pathrank::plugin

#endif  // PATHRANK_PLUGINS_XAPI_XAPI_STATEMENTS_H_
