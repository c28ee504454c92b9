// Paths the tests read: the source tree and the shared evaluation data.

#ifndef PATHRANK_TESTS_TEST_PATHS_H_
#define PATHRANK_TESTS_TEST_PATHS_H_

#include <filesystem>
#include <string>

namespace pathrank::testing {

inline std::string SourcePath(const std::string& relative) {
  return std::string(PATHRANK_SOURCE_DIR) + "/" + relative;
}

// A file under ../shared (evaluation-only data, the seed); "" when absent,
// as in a user's fresh clone. Tests then GTEST_SKIP() with a message.
inline std::string SharedPath(const std::string& relative) {
  const std::string path = std::string(PATHRANK_SHARED_DIR) + "/" + relative;
  return std::filesystem::exists(path) ? path : std::string();
}

inline std::string GoCatalogPath() { return SourcePath("datasets/go-backend/catalog.json"); }

}  // namespace pathrank::testing

#endif  // PATHRANK_TESTS_TEST_PATHS_H_
