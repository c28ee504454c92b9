// ProgressSources: the configured progress sources of `pathrank serve`, each
// a data-source plugin whose progress events are imported into the learner
// store (progress_import.h) at start-up and on every reload (POST
// /v1/admin/reload, SIGHUP). Importing is idempotent, so re-reading a source
// whose events were imported before adds only what is new.
//
// Thread safety: ImportAll() calls are serialised internally; the other
// methods may be called from any thread.

#ifndef PATHRANK_SERVER_OPS_PROGRESS_SOURCES_H_
#define PATHRANK_SERVER_OPS_PROGRESS_SOURCES_H_

#include <mutex>
#include <string>
#include <vector>

#include "ops/catalog_registry.h"
#include "ops/config.h"
#include "ops/progress_import.h"
#include "pathrank/plugin_host.h"
#include "pathrank/status.h"
#include "store/learner_store.h"

namespace pathrank::server {

// What one source did in one import.
struct ProgressSourceOutcome {
  std::string name;
  bool ok = false;
  Status error;  // when !ok: names the source, and the bad events as fields
  ProgressImportReport report;
};

class ProgressSources {
 public:
  // `max_clock_skew_s`: the server's limits.max_clock_skew_s, applied to the
  // sources' event times as to the API's.
  explicit ProgressSources(std::vector<ProgressSourceConfig> sources, int max_clock_skew_s = 300);

  // Reads every source through its plugin (loaded once, kept loaded) and
  // imports its events against the catalog `snapshot` serves under the
  // source's catalog id. A failing source (plugin, unknown catalog, invalid
  // events with on_invalid "fail", store) writes nothing of its own — unless
  // the store failed part way: see progress_import.h — and does not stop
  // the others. The plugins' log lines and dropped events go to the event
  // log.
  std::vector<ProgressSourceOutcome> ImportAll(const RegistrySnapshot& snapshot,
                                               LearnerStore& store);

  const std::vector<ProgressSourceConfig>& sources() const { return sources_; }

  // Adds these sources' plugins to `plugins` (/v1/plugins): a plugin that
  // already feeds catalogs gets the source names in `progress_sources`.
  void AddPluginSources(std::vector<PluginSource>* plugins) const;

 private:
  std::vector<ProgressSourceConfig> sources_;
  int max_clock_skew_s_;
  PluginHost plugins_;
  std::mutex import_mu_;
};

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_OPS_PROGRESS_SOURCES_H_
