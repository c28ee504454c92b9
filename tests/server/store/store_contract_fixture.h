// The fixture of the LearnerStore contract suites: parameterised by the
// back end ("sqlite": a file per test; "postgres": a database per test in
// the throw-away cluster of pg_test_cluster.h, skipped or failed as that
// header says when there is none).

#ifndef PATHRANK_TESTS_SERVER_STORE_STORE_CONTRACT_FIXTURE_H_
#define PATHRANK_TESTS_SERVER_STORE_STORE_CONTRACT_FIXTURE_H_

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <string>

#include "server/store/pg_test_cluster.h"
#include "store/open_learner_store.h"

namespace pathrank::server {

class StoreContractFixture : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = ::testing::TempDir() + "/contract_" + GetParam() + "_" +
           std::to_string(std::hash<std::string>{}(test->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    config_.synchronous_full = false;
    config_.pool_size = 4;
    if (GetParam() == "sqlite") {
      config_.path = dir_ + "/learners.db";
    } else {
      std::string why;
      std::optional<std::string> url = testing::FreshTestDatabase(&why);
      if (!url) PATHRANK_PG_SKIP_OR_FAIL(why);
      config_.path = *url;
    }
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<LearnerStore> Open() {
    auto store = OpenLearnerStore(config_);
    EXPECT_TRUE(store.has_value()) << store.error().ToString();
    return store ? std::move(*store) : nullptr;
  }

  // Rows about `learner` in `table`, read over a separate connection.
  int64_t Rows(const std::string& table, const std::string& column, const std::string& learner) {
    const std::string sql =
        "SELECT count(*) FROM " + table + " WHERE " + column + " = '" + learner + "'";
    if (GetParam() != "sqlite") return testing::PgQueryInt(config_.path, sql);
    sqlite3* db = nullptr;
    sqlite3_open_v2(config_.path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr);
    int64_t n = -1;
    if (sqlite3_step(stmt) == SQLITE_ROW) n = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return n;
  }

  std::string dir_;
  StoreConfig config_;
};

}  // namespace pathrank::server

#endif  // PATHRANK_TESTS_SERVER_STORE_STORE_CONTRACT_FIXTURE_H_
