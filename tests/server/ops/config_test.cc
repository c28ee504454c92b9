#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "api/config_file.h"

namespace pathrank::server {
namespace {

EnvLookup Env(std::map<std::string, std::string> vars) {
  return [vars](const char* name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

const std::string kHash(64, 'a');

TEST(ConfigTest, FileThenEnvironmentThenFlags) {
  const std::string dir =
      (std::filesystem::path(::testing::TempDir()) / "pathrank_config_test").lexically_normal();
  std::filesystem::create_directories(dir);
  const std::string file = dir + "/server.json";
  std::ofstream(file) << R"({
    "host": "0.0.0.0", "port": 9000,
    "http": {"threads": 8, "keep_alive_max_count": 10},
    "catalogs": [{"id": "go", "path": "catalog.json"}],
    "store": {"path": "db/learners.db", "synchronous": "normal"},
    "api_keys": [{"name": "ops", "sha256": ")" +
                             kHash + R"(", "role": "admin"}],
    "limits": {"max_k": 50}})";
  ConfigFlags flags;
  flags.config_file = file;
  flags.port = 9100;
  std::vector<std::string> notes;
  auto config =
      LoadServerConfig(flags, Env({{"PATHRANK_PORT", "9050"}, {"PATHRANK_THREADS", "12"}}), &notes);
  ASSERT_TRUE(config.has_value()) << config.error().ToString();
  EXPECT_EQ(config->host, "0.0.0.0");   // a key is configured: any address may be served
  EXPECT_EQ(config->port, 9100);        // flag over env over file
  EXPECT_EQ(config->http.threads, 12);  // env over file
  EXPECT_EQ(config->http.keep_alive_max_count, 10);
  ASSERT_EQ(config->catalogs.size(), 1u);
  EXPECT_EQ(config->catalogs[0].id, "go");
  EXPECT_EQ(config->catalogs[0].path, dir + "/catalog.json");  // relative to the file
  EXPECT_EQ(config->store.path, dir + "/db/learners.db");
  EXPECT_FALSE(config->store.synchronous_full);
  ASSERT_EQ(config->api_keys.size(), 1u);
  EXPECT_EQ(config->api_keys[0].role, Role::kAdmin);
  EXPECT_EQ(config->limits.max_k, 50);
  EXPECT_TRUE(notes.empty());
}

TEST(ConfigTest, PostgresStoreUrlIsKeptAndThePoolDefaultsToTheWorkerThreads) {
  const std::string dir =
      (std::filesystem::path(::testing::TempDir()) / "pathrank_config_pg_test").lexically_normal();
  std::filesystem::create_directories(dir);
  const std::string file = dir + "/server.json";
  std::ofstream(file) << R"({"http": {"threads": 24},
    "store": {"path": "postgresql://app@db:5432/pathrank", "statement_timeout_ms": 2000}})";
  ConfigFlags flags;
  flags.config_file = file;
  flags.catalogs = {"go=catalog.json"};
  std::vector<std::string> notes;
  auto config = LoadServerConfig(flags, Env({}), &notes);
  ASSERT_TRUE(config.has_value()) << config.error().ToString();
  EXPECT_EQ(config->store.path, "postgresql://app@db:5432/pathrank");  // not made relative
  EXPECT_EQ(config->store.pool_size, 24);
  EXPECT_EQ(config->store.statement_timeout_ms, 2000);
  EXPECT_EQ(config->store.connect_timeout_s, 2);

  std::ofstream(file) << R"({"store": {"path": "x.db", "pool_size": -1, "connect_timeout_s": 0}})";
  auto bad = LoadServerConfig(flags, Env({{"PATHRANK_DB", "postgres://h/db"}}), &notes);
  ASSERT_FALSE(bad.has_value());
  std::vector<std::string> fields;
  for (const FieldError& f : bad.error().fields()) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"/store/pool_size", "/store/connect_timeout_s"}));

  std::ofstream(file) << "{}";
  auto env = LoadServerConfig(flags, Env({{"PATHRANK_DB", "postgres://h/db"}}), &notes);
  ASSERT_TRUE(env.has_value());
  EXPECT_EQ(env->store.path, "postgres://h/db");
  EXPECT_TRUE(IsPostgresUrl(env->store.path));
  EXPECT_FALSE(IsPostgresUrl("var/postgresql.db"));
}

TEST(ConfigTest, ConnectionLimitsAndRateLimitsFromFileAndFlags) {
  const std::string dir =
      (std::filesystem::path(::testing::TempDir()) / "pathrank_config_rates").lexically_normal();
  std::filesystem::create_directories(dir);
  const std::string file = dir + "/server.json";
  std::ofstream(file) << R"({
    "http": {"max_connections": 500, "max_connections_per_client": 50, "request_timeout_s": 3},
    "catalogs": [{"path": "catalog.json"}],
    "limits": {"max_clock_skew_s": 60},
    "rate_limits": {"read": {"per_second": 5}, "admin": {"per_second": 1, "burst": 4}}})";
  ConfigFlags flags;
  flags.config_file = file;
  flags.max_connections_per_client = 40;
  flags.rate_limits = {"write=7/9", "client=2", "failed_keys=1/5"};
  std::vector<std::string> notes;
  auto config = LoadServerConfig(flags, Env({}), &notes);
  ASSERT_TRUE(config.has_value()) << config.error().ToString();
  EXPECT_EQ(config->http.max_connections, 500);
  EXPECT_EQ(config->http.max_connections_per_client, 40);  // the flag wins
  EXPECT_EQ(config->http.request_timeout_s, 3);
  EXPECT_EQ(config->limits.max_clock_skew_s, 60);
  EXPECT_EQ(config->rate_limits.read.per_second, 5);
  EXPECT_EQ(config->rate_limits.read.burst, 10);  // 2 x the rate when not given
  EXPECT_EQ(config->rate_limits.admin.burst, 4);
  EXPECT_EQ(config->rate_limits.write.per_second, 7);
  EXPECT_EQ(config->rate_limits.write.burst, 9);
  EXPECT_EQ(config->rate_limits.client.per_second, 2);
  EXPECT_EQ(config->rate_limits.failed_keys.per_second, 1);
  EXPECT_EQ(config->rate_limits.failed_keys.burst, 5);
  RateLimitsConfig scratch;
  for (const char* bad : {"read", "guest=1", "read=-1", "read=1/0", "read=x", "read=1/2/3"}) {
    EXPECT_FALSE(ApplyRateLimitArgument(bad, &scratch)) << bad;
  }
  EXPECT_TRUE(ApplyRateLimitArgument("admin=0", &scratch));
  EXPECT_EQ(scratch.admin.per_second, 0);
}

TEST(ConfigTest, FlagCatalogsReplaceConfiguredOnes) {
  ConfigFlags flags;
  flags.catalogs = {"go=/data/go.json", "/data/other.json"};
  std::vector<std::string> notes;
  auto config = LoadServerConfig(flags, Env({{"PATHRANK_CATALOGS", "x.json"}}), &notes);
  ASSERT_TRUE(config.has_value()) << config.error().ToString();
  ASSERT_EQ(config->catalogs.size(), 2u);
  EXPECT_EQ(config->catalogs[0].id, "go");
  EXPECT_EQ(config->catalogs[0].path, "/data/go.json");
  EXPECT_EQ(config->catalogs[1].id, "");
  EXPECT_EQ(config->catalogs[1].path, "/data/other.json");
}

TEST(ConfigTest, WithoutKeysOnlyLoopbackIsServedAndItIsSaid) {
  ConfigFlags flags;
  flags.catalogs = {"c.json"};
  flags.host = "0.0.0.0";
  std::vector<std::string> notes;
  auto config = LoadServerConfig(flags, Env({}), &notes);
  ASSERT_TRUE(config.has_value());
  EXPECT_EQ(config->host, "127.0.0.1");
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_NE(notes[0].find("127.0.0.1 only"), std::string::npos);
}

TEST(ConfigTest, EveryProblemIsReportedWithItsPointer) {
  ServerConfig config;
  config.port = 70000;
  config.http.threads = 0;
  config.catalogs = {
      {"Bad Id", "", "", "{}"}, {"go", "a.json", "", "{}"}, {"go", "b.json", "", "{}"}};
  config.api_keys = {{"k", "not-a-hash", Role::kRead}};
  config.limits.max_k = 0;
  std::vector<std::string> notes;
  Status status = ValidateServerConfig(&config, &notes);
  ASSERT_FALSE(status.ok());
  std::map<std::string, std::string> by_field;
  for (const FieldError& f : status.fields()) by_field[f.field] = f.message;
  EXPECT_TRUE(by_field.count("/port"));
  EXPECT_TRUE(by_field.count("/http/threads"));
  EXPECT_TRUE(by_field.count("/catalogs/0/id"));
  EXPECT_TRUE(by_field.count("/catalogs/0"));     // neither path nor plugin
  EXPECT_TRUE(by_field.count("/catalogs/2/id"));  // duplicate
  EXPECT_TRUE(by_field.count("/api_keys/0/sha256"));
  EXPECT_TRUE(by_field.count("/limits/max_k"));
  EXPECT_NE(status.message().find("invalid server configuration"), std::string::npos);
}

TEST(ConfigTest, CatalogSequenceModelIsResolvedAgainstTheFile) {
  ServerConfig config;
  Status read = ApplyConfigJson(
      R"({"catalogs": [{"id": "go", "path": "go.json", "sequence_model": "tuned/sequence.json"}]})",
      "/etc/pathrank", &config);
  ASSERT_TRUE(read.ok()) << read.ToString();
  ASSERT_EQ(config.catalogs.size(), 1u);
  EXPECT_EQ(config.catalogs[0].sequence_model, "/etc/pathrank/tuned/sequence.json");
  EXPECT_FALSE(
      ApplyConfigJson(R"({"catalogs": [{"path": "go.json", "sequence_model": 3}]})", "", &config)
          .ok());
}

TEST(ConfigTest, ProgressSources) {
  ServerConfig config;
  Status read = ApplyConfigJson(R"({"progress_sources": [
      {"name": "lrs", "plugin": "plugins/libpathrank_xapi.so", "catalog": "go-backend",
       "config": {"path": "statements.json", "activity_prefix": "https://lms/"},
       "on_invalid": "drop", "create_learners": false}]})",
                                "/etc/pathrank", &config);
  ASSERT_TRUE(read.ok()) << read.ToString();
  ASSERT_EQ(config.progress_sources.size(), 1u);
  const ProgressSourceConfig& lrs = config.progress_sources[0];
  EXPECT_EQ(lrs.name, "lrs");
  EXPECT_EQ(lrs.plugin, "/etc/pathrank/plugins/libpathrank_xapi.so");
  EXPECT_EQ(lrs.catalog, "go-backend");
  EXPECT_NE(lrs.plugin_config_json.find("\"activity_prefix\""), std::string::npos);
  EXPECT_TRUE(lrs.drop_invalid);
  EXPECT_FALSE(lrs.create_learners);

  Status bad = ApplyConfigJson(R"({"progress_sources": [
      {"name": "lrs", "plugin": "x.so", "catalog": "go", "on_invalid": "ignore"},
      {"plugin": "x.so", "catalog": "go", "colour": 1}]})",
                               "", &config);
  ASSERT_FALSE(bad.ok());
  std::map<std::string, std::string> by_field;
  for (const FieldError& f : bad.fields()) by_field[f.field] = f.message;
  EXPECT_EQ(by_field["/progress_sources/0/on_invalid"],
            "must be \"fail\" or \"drop\", got \"ignore\"");
  EXPECT_EQ(by_field["/progress_sources/1/name"], "is required");
  EXPECT_EQ(by_field["/progress_sources/1/colour"], "is not a known field");

  config = ServerConfig();
  config.catalogs = {{"go", "a.json", "", "{}"}};
  config.progress_sources = {{"lrs", "x.so", "{}", "go", false, true},
                             {"lrs", "", "{}", "Not A Slug", false, true}};
  std::vector<std::string> notes;
  Status invalid = ValidateServerConfig(&config, &notes);
  ASSERT_FALSE(invalid.ok());
  by_field.clear();
  for (const FieldError& f : invalid.fields()) by_field[f.field] = f.message;
  EXPECT_EQ(by_field["/progress_sources/1/name"], "progress source \"lrs\" is configured twice");
  EXPECT_EQ(by_field["/progress_sources/1/plugin"], "must name the plugin library");
  EXPECT_EQ(by_field["/progress_sources/1/catalog"],
            "must be the id of a served catalog, got \"Not A Slug\"");
  EXPECT_FALSE(by_field.count("/progress_sources/0/name"));
}

TEST(ConfigTest, FileErrorsNameTheFieldAndRejectUnknownFields) {
  ServerConfig config;
  Status status =
      ApplyConfigJson(R"({"port": "80", "hots": "x", "http": {"threads": 1.5}})", "", &config);
  ASSERT_FALSE(status.ok());
  std::map<std::string, std::string> by_field;
  for (const FieldError& f : status.fields()) by_field[f.field] = f.message;
  EXPECT_EQ(by_field["/port"], "must be a number, got string");
  EXPECT_EQ(by_field["/hots"], "is not a known field");
  EXPECT_EQ(by_field["/http/threads"], "must be an integer");
  EXPECT_FALSE(ApplyConfigJson("{", "", &config).ok());
}

TEST(ConfigTest, SyntaxErrorsNameLineAndColumn) {
  ServerConfig config;
  Status status = ApplyConfigJson("{\n  \"port\": 80,\n  \"host\" \"x\"\n}", "", &config);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find("line 3, column"), std::string::npos) << status.message();
}

// A catalog plugin's "config" object is handed to the plugin as JSON text:
// the same value, not necessarily the same text.
TEST(ConfigTest, PluginConfigIsPassedOnAsJson) {
  ServerConfig config;
  Status status = ApplyConfigJson(R"({"catalogs": [
      {"id": "a", "path": "a.csv", "plugin": "p.so",
       "config": {"layout": "tables", "ratio": 0.25, "n": [1, 2], "name": "caf\u00e9"}},
      {"id": "b", "path": "b.json"}]})",
                                  "", &config);
  ASSERT_TRUE(status.ok()) << status.ToString();
  ASSERT_EQ(config.catalogs.size(), 2u);
  EXPECT_EQ(nlohmann::json::parse(config.catalogs[0].plugin_config_json),
            nlohmann::json::parse(
                R"({"layout": "tables", "ratio": 0.25, "n": [1, 2], "name": "caf\u00e9"})"));
  EXPECT_EQ(config.catalogs[1].plugin_config_json, "{}");
}

TEST(ConfigTest, EnvironmentErrorsAndKeys) {
  ServerConfig config;
  EXPECT_FALSE(ApplyConfigEnv(Env({{"PATHRANK_PORT", "eighty"}}), &config).ok());
  ASSERT_TRUE(ApplyConfigEnv(Env({{"PATHRANK_API_KEYS", "ci:write:" + kHash}}), &config).ok());
  ASSERT_EQ(config.api_keys.size(), 1u);
  EXPECT_EQ(config.api_keys[0].name, "ci");
  EXPECT_EQ(config.api_keys[0].role, Role::kWrite);
  EXPECT_FALSE(ApplyConfigEnv(Env({{"PATHRANK_API_KEYS", "ci:root:" + kHash}}), &config).ok());
}

// Durability (docs/deployment.md): full by default; "durability" (or the
// older "synchronous") in the file, then PATHRANK_DURABILITY, then
// --durability; an unknown value is an error naming where it came from.
TEST(ConfigTest, DurabilityFromFileEnvironmentAndFlags) {
  ServerConfig config;
  EXPECT_TRUE(config.store.synchronous_full);
  ASSERT_TRUE(ApplyConfigJson(R"({"store": {"durability": "normal"}})", "", &config).ok());
  EXPECT_FALSE(config.store.synchronous_full);
  ASSERT_TRUE(ApplyConfigJson(R"({"store": {"synchronous": "full"}})", "", &config).ok());
  EXPECT_TRUE(config.store.synchronous_full);
  Status bad = ApplyConfigJson(R"({"store": {"durability": "sometimes"}})", "", &config);
  ASSERT_FALSE(bad.ok());
  ASSERT_EQ(bad.fields().size(), 1u);
  EXPECT_EQ(bad.fields()[0].field, "/store/durability");
  EXPECT_EQ(bad.fields()[0].message, "must be \"full\" or \"normal\"");

  ASSERT_TRUE(ApplyConfigEnv(Env({{"PATHRANK_DURABILITY", "normal"}}), &config).ok());
  EXPECT_FALSE(config.store.synchronous_full);
  Status env = ApplyConfigEnv(Env({{"PATHRANK_DURABILITY", "FULL"}}), &config);
  ASSERT_FALSE(env.ok());
  EXPECT_EQ(env.fields()[0].field, "$PATHRANK_DURABILITY");
  EXPECT_FALSE(config.store.synchronous_full);  // unchanged by the bad value

  ConfigFlags flags;
  flags.durability = "full";
  ApplyConfigFlags(flags, &config);
  EXPECT_TRUE(config.store.synchronous_full);
  flags.durability = "normal";
  ApplyConfigFlags(flags, &config);
  EXPECT_FALSE(config.store.synchronous_full);

  // The flag wins over the environment, which wins over the file.
  const std::string dir =
      (std::filesystem::path(::testing::TempDir()) / "pathrank_durability_test").lexically_normal();
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/server.json")
      << R"({"catalogs": [{"id": "go", "path": "catalog.json"}], "store": {"durability": "normal"}})";
  ConfigFlags layered;
  layered.config_file = dir + "/server.json";
  std::vector<std::string> notes;
  auto from_file = LoadServerConfig(layered, Env({}), &notes);
  ASSERT_TRUE(from_file.has_value()) << from_file.error().ToString();
  EXPECT_FALSE(from_file->store.synchronous_full);
  auto from_env = LoadServerConfig(layered, Env({{"PATHRANK_DURABILITY", "full"}}), &notes);
  ASSERT_TRUE(from_env.has_value());
  EXPECT_TRUE(from_env->store.synchronous_full);
  layered.durability = "normal";
  auto from_flag = LoadServerConfig(layered, Env({{"PATHRANK_DURABILITY", "full"}}), &notes);
  ASSERT_TRUE(from_flag.has_value());
  EXPECT_FALSE(from_flag->store.synchronous_full);
}

TEST(ConfigTest, LoopbackHosts) {
  EXPECT_TRUE(IsLoopbackHost("127.0.0.1"));
  EXPECT_TRUE(IsLoopbackHost("127.1.2.3"));
  EXPECT_TRUE(IsLoopbackHost("::1"));
  EXPECT_TRUE(IsLoopbackHost("localhost"));
  EXPECT_FALSE(IsLoopbackHost("0.0.0.0"));
  EXPECT_FALSE(IsLoopbackHost("10.0.0.1"));
}

}  // namespace
}  // namespace pathrank::server
