// Thin RAII wrappers over the SQLite C API for the learner store: a
// connection and its prepared statements. Private to server/.
//
// Thread safety: a Db and its statements are used by one thread at a time.

#ifndef PATHRANK_SERVER_STORE_SQLITE_SQLITE_DB_H_
#define PATHRANK_SERVER_STORE_SQLITE_SQLITE_DB_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "pathrank/status.h"

namespace pathrank::server {

// A failed SQLite call as a Status: busy, locked, I/O, full, read-only and
// cannot-open errors are Unavailable; the rest Internal. Names `what`.
Status SqliteError(sqlite3* db, int rc, std::string_view what);

// One prepared statement. Bind, Step, then Reset (done by ~Use).
class Statement {
 public:
  Statement() = default;
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Status Prepare(sqlite3* db, std::string_view sql);

  // Parameters are 1-based, as in SQLite. Empty text binds NULL when
  // `empty_is_null`.
  void Bind(int index, std::string_view text, bool empty_is_null = false);
  void Bind(int index, double value);
  void Bind(int index, int64_t value);

  // SQLITE_ROW, SQLITE_DONE, or an error code.
  int Step() { return sqlite3_step(stmt_); }
  void Reset();

  std::string_view Text(int column) const;
  double Double(int column) const { return sqlite3_column_double(stmt_, column); }
  int64_t Int64(int column) const { return sqlite3_column_int64(stmt_, column); }
  const std::string& sql() const { return sql_; }

  // Resets the statement when it goes out of scope.
  class Use {
   public:
    explicit Use(Statement& s) : s_(s) {}
    ~Use() { s_.Reset(); }
    Use(const Use&) = delete;
    Use& operator=(const Use&) = delete;

   private:
    Statement& s_;
  };

 private:
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

// An open database connection.
class Db {
 public:
  Db() = default;
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Opens `path` read-write, creating it. Sets the busy timeout.
  Status Open(const std::string& path, int busy_timeout_ms);
  // Runs SQL without parameters (pragmas, migrations, transaction control).
  Status Exec(std::string_view sql);
  // The first column of the first row of `sql` as text ("" when none).
  Result<std::string> QueryText(const std::string& sql);
  sqlite3* get() const { return db_; }
  // Closes the connection; statements must be finalized first.
  void Close();

 private:
  sqlite3* db_ = nullptr;
};

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_STORE_SQLITE_SQLITE_DB_H_
