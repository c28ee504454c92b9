// `pathrank store copy`: SQLite -> PostgreSQL -> a new SQLite file, every
// learner, goal and event each way, and a second run changes nothing.

#include <gtest/gtest.h>

#include <filesystem>

#include "server/cli/run_cli.h"
#include "server/store/pg_test_cluster.h"
#include "store/open_learner_store.h"

namespace pathrank::server {
namespace {

using pathrank::testing::RunPathrank;

std::unique_ptr<LearnerStore> OpenStore(const std::string& path) {
  StoreConfig config;
  config.path = path;
  config.pool_size = 1;
  config.synchronous_full = false;
  auto store = OpenLearnerStore(config);
  EXPECT_TRUE(store.has_value()) << store.error().ToString();
  return store ? std::move(*store) : nullptr;
}

// Everything the contract lets one read about `id`, as text.
std::string Dump(LearnerStore& store, const std::string& id) {
  auto learner = store.GetLearner(id);
  if (!learner) return learner.error().ToString();
  std::string out = learner->catalog + "|";
  for (const auto& [g, w] : learner->goals) out += g + "=" + std::to_string(w) + ",";
  out += "|";
  for (const auto& [i, m] : learner->mastery) out += i + "=" + std::to_string(m) + ",";
  out += "|";
  for (const std::string& r : learner->recent) out += r + ",";
  out += "|";
  auto events = store.ListProgress(id);
  if (!events) return events.error().ToString();
  for (const ProgressEvent& e : *events) {
    out += e.item + ":" + std::to_string(e.mastery) + "@" + std::to_string(e.at_ms) + ",";
  }
  return out;
}

TEST(StoreCopyTest, CopiesEveryLearnerBothWaysIdempotently) {
  std::string why;
  std::optional<std::string> url = testing::FreshTestDatabase(&why);
  if (!url) PATHRANK_PG_SKIP_OR_FAIL(why);
  const std::string dir = ::testing::TempDir() + "/store_copy_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string source = dir + "/source.db", back = dir + "/back.db";
  constexpr int kLearners = 620;  // more than one page of 500
  {
    auto store = OpenStore(source);
    ASSERT_NE(store, nullptr);
    for (int l = 0; l < kLearners; ++l) {
      const std::string id = "learner-" + std::to_string(l);
      ASSERT_TRUE(
          store->PutLearner(id, "go-backend", {{"microservices", 1.0 + l % 3}}).has_value());
      std::vector<ProgressEvent> events = {{"goroutines", 0.25, 1000 + l, "k" + std::to_string(l)},
                                           {"channels", 0.5, 2000, ""},  // no id
                                           {"goroutines", 0.75, 500, ""}};
      ASSERT_TRUE(store->AppendProgress(id, events).has_value());
    }
  }
  const std::string copy = "store copy --from " + source + " --to '" + *url + "'";
  pathrank::testing::CliResult first = RunPathrank(copy);
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_NE(first.out.find("copied 620 learners and 1860 events (1860 new, 0 already there)"),
            std::string::npos)
      << first.out;
  pathrank::testing::CliResult again = RunPathrank(copy + " --quiet");
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_NE(again.out.find("(0 new, 1860 already there)"), std::string::npos) << again.out;

  pathrank::testing::CliResult home = RunPathrank("store copy --from '" + *url + "' --to " + back);
  ASSERT_EQ(home.exit_code, 0) << home.out;
  EXPECT_NE(home.out.find("copied 620 learners and 1860 events (1860 new"), std::string::npos)
      << home.out;

  auto a = OpenStore(source), b = OpenStore(*url), c = OpenStore(back);
  ASSERT_TRUE(a && b && c);
  EXPECT_EQ(*b->CountLearners(), kLearners);
  EXPECT_EQ(*c->CountLearners(), kLearners);
  for (int l : {0, 1, 499, 500, 619}) {
    const std::string id = "learner-" + std::to_string(l);
    EXPECT_EQ(Dump(*a, id), Dump(*b, id)) << id;
    EXPECT_EQ(Dump(*a, id), Dump(*c, id)) << id;
  }
  EXPECT_EQ(RunPathrank("store copy --from " + source + " --to " + source).exit_code, 1);
}

}  // namespace
}  // namespace pathrank::server
