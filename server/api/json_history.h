// History and listing answers (GET /v1/learners/{lid}/events,
// GET /v1/learners) and their opaque page cursors.
//
// A cursor is the hex encoding of "<kind>1:<position>" (kind 'e' for
// events, the position the last event id; 'l' for learners, the last id):
// clients pass it back unchanged and must not build one.
//
// Thread safety: pure functions.

#ifndef PATHRANK_SERVER_API_JSON_HISTORY_H_
#define PATHRANK_SERVER_API_JSON_HISTORY_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "store/learner_store.h"

namespace pathrank::server {

// The cursor continuing after `position` in a listing of `kind` ('e', 'l').
std::string EncodeCursor(char kind, std::string_view position);

// The position of a cursor of `kind`; nullopt when `cursor` is not one
// EncodeCursor wrote for that kind.
std::optional<std::string> DecodeCursor(char kind, std::string_view cursor);

// {"learner", "events": [{"event_id", "item", "mastery", "at", "received_at",
// "id"?}], "next_cursor", "has_more"}. `next_cursor` continues after the
// last event (the request's own cursor, or null, when the page is empty).
std::string RenderEventPage(std::string_view learner_id, std::span<const StoredEvent> events,
                            bool has_more, const std::optional<std::string>& request_cursor);

// {"learners": [{"id", "catalog", "updated_at"}], "next_cursor", "has_more"}.
std::string RenderLearnerPage(std::span<const LearnerSummary> learners, bool has_more,
                              const std::optional<std::string>& request_cursor);

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_API_JSON_HISTORY_H_
