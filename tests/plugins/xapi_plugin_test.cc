// The xapi plugin on the project's own fixtures (tests/data/xapi/, written
// from the xAPI 1.0.3 specification and cmi5's verbs; see the README there):
// every verb of the mastery table, voiding, duplicates and malformed
// statements, with the resulting mastery asserted.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "pathrank/plugin_host.h"
#include "test_paths.h"

namespace pathrank {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr const char* kSha1Carol = "sha1:ebd31e95054c018b10727ccffd2ef2ec3a016ee9";
constexpr const char* kBob = "mailto:bob@example.org";
constexpr const char* kDave = "https://openid.example.org/dave";

std::string Fixture(const std::string& name) {
  return testing::SourcePath("tests/data/xapi/" + name);
}

// The fixtures' config: activities under the LMS prefix, one course mapped
// by IRI, accounts of the LMS only; `extra` adds keys.
std::string Config(const std::string& file, const std::string& extra = "") {
  return R"({"path": ")" + Fixture(file) + R"(",
    "activity_prefix": "https://lms.example.org/activities/",
    "activity_map": {"https://lms.example.org/courses/go-101": "go-basics"},
    "account_home_page": "https://lms.example.org")" +
         extra + "}";
}

std::string Id(int n) {
  std::string digits = std::to_string(n);
  return "a0000000-0000-4000-8000-" + std::string(12 - digits.size(), '0') + digits;
}

ProgressEvent Event(const std::string& learner, const std::string& item, double mastery, int n) {
  return {learner, item, mastery,
          "2024-03-" + std::string(n % 28 + 1 < 10 ? "0" : "") + std::to_string(n % 28 + 1) +
              "T10:00:00Z",
          Id(n)};
}

std::vector<std::string> Lines(const std::vector<PluginLogLine>& log, PluginLogLevel level) {
  std::vector<std::string> out;
  for (const PluginLogLine& l : log) {
    if (l.level == level) out.push_back(l.message);
  }
  return out;
}

TEST(XapiPluginTest, EveryVerbVoidingAndDuplicates) {
  std::vector<PluginLogLine> log;
  auto events = ReadProgressFromPlugin(PATHRANK_PLUGIN_XAPI, Config("statements.json"), &log);
  ASSERT_TRUE(events) << events.error().message();
  ProgressEvent stored_only = {kBob, "goroutines", 0.9, "2024-04-01T08:30:00.000Z", Id(26)};
  EXPECT_THAT(*events,
              ElementsAre(Event("ada", "goroutines", 1.0, 0),   // mastered
                          Event("ada", "channels", 0.95, 1),    // passed, scaled 0.95
                          Event(kBob, "channels", 0.8, 2),      // passed, scaled 0.5 -> floor 0.8
                          Event(kSha1Carol, "select", 0.6, 3),  // completed
                          Event(kDave, "select", 0.75, 4),      // completed, raw 3 of 0..4
                          Event("ada", "mutexes", 0.5, 5),      // failed, scaled 0.7 -> cap 0.5
                          Event(kBob, "mutexes", 0.3, 6),       // failed
                          Event("ada", "context", 0.2, 7),      // attempted
                          Event(kBob, "context", 0.8, 8),       // attempted, success -> 0.8
                          Event(kSha1Carol, "goroutines", 0.1, 9),  // experienced
                          Event(kDave, "goroutines", 1.0, 10),      // cmi5 waived
                          Event(kDave, "channels", 1.0, 11),        // cmi5 satisfied
                          // 12-15 cmi5 launched/initialized/terminated/abandoned: skipped;
                          // 16 voided by 17; 18 repeats 0; 19 outside the prefix.
                          Event(kBob, "go-basics", 0.6, 20),  // activity_map
                          // 21, 22: voiding; 23: a Group.
                          Event(kSha1Carol, "mutexes", 0.5, 24),  // attempted, completion
                          Event(kDave, "mutexes", 0.5, 25),       // completed, success false
                          stored_only,                            // passed; `at` from stored
                          Event(kSha1Carol, "channels", 0.0, 27)  // scaled -0.5
                          // 28: another homePage; 29: answered (not in the table).
                          ));
  EXPECT_THAT(Lines(log, PluginLogLevel::kWarning),
              ElementsAre("statement 21 targets statement 17, itself a voiding statement, and is "
                          "ignored (xAPI: a voiding statement cannot be voided)",
                          "statement 22 voids statement " + Id(999) +
                              ", which is not in this source; a store that holds it keeps it"));
  const auto info = Lines(log, PluginLogLevel::kInfo);
  ASSERT_FALSE(info.empty());
  EXPECT_EQ(info[0], "30 statements: 17 progress events, 1 voided, 3 voiding, 1 repeated");
  EXPECT_THAT(
      info, ::testing::Contains("skipped 1 statements: the activity is outside activity_prefix and "
                                "activity_map"));
  EXPECT_THAT(info, ::testing::Contains("skipped 1 statements: the actor is a Group"));
  EXPECT_THAT(info, ::testing::Contains("skipped 1 statements: an account of another homePage than "
                                        "account_home_page"));
  EXPECT_THAT(info, ::testing::Contains(
                        "skipped 1 statements: verb https://w3id.org/xapi/adl/verbs/abandoned is "
                        "not in the mastery table"));
}

TEST(XapiPluginTest, MasteryTableIsConfigurable) {
  auto events = ReadProgressFromPlugin(
      PATHRANK_PLUGIN_XAPI, Config("statements.json", R"(, "verbs": {"answered": {"mastery": 0.4},
        "experienced": null, "passed": {"min": 0.9}}, "success_floor": 0.7)"));
  ASSERT_TRUE(events) << events.error().message();
  std::map<std::string, double> by_id;
  for (const ProgressEvent& e : *events) by_id[e.id] = e.mastery;
  EXPECT_EQ(by_id.size(), 17u);      // experienced gone, answered added
  EXPECT_FALSE(by_id.count(Id(9)));  // experienced removed
  EXPECT_EQ(by_id.at(Id(29)), 0.7);  // answered 0.4, success -> floor 0.7; id lower-cased
  EXPECT_EQ(by_id.at(Id(2)), 0.9);   // passed: scaled 0.5 clamped to min 0.9
  EXPECT_EQ(by_id.at(Id(8)), 0.7);   // attempted 0.4 with success -> 0.7
}

TEST(XapiPluginTest, MalformedStatementsAreRejectedWithIndexAndField) {
  auto events = ReadProgressFromPlugin(PATHRANK_PLUGIN_XAPI, Config("malformed.json"));
  ASSERT_FALSE(events);
  EXPECT_EQ(events.error().code(), StatusCode::kInvalidArgument);
  const std::string& m = events.error().message();
  EXPECT_THAT(m, HasSubstr("read failed: 15 defects in the source"));
  for (const char* expected :
       {"statement 1: /id: missing (the statement id is the idempotency key)",
        "statement 2: /id: expected a UUID",
        "statement 3: /actor: exactly one of mbox, mbox_sha1sum, openid, account is required, "
        "found 2",
        "statement 4: /actor/mbox: expected a mailto: IRI, got \"bob@example.org\"",
        "statement 5: /verb: missing", "statement 6: /object/id: missing",
        "statement 7: /result/score/scaled: must be in [-1, 1]",
        "statement 8: /result/success: expected true or false",
        "statement 9: /timestamp: expected an ISO 8601 date-time",
        "statement 10: /object/objectType: a voiding statement's object must be a "
        "StatementRef",
        "statement 11: /id: a0000000-0000-4000-8000-000000000100 is also the id of statement "
        "0, whose content differs",
        "statement 12: /: expected a statement object",
        "statement 13: /actor/account/name: missing",
        "statement 14: /actor/mbox_sha1sum: expected 40 hexadecimal digits",
        "statement 15: /result/score/raw: must lie between min and max"}) {
    EXPECT_THAT(m, HasSubstr(std::string("\n  ") + expected));
  }

  std::vector<PluginLogLine> log;
  auto dropped = ReadProgressFromPlugin(
      PATHRANK_PLUGIN_XAPI, Config("malformed.json", R"(, "on_invalid": "drop")"), &log);
  ASSERT_TRUE(dropped) << dropped.error().message();
  ASSERT_EQ(dropped->size(), 1u);
  EXPECT_EQ((*dropped)[0].id, Id(100));
  EXPECT_EQ((*dropped)[0].mastery, 0.9);
  const auto warnings = Lines(log, PluginLogLevel::kWarning);
  EXPECT_EQ(warnings.size(), 15u);
  EXPECT_EQ(warnings[0],
            "statement 1: /id: missing (the statement id is the idempotency key); the statement "
            "is dropped");
}

TEST(XapiPluginTest, LrsAnswerWithMorePages) {
  std::vector<PluginLogLine> log;
  auto events = ReadProgressFromPlugin(PATHRANK_PLUGIN_XAPI, Config("lrs_answer.json"), &log);
  ASSERT_TRUE(events) << events.error().message();
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].learner, "ada");
  EXPECT_EQ((*events)[0].mastery, 0.85);
  EXPECT_EQ((*events)[1].mastery, 0.6);
  EXPECT_THAT(Lines(log, PluginLogLevel::kWarning),
              ElementsAre(Fixture("lrs_answer.json") +
                          ": the LRS answer has more pages (more: "
                          "/xapi/statements?more=page-2); only this page was read"));
}

TEST(XapiPluginTest, ConfigAndDocumentErrors) {
  const auto error = [](const std::string& config) {
    auto e = ReadProgressFromPlugin(PATHRANK_PLUGIN_XAPI, config);
    return e ? std::string("(read)") : e.error().message();
  };
  EXPECT_THAT(error(R"({"path": "x.json"})"),
              HasSubstr("config: key \"activity_prefix\": give activity_prefix or activity_map"));
  EXPECT_THAT(error(Config("statements.json", R"(, "verbs": {"voided": null})")),
              HasSubstr("config: key \"verbs/voided\": voided statements are always honoured"));
  EXPECT_THAT(error(Config("statements.json", R"(, "verbs": {"frobbed": {"mastery": 1}})")),
              HasSubstr("config: key \"verbs/frobbed\": not a verb IRI nor a known short name"));
  EXPECT_THAT(error(Config("statements.json", R"(, "success_floor": 2)")),
              HasSubstr("config: key \"success_floor\": expected a number in [0, 1]"));
  const std::string not_statements = testing::SourcePath("datasets/go-backend/catalog.json");
  EXPECT_THAT(error(R"({"path": ")" + not_statements + R"(", "activity_prefix": "x:"})"),
              HasSubstr("expected a JSON array of statements or an LRS answer"));
}

}  // namespace
}  // namespace pathrank
