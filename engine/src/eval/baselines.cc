#include "pathrank/eval/baselines.h"

#include <algorithm>
#include <random>

#include "util/random.h"

namespace pathrank {

namespace {

class ProfileRanker final : public Ranker {
 public:
  ProfileRanker(const Scorer& scorer, const ScoringProfile& profile, const SequenceModel* sequence,
                std::string name)
      : scorer_(scorer), profile_(profile), sequence_(sequence), name_(std::move(name)) {}

  const std::string& name() const override { return name_; }

  size_t Rank(const ReplayStep& step, std::vector<ItemId>* ranking) const override {
    thread_local ScoreSheet sheet;
    scorer_.Score(step.state, profile_, sequence_, &sheet);
    ranking->assign(step.candidates.begin(), step.candidates.end());
    std::sort(ranking->begin(), ranking->end(), [&](ItemId a, ItemId b) {
      if (sheet.ready[a] != sheet.ready[b]) return sheet.ready[a] > sheet.ready[b];
      return scorer_.RanksBefore(a, sheet.score[a], b, sheet.score[b]);
    });
    // Recommend() lists ready items only.
    size_t ready = 0;
    while (ready < ranking->size() && sheet.ready[(*ranking)[ready]]) ++ready;
    return ready;
  }

 private:
  const Scorer& scorer_;
  ScoringProfile profile_;
  const SequenceModel* sequence_;
  std::string name_;
};

// Orders candidates by a per-item key, larger first, ties by catalog order.
void SortByKey(std::span<const double> key, const ReplayStep& step, std::vector<ItemId>* ranking) {
  ranking->assign(step.candidates.begin(), step.candidates.end());
  std::stable_sort(ranking->begin(), ranking->end(),
                   [&](ItemId a, ItemId b) { return key[a] > key[b]; });
}

class RandomRanker final : public Ranker {
 public:
  explicit RandomRanker(uint64_t seed) : seed_(seed) {}
  const std::string& name() const override { return name_; }
  size_t Rank(const ReplayStep& step, std::vector<ItemId>* ranking) const override {
    ranking->assign(step.candidates.begin(), step.candidates.end());
    std::mt19937_64 rng = internal::SeededRng({seed_, step.learner, step.event});
    // Fisher-Yates with our own draws, so the order is the same on every
    // standard library.
    for (size_t i = ranking->size(); i > 1; --i) {
      std::swap((*ranking)[i - 1], (*ranking)[rng() % i]);
    }
    return ranking->size();
  }

 private:
  uint64_t seed_;
  std::string name_ = "random";
};

class CatalogOrderRanker final : public Ranker {
 public:
  const std::string& name() const override { return name_; }
  size_t Rank(const ReplayStep& step, std::vector<ItemId>* ranking) const override {
    ranking->assign(step.candidates.begin(), step.candidates.end());
    std::sort(ranking->begin(), ranking->end());
    return ranking->size();
  }

 private:
  std::string name_ = "catalog-order";
};

class PopularityRanker final : public Ranker {
 public:
  explicit PopularityRanker(std::vector<double> popularity) : popularity_(std::move(popularity)) {}
  const std::string& name() const override { return name_; }
  size_t Rank(const ReplayStep& step, std::vector<ItemId>* ranking) const override {
    SortByKey(popularity_, step, ranking);
    return ranking->size();
  }

 private:
  std::vector<double> popularity_;
  std::string name_ = "popularity";
};

class TransitionRanker final : public Ranker {
 public:
  explicit TransitionRanker(TransitionModel model) : model_(std::move(model)) {}
  const std::string& name() const override { return name_; }
  size_t Rank(const ReplayStep& step, std::vector<ItemId>* ranking) const override {
    const bool start = step.state.recent.empty();
    const ItemId last = start ? 0 : step.state.recent.front();
    auto count = [&](ItemId i) -> uint32_t {
      if (start) return model_.StartCount(i);
      return last < model_.item_count() ? model_.Count(last, i) : 0;
    };
    ranking->assign(step.candidates.begin(), step.candidates.end());
    std::vector<std::pair<uint32_t, uint32_t>> key(model_.item_count());
    for (ItemId i : *ranking) key[i] = {count(i), model_.Popularity(i)};
    std::stable_sort(ranking->begin(), ranking->end(),
                     [&](ItemId a, ItemId b) { return key[a] > key[b]; });
    return ranking->size();
  }

 private:
  TransitionModel model_;
  std::string name_ = "transition";
};

}  // namespace

ScoringProfile CoverageOnlyProfile(const ScoringProfile& base) {
  ScoringProfile p = base;
  p.name = "coverage";
  p.w_cov = 1;
  p.w_rel = p.w_unl = p.w_fnd = p.w_seq = p.w_eff = 0;
  return p;
}

std::unique_ptr<Ranker> MakeProfileRanker(const Scorer& scorer, const ScoringProfile& profile,
                                          const SequenceModel* sequence, std::string name) {
  return std::make_unique<ProfileRanker>(scorer, profile, sequence, std::move(name));
}

std::unique_ptr<Ranker> MakeCoverageRanker(const Scorer& scorer, const ScoringProfile& base) {
  return std::make_unique<ProfileRanker>(scorer, CoverageOnlyProfile(base), nullptr, "coverage");
}

std::unique_ptr<Ranker> MakeRandomRanker(uint64_t seed) {
  return std::make_unique<RandomRanker>(seed);
}

std::unique_ptr<Ranker> MakeCatalogOrderRanker() { return std::make_unique<CatalogOrderRanker>(); }

std::unique_ptr<Ranker> MakePopularityRanker(const Catalog& catalog,
                                             std::span<const Trajectory> train) {
  std::vector<double> popularity(catalog.item_count(), 0.0);
  for (const Trajectory& t : train) {
    for (const TrajectoryStep& s : t.steps) {
      if (s.item < popularity.size()) popularity[s.item] += 1;
    }
  }
  return std::make_unique<PopularityRanker>(std::move(popularity));
}

std::unique_ptr<Ranker> MakeTransitionRanker(const Catalog& catalog,
                                             std::span<const Trajectory> train) {
  return std::make_unique<TransitionRanker>(TransitionModel::Learn(catalog, train));
}

}  // namespace pathrank
