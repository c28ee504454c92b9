#include "http/auth.h"

#include <gtest/gtest.h>

#include "ops/time_format.h"

namespace pathrank::server {
namespace {

TEST(AuthTest, Sha256KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(AuthTest, RolesAreOrdered) {
  Authenticator auth(
      {{"reader", Sha256Hex("r-key"), Role::kRead}, {"admin", Sha256Hex("a-key"), Role::kAdmin}});
  std::string name;
  EXPECT_FALSE(auth.Check("Bearer r-key", Role::kRead, &name).has_value());
  EXPECT_EQ(name, "reader");
  EXPECT_FALSE(auth.Check("Bearer a-key", Role::kWrite, &name).has_value());
  EXPECT_EQ(name, "admin");
  auto forbidden = auth.Check("Bearer r-key", Role::kWrite, &name);
  ASSERT_TRUE(forbidden.has_value());
  EXPECT_EQ(HttpStatus(forbidden->type), 403);
  for (const char* bad : {"", "Bearer", "Basic r-key", "Bearer wrong"}) {
    auto unauthorized = auth.Check(bad, Role::kRead, &name);
    ASSERT_TRUE(unauthorized.has_value()) << bad;
    EXPECT_EQ(HttpStatus(unauthorized->type), 401) << bad;
    EXPECT_EQ(unauthorized->errors[0].pointer, "/Authorization");
  }
  EXPECT_FALSE(auth.Check("", Role::kNone, &name).has_value());
}

TEST(AuthTest, NoKeysMeansOpen) {
  Authenticator auth({});
  std::string name;
  EXPECT_FALSE(auth.enabled());
  EXPECT_FALSE(auth.Check("", Role::kAdmin, &name).has_value());
}

TEST(TimeFormatTest, RoundTripsAndRejectsMalformed) {
  EXPECT_EQ(FormatRfc3339(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatRfc3339(1714557600123), "2024-05-01T10:00:00.123Z");
  EXPECT_EQ(ParseRfc3339("2024-05-01T10:00:00.123Z"), 1714557600123);
  EXPECT_EQ(ParseRfc3339("2024-05-01T12:00:00+02:00"), 1714557600000);
  EXPECT_EQ(ParseRfc3339("2024-05-01t10:00:00z"), 1714557600000);
  for (const char* bad : {"", "2024-05-01", "2024-13-01T00:00:00Z", "2024-02-30T00:00:00Z",
                          "2024-05-01T10:00:00", "2024-05-01T10:00:00Zjunk", "yesterday"}) {
    EXPECT_FALSE(ParseRfc3339(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace pathrank::server
