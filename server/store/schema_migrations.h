// The learner store's schema, as one list of versioned steps shared by every
// implementation: step N takes a database from version N - 1 to N, with the
// SQL of each dialect side by side so the stores cannot drift apart. A store
// applies the steps its database lacks at open, each in one transaction, and
// refuses a database whose version is newer than this build
// (NewerSchemaError).
//
// Thread safety: immutable data and pure functions.

#ifndef PATHRANK_SERVER_STORE_SCHEMA_MIGRATIONS_H_
#define PATHRANK_SERVER_STORE_SCHEMA_MIGRATIONS_H_

#include <span>
#include <string_view>

#include "pathrank/status.h"

namespace pathrank::server {

struct SchemaStep {
  int version;                // the version this step produces (1, 2, ...)
  std::string_view summary;   // what it adds, for the record and the log
  std::string_view sqlite;    // the step in SQLite's dialect
  std::string_view postgres;  // the step in PostgreSQL's dialect
};

// The version this build creates and reads: the last step's.
inline constexpr int kLearnerSchemaVersion = 2;

// Every step in order; SchemaSteps()[i].version == i + 1.
std::span<const SchemaStep> SchemaSteps();

// The error a store returns when its database has schema version `found`,
// newer than kLearnerSchemaVersion: FailedPrecondition, naming both versions
// and what to do. `where` names the database (a path or a host/database).
Status NewerSchemaError(int found, std::string_view where);

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_STORE_SCHEMA_MIGRATIONS_H_
