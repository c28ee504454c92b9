#include "plugin_config.h"

#include <cmath>
#include <cstdio>

#include "plugin_kit.h"

namespace pathrank::plugin {

namespace {

// "<reason> at line L, column C" from JsonDocument's "line L, column C:
// <reason>" (the reason first, as this message always was).
std::string ParseErrorText(const std::string& error) {
  const size_t colon = error.find(": ");
  if (colon == std::string::npos) return error;
  return error.substr(colon + 2) + " at " + error.substr(0, colon);
}

}  // namespace

PluginConfig::PluginConfig(std::string_view text, std::initializer_list<std::string_view> known) {
  if (text.find_first_not_of(" \t\r\n") != std::string_view::npos) {
    std::string error;
    if (!doc_.Parse(text, &error)) {
      throw PluginError(PR_ERR_CONFIG, "config: not JSON: " + ParseErrorText(error));
    }
    parsed_ = true;
    if (!doc_.value().is_object()) {
      throw PluginError(PR_ERR_CONFIG, "config: expected a JSON object, got " +
                                           std::string(doc_.value().type_name()));
    }
  }
  for (const auto& [key, value] : Root().Members()) {
    bool found = false;
    for (std::string_view k : known) found = found || k == key;
    if (!found) {
      std::string list;
      for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      Fail(key, "unknown key (known: " + list + ")");
    }
  }
}

void PluginConfig::Fail(std::string_view key, std::string_view reason) {
  throw PluginError(PR_ERR_CONFIG,
                    "config: key \"" + std::string(key) + "\": " + std::string(reason));
}

json::JsonValue PluginConfig::Raw(const char* key) const { return Root().Find(key); }

std::string PluginConfig::String(const char* key, std::string fallback) const {
  const json::JsonValue v = Raw(key);
  if (v.is_null()) return fallback;
  if (!v.is_string())
    Fail(key, std::string("expected a string, got ") + std::string(v.type_name()));
  return std::string(v.string());
}

std::string PluginConfig::RequiredString(const char* key) const {
  if (!Has(key)) Fail(key, "missing");
  std::string s = String(key);
  if (s.empty()) Fail(key, "empty");
  return s;
}

std::string PluginConfig::Choice(const char* key, std::initializer_list<std::string_view> choices,
                                 std::string fallback) const {
  std::string value = String(key, fallback);
  std::string list;
  for (std::string_view c : choices) {
    if (c == value) return value;
    list += (list.empty() ? "\"" : " or \"") + std::string(c) + "\"";
  }
  Fail(key, "expected " + list + ", got \"" + value + "\"");
}

bool PluginConfig::Bool(const char* key, bool fallback) const {
  const json::JsonValue v = Raw(key);
  if (v.is_null()) return fallback;
  if (!v.is_bool())
    Fail(key, std::string("expected true or false, got ") + std::string(v.type_name()));
  return v.boolean();
}

double PluginConfig::Number(const char* key, double fallback, double lo, double hi) const {
  const json::JsonValue v = Raw(key);
  if (v.is_null()) return fallback;
  if (!v.is_number())
    Fail(key, std::string("expected a number, got ") + std::string(v.type_name()));
  const double d = v.number();
  if (!std::isfinite(d) || d < lo || d > hi) {
    char range[64];
    std::snprintf(range, sizeof(range), "[%g, %g]", lo, hi);
    Fail(key, std::string("expected a number in ") + range);
  }
  return d;
}

std::map<std::string, std::string> PluginConfig::StringMap(const char* key) const {
  std::map<std::string, std::string> out;
  const json::JsonValue v = Raw(key);
  if (v.is_null()) return out;
  if (!v.is_object())
    Fail(key, std::string("expected an object, got ") + std::string(v.type_name()));
  for (const auto& [k, value] : v.Members()) {
    if (!value.is_string()) {
      Fail(std::string(key) + "/" + std::string(k),
           "expected a string, got " + std::string(value.type_name()));
    }
    out[std::string(k)] = std::string(value.string());
  }
  return out;
}

}  // namespace pathrank::plugin
