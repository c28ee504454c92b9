#include "json_value.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace pathrank::server {
namespace {

using ::testing::HasSubstr;

// The document as nlohmann JSON, to compare whole trees.
nlohmann::json ToNlohmann(const JsonDocument& doc, const JsonNode& n) {
  switch (n.type) {
    case JsonType::kNull:
      return nullptr;
    case JsonType::kBool:
      return n.boolean;
    case JsonType::kNumber:
      return n.number;
    case JsonType::kString:
      return std::string(n.text);
    case JsonType::kArray: {
      nlohmann::json a = nlohmann::json::array();
      for (const JsonChild& c : doc.children(n)) a.push_back(ToNlohmann(doc, doc.node(c.node)));
      return a;
    }
    case JsonType::kObject: {
      nlohmann::json o = nlohmann::json::object();
      for (const JsonChild& c : doc.children(n)) {
        o[std::string(c.key)] = ToNlohmann(doc, doc.node(c.node));
      }
      return o;
    }
  }
  return nullptr;
}

std::string ParseError(std::string_view text) {
  JsonDocument doc;
  std::string error;
  EXPECT_FALSE(doc.Parse(text, &error)) << text;
  return error;
}

TEST(JsonValueTest, ParsesLikeNlohmann) {
  for (const char* text : {
           R"({"a": 1, "b": [true, false, null, -0.5e+2, "x"], "c": {"d": {}}, "e": []})",
           R"([1, 2.5, -3, 1e300, 0, 123456789012])",
           R"("plain")",
           R"( { "k" : "v" } )",
           R"({"esc": "q\" b\\ s\/ \b\f\n\r\t \u00e9 \u4e2d \ud83d\ude00", "utf8": "é中😀"})",
       }) {
    JsonDocument doc;
    std::string error;
    ASSERT_TRUE(doc.Parse(text, &error)) << text << ": " << error;
    EXPECT_EQ(ToNlohmann(doc, doc.root()), nlohmann::json::parse(text)) << text;
  }
}

TEST(JsonValueTest, NumbersKnowWhetherTheyAreIntegral) {
  JsonDocument doc;
  std::string error;
  ASSERT_TRUE(doc.Parse("[5, 5.0, 5e0, -7]", &error));
  const auto items = doc.children(doc.root());
  EXPECT_TRUE(doc.node(items[0].node).integral);
  EXPECT_FALSE(doc.node(items[1].node).integral);
  EXPECT_FALSE(doc.node(items[2].node).integral);
  EXPECT_DOUBLE_EQ(doc.node(items[3].node).number, -7);
}

TEST(JsonValueTest, RawTextOfEachValue) {
  JsonDocument doc;
  std::string error;
  const std::string text = R"({"config": {"path": "x", "n": [1, 2]}, "k": 3})";
  ASSERT_TRUE(doc.Parse(text, &error));
  const auto members = doc.children(doc.root());
  EXPECT_EQ(doc.node(members[0].node).raw, R"({"path": "x", "n": [1, 2]})");
  EXPECT_EQ(doc.node(members[1].node).raw, "3");
}

TEST(JsonValueTest, DuplicateKeysAreKeptInOrder) {
  JsonDocument doc;
  std::string error;
  ASSERT_TRUE(doc.Parse(R"({"a": 1, "a": 2})", &error));
  ASSERT_EQ(doc.root().size, 2u);
}

TEST(JsonValueTest, SyntaxErrorsNameLineColumnAndReason) {
  EXPECT_EQ(ParseError("{\n  \"a\": 1,\n  oops\n}"), "line 3, column 3: expected a string key");
  EXPECT_THAT(ParseError(""), HasSubstr("unexpected end of input"));
  EXPECT_THAT(ParseError("{\"a\" 1}"), HasSubstr("expected ':'"));
  EXPECT_THAT(ParseError("[1, 2"), HasSubstr("expected ',' or ']'"));
  EXPECT_THAT(ParseError("[1,]"), HasSubstr("expected a value"));
  EXPECT_THAT(ParseError("{} x"), HasSubstr("unexpected text after"));
  EXPECT_THAT(ParseError("[01]"), HasSubstr("expected ',' or ']'"));
  EXPECT_THAT(ParseError("[1.]"), HasSubstr("digits expected after '.'"));
  EXPECT_THAT(ParseError("[1e]"), HasSubstr("exponent"));
  EXPECT_THAT(ParseError("[-]"), HasSubstr("invalid number"));
  EXPECT_THAT(ParseError("[1e999]"), HasSubstr("out of range"));
  EXPECT_THAT(ParseError("[tru]"), HasSubstr("invalid literal"));
  EXPECT_THAT(ParseError("\"abc"), HasSubstr("unterminated string"));
  EXPECT_THAT(ParseError("\"a\\qb\""), HasSubstr("invalid escape"));
  EXPECT_THAT(ParseError("\"a\nb\""), HasSubstr("control character"));
  EXPECT_THAT(ParseError("\"\\u12\""), HasSubstr("invalid \\u escape"));
  EXPECT_THAT(ParseError("\"\\ud800\""), HasSubstr("lone high surrogate"));
  EXPECT_THAT(ParseError("\"\\udc00\""), HasSubstr("lone low surrogate"));
  EXPECT_THAT(ParseError("\"\xff\""), HasSubstr("invalid UTF-8"));
  EXPECT_THAT(ParseError("\"\xc0\xaf\""), HasSubstr("invalid UTF-8"));      // overlong
  EXPECT_THAT(ParseError("\"\xed\xa0\x80\""), HasSubstr("invalid UTF-8"));  // surrogate
  EXPECT_THAT(ParseError(std::string(100, '[') + std::string(100, ']')),
              HasSubstr("deeper than 64"));
}

}  // namespace
}  // namespace pathrank::server
