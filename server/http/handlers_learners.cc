// /v1/learners/{lid}: stored learners, their progress, and scoring from the
// stored state.

#include <httplib.h>

#include <algorithm>
#include <span>

#include "api/json_api.h"
#include "api/scoring_service.h"
#include "http/experiment_choice.h"
#include "http/handlers.h"
#include "http/http_reply.h"
#include "ops/access_log.h"
#include "ops/time_format.h"

namespace pathrank::server {

namespace {

// The stored learner of path parameter 1; answers (400, 404, 503) and
// returns nullopt when it cannot be read.
std::optional<LearnerRecord> LearnerOfPath(ServerState& state, const httplib::Request& req,
                                           httplib::Response& res) {
  std::optional<std::string> lid = SlugOfPath(req, 1, "lid", res);
  if (!lid) return std::nullopt;
  Result<LearnerRecord> learner = state.store.GetLearner(*lid);
  if (!learner) {
    Status status = learner.error();
    ReplyStatus(res, status.AddField("/lid", "unknown learner"), FieldLocation::kPath);
    return std::nullopt;
  }
  return std::move(*learner);
}

// The catalog the learner belongs to; answers 409 when it is not served.
const ServedCatalog* CatalogOfLearner(const RegistrySnapshot& snapshot,
                                      const LearnerRecord& learner, httplib::Response& res) {
  const ServedCatalog* served = snapshot.FindCatalog(learner.catalog);
  if (served == nullptr) {
    Status status = Status::FailedPrecondition("learner " + learner.id + " belongs to catalog " +
                                               learner.catalog + ", which is not served");
    ReplyStatus(res, status.AddField("/lid", "catalog not served"), FieldLocation::kPath);
  }
  return served;
}

std::vector<std::string> SplitCommas(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// 422 naming /events/<i>/at for each event time EventTimeProblem refuses.
std::optional<Problem> CheckEventTimes(const std::vector<ProgressEvent>& events, int64_t now_ms,
                                       int skew_s) {
  Problem problem;
  problem.type = ProblemType::kInvalid;
  for (size_t i = 0; i < events.size(); ++i) {
    if (std::optional<std::string> why = EventTimeProblem(events[i].at_ms, now_ms, skew_s)) {
      problem.Add(FieldLocation::kBody, JsonPointer("/events", i) + "/at", *why);
    }
  }
  if (problem.errors.empty()) return std::nullopt;
  problem.detail = "progress: " + std::to_string(problem.errors.size()) +
                   " event time(s) out of range; the first: " + problem.errors[0].pointer + " " +
                   problem.errors[0].message;
  return problem;
}

}  // namespace

void HandlePutLearner(ServerState& state, const httplib::Request& req, httplib::Response& res) {
  std::optional<std::string> lid = SlugOfPath(req, 1, "lid", res);
  if (!lid) return;
  LearnerPutRequest request;
  if (auto problem = ParseLearnerPut(req.body, &request)) return ReplyProblem(res, *problem);
  auto snapshot = TakeSnapshot(state, res);
  if (!snapshot) return;
  const ServedCatalog* served = snapshot->FindCatalog(request.catalog);
  if (served == nullptr) {
    Status status = Status::InvalidArgument("no catalog \"" + request.catalog + "\" is served");
    return ReplyStatus(res, status.AddField("/catalog", "unknown catalog"));
  }
  if (Status goals = ValidateGoals(*served->catalog, request.goals); !goals.ok()) {
    return ReplyStatus(res, goals);
  }
  Result<PutOutcome> outcome = state.store.PutLearner(*lid, served->id, request.goals);
  if (!outcome) return ReplyStatus(res, outcome.error());
  Result<LearnerRecord> learner = state.store.GetLearner(*lid);
  if (!learner) return ReplyStatus(res, learner.error());
  ReplyJson(res, *outcome == PutOutcome::kCreated ? 201 : 200, RenderLearner(*learner));
}

void HandleGetLearner(ServerState& state, const httplib::Request& req, httplib::Response& res) {
  std::optional<LearnerRecord> learner = LearnerOfPath(state, req, res);
  if (!learner) return;
  ReplyJson(res, 200, RenderLearner(*learner));
}

void HandleDeleteLearner(ServerState& state, const httplib::Request& req, httplib::Response& res) {
  std::optional<std::string> lid = SlugOfPath(req, 1, "lid", res);
  if (!lid) return;
  Status deleted = state.store.DeleteLearner(*lid);
  if (!deleted.ok()) {
    return ReplyStatus(res, deleted.AddField("/lid", "unknown learner"), FieldLocation::kPath);
  }
  res.status = 204;
}

void HandlePostProgress(ServerState& state, const httplib::Request& req, httplib::Response& res) {
  std::optional<std::string> lid = SlugOfPath(req, 1, "lid", res);
  if (!lid) return;
  ProgressRequest request;
  const int64_t now = NowMs();
  if (auto problem = ParseProgressRequest(
          req.body, now, static_cast<size_t>(state.config.limits.max_events), &request)) {
    return ReplyProblem(res, *problem);
  }
  if (auto problem = CheckEventTimes(request.events, now, state.config.limits.max_clock_skew_s)) {
    return ReplyProblem(res, *problem);
  }
  std::optional<LearnerRecord> learner = LearnerOfPath(state, req, res);
  if (!learner) return;
  auto snapshot = TakeSnapshot(state, res);
  if (!snapshot) return;
  const ServedCatalog* served = CatalogOfLearner(*snapshot, *learner, res);
  if (!served) return;
  if (Status items = ValidateProgressItems(*served->catalog, request.events); !items.ok()) {
    return ReplyStatus(res, items);
  }
  Result<ProgressOutcome> outcome = state.store.AppendProgress(*lid, request.events);
  if (!outcome) {
    Status status = outcome.error();
    return ReplyStatus(res, status.AddField("/lid", "unknown learner"), FieldLocation::kPath);
  }
  ReplyJson(res, 200, RenderProgressOutcome(*outcome));
}

void HandleGetProgress(ServerState& state, const httplib::Request& req, httplib::Response& res) {
  const auto limit = QueryInteger(req, "limit", 1, 10000, 1000, res);
  if (!limit) return;
  const std::string item = QueryText(req, "item");
  std::optional<std::string> lid = SlugOfPath(req, 1, "lid", res);
  if (!lid) return;
  Result<std::vector<ProgressEvent>> listed = state.store.ListProgress(*lid);
  if (!listed) {
    Status status = listed.error();
    return ReplyStatus(res, status.AddField("/lid", "unknown learner"), FieldLocation::kPath);
  }
  std::vector<ProgressEvent> events;
  for (ProgressEvent& e : *listed) {
    if (item.empty() || e.item == item) events.push_back(std::move(e));
  }
  // Time order; the store's arrival order breaks ties.
  std::stable_sort(
      events.begin(), events.end(),
      [](const ProgressEvent& a, const ProgressEvent& b) { return a.at_ms < b.at_ms; });
  const size_t total = events.size();
  const size_t keep = std::min<size_t>(total, static_cast<size_t>(*limit));
  const std::span<const ProgressEvent> recent(events.data() + (total - keep), keep);
  ReplyJson(res, 200, RenderProgressHistory(*lid, recent, total));
}

void HandleLearnerRecommend(ServerState& state, const httplib::Request& req,
                            httplib::Response& res) {
  const LimitsConfig& limits = state.config.limits;
  RecommendRequest request;
  const auto k = QueryInteger(req, "k", 1, limits.max_k, 10, res);
  if (!k) return;
  const auto explain = QueryBool(req, "explain", false, res);
  if (!explain) return;
  const auto blocked = QueryBool(req, "include_blocked", false, res);
  if (!blocked) return;
  request.k = *k;
  request.explain = *explain;
  request.include_blocked = *blocked;
  if (req.has_param("profile")) request.profile = QueryText(req, "profile");
  request.kinds = SplitCommas(QueryText(req, "kinds"));
  std::optional<LearnerRecord> learner = LearnerOfPath(state, req, res);
  if (!learner) return;
  auto snapshot = TakeSnapshot(state, res);
  if (!snapshot) return;
  const ServedCatalog* served = CatalogOfLearner(*snapshot, *learner, res);
  if (!served) return;
  ComputeGate::Slot slot(state.compute);  // score and render in turn
  StoredLearnerInputs(*learner, *served->catalog, &request.mastery, &request.goals,
                      &request.recent);
  const ExperimentNote note =
      ChooseVariant(state, served->id, learner->id, req.has_param("profile"), &request.profile);
  Result<RecommendAnswer> answer = RunRecommend(*snapshot, *served, request, limits);
  if (!answer) return ReplyStatus(res, answer.error(), FieldLocation::kQuery);
  answer->experiment = note;
  ReplyJson(res, 200, RenderRecommendations(*served, *answer));
}

void HandleLearnerPlan(ServerState& state, const httplib::Request& req, httplib::Response& res) {
  PlanRequest request;
  const auto hours = QueryNumber(req, "hours_per_week", 10, res);
  if (!hours) return;
  request.hours_per_week = *hours;
  if (req.has_param("profile")) request.profile = QueryText(req, "profile");
  std::optional<LearnerRecord> learner = LearnerOfPath(state, req, res);
  if (!learner) return;
  auto snapshot = TakeSnapshot(state, res);
  if (!snapshot) return;
  const ServedCatalog* served = CatalogOfLearner(*snapshot, *learner, res);
  if (!served) return;
  ComputeGate::Slot slot(state.compute);  // plan and render in turn
  StoredLearnerInputs(*learner, *served->catalog, &request.mastery, &request.goals, nullptr);
  if (request.goals.empty()) {
    Status status = Status::InvalidArgument("learner " + learner->id + " has no goal of catalog " +
                                            served->id + "; PUT the learner with goals first");
    return ReplyStatus(res, status.AddField("/lid", "no goals"), FieldLocation::kPath);
  }
  const ExperimentNote note =
      ChooseVariant(state, served->id, learner->id, req.has_param("profile"), &request.profile);
  Result<PlanAnswer> answer = RunPlan(*snapshot, *served, request, state.config.limits);
  if (!answer) return ReplyStatus(res, answer.error(), FieldLocation::kQuery);
  answer->experiment = note;
  ReplyJson(res, 200, RenderPlan(*served, *answer));
}

}  // namespace pathrank::server
