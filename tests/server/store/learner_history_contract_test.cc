// The history and listing part of the LearnerStore contract (ListEvents,
// DeleteEvent, ListLearners), on SQLite and PostgreSQL.

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "server/store/store_contract_fixture.h"

namespace pathrank::server {
namespace {

class LearnerHistoryContract : public StoreContractFixture {
 protected:
  // Appends events item-<i % 7> at times base + i, one per call, with keys.
  void Append(LearnerStore& store, const std::string& learner, int first, int count,
              int64_t base_ms = 1000) {
    for (int i = first; i < first + count; ++i) {
      ProgressEvent e{"item-" + std::to_string(i % 7), (i % 10) / 10.0, base_ms + i,
                      learner + "-k" + std::to_string(i)};
      auto outcome = store.AppendProgress(learner, {&e, 1});
      ASSERT_TRUE(outcome.has_value()) << outcome.error().ToString();
      ASSERT_EQ(outcome->accepted, 1u);
    }
  }

  // Every page of learner's events, `limit` at a time; fails on an error.
  std::vector<StoredEvent> AllPages(LearnerStore& store, const std::string& learner,
                                    EventQuery query, size_t* pages) {
    std::vector<StoredEvent> all;
    *pages = 0;
    while (true) {
      auto page = store.ListEvents(learner, query);
      EXPECT_TRUE(page.has_value()) << page.error().ToString();
      if (!page || page->empty()) break;
      ++*pages;
      EXPECT_LE(page->size(), query.limit);
      all.insert(all.end(), page->begin(), page->end());
      query.after_seq = page->back().seq;
    }
    return all;
  }
};

TEST_P(LearnerHistoryContract, PagesOverAThousandEventsHoldEachOnceInArrivalOrder) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutLearner("ada", "c", {}).has_value());
  ASSERT_TRUE(store->PutLearner("bob", "c", {}).has_value());
  Append(*store, "ada", 0, 1000);
  Append(*store, "bob", 0, 5);  // another learner's events stay out
  EventQuery query;
  query.limit = 37;
  size_t pages = 0;
  const std::vector<StoredEvent> all = AllPages(*store, "ada", query, &pages);
  ASSERT_EQ(all.size(), 1000u);
  EXPECT_EQ(pages, (1000 + 36) / 37u);
  std::set<std::string> keys;
  for (size_t i = 0; i < all.size(); ++i) {
    keys.insert(all[i].event.key);
    EXPECT_EQ(all[i].event.key, "ada-k" + std::to_string(i));
    EXPECT_EQ(all[i].event.at_ms, 1000 + static_cast<int64_t>(i));
    if (i > 0) EXPECT_GT(all[i].seq, all[i - 1].seq);
    EXPECT_GT(all[i].received_ms, 0);
  }
  EXPECT_EQ(keys.size(), 1000u);
}

TEST_P(LearnerHistoryContract, PagesStayExactUnderConcurrentInserts) {
  auto reader = Open();
  auto writer = Open();
  ASSERT_NE(reader, nullptr);
  ASSERT_NE(writer, nullptr);
  ASSERT_TRUE(reader->PutLearner("ada", "c", {}).has_value());
  Append(*reader, "ada", 0, 1000);
  // While the pages are read, another connection appends 300 more; they
  // come after every cursor handed out, so they land on later pages (or
  // after the last), never twice, and no earlier event is skipped.
  std::atomic<bool> done{false};
  std::thread inserts([&] {
    Append(*writer, "ada", 1000, 300);
    done = true;
  });
  EventQuery query;
  query.limit = 50;
  std::vector<StoredEvent> all;
  while (true) {
    // `done` is read before the page: an empty page read after the writer
    // finished is the end; one read before it may only mean "not yet".
    const bool writer_finished = done;
    auto page = reader->ListEvents("ada", query);
    ASSERT_TRUE(page.has_value()) << page.error().ToString();
    if (page->empty() && writer_finished) break;
    all.insert(all.end(), page->begin(), page->end());
    if (!page->empty()) query.after_seq = page->back().seq;
  }
  inserts.join();
  ASSERT_EQ(all.size(), 1300u);
  std::set<int64_t> seqs;
  for (const StoredEvent& e : all) seqs.insert(e.seq);
  EXPECT_EQ(seqs.size(), 1300u);
  for (size_t i = 0; i < 1300; ++i) EXPECT_EQ(all[i].event.key, "ada-k" + std::to_string(i));
}

TEST_P(LearnerHistoryContract, TimeRangeIsHalfOpenAndCombinesWithTheCursor) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutLearner("ada", "c", {}).has_value());
  Append(*store, "ada", 0, 100);  // at 1000..1099
  EventQuery query;
  query.from_ms = 1010;
  query.to_ms = 1050;
  query.limit = 7;
  size_t pages = 0;
  const std::vector<StoredEvent> all = AllPages(*store, "ada", query, &pages);
  ASSERT_EQ(all.size(), 40u);
  EXPECT_EQ(all.front().event.at_ms, 1010);
  EXPECT_EQ(all.back().event.at_ms, 1049);
}

TEST_P(LearnerHistoryContract, DeleteEventRecomputesMasteryAndFreesTheKey) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutLearner("ada", "c", {}).has_value());
  const ProgressEvent events[] = {
      {"go", 0.4, 1000, "a"}, {"go", 0.9, 2000, "b"}, {"sql", 0.5, 1500, "c"}};
  ASSERT_TRUE(store->AppendProgress("ada", events).has_value());
  EventQuery query;
  auto listed = store->ListEvents("ada", query);
  ASSERT_TRUE(listed.has_value());
  ASSERT_EQ(listed->size(), 3u);
  const int64_t before = store->GetLearner("ada")->updated_ms;
  // The latest "go" goes: the earlier one is the mastery again.
  ASSERT_TRUE(store->DeleteEvent("ada", (*listed)[1].seq).ok());
  auto learner = store->GetLearner("ada");
  ASSERT_TRUE(learner.has_value());
  EXPECT_DOUBLE_EQ(learner->mastery.at("go"), 0.4);
  EXPECT_GE(learner->updated_ms, before);
  // The only "sql" goes: no mastery for it.
  ASSERT_TRUE(store->DeleteEvent("ada", (*listed)[2].seq).ok());
  learner = store->GetLearner("ada");
  EXPECT_EQ(learner->mastery.count("sql"), 0u);
  EXPECT_EQ(learner->mastery.size(), 1u);
  listed = store->ListEvents("ada", query);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].event.key, "a");
  // Gone twice, or of another learner: NotFound; the event stays.
  EXPECT_EQ(store->DeleteEvent("ada", (*listed)[0].seq + 1000).code(), StatusCode::kNotFound);
  ASSERT_TRUE(store->PutLearner("bob", "c", {}).has_value());
  EXPECT_EQ(store->DeleteEvent("bob", (*listed)[0].seq).code(), StatusCode::kNotFound);
  EXPECT_EQ(store->DeleteEvent("nobody", (*listed)[0].seq).code(), StatusCode::kNotFound);
  EXPECT_EQ(store->ListEvents("ada", query)->size(), 1u);
  // The deleted key "b" is accepted again, with a new id.
  const ProgressEvent again{"go", 0.7, 3000, "b"};
  auto outcome = store->AppendProgress("ada", {&again, 1});
  ASSERT_TRUE(outcome.has_value());
  EXPECT_EQ(outcome->accepted, 1u);
  listed = store->ListEvents("ada", query);
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_GT((*listed)[1].seq, (*listed)[0].seq);
  EXPECT_DOUBLE_EQ(store->GetLearner("ada")->mastery.at("go"), 0.7);
}

TEST_P(LearnerHistoryContract, DeletedLastEventIdIsNeverHandedOutAgain) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  ASSERT_TRUE(store->PutLearner("ada", "c", {}).has_value());
  Append(*store, "ada", 0, 3);
  auto listed = store->ListEvents("ada", EventQuery{});
  ASSERT_EQ(listed->size(), 3u);
  const int64_t last = listed->back().seq;
  ASSERT_TRUE(store->DeleteEvent("ada", last).ok());
  Append(*store, "ada", 3, 1);
  // A client holding a cursor at `last` still sees the new event.
  EventQuery after;
  after.after_seq = last;
  auto page = store->ListEvents("ada", after);
  ASSERT_TRUE(page.has_value());
  ASSERT_EQ(page->size(), 1u);
  EXPECT_GT(page->front().seq, last);
}

TEST_P(LearnerHistoryContract, ListLearnersPagesInByteOrderWithCatalogAndUpdate) {
  auto store = Open();
  ASSERT_NE(store, nullptr);
  std::vector<std::string> ids;
  for (int i = 0; i < 25; ++i) {
    ids.push_back("l" + std::to_string(100 + i));
    ASSERT_TRUE(store->PutLearner(ids.back(), i % 2 ? "odd" : "even", {}).has_value());
  }
  ASSERT_TRUE(store->PutLearner("Z", "even", {}).has_value());  // 'Z' < 'l' in bytes
  std::vector<LearnerSummary> all;
  std::string after;
  while (true) {
    auto page = store->ListLearners(after, 10);
    ASSERT_TRUE(page.has_value()) << page.error().ToString();
    if (page->empty()) break;
    EXPECT_LE(page->size(), 10u);
    all.insert(all.end(), page->begin(), page->end());
    after = page->back().id;
  }
  ASSERT_EQ(all.size(), 26u);
  EXPECT_EQ(all[0].id, "Z");
  for (int i = 0; i < 25; ++i) {
    EXPECT_EQ(all[i + 1].id, ids[i]);
    EXPECT_EQ(all[i + 1].catalog, i % 2 ? "odd" : "even");
    EXPECT_GT(all[i + 1].updated_ms, 0);
  }
  EXPECT_EQ(store->ListEvents("nobody", EventQuery{}).error().code(), StatusCode::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Stores, LearnerHistoryContract, ::testing::Values("sqlite", "postgres"),
                         [](const auto& param_info) { return param_info.param; });

}  // namespace
}  // namespace pathrank::server
