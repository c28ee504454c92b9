// The CLI's progress display: a bar with ETA redrawn in place on a terminal,
// plain lines at every 10% and phase change otherwise.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "cli/progress_bar.h"

namespace pathrank::cli {
namespace {

using ::testing::HasSubstr;

TEST(ProgressTest, TerminalDrawsABarInPlace) {
  std::ostringstream out;
  Progress p(out, "tune", true);
  p.Update("random search", 5, 10, "best 0.5");
  EXPECT_THAT(out.str(), HasSubstr("\rtune ["));
  EXPECT_THAT(out.str(), HasSubstr("###############..............."));  // 50% of 30
  EXPECT_THAT(out.str(), HasSubstr(" 50% random search"));
  EXPECT_THAT(out.str(), HasSubstr("ETA "));
  EXPECT_THAT(out.str(), HasSubstr("best 0.5"));
  EXPECT_EQ(out.str().find('\n'), std::string::npos);
  p.Finish();
  EXPECT_THAT(out.str(), HasSubstr("\ntune: done in "));
}

TEST(ProgressTest, PlainLinesAtEachDecileAndPhase) {
  std::ostringstream out;
  Progress p(out, "tune", false);
  for (size_t done = 0; done <= 100; ++done) p.Update("search", done, 100, "");
  p.Update("test", 100, 100, "");
  const std::string text = out.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 12);  // 0%, 10%, ..., 100%, test
  EXPECT_THAT(text, HasSubstr("tune: 50% (50/100) search, elapsed "));
  EXPECT_THAT(text, HasSubstr(", ETA "));
  EXPECT_EQ(text.find('\r'), std::string::npos);
}

TEST(ProgressTest, FormatsSeconds) {
  EXPECT_EQ(Progress::FormatSeconds(12.2), "12 s");
  EXPECT_EQ(Progress::FormatSeconds(65), "1:05");
  EXPECT_EQ(Progress::FormatSeconds(-1), "?");
}

}  // namespace
}  // namespace pathrank::cli
