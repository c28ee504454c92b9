// ScoringProfile: every weight and threshold of the scoring model, as data.
//
// The model (ARCHITECTURE.md "Scoring"), for item i with mastery m_i:
//   score_i = (1 - m_i) * ( w_cov*cov_i + w_rel*rel_i + w_unl*unl_i
//                         + w_fnd*fnd_i + w_seq*seq_i - w_eff*eff_i )
// docs/scoring.md defines each term. Profiles are loaded from JSON
// (`pathrank.profile/v1`), overridden per request by name, and written by
// the tuner.
//
// Thread safety: plain values.

#ifndef PATHRANK_SCORING_PROFILE_H_
#define PATHRANK_SCORING_PROFILE_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "pathrank/export.h"
#include "pathrank/status.h"

namespace pathrank {

struct ScoringProfile {
  std::string name = "default";
  // Term weights; each in [0, 100].
  double w_cov = 1.0;  // weighted prerequisite coverage
  double w_rel = 2.5;  // goal relevance (propagated through the DAG)
  double w_unl = 0.4;  // how much mastering the item raises its dependents' coverage
  double w_fnd = 0.2;  // share of the catalog that builds on the item (static prior)
  double w_seq = 0.0;  // learned sequence term; 0 unless a sequence model is loaded
  double w_eff = 0.3;  // effort: normalised hours and difficulty above the learner's level
  // Relevance decay per prerequisite hop, in [0, 1].
  double lambda = 0.5;
  // An item is mastered at m >= theta, in (0, 1].
  double theta = 0.8;
  // A `requires` clause is met at satisfaction >= theta_req, in (0, 1].
  double theta_req = 0.6;
  // 1: a stated mastery implies at least as much of the item's hard
  // prerequisites (InferPrerequisiteMastery, learner.h); 0: mastery is taken
  // as stated. Exactly 0 or 1.
  double infer_mastery = 1.0;

  bool operator==(const ScoringProfile&) const = default;
};

// The names of the numeric fields, in declaration order: "w_cov", ...,
// "theta_req".
PATHRANK_EXPORT const std::vector<std::string>& ProfileFieldNames();

// Sets field `name` of `profile` to `value`. Fails with InvalidArgument
// naming the field when it is unknown or `value` is not finite or out of its
// range.
PATHRANK_EXPORT Status SetProfileField(ScoringProfile& profile, std::string_view name,
                                       double value);

// The value of field `name`. REQUIRES: name is in ProfileFieldNames().
PATHRANK_EXPORT double GetProfileField(const ScoringProfile& profile, std::string_view name);

// Applies `overrides` (field name -> value) on top of `base`. Every problem
// is reported as a field error at "<pointer_prefix>/<name>".
PATHRANK_EXPORT Result<ScoringProfile> ApplyProfileOverrides(
    const ScoringProfile& base, const std::map<std::string, double>& overrides,
    std::string_view pointer_prefix = "/weights");

// The named profiles built in: "default", "goal-first" (relevance dominates),
// "foundations-first" (coverage and foundation dominate, for learners without
// goals), "quick-wins" (effort weighs more).
PATHRANK_EXPORT const std::map<std::string, ScoringProfile>& BuiltinProfiles();

// Parses a `pathrank.profile/v1` document:
//   {"format": "pathrank.profile/v1", "name": "tuned", "weights": {"w_rel": 2.0, ...}}
// Missing weights keep their defaults. Errors name the JSON pointer.
PATHRANK_EXPORT Result<ScoringProfile> ParseProfileJson(std::string_view text);
// The `pathrank.profile/v1` document of `profile` (every weight written);
// ParseProfileJson(FormatProfileJson(p)) == p.
PATHRANK_EXPORT std::string FormatProfileJson(const ScoringProfile& profile);
// Reads and parses `path`; errors are prefixed with the path.
PATHRANK_EXPORT Result<ScoringProfile> LoadProfileFile(const std::string& path);

}  // namespace pathrank

#endif  // PATHRANK_SCORING_PROFILE_H_
