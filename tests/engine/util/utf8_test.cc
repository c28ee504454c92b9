// UTF-8 checks the plugin host applies to every string a plugin hands over.

#include "util/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace pathrank::internal {
namespace {

TEST(Utf8Test, AcceptsWellFormedText) {
  EXPECT_FALSE(FindInvalidUtf8(""));
  EXPECT_FALSE(FindInvalidUtf8("plain ascii"));
  EXPECT_FALSE(FindInvalidUtf8("\xE6\xA0\xB9\xE5\xBC\x8F"));  // 根式
  EXPECT_FALSE(FindInvalidUtf8("\xF0\x9F\x98\x80"));          // U+1F600
  EXPECT_FALSE(FindInvalidUtf8(std::string("nul\0inside", 10)));
}

TEST(Utf8Test, RejectsMalformedSequencesAtTheirOffset) {
  EXPECT_EQ(FindInvalidUtf8("caf\xC3"), 3u);           // truncated
  EXPECT_EQ(FindInvalidUtf8("a\xC0\xAF"), 1u);         // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("\xED\xA0\x80"), 0u);      // a surrogate
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("ok\x80"), 2u);            // a lone continuation byte
  EXPECT_EQ(FindInvalidUtf8("\xE6\xA0x"), 0u);         // bad continuation
}

TEST(Utf8Test, SanitizeReplacesEachBadByte) {
  EXPECT_EQ(SanitizeUtf8("caf\xC3"), "caf\xEF\xBF\xBD");
  EXPECT_EQ(SanitizeUtf8("a\x80\x80z"), "a\xEF\xBF\xBD\xEF\xBF\xBDz");
  EXPECT_EQ(SanitizeUtf8("\xE6\xA0\xB9"), "\xE6\xA0\xB9");
}

}  // namespace
}  // namespace pathrank::internal
