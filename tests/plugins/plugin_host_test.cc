// The plugin host against the template plugin and purpose-built broken
// plugins (tests/plugins/*.c, misbehaving.cc): every failure is a clear
// Status naming the plugin, the record and the reason, and a failed read
// never replaces the catalog being served.

#include "pathrank/plugin_host.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "pathrank/catalog_json.h"
#include "test_paths.h"

namespace pathrank {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

std::string Canonical(const char* path) { return std::filesystem::canonical(path).string(); }

std::string Mode(const std::string& mode) { return R"({"mode": ")" + mode + R"("})"; }

// "plugin misbehaving (<canonical path>)".
std::string MisbehavingRef() {
  return "plugin misbehaving (" + Canonical(PATHRANK_TEST_MISBEHAVING) + ")";
}

TEST(PluginHostTest, TemplatePluginLoadsAndReads) {
  auto plugin = LoadedPlugin::Open(PATHRANK_PLUGIN_TEMPLATE);
  ASSERT_TRUE(plugin) << plugin.error().message();
  const PluginInfo& info = plugin->info();
  EXPECT_EQ(info.name, "template");
  EXPECT_EQ(info.version, "1.0.0");
  EXPECT_EQ(info.abi_version, 1u);
  EXPECT_TRUE(info.provides_catalog);
  EXPECT_FALSE(info.provides_progress);
  EXPECT_EQ(info.path, Canonical(PATHRANK_PLUGIN_TEMPLATE));

  std::vector<PluginLogLine> log;
  auto catalog = plugin->ReadCatalog("{}", &log);
  ASSERT_TRUE(catalog) << catalog.error().message();
  const Catalog& c = **catalog;
  EXPECT_EQ(c.id(), "template");
  EXPECT_EQ(c.title(), "Template catalog");
  ASSERT_EQ(c.item_count(), 2u);
  EXPECT_EQ(c.clause_count(), 1u);
  ASSERT_EQ(c.goals().size(), 1u);
  EXPECT_EQ(c.goals()[0].id, "greet");
  const ItemId world = *c.FindItem("world");
  EXPECT_EQ(c.item(world).kind, ItemKind::kProject);
  ASSERT_EQ(c.clauses_of(world).size(), 1u);
  EXPECT_EQ(c.alternatives(c.clauses_of(world)[0])[0], *c.FindItem("hello"));
  EXPECT_EQ(c.stages()[0].id, "basics");  // declared on use
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].level, PluginLogLevel::kInfo);
}

TEST(PluginHostTest, ConfigErrorNamesPluginAndReason) {
  auto catalog = LoadCatalogFromPlugin(PATHRANK_PLUGIN_TEMPLATE, R"({"x": 1})");
  ASSERT_FALSE(catalog);
  EXPECT_EQ(catalog.error().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(catalog.error().message(),
            "plugin template (" + Canonical(PATHRANK_PLUGIN_TEMPLATE) +
                "): open failed: config: the template plugin takes no keys (give {} or nothing)");
}

TEST(PluginHostTest, WrongAbiVersionIsRefused) {
  auto plugin = LoadedPlugin::Open(PATHRANK_TEST_BROKEN_ABI);
  ASSERT_FALSE(plugin);
  EXPECT_EQ(plugin.error().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(plugin.error().message(),
            "plugin " + Canonical(PATHRANK_TEST_BROKEN_ABI) +
                ": built for plugin ABI version 999; this pathrank supports versions 1..1");
}

TEST(PluginHostTest, PluginRefusingTheHostAbiIsRefused) {
  auto plugin = LoadedPlugin::Open(PATHRANK_TEST_REFUSES_HOST);
  ASSERT_FALSE(plugin);
  EXPECT_EQ(plugin.error().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(plugin.error().message(),
              HasSubstr("refused this host's plugin ABI version 1 (it needs a newer pathrank)"));
}

TEST(PluginHostTest, MissingEntrySymbolIsRefused) {
  auto plugin = LoadedPlugin::Open(PATHRANK_TEST_NO_ENTRY);
  ASSERT_FALSE(plugin);
  EXPECT_EQ(plugin.error().message(), "plugin " + Canonical(PATHRANK_TEST_NO_ENTRY) +
                                          ": no symbol pathrank_plugin_entry (not a pathrank "
                                          "plugin?)");
}

TEST(PluginHostTest, MissingFileAndNonLibrary) {
  auto missing = LoadedPlugin::Open("/nonexistent/libnothing.so");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.error().message(), "plugin /nonexistent/libnothing.so: no such file");

  const std::string text = ::testing::TempDir() + "/not_a_library.so";
  std::ofstream(text) << "hello";
  auto bogus = LoadedPlugin::Open(text);
  ASSERT_FALSE(bogus);
  EXPECT_EQ(bogus.error().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(bogus.error().message(), HasSubstr(": cannot load: "));

  auto dir = LoadedPlugin::Open(::testing::TempDir());
  ASSERT_FALSE(dir);
  EXPECT_THAT(dir.error().message(), HasSubstr("not a regular file"));
}

TEST(PluginHostTest, OpenFailingWithAMessage) {
  auto catalog = LoadCatalogFromPlugin(PATHRANK_TEST_MISBEHAVING, Mode("open_error_with_message"));
  ASSERT_FALSE(catalog);
  EXPECT_EQ(catalog.error().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(catalog.error().message(),
            MisbehavingRef() + ": open failed: config: key \"mode\": asked to fail in open");
}

TEST(PluginHostTest, OpenFailingWithoutAMessage) {
  auto catalog = LoadCatalogFromPlugin(PATHRANK_TEST_MISBEHAVING, Mode("open_error_silent"));
  ASSERT_FALSE(catalog);
  EXPECT_EQ(catalog.error().code(), StatusCode::kUnavailable);
  EXPECT_EQ(catalog.error().message(),
            MisbehavingRef() + ": open failed with status 3 (PR_ERR_IO) and gave no message");
}

TEST(PluginHostTest, ReadFailingHalfWayReturnsNothing) {
  std::vector<PluginLogLine> log;
  auto catalog = LoadCatalogFromPlugin(PATHRANK_TEST_MISBEHAVING, Mode("read_error"), &log);
  ASSERT_FALSE(catalog);
  EXPECT_EQ(catalog.error().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(catalog.error().message(),
            MisbehavingRef() + ": read failed: source.csv line 3: the source broke half-way");
}

TEST(PluginHostTest, PluginThatThrowsIsCaughtAtItsEdge) {
  auto catalog = LoadCatalogFromPlugin(PATHRANK_TEST_MISBEHAVING, Mode("throws"));
  ASSERT_FALSE(catalog);
  EXPECT_EQ(catalog.error().code(), StatusCode::kInternal);
  EXPECT_EQ(catalog.error().message(),
            MisbehavingRef() + ": read failed: internal error: boom after record 2");
}

TEST(PluginHostDeathTest, ExceptionEscapingAPluginTerminates) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH((void)LoadCatalogFromPlugin(PATHRANK_TEST_MISBEHAVING, Mode("escapes")),
               "escaped the plugin edge");
}

struct BadRecordCase {
  std::string mode;
  StatusCode code;
  std::string message;  // after "plugin misbehaving (<path>): "
};

void PrintTo(const BadRecordCase& c, std::ostream* os) { *os << c.mode; }

class BadRecordTest : public ::testing::TestWithParam<BadRecordCase> {};

TEST_P(BadRecordTest, IsAClearErrorNamingTheRecord) {
  const BadRecordCase& c = GetParam();
  auto catalog = LoadCatalogFromPlugin(PATHRANK_TEST_MISBEHAVING, Mode(c.mode));
  ASSERT_FALSE(catalog) << c.mode;
  EXPECT_EQ(catalog.error().code(), c.code) << catalog.error().message();
  EXPECT_THAT(catalog.error().message(), StartsWith(MisbehavingRef() + ": "));
  EXPECT_THAT(catalog.error().message(), HasSubstr(c.message));
}

INSTANTIATE_TEST_SUITE_P(
    Modes, BadRecordTest,
    ::testing::Values(
        BadRecordCase{"bad_utf8", StatusCode::kInvalidArgument,
                      "record 1 (item \"a\"): field \"title\": not valid UTF-8 (byte 3)"},
        BadRecordCase{"null_string", StatusCode::kInvalidArgument,
                      "record 1 (item \"a\"): field \"title\": null data with size 5"},
        BadRecordCase{"null_array", StatusCode::kInvalidArgument,
                      "record 1 (item \"a\"): field \"tags\": null array with 3 entries"},
        BadRecordCase{"bad_kind", StatusCode::kInvalidArgument,
                      "record 1 (item \"a\"): field \"kind\": \"library\" is not topic, "
                      "framework or project"},
        BadRecordCase{"small_struct", StatusCode::kInvalidArgument,
                      "record 1 (item): struct_size 8 is smaller than the"},
        BadRecordCase{"null_record", StatusCode::kInvalidArgument,
                      "record 1 (item): the record pointer is null"},
        BadRecordCase{"bad_clause_type", StatusCode::kInvalidArgument,
                      "record 3 (clause of item \"b\"): field \"type\": 7 is neither "
                      "PR_CLAUSE_REQUIRES (0) nor PR_CLAUSE_RECOMMENDS (1)"},
        BadRecordCase{"unknown_prereq", StatusCode::kInvalidArgument,
                      "catalog \"misbehaving\": 1 error\n  item \"b\": prerequisite 0 names "
                      "unknown item \"ghost\""},
        BadRecordCase{"bad_hours", StatusCode::kInvalidArgument,
                      "item \"a\": hours must be a number in (0, 10000]"},
        BadRecordCase{"ignores_rejection", StatusCode::kInvalidArgument,
                      "record 1 (item \"a\"): field \"kind\": \"library\" is not topic, "
                      "framework or project (and 2 later records refused after it)"},
        BadRecordCase{"progress_in_catalog", StatusCode::kInvalidArgument,
                      "record 1 (progress event \"event-1\"): a progress event handed while "
                      "reading a catalog"},
        BadRecordCase{"error_but_ok", StatusCode::kInternal,
                      "read returned PR_OK but reported an error: something went wrong"},
        BadRecordCase{"read_error_silent", StatusCode::kInvalidArgument,
                      "read failed with status 4 (PR_ERR_DATA) and gave no message"}),
    [](const ::testing::TestParamInfo<BadRecordCase>& p) { return p.param.mode; });

TEST(PluginHostTest, FailedReadsLeaveTheServedCatalogUnchanged) {
  auto original = LoadCatalogFile(testing::GoCatalogPath());
  ASSERT_TRUE(original) << original.error().message();
  std::shared_ptr<const Catalog> served = *original;
  PluginHost host;
  // What a server's reload does: swap only on success.
  const auto reload = [&](const std::string& path, const std::string& config) {
    auto next = host.ReadCatalog(path, config);
    if (next) served = *next;
    return next.status();
  };
  for (const char* mode : {"open_error_with_message", "open_error_silent", "read_error", "throws",
                           "bad_utf8", "bad_kind", "unknown_prereq", "ignores_rejection"}) {
    EXPECT_FALSE(reload(PATHRANK_TEST_MISBEHAVING, Mode(mode)).ok()) << mode;
    EXPECT_EQ(served.get(), original->get()) << mode;
  }
  EXPECT_FALSE(reload(PATHRANK_TEST_BROKEN_ABI, "{}").ok());
  EXPECT_FALSE(reload(PATHRANK_TEST_NO_ENTRY, "{}").ok());
  EXPECT_EQ(served.get(), original->get());
  EXPECT_EQ(served->id(), "go-backend");

  ASSERT_TRUE(reload(PATHRANK_TEST_MISBEHAVING, Mode("good")).ok());
  EXPECT_EQ(served->id(), "misbehaving");  // no set_info: the plugin's name
  EXPECT_EQ(served->item_count(), 2u);
}

TEST(PluginHostTest, ProgressEventsAreCopiedAndChecked) {
  auto events = ReadProgressFromPlugin(PATHRANK_TEST_MISBEHAVING, Mode("good_progress"));
  ASSERT_TRUE(events) << events.error().message();
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0], (ProgressEvent{"ada", "a", 0.5, std::nullopt, "event-1"}));
  EXPECT_EQ((*events)[1].mastery, 1.0);

  auto bad = ReadProgressFromPlugin(PATHRANK_TEST_MISBEHAVING, Mode("bad_mastery"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message(), MisbehavingRef() +
                                       ": record 1 (progress event \"event-1\"): field "
                                       "\"mastery\": 1.500000 is not in [0, 1]");

  auto items = ReadProgressFromPlugin(PATHRANK_TEST_MISBEHAVING, Mode("good"));
  ASSERT_FALSE(items);
  EXPECT_THAT(items.error().message(),
              HasSubstr("record 1 (item \"a\"): an item handed while reading progress events"));

  auto no_catalog = LoadCatalogFromPlugin(PATHRANK_PLUGIN_XAPI, "{}");
  ASSERT_FALSE(no_catalog);
  EXPECT_EQ(no_catalog.error().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(no_catalog.error().message(), HasSubstr("plugin xapi ("));
  EXPECT_THAT(no_catalog.error().message(), HasSubstr(") provides no catalog"));
}

TEST(PluginHostTest, HostLoadsOnlyFromConfiguredDirectories) {
  PluginHost host(PluginHostOptions{.allowed_dirs = {PATHRANK_PLUGIN_DIR}});
  auto csv = host.Load(PATHRANK_PLUGIN_CSV);
  ASSERT_TRUE(csv) << csv.error().message();
  auto again = host.Load(std::string(PATHRANK_PLUGIN_DIR) + "/../lib/libpathrank_csv.so");
  ASSERT_TRUE(again);
  EXPECT_EQ(csv->get(), again->get());  // loaded once, by canonical path

  auto outside = host.Load(PATHRANK_TEST_MISBEHAVING);
  ASSERT_FALSE(outside);
  EXPECT_EQ(outside.error().code(), StatusCode::kFailedPrecondition);
  EXPECT_THAT(outside.error().message(), HasSubstr("not in a configured plugin directory"));

  const auto loaded = host.Loaded();
  ASSERT_EQ(loaded.size(), 1u);
  EXPECT_EQ(loaded[0].name, "csv");
}

TEST(PluginHostTest, ListsADirectoryOfPlugins) {
  auto listing = ListPlugins(PATHRANK_TEST_PLUGIN_DIR);
  ASSERT_TRUE(listing) << listing.error().message();
  ASSERT_EQ(listing->size(), 4u);
  EXPECT_THAT((*listing)[0].path, HasSubstr("libbroken_abi.so"));
  EXPECT_FALSE((*listing)[0].status.ok());
  EXPECT_THAT((*listing)[1].path, HasSubstr("libmisbehaving.so"));
  ASSERT_TRUE((*listing)[1].status.ok());
  EXPECT_EQ((*listing)[1].info.name, "misbehaving");
  EXPECT_TRUE((*listing)[1].info.provides_progress);
  EXPECT_THAT((*listing)[2].status.message(), HasSubstr("no symbol"));
  EXPECT_THAT((*listing)[3].status.message(), HasSubstr("refused"));

  auto missing = ListPlugins("/nonexistent/plugins");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code(), StatusCode::kNotFound);
}

TEST(PluginHostTest, OnePluginReadsFromManyThreads) {
  auto plugin = LoadedPlugin::Open(PATHRANK_PLUGIN_TEMPLATE);
  ASSERT_TRUE(plugin);
  std::vector<size_t> items(4, 0);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < items.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        auto c = plugin->ReadCatalog("{}");
        if (c) items[t] += (*c)->item_count();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (size_t n : items) EXPECT_EQ(n, 40u);
}

}  // namespace
}  // namespace pathrank
