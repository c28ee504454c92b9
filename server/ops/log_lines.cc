// Access-log and event lines as JSON. Written by hand rather than through
// nlohmann: one line per request is on the hot path, and these lines have
// a fixed shape of short strings and numbers.

#include <cmath>
#include <cstdio>

#include "ops/access_log.h"
#include "ops/time_format.h"

namespace pathrank::server {

namespace {

// Appends `s` as a JSON string: quotes, backslash and control characters
// escaped; bytes >= 0x80 are copied (the log is UTF-8 when the input is).
void AppendString(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned char>(c));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void AppendMember(std::string& out, std::string_view key, std::string_view value) {
  out += ",\"";
  out += key;
  out += "\":";
  AppendString(out, value);
}

}  // namespace

std::string FormatAccessLogLine(const AccessLogEntry& entry) {
  std::string line;
  line.reserve(256);
  AppendAccessLogLine(entry, &line);
  return line;
}

void AppendAccessLogLine(const AccessLogEntry& entry, std::string* out) {
  std::string& line = *out;
  line += "{\"ts\":";
  AppendString(line, FormatRfc3339(entry.time_ms));
  AppendMember(line, "request_id", entry.request_id);
  AppendMember(line, "method", entry.method);
  AppendMember(line, "route", entry.route);
  AppendMember(line, "path", entry.path);
  char numbers[96];
  std::snprintf(numbers, sizeof numbers, ",\"status\":%d,\"bytes\":%zu,\"latency_ms\":%.3f",
                entry.status, entry.bytes,
                std::isfinite(entry.latency_ms) ? entry.latency_ms : 0.0);
  line += numbers;
  AppendMember(line, "remote", entry.remote);
  if (!entry.key.empty()) AppendMember(line, "key", entry.key);
  if (!entry.experiment.empty()) {
    AppendMember(line, "experiment", entry.experiment);
    AppendMember(line, "variant", entry.variant);
  }
  line += "}\n";
}

std::string FormatEventLine(int64_t time_ms, std::string_view level, std::string_view event,
                            std::string_view request_id, std::string_view message) {
  std::string line = "{\"ts\":";
  AppendString(line, FormatRfc3339(time_ms));
  AppendMember(line, "level", level);
  AppendMember(line, "event", event);
  if (!request_id.empty()) AppendMember(line, "request_id", request_id);
  AppendMember(line, "message", message);
  line += "}\n";
  return line;
}

}  // namespace pathrank::server
