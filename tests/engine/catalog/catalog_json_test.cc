#include "pathrank/catalog_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "pathrank/catalog_builder.h"
#include "pathrank/eval/synthetic_catalog.h"
#include "test_paths.h"
#include "util/file_io.h"

namespace pathrank {
namespace {

using ::testing::HasSubstr;

constexpr const char* kSmall = R"({
  "format": "pathrank.catalog/v1",
  "id": "small",
  "title": "Small",
  "version": "1",
  "stages": [{"id": "foundation", "title": "Foundation"}],
  "items": [
    {"id": "a", "kind": "topic", "title": "A", "stage": "foundation", "hours": 2,
     "difficulty": 1, "tags": ["core"], "aliases": ["Alpha"]},
    {"id": "b", "kind": "framework", "title": "B", "stage": "foundation", "hours": 3.5,
     "difficulty": 2, "attributes": {"type": "Web Framework"},
     "prerequisites": [{"any_of": ["a"]},
                       {"any_of": ["a"], "weight": 0.25, "type": "recommends", "note": "why"}]}
  ],
  "goals": [{"id": "g", "title": "G", "items": {"b": 1}, "tags": {"core": 0.5}}]
})";

TEST(CatalogJsonTest, ParsesEveryFieldWithDefaults) {
  auto spec = ParseCatalogJson(kSmall);
  ASSERT_TRUE(spec) << spec.error().message();
  ASSERT_EQ(spec->items.size(), 2u);
  const ItemSpec& b = spec->items[1];
  EXPECT_EQ(b.kind, ItemKind::kFramework);
  EXPECT_DOUBLE_EQ(b.hours, 3.5);
  EXPECT_EQ(b.attributes.at("type"), "Web Framework");
  ASSERT_EQ(b.prerequisites.size(), 2u);
  EXPECT_DOUBLE_EQ(b.prerequisites[0].weight, 1.0);
  EXPECT_EQ(b.prerequisites[0].type, ClauseType::kRequires);
  EXPECT_EQ(b.prerequisites[1].type, ClauseType::kRecommends);
  EXPECT_EQ(b.prerequisites[1].note, "why");
  EXPECT_EQ(spec->goals[0].tags.at("core"), 0.5);
}

TEST(CatalogJsonTest, RoundTripIsIdentical) {
  auto spec = ParseCatalogJson(kSmall);
  ASSERT_TRUE(spec);
  const std::string once = FormatCatalogJson(*spec);
  auto again = ParseCatalogJson(once);
  ASSERT_TRUE(again) << again.error().message();
  EXPECT_EQ(*again, *spec);
  EXPECT_EQ(FormatCatalogJson(*again), once);
}

TEST(CatalogJsonTest, RoundTripOfSyntheticCatalogThroughBuild) {
  SyntheticCatalogOptions options;
  options.items = 500;
  options.seed = 7;
  auto built = BuildCatalog(MakeSyntheticCatalog(options));
  ASSERT_TRUE(built) << built.error().message();
  const std::string text = FormatCatalogJson((*built)->ToSpec());
  auto spec = ParseCatalogJson(text);
  ASSERT_TRUE(spec);
  auto rebuilt = BuildCatalog(*spec);
  ASSERT_TRUE(rebuilt);
  EXPECT_EQ((*rebuilt)->ToSpec(), (*built)->ToSpec());
  EXPECT_EQ(FormatCatalogJson((*rebuilt)->ToSpec()), text);
}

TEST(CatalogJsonTest, SyntaxErrorGivesLineAndColumn) {
  const std::string text =
      "{\n  \"format\": \"pathrank.catalog/v1\",\n  \"id\": \"x\" \"title\": 1\n}";
  auto spec = ParseCatalogJson(text);
  ASSERT_FALSE(spec);
  EXPECT_EQ(spec.error().code(), StatusCode::kInvalidArgument);
  // Line 3 is `  "id": "x" "title": 1`: the parser stops at the last byte of
  // the unexpected token "title" (columns 13..19).
  EXPECT_THAT(spec.error().message(),
              HasSubstr("catalog: line 3, column 19: syntax error while parsing object"));
}

TEST(CatalogJsonTest, TruncatedDocument) {
  auto spec = ParseCatalogJson("{\"format\": ");
  ASSERT_FALSE(spec);
  EXPECT_THAT(spec.error().message(), HasSubstr("line 1, column 12"));
}

TEST(CatalogJsonTest, WrongTypesReportJsonPointers) {
  std::string text = kSmall;
  text.replace(text.find("\"hours\": 3.5"), 12, "\"hours\": \"3.5\"");
  text.replace(text.find("\"weight\": 0.25"), 14, "\"weight\": true");
  text.replace(text.find("\"difficulty\": 1"), 15, "\"difficulty\": 1.5");
  auto spec = ParseCatalogJson(text);
  ASSERT_FALSE(spec);
  const Status& s = spec.error();
  EXPECT_THAT(s.message(), HasSubstr("/items/1/hours: expected a number in (finite), got string"));
  EXPECT_THAT(s.message(), HasSubstr("/items/1/prerequisites/1/weight: expected a number"));
  EXPECT_THAT(s.message(), HasSubstr("/items/0/difficulty: expected an integer"));
  ASSERT_EQ(s.fields().size(), 3u);
}

TEST(CatalogJsonTest, MissingUnknownAndBadEnumFields) {
  std::string text = kSmall;
  text.replace(text.find("\"title\": \"A\", "), 14, "\"titel\": \"A\", ");
  text.replace(text.find("\"type\": \"recommends\""), 20, "\"type\": \"suggests\"");
  text.replace(text.find("\"kind\": \"framework\""), 19, "\"kind\": \"library\"");
  auto spec = ParseCatalogJson(text);
  ASSERT_FALSE(spec);
  const std::string& m = spec.error().message();
  EXPECT_THAT(m, HasSubstr("/items/0/title: is required"));
  EXPECT_THAT(m, HasSubstr("/items/0/titel: unknown field"));
  EXPECT_THAT(m,
              HasSubstr("/items/1/prerequisites/1/type: expected \"requires\" or \"recommends\""));
  EXPECT_THAT(m, HasSubstr("/items/1/kind: expected \"topic\", \"framework\" or \"project\""));
}

TEST(CatalogJsonTest, WrongFormatAndNonObject) {
  auto spec = ParseCatalogJson(R"({"format": "other/v2", "id": "x", "title": "X",
                                   "stages": [], "items": [3]})");
  ASSERT_FALSE(spec);
  EXPECT_THAT(spec.error().message(), HasSubstr("/format: expected \"pathrank.catalog/v1\""));
  EXPECT_THAT(spec.error().message(), HasSubstr("/items/0: expected an object, got number"));
  EXPECT_FALSE(ParseCatalogJson("[]"));
}

TEST(CatalogJsonTest, PointerEscapesSlashInKeys) {
  std::string text = kSmall;
  text.replace(text.find("\"items\": {\"b\": 1}"), 17, "\"items\": {\"a/b\": \"x\"}");
  auto spec = ParseCatalogJson(text);
  ASSERT_FALSE(spec);
  EXPECT_THAT(spec.error().message(), HasSubstr("/goals/0/items/a~1b: expected a number"));
}

// The reason is util/json's (json_syntax_error.h), the same as the API's.
TEST(CatalogJsonTest, NumberOverflowGivesLineAndColumn) {
  auto spec = ParseCatalogJson("{\"format\": \"pathrank.catalog/v1\",\n \"x\": 1e999}");
  ASSERT_FALSE(spec);
  EXPECT_THAT(spec.error().message(),
              HasSubstr("catalog: line 2, column 7: number out of range (beyond a double)"));
}

TEST(CatalogJsonTest, RangeErrorsComeFromTheBuilderWithPointers) {
  std::string text = kSmall;
  text.replace(text.find("\"weight\": 0.25"), 14, "\"weight\": 1.25");
  auto spec = ParseCatalogJson(text);
  ASSERT_TRUE(spec) << spec.error().message();
  auto built = BuildCatalog(*spec);
  ASSERT_FALSE(built);
  EXPECT_THAT(built.error().message(),
              HasSubstr("item \"b\": prerequisite 1 weight must be a number in (0, 1] "
                        "(at /items/1/prerequisites/1/weight)"));
}

TEST(CatalogJsonTest, SaveAndLoadFile) {
  auto spec = ParseCatalogJson(kSmall);
  ASSERT_TRUE(spec);
  const std::string path = ::testing::TempDir() + "/catalog_json_test.json";
  ASSERT_TRUE(SaveCatalogFile(*spec, path).ok());
  auto loaded = LoadCatalogFile(path);
  ASSERT_TRUE(loaded) << loaded.error().message();
  EXPECT_EQ((*loaded)->ToSpec(), *spec);
  auto missing = LoadCatalogFile(path + ".nope");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), StatusCode::kUnavailable);
  EXPECT_THAT(missing.error().message(), HasSubstr("cannot open"));
}

TEST(CatalogJsonTest, LoadNamesFileOnInvalidCatalog) {
  std::string text = kSmall;
  text.replace(text.find("{\"any_of\": [\"a\"]},"), 19, "{\"any_of\": [\"zz\"]},");
  const std::string path = ::testing::TempDir() + "/catalog_json_bad.json";
  ASSERT_TRUE(WriteFileAtomic(path, text).ok());
  auto loaded = LoadCatalogFile(path);
  ASSERT_FALSE(loaded);
  EXPECT_THAT(loaded.error().message(), HasSubstr(path + ": catalog \"small\": 1 error"));
  EXPECT_THAT(loaded.error().message(),
              HasSubstr("item \"b\": prerequisite 0 names unknown item \"zz\""));
}

}  // namespace
}  // namespace pathrank
