// The metacademy and ossu plugins: each defect of a small inline source
// becomes a warning naming file and line; the shipped catalogs
// (datasets/metacademy, datasets/ossu-cs) are regenerated from
// ../shared/datasets byte for byte; and each catalog is sane: a new
// learner starts with foundational items, and a path to a goal respects
// every hard prerequisite.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "pathrank/catalog_json.h"
#include "pathrank/planner.h"
#include "pathrank/plugin_host.h"
#include "pathrank/scorer.h"
#include "test_paths.h"

namespace pathrank {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

namespace fs = std::filesystem;

fs::path TempDir(const std::string& name) {
  const char* base = std::getenv("TEST_TMPDIR");
  fs::path dir = fs::path(base != nullptr ? base : "/tmp") / ("curriculum_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void Write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Config(const std::string& path, const std::string& on_invalid = "drop") {
  return R"({"path": ")" + path + R"(", "on_invalid": ")" + on_invalid + R"("})";
}

std::vector<std::string> Warnings(const std::vector<PluginLogLine>& log) {
  std::vector<std::string> out;
  for (const PluginLogLine& l : log)
    if (l.level == PluginLogLevel::kWarning) out.push_back(l.message);
  return out;
}

// A concept folder of a small Metacademy repository.
void Concept(const fs::path& root, const std::string& tag, const std::string& deps) {
  Write(root / "concepts" / tag / "id.txt", "id_" + tag);
  Write(root / "concepts" / tag / "title.txt", "Title of " + tag + "\n");
  Write(root / "concepts" / tag / "dependencies.txt", deps);
}

TEST(MetacademyPluginTest, EachDefectIsAWarningWithFileAndLine) {
  const fs::path root = TempDir("metacademy");
  Concept(root, "vectors", "\xEF\xBB\xBF# a comment\n");
  Concept(root, "dot_product", "tag: vectors\nreason: built on vectors\n");
  Concept(root, "matrices",
          "tag: dot-product\nshortcut: 1\n\ntag: ghost-concept\n\nreason: orphan\n"
          "tag: vectors\nshortcut: 2\nnonsense line\ntag: vectors\n");
  Concept(root, "cycle_a", "tag: cycle_b\n");
  Concept(root, "cycle_b", "tag: cycle_a\n");
  Write(root / "concepts" / "EXAMPLE" / "title.txt", "example");  // no id.txt
  Write(root / "courses" / "basics" / "title.txt", "basics");
  Write(root / "courses" / "basics" / "concepts.txt", "vectors\nmissing_one\n");
  std::vector<PluginLogLine> log;
  auto catalog = LoadCatalogFromPlugin(PATHRANK_PLUGIN_METACADEMY, Config(root.string()), &log);
  ASSERT_TRUE(catalog) << catalog.error().message();
  const Catalog& c = **catalog;
  EXPECT_EQ(c.item_count(), 5u);
  const std::vector<std::string> w = Warnings(log);
  const auto has = [&](const std::string& text) {
    EXPECT_THAT(w, Contains(HasSubstr(text))) << text;
  };
  has("concepts/vectors/dependencies.txt line 1: starts with a UTF-8 byte-order mark");
  has("concepts/matrices/dependencies.txt line 4 (clause of item \"matrices\"): prerequisite "
      "\"ghost_concept\" names no item");
  has("concepts/matrices/dependencies.txt line 6: reason: outside a block");
  has("concepts/matrices/dependencies.txt line 8: shortcut: \"2\" is neither 0 nor 1");
  has("concepts/matrices/dependencies.txt line 9: unrecognised line \"nonsense line\"");
  has("concepts/matrices/dependencies.txt line 10 (clause of item \"matrices\"): prerequisite "
      "\"vectors\" is listed twice");
  has("concepts/cycle_b/dependencies.txt line 1 (clause of item \"cycle_b\"): prerequisite "
      "\"cycle_a\" closes a cycle");
  has("concepts/EXAMPLE: no id.txt");
  has("courses/basics/concepts.txt line 2 (goal \"basics\"): concept \"missing_one\" names no "
      "concept");
  // The normalised tag resolves; the shortcut is a requires clause of weight 0.5.
  const ItemId matrices = *c.FindItem("matrices");
  bool shortcut = false;
  for (const Clause& clause : c.clauses_of(matrices)) {
    if (c.item(c.alternatives(clause)[0]).id == "dot_product") {
      shortcut = clause.type == ClauseType::kRequires && clause.weight == 0.5;
    }
  }
  EXPECT_TRUE(shortcut);
  // The default policy fails the read and names every defect.
  auto strict = LoadCatalogFromPlugin(PATHRANK_PLUGIN_METACADEMY, Config(root.string(), "fail"));
  ASSERT_FALSE(strict);
  EXPECT_THAT(strict.error().message(), HasSubstr("concepts/matrices/dependencies.txt line 9"));
}

TEST(OssuPluginTest, ResolvesCoursesAndGroupsAndWarnsTheRest) {
  const fs::path dir = TempDir("ossu");
  Write(dir / "README.md",
        "## Core CS\n### Core programming\n"
        "Courses | Duration | Effort | Prerequisites\n:-- | :--: | :--: | :--:\n"
        "[Program Design: Part One](https://a.example/pd) | 10 weeks | 4-6 hours/week | none\n"
        "[Algorithms: Design, Part 1](https://a.example/alg1) | 2 weeks | - | "
        "Program Design, [PD](https://a.example/pd)\n"
        "[Algorithms: Design, Part 2](https://a.example/alg2) | 6 months | 1 hours/week | "
        "Algorithms Part 1, high school math\n"
        "[Broken row](https://a.example/b) | 1 week\n"
        "Choose **one** of the following:\n\n"
        "Courses | Duration | Effort | Prerequisites\n:-- | :--: | :--: | :--:\n"
        "[Java Security](https://a.example/j) | 1 week | 1 hours/week | -\n"
        "[C Security](https://a.example/c) | 1 week | 1 hours/week | -\n"
        "## Advanced CS\n"
        "Courses | Duration | Effort | Prerequisites\n:-- | :--: | :--: | :--:\n"
        "[Compilers](https://a.example/comp) | 4 weeks | 5 hours/week | "
        "Core Programming and corequisite: Java Security\n"
        "[Compilers](https://a.example/comp2) | 4 weeks | 5 hours/week | Java Security or C "
        "Security\n");
  std::vector<PluginLogLine> log;
  const std::string path = (dir / "README.md").string();
  auto catalog = LoadCatalogFromPlugin(PATHRANK_PLUGIN_OSSU, Config(path), &log);
  ASSERT_TRUE(catalog) << catalog.error().message();
  const Catalog& c = **catalog;
  EXPECT_EQ(c.item_count(), 6u);
  const std::vector<std::string> w = Warnings(log);
  const auto has = [&](const std::string& text) {
    EXPECT_THAT(w, Contains(HasSubstr(text))) << text;
  };
  has("README.md line 8: the row has 2 cells, its header 4; the row is dropped");
  has("README.md line 6 (item \"algorithms-design-part-1\"): no effort");
  has("README.md line 7 (item \"algorithms-design-part-2\"): prerequisite \"high school math\" "
      "names no course or course group");
  has("README.md line 19 (item \"compilers\"): duplicate id");
  const auto needs = [&](const std::string& item) {
    std::vector<std::vector<std::string>> out;
    for (const Clause& clause : c.clauses_of(*c.FindItem(item))) {
      std::vector<std::string> alts;
      for (ItemId a : c.alternatives(clause)) alts.push_back(c.item(a).id);
      if (clause.type == ClauseType::kRecommends) alts.insert(alts.begin(), "(recommends)");
      out.push_back(alts);
    }
    return out;
  };
  using V = std::vector<std::vector<std::string>>;
  // "Program Design" (before the ':') and the link's URL name the same course.
  EXPECT_EQ(needs("algorithms-design-part-1"), (V{{"program-design-part-one"}}));
  EXPECT_EQ(needs("algorithms-design-part-2"), (V{{"algorithms-design-part-1"}}));
  // A group: each required course of the section, one of the choose-one table.
  EXPECT_EQ(needs("compilers"), (V{{"program-design-part-one"},
                                   {"algorithms-design-part-1"},
                                   {"algorithms-design-part-2"},
                                   {"java-security", "c-security"},
                                   {"(recommends)", "java-security"}}));
  EXPECT_DOUBLE_EQ(c.item(*c.FindItem("algorithms-design-part-2")).hours, 24.0);  // 6 months
}

TEST(OssuPluginTest, CoreProgrammingEntryCoursesRecommendIntroCs) {
  const fs::path dir = TempDir("ossu_intro");
  const std::string table =
      "Courses | Duration | Effort | Prerequisites\n:-- | :--: | :--: | :--:\n";
  Write(dir / "README.md",
        "## Intro CS\n" + table + "[Intro](https://a.example/i) | 1 week | 1 hours/week | none\n" +
            "## Core CS\n### Core programming\n" + table +
            "[Design](https://a.example/d) | 1 week | 1 hours/week | none\n"
            "[Design Two](https://a.example/d2) | 1 week | 1 hours/week | Design\n"
            "### Core math\n" +
            table + "[Calculus](https://a.example/c) | 1 week | 1 hours/week | high school math\n");
  auto catalog = LoadCatalogFromPlugin(PATHRANK_PLUGIN_OSSU, Config((dir / "README.md").string()));
  ASSERT_TRUE(catalog) << catalog.error().message();
  const Catalog& c = **catalog;
  const auto clauses = [&](const std::string& id) { return c.clauses_of(*c.FindItem(id)); };
  // The entry course of the first Core subsection recommends Intro CS ...
  ASSERT_EQ(clauses("design").size(), 1u);
  EXPECT_EQ(clauses("design")[0].type, ClauseType::kRecommends);
  EXPECT_EQ(c.item(c.alternatives(clauses("design")[0])[0]).id, "intro");
  // ... a course that names a course does not, nor the math beside it.
  ASSERT_EQ(clauses("design-two").size(), 1u);
  EXPECT_EQ(clauses("design-two")[0].type, ClauseType::kRequires);
  EXPECT_TRUE(clauses("calculus").empty());
  // A new learner is shown the first course first.
  const Scorer scorer(*catalog);
  auto fresh = MakeLearnerState(c, {}, {});
  ASSERT_TRUE(fresh);
  RecommendOptions options;
  options.k = 1;
  auto top = scorer.Recommend(*fresh, ScoringProfile{}, options);
  ASSERT_TRUE(top && !top->empty());
  EXPECT_EQ(c.item((*top)[0].item).id, "intro");
}

struct Shipped {
  std::string name, plugin, config_path;  // config_path relative to the shared dir
};

void PrintTo(const Shipped& s, std::ostream* os) { *os << s.name; }

std::string Regenerate(const Shipped& s, const std::string& shared) {
  auto catalog = LoadCatalogFromPlugin(s.plugin, Config(shared));
  EXPECT_TRUE(catalog) << catalog.error().message();
  if (!catalog) return "";
  const fs::path out = TempDir("regen_" + s.name) / "catalog.json";
  EXPECT_TRUE(SaveCatalogFile((*catalog)->ToSpec(), out.string()).ok());
  return ReadFile(out.string());
}

class CurriculumCatalogTest : public ::testing::TestWithParam<Shipped> {};

TEST_P(CurriculumCatalogTest, RegeneratesByteForByte) {
  const Shipped& s = GetParam();
  const std::string shared = testing::SharedPath(s.config_path);
  if (shared.empty()) GTEST_SKIP() << "../shared/" << s.config_path << " is absent";
  const std::string shipped = ReadFile(testing::SourcePath("datasets/" + s.name + "/catalog.json"));
  ASSERT_FALSE(shipped.empty());
  EXPECT_TRUE(Regenerate(s, shared) == shipped)
      << "datasets/" << s.name << "/catalog.json differs from what the importer writes now; "
      << "regenerate it with the command in its SOURCE.md";
}

INSTANTIATE_TEST_SUITE_P(
    Catalogs, CurriculumCatalogTest,
    ::testing::Values(Shipped{"metacademy", PATHRANK_PLUGIN_METACADEMY, "datasets/metacademy"},
                      Shipped{"ossu-cs", PATHRANK_PLUGIN_OSSU, "datasets/ossu-cs/README.md"}),
    [](const auto& info) { return info.param.name == "ossu-cs" ? "ossu" : info.param.name; });

struct Sanity {
  std::string name;
  std::vector<std::string> foundations;  // among a new learner's top `k`
  size_t k;
  std::string goal;
};

void PrintTo(const Sanity& s, std::ostream* os) { *os << s.name; }

class CurriculumSanityTest : public ::testing::TestWithParam<Sanity> {};

TEST_P(CurriculumSanityTest, FoundationsFirstAndPathsRespectPrerequisites) {
  const Sanity& s = GetParam();
  auto catalog = LoadCatalogFile(testing::SourcePath("datasets/" + s.name + "/catalog.json"));
  ASSERT_TRUE(catalog) << catalog.error().message();
  const Catalog& c = **catalog;
  const Scorer scorer(*catalog);
  auto fresh = MakeLearnerState(c, {}, {});
  ASSERT_TRUE(fresh);
  RecommendOptions options;
  options.k = s.k;
  auto ranked = scorer.Recommend(*fresh, ScoringProfile{}, options);
  ASSERT_TRUE(ranked) << ranked.error().message();
  std::vector<std::string> top;
  for (const Recommendation& r : *ranked) top.push_back(c.item(r.item).id);
  for (const std::string& f : s.foundations) EXPECT_THAT(top, Contains(f));

  auto learner = MakeLearnerState(c, {}, {{s.goal, 1.0}});
  ASSERT_TRUE(learner) << learner.error().message();
  auto plan = PlanPath(scorer, *learner, ScoringProfile{}, PlanOptions{});
  ASSERT_TRUE(plan) << plan.error().message();
  ASSERT_FALSE(plan->steps.empty());
  EXPECT_GT(plan->total_hours, 0);
  std::vector<bool> learned(c.item_count(), false);
  for (const PlanStep& step : plan->steps) {
    for (const Clause& clause : c.clauses_of(step.item)) {
      if (clause.type != ClauseType::kRequires) continue;
      bool met = false;
      for (ItemId a : c.alternatives(clause)) met = met || learned[a];
      EXPECT_TRUE(met) << c.item(step.item).id << " comes before its prerequisite "
                       << c.item(c.alternatives(clause)[0]).id;
    }
    learned[step.item] = true;
  }
  for (const auto& [item, demand] : c.goals()[*c.FindGoal(s.goal)].demand) {
    EXPECT_TRUE(learned[item]) << c.item(item).id << " (a target of " << s.goal << ")";
  }
}

INSTANTIATE_TEST_SUITE_P(
    Catalogs, CurriculumSanityTest,
    ::testing::Values(
        Sanity{"metacademy", {"probability", "vectors", "set_operations"}, 10, "linear_algebra"},
        // The curriculum's first course (recommended before Core
        // Programming, docs/importers.md), and the two that run beside it.
        Sanity{"ossu-cs",
               {"introduction-to-computer-science-and-programming-using-python",
                "build-a-modern-computer-from-first-principles-from-nand-to-tetris",
                "calculus-1a-differentiation"},
               10,
               "core-cs"}),
    [](const auto& info) { return info.param.name == "ossu-cs" ? "ossu" : info.param.name; });

}  // namespace
}  // namespace pathrank

namespace pathrank {
namespace {

// tests/data/case/package.json: a CASE 1.0 package written for these tests
// (two domains, four standards, precedes / isPeerOf / isRelatedTo, CASE
// 1.1's isTranslationOf and one association type CASE does not define).
TEST(CasePluginTest, ItemsStagesPrerequisitesAndUnknownTypes) {
  const std::string path = testing::SourcePath("tests/data/case/package.json");
  std::vector<PluginLogLine> log;
  auto catalog = LoadCatalogFromPlugin(PATHRANK_PLUGIN_CASE, Config(path), &log);
  ASSERT_TRUE(catalog) << catalog.error().message();
  const Catalog& c = **catalog;
  EXPECT_EQ(c.id(), "case-fractions_framework");
  EXPECT_EQ(c.item_count(), 6u);
  const Item& nf2 = c.item(*c.FindItem("nf.2"));
  EXPECT_EQ(nf2.title, "Equivalent fractions");
  EXPECT_EQ(c.stages()[nf2.stage].id, "nf");  // isChildOf NF, a child of the document
  EXPECT_EQ(c.stages()[c.item(*c.FindItem("md.4")).stage].id, "md");
  ASSERT_EQ(c.clauses_of(*c.FindItem("nf.2")).size(), 1u);  // NF.1 precedes NF.2
  const Clause& pre = c.clauses_of(*c.FindItem("nf.2"))[0];
  EXPECT_EQ(pre.type, ClauseType::kRequires);
  EXPECT_EQ(c.item(c.alternatives(pre)[0]).id, "nf.1");
  ASSERT_EQ(c.clauses_of(*c.FindItem("md.4")).size(), 1u);  // peer of NF.1
  const Clause& peer = c.clauses_of(*c.FindItem("md.4"))[0];
  EXPECT_EQ(peer.type, ClauseType::kRecommends);
  EXPECT_EQ(peer.weight, 0.5);
  EXPECT_EQ(c.goals().size(), 2u);  // the two domains
  EXPECT_THAT(Warnings(log), Contains(HasSubstr("package.json /CFAssociations/10: unknown "
                                                "associationType \"isPrerequisiteFor\"")));
  // isRelatedTo and isTranslationOf are known types without a prerequisite
  // meaning: counted, not defects, and NF.2 gains no clause from the latter.
  bool counted = false;
  for (const PluginLogLine& l : log)
    counted = counted || (l.level == PluginLogLevel::kInfo &&
                          l.message.find("2 associations of types without a prerequisite "
                                         "meaning skipped") != std::string::npos);
  EXPECT_TRUE(counted);
  EXPECT_THAT(Warnings(log), Not(Contains(HasSubstr("isTranslationOf"))));
  auto strict = LoadCatalogFromPlugin(PATHRANK_PLUGIN_CASE, Config(path, "fail"));
  ASSERT_FALSE(strict);
  EXPECT_THAT(strict.error().message(), HasSubstr("isPrerequisiteFor"));
}

}  // namespace
}  // namespace pathrank
