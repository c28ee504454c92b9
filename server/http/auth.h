// API keys: `Authorization: Bearer <key>` checked against the SHA-256 hashes
// of the configured keys, each with a role (read < write < admin).
//
// With no key configured every route is open (the server then listens on
// loopback only; see ValidateServerConfig).
//
// Thread safety: immutable after construction; Check() may run from any
// number of threads.

#ifndef PATHRANK_SERVER_HTTP_AUTH_H_
#define PATHRANK_SERVER_HTTP_AUTH_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "api/problem.h"
#include "ops/config.h"
#include "ops/sha256.h"

namespace pathrank::server {

class Authenticator {
 public:
  explicit Authenticator(const std::vector<ApiKeyConfig>& keys);

  // False when no key is configured: every request is allowed.
  bool enabled() const { return !keys_.empty(); }

  // Decides a request to a route needing `required`, given its Authorization
  // header ("" when absent). nullopt when allowed; otherwise a 401 problem
  // (no key, not a Bearer key, unknown key) or a 403 one (the key's role is
  // below `required`). On success `*key_name` is the key's configured name
  // ("" when keys are disabled or the route is public) and `*key_role`
  // (when not null) its role (kNone then). Keys are found by their SHA-256
  // (a hash lookup, no comparison of secrets), and the hash found is
  // compared once more in constant time (CRYPTO_memcmp).
  std::optional<Problem> Check(std::string_view authorization, Role required, std::string* key_name,
                               Role* key_role = nullptr) const;

 private:
  struct Key {
    std::string name;
    Role role;
  };
  std::unordered_map<std::string, Key> keys_;  // by SHA-256 hex
};

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_HTTP_AUTH_H_
