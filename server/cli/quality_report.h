// Rendering of evaluation and tuning results: the metrics table (terminal
// and Markdown), the tuning report (Markdown) and its chart (SVG, written by
// hand: bars of NDCG@k, HitRate@k and MRR per ranker; the tuning curve).

#ifndef PATHRANK_SERVER_CLI_QUALITY_REPORT_H_
#define PATHRANK_SERVER_CLI_QUALITY_REPORT_H_

#include <ostream>
#include <string>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/eval/evaluator.h"
#include "pathrank/eval/tuner.h"

namespace pathrank::cli {

// ranker | HitRate@k | NDCG@k | MRR | coverage | unmet requires | steps
void PrintMetricsTable(std::ostream& out, const std::vector<RankerResult>& results, size_t k);
std::string MetricsMarkdownTable(const std::vector<RankerResult>& results, size_t k);

struct TuneReportInfo {
  std::string command;        // the command line that produced the report
  std::string trajectories;   // where the learners came from
  std::string label;          // e.g. "simulated learners"; may be empty
  std::string chart_file;     // relative path of the SVG, e.g. "chart.svg"
  std::string profile_file;   // "profile.json"
  std::string sequence_file;  // "sequence.json" or ""
  uint64_t seed = 0;
  size_t k = 10;
};

std::string TuneReportMarkdown(const Catalog& catalog, const TuneReport& report,
                               const TuneReportInfo& info);
std::string TuneChartSvg(const TuneReport& report, size_t k, const std::string& title);

// "0.0123" for p >= 1e-4, "1.2e-07" below.
std::string FormatPValue(double p);

}  // namespace pathrank::cli

#endif  // PATHRANK_SERVER_CLI_QUALITY_REPORT_H_
