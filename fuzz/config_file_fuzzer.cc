// Fuzzes the server's config file reader: ApplyConfigJson over the defaults,
// then ValidateServerConfig on what it applied (server/api/config_file.h,
// server/ops/config.h). Paths are resolved against a fixed base directory;
// nothing is opened.

#include <string>
#include <vector>

#include "api/config_file.h"
#include "fuzz_input.h"
#include "ops/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  pathrank::server::ServerConfig config;
  if (!pathrank::server::ApplyConfigJson(pathrank::fuzz::AsText(data, size), "/etc/pathrank",
                                         &config)
           .ok()) {
    return 0;
  }
  std::vector<std::string> notes;
  (void)pathrank::server::ValidateServerConfig(&config, &notes);
  return 0;
}
