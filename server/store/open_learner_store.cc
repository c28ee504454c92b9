#include "store/open_learner_store.h"

#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_learner_store.h"
#include "store/sqlite/sqlite_learner_store.h"

namespace pathrank::server {

Result<std::unique_ptr<LearnerStore>> OpenLearnerStore(const StoreConfig& config) {
  if (IsPostgresUrl(config.path)) {
    Result<std::unique_ptr<PgLearnerStore>> pg = PgLearnerStore::Open(config);
    if (!pg) return pg.error();
    return std::unique_ptr<LearnerStore>(std::move(*pg));
  }
  Result<std::unique_ptr<SqliteLearnerStore>> sqlite = SqliteLearnerStore::Open(config);
  if (!sqlite) return sqlite.error();
  return std::unique_ptr<LearnerStore>(std::move(*sqlite));
}

std::string DescribeStore(const StoreConfig& config) {
  if (IsPostgresUrl(config.path)) return "PostgreSQL " + RedactPgUrl(config.path);
  return "SQLite " + config.path;
}

}  // namespace pathrank::server
