// The web console's files (server/console/), embedded into the binary at
// build time by embed_console.cmake, so `pathrank serve` needs nothing on
// disk to serve them (http/console_routes.h).
//
// Thread safety: immutable static data.

#ifndef PATHRANK_SERVER_CONSOLE_CONSOLE_ASSETS_H_
#define PATHRANK_SERVER_CONSOLE_CONSOLE_ASSETS_H_

#include <span>
#include <string_view>

namespace pathrank::server {

// One embedded file. Every view points into static storage.
struct ConsoleAsset {
  std::string_view path;          // relative to server/console/, e.g. "views/path.js"
  std::string_view content_type;  // e.g. "text/javascript; charset=utf-8"
  std::string_view etag;          // a strong ETag, quoted: "\"0123456789abcdef\""
  std::string_view body;
};

// Every embedded file, in the order of server/console/CMakeLists.txt.
std::span<const ConsoleAsset> ConsoleAssets();

// The asset at `path` (relative, no leading '/'), or null.
const ConsoleAsset* FindConsoleAsset(std::string_view path);

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_CONSOLE_CONSOLE_ASSETS_H_
