// CatalogRegistry: the catalogs (and scoring profiles) the server serves,
// each with its Scorer, behind one atomically swapped snapshot.
//
// A request takes snapshot() once and keeps it to the end, so a reload never
// changes a catalog under a request in flight. Reload() rebuilds every
// source; a source that fails keeps its previous catalog (or profile) in the
// new snapshot, and the result names the failure.
//
// Thread safety: snapshot() may be called from any thread at any time;
// LoadAll() and Reload() are serialised internally.

#ifndef PATHRANK_SERVER_OPS_CATALOG_REGISTRY_H_
#define PATHRANK_SERVER_OPS_CATALOG_REGISTRY_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ops/config.h"
#include "pathrank/catalog.h"
#include "pathrank/plugin_host.h"
#include "pathrank/scorer.h"
#include "pathrank/scoring_profile.h"
#include "pathrank/sequence_model.h"
#include "pathrank/status.h"

namespace pathrank::server {

struct ServedCatalog {
  std::string id;  // the id it is served under
  std::shared_ptr<const Catalog> catalog;
  std::shared_ptr<const Scorer> scorer;
  // The source's learned sequence model; null for none.
  std::shared_ptr<const SequenceModel> sequence;
  std::string source;  // the file or plugin it came from
  int64_t loaded_ms = 0;
};

struct RegistrySnapshot {
  std::map<std::string, std::shared_ptr<const ServedCatalog>, std::less<>> catalogs;
  // The built-in profiles, then the configured ones (which may replace one).
  std::map<std::string, ScoringProfile, std::less<>> profiles;
  uint64_t generation = 0;  // 1 after the first load, +1 per reload

  // nullptr when absent.
  const ServedCatalog* FindCatalog(std::string_view id) const;
  const ScoringProfile* FindProfile(std::string_view name) const;
};

// What one source did during a load.
struct SourceOutcome {
  std::string kind;  // "catalog" or "profile"
  std::string id;
  bool ok = false;
  std::string error;  // when !ok
  // For catalogs that loaded: their counts.
  size_t items = 0, clauses = 0, goals = 0;
  std::string version;
};

struct ReloadOutcome {
  std::vector<SourceOutcome> sources;
  uint64_t generation = 0;  // of the snapshot now served
  bool ok() const;
};

// Builds the catalog of one source (tests inject failures with it).
using CatalogLoader =
    std::function<Result<std::shared_ptr<const Catalog>>(const CatalogSourceConfig&)>;

// A configured plugin source as /v1/plugins shows it.
struct PluginSource {
  std::string path;                           // as configured
  std::vector<std::string> catalogs;          // the ids it feeds
  std::vector<std::string> progress_sources;  // the progress sources it reads (progress_sources.h)
  std::string config_json;
  std::optional<PluginInfo> info;  // once loaded: name, version, ABI version, canonical path
};

// The entry of `plugins` for the plugin at `path` (as configured), added
// with `config_json` and what `loaded` says of it when there is none yet.
PluginSource& FindOrAddPluginSource(std::vector<PluginSource>* plugins, const std::string& path,
                                    const std::string& config_json,
                                    const std::vector<PluginInfo>& loaded);

class CatalogRegistry {
 public:
  // Without `loader`, a source is read from its native JSON file or through
  // its plugin (kept loaded by the registry's PluginHost and re-read on
  // every reload; what the plugin logs goes to the event log).
  CatalogRegistry(std::vector<CatalogSourceConfig> catalogs,
                  std::vector<ProfileSourceConfig> profiles, CatalogLoader loader = {});

  // The first load: every source must load and ids must be unique, else
  // fails with InvalidArgument (or Unavailable for unreadable files) listing
  // every failure, and nothing is served.
  Status LoadAll();

  // Rebuilds every source and swaps in the new snapshot. Failing sources
  // keep what they served before.
  ReloadOutcome Reload();

  // The snapshot served now; nullptr before LoadAll() succeeded. After a
  // reload, each thread's next call returns the new snapshot; until then the
  // thread keeps the one it took last alive (server workers stop after 30 s
  // idle, releasing theirs).
  std::shared_ptr<const RegistrySnapshot> snapshot() const;

  const std::vector<CatalogSourceConfig>& sources() const { return sources_; }
  // The configured plugin sources, with what each loaded plugin says.
  std::vector<PluginSource> PluginSources() const;
  uint64_t reloads_ok() const { return reloads_ok_.load(); }
  uint64_t reloads_failed() const { return reloads_failed_.load(); }

 private:
  Result<std::shared_ptr<const Catalog>> LoadSource(const CatalogSourceConfig& source);
  // Loads every source on top of `previous` (may be null).
  ReloadOutcome Build(const RegistrySnapshot* previous, std::shared_ptr<RegistrySnapshot>* next);
  // Makes `next` the served snapshot; the one it replaces is released after
  // current_mu_ is unlocked.
  void Publish(std::shared_ptr<const RegistrySnapshot> next);

  std::vector<CatalogSourceConfig> sources_;
  std::vector<ProfileSourceConfig> profile_sources_;
  CatalogLoader loader_;
  PluginHost plugins_;
  mutable std::mutex load_mu_;
  std::vector<std::string> ids_;  // resolved served id per source (guarded by load_mu_)
  // The served snapshot. A mutex held only to copy or swap the pointer, not
  // std::atomic<std::shared_ptr>: libstdc++ 12's load() releases its lock bit
  // with a relaxed store, so a reload's swap is not ordered after a
  // concurrent reader's read of the pointer (a data race ThreadSanitizer
  // reported in ReloadTest; harmless on x86, not on weaker memory models).
  // Readers do not take it on the request path: each thread keeps the
  // snapshot it took last with its stamp, and takes the mutex only when
  // stamp_ (one atomic load) says a newer one was published.
  mutable std::mutex current_mu_;
  std::shared_ptr<const RegistrySnapshot> current_;  // guarded by current_mu_
  std::atomic<uint64_t> stamp_{0};  // of current_; process-unique, 0 before the first
  std::atomic<uint64_t> reloads_ok_{0}, reloads_failed_{0};
};

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_OPS_CATALOG_REGISTRY_H_
