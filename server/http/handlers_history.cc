// History and listing of stored learners: GET /v1/learners,
// GET /v1/learners/{lid}/events, DELETE /v1/learners/{lid}/events/{eid}.
// Pages are in the store's order (learner ids in byte order, events in
// arrival order) with opaque cursors (api/json_history.h), so a page never
// moves when learners or events are added after it.

#include <httplib.h>

#include <charconv>

#include "api/json_history.h"
#include "http/handlers.h"
#include "http/http_reply.h"
#include "ops/time_format.h"

namespace pathrank::server {

namespace {

constexpr long long kDefaultPage = 100;

// The position of query parameter `cursor` of `kind`, "" when absent;
// answers 400 naming /cursor and returns nullopt when it is not a cursor
// of this listing.
std::optional<std::string> CursorOfQuery(const httplib::Request& req, char kind,
                                         httplib::Response& res) {
  if (!req.has_param("cursor")) return std::string();
  const std::string text = req.get_param_value("cursor");
  if (auto position = DecodeCursor(kind, text)) return position;
  ReplyProblem(res, MakeProblem(ProblemType::kMalformed,
                                "cursor is not a cursor of this listing: pass back the "
                                "next_cursor of an earlier page unchanged",
                                FieldLocation::kQuery, "/cursor", "not a cursor of this listing"));
  return std::nullopt;
}

// Query parameter `name` as an RFC 3339 time; `fallback` when absent.
std::optional<int64_t> QueryTime(const httplib::Request& req, const char* name, int64_t fallback,
                                 httplib::Response& res) {
  if (!req.has_param(name)) return fallback;
  const std::string text = req.get_param_value(name);
  if (auto ms = ParseRfc3339(text)) return *ms;
  ReplyProblem(res,
               MakeProblem(ProblemType::kMalformed,
                           std::string(name) + " must be an RFC 3339 time, got \"" + text + "\"",
                           FieldLocation::kQuery, std::string("/") + name,
                           "must be an RFC 3339 time (2024-05-01T10:00:00Z)"));
  return std::nullopt;
}

std::optional<int64_t> PositiveInteger(std::string_view text) {
  int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

}  // namespace

void HandleListLearners(ServerState& state, const httplib::Request& req, httplib::Response& res) {
  const auto limit = QueryInteger(req, "limit", 1, state.config.limits.max_page, kDefaultPage, res);
  if (!limit) return;
  const std::optional<std::string> after = CursorOfQuery(req, 'l', res);
  if (!after) return;
  // One more than asked tells whether another page exists.
  Result<std::vector<LearnerSummary>> page =
      state.store.ListLearners(*after, static_cast<size_t>(*limit) + 1);
  if (!page) return ReplyStatus(res, page.error(), FieldLocation::kQuery);
  const bool has_more = page->size() > static_cast<size_t>(*limit);
  if (has_more) page->pop_back();
  std::optional<std::string> request_cursor;
  if (req.has_param("cursor")) request_cursor = req.get_param_value("cursor");
  ReplyJson(res, 200, RenderLearnerPage(*page, has_more, request_cursor));
}

void HandleListEvents(ServerState& state, const httplib::Request& req, httplib::Response& res) {
  const auto limit = QueryInteger(req, "limit", 1, state.config.limits.max_page, kDefaultPage, res);
  if (!limit) return;
  const std::optional<std::string> after = CursorOfQuery(req, 'e', res);
  if (!after) return;
  EventQuery query;
  if (!after->empty()) {
    const std::optional<int64_t> seq = PositiveInteger(*after);
    if (!seq) {
      return ReplyProblem(res, MakeProblem(ProblemType::kMalformed, "cursor is damaged",
                                           FieldLocation::kQuery, "/cursor", "damaged cursor"));
    }
    query.after_seq = *seq;
  }
  const auto from = QueryTime(req, "from", query.from_ms, res);
  if (!from) return;
  const auto to = QueryTime(req, "to", query.to_ms, res);
  if (!to) return;
  if (*from >= *to) {
    return ReplyProblem(res, MakeProblem(ProblemType::kInvalid,
                                         "to must be later than from (the range is [from, to))",
                                         FieldLocation::kQuery, "/to", "must be later than from"));
  }
  query.from_ms = *from;
  query.to_ms = *to;
  query.limit = static_cast<size_t>(*limit) + 1;
  std::optional<std::string> lid = SlugOfPath(req, 1, "lid", res);
  if (!lid) return;
  Result<std::vector<StoredEvent>> page = state.store.ListEvents(*lid, query);
  if (!page) {
    Status status = page.error();
    return ReplyStatus(res, status.AddField("/lid", "unknown learner"), FieldLocation::kPath);
  }
  const bool has_more = page->size() > static_cast<size_t>(*limit);
  if (has_more) page->pop_back();
  std::optional<std::string> request_cursor;
  if (req.has_param("cursor")) request_cursor = req.get_param_value("cursor");
  ReplyJson(res, 200, RenderEventPage(*lid, *page, has_more, request_cursor));
}

void HandleDeleteEvent(ServerState& state, const httplib::Request& req, httplib::Response& res) {
  std::optional<std::string> lid = SlugOfPath(req, 1, "lid", res);
  if (!lid) return;
  const std::string eid_text = req.matches.size() > 2 ? req.matches[2].str() : "";
  const std::optional<int64_t> eid = PositiveInteger(eid_text);
  if (!eid) {
    return ReplyProblem(res,
                        MakeProblem(ProblemType::kMalformed,
                                    "eid must be an event id (a positive integer, the event_id of "
                                    "GET /v1/learners/{lid}/events), got \"" +
                                        eid_text + "\"",
                                    FieldLocation::kPath, "/eid", "must be a positive integer"));
  }
  Status deleted = state.store.DeleteEvent(*lid, *eid);
  if (!deleted.ok()) {
    // NotFound names the learner or the event; the message says which.
    const bool no_learner = deleted.message().find("does not exist") != std::string::npos;
    return ReplyStatus(res,
                       deleted.AddField(no_learner ? "/lid" : "/eid",
                                        no_learner ? "unknown learner" : "unknown event"),
                       FieldLocation::kPath);
  }
  res.status = 204;
}

}  // namespace pathrank::server
