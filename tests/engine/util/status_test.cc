#include "pathrank/status.h"

#include <gtest/gtest.h>

#include <string>

namespace pathrank {
namespace {

TEST(StatusTest, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
  EXPECT_TRUE(s.fields().empty());
}

TEST(StatusTest, CarriesCodeMessageAndFields) {
  Status s = Status::NotFound("item \"gin\" is unknown");
  s.AddField("/mastery/gin", "unknown item");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.ToString(), "NotFound: item \"gin\" is unknown");
  ASSERT_EQ(s.fields().size(), 1u);
  EXPECT_EQ(s.fields()[0].field, "/mastery/gin");
}

TEST(StatusTest, CopiesDoNotShareFieldEdits) {
  Status a = Status::InvalidArgument("bad");
  a.AddField("/a", "x");
  Status b = a;
  b.AddField("/b", "y");
  EXPECT_EQ(a.fields().size(), 1u);
  EXPECT_EQ(b.fields().size(), 2u);
}

TEST(StatusTest, WithPrefix) {
  Status s = Status::InvalidArgument("bad weight").WithPrefix("catalog.json");
  EXPECT_EQ(s.message(), "catalog.json: bad weight");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
}

Result<int> Half(int x) {
  if (x % 2 != 0) return Status::InvalidArgument("odd");
  return x / 2;
}

TEST(ResultTest, ValueOrError) {
  Result<int> ok = Half(4);
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(*ok, 2);
  EXPECT_TRUE(ok.status().ok());
  Result<int> bad = Half(3);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message(), "odd");
}

TEST(ResultTest, OkStatusBecomesInternalError) {
  Result<std::string> r{Status::Ok()};
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code(), StatusCode::kInternal);
}

Status Chain(int x) {
  PATHRANK_RETURN_IF_ERROR(Half(x).status());
  return Status::Ok();
}

TEST(ResultTest, ReturnIfError) {
  EXPECT_TRUE(Chain(2).ok());
  EXPECT_EQ(Chain(1).code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace pathrank
