// Whole-file reads and atomic writes.
//
// Thread safety: free functions without shared state.

#ifndef PATHRANK_UTIL_FILE_IO_H_
#define PATHRANK_UTIL_FILE_IO_H_

#include <string>
#include <string_view>

#include "pathrank/status.h"

namespace pathrank {

// The whole content of `path`. Fails with Unavailable naming the path and the
// system's reason.
Result<std::string> ReadFile(const std::string& path);

// Replaces `path` with `content`: writes a temporary file beside it, flushes
// it, then renames it over `path`, so readers see the old or the new file,
// never a part.
Status WriteFileAtomic(const std::string& path, std::string_view content);

}  // namespace pathrank

#endif  // PATHRANK_UTIL_FILE_IO_H_
