// Embedding pathrank: load a catalog, describe a learner, print the next
// items with their reasons and the path to the goal.
//
//   embed_example datasets/go-backend/catalog.json

#include <iostream>

#include "pathrank/catalog_json.h"
#include "pathrank/planner.h"
#include "pathrank/scorer.h"

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "datasets/go-backend/catalog.json";
  auto catalog = pathrank::LoadCatalogFile(path);
  if (!catalog) {
    std::cerr << catalog.error().message() << '\n';
    return 1;
  }
  pathrank::Scorer scorer(*catalog);  // once per catalog; thread-safe
  auto learner = pathrank::MakeLearnerState(
      **catalog, {{"go-environment", 1.0}, {"go-basic-syntax", 1.0}, {"go-data-types", 0.7}},
      {{"microservices", 1.0}});
  if (!learner) {
    std::cerr << learner.error().message() << '\n';
    return 1;
  }

  pathrank::RecommendOptions options;
  options.k = 5;
  options.explain = true;
  auto next = scorer.Recommend(*learner, pathrank::ScoringProfile{}, options);
  if (!next) return 1;
  for (const auto& r : *next) {
    std::cout << (*catalog)->item(r.item).id << "  score " << r.score;
    if (!r.explanation->serves.empty()) std::cout << "  (serves a goal)";
    std::cout << '\n';
  }

  auto plan = pathrank::PlanPath(scorer, *learner, pathrank::ScoringProfile{}, {});
  if (!plan) return 1;
  std::cout << "path: " << plan->steps.size() << " steps, " << plan->total_hours << " hours, "
            << plan->weeks << " weeks at 10 h/week\n";
  return 0;
}
