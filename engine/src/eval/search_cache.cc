#include "eval/search_cache.h"

#include <algorithm>
#include <numeric>

#include "pathrank/eval/metrics.h"
#include "pathrank/eval/replay.h"
#include "util/parallel.h"
#include "util/random.h"

namespace pathrank::internal {

SearchCache::SearchCache(const Scorer& scorer, const ScoringProfile& base,
                         std::span<const Trajectory> learners, std::span<const double> lambdas,
                         size_t decays,
                         const std::function<const SequenceModel*(size_t, size_t)>& sequence,
                         size_t threads, const std::function<void(size_t, size_t)>& progress)
    : scorer_(scorer),
      lambdas_(lambdas.size()),
      decays_(decays),
      width_(4 + lambdas.size() + decays),
      threads_(std::max<size_t>(1, threads)) {
  const Catalog& c = scorer.catalog();
  std::vector<ItemId> order(c.item_count());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](ItemId a, ItemId b) { return scorer.RanksBefore(a, 0.0, b, 0.0); });
  tie_rank_.resize(c.item_count());
  for (size_t p = 0; p < order.size(); ++p) tie_rank_[order[p]] = static_cast<uint32_t>(p);

  const size_t block_count = (learners.size() + kLearnersPerBlock - 1) / kLearnersPerBlock;
  blocks_.resize(block_count);
  std::atomic<size_t> done{0};
  ParallelFor(block_count, threads_, [&](size_t b) {
    BuildBlock(b, learners, base, lambdas, sequence);
    const size_t finished = ++done;
    if (progress) progress(finished, block_count);
  });
  for (const Block& block : blocks_) events_ += block.offset.size() - 1;
}

void SearchCache::BuildBlock(size_t b, std::span<const Trajectory> learners,
                             const ScoringProfile& base, std::span<const double> lambdas,
                             const std::function<const SequenceModel*(size_t, size_t)>& sequence) {
  const Catalog& c = scorer_.catalog();
  Block& block = blocks_[b];
  block.offset.push_back(0);
  block.truth_offset.push_back(0);
  ScoreSheet sheet, other;
  std::vector<std::vector<double>> relevance(lambdas_, std::vector<double>(c.item_count()));
  std::vector<std::vector<double>> seq(decays_, std::vector<double>(c.item_count()));
  std::vector<uint8_t> is_truth(c.item_count(), 0);
  ScoringProfile profile = base;
  const size_t end = std::min(learners.size(), (b + 1) * kLearnersPerBlock);
  for (size_t l = b * kLearnersPerBlock; l < end; ++l) {
    ReplayTrajectory(c, learners[l], l, [&](const ReplayStep& step) {
      for (size_t g = 0; g < lambdas_; ++g) {
        profile.lambda = lambdas[g];
        scorer_.Score(step.state, profile, nullptr, g == 0 ? &sheet : &other);
        const ScoreSheet& s = g == 0 ? sheet : other;
        for (ItemId i = 0; i < c.item_count(); ++i) relevance[g][i] = s.terms[i].relevance;
      }
      for (size_t d = 0; d < decays_; ++d) sequence(l, d)->Score(step.state, seq[d]);
      bool truth_blocked = false;
      for (ItemId t : step.truth) {
        is_truth[t] = 1;
        truth_blocked |= sheet.ready[t] == 0;
      }
      uint32_t local = 0;
      for (ItemId i : step.candidates) {
        if (!sheet.ready[i] && !truth_blocked) continue;
        const Terms& t = sheet.terms[i];
        block.terms.push_back(static_cast<float>(t.coverage));
        block.terms.push_back(static_cast<float>(t.unlock));
        block.terms.push_back(static_cast<float>(t.foundation));
        block.terms.push_back(static_cast<float>(t.effort));
        for (size_t g = 0; g < lambdas_; ++g) {
          block.terms.push_back(static_cast<float>(relevance[g][i]));
        }
        for (size_t d = 0; d < decays_; ++d) block.terms.push_back(static_cast<float>(seq[d][i]));
        block.key.push_back((sheet.ready[i] ? 0u : 1u << 31) | tie_rank_[i]);
        if (is_truth[i]) block.truth.push_back(local);
        ++local;
      }
      for (ItemId t : step.truth) is_truth[t] = 0;
      block.offset.push_back(static_cast<uint32_t>(block.key.size()));
      block.truth_offset.push_back(static_cast<uint32_t>(block.truth.size()));
    });
  }
}

double SearchCache::BlockNdcg(const Block& block, const SearchPoint& point, size_t k) const {
  // Coefficients over a row: cov, unl, fnd, -eff, rel[lambda], seq[decay].
  std::vector<double> coef(width_, 0.0);
  coef[0] = point.w[kCov];
  coef[1] = point.w[kUnl];
  coef[2] = point.w[kFnd];
  coef[3] = -point.w[kEff];
  coef[4 + point.lambda] = point.w[kRel];
  if (decays_ > 0) coef[4 + lambdas_ + point.decay] = point.w[kSeq];
  std::vector<double> score;
  std::vector<uint32_t> positions;
  double sum = 0;
  const size_t events = block.offset.size() - 1;
  for (size_t e = 0; e < events; ++e) {
    const uint32_t begin = block.offset[e], end = block.offset[e + 1];
    score.resize(end - begin);
    for (uint32_t r = begin; r < end; ++r) {
      const float* row = block.terms.data() + static_cast<size_t>(r) * width_;
      double s = 0;
      for (size_t w = 0; w < width_; ++w) s += coef[w] * row[w];
      score[r - begin] = s;
    }
    positions.clear();
    for (uint32_t t = block.truth_offset[e]; t < block.truth_offset[e + 1]; ++t) {
      const uint32_t me = block.truth[t];
      const double my_score = score[me];
      const uint32_t my_key = block.key[begin + me];
      const uint32_t my_group = my_key >> 31;
      uint32_t position = 1;
      for (uint32_t r = 0; r < end - begin; ++r) {
        const uint32_t key = block.key[begin + r];
        const uint32_t group = key >> 31;
        if (group < my_group || (group == my_group &&
                                 (score[r] > my_score || (score[r] == my_score && key < my_key)))) {
          ++position;
        }
      }
      positions.push_back(position);
    }
    sum += NdcgAtK(positions, k);
  }
  return sum;
}

void SearchCache::AppendPairs(size_t per_truth, uint64_t seed, std::vector<float>* diffs) const {
  std::vector<uint32_t> others;
  size_t event = 0;
  for (const Block& block : blocks_) {
    const size_t events = block.offset.size() - 1;
    for (size_t e = 0; e < events; ++e, ++event) {
      const uint32_t begin = block.offset[e], end = block.offset[e + 1];
      const auto truth_begin = block.truth.begin() + block.truth_offset[e];
      const auto truth_end = block.truth.begin() + block.truth_offset[e + 1];
      std::mt19937_64 rng = SeededRng({seed, event});
      for (auto t = truth_begin; t != truth_end; ++t) {
        const uint32_t group = block.key[begin + *t] >> 31;
        others.clear();
        for (uint32_t r = 0; r < end - begin; ++r) {
          if ((block.key[begin + r] >> 31) != group ||
              std::find(truth_begin, truth_end, r) != truth_end) {
            continue;
          }
          others.push_back(r);
        }
        // A seeded partial shuffle picks `per_truth` of them.
        const size_t take = std::min(per_truth, others.size());
        for (size_t i = 0; i < take; ++i) {
          std::swap(others[i], others[i + rng() % (others.size() - i)]);
        }
        const float* chosen = block.terms.data() + static_cast<size_t>(begin + *t) * width_;
        for (size_t i = 0; i < take; ++i) {
          const float* other = block.terms.data() + static_cast<size_t>(begin + others[i]) * width_;
          for (size_t w = 0; w < width_; ++w) {
            const float d = chosen[w] - other[w];
            diffs->push_back(w == 3 ? -d : d);  // column 3 is effort, subtracted in the score
          }
        }
      }
    }
  }
}

double SearchCache::Objective(const SearchPoint& point, size_t k) const {
  if (events_ == 0) return 0.0;
  std::vector<double> sums(blocks_.size(), 0.0);
  ParallelFor(blocks_.size(), threads_,
              [&](size_t b) { sums[b] = BlockNdcg(blocks_[b], point, k); });
  double total = 0;
  for (double s : sums) total += s;
  return total / static_cast<double>(events_);
}

}  // namespace pathrank::internal
