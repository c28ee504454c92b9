// An in-process pathrank server on a 127.0.0.1 ephemeral port, and a small
// client, for the tests over real HTTP.

#ifndef PATHRANK_TESTS_SERVER_HTTP_FIXTURE_H_
#define PATHRANK_TESTS_SERVER_HTTP_FIXTURE_H_

#include <httplib.h>
#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>

#include "http/auth.h"
#include "http/http_server.h"
#include "ops/access_log.h"
#include "ops/catalog_registry.h"
#include "ops/config.h"
#include "ops/progress_sources.h"
#include "store/sqlite/sqlite_learner_store.h"
#include "test_paths.h"

namespace pathrank::server::testing {

// One answer: status, body, the body as JSON (null when not JSON), headers.
struct Answer {
  int status = 0;  // 0: no answer (connection error)
  std::string body;
  nlohmann::json json;
  httplib::Headers headers;
  std::string error;  // the client's error when status == 0

  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
  // The pointers of errors[] ("in:field"), for problem answers.
  std::vector<std::string> Fields() const {
    std::vector<std::string> out;
    if (json.is_object() && json.contains("errors")) {
      for (const auto& e : json["errors"]) {
        out.push_back(e["in"].get<std::string>() + ":" + e["field"].get<std::string>());
      }
    }
    return out;
  }
};

// A fresh directory for test `name`, unique to this process: two test runs
// at once (two builds, two engineers on one machine) must not share files.
inline std::string TempDirFor(const std::string& name) {
  const std::string dir = (std::filesystem::path(::testing::TempDir()) /
                           ("pathrank_" + name + "_" + std::to_string(getpid())))
                              .lexically_normal();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string CurrentTestName() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  return std::string(info->test_suite_name()) + "_" + info->name();
}

class TestServer {
 public:
  // A server on the Go catalog (served as "go-backend") with a fresh store;
  // `tweak` may change the config before it is validated.
  explicit TestServer(const std::function<void(ServerConfig&)>& tweak = {}) {
    signal(SIGPIPE, SIG_IGN);
    dir_ = TempDirFor(CurrentTestName());
    config_.host = "127.0.0.1";
    config_.port = 0;
    config_.http.threads = 8;
    config_.catalogs = {{"go-backend", pathrank::testing::GoCatalogPath(), "", "{}", ""}};
    config_.store.path = dir_ + "/learners.db";
    config_.store.synchronous_full = false;
    config_.access_log = dir_ + "/access.log";
    if (tweak) tweak(config_);
    std::vector<std::string> notes;
    Status valid = ValidateServerConfig(&config_, &notes);
    EXPECT_TRUE(valid.ok()) << valid.ToString();
    auto log = AccessLog::Open(config_.access_log);
    EXPECT_TRUE(log.has_value());
    log_ = std::move(*log);
    auto store = SqliteLearnerStore::Open(config_.store);
    EXPECT_TRUE(store.has_value()) << store.error().ToString();
    store_ = std::move(*store);
    registry_ = std::make_unique<CatalogRegistry>(config_.catalogs, config_.profiles);
    Status loaded = registry_->LoadAll();
    EXPECT_TRUE(loaded.ok()) << loaded.ToString();
    state_ = std::make_unique<ServerState>(config_, *registry_, *store_, *log_);
    // Progress sources are imported by reloads (serve also imports at start).
    progress_ = std::make_unique<ProgressSources>(config_.progress_sources);
    state_->progress = progress_.get();
    http_ = std::make_unique<HttpServer>(*state_);
    auto port = http_->Bind();
    EXPECT_TRUE(port.has_value());
    port_ = port.has_value() ? *port : 0;
    thread_ = std::thread([this] { (void)http_->Serve(); });
  }

  ~TestServer() { Stop(); }

  // Closes the shared client first: an idle keep-alive connection would
  // hold shutdown for up to keep_alive_timeout_s.
  void Stop() {
    client_.reset();
    if (!thread_.joinable()) return;
    http_->Stop();
    thread_.join();
  }

  int port() const { return port_; }
  const std::string& dir() const { return dir_; }
  const ServerConfig& config() const { return config_; }
  CatalogRegistry& registry() { return *registry_; }
  SqliteLearnerStore& store() { return *store_; }
  ServerState& state() { return *state_; }

  std::unique_ptr<httplib::Client> NewClient() const {
    auto client = std::make_unique<httplib::Client>("127.0.0.1", port_);
    client->set_connection_timeout(5, 0);
    client->set_read_timeout(10, 0);
    client->set_write_timeout(10, 0);
    client->set_keep_alive(true);
    client->set_tcp_nodelay(true);
    return client;
  }

  // One request on a fresh or the shared client.
  Answer Call(const std::string& method, const std::string& path, const std::string& body = "",
              const httplib::Headers& headers = {}) {
    if (!client_) client_ = NewClient();
    return Send(*client_, method, path, body, headers);
  }

  static Answer Send(httplib::Client& client, const std::string& method, const std::string& path,
                     const std::string& body = "", const httplib::Headers& headers = {}) {
    const char* json = "application/json";
    httplib::Result r = method == "GET"       ? client.Get(path, headers)
                        : method == "POST"    ? client.Post(path, headers, body, json)
                        : method == "PUT"     ? client.Put(path, headers, body, json)
                        : method == "DELETE"  ? client.Delete(path, headers)
                        : method == "OPTIONS" ? client.Options(path, headers)
                                              : client.Patch(path, headers, body, json);
    Answer answer;
    if (!r) {
      answer.error = httplib::to_string(r.error());
      return answer;
    }
    answer.status = r->status;
    answer.body = r->body;
    answer.headers = r->headers;
    answer.json = nlohmann::json::parse(r->body, nullptr, false);
    if (answer.json.is_discarded()) answer.json = nullptr;
    return answer;
  }

  // Every line of the access log.
  std::vector<nlohmann::json> AccessLogLines() const {
    std::vector<nlohmann::json> lines;
    std::ifstream in(config_.access_log);
    std::string line;
    while (std::getline(in, line)) lines.push_back(nlohmann::json::parse(line, nullptr, false));
    return lines;
  }

 private:
  std::string dir_;
  ServerConfig config_;
  std::unique_ptr<AccessLog> log_;
  std::unique_ptr<SqliteLearnerStore> store_;
  std::unique_ptr<CatalogRegistry> registry_;
  std::unique_ptr<ProgressSources> progress_;
  std::unique_ptr<ServerState> state_;
  std::unique_ptr<HttpServer> http_;
  std::unique_ptr<httplib::Client> client_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace pathrank::server::testing

#endif  // PATHRANK_TESTS_SERVER_HTTP_FIXTURE_H_
