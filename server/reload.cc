#include "reload.h"

#include <algorithm>

namespace pathrank::server {

bool ServerReloadOutcome::ok() const {
  return catalogs.ok() && std::all_of(progress.begin(), progress.end(),
                                      [](const ProgressSourceOutcome& p) { return p.ok; });
}

ServerReloadOutcome ReloadAll(ServerState& state) {
  ServerReloadOutcome outcome;
  outcome.catalogs = state.registry.Reload();
  if (state.progress != nullptr) {
    if (auto snapshot = state.registry.snapshot()) {
      outcome.progress = state.progress->ImportAll(*snapshot, state.store);
    }
  }
  return outcome;
}

}  // namespace pathrank::server
