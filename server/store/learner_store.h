// LearnerStore: where the server keeps learners, their goals and progress.
//
// A learner belongs to one catalog and has goals (goal id -> weight). Progress
// arrives as events (item, mastery, time, optional idempotency key); the
// store appends every event and keeps the current mastery per item — the
// value of the event with the latest time (ties: the later arrival) — updated
// in the same transaction. An event whose key the learner already used is a
// duplicate: neither appended nor applied. A write the store acknowledged
// (returned OK) survives a crash of the process.
//
// The store does not know the catalog: callers validate items and goals
// first. Implementations: SqliteLearnerStore (one file, one process) and
// PgLearnerStore (PostgreSQL, shared by several stateless replicas); pick one
// with OpenLearnerStore (open_learner_store.h).
//
// Thread safety: every method may be called concurrently from any number of
// threads.

#ifndef PATHRANK_SERVER_STORE_LEARNER_STORE_H_
#define PATHRANK_SERVER_STORE_LEARNER_STORE_H_

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "pathrank/status.h"

namespace pathrank::server {

struct LearnerRecord {
  std::string id;
  std::string catalog;
  std::map<std::string, double> goals;    // goal id -> weight
  std::map<std::string, double> mastery;  // item id -> current mastery
  // Items of the most recent progress, newest first (at most 16).
  std::vector<std::string> recent;
  int64_t created_ms = 0;  // milliseconds since the Unix epoch
  int64_t updated_ms = 0;  // last PUT or accepted progress
};

struct ProgressEvent {
  std::string item;
  double mastery = 0;  // in [0, 1]
  int64_t at_ms = 0;   // when it was learned, milliseconds since the epoch
  std::string key;     // idempotency key; "" for none
};

struct ProgressOutcome {
  size_t accepted = 0;
  size_t duplicates = 0;
};

enum class PutOutcome { kCreated, kUpdated };

// History and listing (GET /v1/learners/{lid}/events, GET /v1/learners).

// One stored progress event with the store's id for it: `seq` grows with
// arrival (across learners), so a page ordered by it never moves when
// events arrive later.
struct StoredEvent {
  int64_t seq = 0;
  ProgressEvent event;
  int64_t received_ms = 0;  // when the store accepted it
};

// Which events a page of ListEvents holds: seq > after_seq, at_ms in
// [from_ms, to_ms), at most `limit`, in seq order.
struct EventQuery {
  int64_t after_seq = 0;
  int64_t from_ms = INT64_MIN;
  int64_t to_ms = INT64_MAX;
  size_t limit = 100;
};

struct LearnerSummary {
  std::string id;
  std::string catalog;
  int64_t updated_ms = 0;
};

class LearnerStore {
 public:
  virtual ~LearnerStore() = default;

  // Creates learner `id` or replaces its catalog and goals (mastery is kept).
  virtual Result<PutOutcome> PutLearner(std::string_view id, std::string_view catalog,
                                        const std::map<std::string, double>& goals) = 0;

  // Creates learner `id` of `catalog` without goals when it does not exist;
  // leaves an existing learner untouched. True when it was created.
  virtual Result<bool> CreateLearnerIfAbsent(std::string_view id, std::string_view catalog) = 0;

  // The learner; NotFound when absent.
  virtual Result<LearnerRecord> GetLearner(std::string_view id) = 0;

  // Removes the learner and every row about it (goals, events, mastery).
  // NotFound when absent.
  virtual Status DeleteLearner(std::string_view id) = 0;

  // Appends `events` in one transaction: all or none. NotFound when the
  // learner is absent.
  virtual Result<ProgressOutcome> AppendProgress(std::string_view id,
                                                 std::span<const ProgressEvent> events) = 0;

  // Ids of stored learners after `after` ("" for the first) in byte order,
  // at most `limit`: pages for copying a store.
  virtual Result<std::vector<std::string>> ListLearnerIds(std::string_view after, size_t limit) = 0;

  // Every progress event of learner `id` in arrival order, with its key (""
  // when it had none). NotFound when the learner is absent.
  virtual Result<std::vector<ProgressEvent>> ListProgress(std::string_view id) = 0;

  // A page of learner `id`'s events (see EventQuery). NotFound when the
  // learner is absent.
  virtual Result<std::vector<StoredEvent>> ListEvents(std::string_view id,
                                                      const EventQuery& query) = 0;

  // Removes event `seq` of learner `id` and recomputes the current mastery
  // of its item from the events left (none left: the item has no mastery);
  // updated_ms becomes now. Its idempotency key is free again. NotFound
  // when the learner or the event (of this learner) is absent.
  virtual Status DeleteEvent(std::string_view id, int64_t seq) = 0;

  // Learners with an id after `after` ("" for the first) in byte order, at
  // most `limit`, with their catalog and last update.
  virtual Result<std::vector<LearnerSummary>> ListLearners(std::string_view after,
                                                           size_t limit) = 0;

  // How many learners are stored.
  virtual Result<int64_t> CountLearners() = 0;

  // Whether the store can answer now (for /readyz): Ok, or Unavailable with
  // the reason. A shared database is asked; a file store only checks it is
  // open.
  virtual Status Ping() {
    return is_open() ? Status::Ok() : Status::Unavailable("the learner store is not open");
  }

  // Failed operations so far (NotFound excluded): for the metrics.
  virtual uint64_t error_count() const = 0;

  // Bytes of this process's memory the store's library holds now (page
  // caches, prepared statements): for the metrics, so that a soak can tell a
  // cache filling up to its bound from a leak. -1 when the store cannot tell
  // (a database server's memory is its own).
  virtual int64_t memory_bytes() const { return -1; }

  // True until Close().
  virtual bool is_open() const = 0;

  // Waits for operations in progress, then closes; later calls fail with
  // Unavailable.
  virtual Status Close() = 0;
};

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_STORE_LEARNER_STORE_H_
