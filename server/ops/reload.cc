#include "ops/reload.h"

#include <algorithm>

namespace pathrank::server {

bool ServerReloadOutcome::ok() const {
  return catalogs.ok() && std::all_of(progress.begin(), progress.end(),
                                      [](const ProgressSourceOutcome& p) { return p.ok; });
}

ServerReloadOutcome ReloadAll(CatalogRegistry& registry, ProgressSources* progress,
                              LearnerStore& store) {
  ServerReloadOutcome outcome;
  outcome.catalogs = registry.Reload();
  if (progress != nullptr) {
    if (auto snapshot = registry.snapshot()) {
      outcome.progress = progress->ImportAll(*snapshot, store);
    }
  }
  return outcome;
}

}  // namespace pathrank::server
