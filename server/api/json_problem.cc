// problem+json documents (RFC 9457).

#include <nlohmann/json.hpp>

#include "api/json_api.h"

namespace pathrank::server {

std::string RenderProblem(const Problem& problem) {
  nlohmann::ordered_json doc;
  doc["type"] = ProblemTypeUri(problem.type);
  doc["title"] = ProblemTitle(problem.type);
  doc["status"] = HttpStatus(problem.type);
  doc["detail"] = problem.detail;
  nlohmann::ordered_json errors = nlohmann::ordered_json::array();
  for (const ProblemField& f : problem.errors) {
    errors.push_back(
        {{"in", FieldLocationName(f.in)}, {"field", f.pointer}, {"message", f.message}});
  }
  doc["errors"] = std::move(errors);
  if (!problem.extension_json.empty()) {
    const auto extension = nlohmann::ordered_json::parse(problem.extension_json, nullptr, false);
    if (extension.is_object()) {
      for (auto it = extension.begin(); it != extension.end(); ++it) {
        if (!doc.contains(it.key())) doc[it.key()] = it.value();
      }
    }
  }
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace pathrank::server
