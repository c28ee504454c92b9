// A/B experiment assignment, checks and counters (experiments.h).

#include "ops/experiments.h"

#include <cmath>
#include <set>

#include "ops/sha256.h"

namespace pathrank::server {

namespace {

bool IsSlugText(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '-' && c != '_'))) return false;
  }
  return true;
}

bool Applies(const ExperimentConfig& e, std::string_view catalog, int64_t now_ms) {
  if (now_ms < e.start_ms || now_ms >= e.stop_ms) return false;
  if (e.catalogs.empty()) return true;
  for (const std::string& c : e.catalogs) {
    if (c == catalog) return true;
  }
  return false;
}

}  // namespace

double AssignmentPoint(std::string_view experiment, std::string_view learner_id) {
  std::string input(experiment);
  input += '\n';
  input += learner_id;
  const std::string hex = Sha256Hex(input);
  uint64_t bits = 0;
  for (size_t i = 0; i < 16; ++i) {
    const char c = hex[i];
    bits = bits << 4 | static_cast<uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
  }
  // The top 53 bits: exactly representable, in [0, 1).
  return static_cast<double>(bits >> 11) / 9007199254740992.0;
}

std::optional<Assignment> AssignExperiment(const std::vector<ExperimentConfig>& experiments,
                                           std::string_view catalog, std::string_view learner_id,
                                           int64_t now_ms) {
  if (learner_id.empty()) return std::nullopt;
  for (const ExperimentConfig& e : experiments) {
    if (!Applies(e, catalog, now_ms) || e.variants.empty()) continue;
    const double point = AssignmentPoint(e.name, learner_id);
    double upper = 0;
    for (size_t v = 0; v < e.variants.size(); ++v) {
      upper += e.variants[v].share;
      if (point < upper || v + 1 == e.variants.size()) return Assignment{&e, v};
    }
  }
  return std::nullopt;
}

std::string VariantProfileName(const ExperimentConfig& experiment,
                               const ExperimentVariantConfig& variant) {
  return variant.path.empty() ? variant.profile : experiment.name + "." + variant.name;
}

void CheckExperiments(const std::vector<ExperimentConfig>& experiments,
                      std::vector<ProfileSourceConfig>* profiles,
                      std::vector<std::pair<std::string, std::string>>* errors) {
  std::set<std::string> names;
  for (size_t i = 0; i < experiments.size(); ++i) {
    const ExperimentConfig& e = experiments[i];
    const std::string at = "/experiments/" + std::to_string(i);
    if (!IsSlugText(e.name)) {
      errors->emplace_back(at + "/name",
                           "must be a slug ([a-z0-9][a-z0-9_-]*), got \"" + e.name + "\"");
    } else if (!names.insert(e.name).second) {
      errors->emplace_back(at + "/name", "experiment \"" + e.name + "\" is configured twice");
    }
    if (e.start_ms >= e.stop_ms) errors->emplace_back(at + "/stop", "must be later than start");
    if (e.variants.size() < 2) {
      errors->emplace_back(at + "/variants", "needs at least two variants");
    }
    std::set<std::string> variant_names;
    double total = 0;
    for (size_t v = 0; v < e.variants.size(); ++v) {
      const ExperimentVariantConfig& variant = e.variants[v];
      const std::string vat = at + "/variants/" + std::to_string(v);
      if (!IsSlugText(variant.name)) {
        errors->emplace_back(vat + "/name", "must be a slug, got \"" + variant.name + "\"");
      } else if (!variant_names.insert(variant.name).second) {
        errors->emplace_back(vat + "/name", "variant \"" + variant.name + "\" is configured twice");
      }
      if (variant.profile.empty() == variant.path.empty()) {
        errors->emplace_back(vat,
                             "needs exactly one of \"profile\" (a served profile's name) or "
                             "\"path\" (a pathrank.profile/v1 file)");
      }
      if (!(variant.share > 0 && variant.share <= 1)) {
        errors->emplace_back(vat + "/share", "must be a number in (0, 1]");
      }
      total += variant.share;
      if (!variant.path.empty() && !e.name.empty()) {
        ProfileSourceConfig source{VariantProfileName(e, variant), variant.path};
        bool present = false;  // validated again (a reload): added once
        for (const ProfileSourceConfig& p : *profiles) {
          present = present || (p.name == source.name && p.path == source.path);
        }
        if (!present) profiles->push_back(std::move(source));
      }
    }
    if (e.variants.size() >= 2 && std::fabs(total - 1.0) > 1e-9) {
      errors->emplace_back(at + "/variants",
                           "the shares must sum to 1, got " + std::to_string(total));
    }
  }
}

ExperimentCounters::ExperimentCounters(const std::vector<ExperimentConfig>& experiments)
    : experiments_(experiments) {
  size_t n = 0;
  for (const ExperimentConfig& e : experiments) {
    first_.push_back(n);
    n += e.variants.size();
  }
  counts_ = std::make_unique<std::atomic<uint64_t>[]>(n);
}

void ExperimentCounters::Count(const Assignment& assignment) {
  const size_t e = static_cast<size_t>(assignment.experiment - experiments_.data());
  counts_[first_[e] + assignment.variant].fetch_add(1, std::memory_order_relaxed);
}

std::string ExperimentCounters::Prometheus() const {
  if (experiments_.empty()) return "";
  std::string out =
      "# HELP pathrank_experiment_requests_total Answers scored with each experiment variant.\n"
      "# TYPE pathrank_experiment_requests_total counter\n";
  for (size_t e = 0; e < experiments_.size(); ++e) {
    for (size_t v = 0; v < experiments_[e].variants.size(); ++v) {
      out += "pathrank_experiment_requests_total{experiment=\"" + experiments_[e].name +
             "\",variant=\"" + experiments_[e].variants[v].name + "\"} " +
             std::to_string(counts_[first_[e] + v].load(std::memory_order_relaxed)) + "\n";
    }
  }
  return out;
}

}  // namespace pathrank::server
