// The plugin host: loads data-source plugins built against the C ABI of
// plugins/include/pathrank/plugin.h and turns what they hand over into a
// validated Catalog or a list of progress events.
//
// Loading: a plugin is dlopen'ed (RTLD_NOW | RTLD_LOCAL) from the path given,
// resolved to a canonical absolute path first, so no library search path is
// ever consulted; a PluginHost can restrict loading to configured
// directories. The ABI version is checked both ways (the host tells the
// plugin its version; the plugin's table states the version it was built
// with) and the table is checked for size, name, version and functions.
//
// Reading: every read is open -> read -> close on a fresh plugin state. The
// host copies every record it is handed and checks it (pointers, sizes,
// UTF-8, enums); catalogs are then built with CatalogBuilder (stages declared
// in order of first use). A read succeeds whole or not at all: any failure
// (open or read failing, a rejected record, a catalog that does not
// validate) returns a Status naming the plugin, the record and the reason,
// e.g.
//   plugin csv (/opt/pathrank/plugins/libpathrank_csv.so): record 12
//   (item "x"): field "title": not valid UTF-8 (byte 3)
// and nothing half-loaded is returned, so a caller that swaps in the new
// catalog only on success keeps serving the old one.
//
// Exceptions: the host throws none and catches none it does not own; a
// plugin must catch its own at its C edge (see plugins/README.md). Calls
// into the plugin are noexcept, so an exception escaping a plugin ends the
// process (std::terminate) instead of unwinding through C frames.
//
// Thread safety: LoadedPlugin is immutable after Open; its Read* functions
// may be called from several threads at once. PluginHost is thread-safe.

#ifndef PATHRANK_PLUGIN_HOST_H_
#define PATHRANK_PLUGIN_HOST_H_

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pathrank/catalog.h"
#include "pathrank/export.h"
#include "pathrank/status.h"

namespace pathrank {

// What a loaded plugin says about itself.
struct PluginInfo {
  std::string name;          // a slug, e.g. "csv"
  std::string version;       // e.g. "1.0.0"
  std::string description;   // one line; may be empty
  uint32_t abi_version = 0;  // the plugin ABI version it was built with
  bool provides_catalog = false;
  bool provides_progress = false;
  std::string path;  // canonical absolute path of the library
};

enum class PluginLogLevel { kDebug, kInfo, kWarning, kError };

// "debug", "info", "warning", "error".
PATHRANK_EXPORT std::string_view PluginLogLevelName(PluginLogLevel level);

// One message a plugin logged during a read (a copy).
struct PluginLogLine {
  PluginLogLevel level = PluginLogLevel::kInfo;
  std::string message;
};

// One progress event read from a plugin (a copy): evidence that `learner`
// masters `item` to degree `mastery`.
struct ProgressEvent {
  std::string learner;
  std::string item;
  double mastery = 0.0;           // in [0, 1]
  std::optional<std::string> at;  // when, as the source wrote it (ISO 8601)
  std::string id;                 // idempotency key; "" when the source has none
  bool operator==(const ProgressEvent&) const = default;
};

// Limits on what one read may hand over.
struct PluginReadLimits {
  size_t max_records = 10'000'000;    // items + clauses + goals + events
  size_t max_string_bytes = 1 << 20;  // any one string
  size_t max_array_size = 100'000;    // any one array (tags, alternatives, ...)
};

// One dlopen'ed plugin. Move-only; the library is closed when the last
// LoadedPlugin referring to it is destroyed (dlopen counts references).
class PATHRANK_EXPORT LoadedPlugin {
 public:
  // Loads the library at `path` (absolute or relative to the working
  // directory) and checks its entry table. Fails with NotFound when the file
  // does not exist, FailedPrecondition when it cannot be loaded, has no entry
  // symbol, refuses this host's ABI version, states an unsupported ABI
  // version or has a malformed table; the message names the path.
  static Result<LoadedPlugin> Open(const std::string& path);

  LoadedPlugin(LoadedPlugin&& other) noexcept;
  LoadedPlugin& operator=(LoadedPlugin&& other) noexcept;
  LoadedPlugin(const LoadedPlugin&) = delete;
  LoadedPlugin& operator=(const LoadedPlugin&) = delete;
  ~LoadedPlugin();

  const PluginInfo& info() const { return info_; }

  // Reads a catalog: open(config_json) -> read -> close, then builds and
  // validates it. Lines the plugin logs are appended to `log` when given.
  // Fails (with nothing returned) when the plugin provides no catalog, open
  // or read fail, a record is rejected, or the catalog does not validate.
  Result<std::shared_ptr<const Catalog>> ReadCatalog(std::string_view config_json,
                                                     std::vector<PluginLogLine>* log = nullptr,
                                                     const PluginReadLimits& limits = {}) const;

  // Reads progress events, in the order the plugin handed them. Fails as
  // ReadCatalog does; an event with an empty learner or item, or a mastery
  // outside [0, 1], is a rejected record.
  Result<std::vector<ProgressEvent>> ReadProgress(std::string_view config_json,
                                                  std::vector<PluginLogLine>* log = nullptr,
                                                  const PluginReadLimits& limits = {}) const;

 private:
  LoadedPlugin() = default;

  void* handle_ = nullptr;       // from dlopen; dlclose'd by the destructor
  const void* table_ = nullptr;  // the plugin's pr_plugin (static storage)
  PluginInfo info_;
};

struct PluginHostOptions {
  // When non-empty, a plugin loads only if its canonical path lies in one of
  // these directories (themselves canonicalised); others fail with
  // FailedPrecondition. Empty: any path the caller names.
  std::vector<std::string> allowed_dirs;
};

// Loads plugins once and keeps them loaded for repeated reads (a server's
// catalog sources, re-read on reload).
class PATHRANK_EXPORT PluginHost {
 public:
  explicit PluginHost(PluginHostOptions options = {});

  // The plugin at `path`, loaded on first use. Fails as LoadedPlugin::Open,
  // or with FailedPrecondition when the path is outside allowed_dirs.
  Result<std::shared_ptr<const LoadedPlugin>> Load(const std::string& path);

  // Every plugin loaded so far, ordered by path (for listing the sources).
  std::vector<PluginInfo> Loaded() const;

  // Load(path) then ReadCatalog / ReadProgress.
  Result<std::shared_ptr<const Catalog>> ReadCatalog(const std::string& path,
                                                     std::string_view config_json,
                                                     std::vector<PluginLogLine>* log = nullptr);
  Result<std::vector<ProgressEvent>> ReadProgress(const std::string& path,
                                                  std::string_view config_json,
                                                  std::vector<PluginLogLine>* log = nullptr);

 private:
  PluginHostOptions options_;
  mutable std::mutex mu_;
  std::map<std::string, std::shared_ptr<const LoadedPlugin>> loaded_;  // by canonical path
};

// One-shot conveniences: load the plugin at `plugin_path`, read, unload.
PATHRANK_EXPORT Result<std::shared_ptr<const Catalog>> LoadCatalogFromPlugin(
    const std::string& plugin_path, std::string_view config_json,
    std::vector<PluginLogLine>* log = nullptr);
PATHRANK_EXPORT Result<std::vector<ProgressEvent>> ReadProgressFromPlugin(
    const std::string& plugin_path, std::string_view config_json,
    std::vector<PluginLogLine>* log = nullptr);

// One file of a plugin directory: its info, or why it did not load.
struct PluginListing {
  std::string path;
  PluginInfo info;  // valid when status.ok()
  Status status;
};

// Every "*.so" file directly in `dir`, sorted by file name, each loaded,
// described and unloaded. Fails with NotFound when `dir` is not a directory.
PATHRANK_EXPORT Result<std::vector<PluginListing>> ListPlugins(const std::string& dir);

}  // namespace pathrank

#endif  // PATHRANK_PLUGIN_HOST_H_
