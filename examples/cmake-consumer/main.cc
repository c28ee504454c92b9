// Embedding pathrank from C++: load a catalog, describe a learner, print the
// next items with their reasons and the path to the goal.
//
//   consumer /usr/share/pathrank/datasets/go-backend/catalog.json

#include <pathrank/catalog_json.h>
#include <pathrank/planner.h>
#include <pathrank/scorer.h>

#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: consumer CATALOG.json\n";
    return 2;
  }
  auto catalog = pathrank::LoadCatalogFile(argv[1]);
  if (!catalog) {
    std::cerr << catalog.error().ToString() << '\n';
    return 1;
  }
  pathrank::Scorer scorer(*catalog);  // once per catalog; thread-safe
  auto learner = pathrank::MakeLearnerState(
      **catalog, {{"go-environment", 1.0}, {"go-basic-syntax", 1.0}, {"go-data-types", 0.7}},
      {{"microservices", 1.0}});
  if (!learner) {
    std::cerr << learner.error().ToString() << '\n';
    return 1;
  }

  pathrank::RecommendOptions options;
  options.k = 3;
  options.explain = true;
  auto next = scorer.Recommend(*learner, pathrank::ScoringProfile{}, options);
  if (!next) {
    std::cerr << next.error().ToString() << '\n';
    return 1;
  }
  for (const pathrank::Recommendation& r : *next) {
    std::cout << (*catalog)->item(r.item).id << "  score " << r.score;
    for (const pathrank::GoalService& s : r.explanation->serves) {
      std::cout << "  serves " << (*catalog)->goals()[s.goal].id;
    }
    std::cout << '\n';
  }

  auto plan = pathrank::PlanPath(scorer, *learner, pathrank::ScoringProfile{}, {});
  if (!plan) {
    std::cerr << plan.error().ToString() << '\n';
    return 1;
  }
  std::cout << "path: " << plan->steps.size() << " steps, " << plan->total_hours << " hours, "
            << plan->weeks << " weeks at 10 h/week\n";
  return 0;
}
