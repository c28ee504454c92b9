// problem+json documents (RFC 9457).

#include "api/json_api.h"
#include "util/json/json_writer.h"

namespace pathrank::server {

std::string RenderProblem(const Problem& problem) {
  json::Writer w;
  w.BeginObject();
  w.Member("type", ProblemTypeUri(problem.type));
  w.Member("title", ProblemTitle(problem.type));
  w.Member("status", HttpStatus(problem.type));
  w.Member("detail", problem.detail);
  w.Key("errors");
  w.BeginArray();
  for (const ProblemField& f : problem.errors) {
    w.BeginObject();
    w.Member("in", FieldLocationName(f.in));
    w.Member("field", f.pointer);
    w.Member("message", f.message);
    w.EndObject();
  }
  w.EndArray();
  w.RawMembers(problem.extension_json);
  w.EndObject();
  return w.Take();
}

}  // namespace pathrank::server
