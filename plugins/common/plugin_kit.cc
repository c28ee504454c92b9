#include "plugin_kit.h"

#include <cerrno>
#include <cstring>

namespace pathrank::plugin {

std::string ReadWholeFile(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    const int err = errno;
    throw PluginError(err == ENOENT ? PR_ERR_NOT_FOUND : PR_ERR_IO,
                      "cannot open " + path + ": " + std::strerror(err));
  }
  std::string content;
  char buffer[1 << 16];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof(buffer), file)) > 0) content.append(buffer, n);
  const bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed) throw PluginError(PR_ERR_IO, "cannot read " + path);
  return content;
}

}  // namespace pathrank::plugin
