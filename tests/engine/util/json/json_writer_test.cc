#include "util/json/json_writer.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

namespace pathrank::json {
namespace {

std::string DoubleText(double v) {
  std::string out;
  AppendDouble(v, &out);
  return out;
}

std::string Quoted(std::string_view s) {
  std::string out;
  AppendQuoted(s, &out);
  return out;
}

TEST(JsonWriterTest, DoublesAreLaidOutAsNlohmannDumpsThem) {
  for (double v : {0.0,
                   -0.0,
                   1.0,
                   -1.0,
                   0.5,
                   0.1,
                   0.25,
                   1.5,
                   2.0 / 3.0,
                   100.0,
                   12.75,
                   1e-4,
                   1e-5,
                   0.00012345,
                   123456789012345.0,
                   1e15,
                   1e16,
                   1.5e16,
                   1e21,
                   1e-7,
                   5e-324,
                   std::numeric_limits<double>::max(),
                   std::numeric_limits<double>::min(),
                   0.3,
                   1.0 / 3.0,
                   40.0,
                   8.5,
                   1234.5678,
                   -273.15}) {
    EXPECT_EQ(DoubleText(v), nlohmann::json(v).dump()) << v;
  }
}

TEST(JsonWriterTest, NonFiniteDoublesAreNull) {
  EXPECT_EQ(DoubleText(std::numeric_limits<double>::quiet_NaN()), "null");
  EXPECT_EQ(DoubleText(std::numeric_limits<double>::infinity()), "null");
  EXPECT_EQ(DoubleText(-std::numeric_limits<double>::infinity()), "null");
}

TEST(JsonWriterTest, RandomDoublesReadBackExactly) {
  std::mt19937_64 random(12);
  for (int i = 0; i < 20000; ++i) {
    const double v = std::bit_cast<double>(random());
    if (!std::isfinite(v)) continue;
    const std::string text = DoubleText(v);
    ASSERT_EQ(std::bit_cast<uint64_t>(std::strtod(text.c_str(), nullptr)),
              std::bit_cast<uint64_t>(v))
        << text;
    // A number with a fraction or an exponent: readers keep it a double.
    ASSERT_NE(text.find_first_of(".e"), std::string::npos) << text;
    ASSERT_TRUE(nlohmann::json::parse(text).is_number_float()) << text;
  }
}

TEST(JsonWriterTest, StringsEscapeQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(Quoted("plain"), "\"plain\"");
  EXPECT_EQ(Quoted("a\"b\\c/d"), "\"a\\\"b\\\\c/d\"");
  EXPECT_EQ(Quoted("\b\f\n\r\t"), "\"\\b\\f\\n\\r\\t\"");
  EXPECT_EQ(Quoted(std::string_view("\0\x01\x1f\x7f", 4)), "\"\\u0000\\u0001\\u001f\x7f\"");
  for (int c = 0; c < 0x20; ++c) {
    const std::string s(1, static_cast<char>(c));
    EXPECT_EQ(Quoted(s), nlohmann::json(s).dump()) << c;
  }
}

TEST(JsonWriterTest, WellFormedUtf8IsWrittenAsIs) {
  // 2-, 3- and 4-byte sequences, U+2028 and the largest code point.
  const std::string s = "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \xE2\x80\xA8 \xF4\x8F\xBF\xBF";
  EXPECT_EQ(Quoted(s), "\"" + s + "\"");
  EXPECT_EQ(nlohmann::json::parse(Quoted(s)).get<std::string>(), s);
}

TEST(JsonWriterTest, BytesThatAreNotUtf8BecomeReplacementCharacters) {
  // A lone continuation byte, a truncated sequence, an overlong form, a
  // surrogate and a byte beyond U+10FFFF.
  for (const std::string bad :
       {"\x80", "\xC3", "\xE2\x82", "\xC0\xAF", "\xED\xA0\x80", "\xF5\x80\x80\x80", "\xFF"}) {
    const std::string text = Quoted("a" + bad + "b");
    const std::string back = nlohmann::json::parse(text).get<std::string>();  // valid UTF-8
    EXPECT_EQ(back.front(), 'a');
    EXPECT_EQ(back.back(), 'b');
    EXPECT_NE(back.find("\xEF\xBF\xBD"), std::string::npos) << text;
  }
}

void WriteSample(Writer& w) {
  w.BeginObject();
  w.Member("id", "go");
  w.Member("count", size_t{3});
  w.Member("delta", -2);
  w.Member("score", 0.75);
  w.Member("ok", true);
  w.Key("none");
  w.Null();
  w.Member("tags", std::vector<std::string>{"a", "b"});
  w.Member("empty", std::vector<int>{});
  w.Member("weights", std::map<std::string, double>{{"x", 1.0}, {"y", 0.5}});
  w.Key("nested");
  w.BeginArray();
  w.BeginObject();
  w.EndObject();
  w.BeginObject();
  w.Member("k", "v");
  w.EndObject();
  w.EndArray();
  w.Key("raw");
  w.Raw("{\"r\":[1,2]}");
  w.EndObject();
}

nlohmann::ordered_json Sample() {
  nlohmann::ordered_json j;
  j["id"] = "go";
  j["count"] = 3;
  j["delta"] = -2;
  j["score"] = 0.75;
  j["ok"] = true;
  j["none"] = nullptr;
  j["tags"] = {"a", "b"};
  j["empty"] = nlohmann::ordered_json::array();
  j["weights"] = {{"x", 1.0}, {"y", 0.5}};
  j["nested"] = {nlohmann::ordered_json::object(), {{"k", "v"}}};
  j["raw"] = {{"r", {1, 2}}};
  return j;
}

TEST(JsonWriterTest, CompactOutputIsNlohmannsDump) {
  Writer w;
  WriteSample(w);
  EXPECT_EQ(w.Take(), Sample().dump());
}

TEST(JsonWriterTest, IndentedOutputIsNlohmannsDumpWithIndent) {
  Writer w(2);
  w.BeginObject();
  w.Member("id", "go");
  w.Member("tags", std::vector<std::string>{"a", "b"});
  w.Member("empty", std::vector<int>{});
  w.Key("nested");
  w.BeginArray();
  w.BeginObject();
  w.EndObject();
  w.BeginObject();
  w.Member("k", 1.5);
  w.EndObject();
  w.EndArray();
  w.EndObject();
  nlohmann::ordered_json j;
  j["id"] = "go";
  j["tags"] = {"a", "b"};
  j["empty"] = nlohmann::ordered_json::array();
  j["nested"] = {nlohmann::ordered_json::object(), {{"k", 1.5}}};
  EXPECT_EQ(w.Take(), j.dump(2));
}

TEST(JsonWriterTest, TakeLeavesTheWriterReadyForAnotherDocument) {
  Writer w;
  w.BeginArray();
  w.Value(1);
  w.EndArray();
  EXPECT_EQ(w.Take(), "[1]");
  w.BeginObject();
  w.EndObject();
  EXPECT_EQ(w.Take(), "{}");
  w.String("top");
  EXPECT_EQ(w.Take(), "\"top\"");
}

TEST(JsonWriterTest, RawMembersSpliceAnObjectsMembers) {
  Writer w;
  w.BeginObject();
  w.Member("a", 1);
  w.RawMembers("{\"b\":[2],\"c\":{}}");
  w.RawMembers("{}");
  w.RawMembers("");
  w.Member("d", 3);
  w.EndObject();
  EXPECT_EQ(w.Take(), "{\"a\":1,\"b\":[2],\"c\":{},\"d\":3}");
  w.BeginObject();
  w.RawMembers("{\"only\":true}");
  w.EndObject();
  EXPECT_EQ(w.Take(), "{\"only\":true}");
}

}  // namespace
}  // namespace pathrank::json
