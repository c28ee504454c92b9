// PgLearnerStore (pg_learner_store.h). Over the ~400-line guide: one class
// whose statements are prepared together on each pooled connection
// (kStatements) and whose Transaction template lives here.

#include "store/postgres/pg_learner_store.h"

#include <algorithm>
#include <chrono>
#include <tuple>

#include "store/postgres/pg_connection.h"
#include "store/schema_migrations.h"

namespace pathrank::server {

namespace {

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Status Closed() { return Status::Unavailable("the learner store is closed"); }
Status NoLearner(std::string_view id) {
  return Status::NotFound("learner \"" + std::string(id) + "\" does not exist");
}

// Every statement the store runs, prepared once per connection.
constexpr std::pair<const char*, const char*> kStatements[] = {
    {"lock_learner", "SELECT 1 FROM learners WHERE id = $1 FOR UPDATE"},
    {"learner_exists", "SELECT 1 FROM learners WHERE id = $1"},
    // (xmax = 0) is true for a row this statement inserted.
    {"upsert_learner",
     "INSERT INTO learners(id, catalog, created_ms, updated_ms) VALUES($1, $2, $3, $3) "
     "ON CONFLICT(id) DO UPDATE SET catalog = excluded.catalog, updated_ms = excluded.updated_ms "
     "RETURNING (xmax = 0)"},
    {"create_learner",
     "INSERT INTO learners(id, catalog, created_ms, updated_ms) VALUES($1, $2, $3, $3) "
     "ON CONFLICT(id) DO NOTHING"},
    {"touch_learner", "UPDATE learners SET updated_ms = $2 WHERE id = $1"},
    {"delete_goals", "DELETE FROM learner_goals WHERE learner = $1"},
    {"insert_goal", "INSERT INTO learner_goals(learner, goal, weight) VALUES($1, $2, $3)"},
    // One statement, one snapshot: the learner (kind 0), goals (1), mastery (2).
    {"read_learner",
     "SELECT 0, catalog, 0::float8, created_ms, updated_ms FROM learners WHERE id = $1 "
     "UNION ALL SELECT 1, goal, weight, 0, 0 FROM learner_goals WHERE learner = $1 "
     "UNION ALL SELECT 2, item, value, at_ms, seq FROM mastery WHERE learner = $1"},
    // A whole batch in one round trip: the events in their order (so their
    // seq is their arrival; a repeated id is skipped, also within the batch),
    // then per item the latest new event into the current mastery, kept
    // when the stored value is later. Answers how many events were new.
    {"append_events",
     "WITH input AS (SELECT * FROM unnest($2::text[], $3::text[], $4::float8[], $5::int8[]) "
     "WITH ORDINALITY AS t(event_key, item, mastery, at_ms, ord)), "
     "ev AS (INSERT INTO progress_events(learner, event_key, item, mastery, at_ms, received_ms) "
     "SELECT $1, event_key, item, mastery, at_ms, $6 FROM input ORDER BY ord "
     "ON CONFLICT(learner, event_key) WHERE event_key IS NOT NULL DO NOTHING "
     "RETURNING seq, item, mastery, at_ms), "
     "latest AS (SELECT DISTINCT ON (item) item, mastery, at_ms, seq FROM ev "
     "ORDER BY item, at_ms DESC, seq DESC), "
     "m AS (INSERT INTO mastery(learner, item, value, at_ms, seq) "
     "SELECT $1, item, mastery, at_ms, seq FROM latest ON CONFLICT(learner, item) DO UPDATE SET "
     "value = excluded.value, at_ms = excluded.at_ms, seq = excluded.seq "
     "WHERE excluded.at_ms >= mastery.at_ms RETURNING 1) "
     "SELECT count(*) FROM ev"},
    {"delete_learner", "DELETE FROM learners WHERE id = $1"},
    {"delete_events", "DELETE FROM progress_events WHERE learner = $1"},
    {"delete_mastery", "DELETE FROM mastery WHERE learner = $1"},
    {"count_learners", "SELECT count(*) FROM learners"},
    {"list_learners",
     "SELECT id FROM learners WHERE id COLLATE \"C\" > $1 ORDER BY id COLLATE \"C\" "
     "LIMIT $2"},
    {"list_events",
     "SELECT coalesce(event_key, ''), item, mastery, at_ms FROM progress_events "
     "WHERE learner = $1 ORDER BY seq"},
    {"ping", "SELECT 1"},
    // History and listing.
    {"list_events_page",
     "SELECT seq, coalesce(event_key, ''), item, mastery, at_ms, received_ms "
     "FROM progress_events WHERE learner = $1 AND seq > $2 AND at_ms >= $3 AND at_ms < $4 "
     "ORDER BY seq LIMIT $5"},
    {"delete_event", "DELETE FROM progress_events WHERE learner = $1 AND seq = $2 RETURNING item"},
    // The item's mastery from the latest event left, or none.
    {"recompute_mastery",
     "WITH latest AS (SELECT item, mastery, at_ms, seq FROM progress_events "
     "WHERE learner = $1 AND item = $2 ORDER BY at_ms DESC, seq DESC LIMIT 1), "
     "gone AS (DELETE FROM mastery WHERE learner = $1 AND item = $2 "
     "AND NOT EXISTS (SELECT 1 FROM latest) RETURNING 1) "
     "INSERT INTO mastery(learner, item, value, at_ms, seq) "
     "SELECT $1, item, mastery, at_ms, seq FROM latest ON CONFLICT(learner, item) DO UPDATE SET "
     "value = excluded.value, at_ms = excluded.at_ms, seq = excluded.seq"},
    {"list_summaries",
     "SELECT id, catalog, updated_ms FROM learners WHERE id COLLATE \"C\" > $1 "
     "ORDER BY id COLLATE \"C\" LIMIT $2"},
};

Status Prepare(PgConnection& c) {
  for (const auto& [name, sql] : kStatements) PATHRANK_RETURN_IF_ERROR(c.Prepare(name, sql));
  return Status::Ok();
}

// Brings the database to kLearnerSchemaVersion in one transaction under an
// advisory lock: a second replica waits, then finds the work done.
Status Migrate(PgConnection& c, const std::string& where) {
  PATHRANK_RETURN_IF_ERROR(c.Exec("BEGIN").status());
  auto body = [&]() -> Status {
    PATHRANK_RETURN_IF_ERROR(c.Exec("SELECT pg_advisory_xact_lock(1885434984)").status());
    PATHRANK_RETURN_IF_ERROR(
        c.Exec("CREATE TABLE IF NOT EXISTS pathrank_schema(version INTEGER PRIMARY KEY, "
               "summary TEXT NOT NULL, applied_ms BIGINT NOT NULL)")
            .status());
    Result<PgResult> v = c.Exec("SELECT coalesce(max(version), 0) FROM pathrank_schema");
    if (!v) return v.error();
    const int version = static_cast<int>(v->Int64(0, 0));
    if (version > kLearnerSchemaVersion) return NewerSchemaError(version, where);
    for (const SchemaStep& step : SchemaSteps()) {
      if (step.version <= version) continue;
      Status applied = c.Exec(std::string(step.postgres)).status();
      if (!applied.ok()) {
        return applied.WithPrefix("migrating the learner store to version " +
                                  std::to_string(step.version));
      }
      PgParams p;
      p.Int64(step.version).Text(step.summary).Int64(NowMs());
      PATHRANK_RETURN_IF_ERROR(c.Prepare("record_step",
                                         "INSERT INTO pathrank_schema VALUES($1, "
                                         "$2, $3)"));
      PATHRANK_RETURN_IF_ERROR(c.Run("record_step", p).status());
      PATHRANK_RETURN_IF_ERROR(c.Exec("DEALLOCATE record_step").status());
    }
    return c.Exec("COMMIT").status();
  };
  Status status = body();
  if (!status.ok() && c.healthy()) (void)c.Exec("ROLLBACK");
  return status;
}

}  // namespace

// A pooled connection borrowed for one call; connected (and prepared) on
// demand, dropped when it was lost so the next borrower reconnects.
class PgLearnerStore::Lease {
 public:
  explicit Lease(PgLearnerStore& store) : store_(store) {}
  ~Lease() {
    if (!held_) return;
    {
      std::lock_guard lock(store_.pool_mu_);
      std::unique_ptr<PgConnection>& slot = store_.slots_[index_];
      if (slot != nullptr && (!slot->healthy() || slot->in_transaction())) slot.reset();
      store_.free_.push_back(index_);
    }
    store_.pool_cv_.notify_one();
  }
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;

  // Waits (bounded) for a free slot and connects it when needed.
  Status Acquire() {
    {
      std::unique_lock lock(store_.pool_mu_);
      if (!store_.pool_cv_.wait_for(lock, std::chrono::milliseconds(store_.lease_wait_ms_),
                                    [&] { return !store_.free_.empty(); })) {
        return Status::Unavailable("every connection of the learner store's pool (" +
                                   std::to_string(store_.slots_.size()) + ") stayed busy");
      }
      index_ = store_.free_.back();
      store_.free_.pop_back();
      held_ = true;
    }
    std::unique_ptr<PgConnection>& slot = store_.slots_[index_];
    if (slot != nullptr && slot->healthy()) return Status::Ok();
    slot.reset();
    Result<std::unique_ptr<PgConnection>> fresh = PgConnection::Connect(*store_.options_);
    if (!fresh) return fresh.error();
    PATHRANK_RETURN_IF_ERROR(Prepare(**fresh));
    slot = std::move(*fresh);
    return Status::Ok();
  }

  PgConnection& operator*() { return *store_.slots_[index_]; }

 private:
  PgLearnerStore& store_;
  size_t index_ = 0;
  bool held_ = false;
};

Result<std::unique_ptr<PgLearnerStore>> PgLearnerStore::Open(const StoreConfig& config) {
  std::unique_ptr<PgLearnerStore> store(new PgLearnerStore());
  store->options_ = std::make_unique<PgOptions>();
  store->options_->url = config.path;
  store->options_->connect_timeout_s = config.connect_timeout_s;
  store->options_->statement_timeout_ms = config.statement_timeout_ms;
  store->options_->synchronous_commit = config.synchronous_full;
  store->lease_wait_ms_ = config.statement_timeout_ms;
  Result<std::unique_ptr<PgConnection>> first = PgConnection::Connect(*store->options_);
  if (!first) return first.error();
  PATHRANK_RETURN_IF_ERROR(Migrate(**first, RedactPgUrl(config.path)));
  PATHRANK_RETURN_IF_ERROR(Prepare(**first));
  store->slots_.resize(static_cast<size_t>(std::max(1, config.pool_size)));
  store->slots_[0] = std::move(*first);
  for (size_t i = store->slots_.size(); i-- > 0;) store->free_.push_back(i);
  store->open_ = true;
  return store;
}

PgLearnerStore::PgLearnerStore() = default;
PgLearnerStore::~PgLearnerStore() { (void)Close(); }

Status PgLearnerStore::Counted(Status status) {
  if (!status.ok() && status.code() != StatusCode::kNotFound) {
    errors_.fetch_add(1, std::memory_order_relaxed);
  }
  return status;
}

template <typename F>
Status PgLearnerStore::Transaction(F&& body) {
  std::shared_lock open(open_mu_);
  if (!open_) return Counted(Closed());
  Lease c(*this);
  PATHRANK_RETURN_IF_ERROR(Counted(c.Acquire()));
  PATHRANK_RETURN_IF_ERROR(Counted((*c).Exec("BEGIN").status()));
  Status status = body(*c);
  if (status.ok()) status = (*c).Exec("COMMIT").status();
  if (!status.ok() && (*c).healthy() && (*c).in_transaction()) (void)(*c).Exec("ROLLBACK");
  return Counted(status);
}

Result<PutOutcome> PgLearnerStore::PutLearner(std::string_view id, std::string_view catalog,
                                              const std::map<std::string, double>& goals) {
  PutOutcome outcome = PutOutcome::kCreated;
  Status status = Transaction([&](PgConnection& c) -> Status {
    PgParams p;
    p.Text(id).Text(catalog).Int64(NowMs());
    Result<PgResult> row = c.Run("upsert_learner", p);
    if (!row) return row.error();
    outcome = row->Text(0, 0) == "t" ? PutOutcome::kCreated : PutOutcome::kUpdated;
    PATHRANK_RETURN_IF_ERROR(c.Run("delete_goals", PgParams().Text(id)).status());
    for (const auto& [goal, weight] : goals) {
      PATHRANK_RETURN_IF_ERROR(
          c.Run("insert_goal", PgParams().Text(id).Text(goal).Double(weight)).status());
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return outcome;
}

Result<bool> PgLearnerStore::CreateLearnerIfAbsent(std::string_view id, std::string_view catalog) {
  bool created = false;
  Status status = Transaction([&](PgConnection& c) -> Status {
    Result<PgResult> r = c.Run("create_learner", PgParams().Text(id).Text(catalog).Int64(NowMs()));
    if (!r) return r.error();
    created = r->affected() == 1;
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return created;
}

Result<LearnerRecord> PgLearnerStore::GetLearner(std::string_view id) {
  std::shared_lock open(open_mu_);
  if (!open_) return Counted(Closed());
  Lease c(*this);
  if (Status s = c.Acquire(); !s.ok()) return Counted(s);
  Result<PgResult> rows = (*c).Run("read_learner", PgParams().Text(id));
  if (!rows) return Counted(rows.error());
  LearnerRecord record;
  record.id = std::string(id);
  bool found = false;
  std::vector<std::tuple<int64_t, int64_t, std::string>> by_time;  // (at_ms, seq, item)
  for (int r = 0; r < rows->rows(); ++r) {
    const int64_t kind = rows->Int64(r, 0);
    std::string name(rows->Text(r, 1));
    if (kind == 0) {
      found = true;
      record.catalog = std::move(name);
      record.created_ms = rows->Int64(r, 3);
      record.updated_ms = rows->Int64(r, 4);
    } else if (kind == 1) {
      record.goals.emplace(std::move(name), rows->Double(r, 2));
    } else {
      record.mastery.emplace(name, rows->Double(r, 2));
      by_time.emplace_back(rows->Int64(r, 3), rows->Int64(r, 4), std::move(name));
    }
  }
  if (!found) return NoLearner(id);
  // Newest first (latest time, then latest arrival), as the SQLite store.
  const size_t n = std::min<size_t>(16, by_time.size());
  std::partial_sort(by_time.begin(), by_time.begin() + static_cast<ptrdiff_t>(n), by_time.end(),
                    [](const auto& a, const auto& b) { return a > b; });
  for (size_t i = 0; i < n; ++i) record.recent.push_back(std::get<2>(by_time[i]));
  return record;
}

Status PgLearnerStore::DeleteLearner(std::string_view id) {
  return Transaction([&](PgConnection& c) -> Status {
    Result<PgResult> gone = c.Run("delete_learner", PgParams().Text(id));
    if (!gone) return gone.error();
    if (gone->affected() == 0) return NoLearner(id);
    for (const char* s : {"delete_events", "delete_mastery", "delete_goals"}) {
      PATHRANK_RETURN_IF_ERROR(c.Run(s, PgParams().Text(id)).status());
    }
    return Status::Ok();
  });
}

Result<ProgressOutcome> PgLearnerStore::AppendProgress(std::string_view id,
                                                       std::span<const ProgressEvent> events) {
  ProgressOutcome outcome;
  const int64_t now = NowMs();
  Status status = Transaction([&](PgConnection& c) -> Status {
    Result<PgResult> locked = c.Run("lock_learner", PgParams().Text(id));
    if (!locked) return locked.error();
    if (locked->rows() == 0) return NoLearner(id);
    std::vector<std::string_view> keys, items;
    std::vector<double> values;
    std::vector<int64_t> times;
    for (const ProgressEvent& e : events) {
      keys.push_back(e.key);
      items.push_back(e.item);
      values.push_back(e.mastery);
      times.push_back(e.at_ms);
    }
    PgParams p;
    p.Text(id).TextArray(keys, /*empty_is_null=*/true).TextArray(items, false);
    p.DoubleArray(values).Int64Array(times).Int64(now);
    Result<PgResult> r = c.Run("append_events", p);
    if (!r) return r.error();
    outcome.accepted = static_cast<size_t>(r->Int64(0, 0));
    outcome.duplicates = events.size() - outcome.accepted;
    if (outcome.accepted == 0) return Status::Ok();
    return c.Run("touch_learner", PgParams().Text(id).Int64(now)).status();
  });
  if (!status.ok()) return status;
  return outcome;
}

Result<int64_t> PgLearnerStore::CountLearners() {
  std::shared_lock open(open_mu_);
  if (!open_) return Counted(Closed());
  Lease c(*this);
  if (Status s = c.Acquire(); !s.ok()) return Counted(s);
  Result<PgResult> r = (*c).Run("count_learners", PgParams());
  if (!r) return Counted(r.error());
  return r->Int64(0, 0);
}

Result<std::vector<std::string>> PgLearnerStore::ListLearnerIds(std::string_view after,
                                                                size_t limit) {
  std::vector<std::string> ids;
  Status status = Transaction([&](PgConnection& c) -> Status {
    Result<PgResult> r =
        c.Run("list_learners", PgParams().Text(after).Int64(static_cast<int64_t>(limit)));
    if (!r) return r.error();
    for (int i = 0; i < r->rows(); ++i) ids.emplace_back(r->Text(i, 0));
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return ids;
}

Result<std::vector<ProgressEvent>> PgLearnerStore::ListProgress(std::string_view id) {
  std::vector<ProgressEvent> events;
  Status status = Transaction([&](PgConnection& c) -> Status {
    Result<PgResult> exists = c.Run("learner_exists", PgParams().Text(id));
    if (!exists) return exists.error();
    if (exists->rows() == 0) return NoLearner(id);
    Result<PgResult> r = c.Run("list_events", PgParams().Text(id));
    if (!r) return r.error();
    for (int i = 0; i < r->rows(); ++i) {
      events.push_back({std::string(r->Text(i, 1)), r->Double(i, 2), r->Int64(i, 3),
                        std::string(r->Text(i, 0))});
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return events;
}

Result<std::vector<StoredEvent>> PgLearnerStore::ListEvents(std::string_view id,
                                                            const EventQuery& query) {
  std::vector<StoredEvent> events;
  Status status = Transaction([&](PgConnection& c) -> Status {
    Result<PgResult> exists = c.Run("learner_exists", PgParams().Text(id));
    if (!exists) return exists.error();
    if (exists->rows() == 0) return NoLearner(id);
    PgParams p;
    p.Text(id).Int64(query.after_seq).Int64(query.from_ms).Int64(query.to_ms);
    p.Int64(static_cast<int64_t>(query.limit));
    Result<PgResult> r = c.Run("list_events_page", p);
    if (!r) return r.error();
    for (int i = 0; i < r->rows(); ++i) {
      events.push_back({r->Int64(i, 0),
                        {std::string(r->Text(i, 2)), r->Double(i, 3), r->Int64(i, 4),
                         std::string(r->Text(i, 1))},
                        r->Int64(i, 5)});
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return events;
}

// Under the learner's row lock, as AppendProgress: the two never interleave
// on one learner.
Status PgLearnerStore::DeleteEvent(std::string_view id, int64_t seq) {
  return Transaction([&](PgConnection& c) -> Status {
    Result<PgResult> locked = c.Run("lock_learner", PgParams().Text(id));
    if (!locked) return locked.error();
    if (locked->rows() == 0) return NoLearner(id);
    Result<PgResult> gone = c.Run("delete_event", PgParams().Text(id).Int64(seq));
    if (!gone) return gone.error();
    if (gone->rows() == 0) {
      return Status::NotFound("learner \"" + std::string(id) + "\" has no event " +
                              std::to_string(seq));
    }
    const std::string item(gone->Text(0, 0));
    PATHRANK_RETURN_IF_ERROR(c.Run("recompute_mastery", PgParams().Text(id).Text(item)).status());
    return c.Run("touch_learner", PgParams().Text(id).Int64(NowMs())).status();
  });
}

Result<std::vector<LearnerSummary>> PgLearnerStore::ListLearners(std::string_view after,
                                                                 size_t limit) {
  std::vector<LearnerSummary> learners;
  Status status = Transaction([&](PgConnection& c) -> Status {
    Result<PgResult> r =
        c.Run("list_summaries", PgParams().Text(after).Int64(static_cast<int64_t>(limit)));
    if (!r) return r.error();
    for (int i = 0; i < r->rows(); ++i) {
      learners.push_back({std::string(r->Text(i, 0)), std::string(r->Text(i, 1)), r->Int64(i, 2)});
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return learners;
}

Status PgLearnerStore::Ping() {
  std::shared_lock open(open_mu_);
  if (!open_) return Closed();
  Lease c(*this);
  PATHRANK_RETURN_IF_ERROR(c.Acquire());
  return (*c).Run("ping", PgParams()).status();
}

bool PgLearnerStore::is_open() const {
  std::shared_lock open(open_mu_);
  return open_;
}

Status PgLearnerStore::Close() {
  std::unique_lock lock(open_mu_);
  if (!open_) return Status::Ok();
  open_ = false;
  std::lock_guard pool(pool_mu_);
  slots_.clear();
  free_.clear();
  return Status::Ok();
}

}  // namespace pathrank::server
