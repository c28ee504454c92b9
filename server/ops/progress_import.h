// ImportProgress: progress events read by a data-source plugin (an LRS's
// xAPI statements, say) written into the learner store.
//
// Every event is checked first: its learner id, its item (an id of the
// catalog the source feeds), its time (RFC 3339, or absent: the import's
// time; within the API's clock-skew rule) and the learner's catalog. With `drop_invalid` false (the
// default, "on_invalid": "fail") one bad event fails the import naming every bad event and nothing
// is written; with it true each bad event is dropped with one line in `dropped` and the rest is
// written.
//
// Learner ids: an id that is a slug (API.md) is kept; any other (an xAPI
// "mailto:ada@example.org") is mapped to a slug, StoredLearnerId below, so
// that the learner is reachable at /v1/learners/{lid}. Learners the store
// does not know are created for the source's catalog without goals (unless
// `create_learners` is false: then their events are invalid).
//
// Idempotency: an event's own id (an xAPI statement id) is its idempotency
// key; an event without one gets a key derived from the source name and its
// learner, item, mastery and time. Importing the same events again therefore
// accepts nothing new (every event is a duplicate), so an import that
// stopped half way (one transaction per learner) is completed by running it
// again.
//
// Thread safety: a free function; the store is thread-safe.

#ifndef PATHRANK_SERVER_OPS_PROGRESS_IMPORT_H_
#define PATHRANK_SERVER_OPS_PROGRESS_IMPORT_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/plugin_host.h"
#include "pathrank/status.h"
#include "store/learner_store.h"

namespace pathrank::server {

struct ProgressImportOptions {
  std::string source = "import";  // names the source in derived keys and messages
  // The catalog id learners are stored with: the id the catalog is served
  // under; "" = the catalog's own id.
  std::string catalog_id;
  bool drop_invalid = false;    // "on_invalid": "drop"
  bool create_learners = true;  // create learners the store does not know
  bool dry_run = false;         // check and count, write nothing
  // An event time later than now plus this, or before 2000, is invalid: the
  // same rule as the API's (limits.max_clock_skew_s; EventTimeProblem).
  int max_clock_skew_s = 300;
};

struct ProgressImportReport {
  size_t events = 0;            // handed over by the plugin
  size_t learners = 0;          // distinct learners among the written events
  size_t learners_created = 0;  // of those, created by this import (or that would be: dry run)
  size_t accepted = 0;          // events applied (dry run: events that would be offered)
  size_t duplicates = 0;        // events whose key was already used
  // One line per dropped event: "event 3 (learner ada, item go-basics): ...".
  std::vector<std::string> dropped;
};

// The learner id under which the store keeps a source's learner `id`: `id`
// itself when it is a slug; otherwise its lower-cased characters with every
// run of characters outside [a-z0-9._-] turned into '-', cut to 100
// characters, then '-' and the first 12 hex digits of SHA-256(id), e.g.
// "mailto:Ada@Example.org" -> "mailto-ada-example.org-3f1c...".
std::string StoredLearnerId(std::string_view id);

// Checks `events` against `catalog` and the store and writes them (see the
// file comment). Fails with InvalidArgument naming every bad event (field
// errors point at "/events/<index>/<field>"), or with the store's error.
// `now_ms` stamps events without a time.
Result<ProgressImportReport> ImportProgress(std::span<const pathrank::ProgressEvent> events,
                                            const Catalog& catalog, LearnerStore& store,
                                            const ProgressImportOptions& options, int64_t now_ms);

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_OPS_PROGRESS_IMPORT_H_
