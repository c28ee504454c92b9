// Request bodies of the API (API.md) into api_requests.h values, read with
// JsonDocument (util/json/json_document.h: simdjson, into a compact tree).

#include <cmath>

#include "api/json_api.h"
#include "api/json_reader.h"
#include "ops/time_format.h"

namespace pathrank::server {

namespace {

// Parses `body` as a JSON object; false (and `errors` filled) when it is
// not one.
bool ParseObject(std::string_view body, JsonDocument* doc, JsonErrors* errors) {
  if (!ParseJson(body, doc, errors)) return false;
  if (doc->root().type != JsonType::kObject) {
    errors->Malformed(
        "", "the body must be a JSON object, got " + std::string(JsonTypeName(doc->root().type)));
    return false;
  }
  return true;
}

// "learner_id": 1..128 characters, for experiment assignment only.
void ReadLearnerId(ObjectReader& r, std::string* out, JsonErrors* errors) {
  auto v = r.String("learner_id");
  if (!v) return;
  if (v->empty() || v->size() > 128) {
    errors->Invalid(r.At("learner_id"), "must be 1..128 characters");
    return;
  }
  *out = std::move(*v);
}

}  // namespace

std::optional<Problem> ParseRecommendRequest(std::string_view body, RecommendRequest* out) {
  JsonErrors errors;
  JsonDocument doc;
  if (ParseObject(body, &doc, &errors)) {
    ObjectReader r(doc, doc.root(), "", &errors);
    r.RejectUnknown({"mastery", "goals", "k", "profile", "weights", "kinds", "exclude",
                     "include_blocked", "explain", "recent", "learner_id"});
    if (auto v = r.NumberMap("mastery")) out->mastery = std::move(*v);
    if (auto v = r.NumberMap("goals")) out->goals = std::move(*v);
    if (auto v = r.Integer("k")) out->k = *v;
    if (auto v = r.String("profile")) {
      out->profile = std::move(*v);
      out->profile_given = true;
    }
    if (auto v = r.NumberMap("weights")) out->weights = std::move(*v);
    if (auto v = r.StringList("kinds")) out->kinds = std::move(*v);
    if (auto v = r.StringList("exclude")) out->exclude = std::move(*v);
    if (auto v = r.Bool("include_blocked")) out->include_blocked = *v;
    if (auto v = r.Bool("explain")) out->explain = *v;
    if (auto v = r.StringList("recent")) out->recent = std::move(*v);
    ReadLearnerId(r, &out->learner_id, &errors);
  }
  return errors.ToProblem("recommendation request");
}

std::optional<Problem> ParsePlanRequest(std::string_view body, PlanRequest* out) {
  JsonErrors errors;
  JsonDocument doc;
  if (ParseObject(body, &doc, &errors)) {
    ObjectReader r(doc, doc.root(), "", &errors);
    r.RejectUnknown({"mastery", "goals", "hours_per_week", "profile", "weights", "learner_id"});
    if (auto v = r.NumberMap("mastery")) out->mastery = std::move(*v);
    if (auto v = r.NumberMap("goals")) out->goals = std::move(*v);
    if (auto v = r.Number("hours_per_week")) out->hours_per_week = *v;
    if (auto v = r.String("profile")) {
      out->profile = std::move(*v);
      out->profile_given = true;
    }
    ReadLearnerId(r, &out->learner_id, &errors);
    if (auto v = r.NumberMap("weights")) out->weights = std::move(*v);
  }
  return errors.ToProblem("path request");
}

std::optional<Problem> ParseTeamMatchRequest(std::string_view body, TeamMatchApiRequest* out) {
  JsonErrors errors;
  JsonDocument doc;
  if (ParseObject(body, &doc, &errors)) {
    ObjectReader r(doc, doc.root(), "", &errors);
    r.RejectUnknown({"members", "goals", "occupation", "kind", "type", "k", "profile", "weights"});
    if (const JsonNode* members = r.Member("members", JsonType::kArray, /*required=*/true)) {
      size_t m = 0;
      for (const JsonChild& child : doc.children(*members)) {
        ObjectReader member(doc, doc.node(child.node), JsonPointer("/members", m++), &errors);
        member.RejectUnknown({"id", "mastery"});
        TeamMember parsed;
        if (auto v = member.String("id", /*required=*/true)) parsed.id = std::move(*v);
        if (auto v = member.NumberMap("mastery")) parsed.mastery = std::move(*v);
        out->members.push_back(std::move(parsed));
      }
    }
    if (auto v = r.NumberMap("goals")) out->goals = std::move(*v);
    if (auto v = r.String("occupation")) out->occupation = std::move(*v);
    if (auto v = r.String("kind")) out->kind = std::move(*v);
    if (auto v = r.String("type")) out->type = std::move(*v);
    if (auto v = r.Integer("k")) out->k = *v;
    if (auto v = r.String("profile")) out->profile = std::move(*v);
    if (auto v = r.NumberMap("weights")) out->weights = std::move(*v);
  }
  return errors.ToProblem("team match request");
}

std::optional<Problem> ParseLearnerPut(std::string_view body, LearnerPutRequest* out) {
  JsonErrors errors;
  JsonDocument doc;
  if (ParseObject(body, &doc, &errors)) {
    ObjectReader r(doc, doc.root(), "", &errors);
    r.RejectUnknown({"catalog", "goals"});
    if (auto v = r.String("catalog", /*required=*/true)) out->catalog = std::move(*v);
    if (auto v = r.NumberMap("goals")) out->goals = std::move(*v);
  }
  return errors.ToProblem("learner");
}

std::optional<Problem> ParseProgressRequest(std::string_view body, int64_t now_ms,
                                            size_t max_events, ProgressRequest* out) {
  constexpr size_t kMaxKeyBytes = 256;
  JsonErrors errors;
  JsonDocument doc;
  if (ParseObject(body, &doc, &errors)) {
    ObjectReader r(doc, doc.root(), "", &errors);
    r.RejectUnknown({"events"});
    const JsonNode* events = r.Member("events", JsonType::kArray, /*required=*/true);
    if (events != nullptr && events->size > max_events) {
      errors.Invalid("/events", "at most " + std::to_string(max_events) +
                                    " events per request, got " + std::to_string(events->size));
    } else if (events != nullptr) {
      out->events.reserve(events->size);
      size_t i = 0;
      for (const JsonChild& child : doc.children(*events)) {
        ObjectReader e(doc, doc.node(child.node), JsonPointer("/events", i++), &errors);
        e.RejectUnknown({"item", "mastery", "at", "id"});
        ProgressEvent event;
        event.at_ms = now_ms;
        if (auto v = e.String("item", true)) event.item = std::move(*v);
        if (auto v = e.Number("mastery", true)) {
          if (!(*v >= 0 && *v <= 1)) {
            errors.Invalid(e.At("mastery"), "must be a number in [0, 1]");
          }
          event.mastery = *v;
        }
        if (auto v = e.String("at")) {
          if (auto at = ParseRfc3339(*v)) {
            event.at_ms = *at;
          } else {
            errors.Invalid(
                e.At("at"),
                "must be an RFC 3339 time such as 2024-05-01T10:00:00Z, got \"" + *v + "\"");
          }
        }
        if (auto v = e.String("id")) {
          if (v->empty() || v->size() > kMaxKeyBytes) {
            errors.Invalid(e.At("id"), "must be 1.." + std::to_string(kMaxKeyBytes) + " bytes");
          }
          event.key = std::move(*v);
        }
        out->events.push_back(std::move(event));
      }
    }
  }
  return errors.ToProblem("progress");
}

}  // namespace pathrank::server
