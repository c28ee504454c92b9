#include "pathrank/eval/tuner.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

#include "eval/search_cache.h"
#include "eval/weight_search.h"
#include "learn/learned_search.h"
#include "pathrank/eval/baselines.h"
#include "util/random.h"

namespace pathrank {

namespace {

using internal::SearchPoint;

std::vector<Trajectory> Pick(std::span<const Trajectory> all, const std::vector<size_t>& index) {
  std::vector<Trajectory> out;
  out.reserve(index.size());
  for (size_t i : index) out.push_back(all[i]);
  return out;
}

Status CheckOptions(const TuneOptions& o) {
  auto share = [](double s) { return std::isfinite(s) && s > 0 && s < 1; };
  if (!share(o.train_share) || !share(o.validation_share) ||
      o.train_share + o.validation_share > 1.0) {
    return Status::InvalidArgument(
        "train and validation shares must be in (0, 1) and sum to at most 1");
  }
  if (o.k == 0) return Status::InvalidArgument("k must be at least 1");
  if (o.lambdas.empty()) return Status::InvalidArgument("the lambda grid is empty");
  for (double l : o.lambdas) {
    if (!(l >= 0 && l <= 1)) return Status::InvalidArgument("lambdas must be in [0, 1]");
  }
  if (o.sequence && o.recency_decays.empty()) {
    return Status::InvalidArgument("the recency decay grid is empty");
  }
  for (double d : o.recency_decays) {
    if (!(d >= 0 && d <= 1)) return Status::InvalidArgument("recency decays must be in [0, 1]");
  }
  if (o.method == TuneMethod::kLearned) {
    if (o.learned_l2.empty() || o.learned_pairs_per_truth == 0) {
      return Status::InvalidArgument(
          "the learned method needs an L2 grid and pairs per truth >= 1");
    }
    for (double l2 : o.learned_l2) {
      if (!(l2 > 0) || !std::isfinite(l2))
        return Status::InvalidArgument("L2 strengths must be > 0");
    }
  }
  if (!(o.smoothing >= 0) || o.recent_items == 0 || o.folds < 2) {
    return Status::InvalidArgument("smoothing must be >= 0, recent_items >= 1 and folds >= 2");
  }
  return Status::Ok();
}

ScoringProfile ToProfile(const ScoringProfile& base, const SearchPoint& p,
                         std::span<const double> lambdas, bool sequence) {
  ScoringProfile out = base;
  out.name = "tuned";
  out.w_cov = p.w[internal::kCov];
  out.w_rel = p.w[internal::kRel];
  out.w_unl = p.w[internal::kUnl];
  out.w_fnd = p.w[internal::kFnd];
  out.w_eff = p.w[internal::kEff];
  out.w_seq = sequence ? p.w[internal::kSeq] : base.w_seq;
  out.lambda = lambdas[p.lambda];
  return out;
}

// The seeded sample of training learners whose steps the search replays.
std::vector<Trajectory> SearchSample(const std::vector<Trajectory>& train, size_t max_steps,
                                     uint64_t seed) {
  if (CountSteps(train) <= max_steps) return train;
  std::vector<size_t> order(train.size());
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng = internal::SeededRng({seed, 0x5A3B1E});
  for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
  std::vector<size_t> keep;
  size_t steps = 0;
  for (size_t i : order) {
    if (steps + train[i].steps.size() > max_steps) continue;
    steps += train[i].steps.size();
    keep.push_back(i);
  }
  std::sort(keep.begin(), keep.end());
  return Pick(train, keep);
}

BaselineComparison Compare(const RankerResult& profile, const RankerResult& baseline,
                           const TuneOptions& o) {
  BaselineComparison c;
  c.baseline = baseline.name;
  c.profile_ndcg = profile.total.mean().ndcg;
  c.baseline_ndcg = baseline.total.mean().ndcg;
  std::vector<double> numerators, denominators, differences;
  for (size_t l = 0; l < profile.per_learner.size(); ++l) {
    const MetricSums& a = profile.per_learner[l];
    const MetricSums& b = baseline.per_learner[l];
    if (a.count == 0) continue;
    numerators.push_back(a.ndcg - b.ndcg);
    denominators.push_back(static_cast<double>(a.count));
    differences.push_back((a.ndcg - b.ndcg) / static_cast<double>(a.count));
  }
  c.difference = PairedBootstrap(numerators, denominators, o.bootstrap_resamples, o.seed);
  c.wilcoxon = WilcoxonSignedRank(differences);
  return c;
}

}  // namespace

std::vector<std::vector<size_t>> SplitLearners(size_t n, std::span<const double> shares,
                                               uint64_t seed) {
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng = internal::SeededRng({seed, 0x5B117});
  for (size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
  std::vector<std::vector<size_t>> groups(shares.size() + 1);
  size_t at = 0;
  double cumulative = 0;
  for (size_t g = 0; g < shares.size(); ++g) {
    cumulative += shares[g];
    const size_t end = std::min(n, static_cast<size_t>(std::llround(cumulative * n)));
    for (; at < end; ++at) groups[g].push_back(order[at]);
  }
  for (; at < n; ++at) groups.back().push_back(order[at]);
  for (auto& g : groups) std::sort(g.begin(), g.end());
  return groups;
}

Result<TuneReport> Tune(const Scorer& scorer, const ScoringProfile& base,
                        std::span<const Trajectory> trajectories, std::span<const Trajectory> test,
                        const TuneOptions& o) {
  PATHRANK_RETURN_IF_ERROR(CheckOptions(o));
  const auto start_time = std::chrono::steady_clock::now();
  const Catalog& catalog = scorer.catalog();
  TuneReport report;
  report.base = base;

  // 1. Split.
  std::vector<Trajectory> train, validation, test_set;
  if (test.empty()) {
    const double shares[] = {o.train_share, o.validation_share};
    auto groups = SplitLearners(trajectories.size(), shares, o.seed);
    train = Pick(trajectories, groups[0]);
    validation = Pick(trajectories, groups[1]);
    test_set = Pick(trajectories, groups[2]);
  } else {
    const double shares[] = {o.train_share / (o.train_share + o.validation_share)};
    auto groups = SplitLearners(trajectories.size(), shares, o.seed);
    train = Pick(trajectories, groups[0]);
    validation = Pick(trajectories, groups[1]);
    test_set.assign(test.begin(), test.end());
  }
  if (train.empty() || validation.empty() || test_set.empty()) {
    return Status::InvalidArgument("too few learners (" + std::to_string(trajectories.size()) +
                                   ") for a train / validation / test split");
  }
  report.train_learners = train.size();
  report.validation_learners = validation.size();
  report.test_learners = test_set.size();
  report.train_steps = CountSteps(train);
  report.validation_steps = CountSteps(validation);
  report.test_steps = CountSteps(test_set);

  std::vector<double> lambdas = o.lambdas;
  if (std::find(lambdas.begin(), lambdas.end(), base.lambda) == lambdas.end()) {
    lambdas.push_back(base.lambda);
  }
  const size_t decays = o.sequence ? o.recency_decays.size() : 0;
  auto model_options = [&](size_t d) {
    return TransitionModelOptions{o.smoothing, o.recency_decays[d], o.recent_items};
  };

  // 2. Sequence models: cross-fitted for the search sample.
  const std::vector<Trajectory> sample = SearchSample(train, o.max_search_steps, o.seed);
  report.search_steps = CountSteps(sample);
  std::vector<std::vector<TransitionModel>> fold_models;  // [fold][decay]
  std::vector<size_t> fold_of(sample.size());
  if (decays > 0) {
    const size_t folds = std::min(o.folds, sample.size());
    const std::vector<double> fold_shares(folds - 1, 1.0 / static_cast<double>(folds));
    auto groups = SplitLearners(sample.size(), fold_shares, o.seed + 1);
    for (size_t f = 0; f < groups.size(); ++f) {
      for (size_t l : groups[f]) fold_of[l] = f;
    }
    for (size_t f = 0; f < groups.size(); ++f) {
      std::vector<Trajectory> rest;
      for (size_t l = 0; l < sample.size(); ++l) {
        if (fold_of[l] != f) rest.push_back(sample[l]);
      }
      TransitionModel model = TransitionModel::Learn(catalog, rest, model_options(0));
      std::vector<TransitionModel> per_decay;
      for (size_t d = 0; d < decays; ++d) per_decay.push_back(model.WithOptions(model_options(d)));
      fold_models.push_back(std::move(per_decay));
    }
  }

  // Progress accounting.
  internal::WeightSearchOptions wso;
  wso.lambdas = lambdas.size();
  wso.decays = decays;
  wso.random_samples = o.random_samples;
  wso.descent_rounds = o.descent_rounds;
  wso.seed = o.seed;
  const size_t blocks = (sample.size() + internal::SearchCache::kLearnersPerBlock - 1) /
                        internal::SearchCache::kLearnersPerBlock;
  const size_t starts = decays > 0 ? 2 : 1;
  size_t total = blocks + starts + internal::SearchBudget(wso) + o.validation_candidates + 1 + 3;
  size_t done = 0;
  double best_train = 0;
  auto tick = [&](const char* phase) {
    if (o.progress) o.progress({phase, done, std::max(total, done), best_train});
  };

  // 3. Search.
  internal::SearchCache cache(
      scorer, base, sample, lambdas, decays,
      [&](size_t l, size_t d) -> const SequenceModel* { return &fold_models[fold_of[l]][d]; },
      o.threads, [&](size_t, size_t) {});
  done += blocks;
  tick("cache");

  SearchPoint start;
  start.w = {base.w_cov, base.w_rel, base.w_unl, base.w_fnd, base.w_eff, base.w_seq};
  start.lambda =
      static_cast<size_t>(std::find(lambdas.begin(), lambdas.end(), base.lambda) - lambdas.begin());
  for (size_t d = 0; d < decays; ++d) {
    if (o.recency_decays[d] == 0.5) start.decay = d;
  }
  std::vector<SearchPoint> starts_list = {start};
  if (decays > 0) {
    SearchPoint with_seq = start;
    with_seq.w[internal::kSeq] = std::max(1.0, start.w[internal::kSeq]);
    starts_list.push_back(with_seq);
  }
  const auto search_start = std::chrono::steady_clock::now();
  auto evaluate = [&](const SearchPoint& p) { return cache.Objective(p, o.k); };
  auto observe = [&](const internal::Evaluated& e, const char* phase) {
    best_train = std::max(best_train, e.train);
    report.curve.push_back({report.curve.size() + 1, phase, e.train, best_train});
    ++done;
    tick(phase);
  };
  report.method = o.method;
  std::vector<internal::Evaluated> evaluated;
  if (o.method == TuneMethod::kLearned) {
    internal::LearnedSearchOptions lso;
    lso.l2 = o.learned_l2;
    lso.pairs_per_truth = o.learned_pairs_per_truth;
    lso.seed = o.seed;
    evaluated = internal::LearnedSearch(cache, starts_list, lso, evaluate, observe);
  } else {
    evaluated = internal::Search(starts_list, wso, evaluate, observe);
  }
  report.search_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - search_start).count();
  total = done + o.validation_candidates + 1 + 3;

  // 4. Selection on validation.
  std::vector<internal::Evaluated> ranked = evaluated;
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.train > b.train; });
  std::vector<internal::Evaluated> candidates;
  for (const auto& e : ranked) {
    if (candidates.size() >= o.validation_candidates) break;
    const bool seen = std::any_of(candidates.begin(), candidates.end(),
                                  [&](const auto& c) { return c.point == e.point; });
    if (!seen) candidates.push_back(e);
  }
  if (std::none_of(candidates.begin(), candidates.end(),
                   [&](const auto& c) { return c.point == evaluated[0].point; })) {
    candidates.push_back(evaluated[0]);
  }
  total = done + candidates.size() + 1;
  std::optional<TransitionModel> train_model;
  if (decays > 0) train_model = TransitionModel::Learn(catalog, train, model_options(0));
  EvalOptions eval;
  eval.k = o.k;
  eval.theta_req = base.theta_req;
  eval.threads = o.threads;
  double best_validation = -1;
  for (const auto& cand : candidates) {
    ValidationCandidate v;
    v.profile = ToProfile(base, cand.point, lambdas, decays > 0);
    v.recency_decay = decays > 0 ? o.recency_decays[cand.point.decay] : 0.0;
    v.train = cand.train;
    std::optional<TransitionModel> model;
    if (train_model) model = train_model->WithOptions(model_options(cand.point.decay));
    auto ranker = MakeProfileRanker(scorer, v.profile, model ? &*model : nullptr);
    const Ranker* rankers[] = {ranker.get()};
    auto result = Evaluate(catalog, validation, rankers, eval);
    if (!result) return result.error();
    v.validation = (*result)[0].total.mean().ndcg;
    if (v.validation > best_validation) {
      best_validation = v.validation;
      report.selected = report.validation.size();
    }
    report.validation.push_back(std::move(v));
    ++done;
    tick("validation");
  }
  const ValidationCandidate& chosen = report.validation[report.selected];
  report.tuned = chosen.profile;
  if (train_model) {
    report.sequence = train_model->WithOptions({o.smoothing, chosen.recency_decay, o.recent_items});
  }

  // 5. Test.
  auto tuned = MakeProfileRanker(scorer, report.tuned,
                                 report.sequence ? &*report.sequence : nullptr, "pathrank");
  auto untuned = MakeProfileRanker(scorer, base, nullptr, "default");
  auto random = MakeRandomRanker(o.seed);
  auto popularity = MakePopularityRanker(catalog, train);
  auto order = MakeCatalogOrderRanker();
  auto coverage = MakeCoverageRanker(scorer, base);
  auto transition = MakeTransitionRanker(catalog, train);
  const Ranker* rankers[] = {tuned.get(), untuned.get(),  random.get(),    popularity.get(),
                             order.get(), coverage.get(), transition.get()};
  auto result = Evaluate(catalog, test_set, rankers, eval);
  if (!result) return result.error();
  report.test = std::move(*result);
  for (size_t r = 2; r < report.test.size(); ++r) {
    report.comparisons.push_back(Compare(report.test[0], report.test[r], o));
    if (report.comparisons.back().baseline_ndcg >
        report.comparisons[report.best_baseline].baseline_ndcg) {
      report.best_baseline = report.comparisons.size() - 1;
    }
  }
  ++done;
  tick("test");
  report.total_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_time).count();
  return report;
}

}  // namespace pathrank
