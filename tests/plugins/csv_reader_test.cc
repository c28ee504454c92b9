// The csv plugin's RFC 4180 reader, tested directly.

#include "../../plugins/csv/csv_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../../plugins/common/plugin_kit.h"
#include "util/csv.h"

namespace pathrank::plugin {
namespace {

using ::testing::ElementsAre;

std::vector<std::vector<std::string>> Fields(const std::vector<CsvRecord>& records) {
  std::vector<std::vector<std::string>> out;
  for (const CsvRecord& r : records) out.push_back(r.fields);
  return out;
}

// The message of the PluginError `text` raises, or "" if none.
std::string ErrorOf(const std::string& text) {
  try {
    ParseCsv(text, "t.csv");
  } catch (const PluginError& e) {
    EXPECT_EQ(e.code(), PR_ERR_DATA);
    return e.what();
  }
  return "";
}

TEST(CsvReaderTest, PlainRecordsWithLfCrlfAndCr) {
  const auto records = ParseCsv("a,b\n1,2\r\n3,4\r5,6", "t.csv");
  EXPECT_THAT(Fields(records), ElementsAre(ElementsAre("a", "b"), ElementsAre("1", "2"),
                                           ElementsAre("3", "4"), ElementsAre("5", "6")));
  EXPECT_EQ(records[3].line, 4u);
}

TEST(CsvReaderTest, QuotedFieldsHoldDelimitersNewlinesAndQuotes) {
  const auto records =
      ParseCsv("id,text\r\nx,\"a, b\"\r\ny,\"two\r\nlines\"\r\nz,\"say \"\"hi\"\"\"\r\n", "t.csv");
  EXPECT_THAT(Fields(records),
              ElementsAre(ElementsAre("id", "text"), ElementsAre("x", "a, b"),
                          ElementsAre("y", "two\r\nlines"), ElementsAre("z", "say \"hi\"")));
  EXPECT_EQ(records[3].line, 5u);  // the quoted line break counts
}

TEST(CsvReaderTest, BomIsSkippedAndBlankLinesIgnored) {
  const auto records = ParseCsv("\xEF\xBB\xBFname,x\n\nfoo,1\n\n", "t.csv");
  EXPECT_THAT(Fields(records), ElementsAre(ElementsAre("name", "x"), ElementsAre("foo", "1")));
  EXPECT_EQ(records[1].line, 3u);
}

TEST(CsvReaderTest, EmptyFieldsAndTrailingDelimiter) {
  EXPECT_THAT(Fields(ParseCsv("a,,c,\n\"\",x,,", "t.csv")),
              ElementsAre(ElementsAre("a", "", "c", ""), ElementsAre("", "x", "", "")));
}

TEST(CsvReaderTest, MalformedInputNamesFileAndLine) {
  EXPECT_EQ(ErrorOf("a,b\n1,\"open\n2,3\n"), "t.csv line 2: quoted field is never closed");
  EXPECT_EQ(ErrorOf("a,b\n1,x\"y\n"),
            "t.csv line 2: a quote inside an unquoted field (column 4); quote the whole field");
  EXPECT_EQ(ErrorOf("a,b\n1,\"x\"y\n"),
            "t.csv line 2: text after the closing quote of a field (column 6)");
  EXPECT_EQ(ErrorOf("a,b\n1,2\n3,\xC3\x28\n"),
            "t.csv line 3: not valid UTF-8 (byte 10 of the file)");
}

TEST(CsvReaderTest, TableChecksHeaderAndFieldCounts) {
  const CsvTable table(" id , title\nx,X\n", "t.csv");
  EXPECT_EQ(*table.Find("id"), 0u);
  EXPECT_EQ(*table.Find("title"), 1u);
  EXPECT_EQ(table.Where(table.rows()[0]), "t.csv line 2");
  try {
    (void)table.Require("prerequisites", "prerequisites_column");
    ADD_FAILURE() << "no error";
  } catch (const PluginError& e) {
    EXPECT_STREQ(e.what(),
                 "t.csv: no column \"prerequisites\" (set by config key "
                 "\"prerequisites_column\"); the header has: id, title");
  }
  EXPECT_THROW(CsvTable("id,title\nx\n", "t.csv"), PluginError);
  EXPECT_THROW(CsvTable("id,id\nx,y\n", "t.csv"), PluginError);
  EXPECT_THROW(CsvTable("", "t.csv"), PluginError);
}

TEST(CsvReaderTest, SplitListTrimsAndDropsEmptyParts) {
  EXPECT_THAT(internal::SplitList(" a, b,,c ,", ","), ElementsAre("a", "b", "c"));
  EXPECT_THAT(internal::SplitList("gin|echo", "|"), ElementsAre("gin", "echo"));
  EXPECT_TRUE(internal::SplitList("  ", ",").empty());
}

}  // namespace
}  // namespace pathrank::plugin
