#include "pathrank/eval/synthetic_catalog.h"

#include <algorithm>
#include <random>
#include <string>

namespace pathrank {

namespace {

constexpr const char* kStages[] = {"foundation", "concurrency",   "cs-basics",   "web",
                                   "data",       "microservices", "cloud-native"};

std::string ItemName(uint32_t i) { return "item-" + std::to_string(i); }

}  // namespace

CatalogSpec MakeSyntheticCatalog(const SyntheticCatalogOptions& options) {
  std::mt19937_64 rng(options.seed);
  auto uniform = [&rng](uint32_t n) {  // 0..n-1
    return static_cast<uint32_t>(rng() % n);
  };
  auto chance = [&rng](double p) { return (rng() >> 11) * 0x1.0p-53 < p; };

  CatalogSpec spec;
  spec.id = "synthetic-" + std::to_string(options.items);
  spec.title = "Synthetic catalog of " + std::to_string(options.items) + " items";
  spec.version = "seed-" + std::to_string(options.seed);
  for (const char* stage : kStages) spec.stages.push_back({stage, stage, ""});

  const uint32_t n = std::max<uint32_t>(options.items, 2);
  const uint32_t roots = std::max<uint32_t>(1, n / 50);
  const uint32_t tag_count = std::max<uint32_t>(options.tags, 1);
  spec.items.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    ItemSpec& item = spec.items[i];
    item.id = ItemName(i);
    item.kind =
        i % 23 == 0 ? ItemKind::kFramework : (i % 97 == 0 ? ItemKind::kProject : ItemKind::kTopic);
    item.title = "Item " + std::to_string(i);
    item.stage = kStages[static_cast<uint64_t>(i) * 7 / n];
    item.hours = 1.0 + uniform(40);
    item.difficulty = 1 + static_cast<int>(uniform(5));
    const uint32_t t1 = uniform(tag_count), t2 = uniform(tag_count);
    item.tags.push_back("tag-" + std::to_string(t1));
    if (t2 != t1) item.tags.push_back("tag-" + std::to_string(t2));
    if (i < roots) continue;

    // About entries_per_item alternatives, in clauses of 1..4 alternatives.
    uint32_t budget =
        static_cast<uint32_t>(options.entries_per_item * 2 * (rng() % 1000) / 1000.0 + 0.5);
    budget = std::max<uint32_t>(budget, 1);
    while (budget > 0) {
      ClauseSpec clause;
      const uint32_t width = std::min<uint32_t>(budget, 1 + uniform(4));
      for (uint32_t a = 0; a < width; ++a) {
        // Mostly a nearby earlier item, sometimes any earlier one.
        const uint32_t window = std::min<uint32_t>(i, 200);
        const uint32_t prereq = chance(0.8) ? i - 1 - uniform(window) : uniform(i);
        std::string name = ItemName(prereq);
        if (std::find(clause.any_of.begin(), clause.any_of.end(), name) == clause.any_of.end()) {
          clause.any_of.push_back(std::move(name));
        }
      }
      budget -= width;
      clause.type =
          chance(options.recommends_share) ? ClauseType::kRecommends : ClauseType::kRequires;
      clause.weight = clause.type == ClauseType::kRequires ? 1.0 : 0.25 + 0.25 * uniform(3);
      item.prerequisites.push_back(std::move(clause));
    }
  }

  for (uint32_t g = 0; g < options.goals; ++g) {
    GoalSpec goal;
    goal.id = "goal-" + std::to_string(g);
    goal.title = "Goal " + std::to_string(g);
    for (int t = 0; t < 20; ++t) goal.items[ItemName(n / 2 + uniform(n - n / 2))] = 1.0;
    for (int t = 0; t < 3; ++t) {
      // Only tags some item carries are valid targets.
      goal.tags[spec.items[uniform(n)].tags[0]] = 0.5;
    }
    spec.goals.push_back(std::move(goal));
  }
  return spec;
}

}  // namespace pathrank
