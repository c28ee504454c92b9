// ServerConfig: everything `pathrank serve` is configured with.
//
// Filled in this order, each step overriding the one before: built-in
// defaults, a JSON file (`--config FILE`, or PATHRANK_CONFIG), environment
// variables (PATHRANK_*), command-line flags; then validated once
// (ValidateServerConfig), which reports every problem at once with the JSON
// pointer of the field. docs/server.md documents each field.
//
// Thread safety: plain values.

#ifndef PATHRANK_SERVER_OPS_CONFIG_H_
#define PATHRANK_SERVER_OPS_CONFIG_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pathrank/status.h"

namespace pathrank::server {

// What an API key may do. Roles are ordered: admin can do what write can,
// write what read can. kNone marks routes that need no key.
enum class Role { kNone = 0, kRead = 1, kWrite = 2, kAdmin = 3 };
std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

struct ApiKeyConfig {
  std::string name;    // for logs; never the key itself
  std::string sha256;  // lower-case hex SHA-256 of the key (64 characters)
  Role role = Role::kRead;
};

// One catalog source: a native JSON file (`path`), or a data-source plugin
// (`plugin`: the .so to load, `config`: the object handed to its open(),
// kept as JSON text). Plugins are loaded from these configured paths only.
struct CatalogSourceConfig {
  std::string id;  // the id the catalog is served under; "" = the document's own id
  std::string path;
  std::string plugin;
  std::string plugin_config_json;  // "{}" when absent
  // A learned sequence model for this catalog (pathrank.sequence/v1, written
  // by `pathrank tune`); "" for none (the sequence term is then 0).
  std::string sequence_model;
};

// A progress source: a data-source plugin whose progress events (an LRS's
// xAPI statements, say) are written into the learner store at start-up and
// on every reload, idempotently (progress_import.h).
struct ProgressSourceConfig {
  std::string name;  // a slug; names the source in logs, answers and derived keys
  std::string plugin;
  std::string plugin_config_json = "{}";
  std::string catalog;          // the served catalog id the events' items belong to
  bool drop_invalid = false;    // "on_invalid": "fail" (default) or "drop"
  bool create_learners = true;  // create learners the store does not know
};

// A named scoring profile read from a `pathrank.profile/v1` file; it is
// offered beside the built-in profiles (and may replace one of them).
struct ProfileSourceConfig {
  std::string name;
  std::string path;
};

// True when a store path names a PostgreSQL database: a libpq URL starting
// postgresql:// or postgres://. Anything else is a SQLite file.
inline bool IsPostgresUrl(std::string_view path) {
  return path.starts_with("postgresql://") || path.starts_with("postgres://");
}

struct StoreConfig {
  // A SQLite file, or a postgresql:// (postgres://) URL for PostgreSQL.
  std::string path = "var/pathrank.db";
  // The durability of an acknowledged write (`--durability`, "durability"):
  // full (default) survives a power loss: SQLite synchronous=FULL, an fsync
  // per commit; PostgreSQL synchronous_commit=on. normal survives a crash of
  // the pathrank process: SQLite synchronous=NORMAL (WAL fsynced at
  // checkpoints only); PostgreSQL synchronous_commit=off (a crash of the
  // database server or the machine may lose the last ~0.6 s of commits).
  bool synchronous_full = true;
  // SQLite only.
  int busy_timeout_ms = 5000;  // wait this long on a locked database
  int readers = 4;             // read connections in the pool
  // PostgreSQL only.
  int pool_size = 0;                // connections per replica; 0 = one per worker thread
  int connect_timeout_s = 2;        // give up connecting after this
  int statement_timeout_ms = 5000;  // the server cancels a statement after this
};

struct HttpConfig {
  // Most worker threads; they start on demand and stop after 30 s idle. A
  // worker is held by a request being read or answered, never by an idle
  // keep-alive connection (those wait in one reactor thread).
  int threads = 256;
  int keep_alive_max_count = 100;  // requests per connection before the server closes it
  int keep_alive_timeout_s = 15;   // an idle keep-alive connection is closed after this
  int read_timeout_s = 5;          // per read of a request
  int write_timeout_s = 5;         // per write of an answer
  // A request (line, headers and body) must arrive within this, however it
  // trickles in; otherwise 408 and the connection is closed.
  int request_timeout_s = 10;
  // Open connections at most (clamped to the file-descriptor limit, which
  // is raised towards its hard limit), and from one client address. A new
  // connection over a cap closes the oldest idle one; when none is idle it
  // is answered 503.
  int max_connections = 8192;
  int max_connections_per_client = 2048;
  int listen_backlog = 1024;  // pending connections the kernel queues
  // Scoring and planning handlers computing at once (the others wait in
  // arrival order; see compute_gate.h); 0 = one per hardware thread.
  int compute_slots = 0;
};

struct LimitsConfig {
  size_t max_body_bytes = 1 << 20;   // larger bodies are answered 413
  int max_k = 100;                   // largest `k` of a recommendation
  int max_events = 1000;             // progress events per request
  int max_mastery_entries = 100000;  // entries of `mastery` in one body
  int max_page = 1000;               // largest `limit` of an item listing
  // A progress event's `at` may be at most this far past the server's clock
  // (422 beyond); none may be before 2000-01-01T00:00:00Z.
  int max_clock_skew_s = 300;
};

// A token bucket: `per_second` tokens refill continuously up to `burst`; a
// request takes one. per_second 0 = unlimited.
struct RateLimit {
  double per_second = 0;
  double burst = 0;
};

// Per API key by its role, and per client address for requests without a
// valid key (keys disabled, or a failed key check). Routes needing no role
// (/healthz, /readyz, /metrics, /openapi.json) are not limited.
struct RateLimitsConfig {
  RateLimit read{100, 200};
  RateLimit write{50, 100};
  RateLimit admin{10, 20};
  // Off by default: without keys the server listens on loopback, where
  // every client shares one address.
  RateLimit client{0, 0};
  // Requests whose presented key matched no configured key, per client
  // address, on top of the above: slows down key guessing even where
  // `client` is off (loopback clients holding valid keys are not charged).
  RateLimit failed_keys{10, 50};
};

// Cross-origin calls from web pages (CORS). Off while allowed_origins is
// empty. An origin is "scheme://host[:port]" as browsers send it, or "*" for
// any. Preflights (OPTIONS) from an allowed origin are answered 204 with
// the Access-Control-* headers; other origins get no such header.
struct CorsConfig {
  std::vector<std::string> allowed_origins;
  int max_age_s = 600;  // how long a browser may cache a preflight
  // True when `origin` is allowed.
  bool Allows(std::string_view origin) const {
    for (const std::string& o : allowed_origins) {
      if (o == "*" || o == origin) return true;
    }
    return false;
  }
};

// A/B experiments over scoring profiles (docs/experiments.md). A learner id
// is assigned one variant by a hash of (experiment name, learner id), the
// same on every replica; a variant's share is its part of the hash range.
struct ExperimentVariantConfig {
  std::string name;     // a slug, unique in the experiment
  std::string profile;  // a served profile's name (built-in or configured)
  std::string path;     // or a pathrank.profile/v1 file, served as "<experiment>.<variant>"
  double share = 0;     // in (0, 1]; the variants' shares sum to 1
};

struct ExperimentConfig {
  std::string name;                   // a slug, unique
  std::vector<std::string> catalogs;  // the catalogs it applies to; empty = every catalog
  std::vector<ExperimentVariantConfig> variants;
  int64_t start_ms = INT64_MIN;  // active from (RFC 3339 "start"), inclusive
  int64_t stop_ms = INT64_MAX;   // until ("stop"), exclusive
};

struct ServerConfig {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 picks a free port (printed at start)
  HttpConfig http;
  std::vector<CatalogSourceConfig> catalogs;
  std::vector<ProfileSourceConfig> profiles;
  std::vector<ProgressSourceConfig> progress_sources;
  StoreConfig store;
  std::vector<ApiKeyConfig> api_keys;
  LimitsConfig limits;
  RateLimitsConfig rate_limits;
  CorsConfig cors;
  std::vector<ExperimentConfig> experiments;
  // Where the access log goes: "stdout", "stderr", "off", or a file path
  // (appended to).
  std::string access_log = "stdout";
};

// Command-line values; set ones override the file and the environment.
struct ConfigFlags {
  std::string config_file;
  std::optional<std::string> host;
  std::optional<int> port;
  std::optional<int> threads;
  std::vector<std::string> catalogs;  // "[id=]path", repeatable; replaces the configured list
  std::optional<std::string> db;
  std::optional<std::string> access_log;
  std::optional<std::string> durability;  // "normal" or "full"
  std::optional<int> max_connections;
  std::optional<int> max_connections_per_client;
  std::optional<int> request_timeout_s;
  std::vector<std::string> rate_limits;  // "ROLE=RATE[/BURST]", repeatable
};

// Parses "ROLE=RATE[/BURST]" (ROLE read, write, admin or client; RATE
// requests per second, 0 = unlimited; BURST defaults to 2 x RATE) into
// `config`; false when malformed.
bool ApplyRateLimitArgument(std::string_view argument, RateLimitsConfig* config);

// Reads an environment variable; nullopt when unset.
using EnvLookup = std::function<std::optional<std::string>(const char* name)>;
// The process environment.
std::optional<std::string> ProcessEnv(const char* name);

// Applies PATHRANK_HOST, PATHRANK_PORT, PATHRANK_THREADS, PATHRANK_CATALOGS
// ("[id=]path,..."), PATHRANK_DB, PATHRANK_ACCESS_LOG, PATHRANK_DURABILITY
// ("normal" or "full"), PATHRANK_MAX_BODY_BYTES and PATHRANK_API_KEYS
// ("name:role:sha256,...").
Status ApplyConfigEnv(const EnvLookup& env, ServerConfig* config);

// Applies the flags that are set. REQUIRES: flags.durability, when set, is
// "normal" or "full" (the CLI checks it).
void ApplyConfigFlags(const ConfigFlags& flags, ServerConfig* config);

// Checks every field; fails with InvalidArgument listing every problem (and
// each as a field error with its JSON pointer). When no API key is
// configured, forces the host to 127.0.0.1 and adds a note saying so.
Status ValidateServerConfig(ServerConfig* config, std::vector<std::string>* notes);

// "full" -> true (StoreConfig::synchronous_full), "normal" -> false;
// nullopt otherwise.
std::optional<bool> ParseDurability(std::string_view text);

// Parses "[id=]path" as used by --catalog and PATHRANK_CATALOGS.
CatalogSourceConfig ParseCatalogArgument(std::string_view argument);

// True for 127.0.0.0/8, ::1 and "localhost".
bool IsLoopbackHost(std::string_view host);

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_OPS_CONFIG_H_
