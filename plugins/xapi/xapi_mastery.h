// How an xAPI statement's verb and result become a mastery in [0, 1]: a
// table of verbs (documented in plugins/README.md, changeable by config)
// and three thresholds. For a verb in the table, with entry
// {mastery, min, max}:
//   1. m = mastery; when the result has a scaled score s (or raw within
//      min..max, scaled as (raw - min) / (max - min)), m = clamp(s, min, max);
//   2. result.completion == true:  m = max(m, completion_floor);
//   3. result.success == true:     m = max(m, success_floor);
//      result.success == false:    m = min(m, failure_ceiling);
//   4. m is clamped to [0, 1].
// A verb not in the table (cmi5's launched, initialized, terminated,
// abandoned, for example) is evidence of nothing: the statement is skipped.
//
// Thread safety: immutable after construction.

#ifndef PATHRANK_PLUGINS_XAPI_XAPI_MASTERY_H_
#define PATHRANK_PLUGINS_XAPI_XAPI_MASTERY_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "util/json/json_document.h"

namespace pathrank::plugin {

inline constexpr std::string_view kAdlVerbs = "http://adlnet.gov/expapi/verbs/";
inline constexpr std::string_view kVoidedVerb = "http://adlnet.gov/expapi/verbs/voided";

struct VerbRule {
  double mastery = 0.0;  // with no score
  double min = 0.0;      // a scaled score is clamped to [min, max]
  double max = 1.0;
};

// The parts of a statement's result that count.
struct ResultEvidence {
  std::optional<double> scaled;  // in [-1, 1]
  std::optional<bool> success;
  std::optional<bool> completion;
};

class MasteryTable {
 public:
  // The default table.
  MasteryTable();

  // Applies config: "verbs" (object of verb -> {"mastery", "min", "max"} or
  // null to remove it; a verb is an IRI or a short name such as "passed"),
  // "success_floor", "failure_ceiling", "completion_floor". Throws
  // PluginError PR_ERR_CONFIG naming the key.
  void Configure(json::JsonValue verbs, double success_floor, double failure_ceiling,
                 double completion_floor);

  // The mastery a statement with verb IRI `verb` and `result` shows, or
  // nullopt when the verb is not in the table.
  std::optional<double> Mastery(const std::string& verb, const ResultEvidence& result) const;

  const std::map<std::string, VerbRule>& rules() const { return rules_; }

  // The IRI of a short verb name ("passed" -> ADL's IRI), or `name` itself
  // when it is already an IRI (contains ':'). nullopt for an unknown name.
  static std::optional<std::string> VerbIri(std::string_view name);

  static constexpr double kDefaultSuccessFloor = 0.8;
  static constexpr double kDefaultFailureCeiling = 0.5;
  static constexpr double kDefaultCompletionFloor = 0.5;

 private:
  std::map<std::string, VerbRule> rules_;  // by verb IRI
  double success_floor_ = kDefaultSuccessFloor;
  double failure_ceiling_ = kDefaultFailureCeiling;
  double completion_floor_ = kDefaultCompletionFloor;
};

}  // namespace pathrank::plugin

#endif  // PATHRANK_PLUGINS_XAPI_XAPI_MASTERY_H_
