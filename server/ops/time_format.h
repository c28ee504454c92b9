// RFC 3339 timestamps for the API ("2024-05-01T10:00:00.123Z").
//
// Thread safety: pure functions.

#ifndef PATHRANK_SERVER_OPS_TIME_FORMAT_H_
#define PATHRANK_SERVER_OPS_TIME_FORMAT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pathrank::server {

// UTC with milliseconds: "2024-05-01T10:00:00.123Z".
std::string FormatRfc3339(int64_t epoch_ms);

// Parses "YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)" ('t', 'z' and a
// space for 'T' accepted); milliseconds since the epoch, nullopt when
// malformed or out of range (years 1970..9999; a leap second,
// ":60", is refused: Unix time cannot name it).
std::optional<int64_t> ParseRfc3339(std::string_view text);

// The earliest progress event time accepted: 2000-01-01T00:00:00Z (older
// times are typos or zero values, and would sort before every real event).
inline constexpr int64_t kEarliestEventMs = 946684800000;

// Why a progress event at `at_ms` is refused, or nullopt when it is not:
// later than `now_ms` plus `skew_s` seconds (it would outrank every later
// event for good) or before kEarliestEventMs. The one rule for events from
// the API and from progress sources.
std::optional<std::string> EventTimeProblem(int64_t at_ms, int64_t now_ms, int skew_s);

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_OPS_TIME_FORMAT_H_
