#include "plugin_config.h"

#include <cmath>
#include <cstdio>

#include "plugin_kit.h"

namespace pathrank::plugin {

using nlohmann::json;

namespace {

// nlohmann's message without its "[json.exception.<kind>.<n>] " prefix and,
// for a syntax error, from "line L, column C: ..." on.
std::string JsonErrorReason(const json::exception& e) {
  std::string what = e.what();
  const size_t line = what.find("line ");
  if (dynamic_cast<const json::parse_error*>(&e) != nullptr && line != std::string::npos) {
    return what.substr(line);
  }
  const size_t bracket = what.find("] ");
  return bracket == std::string::npos ? what : what.substr(bracket + 2);
}

}  // namespace

json ParseJsonDocument(std::string_view text, pr_status code, const std::string& what) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    throw PluginError(code, what + ": not JSON: " + JsonErrorReason(e));
  } catch (const json::out_of_range& e) {
    throw PluginError(code, what + ": not JSON: " + JsonErrorReason(e));
  }
}

PluginConfig::PluginConfig(std::string_view text, std::initializer_list<std::string_view> known) {
  json_ = text.find_first_not_of(" \t\r\n") == std::string_view::npos
              ? json::object()
              : ParseJsonDocument(text, PR_ERR_CONFIG, "config");
  if (!json_.is_object()) {
    throw PluginError(PR_ERR_CONFIG,
                      std::string("config: expected a JSON object, got ") + json_.type_name());
  }
  for (const auto& [key, value] : json_.items()) {
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

const nlohmann::json& PluginConfig::Raw(const char* key) const {
  static const json kNull;
  auto it = json_.find(key);
  return it == json_.end() ? kNull : *it;
}

std::string PluginConfig::String(const char* key, std::string fallback) const {
  const json& v = Raw(key);
  if (v.is_null()) return fallback;
  if (!v.is_string()) Fail(key, std::string("expected a string, got ") + v.type_name());
  return v.get<std::string>();
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
  const json& v = Raw(key);
  if (v.is_null()) return fallback;
  if (!v.is_boolean()) Fail(key, std::string("expected true or false, got ") + v.type_name());
  return v.get<bool>();
}

double PluginConfig::Number(const char* key, double fallback, double lo, double hi) const {
  const json& v = Raw(key);
  if (v.is_null()) return fallback;
  if (!v.is_number()) Fail(key, std::string("expected a number, got ") + v.type_name());
  const double d = v.get<double>();
  if (!std::isfinite(d) || d < lo || d > hi) {
    char range[64];
    std::snprintf(range, sizeof(range), "[%g, %g]", lo, hi);
    Fail(key, std::string("expected a number in ") + range);
  }
  return d;
}

std::map<std::string, std::string> PluginConfig::StringMap(const char* key) const {
  std::map<std::string, std::string> out;
  const json& v = Raw(key);
  if (v.is_null()) return out;
  if (!v.is_object()) Fail(key, std::string("expected an object, got ") + v.type_name());
  for (const auto& [k, value] : v.items()) {
    if (!value.is_string()) {
      Fail(std::string(key) + "/" + k, std::string("expected a string, got ") + value.type_name());
    }
    out[k] = value.get<std::string>();
  }
  return out;
}

}  // namespace pathrank::plugin
