// Sha256Hex: the SHA-256 digest of bytes as lower-case hex (OpenSSL's
// libcrypto, used from this file only). Names API keys in the config and
// derives stable event ids for imported progress.
//
// Thread safety: a pure function, safe from any thread.

#ifndef PATHRANK_SERVER_OPS_SHA256_H_
#define PATHRANK_SERVER_OPS_SHA256_H_

#include <string>
#include <string_view>

namespace pathrank::server {

// Lower-case hex SHA-256 of `data` (64 characters).
std::string Sha256Hex(std::string_view data);

// a == b in time that depends only on the sizes (OpenSSL's CRYPTO_memcmp),
// for comparing key hashes.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_OPS_SHA256_H_
