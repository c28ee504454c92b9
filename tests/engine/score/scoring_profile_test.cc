#include "pathrank/scoring_profile.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

#include "engine/tiny_catalogs.h"
#include "pathrank/learner.h"

namespace pathrank {
namespace {

using ::testing::HasSubstr;

TEST(ScoringProfileTest, DefaultsAndBuiltins) {
  ScoringProfile p;
  EXPECT_EQ(p.name, "default");
  ASSERT_EQ(ProfileFieldNames().size(), 10u);  // nine numbers and the infer_mastery switch
  EXPECT_EQ(ProfileFieldNames().back(), "infer_mastery");
  const auto& builtin = BuiltinProfiles();
  for (const char* name : {"default", "goal-first", "foundations-first", "quick-wins"}) {
    ASSERT_TRUE(builtin.count(name)) << name;
    EXPECT_EQ(builtin.at(name).name, name);
  }
  EXPECT_GT(builtin.at("goal-first").w_rel, p.w_rel);
}

TEST(ScoringProfileTest, ParseFormatRoundTrip) {
  auto parsed = ParseProfileJson(
      R"({"format": "pathrank.profile/v1", "name": "tuned", "weights": {"w_rel": 3.5, "lambda": 0.25}})");
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_EQ(parsed->name, "tuned");
  EXPECT_DOUBLE_EQ(parsed->w_rel, 3.5);
  EXPECT_DOUBLE_EQ(parsed->lambda, 0.25);
  EXPECT_DOUBLE_EQ(parsed->w_cov, ScoringProfile{}.w_cov);
  auto again = ParseProfileJson(FormatProfileJson(*parsed));
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, *parsed);
}

TEST(ScoringProfileTest, ParseErrorsNameTheField) {
  auto bad = ParseProfileJson(
      R"({"format": "pathrank.profile/v1", "name": "x", "weights": {"w_rel": -1, "w_zap": 1, "theta": "high"}})");
  ASSERT_FALSE(bad);
  const std::string& m = bad.error().message();
  EXPECT_THAT(m, HasSubstr("/weights/theta: expected a number, got string"));
  auto bad2 = ParseProfileJson(
      R"({"format": "pathrank.profile/v1", "name": "x", "weights": {"w_rel": -1, "w_zap": 1}})");
  ASSERT_FALSE(bad2);
  EXPECT_THAT(bad2.error().message(), HasSubstr("/weights/w_rel: must be a number in [0, 100]"));
  EXPECT_THAT(bad2.error().message(), HasSubstr("/weights/w_zap: unknown weight"));
  EXPECT_FALSE(ParseProfileJson(R"({"format": "pathrank.profile/v1"})"));  // name required
  EXPECT_FALSE(ParseProfileJson("{"));
}

TEST(ScoringProfileTest, OverridesValidateEveryValue) {
  ScoringProfile base;
  auto ok = ApplyProfileOverrides(base, {{"w_rel", 2.0}, {"theta", 0.9}});
  ASSERT_TRUE(ok);
  EXPECT_DOUBLE_EQ(ok->w_rel, 2.0);
  EXPECT_DOUBLE_EQ(ok->theta, 0.9);
  auto bad =
      ApplyProfileOverrides(base, {{"theta", 0.0}, {"lambda", std::nan("")}, {"w_eff", 101}});
  ASSERT_FALSE(bad);
  ASSERT_EQ(bad.error().fields().size(), 3u);
  EXPECT_EQ(bad.error().fields()[0].field, "/weights/lambda");
  EXPECT_EQ(bad.error().fields()[1].field, "/weights/theta");
  EXPECT_THAT(bad.error().fields()[1].message, HasSubstr("(0, 1]"));
  EXPECT_EQ(bad.error().fields()[2].field, "/weights/w_eff");
}

TEST(LearnerStateTest, ResolvesIdsAndReportsEveryProblem) {
  auto catalog = testing::FiveItemCatalog();
  ASSERT_TRUE(catalog);
  auto ok = MakeLearnerState(*catalog, std::map<std::string, double>{{"a", 0.5}}, {{"g", 2.0}});
  ASSERT_TRUE(ok);
  EXPECT_DOUBLE_EQ(ok->mastery[*catalog->FindItem("a")], 0.5);
  ASSERT_EQ(ok->goals.size(), 1u);
  EXPECT_DOUBLE_EQ(ok->goals[0].second, 2.0);

  auto bad = MakeLearnerState(
      *catalog, std::map<std::string, double>{{"zz", 1.0}, {"a", 1.5}, {"b", std::nan("")}},
      {{"nogoal", 1.0}, {"g", 0.0}});
  ASSERT_FALSE(bad);
  std::vector<std::string> fields;
  for (const FieldError& e : bad.error().fields()) fields.push_back(e.field);
  EXPECT_THAT(fields, ::testing::UnorderedElementsAre("/mastery/zz", "/mastery/a", "/mastery/b",
                                                      "/goals/nogoal", "/goals/g"));
  EXPECT_THAT(bad.error().message(), HasSubstr("unknown item \"zz\" in catalog \"five\""));
}

}  // namespace
}  // namespace pathrank
