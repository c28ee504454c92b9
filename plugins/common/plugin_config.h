// A plugin's JSON config document with typed getters whose errors name the
// key: `config: key "layout": expected "tables" or "exercise_table", got
// "table"`. Shared by pathrank's own plugins; compiled into each. The text
// is read by json::JsonDocument (engine/util/json/, linked statically into
// each plugin); objects are maps (of repeated keys the last).
//
// Thread safety: not shared between threads.

#ifndef PATHRANK_PLUGINS_COMMON_PLUGIN_CONFIG_H_
#define PATHRANK_PLUGINS_COMMON_PLUGIN_CONFIG_H_

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "util/json/json_document.h"

namespace pathrank::plugin {

class PluginConfig {
 public:
  // Parses `text` (an object; "" means {}) and rejects keys not in `known`.
  // Throws PluginError PR_ERR_CONFIG naming the line and column or the key.
  PluginConfig(std::string_view text, std::initializer_list<std::string_view> known);

  bool Has(const char* key) const { return Raw(key).present(); }
  // Each getter returns `fallback` when the key is absent and throws
  // PluginError PR_ERR_CONFIG when its value has the wrong type or range.
  std::string String(const char* key, std::string fallback = "") const;
  std::string RequiredString(const char* key) const;
  // One of `choices`.
  std::string Choice(const char* key, std::initializer_list<std::string_view> choices,
                     std::string fallback) const;
  bool Bool(const char* key, bool fallback) const;
  double Number(const char* key, double fallback, double lo, double hi) const;
  // An object of string -> string.
  std::map<std::string, std::string> StringMap(const char* key) const;
  // The raw value (absent, which reads as null, when the key is not
  // there); valid while this config lives.
  json::JsonValue Raw(const char* key) const;

  [[noreturn]] static void Fail(std::string_view key, std::string_view reason);

 private:
  // The object; absent for an empty text.
  json::JsonValue Root() const { return parsed_ ? doc_.value() : json::JsonValue(); }

  json::JsonDocument doc_;
  bool parsed_ = false;
};

}  // namespace pathrank::plugin

#endif  // PATHRANK_PLUGINS_COMMON_PLUGIN_CONFIG_H_
