#include "pathrank/eval/replay.h"

#include <algorithm>

namespace pathrank {

size_t CountEvents(const Trajectory& trajectory) {
  size_t events = 0;
  for (size_t s = 0; s < trajectory.steps.size(); ++s) {
    if (s == 0 || trajectory.steps[s].step != trajectory.steps[s - 1].step) ++events;
  }
  return events;
}

void ReplayTrajectory(const Catalog& catalog, const Trajectory& trajectory, size_t learner,
                      const std::function<void(const ReplayStep&)>& visit) {
  const size_t n = catalog.item_count();
  ReplayStep r;
  r.learner = learner;
  r.state.mastery.assign(n, 0.0);
  std::vector<uint8_t> reached(n, 0);
  const auto& steps = trajectory.steps;
  size_t s = 0;
  while (s < steps.size()) {
    const int64_t step = steps[s].step;
    size_t end = s;
    while (end < steps.size() && steps[end].step == step) ++end;
    // Goals stated up to and including this event.
    for (size_t g = s; g < end; ++g) {
      for (const auto& [goal, weight] : steps[g].goals) {
        auto it = std::find_if(r.state.goals.begin(), r.state.goals.end(),
                               [goal = goal](const auto& p) { return p.first == goal; });
        if (it == r.state.goals.end()) {
          r.state.goals.push_back({goal, weight});
        } else {
          it->second = weight;
        }
      }
    }
    r.truth.clear();
    for (size_t t = s; t < end; ++t) {
      if (steps[t].item < n) r.truth.push_back(steps[t].item);
    }
    r.candidates.clear();
    for (ItemId i = 0; i < n; ++i) {
      if (!reached[i]) r.candidates.push_back(i);
    }
    visit(r);
    // The event becomes history.
    for (size_t t = s; t < end; ++t) {
      const ItemId i = steps[t].item;
      if (i >= n) continue;
      reached[i] = 1;
      r.state.mastery[i] = steps[t].mastery;
      r.state.recent.insert(r.state.recent.begin(), i);
    }
    ++r.event;
    s = end;
  }
}

}  // namespace pathrank
