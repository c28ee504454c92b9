// Opens the learner store a configuration names: PostgreSQL for a
// postgresql:// (postgres://) URL, SQLite for anything else (a file path).
//
// Thread safety: a pure function; the store it returns is thread-safe.

#ifndef PATHRANK_SERVER_STORE_OPEN_LEARNER_STORE_H_
#define PATHRANK_SERVER_STORE_OPEN_LEARNER_STORE_H_

#include <memory>
#include <string>

#include "ops/config.h"
#include "store/learner_store.h"

namespace pathrank::server {

// The opened, migrated store; the caller owns it. Errors as the chosen
// store's Open() (Unavailable, FailedPrecondition for a newer schema).
Result<std::unique_ptr<LearnerStore>> OpenLearnerStore(const StoreConfig& config);

// How the store is named in messages: the path, or the URL without its
// password.
std::string DescribeStore(const StoreConfig& config);

}  // namespace pathrank::server

#endif  // PATHRANK_SERVER_STORE_OPEN_LEARNER_STORE_H_
