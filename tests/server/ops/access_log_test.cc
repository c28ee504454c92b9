#include "ops/access_log.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace pathrank::server {
namespace {

TEST(AccessLogTest, LineIsOneJsonObjectWithEscapedStrings) {
  AccessLogEntry e;
  e.time_ms = 1714557600123;
  e.request_id = "r-1";
  e.method = "GET";
  e.route = "unmatched";
  e.path = "/a\"b\\c\n\x01";
  e.status = 404;
  e.bytes = 12;
  e.latency_ms = 0.1234;
  e.remote = "127.0.0.1";
  const std::string line = FormatAccessLogLine(e);
  ASSERT_EQ(line.back(), '\n');
  EXPECT_EQ(line.find('\n'), line.size() - 1);
  const auto j = nlohmann::json::parse(line);
  EXPECT_EQ(j["ts"], "2024-05-01T10:00:00.123Z");
  EXPECT_EQ(j["path"], "/a\"b\\c\n\x01");
  EXPECT_EQ(j["status"], 404);
  EXPECT_EQ(j["bytes"], 12);
  EXPECT_DOUBLE_EQ(j["latency_ms"].get<double>(), 0.123);
  EXPECT_FALSE(j.contains("key"));
  e.key = "ops";
  EXPECT_EQ(nlohmann::json::parse(FormatAccessLogLine(e))["key"], "ops");
}

TEST(AccessLogTest, EventLine) {
  const auto j =
      nlohmann::json::parse(FormatEventLine(0, "error", "reload", "", "catalog \"go\": bad"));
  EXPECT_EQ(j["level"], "error");
  EXPECT_EQ(j["message"], "catalog \"go\": bad");
  EXPECT_FALSE(j.contains("request_id"));
}

}  // namespace
}  // namespace pathrank::server
