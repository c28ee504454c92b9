// Access-log and event lines as JSON.

#include <cmath>
#include <nlohmann/json.hpp>

#include "access_log.h"
#include "time_format.h"

namespace pathrank::server {

std::string FormatAccessLogLine(const AccessLogEntry& entry) {
  nlohmann::ordered_json line;
  line["ts"] = FormatRfc3339(entry.time_ms);
  line["request_id"] = entry.request_id;
  line["method"] = entry.method;
  line["route"] = entry.route;
  line["path"] = entry.path;
  line["status"] = entry.status;
  line["bytes"] = entry.bytes;
  line["latency_ms"] = std::round(entry.latency_ms * 1000) / 1000;
  line["remote"] = entry.remote;
  if (!entry.key.empty()) line["key"] = entry.key;
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string FormatEventLine(int64_t time_ms, std::string_view level, std::string_view event,
                            std::string_view request_id, std::string_view message) {
  nlohmann::ordered_json line;
  line["ts"] = FormatRfc3339(time_ms);
  line["level"] = level;
  line["event"] = event;
  if (!request_id.empty()) line["request_id"] = request_id;
  line["message"] = message;
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace pathrank::server
