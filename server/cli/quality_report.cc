#include "cli/quality_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "cli/table.h"

namespace pathrank::cli {

namespace {

std::string Escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '<') {
      out += "&lt;";
    } else if (c == '>') {
      out += "&gt;";
    } else if (c == '&') {
      out += "&amp;";
    } else if (c == '"') {
      out += "&quot;";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Percent(double v) { return Fixed(100 * v, 1) + "%"; }

std::string Signed(double v, int digits) { return (v >= 0 ? "+" : "") + Fixed(v, digits); }

}  // namespace

std::string FormatPValue(double p) {
  char buffer[32];
  if (p >= 1e-4) {
    std::snprintf(buffer, sizeof(buffer), "%.4f", p);
  } else {
    std::snprintf(buffer, sizeof(buffer), "%.1e", p);
  }
  return buffer;
}

void PrintMetricsTable(std::ostream& out, const std::vector<RankerResult>& results, size_t k) {
  const std::string at = "@" + std::to_string(k);
  Table table({"ranker", "HitRate" + at, "NDCG" + at, "MRR", "coverage", "unmet requires", "steps"},
              {false, true, true, true, true, true, true});
  for (const RankerResult& r : results) {
    const RankMetrics m = r.total.mean();
    table.AddRow({r.name, Fixed(m.hit, 4), Fixed(m.ndcg, 4), Fixed(m.rr, 4), Percent(r.coverage),
                  Percent(r.unmet_requires), std::to_string(r.total.count)});
  }
  table.Print(out);
}

std::string MetricsMarkdownTable(const std::vector<RankerResult>& results, size_t k) {
  const std::string at = "@" + std::to_string(k);
  std::ostringstream out;
  out << "| ranker | HitRate" << at << " | NDCG" << at
      << " | MRR | catalog coverage | unmet requires | steps |\n";
  out << "|---|---:|---:|---:|---:|---:|---:|\n";
  for (const RankerResult& r : results) {
    const RankMetrics m = r.total.mean();
    out << "| " << r.name << " | " << Fixed(m.hit, 4) << " | " << Fixed(m.ndcg, 4) << " | "
        << Fixed(m.rr, 4) << " | " << Percent(r.coverage) << " | " << Percent(r.unmet_requires)
        << " | " << r.total.count << " |\n";
  }
  return out.str();
}

std::string TuneReportMarkdown(const Catalog& catalog, const TuneReport& report,
                               const TuneReportInfo& info) {
  std::ostringstream out;
  const std::string at = "@" + std::to_string(info.k);
  out << "# Tuning report: catalog `" << catalog.id() << "`\n\n";
  if (!info.label.empty()) out << "**Data: " << info.label << ".**\n\n";
  out << "Command:\n\n```sh\n" << info.command << "\n```\n\n";
  out << "Trajectories: `" << info.trajectories << "`; seed " << info.seed
      << ". Learners: " << report.train_learners << " train (" << report.train_steps << " steps), "
      << report.validation_learners << " validation (" << report.validation_steps << " steps), "
      << report.test_learners << " test (" << report.test_steps << " steps). The search replayed "
      << report.search_steps << " training steps.\n\n";

  const BaselineComparison& best = report.comparisons[report.best_baseline];
  out << "## Result on the held-out test learners\n\n";
  out << "The tuned profile reaches NDCG" << at << " **" << Fixed(best.profile_ndcg, 4)
      << "** against **" << Fixed(best.baseline_ndcg, 4) << "** for the best baseline ("
      << best.baseline << "): a margin of **" << Signed(best.difference.estimate, 4)
      << "** (95% paired-bootstrap interval " << Signed(best.difference.low, 4) << " to "
      << Signed(best.difference.high, 4) << "), Wilcoxon signed-rank over " << best.wilcoxon.n
      << " learners with a non-zero difference: z = " << Fixed(best.wilcoxon.z, 2)
      << ", p = " << FormatPValue(best.wilcoxon.p_value) << ".";
  bool beats_all = true;
  for (const BaselineComparison& c : report.comparisons) {
    beats_all &= c.difference.estimate > 0 && c.wilcoxon.p_value < 0.05 && c.wilcoxon.z > 0;
  }
  out << (beats_all ? " It beats every baseline significantly (p < 0.05).\n\n"
                    : " It does **not** beat every baseline significantly (see below).\n\n");
  out << "![NDCG, HitRate and MRR per ranker on test; the tuning curve](" << info.chart_file
      << ")\n\n";
  out << "### Test metrics\n\n" << MetricsMarkdownTable(report.test, info.k) << "\n";
  out << "`pathrank` is the tuned profile (with the sequence model when there is one); "
         "`default` is the starting profile `"
      << report.base.name << "` without a sequence model.\n\n";
  out << "### Tuned profile against each baseline (NDCG" << at << ")\n\n";
  out << "| baseline | baseline NDCG | difference | 95% interval | W+ | W- | n | z | p |\n";
  out << "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  for (const BaselineComparison& c : report.comparisons) {
    out << "| " << c.baseline << " | " << Fixed(c.baseline_ndcg, 4) << " | "
        << Signed(c.difference.estimate, 4) << " | [" << Signed(c.difference.low, 4) << ", "
        << Signed(c.difference.high, 4) << "] | " << Fixed(c.wilcoxon.w_plus, 1) << " | "
        << Fixed(c.wilcoxon.w_minus, 1) << " | " << c.wilcoxon.n << " | " << Fixed(c.wilcoxon.z, 2)
        << " | " << FormatPValue(c.wilcoxon.p_value) << " |\n";
  }
  out << "\n## The tuned profile\n\n";
  out << "Written to `" << info.profile_file << "`";
  if (!info.sequence_file.empty()) out << " with its sequence model `" << info.sequence_file << "`";
  out << ".\n\n| field | start | tuned |\n|---|---:|---:|\n";
  for (const std::string& f : ProfileFieldNames()) {
    out << "| " << f << " | " << Fixed(GetProfileField(report.base, f), 4) << " | "
        << Fixed(GetProfileField(report.tuned, f), 4) << " |\n";
  }
  if (report.sequence) {
    const TransitionModelOptions& so = report.sequence->options();
    out << "\nSequence model: transition counts of " << report.sequence->learner_count()
        << " training learners (" << report.sequence->transition_count()
        << " transitions), smoothing " << Fixed(so.smoothing, 2) << ", recency decay "
        << Fixed(so.recency_decay, 2) << " over " << so.recent_items << " recent items.\n";
  }
  out << "\n## Search\n\n";
  out << report.curve.size()
      << (report.method == TuneMethod::kLearned
              ? " evaluations on train (the start profiles, then one pairwise logistic fit per "
                "lambda, recency decay and L2 strength) in "
              : " evaluations on train (random search, then coordinate descent) in ")
      << Fixed(report.search_seconds, 1) << " s; the whole run took "
      << Fixed(report.total_seconds, 1) << " s. Candidates evaluated on validation:\n\n";
  out << "| # | train NDCG | validation NDCG | w_cov | w_rel | w_unl | w_fnd | w_seq | w_eff | "
         "lambda | decay |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  for (size_t v = 0; v < report.validation.size(); ++v) {
    const ValidationCandidate& c = report.validation[v];
    const ScoringProfile& p = c.profile;
    out << "| " << v + 1 << (v == report.selected ? " (selected)" : "") << " | "
        << Fixed(c.train, 4) << " | " << Fixed(c.validation, 4) << " | " << Fixed(p.w_cov, 3)
        << " | " << Fixed(p.w_rel, 3) << " | " << Fixed(p.w_unl, 3) << " | " << Fixed(p.w_fnd, 3)
        << " | " << Fixed(p.w_seq, 3) << " | " << Fixed(p.w_eff, 3) << " | " << Fixed(p.lambda, 2)
        << " | " << Fixed(c.recency_decay, 2) << " |\n";
  }
  out << "\n## Method\n\n"
         "Replay: at each step the learner's state is what came before (mastery of the items "
         "reached earlier, the most recent items, the goals stated so far); the truth is the "
         "item reached at that step; items already reached are not candidates. Metrics "
         "(docs/evaluation.md): HitRate@k and NDCG@k with binary relevance, MRR over the whole "
         "ranking, averaged over steps; catalog coverage is the share of items that appear in "
         "any top-k list; unmet requires is the share of top-k recommendations with a "
         "`requires` clause below theta_req. Significance: Wilcoxon signed-rank test over "
         "learners of their mean NDCG difference (normal approximation, tie-corrected), and a "
         "paired bootstrap (learners resampled) of the step-averaged difference.\n";
  return out.str();
}

std::string TuneChartSvg(const TuneReport& report, size_t k, const std::string& title) {
  constexpr double kWidth = 960, kHeight = 400;
  constexpr double kBarLeft = 60, kBarRight = 560, kTop = 50, kBottom = 330;
  constexpr double kLineLeft = 620, kLineRight = 930;
  std::ostringstream s;
  s << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << kWidth << "\" height=\"" << kHeight
    << "\" viewBox=\"0 0 " << kWidth << " " << kHeight
    << "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  s << "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  s << "<text x=\"" << kWidth / 2 << "\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">"
    << Escape(title) << "</text>\n";
  // Axes and grid of the bar chart (0..1).
  auto y_of = [&](double v) { return kBottom - v * (kBottom - kTop); };
  for (int g = 0; g <= 5; ++g) {
    const double v = g / 5.0, y = y_of(v);
    s << "<line x1=\"" << kBarLeft << "\" y1=\"" << y << "\" x2=\"" << kBarRight << "\" y2=\"" << y
      << "\" stroke=\"#ddd\"/>\n";
    s << "<text x=\"" << kBarLeft - 6 << "\" y=\"" << y + 4 << "\" text-anchor=\"end\">"
      << Fixed(v, 1) << "</text>\n";
  }
  const char* colors[] = {"#1f77b4", "#ff7f0e", "#2ca02c"};
  const std::string names[] = {"NDCG@" + std::to_string(k), "HitRate@" + std::to_string(k), "MRR"};
  const size_t groups = report.test.size();
  const double group_width = (kBarRight - kBarLeft) / std::max<size_t>(groups, 1);
  const double bar = group_width * 0.8 / 3;
  for (size_t r = 0; r < groups; ++r) {
    const RankMetrics m = report.test[r].total.mean();
    const double values[] = {m.ndcg, m.hit, m.rr};
    const double x0 = kBarLeft + r * group_width + group_width * 0.1;
    for (int b = 0; b < 3; ++b) {
      const double y = y_of(values[b]);
      s << "<rect x=\"" << x0 + b * bar << "\" y=\"" << y << "\" width=\"" << bar * 0.95
        << "\" height=\"" << kBottom - y << "\" fill=\"" << colors[b] << "\"><title>"
        << Escape(report.test[r].name) << " " << names[b] << " " << Fixed(values[b], 4)
        << "</title></rect>\n";
    }
    s << "<text x=\"" << x0 + 1.5 * bar << "\" y=\"" << kBottom + 16
      << "\" text-anchor=\"middle\" font-size=\"11\">" << Escape(report.test[r].name)
      << "</text>\n";
    s << "<text x=\"" << x0 + 0.5 * bar << "\" y=\"" << y_of(values[0]) - 3
      << "\" text-anchor=\"middle\" font-size=\"9\">" << Fixed(values[0], 2) << "</text>\n";
  }
  for (int b = 0; b < 3; ++b) {
    const double x = kBarLeft + b * 120;
    s << "<rect x=\"" << x << "\" y=\"" << kBottom + 32 << "\" width=\"12\" height=\"12\" fill=\""
      << colors[b] << "\"/><text x=\"" << x + 16 << "\" y=\"" << kBottom + 42 << "\">" << names[b]
      << "</text>\n";
  }
  s << "<text x=\"" << (kBarLeft + kBarRight) / 2 << "\" y=\"" << kTop - 10
    << "\" text-anchor=\"middle\">Test split: profile vs baselines</text>\n";

  // The tuning curve: train objective per evaluation and the best so far.
  double lo = 1, hi = 0;
  for (const TuneCurvePoint& p : report.curve) {
    lo = std::min(lo, p.train);
    hi = std::max(hi, p.train);
  }
  if (report.curve.empty()) lo = 0, hi = 1;
  if (hi - lo < 1e-6) hi = lo + 1e-3;
  const double pad = (hi - lo) * 0.05;
  lo = std::max(0.0, lo - pad);
  hi = hi + pad;
  const size_t n = std::max<size_t>(report.curve.size(), 2);
  auto cx = [&](size_t e) { return kLineLeft + (kLineRight - kLineLeft) * (e - 1) / (n - 1); };
  auto cy = [&](double v) { return kBottom - (v - lo) / (hi - lo) * (kBottom - kTop); };
  for (int g = 0; g <= 4; ++g) {
    const double v = lo + (hi - lo) * g / 4, y = cy(v);
    s << "<line x1=\"" << kLineLeft << "\" y1=\"" << y << "\" x2=\"" << kLineRight << "\" y2=\""
      << y << "\" stroke=\"#ddd\"/>\n";
    s << "<text x=\"" << kLineLeft - 6 << "\" y=\"" << y + 4 << "\" text-anchor=\"end\">"
      << Fixed(v, 3) << "</text>\n";
  }
  for (const TuneCurvePoint& p : report.curve) {
    const bool descent = p.phase == "coordinate descent";
    s << "<circle cx=\"" << cx(p.evaluation) << "\" cy=\"" << cy(p.train) << "\" r=\"2\" fill=\""
      << (descent ? "#9467bd" : "#aaa") << "\"/>\n";
  }
  s << "<polyline fill=\"none\" stroke=\"#d62728\" stroke-width=\"2\" points=\"";
  for (const TuneCurvePoint& p : report.curve)
    s << cx(p.evaluation) << "," << cy(p.best_train) << " ";
  s << "\"/>\n";
  s << "<text x=\"" << (kLineLeft + kLineRight) / 2 << "\" y=\"" << kTop - 10
    << "\" text-anchor=\"middle\">Tuning curve: train NDCG@" << k << " per evaluation</text>\n";
  s << "<text x=\"" << (kLineLeft + kLineRight) / 2 << "\" y=\"" << kBottom + 18
    << "\" text-anchor=\"middle\">evaluation (1.." << report.curve.size() << ")</text>\n";
  s << "<line x1=\"" << kLineLeft << "\" y1=\"" << kBottom + 38 << "\" x2=\"" << kLineLeft + 20
    << "\" y2=\"" << kBottom + 38 << "\" stroke=\"#d62728\" stroke-width=\"2\"/><text x=\""
    << kLineLeft + 24 << "\" y=\"" << kBottom + 42 << "\">best so far</text>\n";
  s << "<circle cx=\"" << kLineLeft + 120 << "\" cy=\"" << kBottom + 38
    << "\" r=\"3\" fill=\"#aaa\"/><text x=\"" << kLineLeft + 126 << "\" y=\"" << kBottom + 42
    << "\">random</text>\n";
  s << "<circle cx=\"" << kLineLeft + 190 << "\" cy=\"" << kBottom + 38
    << "\" r=\"3\" fill=\"#9467bd\"/><text x=\"" << kLineLeft + 196 << "\" y=\"" << kBottom + 42
    << "\">descent</text>\n";
  s << "</svg>\n";
  return s.str();
}

}  // namespace pathrank::cli
