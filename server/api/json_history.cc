// History and listing answers and their cursors (json_history.h).

#include "api/json_history.h"

#include "ops/time_format.h"
#include "util/json/json_writer.h"

namespace pathrank::server {

namespace {

constexpr char kHex[] = "0123456789abcdef";

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

void CursorMember(json::Writer& w, const std::optional<std::string>& next) {
  w.Key("next_cursor");
  if (next) {
    w.String(*next);
  } else {
    w.Null();
  }
}

}  // namespace

std::string EncodeCursor(char kind, std::string_view position) {
  std::string plain = std::string(1, kind) + "1:" + std::string(position);
  std::string out;
  out.reserve(plain.size() * 2);
  for (unsigned char c : plain) {
    out += kHex[c >> 4];
    out += kHex[c & 0xf];
  }
  return out;
}

std::optional<std::string> DecodeCursor(char kind, std::string_view cursor) {
  if (cursor.size() % 2 != 0 || cursor.size() > 1024) return std::nullopt;
  std::string plain;
  for (size_t i = 0; i < cursor.size(); i += 2) {
    const int hi = HexValue(cursor[i]), lo = HexValue(cursor[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    plain += static_cast<char>(hi * 16 + lo);
  }
  const std::string prefix = std::string(1, kind) + "1:";
  if (!plain.starts_with(prefix)) return std::nullopt;
  return plain.substr(prefix.size());
}

std::string RenderEventPage(std::string_view learner_id, std::span<const StoredEvent> events,
                            bool has_more, const std::optional<std::string>& request_cursor) {
  json::Writer w;
  w.BeginObject();
  w.Member("learner", learner_id);
  w.Key("events");
  w.BeginArray();
  for (const StoredEvent& e : events) {
    w.BeginObject();
    w.Member("event_id", std::to_string(e.seq));
    w.Member("item", e.event.item);
    w.Member("mastery", e.event.mastery);
    w.Member("at", FormatRfc3339(e.event.at_ms));
    w.Member("received_at", FormatRfc3339(e.received_ms));
    if (!e.event.key.empty()) w.Member("id", e.event.key);
    w.EndObject();
  }
  w.EndArray();
  CursorMember(w, events.empty()
                      ? request_cursor
                      : std::optional(EncodeCursor('e', std::to_string(events.back().seq))));
  w.Member("has_more", has_more);
  w.EndObject();
  return w.Take();
}

std::string RenderLearnerPage(std::span<const LearnerSummary> learners, bool has_more,
                              const std::optional<std::string>& request_cursor) {
  json::Writer w;
  w.BeginObject();
  w.Key("learners");
  w.BeginArray();
  for (const LearnerSummary& l : learners) {
    w.BeginObject();
    w.Member("id", l.id);
    w.Member("catalog", l.catalog);
    w.Member("updated_at", FormatRfc3339(l.updated_ms));
    w.EndObject();
  }
  w.EndArray();
  CursorMember(
      w, learners.empty() ? request_cursor : std::optional(EncodeCursor('l', learners.back().id)));
  w.Member("has_more", has_more);
  w.EndObject();
  return w.Take();
}

}  // namespace pathrank::server
