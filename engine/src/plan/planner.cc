#include "pathrank/planner.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <span>

#include "score/score_kernels.h"

namespace pathrank {

namespace {

constexpr double kHoursEpsilon = 1e-9;

// What the goals need: targets plus the closure of their unmet `requires`
// clauses, choosing per clause the alternative best for this learner.
class NeedSet {
 public:
  NeedSet(const Catalog& c, const LearnerState& learner, const ScoringProfile& profile)
      : c_(c),
        m_(learner.mastery),
        profile_(profile),
        needed_(c.item_count(), 0),
        required_by_(c.item_count()),
        target_of_(c.item_count()) {}

  void AddTargets(const std::vector<std::pair<uint32_t, double>>& goals, double min_demand) {
    std::vector<double> demand(c_.item_count(), 0.0);
    for (const auto& goal : goals) {
      std::fill(demand.begin(), demand.end(), 0.0);
      const std::pair<uint32_t, double> one[] = {goal};
      internal::GoalDemand(c_, one, demand);
      for (ItemId i = 0; i < demand.size(); ++i) {
        if (demand[i] >= min_demand && m_[i] < profile_.theta) {
          target_of_[i].push_back(goal.first);
          Add(i);
        }
      }
    }
  }

  // Adds `items` (those not mastered) as targets of no goal.
  void AddItemTargets(std::span<const ItemId> items) {
    for (ItemId i : items) {
      if (m_[i] < profile_.theta) Add(i);
    }
  }

  // Adds the requires-closure of everything added so far.
  void Close() {
    while (!stack_.empty()) {
      const ItemId i = stack_.back();
      stack_.pop_back();
      for (const Clause& clause : c_.clauses_of(i)) {
        if (clause.type != ClauseType::kRequires) continue;
        double s = 0;
        for (ItemId a : c_.alternatives(clause)) s = std::max(s, m_[a]);
        if (s >= profile_.theta_req) continue;
        const ItemId pick = Choose(clause);
        required_by_[pick].push_back(i);
        Add(pick);  // even if mastered: the clause is unmet (theta_req > theta)
      }
    }
  }

  bool needed(ItemId i) const { return needed_[i] != 0; }
  const std::vector<ItemId>& required_by(ItemId i) const { return required_by_[i]; }
  const std::vector<uint32_t>& target_of(ItemId i) const { return target_of_[i]; }
  size_t count() const { return count_; }

 private:
  void Add(ItemId i) {
    if (needed_[i]) return;
    needed_[i] = 1;
    ++count_;
    stack_.push_back(i);
  }

  // Highest mastery, then already needed, then fewest hours, then catalog order.
  ItemId Choose(const Clause& clause) const {
    const auto alts = c_.alternatives(clause);
    return *std::min_element(alts.begin(), alts.end(), [&](ItemId a, ItemId b) {
      if (m_[a] != m_[b]) return m_[a] > m_[b];
      if (needed_[a] != needed_[b]) return needed_[a] > needed_[b];
      if (c_.item(a).hours != c_.item(b).hours) return c_.item(a).hours < c_.item(b).hours;
      return c_.topological_rank(a) < c_.topological_rank(b);
    });
  }

  const Catalog& c_;
  const std::vector<double>& m_;
  const ScoringProfile& profile_;
  std::vector<uint8_t> needed_;
  std::vector<std::vector<ItemId>> required_by_;
  std::vector<std::vector<uint32_t>> target_of_;
  std::vector<ItemId> stack_;
  size_t count_ = 0;
};

std::string JoinIds(const Catalog& c, const std::vector<ItemId>& items, size_t limit) {
  std::string out;
  for (size_t k = 0; k < items.size() && k < limit; ++k) {
    if (k > 0) out += ", ";
    out += c.item(items[k]).id;
  }
  if (items.size() > limit) out += " and " + std::to_string(items.size() - limit) + " more";
  return out;
}

std::string Reason(const Catalog& c, const PlanStep& step) {
  std::string reason;
  if (step.target_of.empty() && step.required_by.empty()) return "target";
  if (!step.target_of.empty()) {
    reason = "target of goal";
    if (step.target_of.size() > 1) reason += "s";
    for (size_t g = 0; g < step.target_of.size(); ++g) {
      reason += (g == 0 ? " " : ", ") + c.goals()[step.target_of[g]].id;
    }
  }
  if (!step.required_by.empty()) {
    if (!reason.empty()) reason += "; ";
    reason += "required by " + JoinIds(c, step.required_by, 3);
  }
  return reason;
}

Status CheckPlanInputs(const Catalog& c, const LearnerState& learner, const PlanOptions& options) {
  if (learner.mastery.size() != c.item_count()) {
    return Status::InvalidArgument("learner does not match catalog \"" + c.id() + "\"");
  }
  if (!std::isfinite(options.hours_per_week) || options.hours_per_week <= 0 ||
      options.hours_per_week > 168) {
    Status s = Status::InvalidArgument("hours_per_week must be a number in (0, 168]");
    s.AddField("/hours_per_week", "must be a number in (0, 168]");
    return s;
  }
  return Status::Ok();
}

// Takes the best-scoring ready needed item, assumes it mastered, and works
// out again what is needed: learning one alternative of a clause can make
// another needed item unnecessary. `add_targets` adds the targets to a fresh
// NeedSet for the current state.
// The learner's inferred entries that are direct prerequisites of an item in
// `steps` or `targets`.
std::vector<InferredMastery> InferredUnder(const Catalog& c, const LearnerState& learner,
                                           const std::vector<PlanStep>& steps,
                                           std::span<const ItemId> targets) {
  if (learner.inferred.empty()) return {};
  std::vector<uint8_t> relied(c.item_count(), 0);
  auto mark = [&](ItemId item) {
    for (const Clause& clause : c.clauses_of(item)) {
      for (ItemId a : c.alternatives(clause)) relied[a] = 1;
    }
  };
  for (const PlanStep& step : steps) mark(step.item);
  for (ItemId t : targets) mark(t);
  std::vector<InferredMastery> out;
  for (const InferredMastery& e : learner.inferred) {
    if (relied[e.item]) out.push_back(e);
  }
  return out;
}

template <typename AddTargets>
Result<Plan> BuildPlan(const Scorer& scorer, const LearnerState& learner,
                       const ScoringProfile& profile, const PlanOptions& options,
                       std::span<const ItemId> targets, AddTargets add_targets) {
  const Catalog& c = scorer.catalog();
  LearnerState state = learner;
  ScoreSheet sheet;
  Plan plan;
  while (true) {
    NeedSet need(c, state, profile);
    add_targets(need, state);
    need.Close();
    if (need.count() == 0) break;
    if (plan.steps.size() + need.count() > options.max_steps) {
      return Status::OutOfRange("the path has more than " + std::to_string(options.max_steps) +
                                " steps (PlanOptions::max_steps)");
    }
    scorer.Score(state, profile, options.sequence, &sheet);
    ItemId best = 0;
    bool found = false;
    for (ItemId i = 0; i < c.item_count(); ++i) {
      if (!need.needed(i) || !sheet.ready[i]) continue;
      if (!found || scorer.RanksBefore(i, sheet.score[i], best, sheet.score[best])) {
        best = i;
        found = true;
      }
    }
    if (!found) {
      return Status::Internal("planner: no needed item is ready after " +
                              std::to_string(plan.steps.size()) + " steps");
    }
    state.mastery[best] = 1.0;
    state.recent.insert(state.recent.begin(), best);

    PlanStep step;
    step.item = best;
    step.hours = c.item(best).hours;
    step.cumulative_hours = plan.total_hours + step.hours;
    step.week = std::max(1, static_cast<int>(std::ceil(
                                step.cumulative_hours / options.hours_per_week - kHoursEpsilon)));
    step.score = sheet.score[best];
    step.target_of = need.target_of(best);
    step.required_by = need.required_by(best);
    step.reason = Reason(c, step);
    plan.total_hours = step.cumulative_hours;
    plan.steps.push_back(std::move(step));
  }
  plan.weeks = plan.steps.empty() ? 0 : plan.steps.back().week;
  plan.inferred = InferredUnder(c, learner, plan.steps, targets);
  return plan;
}

}  // namespace

Result<Plan> PlanPath(const Scorer& scorer, const LearnerState& learner,
                      const ScoringProfile& profile, const PlanOptions& options) {
  PATHRANK_RETURN_IF_ERROR(CheckPlanInputs(scorer.catalog(), learner, options));
  if (learner.goals.empty()) {
    Status s = Status::InvalidArgument("a path needs at least one goal");
    s.AddField("/goals", "at least one goal is required");
    return s;
  }
  return BuildPlan(scorer, learner, profile, options, {},
                   [&](NeedSet& need, const LearnerState& state) {
                     need.AddTargets(state.goals, options.min_target_demand);
                   });
}

Result<Plan> PlanToItems(const Scorer& scorer, const LearnerState& learner,
                         const ScoringProfile& profile, std::span<const ItemId> targets,
                         const PlanOptions& options) {
  PATHRANK_RETURN_IF_ERROR(CheckPlanInputs(scorer.catalog(), learner, options));
  for (ItemId t : targets) {
    if (t >= scorer.catalog().item_count()) {
      return Status::InvalidArgument("target item index " + std::to_string(t) + " is out of range");
    }
  }
  return BuildPlan(scorer, learner, profile, options, targets,
                   [&](NeedSet& need, const LearnerState&) { need.AddItemTargets(targets); });
}

}  // namespace pathrank
