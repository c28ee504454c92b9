#include "ops/config.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <type_traits>

#include "ops/experiments.h"
#include "pathrank/catalog_spec.h"
#include "util/csv.h"
#include "util/file_io.h"

namespace pathrank::server {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kNone:
      return "none";
    case Role::kRead:
      return "read";
    case Role::kWrite:
      return "write";
    case Role::kAdmin:
      return "admin";
  }
  return "none";
}

std::optional<Role> ParseRole(std::string_view name) {
  if (name == "read") return Role::kRead;
  if (name == "write") return Role::kWrite;
  if (name == "admin") return Role::kAdmin;
  return std::nullopt;
}

std::optional<std::string> ProcessEnv(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

CatalogSourceConfig ParseCatalogArgument(std::string_view argument) {
  CatalogSourceConfig source;
  source.plugin_config_json = "{}";
  const size_t eq = argument.find('=');
  if (eq != std::string_view::npos && IsSlug(argument.substr(0, eq))) {
    source.id = std::string(argument.substr(0, eq));
    source.path = std::string(argument.substr(eq + 1));
  } else {
    source.path = std::string(argument);
  }
  return source;
}

bool IsLoopbackHost(std::string_view host) {
  if (host == "localhost" || host == "::1") return true;
  in_addr addr{};
  const std::string h(host);
  if (inet_pton(AF_INET, h.c_str(), &addr) == 1) {
    return (ntohl(addr.s_addr) >> 24) == 127;
  }
  return false;
}

namespace {

bool ParseInt(const std::string& text, long long lo, long long hi, long long* out) {
  if (text.empty()) return false;
  char* end = nullptr;
  errno = 0;
  const long long v = std::strtoll(text.c_str(), &end, 10);
  if (errno != 0 || end != text.c_str() + text.size() || v < lo || v > hi) return false;
  *out = v;
  return true;
}

bool IsLowerHex(std::string_view s, size_t size) {
  if (s.size() != size) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

class Checker {
 public:
  void Error(std::string pointer, std::string message) {
    errors_.push_back({std::move(pointer), std::move(message)});
  }
  void Range(long long value, long long lo, long long hi, const std::string& pointer) {
    if (value < lo || value > hi) {
      Error(pointer, "must be an integer in " + std::to_string(lo) + ".." + std::to_string(hi) +
                         ", got " + std::to_string(value));
    }
  }
  Status Done() const {
    if (errors_.empty()) return Status::Ok();
    std::string message = "invalid server configuration (" + std::to_string(errors_.size()) +
                          (errors_.size() == 1 ? " error)" : " errors)");
    for (const FieldError& e : errors_) message += "\n  " + e.field + ": " + e.message;
    Status status = Status::InvalidArgument(message);
    for (const FieldError& e : errors_) status.AddField(e.field, e.message);
    return status;
  }

 private:
  std::vector<FieldError> errors_;
};

// "scheme://host[:port]": http or https, a host, no path, no trailing slash.
bool IsOrigin(std::string_view origin) {
  size_t rest = 0;
  if (origin.starts_with("https://")) {
    rest = 8;
  } else if (origin.starts_with("http://")) {
    rest = 7;
  } else {
    return false;
  }
  if (origin.size() == rest) return false;
  for (char c : origin.substr(rest)) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
    if (!ok) return false;
  }
  return true;
}

void CheckCors(const CorsConfig& cors, Checker* check) {
  for (size_t i = 0; i < cors.allowed_origins.size(); ++i) {
    const std::string& o = cors.allowed_origins[i];
    if (o != "*" && !IsOrigin(o)) {
      check->Error("/cors/allowed_origins/" + std::to_string(i),
                   "must be \"*\" or an origin scheme://host[:port] (no path, no trailing "
                   "slash), got \"" +
                       o + "\"");
    }
  }
  check->Range(cors.max_age_s, 0, 86400, "/cors/max_age_s");
}

}  // namespace

std::optional<bool> ParseDurability(std::string_view text) {
  if (text == "full") return true;
  if (text == "normal") return false;
  return std::nullopt;
}

Status ApplyConfigEnv(const EnvLookup& env, ServerConfig* config) {
  Checker check;
  auto integer = [&](const char* name, long long lo, long long hi, auto* out) {
    std::optional<std::string> v = env(name);
    if (!v) return;
    long long parsed = 0;
    if (!ParseInt(*v, lo, hi, &parsed)) {
      check.Error(std::string("$") + name, "must be an integer in " + std::to_string(lo) + ".." +
                                               std::to_string(hi) + ", got \"" + *v + "\"");
      return;
    }
    *out = static_cast<std::remove_pointer_t<decltype(out)>>(parsed);
  };
  if (auto v = env("PATHRANK_HOST")) config->host = *v;
  integer("PATHRANK_PORT", 0, 65535, &config->port);
  integer("PATHRANK_THREADS", 1, 4096, &config->http.threads);
  integer("PATHRANK_MAX_BODY_BYTES", 1, 1LL << 34, &config->limits.max_body_bytes);
  if (auto v = env("PATHRANK_CATALOGS")) {
    config->catalogs.clear();
    for (const std::string& arg : internal::SplitList(*v, ",")) {
      config->catalogs.push_back(ParseCatalogArgument(arg));
    }
  }
  if (auto v = env("PATHRANK_DB")) config->store.path = *v;
  if (auto v = env("PATHRANK_ACCESS_LOG")) config->access_log = *v;
  if (auto v = env("PATHRANK_DURABILITY")) {
    if (std::optional<bool> full = ParseDurability(*v)) {
      config->store.synchronous_full = *full;
    } else {
      check.Error("$PATHRANK_DURABILITY", "must be normal or full, got \"" + *v + "\"");
    }
  }
  if (auto v = env("PATHRANK_API_KEYS")) {
    config->api_keys.clear();
    for (const std::string& entry : internal::SplitList(*v, ",")) {
      const std::vector<std::string> parts = internal::SplitList(entry, ":");
      std::optional<Role> role = parts.size() == 3 ? ParseRole(parts[1]) : std::nullopt;
      if (!role) {
        check.Error("$PATHRANK_API_KEYS",
                    "entries are name:role:sha256 with role read, write or admin");
        continue;
      }
      config->api_keys.push_back({parts[0], parts[2], *role});
    }
  }
  return check.Done();
}

void ApplyConfigFlags(const ConfigFlags& flags, ServerConfig* config) {
  if (flags.host) config->host = *flags.host;
  if (flags.port) config->port = *flags.port;
  if (flags.threads) config->http.threads = *flags.threads;
  if (!flags.catalogs.empty()) {
    config->catalogs.clear();
    for (const std::string& arg : flags.catalogs) {
      config->catalogs.push_back(ParseCatalogArgument(arg));
    }
  }
  if (flags.db) config->store.path = *flags.db;
  if (flags.access_log) config->access_log = *flags.access_log;
  if (flags.durability) {
    if (std::optional<bool> full = ParseDurability(*flags.durability)) {
      config->store.synchronous_full = *full;
    }
  }
  if (flags.max_connections) config->http.max_connections = *flags.max_connections;
  if (flags.max_connections_per_client) {
    config->http.max_connections_per_client = *flags.max_connections_per_client;
  }
  if (flags.request_timeout_s) config->http.request_timeout_s = *flags.request_timeout_s;
  for (const std::string& arg : flags.rate_limits) {
    (void)ApplyRateLimitArgument(arg, &config->rate_limits);  // checked by the CLI
  }
}

bool ApplyRateLimitArgument(std::string_view argument, RateLimitsConfig* config) {
  const size_t eq = argument.find('=');
  if (eq == std::string_view::npos) return false;
  const std::string_view role = argument.substr(0, eq);
  RateLimit* target = role == "read"          ? &config->read
                      : role == "write"       ? &config->write
                      : role == "admin"       ? &config->admin
                      : role == "client"      ? &config->client
                      : role == "failed_keys" ? &config->failed_keys
                                              : nullptr;
  if (target == nullptr) return false;
  const std::string value(argument.substr(eq + 1));
  char* end = nullptr;
  errno = 0;
  const double rate = std::strtod(value.c_str(), &end);
  if (errno != 0 || end == value.c_str() || !(rate >= 0 && rate <= 1e6)) return false;
  double burst = rate * 2;
  if (*end == '/') {
    const char* start = end + 1;
    burst = std::strtod(start, &end);
    if (end == start || !(burst >= 1 && burst <= 1e7)) return false;
  }
  if (*end != '\0') return false;
  *target = {rate, rate > 0 ? std::max(1.0, burst) : 0};
  return true;
}

Status ValidateServerConfig(ServerConfig* config, std::vector<std::string>* notes) {
  Checker check;
  if (config->host.empty()) check.Error("/host", "must not be empty");
  check.Range(config->port, 0, 65535, "/port");
  const HttpConfig& http = config->http;
  check.Range(http.threads, 1, 4096, "/http/threads");
  check.Range(http.keep_alive_max_count, 1, 1000000, "/http/keep_alive_max_count");
  check.Range(http.keep_alive_timeout_s, 1, 3600, "/http/keep_alive_timeout_s");
  check.Range(http.read_timeout_s, 1, 3600, "/http/read_timeout_s");
  check.Range(http.write_timeout_s, 1, 3600, "/http/write_timeout_s");
  check.Range(http.request_timeout_s, 1, 3600, "/http/request_timeout_s");
  check.Range(http.max_connections, 1, 1000000, "/http/max_connections");
  check.Range(http.max_connections_per_client, 1, 1000000, "/http/max_connections_per_client");
  check.Range(http.listen_backlog, 1, 65535, "/http/listen_backlog");
  check.Range(http.compute_slots, 0, 4096, "/http/compute_slots");

  if (config->catalogs.empty()) {
    check.Error("/catalogs", "at least one catalog is needed (--catalog PATH)");
  }
  std::set<std::string> ids;
  for (size_t i = 0; i < config->catalogs.size(); ++i) {
    const CatalogSourceConfig& c = config->catalogs[i];
    const std::string at = "/catalogs/" + std::to_string(i);
    if (!c.id.empty() && !IsSlug(c.id)) {
      check.Error(at + "/id", "must be a slug ([a-z0-9][a-z0-9._-]*), got \"" + c.id + "\"");
    }
    if (!c.id.empty() && !ids.insert(c.id).second) {
      check.Error(at + "/id", "catalog \"" + c.id + "\" is configured twice");
    }
    if (c.path.empty() == c.plugin.empty()) {
      check.Error(at, "needs exactly one of \"path\" (a catalog file) or \"plugin\"");
    }
  }
  std::vector<std::pair<std::string, std::string>> experiment_errors;
  CheckExperiments(config->experiments, &config->profiles, &experiment_errors);
  for (auto& [pointer, message] : experiment_errors) check.Error(pointer, message);
  std::set<std::string> profile_names;
  for (size_t i = 0; i < config->profiles.size(); ++i) {
    const ProfileSourceConfig& p = config->profiles[i];
    const std::string at = "/profiles/" + std::to_string(i);
    if (!IsSlug(p.name)) check.Error(at + "/name", "must be a slug, got \"" + p.name + "\"");
    if (!profile_names.insert(p.name).second) {
      check.Error(at + "/name", "profile \"" + p.name + "\" is configured twice");
    }
    if (p.path.empty()) check.Error(at + "/path", "must name a pathrank.profile/v1 file");
  }

  std::set<std::string> source_names;
  for (size_t i = 0; i < config->progress_sources.size(); ++i) {
    const ProgressSourceConfig& p = config->progress_sources[i];
    const std::string at = "/progress_sources/" + std::to_string(i);
    if (!IsSlug(p.name)) check.Error(at + "/name", "must be a slug, got \"" + p.name + "\"");
    if (!source_names.insert(p.name).second) {
      check.Error(at + "/name", "progress source \"" + p.name + "\" is configured twice");
    }
    if (p.plugin.empty()) check.Error(at + "/plugin", "must name the plugin library");
    if (!IsSlug(p.catalog)) {
      check.Error(at + "/catalog", "must be the id of a served catalog, got \"" + p.catalog + "\"");
    }
  }

  const StoreConfig& store = config->store;
  if (store.path.empty()) {
    check.Error("/store/path", "must name the SQLite file or a postgresql:// URL (--db PATH|URL)");
  }
  check.Range(store.busy_timeout_ms, 0, 600000, "/store/busy_timeout_ms");
  check.Range(store.readers, 1, 256, "/store/readers");
  check.Range(store.pool_size, 0, 1024, "/store/pool_size");
  check.Range(store.connect_timeout_s, 1, 600, "/store/connect_timeout_s");
  check.Range(store.statement_timeout_ms, 1, 600000, "/store/statement_timeout_ms");
  if (config->store.pool_size == 0) config->store.pool_size = config->http.threads;

  std::set<std::string> hashes;
  for (size_t i = 0; i < config->api_keys.size(); ++i) {
    const ApiKeyConfig& key = config->api_keys[i];
    const std::string at = "/api_keys/" + std::to_string(i);
    if (!IsLowerHex(key.sha256, 64)) {
      check.Error(at + "/sha256",
                  "must be the lower-case hex SHA-256 of the key (64 characters); "
                  "e.g. printf %s \"$KEY\" | sha256sum");
    } else if (!hashes.insert(key.sha256).second) {
      check.Error(at + "/sha256", "the same key is configured twice");
    }
    if (key.role == Role::kNone) check.Error(at + "/role", "must be read, write or admin");
  }

  const LimitsConfig& limits = config->limits;
  if (limits.max_body_bytes < 1024 || limits.max_body_bytes > (size_t{1} << 30)) {
    check.Error("/limits/max_body_bytes", "must be in 1024..1073741824");
  }
  check.Range(limits.max_k, 1, 100000, "/limits/max_k");
  check.Range(limits.max_events, 1, 1000000, "/limits/max_events");
  check.Range(limits.max_mastery_entries, 1, 10000000, "/limits/max_mastery_entries");
  check.Range(limits.max_page, 1, 1000000, "/limits/max_page");
  check.Range(limits.max_clock_skew_s, 0, 86400 * 365, "/limits/max_clock_skew_s");
  const std::pair<const RateLimit*, const char*> rates[] = {
      {&config->rate_limits.read, "read"},
      {&config->rate_limits.write, "write"},
      {&config->rate_limits.admin, "admin"},
      {&config->rate_limits.client, "client"}};
  for (const auto& [rate, name] : rates) {
    const std::string at = std::string("/rate_limits/") + name;
    if (!(rate->per_second >= 0 && rate->per_second <= 1e6)) {
      check.Error(at + "/per_second", "must be in [0, 1000000]");
    }
    if (rate->per_second > 0 && !(rate->burst >= 1 && rate->burst <= 1e7)) {
      check.Error(at + "/burst", "must be in [1, 10000000] when per_second > 0");
    }
  }
  if (config->access_log.empty()) {
    check.Error("/access_log", "must be stdout, stderr, off or a file path");
  }
  CheckCors(config->cors, &check);

  PATHRANK_RETURN_IF_ERROR(check.Done());
  if (config->api_keys.empty() && !IsLoopbackHost(config->host)) {
    notes->push_back("no API key is configured: listening on 127.0.0.1 only, not on " +
                     config->host + " (configure api_keys to serve other hosts)");
    config->host = "127.0.0.1";
  } else if (config->api_keys.empty()) {
    notes->push_back("no API key is configured: every route is open, on " + config->host +
                     " (loopback) only");
  }
  return Status::Ok();
}

}  // namespace pathrank::server
