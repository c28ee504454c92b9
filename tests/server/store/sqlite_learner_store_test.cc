// What only the SQLite store does (WAL, user_version, file errors); the
// behaviour every store shares is in learner_store_contract_test.cc.

#include "store/sqlite/sqlite_learner_store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>

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

  std::string dir_;
  StoreConfig config_;
};

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

// The durability setting reaches the connection that commits: PRAGMA
// synchronous reads back 2 (FULL) or 1 (NORMAL), before and after writes.
TEST_F(SqliteLearnerStoreTest, DurabilityReachesTheWritingConnection) {
  for (const bool full : {true, false}) {
    config_.synchronous_full = full;
    auto store = Open();
    ASSERT_TRUE(store->PutLearner("ada", "go-backend", {}).has_value());
    Result<int> mode = store->SynchronousMode();
    ASSERT_TRUE(mode.has_value()) << mode.error().ToString();
    EXPECT_EQ(*mode, full ? 2 : 1) << (full ? "full" : "normal");
    ASSERT_TRUE(store->Close().ok());
    EXPECT_FALSE(store->SynchronousMode().has_value());  // closed
  }
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

}  // namespace
}  // namespace pathrank::server
