#include "pathrank/eval/simulator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <random>

#include "util/random.h"

namespace pathrank {

namespace {

class Learner {
 public:
  Learner(const Catalog& catalog, const SimulationOptions& options, uint32_t index)
      : c_(catalog), o_(options), rng_(internal::SeededRng({options.seed, index, 7})) {}

  Trajectory Walk(uint32_t index) {
    const size_t n = c_.item_count();
    wanted_.assign(n, 0);
    target_.assign(n, 0);
    reached_.assign(n, 0);
    skipped_.assign(c_.clause_count(), 0);
    ChooseGoals();
    Close();
    Trajectory t;
    char name[32];
    std::snprintf(name, sizeof(name), "sim-%05u", index);
    t.learner = name;
    std::vector<std::pair<uint32_t, double>> goals;
    if (o_.record_goals) {
      for (uint32_t g : goals_) goals.push_back({g, 1.0});
    }
    ItemId last = static_cast<ItemId>(n);
    for (int64_t step = 1;; ++step) {
      const std::optional<ItemId> next = Choose(last);
      if (!next) break;
      reached_[*next] = 1;
      TrajectoryStep s;
      s.step = step;
      s.item = *next;
      s.mastery = o_.min_mastery + (1.0 - o_.min_mastery) * Uniform();
      s.goals = goals;
      t.steps.push_back(std::move(s));
      last = *next;
      if (Uniform() < o_.dropout) break;
    }
    return t;
  }

 private:
  double Uniform() { return (rng_() >> 11) * 0x1.0p-53; }
  uint32_t Below(size_t n) { return static_cast<uint32_t>(rng_() % n); }

  void ChooseGoals() {
    goals_.clear();
    const size_t goal_count = c_.goals().size();
    if (goal_count > 0) {
      goals_.push_back(Below(goal_count));
      if (goal_count > 1 && Uniform() < o_.second_goal) {
        uint32_t second = Below(goal_count - 1);
        if (second >= goals_[0]) ++second;
        goals_.push_back(second);
      }
      for (uint32_t g : goals_) {
        const auto& demand = c_.goals()[g].demand;
        double best = 0;
        for (const auto& [item, d] : demand) best = std::max(best, d);
        for (const auto& [item, d] : demand) {
          if (d >= std::min(0.5, best)) target_[item] = 1;
        }
      }
    } else {
      const auto order = c_.topological_order();
      const size_t from = order.size() - std::max<size_t>(1, order.size() / 3);
      const uint32_t count = 1 + Below(3);
      for (uint32_t k = 0; k < count; ++k) target_[order[from + Below(order.size() - from)]] = 1;
    }
  }

  // Wanted = targets plus one alternative of every kept clause, recursively.
  void Close() {
    std::vector<ItemId> queue;
    for (ItemId i = 0; i < c_.item_count(); ++i) {
      if (target_[i]) {
        wanted_[i] = 1;
        queue.push_back(i);
      }
    }
    while (!queue.empty()) {
      const ItemId i = queue.back();
      queue.pop_back();
      const Item& item = c_.item(i);
      for (uint32_t k = item.first_clause; k < item.first_clause + item.clause_count; ++k) {
        const Clause& clause = c_.clauses()[k];
        if (clause.type == ClauseType::kRecommends && Uniform() < o_.skip_soft) {
          skipped_[k] = 1;
          continue;
        }
        const auto alternatives = c_.alternatives(clause);
        if (std::any_of(alternatives.begin(), alternatives.end(),
                        [&](ItemId a) { return wanted_[a] != 0; })) {
          continue;
        }
        const ItemId pick = alternatives[Below(alternatives.size())];
        wanted_[pick] = 1;
        queue.push_back(pick);
      }
    }
  }

  bool Met(const Clause& clause) const {
    for (ItemId a : c_.alternatives(clause)) {
      if (reached_[a]) return true;
    }
    return false;
  }

  // Every requires clause met; with `kept_soft`, every soft clause not
  // skipped too.
  bool Available(ItemId i, bool kept_soft) const {
    const Item& item = c_.item(i);
    for (uint32_t k = item.first_clause; k < item.first_clause + item.clause_count; ++k) {
      const Clause& clause = c_.clauses()[k];
      const bool gates = clause.type == ClauseType::kRequires || (kept_soft && !skipped_[k]);
      if (gates && !Met(clause)) return false;
    }
    return true;
  }

  bool Names(ItemId i, ItemId last) const {
    for (const Clause& clause : c_.clauses_of(i)) {
      for (ItemId a : c_.alternatives(clause)) {
        if (a == last) return true;
      }
    }
    return false;
  }

  std::optional<ItemId> Choose(ItemId last) {
    const size_t n = c_.item_count();
    std::vector<ItemId> wanted_ready;
    bool any_wanted_left = false;
    for (ItemId i = 0; i < n; ++i) {
      if (reached_[i] || !wanted_[i]) continue;
      any_wanted_left = true;
      if (Available(i, true)) wanted_ready.push_back(i);
    }
    if (!any_wanted_left) return std::nullopt;
    if (Uniform() < o_.noise || wanted_ready.empty()) {
      std::vector<ItemId> ready;
      for (ItemId i = 0; i < n; ++i) {
        if (!reached_[i] && Available(i, false)) ready.push_back(i);
      }
      if (!ready.empty()) return ready[Below(ready.size())];
      if (wanted_ready.empty()) return std::nullopt;
    }
    uint32_t lowest = std::numeric_limits<uint32_t>::max();
    for (ItemId i : wanted_ready) lowest = std::min(lowest, c_.item(i).stage);
    ItemId best = wanted_ready[0];
    double best_value = -std::numeric_limits<double>::infinity();
    for (ItemId i : wanted_ready) {
      const double utility = (last < n && Names(i, last) ? o_.follow_on : 0.0) +
                             (target_[i] ? o_.target_pull : 0.0) -
                             o_.stage_pull * (c_.item(i).stage - lowest);
      const double gumbel = -std::log(-std::log(std::max(Uniform(), 1e-300)));
      if (utility + gumbel > best_value) {
        best_value = utility + gumbel;
        best = i;
      }
    }
    return best;
  }

  const Catalog& c_;
  const SimulationOptions& o_;
  std::mt19937_64 rng_;
  std::vector<uint32_t> goals_;
  std::vector<uint8_t> wanted_, target_, reached_, skipped_;
};

bool Probability(double p) { return std::isfinite(p) && p >= 0 && p <= 1; }
bool Pull(double p) { return std::isfinite(p) && p >= 0 && p <= 100; }

}  // namespace

Result<std::vector<Trajectory>> SimulateLearners(const Catalog& catalog,
                                                 const SimulationOptions& options) {
  if (catalog.item_count() == 0) {
    return Status::InvalidArgument("catalog " + catalog.id() + " has no items to learn");
  }
  if (options.learners < 1 || options.learners > 10'000'000) {
    return Status::InvalidArgument("learners must be in [1, 10000000]");
  }
  if (!Probability(options.second_goal) || !Probability(options.noise) ||
      !Probability(options.skip_soft) || !Probability(options.dropout)) {
    return Status::InvalidArgument(
        "second_goal, noise, skip_soft and dropout must be probabilities in [0, 1]");
  }
  if (!Pull(options.follow_on) || !Pull(options.target_pull) || !Pull(options.stage_pull)) {
    return Status::InvalidArgument("follow_on, target_pull and stage_pull must be in [0, 100]");
  }
  if (!(options.min_mastery > 0 && options.min_mastery <= 1)) {
    return Status::InvalidArgument("min_mastery must be in (0, 1]");
  }
  std::vector<Trajectory> out;
  out.reserve(options.learners);
  for (uint32_t l = 0; l < options.learners; ++l) {
    Learner learner(catalog, options, l);
    out.push_back(learner.Walk(l));
  }
  return out;
}

}  // namespace pathrank
