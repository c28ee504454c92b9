// Scoring answers: the engine results through json_scoring / json_team
// (shared with the CLI's --json), served under the catalog's served id.

#include "api/json_api.h"
#include "api/json_scoring.h"
#include "api/json_team.h"

namespace pathrank::server {

namespace {

// The size of the last answer this thread wrote: the next one reserves a
// little more, so the text is written into one allocation that then
// becomes the response body (moved, not copied).
thread_local size_t t_last_answer_bytes = 4096;

size_t NextReserve() { return t_last_answer_bytes + t_last_answer_bytes / 4 + 256; }
// Adds "experiment": {"name", "variant"} to a rendered answer object when
// the answer was scored for an experiment's variant.
std::string WithExperiment(std::string object, const ExperimentNote& note) {
  if (note.name.empty() || object.empty() || object.back() != '}') return object;
  json::Writer w;
  w.BeginObject();
  w.Member("name", note.name);
  w.Member("variant", note.variant);
  w.EndObject();
  object.pop_back();
  object += ",\"experiment\":" + w.Take() + "}";
  return object;
}

}  // namespace

std::string RenderRecommendations(const ServedCatalog& served, const RecommendAnswer& answer) {
  json::Writer w;
  w.Reserve(NextReserve());
  json::WriteRecommendations(w, served.id, *served.catalog, answer.profile, answer.items);
  t_last_answer_bytes = w.text().size();
  return WithExperiment(w.Take(), answer.experiment);
}

std::string RenderPlan(const ServedCatalog& served, const PlanAnswer& answer) {
  json::Writer w;
  json::WritePlan(w, served.id, *served.catalog, answer.profile, answer.hours_per_week,
                  answer.plan);
  return WithExperiment(w.Take(), answer.experiment);
}

std::string RenderTeamMatches(const ServedCatalog& served, const TeamMatchAnswer& answer) {
  json::Writer w;
  json::WriteTeamMatches(w, served.id, *served.catalog, answer.profile, answer.request,
                         answer.items);
  return w.Take();
}

}  // namespace pathrank::server
