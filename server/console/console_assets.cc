#include "console/console_assets.h"

namespace pathrank::server {

const ConsoleAsset* FindConsoleAsset(std::string_view path) {
  for (const ConsoleAsset& asset : ConsoleAssets()) {
    if (asset.path == path) return &asset;
  }
  return nullptr;
}

}  // namespace pathrank::server
