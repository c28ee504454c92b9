// POST /v1/catalogs/{cid}/recommendations and /v1/catalogs/{cid}/paths:
// stateless scoring, the learner's state in the body.

#include <httplib.h>

#include "api/json_api.h"
#include "api/scoring_service.h"
#include "http/experiment_choice.h"
#include "http/handlers.h"
#include "http/http_reply.h"

namespace pathrank::server {

void HandleRecommend(ServerState& state, const httplib::Request& req, httplib::Response& res) {
  ComputeGate::Slot slot(state.compute);  // parse, score and render in turn
  auto snapshot = TakeSnapshot(state, res);
  if (!snapshot) return;
  const ServedCatalog* served = CatalogOfPath(*snapshot, req, 1, res);
  if (!served) return;
  RecommendRequest request;
  if (auto problem = ParseRecommendRequest(req.body, &request)) return ReplyProblem(res, *problem);
  const ExperimentNote note =
      ChooseVariant(state, served->id, request.learner_id, request.profile_given, &request.profile);
  Result<RecommendAnswer> answer = RunRecommend(*snapshot, *served, request, state.config.limits);
  if (!answer) return ReplyStatus(res, answer.error());
  answer->experiment = note;
  ReplyJson(res, 200, RenderRecommendations(*served, *answer));
}

void HandlePlan(ServerState& state, const httplib::Request& req, httplib::Response& res) {
  ComputeGate::Slot slot(state.compute);  // parse, score and render in turn
  auto snapshot = TakeSnapshot(state, res);
  if (!snapshot) return;
  const ServedCatalog* served = CatalogOfPath(*snapshot, req, 1, res);
  if (!served) return;
  PlanRequest request;
  if (auto problem = ParsePlanRequest(req.body, &request)) return ReplyProblem(res, *problem);
  const ExperimentNote note =
      ChooseVariant(state, served->id, request.learner_id, request.profile_given, &request.profile);
  Result<PlanAnswer> answer = RunPlan(*snapshot, *served, request, state.config.limits);
  if (!answer) return ReplyStatus(res, answer.error());
  answer->experiment = note;
  ReplyJson(res, 200, RenderPlan(*served, *answer));
}

void HandleTeamMatch(ServerState& state, const httplib::Request& req, httplib::Response& res) {
  ComputeGate::Slot slot(state.compute);  // parse, score and render in turn
  auto snapshot = TakeSnapshot(state, res);
  if (!snapshot) return;
  const ServedCatalog* served = CatalogOfPath(*snapshot, req, 1, res);
  if (!served) return;
  TeamMatchApiRequest request;
  if (auto problem = ParseTeamMatchRequest(req.body, &request)) return ReplyProblem(res, *problem);
  Result<TeamMatchAnswer> answer = RunTeamMatch(*snapshot, *served, request, state.config.limits);
  if (!answer) return ReplyStatus(res, answer.error());
  ReplyJson(res, 200, RenderTeamMatches(*served, *answer));
}

}  // namespace pathrank::server
