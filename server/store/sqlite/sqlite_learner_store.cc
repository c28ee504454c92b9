// One file for the one Connection (every statement listed once, in
// Prepare) and every operation on it: over 400 lines (history and listing
// added ~130).

#include "store/sqlite/sqlite_learner_store.h"

#include <chrono>
#include <cstdlib>

#include "store/schema_migrations.h"
#include "store/sqlite/sqlite_db.h"

namespace pathrank::server {

namespace {

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Applies the shared schema steps (schema_migrations.h) the file lacks, each
// in one IMMEDIATE transaction; the version is kept in `PRAGMA user_version`.
Status Migrate(Db& db, const std::string& path) {
  Result<std::string> version_text = db.QueryText("PRAGMA user_version");
  if (!version_text) return version_text.error();
  const int version = std::stoi(version_text->empty() ? "0" : *version_text);
  if (version > kLearnerSchemaVersion) return NewerSchemaError(version, path);
  for (const SchemaStep& step : SchemaSteps()) {
    if (step.version <= version) continue;
    PATHRANK_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
    Status status = db.Exec(step.sqlite);
    if (status.ok()) status = db.Exec("PRAGMA user_version = " + std::to_string(step.version));
    if (status.ok()) status = db.Exec("COMMIT");
    if (!status.ok()) {
      (void)db.Exec("ROLLBACK");
      return status.WithPrefix("migrating the learner store to version " +
                               std::to_string(step.version));
    }
  }
  return Status::Ok();
}

}  // namespace

// One connection with every statement the store runs, prepared once.
class SqliteLearnerStore::Connection {
 public:
  Db db;
  Statement begin_write, begin_read, commit, rollback;
  Statement learner_row, insert_learner, update_learner, touch_learner;
  Statement delete_goals, insert_goal, select_goals;
  Statement insert_event, upsert_mastery, select_mastery, select_recent;
  Statement delete_learner, delete_events, delete_mastery, count_learners;
  Statement list_learners, list_events;
  // History and listing.
  Statement list_events_page, event_item, delete_event, latest_event, replace_mastery,
      delete_item_mastery, list_summaries;

  Status Open(const StoreConfig& config) {
    PATHRANK_RETURN_IF_ERROR(db.Open(config.path, config.busy_timeout_ms));
    PATHRANK_RETURN_IF_ERROR(db.Exec("PRAGMA journal_mode = WAL"));
    PATHRANK_RETURN_IF_ERROR(db.Exec(config.synchronous_full ? "PRAGMA synchronous = FULL"
                                                             : "PRAGMA synchronous = NORMAL"));
    return Status::Ok();
  }

  Status Prepare() {
    const std::pair<Statement*, const char*> statements[] = {
        {&begin_write, "BEGIN IMMEDIATE"},
        {&begin_read, "BEGIN"},
        {&commit, "COMMIT"},
        {&rollback, "ROLLBACK"},
        {&learner_row, "SELECT catalog, created_ms, updated_ms FROM learners WHERE id = ?1"},
        {&insert_learner,
         "INSERT INTO learners(id, catalog, created_ms, updated_ms) VALUES(?1, ?2, ?3, ?3)"},
        {&update_learner, "UPDATE learners SET catalog = ?2, updated_ms = ?3 WHERE id = ?1"},
        {&touch_learner, "UPDATE learners SET updated_ms = ?2 WHERE id = ?1"},
        {&delete_goals, "DELETE FROM learner_goals WHERE learner = ?1"},
        {&insert_goal, "INSERT INTO learner_goals(learner, goal, weight) VALUES(?1, ?2, ?3)"},
        {&select_goals, "SELECT goal, weight FROM learner_goals WHERE learner = ?1"},
        {&insert_event,
         "INSERT OR IGNORE INTO progress_events(learner, event_key, item, mastery, at_ms, "
         "received_ms) VALUES(?1, ?2, ?3, ?4, ?5, ?6)"},
        {&upsert_mastery,
         "INSERT INTO mastery(learner, item, value, at_ms, seq) VALUES(?1, ?2, ?3, ?4, ?5) "
         "ON CONFLICT(learner, item) DO UPDATE SET value = excluded.value, "
         "at_ms = excluded.at_ms, seq = excluded.seq WHERE excluded.at_ms >= mastery.at_ms"},
        {&select_mastery, "SELECT item, value FROM mastery WHERE learner = ?1"},
        {&select_recent,
         "SELECT item FROM mastery WHERE learner = ?1 ORDER BY at_ms DESC, seq DESC LIMIT 16"},
        {&delete_learner, "DELETE FROM learners WHERE id = ?1"},
        {&delete_events, "DELETE FROM progress_events WHERE learner = ?1"},
        {&delete_mastery, "DELETE FROM mastery WHERE learner = ?1"},
        {&count_learners, "SELECT count(*) FROM learners"},
        {&list_learners, "SELECT id FROM learners WHERE id > ?1 ORDER BY id LIMIT ?2"},
        {&list_events,
         "SELECT coalesce(event_key, ''), item, mastery, at_ms FROM progress_events "
         "WHERE learner = ?1 ORDER BY seq"},
        {&list_events_page,
         "SELECT seq, coalesce(event_key, ''), item, mastery, at_ms, received_ms "
         "FROM progress_events WHERE learner = ?1 AND seq > ?2 AND at_ms >= ?3 AND at_ms < ?4 "
         "ORDER BY seq LIMIT ?5"},
        {&event_item, "SELECT item FROM progress_events WHERE learner = ?1 AND seq = ?2"},
        {&delete_event, "DELETE FROM progress_events WHERE learner = ?1 AND seq = ?2"},
        {&latest_event,
         "SELECT mastery, at_ms, seq FROM progress_events WHERE learner = ?1 AND item = ?2 "
         "ORDER BY at_ms DESC, seq DESC LIMIT 1"},
        {&replace_mastery,
         "INSERT OR REPLACE INTO mastery(learner, item, value, at_ms, seq) "
         "VALUES(?1, ?2, ?3, ?4, ?5)"},
        {&delete_item_mastery, "DELETE FROM mastery WHERE learner = ?1 AND item = ?2"},
        {&list_summaries,
         "SELECT id, catalog, updated_ms FROM learners WHERE id > ?1 ORDER BY id LIMIT ?2"},
    };
    for (const auto& [statement, sql] : statements) {
      PATHRANK_RETURN_IF_ERROR(statement->Prepare(db.get(), sql));
    }
    return Status::Ok();
  }

  // Runs a statement expected to finish without rows.
  Status Run(Statement& s) {
    Statement::Use use(s);
    const int rc = s.Step();
    if (rc != SQLITE_DONE) return SqliteError(db.get(), rc, s.sql());
    return Status::Ok();
  }

  // Runs `body` inside `begin`..COMMIT; rolls back when it fails.
  template <typename F>
  Status Transaction(Statement& begin, F&& body) {
    PATHRANK_RETURN_IF_ERROR(Run(begin));
    Status status = body();
    if (status.ok()) status = Run(commit);
    if (!status.ok() && !sqlite3_get_autocommit(db.get())) (void)Run(rollback);
    return status;
  }

  // Whether learner `id` exists (inside a transaction).
  Result<bool> Exists(std::string_view id) {
    Statement::Use use(learner_row);
    learner_row.Bind(1, id);
    const int rc = learner_row.Step();
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return SqliteError(db.get(), rc, learner_row.sql());
  }
};

class SqliteLearnerStore::ReaderLease {
 public:
  explicit ReaderLease(SqliteLearnerStore& store) : store_(store) {
    std::unique_lock lock(store_.readers_mu_);
    store_.readers_cv_.wait(lock, [&] { return !store_.free_readers_.empty(); });
    connection_ = store_.free_readers_.back();
    store_.free_readers_.pop_back();
  }
  ~ReaderLease() {
    {
      std::lock_guard lock(store_.readers_mu_);
      store_.free_readers_.push_back(connection_);
    }
    store_.readers_cv_.notify_one();
  }
  ReaderLease(const ReaderLease&) = delete;
  ReaderLease& operator=(const ReaderLease&) = delete;
  Connection& operator*() { return *connection_; }
  Connection* operator->() { return connection_; }

 private:
  SqliteLearnerStore& store_;
  Connection* connection_;
};

Result<std::unique_ptr<SqliteLearnerStore>> SqliteLearnerStore::Open(const StoreConfig& config) {
  std::unique_ptr<SqliteLearnerStore> store(new SqliteLearnerStore());
  store->path_ = config.path;
  store->writer_ = std::make_unique<Connection>();
  PATHRANK_RETURN_IF_ERROR(store->writer_->Open(config));
  PATHRANK_RETURN_IF_ERROR(Migrate(store->writer_->db, config.path));
  PATHRANK_RETURN_IF_ERROR(store->writer_->Prepare());
  for (int i = 0; i < config.readers; ++i) {
    auto reader = std::make_unique<Connection>();
    PATHRANK_RETURN_IF_ERROR(reader->Open(config));
    PATHRANK_RETURN_IF_ERROR(reader->Prepare());
    store->free_readers_.push_back(reader.get());
    store->readers_.push_back(std::move(reader));
  }
  store->open_ = true;
  return store;
}

SqliteLearnerStore::~SqliteLearnerStore() { (void)Close(); }

template <typename T>
T SqliteLearnerStore::Counted(T result) {
  Status status;
  if constexpr (std::is_same_v<T, Status>) {
    status = result;
  } else {
    status = result.status();
  }
  if (!status.ok() && status.code() != StatusCode::kNotFound) {
    errors_.fetch_add(1, std::memory_order_relaxed);
  }
  return result;
}

namespace {
Status Closed() { return Status::Unavailable("the learner store is closed"); }
Status NoLearner(std::string_view id) {
  return Status::NotFound("learner \"" + std::string(id) + "\" does not exist");
}
}  // namespace

Result<PutOutcome> SqliteLearnerStore::PutLearner(std::string_view id, std::string_view catalog,
                                                  const std::map<std::string, double>& goals) {
  std::shared_lock open(open_mu_);
  if (!open_) return Counted(Result<PutOutcome>(Closed()));
  std::lock_guard lock(writer_mu_);
  Connection& c = *writer_;
  PutOutcome outcome = PutOutcome::kCreated;
  Status status = c.Transaction(c.begin_write, [&]() -> Status {
    Result<bool> exists = c.Exists(id);
    if (!exists) return exists.error();
    Statement& upsert = *exists ? c.update_learner : c.insert_learner;
    outcome = *exists ? PutOutcome::kUpdated : PutOutcome::kCreated;
    {
      Statement::Use use(upsert);
      upsert.Bind(1, id);
      upsert.Bind(2, catalog);
      upsert.Bind(3, NowMs());
      const int rc = upsert.Step();
      if (rc != SQLITE_DONE) return SqliteError(c.db.get(), rc, upsert.sql());
    }
    c.delete_goals.Bind(1, id);
    PATHRANK_RETURN_IF_ERROR(c.Run(c.delete_goals));
    for (const auto& [goal, weight] : goals) {
      c.insert_goal.Bind(1, id);
      c.insert_goal.Bind(2, goal);
      c.insert_goal.Bind(3, weight);
      PATHRANK_RETURN_IF_ERROR(c.Run(c.insert_goal));
    }
    return Status::Ok();
  });
  if (!status.ok()) return Counted(Result<PutOutcome>(status));
  return outcome;
}

Result<bool> SqliteLearnerStore::CreateLearnerIfAbsent(std::string_view id,
                                                       std::string_view catalog) {
  std::shared_lock open(open_mu_);
  if (!open_) return Counted(Result<bool>(Closed()));
  std::lock_guard lock(writer_mu_);
  Connection& c = *writer_;
  bool created = false;
  Status status = c.Transaction(c.begin_write, [&]() -> Status {
    Result<bool> exists = c.Exists(id);
    if (!exists) return exists.error();
    if (*exists) return Status::Ok();
    Statement::Use use(c.insert_learner);
    c.insert_learner.Bind(1, id);
    c.insert_learner.Bind(2, catalog);
    c.insert_learner.Bind(3, NowMs());
    const int rc = c.insert_learner.Step();
    if (rc != SQLITE_DONE) return SqliteError(c.db.get(), rc, c.insert_learner.sql());
    created = true;
    return Status::Ok();
  });
  if (!status.ok()) return Counted(Result<bool>(status));
  return created;
}

Result<LearnerRecord> SqliteLearnerStore::GetLearner(std::string_view id) {
  std::shared_lock open(open_mu_);
  if (!open_) return Counted(Result<LearnerRecord>(Closed()));
  ReaderLease c(*this);
  LearnerRecord record;
  record.id = std::string(id);
  Status status = c->Transaction(c->begin_read, [&]() -> Status {
    {
      Statement& s = c->learner_row;
      Statement::Use use(s);
      s.Bind(1, id);
      const int rc = s.Step();
      if (rc == SQLITE_DONE) return NoLearner(id);
      if (rc != SQLITE_ROW) return SqliteError(c->db.get(), rc, s.sql());
      record.catalog = std::string(s.Text(0));
      record.created_ms = s.Int64(1);
      record.updated_ms = s.Int64(2);
    }
    const std::pair<Statement*, std::map<std::string, double>*> maps[] = {
        {&c->select_goals, &record.goals}, {&c->select_mastery, &record.mastery}};
    for (const auto& [s, out] : maps) {
      Statement::Use use(*s);
      s->Bind(1, id);
      int rc;
      while ((rc = s->Step()) == SQLITE_ROW) out->emplace(std::string(s->Text(0)), s->Double(1));
      if (rc != SQLITE_DONE) return SqliteError(c->db.get(), rc, s->sql());
    }
    Statement& s = c->select_recent;
    Statement::Use use(s);
    s.Bind(1, id);
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) record.recent.emplace_back(s.Text(0));
    if (rc != SQLITE_DONE) return SqliteError(c->db.get(), rc, s.sql());
    return Status::Ok();
  });
  if (!status.ok()) return Counted(Result<LearnerRecord>(status));
  return record;
}

Status SqliteLearnerStore::DeleteLearner(std::string_view id) {
  std::shared_lock open(open_mu_);
  if (!open_) return Counted(Closed());
  std::lock_guard lock(writer_mu_);
  Connection& c = *writer_;
  return Counted(c.Transaction(c.begin_write, [&]() -> Status {
    Result<bool> exists = c.Exists(id);
    if (!exists) return exists.error();
    if (!*exists) return NoLearner(id);
    for (Statement* s : {&c.delete_events, &c.delete_mastery, &c.delete_goals, &c.delete_learner}) {
      s->Bind(1, id);
      PATHRANK_RETURN_IF_ERROR(c.Run(*s));
    }
    return Status::Ok();
  }));
}

Result<ProgressOutcome> SqliteLearnerStore::AppendProgress(std::string_view id,
                                                           std::span<const ProgressEvent> events) {
  std::shared_lock open(open_mu_);
  if (!open_) return Counted(Result<ProgressOutcome>(Closed()));
  std::lock_guard lock(writer_mu_);
  Connection& c = *writer_;
  ProgressOutcome outcome;
  const int64_t now = NowMs();
  Status status = c.Transaction(c.begin_write, [&]() -> Status {
    Result<bool> exists = c.Exists(id);
    if (!exists) return exists.error();
    if (!*exists) return NoLearner(id);
    for (const ProgressEvent& e : events) {
      Statement& insert = c.insert_event;
      insert.Bind(1, id);
      insert.Bind(2, e.key, /*empty_is_null=*/true);
      insert.Bind(3, e.item);
      insert.Bind(4, e.mastery);
      insert.Bind(5, e.at_ms);
      insert.Bind(6, now);
      PATHRANK_RETURN_IF_ERROR(c.Run(insert));
      if (sqlite3_changes(c.db.get()) == 0) {
        ++outcome.duplicates;
        continue;
      }
      ++outcome.accepted;
      Statement& upsert = c.upsert_mastery;
      upsert.Bind(1, id);
      upsert.Bind(2, e.item);
      upsert.Bind(3, e.mastery);
      upsert.Bind(4, e.at_ms);
      upsert.Bind(5, static_cast<int64_t>(sqlite3_last_insert_rowid(c.db.get())));
      PATHRANK_RETURN_IF_ERROR(c.Run(upsert));
    }
    if (outcome.accepted > 0) {
      c.touch_learner.Bind(1, id);
      c.touch_learner.Bind(2, now);
      PATHRANK_RETURN_IF_ERROR(c.Run(c.touch_learner));
    }
    return Status::Ok();
  });
  if (!status.ok()) return Counted(Result<ProgressOutcome>(status));
  return outcome;
}

Result<int64_t> SqliteLearnerStore::CountLearners() {
  std::shared_lock open(open_mu_);
  if (!open_) return Counted(Result<int64_t>(Closed()));
  ReaderLease c(*this);
  Statement& s = c->count_learners;
  Statement::Use use(s);
  const int rc = s.Step();
  if (rc != SQLITE_ROW) return Counted(Result<int64_t>(SqliteError(c->db.get(), rc, s.sql())));
  return s.Int64(0);
}

int64_t SqliteLearnerStore::memory_bytes() const {
  // Process-wide: every SQLite connection of the process counts, which in
  // `pathrank serve` are this store's.
  return sqlite3_memory_used();
}

Result<std::vector<std::string>> SqliteLearnerStore::ListLearnerIds(std::string_view after,
                                                                    size_t limit) {
  std::shared_lock open(open_mu_);
  if (!open_) return Counted(Result<std::vector<std::string>>(Closed()));
  ReaderLease c(*this);
  Statement& s = c->list_learners;
  Statement::Use use(s);
  s.Bind(1, after);
  s.Bind(2, static_cast<int64_t>(limit));
  std::vector<std::string> ids;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) ids.emplace_back(s.Text(0));
  if (rc != SQLITE_DONE)
    return Counted(Result<std::vector<std::string>>(SqliteError(c->db.get(), rc, s.sql())));
  return ids;
}

Result<std::vector<ProgressEvent>> SqliteLearnerStore::ListProgress(std::string_view id) {
  std::shared_lock open(open_mu_);
  if (!open_) return Counted(Result<std::vector<ProgressEvent>>(Closed()));
  ReaderLease c(*this);
  std::vector<ProgressEvent> events;
  Status status = c->Transaction(c->begin_read, [&]() -> Status {
    Result<bool> exists = c->Exists(id);
    if (!exists) return exists.error();
    if (!*exists) return NoLearner(id);
    Statement& s = c->list_events;
    Statement::Use use(s);
    s.Bind(1, id);
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      events.push_back({std::string(s.Text(1)), s.Double(2), s.Int64(3), std::string(s.Text(0))});
    }
    return rc == SQLITE_DONE ? Status::Ok() : SqliteError(c->db.get(), rc, s.sql());
  });
  if (!status.ok()) return Counted(Result<std::vector<ProgressEvent>>(status));
  return events;
}

Result<std::vector<StoredEvent>> SqliteLearnerStore::ListEvents(std::string_view id,
                                                                const EventQuery& query) {
  std::shared_lock open(open_mu_);
  if (!open_) return Counted(Result<std::vector<StoredEvent>>(Closed()));
  ReaderLease c(*this);
  std::vector<StoredEvent> events;
  Status status = c->Transaction(c->begin_read, [&]() -> Status {
    Result<bool> exists = c->Exists(id);
    if (!exists) return exists.error();
    if (!*exists) return NoLearner(id);
    Statement& s = c->list_events_page;
    Statement::Use use(s);
    s.Bind(1, id);
    s.Bind(2, query.after_seq);
    s.Bind(3, query.from_ms);
    s.Bind(4, query.to_ms);
    s.Bind(5, static_cast<int64_t>(query.limit));
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      events.push_back({s.Int64(0),
                        {std::string(s.Text(2)), s.Double(3), s.Int64(4), std::string(s.Text(1))},
                        s.Int64(5)});
    }
    return rc == SQLITE_DONE ? Status::Ok() : SqliteError(c->db.get(), rc, s.sql());
  });
  if (!status.ok()) return Counted(Result<std::vector<StoredEvent>>(status));
  return events;
}

// Deletes the event, then sets the item's mastery from the latest event
// left (or removes it), in one write transaction.
Status SqliteLearnerStore::DeleteEvent(std::string_view id, int64_t seq) {
  std::shared_lock open(open_mu_);
  if (!open_) return Counted(Closed());
  std::lock_guard lock(writer_mu_);
  Connection& c = *writer_;
  return Counted(c.Transaction(c.begin_write, [&]() -> Status {
    Result<bool> exists = c.Exists(id);
    if (!exists) return exists.error();
    if (!*exists) return NoLearner(id);
    std::string item;
    {
      Statement::Use use(c.event_item);
      c.event_item.Bind(1, id);
      c.event_item.Bind(2, seq);
      const int rc = c.event_item.Step();
      if (rc == SQLITE_DONE) {
        return Status::NotFound("learner \"" + std::string(id) + "\" has no event " +
                                std::to_string(seq));
      }
      if (rc != SQLITE_ROW) return SqliteError(c.db.get(), rc, c.event_item.sql());
      item = c.event_item.Text(0);
    }
    c.delete_event.Bind(1, id);
    c.delete_event.Bind(2, seq);
    PATHRANK_RETURN_IF_ERROR(c.Run(c.delete_event));
    double value = 0;
    int64_t at_ms = 0, latest_seq = 0;
    bool left = false;
    {
      Statement::Use use(c.latest_event);
      c.latest_event.Bind(1, id);
      c.latest_event.Bind(2, item);
      const int rc = c.latest_event.Step();
      if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        return SqliteError(c.db.get(), rc, c.latest_event.sql());
      }
      if ((left = rc == SQLITE_ROW)) {
        value = c.latest_event.Double(0);
        at_ms = c.latest_event.Int64(1);
        latest_seq = c.latest_event.Int64(2);
      }
    }
    Statement& set = left ? c.replace_mastery : c.delete_item_mastery;
    set.Bind(1, id);
    set.Bind(2, item);
    if (left) {
      set.Bind(3, value);
      set.Bind(4, at_ms);
      set.Bind(5, latest_seq);
    }
    PATHRANK_RETURN_IF_ERROR(c.Run(set));
    c.touch_learner.Bind(1, id);
    c.touch_learner.Bind(2, NowMs());
    return c.Run(c.touch_learner);
  }));
}

Result<std::vector<LearnerSummary>> SqliteLearnerStore::ListLearners(std::string_view after,
                                                                     size_t limit) {
  std::shared_lock open(open_mu_);
  if (!open_) return Counted(Result<std::vector<LearnerSummary>>(Closed()));
  ReaderLease c(*this);
  Statement& s = c->list_summaries;
  Statement::Use use(s);
  s.Bind(1, after);
  s.Bind(2, static_cast<int64_t>(limit));
  std::vector<LearnerSummary> learners;
  int rc;
  while ((rc = s.Step()) == SQLITE_ROW) {
    learners.push_back({std::string(s.Text(0)), std::string(s.Text(1)), s.Int64(2)});
  }
  if (rc != SQLITE_DONE) {
    return Counted(Result<std::vector<LearnerSummary>>(SqliteError(c->db.get(), rc, s.sql())));
  }
  return learners;
}

Result<std::string> SqliteLearnerStore::IntegrityCheck() {
  std::shared_lock open(open_mu_);
  if (!open_) return Closed();
  ReaderLease c(*this);
  return c->db.QueryText("PRAGMA integrity_check");
}

Result<int> SqliteLearnerStore::SynchronousMode() {
  std::shared_lock open(open_mu_);
  if (!open_) return Closed();
  std::lock_guard lock(writer_mu_);
  Result<std::string> mode = writer_->db.QueryText("PRAGMA synchronous");
  if (!mode) return mode.error();
  return std::atoi(mode->c_str());
}

bool SqliteLearnerStore::is_open() const {
  std::shared_lock open(open_mu_);
  return open_;
}

Status SqliteLearnerStore::Close() {
  std::unique_lock lock(open_mu_);
  if (!open_) return Status::Ok();
  open_ = false;
  // Readers first, the writer last: the last connection to close checkpoints
  // the WAL into the database file and removes it.
  free_readers_.clear();
  readers_.clear();
  writer_.reset();
  return Status::Ok();
}

}  // namespace pathrank::server
