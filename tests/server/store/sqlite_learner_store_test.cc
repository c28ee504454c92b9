#include "store/sqlite/sqlite_learner_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace pathrank::server {
namespace {

class SqliteLearnerStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/store_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    config_.path = dir_ + "/learners.db";
    config_.synchronous_full = false;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<SqliteLearnerStore> Open() {
    auto store = SqliteLearnerStore::Open(config_);
    EXPECT_TRUE(store.has_value()) << store.error().ToString();
    return std::move(*store);
  }

  // Rows about `learner` in `table`, read with a separate connection.
  int64_t Rows(const std::string& table, const std::string& column, const std::string& learner) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(config_.path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* stmt = nullptr;
    const std::string sql = "SELECT count(*) FROM " + table + " WHERE " + column + " = ?1";
    sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
    sqlite3_bind_text(stmt, 1, learner.c_str(), -1, SQLITE_TRANSIENT);
    int64_t n = -1;
    if (sqlite3_step(stmt) == SQLITE_ROW) n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return n;
  }

  std::string dir_;
  StoreConfig config_;
};

TEST_F(SqliteLearnerStoreTest, PutCreatesThenUpdatesAndKeepsGoals) {
  auto store = Open();
  auto created = store->PutLearner("ada", "go-backend", {{"microservices", 1.0}});
  ASSERT_TRUE(created.has_value()) << created.error().ToString();
  EXPECT_EQ(*created, PutOutcome::kCreated);
  auto updated = store->PutLearner("ada", "go-backend", {{"rest-api", 2.0}});
  ASSERT_TRUE(updated.has_value());
  EXPECT_EQ(*updated, PutOutcome::kUpdated);
  auto learner = store->GetLearner("ada");
  ASSERT_TRUE(learner.has_value());
  EXPECT_EQ(learner->catalog, "go-backend");
  EXPECT_EQ(learner->goals, (std::map<std::string, double>{{"rest-api", 2.0}}));
  EXPECT_TRUE(learner->mastery.empty());
  EXPECT_GT(learner->created_ms, 0);
  EXPECT_GE(learner->updated_ms, learner->created_ms);
}

TEST_F(SqliteLearnerStoreTest, UnknownLearnerIsNotFound) {
  auto store = Open();
  EXPECT_EQ(store->GetLearner("nobody").error().code(), StatusCode::kNotFound);
  EXPECT_EQ(store->DeleteLearner("nobody").code(), StatusCode::kNotFound);
  ProgressEvent e{"goroutines", 0.5, 1000, ""};
  EXPECT_EQ(store->AppendProgress("nobody", {&e, 1}).error().code(), StatusCode::kNotFound);
  EXPECT_EQ(store->error_count(), 0u);  // NotFound is not a store error
}

TEST_F(SqliteLearnerStoreTest, ProgressKeepsLatestMasteryAndSkipsDuplicateKeys) {
  auto store = Open();
  ASSERT_TRUE(store->PutLearner("ada", "go-backend", {}).has_value());
  std::vector<ProgressEvent> events = {
      {"goroutines", 0.4, 1000, "e1"},
      {"goroutines", 0.9, 3000, "e2"},
      {"goroutines", 0.1, 2000, "e3"},  // older than e2: appended, not current
      {"channels", 0.5, 1000, ""},
      {"channels", 0.7, 1000, ""},  // same time: the later arrival wins
  };
  auto outcome = store->AppendProgress("ada", events);
  ASSERT_TRUE(outcome.has_value()) << outcome.error().ToString();
  EXPECT_EQ(outcome->accepted, 5u);
  EXPECT_EQ(outcome->duplicates, 0u);
  std::vector<ProgressEvent> again = {{"goroutines", 0.0, 9000, "e1"},
                                      {"goroutines", 0.0, 9000, "e1"}};
  auto repeat = store->AppendProgress("ada", again);
  ASSERT_TRUE(repeat.has_value());
  EXPECT_EQ(repeat->accepted, 0u);
  EXPECT_EQ(repeat->duplicates, 2u);
  auto learner = store->GetLearner("ada");
  ASSERT_TRUE(learner.has_value());
  EXPECT_DOUBLE_EQ(learner->mastery.at("goroutines"), 0.9);
  EXPECT_DOUBLE_EQ(learner->mastery.at("channels"), 0.7);
  ASSERT_EQ(learner->recent.size(), 2u);
  EXPECT_EQ(learner->recent[0], "goroutines");
  EXPECT_EQ(Rows("progress_events", "learner", "ada"), 5);
}

TEST_F(SqliteLearnerStoreTest, KeysAreScopedPerLearner) {
  auto store = Open();
  ASSERT_TRUE(store->PutLearner("a", "c", {}).has_value());
  ASSERT_TRUE(store->PutLearner("b", "c", {}).has_value());
  ProgressEvent e{"x", 1, 1, "same-key"};
  EXPECT_EQ(store->AppendProgress("a", {&e, 1})->accepted, 1u);
  EXPECT_EQ(store->AppendProgress("b", {&e, 1})->accepted, 1u);
}

TEST_F(SqliteLearnerStoreTest, DeleteRemovesEveryRowOfTheLearnerOnly) {
  auto store = Open();
  ASSERT_TRUE(store->PutLearner("ada", "go-backend", {{"microservices", 1}}).has_value());
  ASSERT_TRUE(store->PutLearner("bob", "go-backend", {{"microservices", 1}}).has_value());
  ProgressEvent e{"goroutines", 0.5, 1000, "k"};
  ASSERT_TRUE(store->AppendProgress("ada", {&e, 1}).has_value());
  ASSERT_TRUE(store->AppendProgress("bob", {&e, 1}).has_value());
  ASSERT_TRUE(store->DeleteLearner("ada").ok());
  EXPECT_EQ(store->GetLearner("ada").error().code(), StatusCode::kNotFound);
  ASSERT_TRUE(store->Close().ok());
  EXPECT_EQ(Rows("learners", "id", "ada"), 0);
  EXPECT_EQ(Rows("learner_goals", "learner", "ada"), 0);
  EXPECT_EQ(Rows("progress_events", "learner", "ada"), 0);
  EXPECT_EQ(Rows("mastery", "learner", "ada"), 0);
  EXPECT_EQ(Rows("progress_events", "learner", "bob"), 1);
  EXPECT_EQ(Rows("mastery", "learner", "bob"), 1);
}

TEST_F(SqliteLearnerStoreTest, ReopenKeepsDataUsesWalAndSchemaVersion) {
  {
    auto store = Open();
    ASSERT_TRUE(store->PutLearner("ada", "go-backend", {}).has_value());
    EXPECT_EQ(*store->CountLearners(), 1);
  }
  auto store = Open();
  EXPECT_EQ(*store->CountLearners(), 1);
  EXPECT_EQ(*store->IntegrityCheck(), "ok");
  ASSERT_TRUE(store->Close().ok());
  sqlite3* db = nullptr;
  sqlite3_open(config_.path.c_str(), &db);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(stmt, 0), SqliteLearnerStore::kSchemaVersion);
  sqlite3_finalize(stmt);
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(db);
}

TEST_F(SqliteLearnerStoreTest, NewerSchemaIsRefused) {
  {
    sqlite3* db = nullptr;
    sqlite3_open(config_.path.c_str(), &db);
    sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  auto store = SqliteLearnerStore::Open(config_);
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(store.error().message().find("newer than this build"), std::string::npos);
}

TEST_F(SqliteLearnerStoreTest, UnopenablePathIsUnavailable) {
  config_.path = dir_ + "/missing-dir/learners.db";
  auto store = SqliteLearnerStore::Open(config_);
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code(), StatusCode::kUnavailable);
  EXPECT_NE(store.error().message().find("missing-dir"), std::string::npos);
}

TEST_F(SqliteLearnerStoreTest, ClosedStoreAnswersUnavailable) {
  auto store = Open();
  ASSERT_TRUE(store->Close().ok());
  EXPECT_FALSE(store->is_open());
  EXPECT_EQ(store->GetLearner("ada").error().code(), StatusCode::kUnavailable);
  EXPECT_EQ(store->PutLearner("ada", "c", {}).error().code(), StatusCode::kUnavailable);
}

TEST_F(SqliteLearnerStoreTest, ConcurrentWritersLoseNoEvent) {
  auto store = Open();
  ASSERT_TRUE(store->PutLearner("ada", "c", {}).has_value());
  constexpr int kThreads = 4, kEvents = 50;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEvents; ++i) {
        ProgressEvent e{"item-" + std::to_string(t), i / 100.0, i, std::to_string(t * 1000 + i)};
        auto outcome = store->AppendProgress("ada", {&e, 1});
        ASSERT_TRUE(outcome.has_value()) << outcome.error().ToString();
        ASSERT_TRUE(store->GetLearner("ada").has_value());
      }
    });
  }
  for (auto& t : threads) t.join();
  auto learner = store->GetLearner("ada");
  ASSERT_TRUE(learner.has_value());
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_DOUBLE_EQ(learner->mastery.at("item-" + std::to_string(t)), (kEvents - 1) / 100.0);
  }
  EXPECT_EQ(Rows("progress_events", "learner", "ada"), kThreads * kEvents);
}

}  // namespace
}  // namespace pathrank::server
