#include "pathrank/transition_model.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace pathrank {

TransitionModel TransitionModel::Learn(const Catalog& catalog,
                                       std::span<const Trajectory> trajectories,
                                       const TransitionModelOptions& options) {
  TransitionModel model;
  model.options_ = options;
  const size_t n = catalog.item_count();
  model.popularity_.assign(n, 0);
  model.start_.assign(n, 0);
  std::vector<std::map<ItemId, uint32_t>> rows(n);
  std::vector<ItemId> previous, current;
  for (const Trajectory& t : trajectories) {
    if (t.steps.empty()) continue;
    ++model.learners_;
    previous.clear();
    size_t s = 0;
    bool first = true;
    while (s < t.steps.size()) {
      current.clear();
      const int64_t step = t.steps[s].step;
      for (; s < t.steps.size() && t.steps[s].step == step; ++s) {
        if (t.steps[s].item < n) current.push_back(t.steps[s].item);
      }
      for (ItemId i : current) {
        ++model.popularity_[i];
        if (first) ++model.start_[i];
        for (ItemId j : previous) {
          ++rows[j][i];
          ++model.transitions_;
        }
      }
      first = false;
      previous.swap(current);
    }
  }
  model.offsets_.assign(n + 1, 0);
  for (size_t j = 0; j < n; ++j) {
    model.offsets_[j + 1] = model.offsets_[j] + static_cast<uint32_t>(rows[j].size());
    for (const auto& [to, count] : rows[j]) model.edges_.push_back({to, count});
  }
  model.Finalize();
  return model;
}

void TransitionModel::Finalize() {
  const size_t n = popularity_.size();
  row_sum_.assign(n, 0);
  for (size_t j = 0; j < n; ++j) {
    for (uint32_t e = offsets_[j]; e < offsets_[j + 1]; ++e) row_sum_[j] += edges_[e].count;
  }
  uint64_t total = 0;
  for (uint32_t p : popularity_) total += p;
  start_sum_ = 0;
  for (uint32_t s : start_) start_sum_ += s;
  prior_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    prior_[i] = (popularity_[i] + 1.0) / (static_cast<double>(total) + static_cast<double>(n));
  }
}

TransitionModel TransitionModel::WithOptions(const TransitionModelOptions& options) const {
  TransitionModel copy = *this;
  copy.options_ = options;
  return copy;
}

uint32_t TransitionModel::Count(ItemId from, ItemId to) const {
  auto begin = edges_.begin() + offsets_[from];
  auto end = edges_.begin() + offsets_[from + 1];
  auto it = std::lower_bound(begin, end, to, [](const Edge& e, ItemId x) { return e.to < x; });
  return it != end && it->to == to ? it->count : 0;
}

double TransitionModel::Probability(ItemId from, ItemId to) const {
  const double alpha = options_.smoothing;
  const double denominator = static_cast<double>(row_sum_[from]) + alpha;
  if (denominator <= 0) return prior_[to];
  return (Count(from, to) + alpha * prior_[to]) / denominator;
}

double TransitionModel::StartProbability(ItemId to) const {
  const double alpha = options_.smoothing;
  const double denominator = static_cast<double>(start_sum_) + alpha;
  if (denominator <= 0) return prior_[to];
  return (start_[to] + alpha * prior_[to]) / denominator;
}

void TransitionModel::Score(const LearnerState& learner, std::span<double> out) const {
  const size_t n = popularity_.size();
  const double alpha = options_.smoothing;
  const size_t used = std::min<size_t>(learner.recent.size(), options_.recent_items);
  // mix = prior_weight * p + sum_k weight_k / (c_k + alpha) * row_k
  double prior_weight = 0, weight_sum = 0;
  std::fill(out.begin(), out.end(), 0.0);
  if (used == 0) {
    const double denominator = static_cast<double>(start_sum_) + alpha;
    if (denominator > 0) {
      prior_weight = alpha / denominator;
      for (size_t i = 0; i < n; ++i) out[i] = start_[i] / denominator;
    } else {
      prior_weight = 1;
    }
    weight_sum = 1;
  } else {
    double weight = 1;
    for (size_t k = 0; k < used; ++k, weight *= options_.recency_decay) {
      if (k > 0 && weight == 0) break;
      weight_sum += weight;
      const ItemId j = learner.recent[k];
      if (j >= n) continue;
      const double denominator = static_cast<double>(row_sum_[j]) + alpha;
      if (denominator <= 0) {
        prior_weight += weight;
        continue;
      }
      prior_weight += weight * alpha / denominator;
      const double scale = weight / denominator;
      for (uint32_t e = offsets_[j]; e < offsets_[j + 1]; ++e) {
        out[edges_[e].to] += scale * edges_[e].count;
      }
    }
  }
  double best = 0;
  for (size_t i = 0; i < n; ++i) {
    out[i] = (out[i] + prior_weight * prior_[i]) / weight_sum;
    best = std::max(best, out[i]);
  }
  if (best > 0) {
    for (size_t i = 0; i < n; ++i) out[i] /= best;
  }
}

}  // namespace pathrank
