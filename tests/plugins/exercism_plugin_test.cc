// The exercism plugin on every track under ../shared/datasets/exercism/.
// The expected counts were read off each track's config.json (concepts;
// concept and practice exercises that are neither deprecated nor wip; one
// requires clause per exercise prerequisite, one per prerequisite of the
// exercise that teaches a concept, one recommends clause per taught concept).

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pathrank/catalog_builder.h"
#include "pathrank/plugin_host.h"
#include "test_paths.h"

namespace pathrank {
namespace {

using ::testing::HasSubstr;

struct TrackCounts {
  std::string track;
  size_t concepts;
  size_t concept_exercises;
  size_t practice_exercises;
  size_t requires_clauses;
  size_t recommends_clauses;
  std::string title;
};

std::string TrackConfig(const std::string& path, const std::string& extra = "") {
  return R"({"path": ")" + path + R"(")" + extra + "}";
}

void PrintTo(const TrackCounts& t, std::ostream* os) { *os << t.track; }

class ExercismTrackTest : public ::testing::TestWithParam<TrackCounts> {};

TEST_P(ExercismTrackTest, LoadsValidatesAndCounts) {
  const TrackCounts& t = GetParam();
  const std::string path = testing::SharedPath("datasets/exercism/" + t.track + "/config.json");
  if (path.empty()) GTEST_SKIP() << "../shared/datasets/exercism is absent";
  std::vector<PluginLogLine> log;
  auto catalog = LoadCatalogFromPlugin(PATHRANK_PLUGIN_EXERCISM, TrackConfig(path), &log);
  ASSERT_TRUE(catalog) << catalog.error().message();
  const Catalog& c = **catalog;
  EXPECT_EQ(c.id(), "exercism-" + t.track);
  EXPECT_EQ(c.title(), t.title);
  size_t topics = 0, concept_exercises = 0, practice = 0, requires_count = 0;
  for (const Item& item : c.items()) {
    if (item.kind == ItemKind::kTopic) ++topics;
    if (item.kind == ItemKind::kProject) {
      (item.attributes.at("exercise_type") == "concept" ? concept_exercises : practice) += 1;
      EXPECT_NE(item.attributes.at("status"), "deprecated") << item.id;
      EXPECT_NE(item.attributes.at("status"), "wip") << item.id;
    }
  }
  for (const Clause& clause : c.clauses()) requires_count += clause.type == ClauseType::kRequires;
  EXPECT_EQ(topics, t.concepts);
  EXPECT_EQ(concept_exercises, t.concept_exercises);
  EXPECT_EQ(practice, t.practice_exercises);
  EXPECT_EQ(requires_count, t.requires_clauses);
  EXPECT_EQ(c.clause_count() - requires_count, t.recommends_clauses);
  // What was read validates again from its own spec (as `pathrank import` writes it).
  auto rebuilt = BuildCatalog(c.ToSpec());
  EXPECT_TRUE(rebuilt) << rebuilt.error().message();
  for (const PluginLogLine& line : log)
    EXPECT_NE(line.level, PluginLogLevel::kWarning) << line.message;
}

INSTANTIATE_TEST_SUITE_P(
    Tracks, ExercismTrackTest,
    ::testing::Values(TrackCounts{"cpp", 20, 15, 85, 106, 19, "Exercism C++ track"},
                      TrackCounts{"elixir", 60, 41, 127, 1379, 58, "Exercism Elixir track"},
                      TrackCounts{"go", 38, 27, 138, 233, 34, "Exercism Go track"},
                      TrackCounts{"java", 26, 22, 136, 408, 26, "Exercism Java track"},
                      TrackCounts{"javascript", 37, 29, 130, 553, 37, "Exercism JavaScript track"},
                      TrackCounts{"python", 67, 17, 129, 972, 17, "Exercism Python track"},
                      TrackCounts{"rust", 27, 10, 99, 38, 13, "Exercism Rust track"}),
    [](const ::testing::TestParamInfo<TrackCounts>& p) { return p.param.track; });

TEST(ExercismPluginTest, EveryTrackInTheSharedDataIsCovered) {
  const std::string dir = testing::SharedPath("datasets/exercism");
  if (dir.empty()) GTEST_SKIP() << "../shared/datasets/exercism is absent";
  std::vector<std::string> tracks;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (std::filesystem::exists(entry.path() / "config.json")) {
      tracks.push_back(entry.path().filename().string());
    }
  }
  std::sort(tracks.begin(), tracks.end());
  EXPECT_EQ(tracks, (std::vector<std::string>{"cpp", "elixir", "go", "java", "javascript", "python",
                                              "rust"}));
}

TEST(ExercismPluginTest, GoTrackMapping) {
  const std::string path = testing::SharedPath("datasets/exercism/go/config.json");
  if (path.empty()) GTEST_SKIP() << "../shared/datasets/exercism is absent";
  std::vector<PluginLogLine> log;
  auto catalog = LoadCatalogFromPlugin(PATHRANK_PLUGIN_EXERCISM, TrackConfig(path), &log);
  ASSERT_TRUE(catalog) << catalog.error().message();
  const Catalog& c = **catalog;
  // A concept requires what the exercise teaching it requires, and
  // recommends that exercise.
  const ItemId booleans = *c.FindItem("booleans");
  const Item& b = c.item(booleans);
  EXPECT_EQ(b.kind, ItemKind::kTopic);
  EXPECT_EQ(b.title, "Booleans");
  EXPECT_EQ(b.tags, (std::vector<std::string>{"booleans"}));
  EXPECT_FALSE(b.summary.empty());  // from concepts/booleans/.meta/config.json
  const auto clauses = c.clauses_of(booleans);
  ASSERT_EQ(clauses.size(), 2u);
  EXPECT_EQ(c.item(c.alternatives(clauses[0])[0]).id, "basics");
  EXPECT_EQ(clauses[0].type, ClauseType::kRequires);
  EXPECT_EQ(c.item(c.alternatives(clauses[1])[0]).id, "exercise.annalyns-infiltration");
  EXPECT_EQ(clauses[1].type, ClauseType::kRecommends);
  EXPECT_EQ(clauses[1].weight, 0.5);
  // The concept exercise requires its prerequisite concepts.
  const Item& annalyn = c.item(*c.FindItem("exercise.annalyns-infiltration"));
  EXPECT_EQ(annalyn.kind, ItemKind::kProject);
  EXPECT_EQ(annalyn.attributes.at("teaches"), "booleans");
  // Practice exercises: difficulty 1..10 -> 1..5, hours 0.5 per step.
  const Item& bob = c.item(*c.FindItem("exercise.bob"));
  EXPECT_EQ(bob.attributes.at("exercism_difficulty"), "3");
  EXPECT_EQ(bob.difficulty, 2);
  EXPECT_EQ(bob.hours, 1.5);
  EXPECT_EQ(c.stages()[bob.stage].id, "practice");
  // Deprecated and wip exercises are skipped, and said so.
  EXPECT_FALSE(c.FindItem("exercise.accumulate"));       // deprecated
  EXPECT_FALSE(c.FindItem("exercise.deep-thought"));     // deprecated concept exercise
  EXPECT_FALSE(c.FindItem("exercise.savings-account"));  // wip
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log[0].message,
            "skipped 11 deprecated and 1 work-in-progress exercises (set \"include_wip\": true "
            "to include these)");
}

TEST(ExercismPluginTest, WipExercisesOnRequestAndTheirDefects) {
  const std::string go = testing::SharedPath("datasets/exercism/go/config.json");
  const std::string python = testing::SharedPath("datasets/exercism/python/config.json");
  if (go.empty() || python.empty()) GTEST_SKIP() << "../shared/datasets/exercism is absent";
  auto with_wip =
      LoadCatalogFromPlugin(PATHRANK_PLUGIN_EXERCISM, TrackConfig(go, R"(, "include_wip": true)"));
  ASSERT_TRUE(with_wip) << with_wip.error().message();
  EXPECT_EQ((*with_wip)->item_count(), 204u);
  EXPECT_TRUE((*with_wip)->FindItem("exercise.savings-account"));
  // Python's wip exercise log-levels requires a concept the track never
  // declares: a real defect, reported by default, dropped on request.
  auto failed = LoadCatalogFromPlugin(PATHRANK_PLUGIN_EXERCISM,
                                      TrackConfig(python, R"(, "include_wip": true)"));
  ASSERT_FALSE(failed);
  EXPECT_THAT(failed.error().message(),
              HasSubstr("2 defects in the source (set \"on_invalid\": \"drop\" to drop them):\n"
                        "  config.json line 206 (clause of item \"enums\"): "
                        "prerequisite \"comprehensions\" names no item\n"
                        "  config.json line 206 (clause of item \"exercise.log-levels\"): "
                        "prerequisite \"comprehensions\" names no item"));
  std::vector<PluginLogLine> log;
  auto dropped = LoadCatalogFromPlugin(
      PATHRANK_PLUGIN_EXERCISM,
      TrackConfig(python, R"(, "include_wip": true, "on_invalid": "drop")"), &log);
  ASSERT_TRUE(dropped) << dropped.error().message();
  size_t warnings = 0;
  for (const PluginLogLine& l : log) warnings += l.level == PluginLogLevel::kWarning;
  EXPECT_EQ(warnings, 2u);
}

// The syllabus goal is what the concept exercises teach (a wip exercise
// teaches nothing); an untaught concept stays an item outside the goal. A
// track without concept exercises has every concept as its syllabus.
TEST(ExercismPluginTest, SyllabusIsWhatTheConceptExercisesTeach) {
  const std::string dir = ::testing::TempDir() + "/exercism_syllabus";
  std::filesystem::create_directories(dir);
  const auto load = [&](const std::string& json, std::vector<PluginLogLine>* log) {
    std::ofstream(dir + "/config.json") << json;
    return LoadCatalogFromPlugin(PATHRANK_PLUGIN_EXERCISM, TrackConfig(dir + "/config.json"), log);
  };
  const auto targets = [](const Catalog& c) {
    std::vector<std::string> ids;
    for (const auto& [item, demand] : c.goals()[*c.FindGoal("syllabus")].demand)
      ids.push_back(c.item(item).id);
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  std::vector<PluginLogLine> log;
  auto taught = load(R"({"slug": "toy", "concepts": [{"slug": "a"}, {"slug": "b"}, {"slug": "c"}],
    "exercises": {"concept": [
      {"slug": "ea", "concepts": ["a"], "prerequisites": []},
      {"slug": "ec", "concepts": ["c"], "prerequisites": ["a"], "status": "wip"}]}})",
                     &log);
  ASSERT_TRUE(taught) << taught.error().message();
  EXPECT_EQ(targets(**taught), (std::vector<std::string>{"a"}));
  EXPECT_TRUE((*taught)->FindItem("b"));  // still an item
  bool said = false;
  for (const PluginLogLine& l : log)
    said = said || l.message ==
                       "2 concepts no concept exercise teaches: items, not targets of "
                       "the syllabus goal";
  EXPECT_TRUE(said);
  auto none = load(R"({"slug": "toy", "concepts": [{"slug": "a"}, {"slug": "b"}],
    "exercises": {"practice": [{"slug": "p", "prerequisites": ["a"]}]}})",
                   nullptr);
  ASSERT_TRUE(none) << none.error().message();
  EXPECT_EQ(targets(**none), (std::vector<std::string>{"a", "b"}));
}

TEST(ExercismPluginTest, MalformedTrackNamesTheField) {
  const std::string dir = ::testing::TempDir() + "/exercism_bad";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/config.json") << R"({"slug": "toy", "concepts": [{"slug": "a"}],
    "exercises": {"practice": [{"slug": "p", "difficulty": 11}]}})";
  auto catalog = LoadCatalogFromPlugin(PATHRANK_PLUGIN_EXERCISM, TrackConfig(dir + "/config.json"));
  ASSERT_FALSE(catalog);
  EXPECT_THAT(
      catalog.error().message(),
      HasSubstr("read failed: config.json line 2 /exercises/practice/0/difficulty: expected an "
                "integer in 1..10, got 11"));
}

}  // namespace
}  // namespace pathrank
