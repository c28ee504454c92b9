// Small hand-made catalogs for scoring tests.

#ifndef PATHRANK_TESTS_ENGINE_TINY_CATALOGS_H_
#define PATHRANK_TESTS_ENGINE_TINY_CATALOGS_H_

#include <memory>
#include <string>
#include <vector>

#include "pathrank/catalog_builder.h"

namespace pathrank::testing {

inline ItemSpec TinyItem(std::string id, double hours, int difficulty,
                         std::vector<ClauseSpec> prerequisites = {}) {
  ItemSpec item;
  item.id = id;
  item.title = "Item " + id;
  item.stage = "s";
  item.hours = hours;
  item.difficulty = difficulty;
  item.tags = {"t-" + id};
  item.prerequisites = std::move(prerequisites);
  return item;
}

// a, b roots; c requires a (w 1) and recommends b (w 0.5); d requires a|b;
// e requires c. Goal "g" targets e (weight 1); "gd" targets d and, by tag,
// b (0.5); "gx" targets d alone.
//   hours: a 1, b 3, c 7, d 3, e 15; difficulty: a 2, b 1, c 4, d 3, e 5.
inline std::shared_ptr<const Catalog> FiveItemCatalog() {
  CatalogSpec spec;
  spec.id = "five";
  spec.title = "Five";
  spec.stages = {{"s", "S", ""}};
  spec.items.push_back(TinyItem("a", 1, 2));
  spec.items.push_back(TinyItem("b", 3, 1));
  spec.items.push_back(TinyItem(
      "c", 7, 4,
      {{{"a"}, 1.0, ClauseType::kRequires, ""}, {{"b"}, 0.5, ClauseType::kRecommends, ""}}));
  spec.items.push_back(TinyItem("d", 3, 3, {{{"a", "b"}, 1.0, ClauseType::kRequires, ""}}));
  spec.items.push_back(TinyItem("e", 15, 5, {{{"c"}, 1.0, ClauseType::kRequires, ""}}));
  GoalSpec goal;
  goal.id = "g";
  goal.title = "G";
  goal.items = {{"e", 1.0}};
  spec.goals.push_back(goal);
  GoalSpec goal_d;
  goal_d.id = "gd";
  goal_d.title = "GD";
  goal_d.items = {{"d", 1.0}};
  goal_d.tags = {{"t-b", 0.5}};
  spec.goals.push_back(goal_d);
  GoalSpec goal_x;
  goal_x.id = "gx";
  goal_x.title = "GX";
  goal_x.items = {{"d", 1.0}};
  spec.goals.push_back(goal_x);
  auto built = BuildCatalog(std::move(spec));
  return built ? *built : nullptr;
}

}  // namespace pathrank::testing

#endif  // PATHRANK_TESTS_ENGINE_TINY_CATALOGS_H_
