#include "store/schema_migrations.h"

#include <iterator>
#include <string>

namespace pathrank::server {

namespace {

constexpr SchemaStep kSteps[] = {
    {1, "learners, goals, append-only progress events, current mastery",
     R"sql(
CREATE TABLE learners(
  id TEXT PRIMARY KEY,
  catalog TEXT NOT NULL,
  created_ms INTEGER NOT NULL,
  updated_ms INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE learner_goals(
  learner TEXT NOT NULL,
  goal TEXT NOT NULL,
  weight REAL NOT NULL,
  PRIMARY KEY(learner, goal)
) WITHOUT ROWID;
CREATE TABLE progress_events(
  seq INTEGER PRIMARY KEY,
  learner TEXT NOT NULL,
  event_key TEXT,
  item TEXT NOT NULL,
  mastery REAL NOT NULL,
  at_ms INTEGER NOT NULL,
  received_ms INTEGER NOT NULL
);
CREATE UNIQUE INDEX progress_events_by_key ON progress_events(learner, event_key)
  WHERE event_key IS NOT NULL;
CREATE INDEX progress_events_by_learner ON progress_events(learner, seq);
CREATE TABLE mastery(
  learner TEXT NOT NULL,
  item TEXT NOT NULL,
  value REAL NOT NULL,
  at_ms INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY(learner, item)
) WITHOUT ROWID;
)sql",
     R"sql(
CREATE TABLE learners(
  id TEXT PRIMARY KEY,
  catalog TEXT NOT NULL,
  created_ms BIGINT NOT NULL,
  updated_ms BIGINT NOT NULL
);
CREATE TABLE learner_goals(
  learner TEXT NOT NULL,
  goal TEXT NOT NULL,
  weight DOUBLE PRECISION NOT NULL,
  PRIMARY KEY(learner, goal)
);
CREATE TABLE progress_events(
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  learner TEXT NOT NULL,
  event_key TEXT,
  item TEXT NOT NULL,
  mastery DOUBLE PRECISION NOT NULL,
  at_ms BIGINT NOT NULL,
  received_ms BIGINT NOT NULL
);
CREATE UNIQUE INDEX progress_events_by_key ON progress_events(learner, event_key)
  WHERE event_key IS NOT NULL;
CREATE INDEX progress_events_by_learner ON progress_events(learner, seq);
CREATE TABLE mastery(
  learner TEXT NOT NULL,
  item TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  at_ms BIGINT NOT NULL,
  seq BIGINT NOT NULL,
  PRIMARY KEY(learner, item)
);
)sql"},
    // Event ids (seq) are cursors of GET /v1/learners/{lid}/events and are
    // deleted one by one: SQLite must never hand out a deleted one again
    // (a plain INTEGER PRIMARY KEY reuses the largest after a delete).
    // PostgreSQL's identity column never reuses one: nothing to do.
    {2, "event ids are never reused (history cursors, event deletion)",
     R"sql(
CREATE TABLE progress_events_v2(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  learner TEXT NOT NULL,
  event_key TEXT,
  item TEXT NOT NULL,
  mastery REAL NOT NULL,
  at_ms INTEGER NOT NULL,
  received_ms INTEGER NOT NULL
);
INSERT INTO progress_events_v2(seq, learner, event_key, item, mastery, at_ms, received_ms)
  SELECT seq, learner, event_key, item, mastery, at_ms, received_ms FROM progress_events;
DROP TABLE progress_events;
ALTER TABLE progress_events_v2 RENAME TO progress_events;
CREATE UNIQUE INDEX progress_events_by_key ON progress_events(learner, event_key)
  WHERE event_key IS NOT NULL;
CREATE INDEX progress_events_by_learner ON progress_events(learner, seq);
)sql",
     "SELECT 1"},
};
static_assert(std::size(kSteps) == kLearnerSchemaVersion);

}  // namespace

std::span<const SchemaStep> SchemaSteps() { return kSteps; }

Status NewerSchemaError(int found, std::string_view where) {
  return Status::FailedPrecondition(
      "learner store " + std::string(where) + " has schema version " + std::to_string(found) +
      ", newer than this build's " + std::to_string(kLearnerSchemaVersion) +
      "; a newer pathrank migrated it: run that version (or upgrade this one)");
}

}  // namespace pathrank::server
