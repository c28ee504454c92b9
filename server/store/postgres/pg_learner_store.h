// PgLearnerStore: the LearnerStore in a PostgreSQL database, shared by any
// number of `pathrank serve` replicas.
//
// A pool of at most `pool_size` libpq connections, each opened on first use
// with every statement prepared once; a connection that was lost is replaced
// on its next use, so the pool reconnects by itself when the server returns.
// Every statement runs under `statement_timeout`, every connection attempt
// under `connect_timeout`: an unreachable database makes a call fail with
// Unavailable within those bounds instead of hanging.
//
// Writes: each call is one READ COMMITTED transaction that first locks the
// learner's row (SELECT ... FOR UPDATE), so the writes of one learner are
// serialised across connections and replicas and the latest-mastery rule is
// the SQLite store's exactly (latest time; ties: the later arrival). Event
// ids are unique per learner (a unique index; INSERT ... ON CONFLICT DO
// NOTHING): the same id twice is stored once whichever replica receives it.
// A batch of events is one statement (arrays through unnest): one round trip.
// An acknowledged write is committed (durable as the server's
// synchronous_commit setting makes it). Reads are one statement, one
// snapshot.
//
// Schema: the shared steps (schema_migrations.h), version recorded in the
// table pathrank_schema; Open() migrates under a transaction-scoped advisory
// lock, so replicas starting at once migrate an empty database once.
//
// Thread safety: as LearnerStore.

#ifndef PATHRANK_SERVER_STORE_POSTGRES_PG_LEARNER_STORE_H_
#define PATHRANK_SERVER_STORE_POSTGRES_PG_LEARNER_STORE_H_

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

#include "ops/config.h"
#include "store/learner_store.h"

namespace pathrank::server {

class PgConnection;  // pg_connection.h: libpq stays out of this header
struct PgOptions;

class PgLearnerStore final : public LearnerStore {
 public:
  // Connects to `config.path` (a postgresql:// URL) and migrates the schema.
  // Unavailable when the server cannot be reached; FailedPrecondition when
  // the database's schema is newer than this build.
  // REQUIRES: config.pool_size >= 1.
  static Result<std::unique_ptr<PgLearnerStore>> Open(const StoreConfig& config);

  ~PgLearnerStore() override;
  PgLearnerStore(const PgLearnerStore&) = delete;
  PgLearnerStore& operator=(const PgLearnerStore&) = delete;

  Result<PutOutcome> PutLearner(std::string_view id, std::string_view catalog,
                                const std::map<std::string, double>& goals) override;
  Result<bool> CreateLearnerIfAbsent(std::string_view id, std::string_view catalog) override;
  Result<LearnerRecord> GetLearner(std::string_view id) override;
  Status DeleteLearner(std::string_view id) override;
  Result<ProgressOutcome> AppendProgress(std::string_view id,
                                         std::span<const ProgressEvent> events) override;
  Result<std::vector<std::string>> ListLearnerIds(std::string_view after, size_t limit) override;
  Result<std::vector<ProgressEvent>> ListProgress(std::string_view id) override;
  Result<std::vector<StoredEvent>> ListEvents(std::string_view id,
                                              const EventQuery& query) override;
  Status DeleteEvent(std::string_view id, int64_t seq) override;
  Result<std::vector<LearnerSummary>> ListLearners(std::string_view after, size_t limit) override;
  Result<int64_t> CountLearners() override;
  // Runs a trivial query on a pooled connection (reconnecting if needed).
  Status Ping() override;
  uint64_t error_count() const override { return errors_.load(std::memory_order_relaxed); }
  bool is_open() const override;
  Status Close() override;

 private:
  class Lease;
  PgLearnerStore();

  // Runs `body` in one transaction on a pooled connection; rolls back when
  // it fails. Counts failures other than NotFound.
  template <typename F>
  Status Transaction(F&& body);
  Status Counted(Status status);

  std::unique_ptr<PgOptions> options_;
  int lease_wait_ms_ = 5000;
  mutable std::shared_mutex open_mu_;  // shared by operations, exclusive by Close()
  bool open_ = false;
  std::mutex pool_mu_;
  std::condition_variable pool_cv_;
  std::vector<std::unique_ptr<PgConnection>> slots_;  // null: not connected
  std::vector<size_t> free_;                          // indexes into slots_
  std::atomic<uint64_t> errors_{0};
};

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_STORE_POSTGRES_PG_LEARNER_STORE_H_
