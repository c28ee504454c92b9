// Paired comparison of profiles over learners (profile_comparison.h).

#include "cli/profile_comparison.h"

#include <cstdio>

#include "pathrank/eval/significance.h"

namespace pathrank::cli {

std::vector<ProfileComparison> CompareProfiles(std::span<const RankerResult> results,
                                               uint64_t seed) {
  std::vector<ProfileComparison> rows;
  if (results.empty()) return rows;
  const RankerResult& control = results[0];
  for (size_t r = 1; r < results.size(); ++r) {
    const RankerResult& variant = results[r];
    std::vector<double> mean_diffs, sums, counts;
    for (size_t l = 0; l < control.per_learner.size() && l < variant.per_learner.size(); ++l) {
      const MetricSums& a = control.per_learner[l];
      const MetricSums& b = variant.per_learner[l];
      if (a.count == 0) continue;
      mean_diffs.push_back((b.ndcg - a.ndcg) / static_cast<double>(a.count));
      sums.push_back(b.ndcg - a.ndcg);
      counts.push_back(static_cast<double>(a.count));
    }
    const WilcoxonResult test = WilcoxonSignedRank(mean_diffs);
    const BootstrapInterval ci = PairedBootstrap(sums, counts, 2000, seed);
    ProfileComparison row;
    row.control = control.name;
    row.variant = variant.name;
    row.ndcg_control = control.total.mean().ndcg;
    row.ndcg_variant = variant.total.mean().ndcg;
    row.diff = ci.estimate;
    row.low = ci.low;
    row.high = ci.high;
    row.p_value = test.p_value;
    row.learners = test.n;
    rows.push_back(row);
  }
  return rows;
}

void PrintProfileComparisons(std::ostream& out, std::span<const ProfileComparison> rows) {
  if (rows.empty()) return;
  out << "\npaired against " << rows[0].control
      << " (NDCG over learners: Wilcoxon signed-rank p, bootstrap 95% interval)\n";
  char line[256];
  std::snprintf(line, sizeof line, "  %-24s %8s %8s %10s %22s %10s\n", "variant", "control",
                "variant", "diff", "95% interval", "p");
  out << line;
  for (const ProfileComparison& r : rows) {
    char interval[64];
    std::snprintf(interval, sizeof interval, "[%+.4f, %+.4f]", r.low, r.high);
    std::snprintf(line, sizeof line, "  %-24s %8.4f %8.4f %+10.4f %22s %10.3g\n", r.variant.c_str(),
                  r.ndcg_control, r.ndcg_variant, r.diff, interval, r.p_value);
    out << line;
  }
}

void WriteProfileComparisons(json::Writer& w, std::span<const ProfileComparison> rows) {
  w.Key("comparisons");
  w.BeginArray();
  for (const ProfileComparison& r : rows) {
    w.BeginObject();
    w.Member("control", r.control);
    w.Member("variant", r.variant);
    w.Member("ndcg_control", r.ndcg_control);
    w.Member("ndcg_variant", r.ndcg_variant);
    w.Member("ndcg_diff", r.diff);
    w.Key("ci95");
    w.BeginArray();
    w.Number(r.low);
    w.Number(r.high);
    w.EndArray();
    w.Member("p_value", r.p_value);
    w.Member("learners", r.learners);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace pathrank::cli
