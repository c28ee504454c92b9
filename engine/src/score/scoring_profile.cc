#include "pathrank/scoring_profile.h"

#include <cmath>

#include "util/file_io.h"
#include "util/json/json_writer.h"
#include "util/json_fields.h"
#include "util/text.h"

namespace pathrank {

namespace {

struct FieldInfo {
  const char* name;
  double ScoringProfile::*member;
  double lo, hi;
  bool lo_open;
  const char* range;
};

constexpr FieldInfo kFields[] = {
    {"w_cov", &ScoringProfile::w_cov, 0, 100, false, "[0, 100]"},
    {"w_rel", &ScoringProfile::w_rel, 0, 100, false, "[0, 100]"},
    {"w_unl", &ScoringProfile::w_unl, 0, 100, false, "[0, 100]"},
    {"w_fnd", &ScoringProfile::w_fnd, 0, 100, false, "[0, 100]"},
    {"w_seq", &ScoringProfile::w_seq, 0, 100, false, "[0, 100]"},
    {"w_eff", &ScoringProfile::w_eff, 0, 100, false, "[0, 100]"},
    {"lambda", &ScoringProfile::lambda, 0, 1, false, "[0, 1]"},
    {"theta", &ScoringProfile::theta, 0, 1, true, "(0, 1]"},
    {"theta_req", &ScoringProfile::theta_req, 0, 1, true, "(0, 1]"},
    {"infer_mastery", &ScoringProfile::infer_mastery, 0, 1, false, "{0, 1}"},
};

const FieldInfo* FindField(std::string_view name) {
  for (const FieldInfo& f : kFields) {
    if (name == f.name) return &f;
  }
  return nullptr;
}

constexpr std::string_view kProfileFormat = "pathrank.profile/v1";

}  // namespace

const std::vector<std::string>& ProfileFieldNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const FieldInfo& f : kFields) out.push_back(f.name);
    return out;
  }();
  return names;
}

Status SetProfileField(ScoringProfile& profile, std::string_view name, double value) {
  const FieldInfo* f = FindField(name);
  if (f == nullptr) {
    return Status::InvalidArgument("unknown profile field \"" + std::string(name) + "\"");
  }
  const bool is_switch = f->member == &ScoringProfile::infer_mastery;
  if (!std::isfinite(value) || value < f->lo || value > f->hi || (f->lo_open && value == f->lo) ||
      (is_switch && value != 0 && value != 1)) {
    return Status::InvalidArgument("profile field \"" + std::string(name) +
                                   "\" must be a number in " + f->range);
  }
  profile.*(f->member) = value;
  return Status::Ok();
}

double GetProfileField(const ScoringProfile& profile, std::string_view name) {
  const FieldInfo* f = FindField(name);
  return f == nullptr ? 0.0 : profile.*(f->member);
}

Result<ScoringProfile> ApplyProfileOverrides(const ScoringProfile& base,
                                             const std::map<std::string, double>& overrides,
                                             std::string_view pointer_prefix) {
  ScoringProfile profile = base;
  std::vector<FieldError> errors;
  for (const auto& [name, value] : overrides) {
    Status s = SetProfileField(profile, name, value);
    if (!s.ok()) {
      const FieldInfo* f = FindField(name);
      errors.push_back({internal::JsonPointer(pointer_prefix, name),
                        f == nullptr ? "unknown weight; expected one of w_cov, w_rel, w_unl, "
                                       "w_fnd, w_seq, w_eff, lambda, theta, theta_req, "
                                       "infer_mastery"
                                     : std::string("must be a number in ") + f->range});
    }
  }
  if (!errors.empty()) return internal::FieldErrorsToStatus("profile overrides", errors);
  return profile;
}

const std::map<std::string, ScoringProfile>& BuiltinProfiles() {
  static const std::map<std::string, ScoringProfile> profiles = [] {
    std::map<std::string, ScoringProfile> out;
    ScoringProfile base;
    out["default"] = base;

    ScoringProfile goal_first = base;
    goal_first.name = "goal-first";
    goal_first.w_rel = 3.0;
    goal_first.w_fnd = 0.1;
    out[goal_first.name] = goal_first;

    ScoringProfile foundations = base;
    foundations.name = "foundations-first";
    foundations.w_cov = 1.5;
    foundations.w_fnd = 1.0;
    foundations.w_rel = 0.5;
    out[foundations.name] = foundations;

    ScoringProfile quick = base;
    quick.name = "quick-wins";
    quick.w_eff = 1.0;
    quick.w_unl = 0.8;
    out[quick.name] = quick;
    return out;
  }();
  return profiles;
}

Result<ScoringProfile> ParseProfileJson(std::string_view text) {
  json::JsonDocument doc;
  PATHRANK_RETURN_IF_ERROR(internal::ParseJsonText(text, "profile", &doc));
  std::vector<FieldError> errors;
  internal::JsonFields f(doc, doc.root(), "", &errors);
  f.RejectUnknown({"format", "name", "weights", "summary"});
  std::string format;
  if (f.String("format", &format, true) && format != kProfileFormat) {
    f.Error("/format", "expected \"" + std::string(kProfileFormat) + "\", got \"" + format + "\"");
  }
  ScoringProfile profile;
  f.NonEmptyString("name", &profile.name, true);
  std::map<std::string, double> weights;
  if (const auto* w = f.Member("weights", json::JsonType::kObject, false)) {
    for (const json::JsonChild& m : doc.SortedMembers(*w)) {
      const json::JsonNode& value = doc.node(m.node);
      const std::string at = internal::JsonPointer("/weights", m.key);
      if (value.type != json::JsonType::kNumber) {
        errors.push_back(
            {at, "expected a number, got " + std::string(internal::JsonTypeName(value))});
        continue;
      }
      weights[std::string(m.key)] = value.number;
    }
  }
  if (!errors.empty()) return internal::FieldErrorsToStatus("profile", errors);
  Result<ScoringProfile> applied = ApplyProfileOverrides(profile, weights, "/weights");
  if (!applied) return applied.error();
  return applied;
}

std::string FormatProfileJson(const ScoringProfile& profile) {
  json::Writer w(2);
  w.BeginObject();
  w.Member("format", kProfileFormat);
  w.Member("name", profile.name);
  w.Key("weights");
  w.BeginObject();
  for (const FieldInfo& f : kFields) w.Member(f.name, profile.*(f.member));
  w.EndObject();
  w.EndObject();
  return w.Take() + "\n";
}

Result<ScoringProfile> LoadProfileFile(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text) return text.error();
  Result<ScoringProfile> profile = ParseProfileJson(*text);
  if (!profile) return profile.error().WithPrefix(path);
  return profile;
}

}  // namespace pathrank
