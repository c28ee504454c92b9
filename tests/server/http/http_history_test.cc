// History and listing over HTTP: GET /v1/learners, GET
// /v1/learners/{lid}/events (cursor pages, time range), DELETE of one
// event, and `recent` in the stateless recommendation body.

#include <gtest/gtest.h>

#include <set>

#include "server/http/http_fixture.h"

namespace pathrank::server {
namespace {

using testing::Answer;
using testing::TestServer;

std::string Progress(int first, int count) {
  nlohmann::json events = nlohmann::json::array();
  for (int i = first; i < first + count; ++i) {
    char at[32];
    std::snprintf(at, sizeof at, "2024-05-01T10:%02d:%02dZ", (i / 60) % 60, i % 60);
    events.push_back({{"item", i % 2 ? "goroutines" : "go-basic-syntax"},
                      {"mastery", (i % 10) / 10.0},
                      {"at", i < 3600 ? at : "2024-05-02T00:00:00Z"},
                      {"id", "s" + std::to_string(i)}});
  }
  return nlohmann::json{{"events", events}}.dump();
}

class HttpHistoryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(server_.Call("PUT", "/v1/learners/ada", R"({"catalog": "go-backend"})").status, 201);
  }
  TestServer server_;
};

TEST_F(HttpHistoryTest, EventPagesHoldAThousandEventsEachOnce) {
  for (int i = 0; i < 1000; i += 250) {
    ASSERT_EQ(server_.Call("POST", "/v1/learners/ada/progress", Progress(i, 250)).status, 200);
  }
  std::vector<std::string> ids;
  std::set<std::string> event_ids;
  std::string cursor;
  int pages = 0;
  while (true) {
    const Answer a = server_.Call(
        "GET", "/v1/learners/ada/events?limit=64" + (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(a.status, 200) << a.body;
    ++pages;
    for (const auto& e : a.json["events"]) {
      ids.push_back(e["id"]);
      event_ids.insert(e["event_id"].get<std::string>());
      EXPECT_TRUE(e.contains("received_at"));
    }
    if (!a.json["has_more"].get<bool>()) break;
    cursor = a.json["next_cursor"];
    ASSERT_LT(pages, 100);
  }
  EXPECT_EQ(pages, 16);  // 15 full pages of 64 and one of 40
  ASSERT_EQ(ids.size(), 1000u);
  EXPECT_EQ(event_ids.size(), 1000u);
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(ids[i], "s" + std::to_string(i));
}

TEST_F(HttpHistoryTest, LaterEventsComeAfterTheLastCursor) {
  ASSERT_EQ(server_.Call("POST", "/v1/learners/ada/progress", Progress(0, 10)).status, 200);
  const Answer first = server_.Call("GET", "/v1/learners/ada/events?limit=10");
  ASSERT_EQ(first.status, 200);
  EXPECT_FALSE(first.json["has_more"].get<bool>());
  const std::string cursor = first.json["next_cursor"];
  ASSERT_EQ(server_.Call("POST", "/v1/learners/ada/progress", Progress(10, 3)).status, 200);
  const Answer next = server_.Call("GET", "/v1/learners/ada/events?cursor=" + cursor);
  ASSERT_EQ(next.status, 200);
  ASSERT_EQ(next.json["events"].size(), 3u);
  EXPECT_EQ(next.json["events"][0]["id"], "s10");
  // An empty page hands the same cursor back.
  const std::string last = next.json["next_cursor"];
  const Answer empty = server_.Call("GET", "/v1/learners/ada/events?cursor=" + last);
  EXPECT_EQ(empty.json["events"].size(), 0u);
  EXPECT_EQ(empty.json["next_cursor"], last);
}

TEST_F(HttpHistoryTest, TimeRangeSelectsEventsAndBadInputNamesTheField) {
  ASSERT_EQ(server_.Call("POST", "/v1/learners/ada/progress", Progress(0, 120)).status, 200);
  const Answer a = server_.Call(
      "GET", "/v1/learners/ada/events?from=2024-05-01T10:00:30Z&to=2024-05-01T10:01:00Z");
  ASSERT_EQ(a.status, 200) << a.body;
  ASSERT_EQ(a.json["events"].size(), 30u);
  EXPECT_EQ(a.json["events"][0]["id"], "s30");
  EXPECT_EQ(a.json["events"][29]["id"], "s59");

  EXPECT_EQ(server_.Call("GET", "/v1/learners/ada/events?from=yesterday").Fields(),
            std::vector<std::string>{"query:/from"});
  const Answer reversed = server_.Call(
      "GET", "/v1/learners/ada/events?from=2024-05-02T00:00:00Z&to=2024-05-01T00:00:00Z");
  EXPECT_EQ(reversed.status, 422);
  EXPECT_EQ(reversed.Fields(), std::vector<std::string>{"query:/to"});
  const Answer bad_cursor = server_.Call("GET", "/v1/learners/ada/events?cursor=zz");
  EXPECT_EQ(bad_cursor.status, 400);
  EXPECT_EQ(bad_cursor.Fields(), std::vector<std::string>{"query:/cursor"});
  // A learner listing's cursor is not an event cursor.
  ASSERT_EQ(server_.Call("PUT", "/v1/learners/bob", R"({"catalog": "go-backend"})").status, 201);
  const Answer learners = server_.Call("GET", "/v1/learners?limit=1");
  const std::string other = learners.json["next_cursor"];
  EXPECT_EQ(server_.Call("GET", "/v1/learners/ada/events?cursor=" + other).Fields(),
            std::vector<std::string>{"query:/cursor"});
  EXPECT_EQ(server_.Call("GET", "/v1/learners/ada/events?limit=0").Fields(),
            std::vector<std::string>{"query:/limit"});
  EXPECT_EQ(server_.Call("GET", "/v1/learners/nobody/events").status, 404);
}

TEST_F(HttpHistoryTest, DeleteOneEventRecomputesMastery) {
  ASSERT_EQ(
      server_
          .Call("POST", "/v1/learners/ada/progress",
                R"({"events": [{"item": "goroutines", "mastery": 0.3, "at": "2024-05-01T10:00:00Z"},
                                        {"item": "goroutines", "mastery": 0.9, "at": "2024-05-02T10:00:00Z"}]})")
          .status,
      200);
  const Answer events = server_.Call("GET", "/v1/learners/ada/events");
  ASSERT_EQ(events.json["events"].size(), 2u);
  const std::string latest = events.json["events"][1]["event_id"];
  EXPECT_EQ(server_.Call("DELETE", "/v1/learners/ada/events/" + latest).status, 204);
  const Answer learner = server_.Call("GET", "/v1/learners/ada");
  EXPECT_DOUBLE_EQ(learner.json["mastery"]["goroutines"].get<double>(), 0.3);
  const Answer again = server_.Call("DELETE", "/v1/learners/ada/events/" + latest);
  EXPECT_EQ(again.status, 404);
  EXPECT_EQ(again.Fields(), std::vector<std::string>{"path:/eid"});
  const Answer bad = server_.Call("DELETE", "/v1/learners/ada/events/seven");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Fields(), std::vector<std::string>{"path:/eid"});
  const Answer nobody = server_.Call("DELETE", "/v1/learners/nobody/events/1");
  EXPECT_EQ(nobody.status, 404);
  EXPECT_EQ(nobody.Fields(), std::vector<std::string>{"path:/lid"});
}

TEST_F(HttpHistoryTest, LearnerListingPagesWithCatalogAndUpdatedAt) {
  for (int i = 0; i < 11; ++i) {
    ASSERT_EQ(
        server_
            .Call("PUT", "/v1/learners/l" + std::to_string(10 + i), R"({"catalog": "go-backend"})")
            .status,
        201);
  }
  std::vector<std::string> ids;
  std::string cursor;
  while (true) {
    const Answer a =
        server_.Call("GET", "/v1/learners?limit=5" + (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(a.status, 200) << a.body;
    for (const auto& l : a.json["learners"]) {
      ids.push_back(l["id"]);
      EXPECT_EQ(l["catalog"], "go-backend");
      EXPECT_TRUE(l["updated_at"].is_string());
    }
    if (!a.json["has_more"].get<bool>()) break;
    cursor = a.json["next_cursor"];
  }
  ASSERT_EQ(ids.size(), 12u);
  EXPECT_EQ(ids[0], "ada");
  EXPECT_EQ(ids[1], "l10");
  EXPECT_EQ(ids[11], "l20");
}

TEST_F(HttpHistoryTest, StatelessRecommendationTakesRecent) {
  const Answer a =
      server_.Call("POST", "/v1/catalogs/go-backend/recommendations",
                   R"({"mastery": {"go-basic-syntax": 1}, "recent": ["go-basic-syntax"], "k": 3})");
  EXPECT_EQ(a.status, 200) << a.body;
  const Answer bad = server_.Call("POST", "/v1/catalogs/go-backend/recommendations",
                                  R"({"recent": ["go-basic-syntax", "cobol"]})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.Fields(), std::vector<std::string>{"body:/recent/1"});
  const Answer wrong_type = server_.Call("POST", "/v1/catalogs/go-backend/recommendations",
                                         R"({"recent": "go-basic-syntax"})");
  EXPECT_EQ(wrong_type.status, 400);
  EXPECT_EQ(wrong_type.Fields(), std::vector<std::string>{"body:/recent"});
}

}  // namespace
}  // namespace pathrank::server
