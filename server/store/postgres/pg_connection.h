// Thin RAII wrappers over libpq for the PostgreSQL learner store: one
// connection, its prepared statements, text parameters and results. Private
// to server/store/postgres/.
//
// Thread safety: a PgConnection is used by one thread at a time.

#ifndef PATHRANK_SERVER_STORE_POSTGRES_PG_CONNECTION_H_
#define PATHRANK_SERVER_STORE_POSTGRES_PG_CONNECTION_H_

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pathrank/status.h"

namespace pathrank::server {

// How to reach the server. `url` is a libpq connection URI
// (postgresql://user@host:port/db?...); its own parameters win over these
// defaults.
struct PgOptions {
  std::string url;
  int connect_timeout_s = 2;
  int statement_timeout_ms = 5000;
  // false: the session runs with synchronous_commit=off (StoreConfig's
  // durability "normal").
  bool synchronous_commit = true;
};

// `url` without the password ("postgresql://user:***@host/db"), for messages.
std::string RedactPgUrl(std::string_view url);

// Parameters of one statement, all sent as text (doubles in their shortest
// exact form, so they round-trip).
class PgParams {
 public:
  PgParams& Text(std::string_view v);
  PgParams& TextOrNull(std::string_view v);  // "" sends NULL
  PgParams& Double(double v);
  PgParams& Int64(int64_t v);
  // One array parameter, in PostgreSQL's text form ({"a","b"}, {1.5,2}).
  // TextArray sends "" as a NULL element when `empty_is_null`.
  PgParams& TextArray(const std::vector<std::string_view>& v, bool empty_is_null);
  PgParams& DoubleArray(const std::vector<double>& v);
  PgParams& Int64Array(const std::vector<int64_t>& v);

 private:
  friend class PgConnection;
  std::vector<std::string> values_;
  std::vector<bool> null_;
};

// One result: rows of text values.
class PgResult {
 public:
  explicit PgResult(PGresult* result) : result_(result, &PQclear) {}
  int rows() const { return PQntuples(result_.get()); }
  std::string_view Text(int row, int column) const;
  double Double(int row, int column) const;
  int64_t Int64(int row, int column) const;
  // Rows an INSERT, UPDATE or DELETE changed.
  int64_t affected() const;

 private:
  std::unique_ptr<PGresult, decltype(&PQclear)> result_;
};

class PgConnection {
 public:
  // Connects; Unavailable (with libpq's reason) when it cannot.
  static Result<std::unique_ptr<PgConnection>> Connect(const PgOptions& options);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // False once the connection is lost: the pool replaces it.
  bool healthy() const;
  // True inside a transaction (also a failed one).
  bool in_transaction() const;

  // Prepares `sql` under `name` on this connection.
  Status Prepare(const std::string& name, const std::string& sql);
  // Runs the prepared statement `name`.
  Result<PgResult> Run(const std::string& name, const PgParams& params);
  // Runs SQL without parameters (transaction control, migrations).
  Result<PgResult> Exec(const std::string& sql);

 private:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  Result<PgResult> Check(PGresult* result, std::string_view what);
  PGconn* conn_;
};

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_STORE_POSTGRES_PG_CONNECTION_H_
