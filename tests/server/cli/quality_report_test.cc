// The tuning report's Markdown and SVG, from a hand-made TuneReport.

#include "cli/quality_report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/tiny_catalogs.h"

namespace pathrank::cli {
namespace {

using ::testing::HasSubstr;

RankerResult Result(const std::string& name, double ndcg) {
  RankerResult r;
  r.name = name;
  r.total.ndcg = ndcg * 10;
  r.total.hit = 10;
  r.total.rr = ndcg * 5;
  r.total.count = 10;
  r.coverage = 0.5;
  return r;
}

TEST(QualityReportTest, MarkdownAndSvg) {
  auto catalog = pathrank::testing::FiveItemCatalog();
  TuneReport report;
  report.tuned.w_seq = 1.5;
  report.test = {Result("pathrank", 0.8), Result("default", 0.5), Result("transition", 0.6)};
  BaselineComparison c;
  c.baseline = "transition";
  c.profile_ndcg = 0.8;
  c.baseline_ndcg = 0.6;
  c.difference = {0.2, 0.15, 0.25};
  c.wilcoxon.n = 40;
  c.wilcoxon.z = 5.1;
  c.wilcoxon.p_value = 3.4e-7;
  report.comparisons = {c};
  report.curve = {{1, "start", 0.5, 0.5},
                  {2, "random search", 0.7, 0.7},
                  {3, "coordinate descent", 0.75, 0.75}};
  report.validation = {{report.tuned, 0.5, 0.75, 0.74}};
  TuneReportInfo info;
  info.command = "pathrank tune five.json --seed 3";
  info.chart_file = "chart.svg";
  info.profile_file = "profile.json";
  info.seed = 3;
  const std::string md = TuneReportMarkdown(*catalog, report, info);
  EXPECT_THAT(md, HasSubstr("# Tuning report: catalog `five`"));
  EXPECT_THAT(md, HasSubstr("pathrank tune five.json --seed 3"));
  EXPECT_THAT(md, HasSubstr("a margin of **+0.2000**"));
  EXPECT_THAT(md, HasSubstr("p = 3.4e-07"));
  EXPECT_THAT(md, HasSubstr("It beats every baseline significantly"));
  EXPECT_THAT(
      md, HasSubstr("![NDCG, HitRate and MRR per ranker on test; the tuning curve](chart.svg)"));
  EXPECT_THAT(md, HasSubstr("| pathrank | 1.0000 | 0.8000 | 0.4000 | 50.0% | 0.0% | 10 |"));
  EXPECT_THAT(md, HasSubstr("| w_seq | 0.0000 | 1.5000 |"));
  const std::string svg = TuneChartSvg(report, 10, "a <title> & more");
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0u);
  EXPECT_THAT(svg, HasSubstr("a &lt;title&gt; &amp; more"));
  EXPECT_THAT(svg, HasSubstr("pathrank NDCG@10 0.8000"));
  EXPECT_THAT(svg, HasSubstr("<polyline"));
  EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
}

TEST(QualityReportTest, PValues) {
  EXPECT_EQ(FormatPValue(0.0123), "0.0123");
  EXPECT_EQ(FormatPValue(2.8e-62), "2.8e-62");
}

}  // namespace
}  // namespace pathrank::cli
