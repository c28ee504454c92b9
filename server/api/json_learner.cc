// Learner answers.

#include "api/json_api.h"
#include "ops/time_format.h"
#include "util/json/json_writer.h"

namespace pathrank::server {

std::string RenderLearner(const LearnerRecord& learner) {
  json::Writer w;
  w.BeginObject();
  w.Member("id", learner.id);
  w.Member("catalog", learner.catalog);
  w.Member("goals", learner.goals);
  w.Member("mastery", learner.mastery);
  w.Member("created_at", FormatRfc3339(learner.created_ms));
  w.Member("updated_at", FormatRfc3339(learner.updated_ms));
  w.EndObject();
  return w.Take();
}

std::string RenderProgressOutcome(const ProgressOutcome& outcome) {
  json::Writer w;
  w.BeginObject();
  w.Member("accepted", outcome.accepted);
  w.Member("duplicates", outcome.duplicates);
  w.EndObject();
  return w.Take();
}

std::string RenderProgressHistory(std::string_view learner_id,
                                  std::span<const ProgressEvent> events, size_t total) {
  json::Writer w;
  w.BeginObject();
  w.Member("learner", learner_id);
  w.Key("events");
  w.BeginArray();
  for (const ProgressEvent& e : events) {
    w.BeginObject();
    w.Member("item", e.item);
    w.Member("mastery", e.mastery);
    w.Member("at", FormatRfc3339(e.at_ms));
    if (!e.key.empty()) w.Member("id", e.key);
    w.EndObject();
  }
  w.EndArray();
  w.Member("total", total);
  w.Member("truncated", events.size() < total);
  w.EndObject();
  return w.Take();
}

}  // namespace pathrank::server
