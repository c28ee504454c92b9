#include "http/auth.h"

#include "ops/sha256.h"

namespace pathrank::server {

Authenticator::Authenticator(const std::vector<ApiKeyConfig>& keys) {
  for (const ApiKeyConfig& key : keys) keys_[key.sha256] = {key.name, key.role};
}

std::optional<Problem> Authenticator::Check(std::string_view authorization, Role required,
                                            std::string* key_name, Role* key_role) const {
  key_name->clear();
  if (key_role != nullptr) *key_role = Role::kNone;
  if (!enabled() || required == Role::kNone) return std::nullopt;
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization.empty()) {
    return MakeProblem(ProblemType::kUnauthorized, "this route needs an API key",
                       FieldLocation::kHeader, "/Authorization",
                       "missing; send Authorization: Bearer <key>");
  }
  if (authorization.size() <= kBearer.size() ||
      authorization.substr(0, kBearer.size()) != kBearer) {
    return MakeProblem(ProblemType::kUnauthorized, "the Authorization header is not a Bearer key",
                       FieldLocation::kHeader, "/Authorization", "must be \"Bearer <key>\"");
  }
  const std::string hash = Sha256Hex(authorization.substr(kBearer.size()));
  auto it = keys_.find(hash);
  if (it == keys_.end() || !ConstantTimeEquals(it->first, hash)) {
    return MakeProblem(ProblemType::kUnauthorized, "the API key is not configured",
                       FieldLocation::kHeader, "/Authorization", "unknown key");
  }
  if (static_cast<int>(it->second.role) < static_cast<int>(required)) {
    return MakeProblem(ProblemType::kForbidden,
                       "this route needs the " + std::string(RoleName(required)) +
                           " role; the key has " + std::string(RoleName(it->second.role)),
                       FieldLocation::kHeader, "/Authorization",
                       "role " + std::string(RoleName(it->second.role)) + " is below " +
                           std::string(RoleName(required)));
  }
  *key_name = it->second.name;
  if (key_role != nullptr) *key_role = it->second.role;
  return std::nullopt;
}

}  // namespace pathrank::server
