// The LearnerStore contract (store/learner_store.h), run against every
// implementation: SQLite (a file per test) and PostgreSQL (a database per
// test in the throw-away cluster of pg_test_cluster.h).

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "server/store/pg_test_cluster.h"
#include "server/store/store_contract_fixture.h"
#include "store/open_learner_store.h"

namespace pathrank::server {
namespace {

// The fixture (a store per test, on either back end) is shared with the
// history contract (learner_history_contract_test.cc).
class LearnerStoreContract : public StoreContractFixture {};

TEST_P(LearnerStoreContract, PutCreatesThenUpdatesAndKeepsGoals) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
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
  EXPECT_TRUE(store->Ping().ok());
}

TEST_P(LearnerStoreContract, CreateIfAbsentLeavesAnExistingLearnerAlone) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->CreateLearnerIfAbsent("ada", "go-backend").value(), true);
  ASSERT_TRUE(store->PutLearner("ada", "go-backend", {{"rest-api", 1.0}}).has_value());
  EXPECT_EQ(store->CreateLearnerIfAbsent("ada", "other").value(), false);
  EXPECT_EQ(store->GetLearner("ada")->catalog, "go-backend");
  EXPECT_EQ(store->GetLearner("ada")->goals.size(), 1u);
  EXPECT_EQ(*store->CountLearners(), 1);
}

TEST_P(LearnerStoreContract, UnknownLearnerIsNotFound) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(store->GetLearner("nobody").error().code(), StatusCode::kNotFound);
  EXPECT_EQ(store->DeleteLearner("nobody").code(), StatusCode::kNotFound);
  ProgressEvent e{"goroutines", 0.5, 1000, ""};
  EXPECT_EQ(store->AppendProgress("nobody", {&e, 1}).error().code(), StatusCode::kNotFound);
  EXPECT_EQ(store->error_count(), 0u);  // NotFound is not a store error
}

TEST_P(LearnerStoreContract, ProgressKeepsLatestMasteryAndSkipsDuplicateKeys) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutLearner("ada", "go-backend", {}).has_value());
  std::vector<ProgressEvent> events = {
      {"goroutines", 0.4, 1000, "e1"},
      {"goroutines", 0.9, 3000, "e2"},
      {"goroutines", 0.1, 2000, "e3"},  // older than e2: appended, not current
      {"channels", 0.5, 1000, ""},
      {"channels", 0.7, 1000, ""},  // same time: the later arrival wins
      {"gin", 0.3, 500, "e4"},
  };
  auto outcome = store->AppendProgress("ada", events);
  ASSERT_TRUE(outcome.has_value()) << outcome.error().ToString();
  EXPECT_EQ(outcome->accepted, 6u);
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
  EXPECT_DOUBLE_EQ(learner->mastery.at("gin"), 0.3);
  // Newest first: by the time of the current value, ties by arrival.
  EXPECT_EQ(learner->recent, (std::vector<std::string>{"goroutines", "channels", "gin"}));
  EXPECT_EQ(Rows("progress_events", "learner", "ada"), 6);
}

TEST_P(LearnerStoreContract, MasteryValuesRoundTripExactly) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutLearner("ada", "c", {{"g", 0.1 + 0.2}}).has_value());
  ProgressEvent e{"x", 1.0 / 3.0, 1, "k"};
  ASSERT_TRUE(store->AppendProgress("ada", {&e, 1}).has_value());
  auto learner = store->GetLearner("ada");
  ASSERT_TRUE(learner.has_value());
  EXPECT_EQ(learner->mastery.at("x"), 1.0 / 3.0);
  EXPECT_EQ(learner->goals.at("g"), 0.1 + 0.2);
}

// Keys and items are stored as given, whatever characters they hold ("NULL"
// is a key, not the absence of one).
TEST_P(LearnerStoreContract, KeysAndItemsKeepEveryCharacter) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutLearner("ada", "c", {}).has_value());
  const std::string odd_item = "it\"em, {1}\\ é";
  std::vector<ProgressEvent> events = {
      {odd_item, 0.5, 1, "k\"ey\\,{}"}, {"x", 0.5, 1, "NULL"}, {"y", 0.5, 1, ""}};
  EXPECT_EQ(store->AppendProgress("ada", events)->accepted, 3u);
  EXPECT_EQ(store->AppendProgress("ada", events)->accepted, 1u);  // only the key-less one
  auto learner = store->GetLearner("ada");
  ASSERT_TRUE(learner.has_value());
  EXPECT_EQ(learner->mastery.count(odd_item), 1u);
  auto stored = store->ListProgress("ada");
  ASSERT_TRUE(stored.has_value());
  ASSERT_EQ(stored->size(), 4u);
  EXPECT_EQ((*stored)[0].key, "k\"ey\\,{}");
  EXPECT_EQ((*stored)[1].key, "NULL");
  EXPECT_EQ((*stored)[2].key, "");
}

TEST_P(LearnerStoreContract, KeysAreScopedPerLearner) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutLearner("a", "c", {}).has_value());
  ASSERT_TRUE(store->PutLearner("b", "c", {}).has_value());
  ProgressEvent e{"x", 1, 1, "same-key"};
  EXPECT_EQ(store->AppendProgress("a", {&e, 1})->accepted, 1u);
  EXPECT_EQ(store->AppendProgress("b", {&e, 1})->accepted, 1u);
}

TEST_P(LearnerStoreContract, DeleteRemovesEveryRowOfTheLearnerOnly) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
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

TEST_P(LearnerStoreContract, ReopenKeepsData) {
  {
    auto store = Open();
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(store->PutLearner("ada", "go-backend", {}).has_value());
    EXPECT_EQ(*store->CountLearners(), 1);
  }
  auto store = Open();
  ASSERT_NE(store, nullptr);
  EXPECT_EQ(*store->CountLearners(), 1);
}

TEST_P(LearnerStoreContract, ClosedStoreAnswersUnavailable) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->Close().ok());
  EXPECT_FALSE(store->is_open());
  EXPECT_EQ(store->GetLearner("ada").error().code(), StatusCode::kUnavailable);
  EXPECT_EQ(store->PutLearner("ada", "c", {}).error().code(), StatusCode::kUnavailable);
  EXPECT_EQ(store->Ping().code(), StatusCode::kUnavailable);
}

// Writers on two stores over one database (two replicas' worth of
// connections) send every event twice: each is stored exactly once.
TEST_P(LearnerStoreContract, ConcurrentWritersStoreEachKeyOnce) {
  auto a = Open();
  auto b = Open();
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  ASSERT_TRUE(a->PutLearner("ada", "c", {}).has_value());
  constexpr int kThreads = 4, kEvents = 50;
  std::atomic<size_t> accepted{0}, duplicates{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      LearnerStore& store = t % 2 == 0 ? *a : *b;
      for (int i = 0; i < kEvents; ++i) {
        // Threads t and t^1 post the same keys, one through each store.
        const int writer = t / 2;
        ProgressEvent e{"item-" + std::to_string(writer), i / 100.0, i,
                        std::to_string(writer * 1000 + i)};
        auto outcome = store.AppendProgress("ada", {&e, 1});
        ASSERT_TRUE(outcome.has_value()) << outcome.error().ToString();
        accepted += outcome->accepted;
        duplicates += outcome->duplicates;
        ASSERT_TRUE(store.GetLearner("ada").has_value());
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(accepted.load(), static_cast<size_t>(kThreads / 2 * kEvents));
  EXPECT_EQ(duplicates.load(), static_cast<size_t>(kThreads / 2 * kEvents));
  auto learner = b->GetLearner("ada");
  ASSERT_TRUE(learner.has_value());
  for (int w = 0; w < kThreads / 2; ++w) {
    EXPECT_DOUBLE_EQ(learner->mastery.at("item-" + std::to_string(w)), (kEvents - 1) / 100.0);
  }
  EXPECT_EQ(Rows("progress_events", "learner", "ada"), kThreads / 2 * kEvents);
}

INSTANTIATE_TEST_SUITE_P(Stores, LearnerStoreContract, ::testing::Values("sqlite", "postgres"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace pathrank::server
