// A plugin's JSON config document with typed getters whose errors name the
// key: `config: key "layout": expected "tables" or "exercise_table", got
// "table"`. Shared by pathrank's own plugins; compiled into each.
//
// Thread safety: not shared between threads.

#ifndef PATHRANK_PLUGINS_COMMON_PLUGIN_CONFIG_H_
#define PATHRANK_PLUGINS_COMMON_PLUGIN_CONFIG_H_

#include <initializer_list>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pathrank/plugin.h"

namespace pathrank::plugin {

// Parses `text` as one JSON document. Throws PluginError `code` with
// "<what>: not JSON: <reason>", the reason being "line L, column C: ..."
// for a syntax error and "number overflow parsing '1e309'" for a number
// too large for a double (nlohmann throws out_of_range for that, not
// parse_error: both are bad input, never an internal error).
nlohmann::json ParseJsonDocument(std::string_view text, pr_status code, const std::string& what);

class PluginConfig {
 public:
  // Parses `text` (an object; "" means {}) and rejects keys not in `known`.
  // Throws PluginError PR_ERR_CONFIG naming the line and column or the key.
  PluginConfig(std::string_view text, std::initializer_list<std::string_view> known);

  bool Has(const char* key) const { return json_.contains(key); }
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
  // The raw value (null when absent).
  const nlohmann::json& Raw(const char* key) const;

  [[noreturn]] static void Fail(std::string_view key, std::string_view reason);

 private:
  nlohmann::json json_;
};

}  // namespace pathrank::plugin

#endif  // PATHRANK_PLUGINS_COMMON_PLUGIN_CONFIG_H_
