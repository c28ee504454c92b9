// Progress events from a data-source plugin into the learner store
// (progress_import.h): the xapi plugin on the project's fixtures
// (tests/data/xapi), learner id mapping, idempotent re-import, and every
// kind of bad event in "fail" and "drop" mode.

#include "ops/progress_import.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "ops/time_format.h"
#include "pathrank/catalog_json.h"
#include "pathrank/catalog_spec.h"
#include "store/sqlite/sqlite_learner_store.h"
#include "test_paths.h"

namespace pathrank::server {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Pair;
using ::testing::SizeIs;
using ::testing::StartsWith;

constexpr int64_t kNow = 1'800'000'000'000;

std::string XapiConfig() {
  return R"({"path": ")" + pathrank::testing::SourcePath("tests/data/xapi/statements.json") +
         R"(", "activity_prefix": "https://lms.example.org/activities/",
         "activity_map": {"https://lms.example.org/courses/go-101": "go-basics"},
         "account_home_page": "https://lms.example.org"})";
}

class ProgressImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/progress_import_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    StoreConfig config;
    config.path = dir_ + "/learners.db";
    config.synchronous_full = false;
    auto store = SqliteLearnerStore::Open(config);
    ASSERT_TRUE(store.has_value()) << store.error().ToString();
    store_ = std::move(*store);
    auto catalog = LoadCatalogFile(pathrank::testing::SourcePath("tests/data/xapi/catalog.json"));
    ASSERT_TRUE(catalog.has_value()) << catalog.error().ToString();
    catalog_ = *catalog;
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  Result<ProgressImportReport> Import(const std::vector<pathrank::ProgressEvent>& events,
                                      ProgressImportOptions options = {}) {
    if (options.source == "import") options.source = "lms";
    return ImportProgress(events, *catalog_, *store_, options, kNow);
  }

  std::map<std::string, double> Mastery(const std::string& learner) {
    auto record = store_->GetLearner(learner);
    EXPECT_TRUE(record.has_value()) << learner;
    return record ? record->mastery : std::map<std::string, double>{};
  }

  std::string dir_;
  std::unique_ptr<SqliteLearnerStore> store_;
  std::shared_ptr<const Catalog> catalog_;
};

TEST(StoredLearnerIdTest, SlugsStayOtherIdsBecomeDistinctSlugs) {
  EXPECT_EQ(StoredLearnerId("ada"), "ada");
  EXPECT_EQ(StoredLearnerId("learner-42.b_c"), "learner-42.b_c");
  const std::string bob = StoredLearnerId("mailto:bob@example.org");
  EXPECT_THAT(bob, StartsWith("mailto-bob-example.org-"));
  EXPECT_EQ(bob.size(), std::string("mailto-bob-example.org-").size() + 12);
  EXPECT_TRUE(IsSlug(bob));
  // Deterministic, and ids that slugify alike still differ.
  EXPECT_EQ(StoredLearnerId("mailto:bob@example.org"), bob);
  EXPECT_NE(StoredLearnerId("mailto:Bob@example.org"), bob);
  EXPECT_NE(StoredLearnerId("mailto:bob_example.org"), StoredLearnerId("mailto:bob@example.org"));
  for (const char* id : {"https://openid.example.org/dave", "Ada Lovelace", "--", "ü", "A",
                         "sha1:ebd31e95054c018b10727ccffd2ef2ec3a016ee9"}) {
    EXPECT_TRUE(IsSlug(StoredLearnerId(id))) << id << " -> " << StoredLearnerId(id);
  }
  EXPECT_LE(StoredLearnerId(std::string(500, 'x') + "@").size(), 128u);
}

TEST_F(ProgressImportTest, XapiStatementsLandInTheStoreOnceAndOnlyOnce) {
  auto events = ReadProgressFromPlugin(PATHRANK_PLUGIN_XAPI, XapiConfig());
  ASSERT_TRUE(events.has_value()) << events.error().ToString();
  ASSERT_THAT(*events, SizeIs(17));  // tests/data/xapi/README.md

  auto first = Import(*events);
  ASSERT_TRUE(first.has_value()) << first.error().ToString();
  EXPECT_EQ(first->events, 17u);
  EXPECT_EQ(first->learners, 4u);
  EXPECT_EQ(first->learners_created, 4u);
  EXPECT_EQ(first->accepted, 17u);
  EXPECT_EQ(first->duplicates, 0u);
  EXPECT_THAT(first->dropped, SizeIs(0));
  EXPECT_EQ(store_->CountLearners().value(), 4);

  // The README's expectations, statement by statement.
  const auto ada = Mastery("ada");
  EXPECT_DOUBLE_EQ(ada.at("goroutines"), 1.0);  // 0 (and its repeat 18)
  EXPECT_DOUBLE_EQ(ada.at("channels"), 0.95);   // 1
  EXPECT_DOUBLE_EQ(ada.at("mutexes"), 0.5);     // 5
  EXPECT_DOUBLE_EQ(ada.at("context"), 0.2);     // 7
  EXPECT_FALSE(ada.contains("select"));         // 12-15 no evidence, 16 voided
  const auto bob = Mastery(StoredLearnerId("mailto:bob@example.org"));
  EXPECT_DOUBLE_EQ(bob.at("channels"), 0.8);  // 2
  EXPECT_DOUBLE_EQ(bob.at("mutexes"), 0.3);   // 6
  EXPECT_DOUBLE_EQ(bob.at("context"), 0.8);   // 8
  const auto carol = Mastery(StoredLearnerId("sha1:ebd31e95054c018b10727ccffd2ef2ec3a016ee9"));
  EXPECT_DOUBLE_EQ(carol.at("select"), 0.6);      // 3
  EXPECT_DOUBLE_EQ(carol.at("goroutines"), 0.1);  // 9
  const auto dave = Mastery(StoredLearnerId("https://openid.example.org/dave"));
  EXPECT_DOUBLE_EQ(dave.at("select"), 0.75);     // 4
  EXPECT_DOUBLE_EQ(dave.at("goroutines"), 1.0);  // 10
  EXPECT_DOUBLE_EQ(dave.at("channels"), 1.0);    // 11
  auto record = store_->GetLearner("ada");
  ASSERT_TRUE(record.has_value());
  EXPECT_EQ(record->catalog, "go-lms");
  EXPECT_TRUE(record->goals.empty());

  // Reading the source again adds nothing: every statement id was used.
  auto second = Import(*events);
  ASSERT_TRUE(second.has_value()) << second.error().ToString();
  EXPECT_EQ(second->accepted, 0u);
  EXPECT_EQ(second->duplicates, 17u);
  EXPECT_EQ(second->learners_created, 0u);
  EXPECT_EQ(Mastery("ada"), ada);
}

TEST_F(ProgressImportTest, ExistingLearnersKeepTheirGoals) {
  ASSERT_TRUE(store_->PutLearner("ada", "go-lms", {{"concurrency", 1.0}}).has_value());
  auto report = Import({{"ada", "goroutines", 0.9, "2024-03-01T10:00:00Z", "s1"}});
  ASSERT_TRUE(report.has_value()) << report.error().ToString();
  EXPECT_EQ(report->learners_created, 0u);
  auto record = store_->GetLearner("ada");
  ASSERT_TRUE(record.has_value());
  EXPECT_THAT(record->goals, ElementsAre(Pair("concurrency", 1.0)));
  EXPECT_DOUBLE_EQ(record->mastery.at("goroutines"), 0.9);
}

TEST_F(ProgressImportTest, EventsWithoutIdGetDerivedKeys) {
  std::vector<pathrank::ProgressEvent> events = {
      {"ada", "goroutines", 0.5, "2024-03-01T10:00:00Z", ""},
      {"ada", "goroutines", 0.7, "2024-03-02T10:00:00Z", ""},
      {"ada", "channels", 0.4, std::nullopt, ""},
  };
  auto first = Import(events);
  ASSERT_TRUE(first.has_value()) << first.error().ToString();
  EXPECT_EQ(first->accepted, 3u);
  EXPECT_DOUBLE_EQ(Mastery("ada").at("goroutines"), 0.7);  // the later event
  auto again = Import(events);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->accepted, 0u);
  EXPECT_EQ(again->duplicates, 3u);
  // Another source name derives other keys: its events are its own.
  ProgressImportOptions other;
  other.source = "other-lms";
  auto other_source = Import(events, other);
  ASSERT_TRUE(other_source.has_value());
  EXPECT_EQ(other_source->accepted, 3u);
}

TEST_F(ProgressImportTest, OneBadEventFailsTheImportNamingEveryBadEvent) {
  ASSERT_TRUE(store_->PutLearner("eve", "another-catalog", {}).has_value());
  std::vector<pathrank::ProgressEvent> events = {
      {"ada", "goroutines", 1.0, "2024-03-01T10:00:00Z", "s0"},
      {"ada", "no-such-item", 1.0, "2024-03-01T10:00:00Z", "s1"},
      {"bob", "channels", 0.5, "yesterday", "s2"},
      {"eve", "channels", 0.5, "2024-03-01T10:00:00Z", "s3"},
      {"", "channels", 0.5, "2024-03-01T10:00:00Z", "s4"},
      {"ada", "select", 1.5, "2024-03-01T10:00:00Z", "s5"},
  };
  auto report = Import(events);
  ASSERT_FALSE(report.has_value());
  const Status& error = report.error();
  EXPECT_EQ(error.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(error.message(), HasSubstr("progress source lms: 5 of 6 events are invalid"));
  EXPECT_THAT(error.message(), HasSubstr("nothing was written"));
  std::vector<std::string> fields;
  for (const FieldError& f : error.fields()) fields.push_back(f.field + " " + f.message);
  EXPECT_THAT(
      fields,
      ElementsAre("/events/1/item unknown item \"no-such-item\" in catalog go-lms",
                  "/events/2/at \"yesterday\" is not an RFC 3339 time",
                  "/events/3/learner learner eve belongs to catalog another-catalog, "
                  "not go-lms",
                  "/events/4/learner is empty", "/events/5/mastery must be a number in [0, 1]"));
  // Nothing was written: only eve, put above, is there.
  EXPECT_EQ(store_->CountLearners().value(), 1);
  EXPECT_EQ(store_->GetLearner("ada").error().code(), StatusCode::kNotFound);
}

TEST_F(ProgressImportTest, DropModeSkipsBadEventsWithOneLineEach) {
  std::vector<pathrank::ProgressEvent> events = {
      {"ada", "goroutines", 1.0, "2024-03-01T10:00:00Z", "s0"},
      {"ada", "no-such-item", 1.0, "2024-03-01T10:00:00Z", "s1"},
      {"bob", "channels", 0.5, "2024-13-01T10:00:00Z", "s2"},
  };
  ProgressImportOptions options;
  options.drop_invalid = true;
  auto report = Import(events, options);
  ASSERT_TRUE(report.has_value()) << report.error().ToString();
  EXPECT_EQ(report->accepted, 1u);
  EXPECT_EQ(report->learners, 1u);
  EXPECT_THAT(report->dropped,
              ElementsAre("event 1 (learner ada, item no-such-item): dropped: /events/1/item "
                          "unknown item \"no-such-item\" in catalog go-lms",
                          "event 2 (learner bob, item channels): dropped: /events/2/at "
                          "\"2024-13-01T10:00:00Z\" is not an RFC 3339 time"));
  EXPECT_DOUBLE_EQ(Mastery("ada").at("goroutines"), 1.0);
  EXPECT_EQ(store_->GetLearner("bob").error().code(), StatusCode::kNotFound);
}

TEST_F(ProgressImportTest, EventTimesFollowTheApisClockSkewRule) {
  const std::string in_skew = FormatRfc3339(kNow + 299 * 1000);
  const std::string past_skew = FormatRfc3339(kNow + 301 * 1000);
  std::vector<pathrank::ProgressEvent> events = {
      {"ada", "goroutines", 1.0, in_skew, "s0"},
      {"ada", "channels", 1.0, past_skew, "s1"},
      {"ada", "select", 1.0, "1999-12-31T23:59:59Z", "s2"},
  };
  auto refused = Import(events);
  ASSERT_FALSE(refused.has_value());
  std::vector<std::string> fields;
  for (const FieldError& f : refused.error().fields()) fields.push_back(f.field + " " + f.message);
  EXPECT_THAT(fields,
              ElementsAre("/events/1/at \"" + past_skew +
                              "\" is later than the server's clock plus 300 s (now " +
                              FormatRfc3339(kNow) + ")",
                          "/events/2/at \"1999-12-31T23:59:59Z\" is before 2000-01-01T00:00:00Z"));
  // A server configured with a wider skew takes the later event.
  ProgressImportOptions wide;
  wide.max_clock_skew_s = 400;
  wide.drop_invalid = true;
  auto report = Import(events, wide);
  ASSERT_TRUE(report.has_value()) << report.error().ToString();
  EXPECT_EQ(report->accepted, 2u);
  EXPECT_EQ(report->dropped.size(), 1u);
  EXPECT_EQ(Mastery("ada").count("select"), 0u);
}

TEST_F(ProgressImportTest, UnknownLearnersAreInvalidWhenNotCreated) {
  ASSERT_TRUE(store_->PutLearner("ada", "go-lms", {}).has_value());
  ProgressImportOptions options;
  options.create_learners = false;
  auto report = Import({{"ada", "goroutines", 1.0, std::nullopt, "s0"},
                        {"bob", "goroutines", 1.0, std::nullopt, "s1"}},
                       options);
  ASSERT_FALSE(report.has_value());
  ASSERT_THAT(report.error().fields(), SizeIs(1));
  EXPECT_EQ(report.error().fields()[0].field, "/events/1/learner");
  EXPECT_EQ(report.error().fields()[0].message, "unknown learner bob (create_learners is false)");
}

TEST_F(ProgressImportTest, DryRunChecksAndCountsButWritesNothing) {
  ProgressImportOptions options;
  options.dry_run = true;
  auto report = Import({{"ada", "goroutines", 1.0, std::nullopt, "s0"},
                        {"bob", "channels", 1.0, std::nullopt, "s1"}},
                       options);
  ASSERT_TRUE(report.has_value()) << report.error().ToString();
  EXPECT_EQ(report->accepted, 2u);
  EXPECT_EQ(report->learners_created, 2u);
  EXPECT_EQ(store_->CountLearners().value(), 0);
}

TEST_F(ProgressImportTest, ServedIdIsTheLearnersCatalog) {
  ProgressImportOptions options;
  options.catalog_id = "lms";
  auto report = Import({{"ada", "goroutines", 1.0, std::nullopt, "s0"}}, options);
  ASSERT_TRUE(report.has_value()) << report.error().ToString();
  EXPECT_EQ(store_->GetLearner("ada")->catalog, "lms");
}

}  // namespace
}  // namespace pathrank::server
