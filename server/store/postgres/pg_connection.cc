#include "store/postgres/pg_connection.h"

#include <charconv>
#include <cstring>

namespace pathrank::server {

namespace {

// libpq's messages end with a newline.
std::string Trimmed(const char* message) {
  std::string s = message != nullptr ? message : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// Lost connections, timeouts, a server shutting down or out of resources,
// and conflicts between transactions are Unavailable (retry later); the rest
// Internal.
bool IsTransient(std::string_view sqlstate) {
  if (sqlstate.size() != 5) return true;  // no SQLSTATE: the connection failed
  const std::string_view cls = sqlstate.substr(0, 2);
  return cls == "08" || cls == "53" || cls == "57" || cls == "40" || sqlstate == "25P03" ||
         sqlstate == "55P03";
}

}  // namespace

std::string RedactPgUrl(std::string_view url) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  const size_t authority = scheme + 3;
  const size_t at = url.find('@', authority);
  const size_t slash = url.find('/', authority);
  if (at == std::string_view::npos || (slash != std::string_view::npos && slash < at)) {
    return std::string(url);
  }
  const size_t colon = url.find(':', authority);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

PgParams& PgParams::Text(std::string_view v) {
  values_.emplace_back(v);
  null_.push_back(false);
  return *this;
}

PgParams& PgParams::TextOrNull(std::string_view v) {
  values_.emplace_back(v);
  null_.push_back(v.empty());
  return *this;
}

PgParams& PgParams::Double(double v) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  return Text(std::string_view(buffer, static_cast<size_t>(end - buffer)));
}

PgParams& PgParams::Int64(int64_t v) { return Text(std::to_string(v)); }

PgParams& PgParams::TextArray(const std::vector<std::string_view>& v, bool empty_is_null) {
  std::string out = "{";
  for (size_t i = 0; i < v.size(); ++i) {
    if (i > 0) out += ',';
    if (empty_is_null && v[i].empty()) {
      out += "NULL";
      continue;
    }
    out += '"';
    for (char ch : v[i]) {
      if (ch == '"' || ch == '\\') out += '\\';
      out += ch;
    }
    out += '"';
  }
  return Text(out + "}");
}

PgParams& PgParams::DoubleArray(const std::vector<double>& v) {
  std::string out = "{";
  char buffer[32];
  for (size_t i = 0; i < v.size(); ++i) {
    if (i > 0) out += ',';
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v[i]);
    out.append(buffer, end);
  }
  return Text(out + "}");
}

PgParams& PgParams::Int64Array(const std::vector<int64_t>& v) {
  std::string out = "{";
  for (size_t i = 0; i < v.size(); ++i) out += (i > 0 ? "," : "") + std::to_string(v[i]);
  return Text(out + "}");
}

std::string_view PgResult::Text(int row, int column) const {
  const char* v = PQgetvalue(result_.get(), row, column);
  return std::string_view(v, static_cast<size_t>(PQgetlength(result_.get(), row, column)));
}

double PgResult::Double(int row, int column) const {
  const std::string_view v = Text(row, column);
  double out = 0;
  std::from_chars(v.data(), v.data() + v.size(), out);
  return out;
}

int64_t PgResult::Int64(int row, int column) const {
  const std::string_view v = Text(row, column);
  int64_t out = 0;
  std::from_chars(v.data(), v.data() + v.size(), out);
  return out;
}

int64_t PgResult::affected() const {
  const char* n = PQcmdTuples(result_.get());
  return n != nullptr && *n != '\0' ? std::atoll(n) : 0;
}

Result<std::unique_ptr<PgConnection>> PgConnection::Connect(const PgOptions& options) {
  const std::string timeout = std::to_string(options.connect_timeout_s);
  const std::string server_options =
      "-c statement_timeout=" + std::to_string(options.statement_timeout_ms) +
      " -c lock_timeout=" + std::to_string(options.statement_timeout_ms) +
      (options.synchronous_commit ? "" : " -c synchronous_commit=off") +
      " -c client_min_messages=warning";
  // Later entries win: the URL (dbname, expanded) overrides the defaults.
  const char* keys[] = {
      "connect_timeout", "options", "application_name", "keepalives_idle", "tcp_user_timeout",
      "dbname",          nullptr};
  const std::string user_timeout =
      std::to_string(options.connect_timeout_s * 1000 + options.statement_timeout_ms);
  const char* values[] = {timeout.c_str(),      server_options.c_str(), "pathrank", "10",
                          user_timeout.c_str(), options.url.c_str(),    nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (conn == nullptr) return Status::Unavailable("libpq could not allocate a connection");
  if (PQstatus(conn) != CONNECTION_OK) {
    Status status =
        Status::Unavailable("cannot connect to PostgreSQL at " + RedactPgUrl(options.url) + ": " +
                            Trimmed(PQerrorMessage(conn)));
    PQfinish(conn);
    return status;
  }
  return std::unique_ptr<PgConnection>(new PgConnection(conn));
}

PgConnection::~PgConnection() { PQfinish(conn_); }

bool PgConnection::healthy() const { return PQstatus(conn_) == CONNECTION_OK; }

bool PgConnection::in_transaction() const {
  const PGTransactionStatusType t = PQtransactionStatus(conn_);
  return t == PQTRANS_INTRANS || t == PQTRANS_INERROR;
}

Result<PgResult> PgConnection::Check(PGresult* result, std::string_view what) {
  const ExecStatusType s = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK) return PgResult(result);
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string sqlstate = state != nullptr ? state : "";
  std::string message = std::string(what) + ": " +
                        Trimmed(result != nullptr ? PQresultErrorMessage(result) : nullptr);
  if (message.back() == ' ') message += Trimmed(PQerrorMessage(conn_));
  if (!sqlstate.empty()) message += " (SQLSTATE " + sqlstate + ")";
  PQclear(result);
  if (!healthy() || IsTransient(sqlstate)) return Status::Unavailable(message);
  return Status::Internal(message);
}

Status PgConnection::Prepare(const std::string& name, const std::string& sql) {
  Result<PgResult> r =
      Check(PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr), "preparing \"" + name + "\"");
  return r ? Status::Ok() : r.error();
}

Result<PgResult> PgConnection::Run(const std::string& name, const PgParams& params) {
  std::vector<const char*> values;
  values.reserve(params.values_.size());
  for (size_t i = 0; i < params.values_.size(); ++i) {
    values.push_back(params.null_[i] ? nullptr : params.values_[i].c_str());
  }
  return Check(PQexecPrepared(conn_, name.c_str(), static_cast<int>(values.size()), values.data(),
                              nullptr, nullptr, /*resultFormat=*/0),
               name);
}

Result<PgResult> PgConnection::Exec(const std::string& sql) {
  return Check(PQexec(conn_, sql.c_str()), "running \"" + sql.substr(0, 60) + "\"");
}

}  // namespace pathrank::server
