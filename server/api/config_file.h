// Reading the config file: ApplyConfigJson maps a JSON config document onto
// ServerConfig (ops/config.h), LoadServerConfig runs the whole sequence.
// Here, not in ops/, because it reads JSON with the API's reader.

#ifndef PATHRANK_SERVER_API_CONFIG_FILE_H_
#define PATHRANK_SERVER_API_CONFIG_FILE_H_

#include <string>
#include <string_view>
#include <vector>

#include "ops/config.h"
#include "pathrank/status.h"

namespace pathrank::server {

// Applies a JSON config document (json_config.cc). Relative paths inside it
// are resolved against `base_dir` (the file's directory). Wrong types are
// errors with the pointer of the field.
Status ApplyConfigJson(std::string_view text, const std::string& base_dir, ServerConfig* config);

// The whole sequence: defaults, file (flags.config_file, else
// PATHRANK_CONFIG), environment, flags, validation.
Result<ServerConfig> LoadServerConfig(const ConfigFlags& flags, const EnvLookup& env,
                                      std::vector<std::string>* notes);

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_API_CONFIG_FILE_H_
