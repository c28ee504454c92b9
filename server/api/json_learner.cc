// Learner answers.

#include <nlohmann/json.hpp>

#include "api/json_api.h"
#include "ops/time_format.h"

namespace pathrank::server {

using Json = nlohmann::ordered_json;

std::string RenderLearner(const LearnerRecord& learner) {
  Json j;
  j["id"] = learner.id;
  j["catalog"] = learner.catalog;
  Json goals = Json::object(), mastery = Json::object();
  for (const auto& [id, w] : learner.goals) goals[id] = w;
  for (const auto& [id, m] : learner.mastery) mastery[id] = m;
  j["goals"] = std::move(goals);
  j["mastery"] = std::move(mastery);
  j["created_at"] = FormatRfc3339(learner.created_ms);
  j["updated_at"] = FormatRfc3339(learner.updated_ms);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string RenderProgressOutcome(const ProgressOutcome& outcome) {
  Json j;
  j["accepted"] = outcome.accepted;
  j["duplicates"] = outcome.duplicates;
  return j.dump();
}

}  // namespace pathrank::server
