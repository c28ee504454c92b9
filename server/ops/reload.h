// ReloadAll: what POST /v1/admin/reload and SIGHUP do — rebuild every catalog
// and profile source (CatalogRegistry::Reload), then import every progress
// source against the new snapshot (ProgressSources::ImportAll).

#ifndef PATHRANK_SERVER_OPS_RELOAD_H_
#define PATHRANK_SERVER_OPS_RELOAD_H_

#include <vector>

#include "ops/catalog_registry.h"
#include "ops/progress_sources.h"
#include "store/learner_store.h"

namespace pathrank::server {

struct ServerReloadOutcome {
  ReloadOutcome catalogs;
  std::vector<ProgressSourceOutcome> progress;
  // Every catalog, profile and progress source succeeded.
  bool ok() const;
};

// `progress` may be null (no progress sources).
ServerReloadOutcome ReloadAll(CatalogRegistry& registry, ProgressSources* progress,
                              LearnerStore& store);

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_OPS_RELOAD_H_
