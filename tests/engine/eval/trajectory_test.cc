// The trajectory readers: both formats, and an error that names the line
// for each kind of bad input.

#include "pathrank/eval/trajectory.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/tiny_catalogs.h"

namespace pathrank {
namespace {

using ::testing::HasSubstr;

class TrajectoryTest : public ::testing::Test {
 protected:
  std::shared_ptr<const Catalog> c_ = testing::FiveItemCatalog();
  ItemId Id(const char* id) const { return *c_->FindItem(id); }
};

TEST_F(TrajectoryTest, ReadsCsvWithOptionalColumns) {
  auto t = ParseTrajectoriesCsv(*c_,
                                "learner,step,item,mastery,goal\n"
                                "u1,1,a,0.9,g\n"
                                "u2,1,b,,\n"
                                "u1,2,c,,g:2;gd\n"
                                "u1,2,b,1,\n");
  ASSERT_TRUE(t.has_value()) << t.error().message();
  ASSERT_EQ(t->size(), 2u);
  const Trajectory& u1 = (*t)[0];
  EXPECT_EQ(u1.learner, "u1");
  ASSERT_EQ(u1.steps.size(), 3u);
  EXPECT_EQ(u1.steps[0].item, Id("a"));
  EXPECT_DOUBLE_EQ(u1.steps[0].mastery, 0.9);
  EXPECT_EQ(u1.steps[0].goals.size(), 1u);
  EXPECT_EQ(u1.steps[1].goals.size(), 2u);
  EXPECT_DOUBLE_EQ(u1.steps[1].goals[0].second, 2.0);
  EXPECT_DOUBLE_EQ(u1.steps[1].mastery, 1.0);  // empty means 1
  EXPECT_EQ(u1.steps[2].step, 2);              // same step: reached together
  EXPECT_EQ((*t)[1].learner, "u2");
}

TEST_F(TrajectoryTest, ColumnsInAnyOrderAndMinimalHeader) {
  auto t = ParseTrajectoriesCsv(*c_, "item,learner,step\r\na,u,0\r\nb,u,5\r\n");
  ASSERT_TRUE(t.has_value()) << t.error().message();
  EXPECT_EQ((*t)[0].steps[1].step, 5);
  EXPECT_EQ((*t)[0].steps[1].item, Id("b"));
}

TEST_F(TrajectoryTest, UnknownItemNamesLineAndColumn) {
  auto t = ParseTrajectoriesCsv(*c_, "learner,step,item\nu,1,a\nu,2,zz\n", "x.csv");
  ASSERT_FALSE(t.has_value());
  EXPECT_THAT(t.error().message(),
              HasSubstr("x.csv: line 3, column 5: unknown item \"zz\" in catalog \"five\""));
}

TEST_F(TrajectoryTest, OutOfOrderStepIsAnError) {
  auto t = ParseTrajectoriesCsv(*c_, "learner,step,item\nu,2,a\nv,1,a\nu,1,b\n", "x.csv");
  ASSERT_FALSE(t.has_value());
  EXPECT_THAT(t.error().message(),
              HasSubstr("x.csv: line 4: learner \"u\": step 1 comes after step 2"));
}

TEST_F(TrajectoryTest, RepeatedItemIsAnError) {
  auto t = ParseTrajectoriesCsv(*c_, "learner,step,item\nu,1,a\nu,2,a\n");
  ASSERT_FALSE(t.has_value());
  EXPECT_THAT(t.error().message(), HasSubstr("item \"a\" was already reached at step 1"));
}

TEST_F(TrajectoryTest, MalformedFieldsAndHeaders) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"", "empty; expected a header"},
      {"learner,item\nu,a\n", "header lacks the column \"step\""},
      {"learner,step,item,when\n", "unknown column \"when\""},
      {"learner,step,item\nu,-1,a\n", "line 2, column 3: step \"-1\" is not a non-negative"},
      {"learner,step,item\nu,x,a\n", "step \"x\" is not a non-negative integer"},
      {"learner,step,item,mastery\nu,1,a,1.5\n", "mastery \"1.5\" is not a number in [0, 1]"},
      {"learner,step,item,goal\nu,1,a,nogoal\n", "unknown goal \"nogoal\""},
      {"learner,step,item,goal\nu,1,a,g:0\n", "goal weight \"0\" of \"g\""},
      {"learner,step,item\nu,1\n", "line 2: expected 3 fields, got 2"},
      {"learner,step,item\n,1,a\n", "empty learner id"},
      {"learner,step,item\n\"u,1,a\n", "line 2: quoted field is never closed"},
  };
  for (const Case& c : cases) {
    auto t = ParseTrajectoriesCsv(*c_, c.text);
    ASSERT_FALSE(t.has_value()) << c.text;
    EXPECT_THAT(t.error().message(), HasSubstr(c.message)) << c.text;
  }
}

TEST_F(TrajectoryTest, QuotedFieldsBomCommentsAndBlankLines) {
  auto t = ParseTrajectoriesCsv(
      *c_, "\xEF\xBB\xBFlearner,step,item\n# a comment\n\n\"learner, one\",1,\"a\"\n");
  ASSERT_TRUE(t.has_value()) << t.error().message();
  EXPECT_EQ((*t)[0].learner, "learner, one");
}

TEST_F(TrajectoryTest, ReadsJsonLines) {
  auto t = ParseTrajectoriesJsonl(
      *c_,
      "{\"learner\": \"u1\", \"goals\": [\"g\"], \"steps\": [{\"item\": \"a\"}, {\"item\": \"c\", "
      "\"mastery\": 0.7}]}\n"
      "\n"
      "{\"learner\": \"u2\", \"goals\": {\"gd\": 2}, \"steps\": [{\"item\": \"b\", \"step\": "
      "4}]}\n");
  ASSERT_TRUE(t.has_value()) << t.error().message();
  ASSERT_EQ(t->size(), 2u);
  EXPECT_EQ((*t)[0].steps[1].step, 1);  // position
  EXPECT_DOUBLE_EQ((*t)[0].steps[1].mastery, 0.7);
  EXPECT_EQ((*t)[0].steps[0].goals.size(), 1u);  // goals on the first step
  EXPECT_TRUE((*t)[0].steps[1].goals.empty());
  EXPECT_EQ((*t)[1].steps[0].step, 4);
  EXPECT_DOUBLE_EQ((*t)[1].steps[0].goals[0].second, 2.0);
}

TEST_F(TrajectoryTest, JsonLinesErrorsNameLineAndPointer) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"{\"learner\": \"u\", \"steps\": [{\"item\": \"q\"}]}",
       "line 1: /steps/0/item: unknown item"},
      {"\n{\"learner\": \"u\", \"steps\": [{\"item\": \"a\", \"step\": 3}, {\"item\": \"b\", "
       "\"step\": 1}]}",
       "line 2: /steps/1: learner \"u\": step 1 comes after step 3"},
      {"{\"learner\": \"u\"}", "/steps: expected an array"},
      {"{\"learner\": 3, \"steps\": []}", "/learner: expected a non-empty string"},
      {"{\"learner\": \"u\", \"steps\": [], \"x\": 1}", "/x: unknown field"},
      {"{\"learner\": \"u\", \"goals\": [\"nope\"], \"steps\": []}", "/goals/0: unknown goal"},
      {"{\"learner\": \"u\", \"steps\": [{\"item\": \"a\", \"mastery\": 2}]}",
       "/steps/0/mastery: expected a number in [0, 1]"},
      {"{not json", "line 1: not a JSON document"},
  };
  for (const Case& c : cases) {
    auto t = ParseTrajectoriesJsonl(*c_, c.text);
    ASSERT_FALSE(t.has_value()) << c.text;
    EXPECT_THAT(t.error().message(), HasSubstr(c.message)) << c.text;
  }
}

TEST_F(TrajectoryTest, CsvRoundTrip) {
  auto t = ParseTrajectoriesCsv(*c_,
                                "learner,step,item,mastery,goal\n"
                                "u1,1,a,0.9,g\n"
                                "u1,2,c,1,g:2;gd\n"
                                "\"u,2\",7,b,0.25,\n");
  ASSERT_TRUE(t.has_value()) << t.error().message();
  const std::string text = FormatTrajectoriesCsv(*c_, *t);
  auto again = ParseTrajectoriesCsv(*c_, text);
  ASSERT_TRUE(again.has_value()) << again.error().message() << "\n" << text;
  EXPECT_EQ(*again, *t);
  EXPECT_EQ(CountSteps(*t), 3u);
}

}  // namespace
}  // namespace pathrank
