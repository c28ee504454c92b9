#include "store/sqlite/sqlite_db.h"

namespace pathrank::server {

Status SqliteError(sqlite3* db, int rc, std::string_view what) {
  const std::string message = std::string(what) + ": " +
                              (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc)) +
                              " (sqlite code " + std::to_string(rc) + ")";
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return Status::Unavailable(message);
    default:
      return Status::Internal(message);
  }
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Status Statement::Prepare(sqlite3* db, std::string_view sql) {
  sql_ = std::string(sql);
  const int rc = sqlite3_prepare_v3(db, sql_.c_str(), static_cast<int>(sql_.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db, rc, "preparing \"" + sql_ + "\"");
  return Status::Ok();
}

void Statement::Bind(int index, std::string_view text, bool empty_is_null) {
  if (empty_is_null && text.empty()) {
    sqlite3_bind_null(stmt_, index);
  } else {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  }
}

void Statement::Bind(int index, double value) { sqlite3_bind_double(stmt_, index, value); }

void Statement::Bind(int index, int64_t value) { sqlite3_bind_int64(stmt_, index, value); }

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string_view Statement::Text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (text == nullptr) return {};
  return std::string_view(text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

Db::~Db() { Close(); }

Status Db::Open(const std::string& path, int busy_timeout_ms) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status status = SqliteError(db_, rc, "cannot open learner store " + path);
    Close();
    return Status::Unavailable(status.message());
  }
  sqlite3_busy_timeout(db_, busy_timeout_ms);
  sqlite3_extended_result_codes(db_, 1);
  return Status::Ok();
}

Status Db::Exec(std::string_view sql) {
  const std::string text(sql);
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    sqlite3_free(error);
    return SqliteError(db_, rc, "running \"" + text.substr(0, 60) + "\"");
  }
  return Status::Ok();
}

Result<std::string> Db::QueryText(const std::string& sql) {
  Statement statement;
  PATHRANK_RETURN_IF_ERROR(statement.Prepare(db_, sql));
  std::string out;
  int rc;
  while ((rc = statement.Step()) == SQLITE_ROW) {
    if (out.empty()) out = std::string(statement.Text(0));
  }
  if (rc != SQLITE_DONE) return SqliteError(db_, rc, "running \"" + sql + "\"");
  return out;
}

void Db::Close() {
  if (db_ != nullptr) {
    sqlite3_close_v2(db_);
    db_ = nullptr;
  }
}

}  // namespace pathrank::server
