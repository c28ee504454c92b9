#include "ops/progress_import.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <optional>

#include "ops/sha256.h"
#include "ops/time_format.h"
#include "pathrank/catalog_spec.h"

namespace pathrank::server {

namespace {

// What the import knows of one learner of the source.
struct LearnerState {
  bool exists = false;
  std::string catalog;  // when it exists
};

// The key of an event that has no id of its own.
std::string DerivedKey(std::string_view source, const pathrank::ProgressEvent& e) {
  char mastery[32];
  std::snprintf(mastery, sizeof mastery, "%.17g", e.mastery);
  std::string text = std::string(source);
  for (const std::string& part : {e.learner, e.item, std::string(mastery), e.at.value_or("")}) {
    text += '\x1f';
    text += part;
  }
  return std::string(source) + ":" + Sha256Hex(text).substr(0, 32);
}

std::string Pointer(size_t index, std::string_view field) {
  return "/events/" + std::to_string(index) + "/" + std::string(field);
}

}  // namespace

std::string StoredLearnerId(std::string_view id) {
  if (IsSlug(id)) return std::string(id);
  std::string slug;
  for (char c : id) {
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    const bool keep = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') ||
                      lower == '.' || lower == '_' || lower == '-';
    if (keep) {
      slug += lower;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
    if (slug.size() >= 100) break;
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  // A slug starts with a letter or a digit.
  while (!slug.empty() && (slug.front() == '.' || slug.front() == '_' || slug.front() == '-')) {
    slug.erase(slug.begin());
  }
  const std::string hash = Sha256Hex(id).substr(0, 12);
  return slug.empty() ? hash : slug + "-" + hash;
}

Result<ProgressImportReport> ImportProgress(std::span<const pathrank::ProgressEvent> events,
                                            const Catalog& catalog, LearnerStore& store,
                                            const ProgressImportOptions& options, int64_t now_ms) {
  const std::string catalog_id = options.catalog_id.empty() ? catalog.id() : options.catalog_id;
  ProgressImportReport report;
  report.events = events.size();
  std::map<std::string, LearnerState> learners;  // by stored id
  std::map<std::string, std::vector<ProgressEvent>> writes;
  std::vector<FieldError> invalid;
  size_t invalid_count = 0;

  for (size_t i = 0; i < events.size(); ++i) {
    const pathrank::ProgressEvent& e = events[i];
    std::vector<std::pair<std::string, std::string>> problems;  // (pointer, message)
    const std::string lid = StoredLearnerId(e.learner);
    if (e.learner.empty()) {
      problems.emplace_back(Pointer(i, "learner"), "is empty");
    } else {
      auto [it, inserted] = learners.try_emplace(lid);
      if (inserted) {
        Result<LearnerRecord> record = store.GetLearner(lid);
        if (record) {
          it->second = {true, record->catalog};
        } else if (record.error().code() != StatusCode::kNotFound) {
          return record.error();
        }
      }
      const LearnerState& state = it->second;
      if (state.exists && state.catalog != catalog_id) {
        problems.emplace_back(Pointer(i, "learner"), "learner " + lid + " belongs to catalog " +
                                                         state.catalog + ", not " + catalog_id);
      } else if (!state.exists && !options.create_learners) {
        problems.emplace_back(Pointer(i, "learner"),
                              "unknown learner " + lid + " (create_learners is false)");
      }
    }
    if (!catalog.FindItem(e.item)) {
      problems.emplace_back(Pointer(i, "item"),
                            "unknown item \"" + e.item + "\" in catalog " + catalog_id);
    }
    if (!std::isfinite(e.mastery) || e.mastery < 0 || e.mastery > 1) {
      problems.emplace_back(Pointer(i, "mastery"), "must be a number in [0, 1]");
    }
    std::optional<int64_t> at_ms = now_ms;
    if (e.at) {
      at_ms = ParseRfc3339(*e.at);
      if (!at_ms) {
        problems.emplace_back(Pointer(i, "at"), "\"" + *e.at + "\" is not an RFC 3339 time");
      } else if (auto why = EventTimeProblem(*at_ms, now_ms, options.max_clock_skew_s)) {
        problems.emplace_back(Pointer(i, "at"), "\"" + *e.at + "\" " + *why);
      }
    }
    if (!problems.empty()) {
      if (options.drop_invalid) {
        std::string line = "event " + std::to_string(i) + " (learner " + e.learner + ", item " +
                           e.item + "): dropped: ";
        for (size_t p = 0; p < problems.size(); ++p) {
          line += (p ? "; " : "") + problems[p].first + " " + problems[p].second;
        }
        report.dropped.push_back(std::move(line));
      } else {
        ++invalid_count;
        for (auto& [pointer, message] : problems) invalid.push_back({pointer, message});
      }
      continue;
    }
    writes[lid].push_back(
        {e.item, e.mastery, *at_ms, e.id.empty() ? DerivedKey(options.source, e) : e.id});
  }

  if (invalid_count > 0) {
    const FieldError& first = invalid.front();
    Status status = Status::InvalidArgument(
        "progress source " + options.source + ": " + std::to_string(invalid_count) + " of " +
        std::to_string(events.size()) +
        " events are invalid, nothing was written; first: " + first.field + " " + first.message);
    for (const FieldError& f : invalid) status.AddField(f.field, f.message);
    return status;
  }

  report.learners = writes.size();
  for (const auto& [lid, batch] : writes) {
    if (options.dry_run) {
      report.learners_created += learners[lid].exists ? 0 : 1;
      report.accepted += batch.size();
      continue;
    }
    if (!learners[lid].exists) {
      Result<bool> created = store.CreateLearnerIfAbsent(lid, catalog_id);
      if (!created) return created.error();
      report.learners_created += *created ? 1 : 0;
    }
    Result<ProgressOutcome> outcome = store.AppendProgress(lid, batch);
    if (!outcome) return outcome.error();
    report.accepted += outcome->accepted;
    report.duplicates += outcome->duplicates;
  }
  return report;
}

}  // namespace pathrank::server
