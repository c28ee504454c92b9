// The shipped Go backend catalog: it loads, it is complete against the seed,
// and every name the seed uses finds its item.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "pathrank/catalog_json.h"
#include "test_paths.h"

namespace pathrank {
namespace {

std::shared_ptr<const Catalog> GoCatalog() {
  static auto catalog = [] {
    auto c = LoadCatalogFile(testing::GoCatalogPath());
    EXPECT_TRUE(c) << c.error().message();
    return c ? *c : nullptr;
  }();
  return catalog;
}

// RFC 4180 rows of a small CSV file (quoted fields, doubled quotes).
std::vector<std::vector<std::string>> ReadCsv(const std::string& path) {
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !rows.back().empty()) rows.back().push_back(field);
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

TEST(GoCatalogTest, LoadsWithEveryStageKindAndGoal) {
  auto c = GoCatalog();
  ASSERT_TRUE(c);
  std::vector<std::string> stages;
  for (const Stage& s : c->stages()) stages.push_back(s.id);
  EXPECT_EQ(stages, (std::vector<std::string>{"foundation", "concurrency", "cs-basics", "web",
                                              "data", "microservices", "cloud-native"}));
  std::vector<size_t> per_stage(stages.size());
  std::map<ItemKind, size_t> per_kind;
  for (const Item& item : c->items()) {
    ++per_stage[item.stage];
    ++per_kind[item.kind];
    EXPECT_FALSE(item.summary.empty()) << item.id;
    EXPECT_FALSE(item.source.empty()) << item.id;
    EXPECT_FALSE(item.tags.empty()) << item.id;
  }
  for (size_t s = 0; s < stages.size(); ++s) EXPECT_GE(per_stage[s], 4u) << stages[s];
  EXPECT_EQ(per_kind[ItemKind::kFramework], 12u);
  EXPECT_EQ(per_kind[ItemKind::kProject], 3u);
  EXPECT_GE(per_kind[ItemKind::kTopic], 100u);
  EXPECT_GE(c->goals().size(), 6u);
  for (const char* goal : {"microservices", "full-stack-web", "rest-api", "high-concurrency",
                           "cloud-native", "data-heavy"}) {
    EXPECT_TRUE(c->FindGoal(goal)) << goal;
  }
}

TEST(GoCatalogTest, UsesAlternativesAndBothClauseTypes) {
  auto c = GoCatalog();
  ASSERT_TRUE(c);
  size_t with_alternatives = 0, recommends = 0;
  for (const Clause& clause : c->clauses()) {
    if (clause.alternative_count > 1) ++with_alternatives;
    if (clause.type == ClauseType::kRecommends) ++recommends;
  }
  EXPECT_GE(with_alternatives, 5u);
  EXPECT_GE(recommends, 10u);
}

TEST(GoCatalogTest, ProjectsRequireWhatTheirStageTeaches) {
  auto c = GoCatalog();
  ASSERT_TRUE(c);
  for (const char* id :
       {"project-cli-crawler", "project-crud-blog", "project-grpc-microservices"}) {
    auto item = c->FindItem(id);
    ASSERT_TRUE(item) << id;
    EXPECT_EQ(c->item(*item).kind, ItemKind::kProject);
    size_t requires_count = 0;
    for (const Clause& clause : c->clauses_of(*item)) {
      if (clause.type == ClauseType::kRequires) ++requires_count;
    }
    EXPECT_GE(requires_count, 3u) << id;
  }
}

TEST(GoCatalogTest, EveryNameTheSeedUsesResolves) {
  auto c = GoCatalog();
  ASSERT_TRUE(c);
  std::ifstream in(testing::SourcePath("tests/data/go_seed_names.txt"));
  ASSERT_TRUE(in) << "tests/data/go_seed_names.txt is missing";
  std::string line;
  size_t names = 0;
  std::vector<std::string> unresolved;
  while (std::getline(in, line)) {
    const size_t b = line.find_first_not_of(" \t\r");
    if (b == std::string::npos || line[b] == '#') continue;
    const std::string name = line.substr(b, line.find_last_not_of(" \t\r") - b + 1);
    ++names;
    if (!c->FindItemByName(name)) unresolved.push_back(name);
  }
  EXPECT_GE(names, 120u);
  EXPECT_THAT(unresolved, ::testing::IsEmpty());
}

TEST(GoCatalogTest, FrameworksCarryEveryColumnOfTheSeedTable) {
  auto c = GoCatalog();
  ASSERT_TRUE(c);
  const std::string path = testing::SharedPath("seed/framework-table.csv");
  if (path.empty()) GTEST_SKIP() << "../shared/seed is absent (fresh clone); checked in CI";
  auto rows = ReadCsv(path);
  ASSERT_EQ(rows.size(), 13u);
  const std::vector<std::string> columns = {"type", "main_features", "use_cases",
                                            "learning_difficulty", "notes"};
  for (size_t r = 1; r < rows.size(); ++r) {
    ASSERT_EQ(rows[r].size(), 6u);
    auto item = c->FindItemByName(rows[r][0]);
    ASSERT_TRUE(item) << rows[r][0];
    const Item& fw = c->item(*item);
    EXPECT_EQ(fw.kind, ItemKind::kFramework) << fw.id;
    for (size_t k = 0; k < columns.size(); ++k) {
      auto it = fw.attributes.find(columns[k]);
      ASSERT_NE(it, fw.attributes.end()) << fw.id << " lacks " << columns[k];
      EXPECT_EQ(it->second, rows[r][k + 1]) << fw.id << " " << columns[k];
    }
  }
}

}  // namespace
}  // namespace pathrank
