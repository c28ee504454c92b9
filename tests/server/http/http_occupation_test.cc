// An O*NET occupation as a team's goal: POST /v1/catalogs/{cid}/team-matches
// with "occupation" on the shipped catalog that `pathrank import-onet` made
// (datasets/onet/go-backend-onet.json), and the errors naming the field.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "server/http/http_fixture.h"

namespace pathrank::server::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class HttpOccupationTest : public ::testing::Test {
 protected:
  TestServer server_{[](ServerConfig& c) {
    c.catalogs.push_back({"go-backend-onet",
                          pathrank::testing::SourcePath("datasets/onet/go-backend-onet.json"), "",
                          "{}"});
  }};

  Answer Match(const std::string& cid, const std::string& body) {
    return server_.Call("POST", "/v1/catalogs/" + cid + "/team-matches", body);
  }
};

TEST_F(HttpOccupationTest, TheOccupationIsTheGoal) {
  const std::string team =
      R"({"members": [{"id": "ana", "mastery": {"go-basic-syntax": 1, "goroutines": 1}},
                      {"id": "bo", "mastery": {"docker": 1}}], "k": 3, "kind": "any")";
  Answer by_code = Match("go-backend-onet", team + R"(, "occupation": "15-1252.00"})");
  ASSERT_EQ(by_code.status, 200) << by_code.body;
  Answer by_goal = Match("go-backend-onet", team + R"(, "goals": {"onet-15-1252.00": 1}})");
  ASSERT_EQ(by_goal.status, 200) << by_goal.body;
  EXPECT_EQ(by_code.json["items"], by_goal.json["items"]);  // the same goal
  ASSERT_EQ(by_code.json["items"].size(), 3u);
  // The occupation weighs what a software developer uses (Docker, Linux,
  // SQL, Kubernetes, ...): the answer is not the one without a goal.
  Answer none = Match("go-backend-onet", team + "}");
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_NE(by_code.json["items"][0]["terms"]["goal_fit"],
            none.json["items"][0]["terms"]["goal_fit"]);
  EXPECT_GT(by_code.json["items"][0]["terms"]["goal_fit"].get<double>(), 0.0);
}

TEST_F(HttpOccupationTest, ABadOccupationNamesTheField) {
  const std::string members = R"({"members": [{"id": "a"}], )";
  Answer malformed = Match("go-backend-onet", members + R"("occupation": "software developer"})");
  EXPECT_EQ(malformed.status, 422) << malformed.body;
  EXPECT_THAT(malformed.Fields(), ElementsAre("body:/occupation"));
  EXPECT_EQ(malformed.Header("Content-Type"), "application/problem+json");
  Answer unknown = Match("go-backend-onet", members + R"("occupation": "99-9999.00"})");
  EXPECT_EQ(unknown.status, 422) << unknown.body;
  EXPECT_THAT(unknown.Fields(), ElementsAre("body:/occupation"));
  EXPECT_THAT(unknown.body, HasSubstr("has no goal onet-99-9999.00"));
  // The plain Go catalog has no occupations.
  Answer plain = Match("go-backend", members + R"("occupation": "15-1252.00"})");
  EXPECT_EQ(plain.status, 422) << plain.body;
  EXPECT_THAT(plain.Fields(), ElementsAre("body:/occupation"));
  Answer wrong_type = Match("go-backend-onet", members + R"("occupation": 151252})");
  EXPECT_EQ(wrong_type.status, 400) << wrong_type.body;
  EXPECT_THAT(wrong_type.Fields(), ElementsAre("body:/occupation"));
}

}  // namespace
}  // namespace pathrank::server::testing
