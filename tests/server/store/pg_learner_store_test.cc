// What only the PostgreSQL store does: migrating under an advisory lock,
// refusing a newer schema, failing fast on an unreachable server, redacting
// passwords, and reconnecting its pool when the server returns. The shared
// behaviour is in learner_store_contract_test.cc.

#include "store/postgres/pg_learner_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>
#include <vector>

#include "server/store/pg_test_cluster.h"
#include "store/postgres/pg_connection.h"
#include "store/schema_migrations.h"

namespace pathrank::server {
namespace {

using testing::FreshTestDatabase;
using testing::PgExec;
using testing::PgQueryInt;

class PgLearnerStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string why;
    std::optional<std::string> url = FreshTestDatabase(&why);
    if (!url) PATHRANK_PG_SKIP_OR_FAIL(why);
    config_.path = *url;
    config_.pool_size = 2;
  }
  StoreConfig config_;
};

TEST_F(PgLearnerStoreTest, ReplicasStartingAtOnceMigrateOnce) {
  constexpr int kReplicas = 4;
  std::vector<Result<std::unique_ptr<PgLearnerStore>>> stores;
  for (int i = 0; i < kReplicas; ++i) stores.emplace_back(Status::Internal("not run"));
  std::vector<std::thread> threads;
  for (int i = 0; i < kReplicas; ++i) {
    threads.emplace_back([&, i] { stores[i] = PgLearnerStore::Open(config_); });
  }
  for (auto& t : threads) t.join();
  for (const auto& s : stores) ASSERT_TRUE(s.has_value()) << s.error().ToString();
  EXPECT_EQ(PgQueryInt(config_.path, "SELECT count(*) FROM pathrank_schema"),
            kLearnerSchemaVersion);
  EXPECT_EQ(PgQueryInt(config_.path, "SELECT max(version) FROM pathrank_schema"),
            kLearnerSchemaVersion);
  ASSERT_TRUE((*stores[0])->PutLearner("ada", "c", {}).has_value());
  EXPECT_EQ((*stores[kReplicas - 1])->GetLearner("ada")->catalog, "c");
}

TEST_F(PgLearnerStoreTest, NewerSchemaIsRefused) {
  ASSERT_TRUE(PgLearnerStore::Open(config_).has_value());
  ASSERT_EQ(PgExec(config_.path, "INSERT INTO pathrank_schema VALUES(99, 'from the future', 0)"),
            "");
  auto store = PgLearnerStore::Open(config_);
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(store.error().message().find("schema version 99, newer than this build"),
            std::string::npos)
      << store.error().message();
}

TEST(PgLearnerStore, UnreachableServerIsUnavailableQuickly) {
  StoreConfig config;
  config.path = "postgresql://pathrank@/postgres?host=/nonexistent-pathrank-socket-dir";
  config.connect_timeout_s = 2;
  const auto start = std::chrono::steady_clock::now();
  auto store = PgLearnerStore::Open(config);
  ASSERT_FALSE(store.has_value());
  EXPECT_EQ(store.error().code(), StatusCode::kUnavailable);
  EXPECT_NE(store.error().message().find("cannot connect to PostgreSQL"), std::string::npos);
  // Generous: the connect timeout bounds it.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST(PgLearnerStore, MessagesNeverShowThePassword) {
  EXPECT_EQ(RedactPgUrl("postgresql://app:s3cret@db.example:5432/pathrank"),
            "postgresql://app:***@db.example:5432/pathrank");
  EXPECT_EQ(RedactPgUrl("postgresql://app@db/pathrank"), "postgresql://app@db/pathrank");
  EXPECT_EQ(RedactPgUrl("postgres://db:5432/x"), "postgres://db:5432/x");
}

// A cluster of its own, stopped and started under a live store.
TEST(PgLearnerStore, PoolReconnectsWhenTheServerReturns) {
  const std::string dir = "/tmp/pathrank-pg-reconnect-" + std::to_string(getpid());
  testing::PgCluster cluster(dir);
  if (std::string why = cluster.Start(); !why.empty()) PATHRANK_PG_SKIP_OR_FAIL(why);
  StoreConfig config;
  config.path = cluster.url();
  config.pool_size = 3;
  config.statement_timeout_ms = 2000;
  auto store = PgLearnerStore::Open(config);
  ASSERT_TRUE(store.has_value()) << store.error().ToString();
  ASSERT_TRUE((*store)->PutLearner("ada", "c", {}).has_value());

  ASSERT_TRUE(cluster.Stop());
  for (int i = 0; i < 4; ++i) {  // every pooled connection finds the server gone
    EXPECT_EQ((*store)->GetLearner("ada").error().code(), StatusCode::kUnavailable);
  }
  EXPECT_EQ((*store)->Ping().code(), StatusCode::kUnavailable);
  ProgressEvent e{"x", 0.5, 1, "k"};
  EXPECT_EQ((*store)->AppendProgress("ada", {&e, 1}).error().code(), StatusCode::kUnavailable);
  EXPECT_GT((*store)->error_count(), 0u);

  ASSERT_EQ(cluster.Start(), "");
  EXPECT_TRUE((*store)->Ping().ok());
  for (int i = 0; i < 4; ++i) {
    auto learner = (*store)->GetLearner("ada");
    ASSERT_TRUE(learner.has_value()) << learner.error().ToString();
  }
  EXPECT_EQ((*store)->AppendProgress("ada", {&e, 1})->accepted, 1u);
}

}  // namespace
}  // namespace pathrank::server
