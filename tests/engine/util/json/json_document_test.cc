#include "util/json/json_document.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace pathrank::json {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

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
           R"(["nul \u0000 inside", 1e-400, -0.0, 1.5e-310])",
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

TEST(JsonValueTest, ToJsonWritesTheSameValueCompactly) {
  JsonDocument doc;
  std::string error;
  const std::string text =
      R"({"config": {"path": "x\u00e9", )"
      R"("n": [1, 2.0, -3e2, 9007199254740993, 12345678901234567890]}, "k": 3})";
  ASSERT_TRUE(doc.Parse(text, &error)) << error;
  const auto members = doc.children(doc.root());
  // Not the input text: members sorted by key, numbers rewritten (2.0 stays
  // a float; integers beyond 2^53 are the doubles they were rounded to).
  EXPECT_EQ(
      doc.ToJson(doc.node(members[0].node)),
      "{\"n\":[1,2.0,-300.0,9007199254740992,1.2345678901234567e+19],\"path\":\"x\xc3\xa9\"}");
  EXPECT_EQ(doc.ToJson(doc.node(members[1].node)), "3");
  EXPECT_EQ(nlohmann::json::parse(doc.ToJson(doc.root())), ToNlohmann(doc, doc.root()));
}

TEST(JsonValueTest, ToJsonSortsMembersAndKeepsTheLastOfRepeatedKeys) {
  JsonDocument doc;
  std::string error;
  ASSERT_TRUE(doc.Parse(R"({"b": 1, "a": {"z": null, "y": [true]}, "b": "last"})", &error))
      << error;
  EXPECT_EQ(doc.ToJson(doc.root()), R"({"a":{"y":[true],"z":null},"b":"last"})");
}

// The per-thread parser (on in the pathrank binary) and a parser per call
// (the default: plugins) read the same documents, across a text longer than
// the kept capacity (the thread's parser is freed after it) and an error.
TEST(JsonValueTest, ThreadParserAndParserPerCallReadTheSame) {
  const std::string big = "[" + std::string(300 * 1024, ' ') + "1]";
  const std::vector<std::string> texts = {R"({"a": [1, 2, {"b": "c"}]})", big, "{\"x\": }",
                                          R"({"a": true})"};
  std::vector<std::string> per_call, per_thread;
  for (bool reuse : {false, true}) {
    ReuseThreadParsers(reuse);
    for (const std::string& text : texts) {
      JsonDocument doc;
      std::string error;
      (reuse ? per_thread : per_call)
          .push_back(doc.Parse(text, &error) ? doc.ToJson(doc.root()) : "error: " + error);
    }
  }
  ReuseThreadParsers(false);
  EXPECT_EQ(per_call, per_thread);
  EXPECT_EQ(per_call[0], R"({"a":[1,2,{"b":"c"}]})");
  EXPECT_EQ(per_call[1], "[1]");
  EXPECT_THAT(per_call[2], StartsWith("error: line 1, column 7"));
  EXPECT_EQ(per_call[3], R"({"a":true})");
}

TEST(JsonValueTest, DocumentOwnsItsStrings) {
  JsonDocument doc;
  std::string error;
  {
    std::string text = R"({"key": "value", "e": "\u00e9"})";
    ASSERT_TRUE(doc.Parse(text, &error));
    text.assign(text.size(), 'x');  // then freed: the document must not care
  }
  JsonDocument moved = std::move(doc);
  JsonDocument other;
  ASSERT_TRUE(other.Parse(R"(["another document on this thread"])", &error));
  const auto members = moved.children(moved.root());
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(members[0].key, "key");
  EXPECT_EQ(moved.node(members[0].node).text, "value");
  EXPECT_EQ(moved.node(members[1].node).text, "\xc3\xa9");
}

TEST(JsonValueTest, AParseReplacesTheDocument) {
  JsonDocument doc;
  std::string error;
  ASSERT_TRUE(doc.Parse(R"({"a": [1, 2, 3]})", &error));
  ASSERT_TRUE(doc.Parse(R"(["b"])", &error));
  ASSERT_EQ(doc.root().type, JsonType::kArray);
  ASSERT_EQ(doc.root().size, 1u);
  EXPECT_EQ(doc.node(doc.children(doc.root())[0].node).text, "b");
}

TEST(JsonValueTest, SixtyFourLevelsAreAllowed) {
  JsonDocument doc;
  std::string error;
  EXPECT_TRUE(doc.Parse(std::string(64, '[') + std::string(64, ']'), &error)) << error;
  EXPECT_EQ(ParseError(std::string(65, '[') + std::string(65, ']')),
            "line 1, column 65: nesting deeper than 64 levels");
}

TEST(JsonValueTest, IntegersMustFit64Bits) {
  JsonDocument doc;
  std::string error;
  ASSERT_TRUE(doc.Parse("[18446744073709551615, -9223372036854775808]", &error)) << error;
  const auto items = doc.children(doc.root());
  EXPECT_TRUE(doc.node(items[0].node).integral);
  EXPECT_DOUBLE_EQ(doc.node(items[0].node).number, 18446744073709551615.0);
  EXPECT_DOUBLE_EQ(doc.node(items[1].node).number, -9223372036854775808.0);
  EXPECT_EQ(ParseError("[1,\n 18446744073709551616]"),
            "line 2, column 2: integer out of range (beyond 64 bits)");
  EXPECT_EQ(ParseError("-9223372036854775809"),
            "line 1, column 1: integer out of range (beyond 64 bits)");
}

TEST(JsonValueTest, DuplicateKeysAreKeptInOrder) {
  JsonDocument doc;
  std::string error;
  ASSERT_TRUE(doc.Parse(R"({"a": 1, "a": 2})", &error));
  ASSERT_EQ(doc.root().size, 2u);
}

// Reasons are nlohmann's (the text is read again by its SAX parser to find
// the position); positions are the byte where the error shows.
TEST(JsonValueTest, SyntaxErrorsNameLineColumnAndReason) {
  EXPECT_EQ(ParseError("{\n  \"a\": 1,\n  oops\n}"),
            "line 3, column 3: syntax error while parsing object key - invalid literal; "
            "expected string literal");
  EXPECT_THAT(ParseError(""), StartsWith("line 1, column 1: "));
  EXPECT_THAT(ParseError(""), HasSubstr("unexpected end of input"));
  EXPECT_THAT(ParseError("  "), StartsWith("line 1, column 3: "));
  EXPECT_THAT(ParseError("{\"a\" 1}"), StartsWith("line 1, column 6: "));
  EXPECT_THAT(ParseError("{\"a\" 1}"), HasSubstr("expected ':'"));
  EXPECT_THAT(ParseError("[1, 2"), StartsWith("line 1, column 6: "));
  EXPECT_THAT(ParseError("[1, 2"), HasSubstr("expected ']'"));
  EXPECT_THAT(ParseError("[1,]"), StartsWith("line 1, column 4: "));
  EXPECT_THAT(ParseError("[1,]"), HasSubstr("expected '[', '{', or a literal"));
  EXPECT_THAT(ParseError("{} x"), StartsWith("line 1, column 4: "));
  EXPECT_THAT(ParseError("{} x"), HasSubstr("expected end of input"));
  EXPECT_THAT(ParseError("[01]"), StartsWith("line 1, column 3: "));
  EXPECT_THAT(ParseError("[01]"), HasSubstr("expected ']'"));
  EXPECT_THAT(ParseError("[1.]"), HasSubstr("expected digit after '.'"));
  EXPECT_THAT(ParseError("[1e]"), HasSubstr("digit after exponent"));
  EXPECT_THAT(ParseError("[-]"), HasSubstr("invalid number"));
  EXPECT_EQ(ParseError("{\"x\":\n 1e999}"),
            "line 2, column 2: number out of range (beyond a double)");
  EXPECT_THAT(ParseError("[tru]"), HasSubstr("invalid literal"));
  EXPECT_THAT(ParseError("\"abc"), HasSubstr("missing closing quote"));
  EXPECT_THAT(ParseError("\"a\\qb\""), StartsWith("line 1, column 4: "));
  EXPECT_THAT(ParseError("\"a\\qb\""), HasSubstr("forbidden character after backslash"));
  EXPECT_THAT(ParseError("\"a\nb\""), HasSubstr("control character U+000A"));
  EXPECT_THAT(ParseError("\"\\u12\""), HasSubstr("'\\u' must be followed by 4 hex digits"));
  EXPECT_THAT(ParseError("\"\\ud800\""), HasSubstr("surrogate U+D800..U+DBFF must be followed"));
  EXPECT_THAT(ParseError("\"\\ud800\\u0041\""),
              HasSubstr("surrogate U+D800..U+DBFF must be followed"));
  EXPECT_THAT(ParseError("\"\\udc00\""), HasSubstr("surrogate U+DC00..U+DFFF must follow"));
  EXPECT_THAT(ParseError("\"\xff\""), HasSubstr("ill-formed UTF-8"));
  EXPECT_THAT(ParseError("\"\xc0\xaf\""), HasSubstr("ill-formed UTF-8"));      // overlong
  EXPECT_THAT(ParseError("\"\xed\xa0\x80\""), HasSubstr("ill-formed UTF-8"));  // surrogate
  EXPECT_THAT(ParseError(std::string(100, '[') + std::string(100, ']')),
              HasSubstr("deeper than 64"));
}

// Errors nlohmann's parser does not see itself.
TEST(JsonValueTest, ByteOrderMarkAndNulAreErrors) {
  EXPECT_EQ(ParseError("\xef\xbb\xbf{}"),
            "line 1, column 1: unexpected byte order mark (UTF-8 BOM)");
  EXPECT_EQ(ParseError(std::string("{}\0", 3)),
            "line 1, column 3: unexpected NUL byte after the JSON value");
}

// Error messages end up in JSON answers and logs: they never quote the
// input, which may not be valid UTF-8.
TEST(JsonValueTest, ErrorsDoNotQuoteTheInput) {
  EXPECT_THAT(ParseError("[\"\xff\"]"), Not(HasSubstr("\xff")));
  EXPECT_THAT(ParseError("{\"secret-key\" 1}"), Not(HasSubstr("secret-key")));
}

// ----- objects as maps (Find, SortedMembers) and the JsonValue view

TEST(JsonObjectAsMapTest, FindAndSortedMembersKeepTheLastOfRepeatedKeys) {
  JsonDocument doc;
  std::string error;
  ASSERT_TRUE(doc.Parse(R"({"b": 1, "a": 2, "b": 3, "c": {"x": 4}})", &error)) << error;
  const JsonNode* b = doc.Find(doc.root(), "b");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->number, 3);
  EXPECT_EQ(doc.Find(doc.root(), "x"), nullptr);  // not a member of the root
  EXPECT_EQ(doc.Find(*b, "b"), nullptr);          // not an object
  std::vector<std::string> keys;
  std::vector<double> numbers;
  for (const JsonChild& m : doc.SortedMembers(doc.root())) {
    keys.emplace_back(m.key);
    numbers.push_back(doc.node(m.node).number);
  }
  EXPECT_EQ(keys, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(numbers[0], 2);
  EXPECT_EQ(numbers[1], 3);
  EXPECT_TRUE(doc.SortedMembers(*b).empty());
}

TEST(JsonValueViewTest, ReadsValuesAndAbsentMembers) {
  JsonDocument doc;
  std::string error;
  ASSERT_TRUE(
      doc.Parse(R"({"s": "x", "n": 2, "f": 2.5, "t": true, "z": null, "a": [1, "y"]})", &error))
      << error;
  const JsonValue root = doc.value();
  EXPECT_TRUE(root.is_object());
  EXPECT_EQ(root.size(), 6u);
  EXPECT_EQ(root.Find("s").string(), "x");
  EXPECT_TRUE(root.Find("n").is_integer());
  EXPECT_FALSE(root.Find("f").is_integer());
  EXPECT_EQ(root.Find("f").number(), 2.5);
  EXPECT_TRUE(root.Find("t").is_bool() && root.Find("t").boolean());
  EXPECT_TRUE(root.Find("z").present());
  EXPECT_TRUE(root.Find("z").is_null());
  const JsonValue missing = root.Find("missing");
  EXPECT_FALSE(missing.present());
  EXPECT_TRUE(missing.is_null());
  EXPECT_EQ(missing.type_name(), "null");
  EXPECT_EQ(missing.size(), 0u);
  EXPECT_FALSE(missing.Find("deeper").present());
  EXPECT_EQ(missing.ToJson(), "null");
  const JsonValue a = root.Find("a");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].ToJson(), "1");
  EXPECT_EQ(a[1].string(), "y");
  EXPECT_EQ(a.type_name(), "array");
  ASSERT_EQ(root.Members().size(), 6u);
  EXPECT_EQ(root.Members().front().first, "a");
  EXPECT_EQ(root.Members().front().second.ToJson(), R"([1,"y"])");
}

TEST(JsonValueViewTest, SameValueComparesObjectsAsMapsAndNumbersAsDoubles) {
  JsonDocument a, b;
  std::string error;
  ASSERT_TRUE(a.Parse(R"({"x": [1, {"p": "q"}], "y": 1, "y": 2.0, "n": null})", &error));
  ASSERT_TRUE(b.Parse(R"({"n": null, "y": 2, "x": [1.0, {"p": "q"}]})", &error));
  EXPECT_TRUE(SameValue(a.value(), b.value()));
  EXPECT_TRUE(SameValue(JsonValue(), JsonValue()));
  EXPECT_FALSE(SameValue(a.value().Find("n"), JsonValue()));  // null is not absent
  JsonDocument c;
  ASSERT_TRUE(c.Parse(R"({"n": null, "y": 2, "x": [1, {"p": "r"}]})", &error));
  EXPECT_FALSE(SameValue(a.value(), c.value()));
  ASSERT_TRUE(c.Parse(R"({"n": null, "y": 2, "x": [1, {"p": "q"}], "extra": 0})", &error));
  EXPECT_FALSE(SameValue(a.value(), c.value()));
  ASSERT_TRUE(c.Parse(R"({"n": null, "y": 2, "x": [1]})", &error));
  EXPECT_FALSE(SameValue(a.value(), c.value()));
}

}  // namespace
}  // namespace pathrank::json
