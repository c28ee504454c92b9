#include "xapi_mastery.h"

#include <algorithm>
#include <cmath>

#include "../common/plugin_config.h"

namespace pathrank::plugin {

namespace {

constexpr std::string_view kCmi5Verbs = "https://w3id.org/xapi/adl/verbs/";

// Short names of the ADL verbs (http://adlnet.gov/expapi/verbs/<name>).
constexpr std::string_view kAdlNames[] = {
    "answered",    "asked",     "attempted",  "attended",    "commented",  "completed", "exited",
    "experienced", "failed",    "imported",   "initialized", "interacted", "launched",  "mastered",
    "passed",      "preferred", "progressed", "registered",  "responded",  "resumed",   "scored",
    "shared",      "suspended", "terminated", "voided"};
// Short names of the verbs cmi5 defines under https://w3id.org/xapi/adl/verbs/.
constexpr std::string_view kCmi5Names[] = {"abandoned", "waived", "satisfied"};

}  // namespace

std::optional<std::string> MasteryTable::VerbIri(std::string_view name) {
  if (name.find(':') != std::string_view::npos) return std::string(name);
  for (std::string_view n : kAdlNames) {
    if (n == name) return std::string(kAdlVerbs) + std::string(name);
  }
  for (std::string_view n : kCmi5Names) {
    if (n == name) return std::string(kCmi5Verbs) + std::string(name);
  }
  return std::nullopt;
}

MasteryTable::MasteryTable() {
  const struct {
    std::string_view name;
    VerbRule rule;
  } defaults[] = {
      {"mastered", {1.0, 1.0, 1.0}},  {"passed", {0.9, 0.8, 1.0}},
      {"completed", {0.6, 0.0, 1.0}}, {"failed", {0.3, 0.0, 0.5}},
      {"attempted", {0.2, 0.0, 1.0}}, {"experienced", {0.1, 0.0, 1.0}},
      {"satisfied", {1.0, 1.0, 1.0}}, {"waived", {1.0, 1.0, 1.0}},
  };
  for (const auto& d : defaults) rules_[*VerbIri(d.name)] = d.rule;
}

void MasteryTable::Configure(json::JsonValue verbs, double success_floor, double failure_ceiling,
                             double completion_floor) {
  success_floor_ = success_floor;
  failure_ceiling_ = failure_ceiling;
  completion_floor_ = completion_floor;
  if (verbs.is_null()) return;
  if (!verbs.is_object()) PluginConfig::Fail("verbs", "expected an object of verb -> rule");
  for (const auto& [name, rule] : verbs.Members()) {
    const std::string key = "verbs/" + std::string(name);
    const auto iri = VerbIri(name);
    if (!iri) PluginConfig::Fail(key, "not a verb IRI nor a known short name");
    if (*iri == kVoidedVerb) PluginConfig::Fail(key, "voided statements are always honoured");
    if (rule.is_null()) {
      rules_.erase(*iri);
      continue;
    }
    if (!rule.is_object())
      PluginConfig::Fail(key, "expected {\"mastery\", \"min\", \"max\"} or null");
    VerbRule r = rules_.count(*iri) ? rules_[*iri] : VerbRule{};
    for (const auto& [field, value] : rule.Members()) {
      double* target = field == "mastery" ? &r.mastery
                       : field == "min"   ? &r.min
                       : field == "max"   ? &r.max
                                          : nullptr;
      if (target == nullptr)
        PluginConfig::Fail(key + "/" + std::string(field),
                           "unknown key (known: mastery, min, max)");
      if (!value.is_number() || value.number() < 0 || value.number() > 1) {
        PluginConfig::Fail(key + "/" + std::string(field), "expected a number in [0, 1]");
      }
      *target = value.number();
    }
    if (r.min > r.max) PluginConfig::Fail(key, "min is greater than max");
    rules_[*iri] = r;
  }
}

std::optional<double> MasteryTable::Mastery(const std::string& verb,
                                            const ResultEvidence& result) const {
  auto it = rules_.find(verb);
  if (it == rules_.end()) return std::nullopt;
  const VerbRule& rule = it->second;
  double m = rule.mastery;
  if (result.scaled) m = std::clamp(*result.scaled, rule.min, rule.max);
  if (result.completion == true) m = std::max(m, completion_floor_);
  if (result.success == true) m = std::max(m, success_floor_);
  if (result.success == false) m = std::min(m, failure_ceiling_);
  return std::clamp(m, 0.0, 1.0);
}

}  // namespace pathrank::plugin
