// SqliteLearnerStore: the LearnerStore in one SQLite file.
//
// WAL journal (readers never wait for the writer), the shared schema steps
// (schema_migrations.h) with the version in `PRAGMA user_version`, every statement prepared once
// per connection with bound parameters, a busy timeout for other processes holding the lock. Writes
// go through one connection under a mutex, each operation in one IMMEDIATE transaction; reads use a
// small pool of connections, each read in one snapshot. With synchronous=FULL a commit is on disk
// before it is acknowledged; with NORMAL it survives a crash of the process (kill -9) but not of
// the machine.
//
// Tables (schema version 2): learners, learner_goals, progress_events
// (append-only but for DeleteEvent, unique (learner, event_key), seq never
// reused), mastery (current value per (learner, item)).
//
// Thread safety: as LearnerStore.

#ifndef PATHRANK_SERVER_STORE_SQLITE_SQLITE_LEARNER_STORE_H_
#define PATHRANK_SERVER_STORE_SQLITE_SQLITE_LEARNER_STORE_H_

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

#include "ops/config.h"
#include "store/learner_store.h"
#include "store/schema_migrations.h"

namespace pathrank::server {

class SqliteLearnerStore final : public LearnerStore {
 public:
  // The schema version this build creates and reads.
  static constexpr int kSchemaVersion = kLearnerSchemaVersion;

  // Opens (creating if needed) the database at `config.path` and migrates it
  // to kSchemaVersion. Fails with Unavailable when the file cannot be opened,
  // FailedPrecondition when its schema is newer than this build.
  static Result<std::unique_ptr<SqliteLearnerStore>> Open(const StoreConfig& config);

  ~SqliteLearnerStore() override;
  SqliteLearnerStore(const SqliteLearnerStore&) = delete;
  SqliteLearnerStore& operator=(const SqliteLearnerStore&) = delete;

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
  uint64_t error_count() const override { return errors_.load(std::memory_order_relaxed); }
  // SQLite's heap in use (sqlite3_memory_used): every connection's page
  // cache, at most `cache_size` pages each, plus schemas and statements.
  int64_t memory_bytes() const override;
  bool is_open() const override;
  Status Close() override;

  // The result of `PRAGMA integrity_check`: "ok" when the file is sound.
  Result<std::string> IntegrityCheck();
  // `PRAGMA synchronous` as the writing connection (the one that commits)
  // reads it back: 2 for FULL, 1 for NORMAL (StoreConfig::synchronous_full).
  Result<int> SynchronousMode();

 private:
  class Connection;
  SqliteLearnerStore() = default;

  // A reader connection borrowed from the pool for one call.
  class ReaderLease;

  template <typename T>
  T Counted(T result);

  std::string path_;
  mutable std::shared_mutex open_mu_;  // shared by operations, exclusive by Close()
  bool open_ = false;
  std::mutex writer_mu_;
  std::unique_ptr<Connection> writer_;
  std::mutex readers_mu_;
  std::condition_variable readers_cv_;
  std::vector<std::unique_ptr<Connection>> readers_;
  std::vector<Connection*> free_readers_;
  std::atomic<uint64_t> errors_{0};
};

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_STORE_SQLITE_SQLITE_LEARNER_STORE_H_
