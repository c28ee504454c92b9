// The JSON config file of `pathrank serve` (see config.h and docs/server.md).

#include "api/config_file.h"

#include <algorithm>
#include <filesystem>

#include "api/json_reader.h"
#include "ops/time_format.h"
#include "util/file_io.h"

namespace pathrank::server {

namespace {

std::string Resolve(const std::string& base_dir, const std::string& path) {
  if (path.empty() || base_dir.empty() || std::filesystem::path(path).is_absolute()) return path;
  return (std::filesystem::path(base_dir) / path).lexically_normal().string();
}

template <typename T>
void Int(ObjectReader& r, const char* key, T* out) {
  if (auto v = r.Integer(key)) *out = static_cast<T>(*v);
}

void ReadHttp(const JsonDocument& doc, const JsonNode& value, ServerConfig* config,
              JsonErrors* errors) {
  ObjectReader r(doc, value, "/http", errors);
  r.RejectUnknown({"threads", "keep_alive_max_count", "keep_alive_timeout_s", "read_timeout_s",
                   "write_timeout_s", "request_timeout_s", "max_connections",
                   "max_connections_per_client", "listen_backlog", "compute_slots"});
  HttpConfig& http = config->http;
  Int(r, "threads", &http.threads);
  Int(r, "keep_alive_max_count", &http.keep_alive_max_count);
  Int(r, "keep_alive_timeout_s", &http.keep_alive_timeout_s);
  Int(r, "read_timeout_s", &http.read_timeout_s);
  Int(r, "write_timeout_s", &http.write_timeout_s);
  Int(r, "request_timeout_s", &http.request_timeout_s);
  Int(r, "max_connections", &http.max_connections);
  Int(r, "max_connections_per_client", &http.max_connections_per_client);
  Int(r, "listen_backlog", &http.listen_backlog);
  Int(r, "compute_slots", &http.compute_slots);
}

void ReadStore(const JsonDocument& doc, const JsonNode& value, const std::string& base_dir,
               ServerConfig* config, JsonErrors* errors) {
  ObjectReader r(doc, value, "/store", errors);
  r.RejectUnknown({"path", "busy_timeout_ms", "durability", "synchronous", "readers", "pool_size",
                   "connect_timeout_s", "statement_timeout_ms"});
  if (auto v = r.String("path")) {
    config->store.path = IsPostgresUrl(*v) ? *v : Resolve(base_dir, *v);
  }
  Int(r, "busy_timeout_ms", &config->store.busy_timeout_ms);
  Int(r, "readers", &config->store.readers);
  Int(r, "pool_size", &config->store.pool_size);
  Int(r, "connect_timeout_s", &config->store.connect_timeout_s);
  Int(r, "statement_timeout_ms", &config->store.statement_timeout_ms);
  // "synchronous" is the older name of "durability" (same values).
  for (const char* key : {"synchronous", "durability"}) {
    if (auto v = r.String(key)) {
      if (std::optional<bool> full = ParseDurability(*v)) {
        config->store.synchronous_full = *full;
      } else {
        errors->Invalid(r.At(key), "must be \"full\" or \"normal\"");
      }
    }
  }
}

void ReadLimits(const JsonDocument& doc, const JsonNode& value, ServerConfig* config,
                JsonErrors* errors) {
  ObjectReader r(doc, value, "/limits", errors);
  r.RejectUnknown({"max_body_bytes", "max_k", "max_events", "max_mastery_entries", "max_page",
                   "max_clock_skew_s"});
  LimitsConfig& limits = config->limits;
  if (auto v = r.Integer("max_body_bytes")) {
    if (*v < 0) {
      errors->Invalid(r.At("max_body_bytes"), "must be positive");
    } else {
      limits.max_body_bytes = static_cast<size_t>(*v);
    }
  }
  Int(r, "max_k", &limits.max_k);
  Int(r, "max_events", &limits.max_events);
  Int(r, "max_mastery_entries", &limits.max_mastery_entries);
  Int(r, "max_page", &limits.max_page);
  Int(r, "max_clock_skew_s", &limits.max_clock_skew_s);
}

// "rate_limits": {"read": {"per_second": 100, "burst": 200}, ...}
void ReadRateLimits(const JsonDocument& doc, const JsonNode& value, ServerConfig* config,
                    JsonErrors* errors) {
  ObjectReader r(doc, value, "/rate_limits", errors);
  r.RejectUnknown({"read", "write", "admin", "client", "failed_keys"});
  RateLimitsConfig& rates = config->rate_limits;
  const std::pair<const char*, RateLimit*> entries[] = {{"read", &rates.read},
                                                        {"write", &rates.write},
                                                        {"admin", &rates.admin},
                                                        {"client", &rates.client},
                                                        {"failed_keys", &rates.failed_keys}};
  for (const auto& [name, rate] : entries) {
    const JsonNode* node = r.Member(name, JsonType::kObject, false);
    if (node == nullptr) continue;
    ObjectReader e(doc, *node, "/rate_limits/" + std::string(name), errors);
    e.RejectUnknown({"per_second", "burst"});
    if (auto v = e.Number("per_second")) {
      rate->per_second = *v;
      rate->burst = std::max(1.0, *v * 2);
    }
    if (auto v = e.Number("burst")) rate->burst = *v;
  }
}

// "cors": {"allowed_origins": ["https://learn.example"], "max_age_s": 600}
void ReadCors(const JsonDocument& doc, const JsonNode& value, ServerConfig* config,
              JsonErrors* errors) {
  ObjectReader r(doc, value, "/cors", errors);
  r.RejectUnknown({"allowed_origins", "max_age_s"});
  if (auto v = r.StringList("allowed_origins")) config->cors.allowed_origins = std::move(*v);
  Int(r, "max_age_s", &config->cors.max_age_s);
}

// "start"/"stop": RFC 3339 times.
void ReadTime(ObjectReader& r, const char* key, int64_t* out, JsonErrors* errors) {
  auto v = r.String(key);
  if (!v) return;
  if (auto ms = ParseRfc3339(*v)) {
    *out = *ms;
  } else {
    errors->Invalid(r.At(key),
                    "must be an RFC 3339 time (2026-01-01T00:00:00Z), got \"" + *v + "\"");
  }
}

// "experiments": [{"name", "catalogs"?, "start"?, "stop"?, "variants":
// [{"name", "profile" | "path", "share"}]}]
void ReadExperiments(const JsonDocument& doc, const JsonNode& list, const std::string& base_dir,
                     ServerConfig* config, JsonErrors* errors) {
  config->experiments.clear();
  for (size_t i = 0; i < list.size; ++i) {
    const std::string at = JsonPointer("/experiments", i);
    ObjectReader r(doc, doc.node(doc.children(list)[i].node), at, errors);
    r.RejectUnknown({"name", "catalogs", "start", "stop", "variants"});
    ExperimentConfig e;
    e.name = r.String("name", true).value_or("");
    if (auto v = r.StringList("catalogs")) e.catalogs = std::move(*v);
    ReadTime(r, "start", &e.start_ms, errors);
    ReadTime(r, "stop", &e.stop_ms, errors);
    if (const JsonNode* variants = r.Member("variants", JsonType::kArray, true)) {
      for (size_t v = 0; v < variants->size; ++v) {
        ObjectReader vr(doc, doc.node(doc.children(*variants)[v].node),
                        JsonPointer(at + "/variants", v), errors);
        vr.RejectUnknown({"name", "profile", "path", "share"});
        ExperimentVariantConfig variant;
        variant.name = vr.String("name", true).value_or("");
        variant.profile = vr.String("profile").value_or("");
        variant.path = Resolve(base_dir, vr.String("path").value_or(""));
        variant.share = vr.Number("share", true).value_or(0);
        e.variants.push_back(std::move(variant));
      }
    }
    config->experiments.push_back(std::move(e));
  }
}

void ReadCatalogs(const JsonDocument& doc, const JsonNode& list, const std::string& base_dir,
                  ServerConfig* config, JsonErrors* errors) {
  config->catalogs.clear();
  for (size_t i = 0; i < list.size; ++i) {
    ObjectReader r(doc, doc.node(doc.children(list)[i].node), JsonPointer("/catalogs", i), errors);
    r.RejectUnknown({"id", "path", "plugin", "config", "sequence_model"});
    CatalogSourceConfig source;
    source.id = r.String("id").value_or("");
    source.path = Resolve(base_dir, r.String("path").value_or(""));
    source.plugin = Resolve(base_dir, r.String("plugin").value_or(""));
    source.sequence_model = Resolve(base_dir, r.String("sequence_model").value_or(""));
    const JsonNode* plugin_config = r.Member("config", JsonType::kObject, false);
    source.plugin_config_json = plugin_config ? doc.ToJson(*plugin_config) : "{}";
    config->catalogs.push_back(std::move(source));
  }
}

void ReadProfiles(const JsonDocument& doc, const JsonNode& list, const std::string& base_dir,
                  ServerConfig* config, JsonErrors* errors) {
  config->profiles.clear();
  for (size_t i = 0; i < list.size; ++i) {
    ObjectReader r(doc, doc.node(doc.children(list)[i].node), JsonPointer("/profiles", i), errors);
    r.RejectUnknown({"name", "path"});
    ProfileSourceConfig profile;
    profile.name = r.String("name", true).value_or("");
    profile.path = Resolve(base_dir, r.String("path", true).value_or(""));
    config->profiles.push_back(std::move(profile));
  }
}

void ReadProgressSources(const JsonDocument& doc, const JsonNode& list, const std::string& base_dir,
                         ServerConfig* config, JsonErrors* errors) {
  config->progress_sources.clear();
  for (size_t i = 0; i < list.size; ++i) {
    ObjectReader r(doc, doc.node(doc.children(list)[i].node), JsonPointer("/progress_sources", i),
                   errors);
    r.RejectUnknown({"name", "plugin", "config", "catalog", "on_invalid", "create_learners"});
    ProgressSourceConfig source;
    source.name = r.String("name", true).value_or("");
    source.plugin = Resolve(base_dir, r.String("plugin", true).value_or(""));
    const JsonNode* plugin_config = r.Member("config", JsonType::kObject, false);
    source.plugin_config_json = plugin_config ? doc.ToJson(*plugin_config) : "{}";
    source.catalog = r.String("catalog", true).value_or("");
    if (auto v = r.String("on_invalid")) {
      if (*v == "fail" || *v == "drop") {
        source.drop_invalid = *v == "drop";
      } else {
        errors->Invalid(r.At("on_invalid"), "must be \"fail\" or \"drop\", got \"" + *v + "\"");
      }
    }
    if (auto v = r.Bool("create_learners")) source.create_learners = *v;
    config->progress_sources.push_back(std::move(source));
  }
}

void ReadApiKeys(const JsonDocument& doc, const JsonNode& list, ServerConfig* config,
                 JsonErrors* errors) {
  config->api_keys.clear();
  for (size_t i = 0; i < list.size; ++i) {
    ObjectReader r(doc, doc.node(doc.children(list)[i].node), JsonPointer("/api_keys", i), errors);
    r.RejectUnknown({"name", "sha256", "role"});
    ApiKeyConfig key;
    key.name = r.String("name").value_or("key" + std::to_string(i));
    key.sha256 = r.String("sha256", true).value_or("");
    if (auto role = r.String("role", true)) {
      if (auto parsed = ParseRole(*role)) {
        key.role = *parsed;
      } else {
        errors->Invalid(r.At("role"), "must be read, write or admin, got \"" + *role + "\"");
      }
    }
    config->api_keys.push_back(std::move(key));
  }
}

Status ToStatus(const JsonErrors& errors) {
  std::vector<ProblemField> all = errors.malformed;
  all.insert(all.end(), errors.invalid.begin(), errors.invalid.end());
  std::string message = std::to_string(all.size()) + (all.size() == 1 ? " error" : " errors");
  for (const ProblemField& f : all) {
    message +=
        "\n  " + (f.pointer.empty() ? std::string("(document)") : f.pointer) + ": " + f.message;
  }
  Status status = Status::InvalidArgument(message);
  for (const ProblemField& f : all) status.AddField(f.pointer, f.message);
  return status;
}

}  // namespace

Status ApplyConfigJson(std::string_view text, const std::string& base_dir, ServerConfig* config) {
  JsonErrors errors;
  JsonDocument doc;
  if (!ParseJson(text, &doc, &errors)) return ToStatus(errors);
  ObjectReader r(doc, doc.root(), "", &errors);
  r.RejectUnknown({"host", "port", "http", "catalogs", "profiles", "progress_sources", "store",
                   "api_keys", "limits", "rate_limits", "access_log", "cors", "experiments"});
  if (auto v = r.String("host")) config->host = *v;
  Int(r, "port", &config->port);
  if (const JsonNode* v = r.Member("http", JsonType::kObject, false)) {
    ReadHttp(doc, *v, config, &errors);
  }
  if (const JsonNode* v = r.Member("catalogs", JsonType::kArray, false)) {
    ReadCatalogs(doc, *v, base_dir, config, &errors);
  }
  if (const JsonNode* v = r.Member("profiles", JsonType::kArray, false)) {
    ReadProfiles(doc, *v, base_dir, config, &errors);
  }
  if (const JsonNode* v = r.Member("progress_sources", JsonType::kArray, false)) {
    ReadProgressSources(doc, *v, base_dir, config, &errors);
  }
  if (const JsonNode* v = r.Member("store", JsonType::kObject, false)) {
    ReadStore(doc, *v, base_dir, config, &errors);
  }
  if (const JsonNode* v = r.Member("api_keys", JsonType::kArray, false)) {
    ReadApiKeys(doc, *v, config, &errors);
  }
  if (const JsonNode* v = r.Member("limits", JsonType::kObject, false)) {
    ReadLimits(doc, *v, config, &errors);
  }
  if (const JsonNode* v = r.Member("rate_limits", JsonType::kObject, false)) {
    ReadRateLimits(doc, *v, config, &errors);
  }
  if (const JsonNode* v = r.Member("experiments", JsonType::kArray, false)) {
    ReadExperiments(doc, *v, base_dir, config, &errors);
  }
  if (const JsonNode* v = r.Member("cors", JsonType::kObject, false)) {
    ReadCors(doc, *v, config, &errors);
  }
  if (auto v = r.String("access_log")) {
    config->access_log =
        (*v == "stdout" || *v == "stderr" || *v == "off") ? *v : Resolve(base_dir, *v);
  }
  if (!errors.empty()) return ToStatus(errors);
  return Status::Ok();
}

Result<ServerConfig> LoadServerConfig(const ConfigFlags& flags, const EnvLookup& env,
                                      std::vector<std::string>* notes) {
  ServerConfig config;
  std::string file = flags.config_file;
  if (file.empty()) file = env("PATHRANK_CONFIG").value_or("");
  if (!file.empty()) {
    Result<std::string> text = ReadFile(file);
    if (!text) return text.error();
    const std::string base = std::filesystem::path(file).parent_path().string();
    Status applied = ApplyConfigJson(*text, base, &config);
    if (!applied.ok()) return applied.WithPrefix("config " + file);
  }
  PATHRANK_RETURN_IF_ERROR(ApplyConfigEnv(env, &config));
  ApplyConfigFlags(flags, &config);
  PATHRANK_RETURN_IF_ERROR(ValidateServerConfig(&config, notes));
  return config;
}

}  // namespace pathrank::server
