// Fuzzes a data-source plugin through the plugin host, as the server runs
// it: the input is the content of the file the plugin reads, written to a
// scratch file, and the plugin is asked for a catalog or progress events.
// fuzz/CMakeLists.txt builds one target per plugin and layout:
//   PATHRANK_FUZZ_PLUGIN  the plugin's .so
//   PATHRANK_FUZZ_MODE    1 csv exercise_table, 2 csv tables, 3 xapi, 4 exercism,
//                         5 awesome_go (the README, unlinked)
// The csv "tables" layout reads three files: the input is split at lines
// "%%\n" into items.csv, clauses.csv and goals.csv (a file without its part
// is absent: both are optional). Inputs of odd length are
// read with "on_invalid": "drop", even ones with the default "fail", so
// both policies are covered.
//
// Failures are values (Result); a crash, a leak, an ASan/UBSan finding or a
// host status other than InvalidArgument for bad data aborts the run.

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "fuzz_input.h"
#include "pathrank/plugin_host.h"

namespace {

namespace f = pathrank::fuzz;

const pathrank::LoadedPlugin& Plugin() {
  static const std::unique_ptr<pathrank::LoadedPlugin> plugin = [] {
    auto opened = pathrank::LoadedPlugin::Open(PATHRANK_FUZZ_PLUGIN);
    if (!opened) {
      std::fprintf(stderr, "plugin fuzzer: %s\n", opened.error().message().c_str());
      std::abort();
    }
    return std::make_unique<pathrank::LoadedPlugin>(*std::move(opened));
  }();
  return *plugin;
}

// Writes the input where the plugin looks and returns the config's members.
std::string Prepare(std::string_view text) {
#if PATHRANK_FUZZ_MODE == 1
  return "\"path\": " + f::JsonQuote(f::WriteScratchFile("table.csv", text));
#elif PATHRANK_FUZZ_MODE == 2
  const char* names[] = {"items.csv", "clauses.csv", "goals.csv"};
  auto parts = f::SplitInput(text, "%%\n", 3);
  for (size_t i = 0; i < 3; ++i) {
    if (i < parts.size()) {
      f::WriteScratchFile(names[i], parts[i]);
    } else {
      f::RemoveScratchFile(names[i]);
    }
  }
  return "\"path\": " + f::JsonQuote(f::ScratchDir()) + ", \"layout\": \"tables\"";
#elif PATHRANK_FUZZ_MODE == 3
  // The xAPI fixtures' config (tests/plugins/xapi_plugin_test.cc), so that
  // the seeds' activities map to items.
  return "\"path\": " + f::JsonQuote(f::WriteScratchFile("statements.json", text)) +
         R"(, "activity_prefix": "https://lms.example.org/activities/",
    "activity_map": {"https://lms.example.org/courses/go-101": "go-basics"},
    "account_home_page": "https://lms.example.org")";
#elif PATHRANK_FUZZ_MODE == 4
  return "\"path\": " + f::JsonQuote(f::WriteScratchFile("config.json", text));
#elif PATHRANK_FUZZ_MODE == 5
  return "\"path\": " + f::JsonQuote(f::WriteScratchFile("README.md", text));
#else
#error "PATHRANK_FUZZ_MODE must be 1..5"
#endif
}

void Check(const pathrank::Status& status) {
  if (status.ok() || status.code() == pathrank::StatusCode::kInvalidArgument) return;
  std::fprintf(stderr, "plugin fuzzer: unexpected failure: %s\n", status.message().c_str());
  std::abort();
}

}  // namespace

// Loads the plugin before fuzzing starts, so that libFuzzer registers the
// plugin's coverage counters with the program's.
extern "C" int LLVMFuzzerInitialize(int* /*argc*/, char*** /*argv*/) {
  Plugin();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string config = "{" + Prepare(f::AsText(data, size));
  if (size % 2 == 1) config += ", \"on_invalid\": \"drop\"";
  config += "}";
  std::vector<pathrank::PluginLogLine> log;
#if PATHRANK_FUZZ_MODE == 3
  auto events = Plugin().ReadProgress(config, &log);
  Check(events ? pathrank::Status() : events.error());
#else
  auto catalog = Plugin().ReadCatalog(config, &log);
  Check(catalog ? pathrank::Status() : catalog.error());
#endif
  return 0;
}
