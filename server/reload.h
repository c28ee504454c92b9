// ReloadAll: what POST /v1/admin/reload and SIGHUP do — rebuild every catalog
// and profile source (CatalogRegistry::Reload), then import every progress
// source against the new snapshot (ProgressSources::ImportAll).

#ifndef PATHRANK_SERVER_RELOAD_H_
#define PATHRANK_SERVER_RELOAD_H_

#include <vector>

#include "catalog_registry.h"
#include "progress_sources.h"
#include "server_state.h"

namespace pathrank::server {

struct ServerReloadOutcome {
  ReloadOutcome catalogs;
  std::vector<ProgressSourceOutcome> progress;
  // Every catalog, profile and progress source succeeded.
  bool ok() const;
};

ServerReloadOutcome ReloadAll(ServerState& state);

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_RELOAD_H_
