// Test plugin: misbehaves in the way its config asks, so that the host's
// handling of each failure can be tested. Config: {"mode": "<mode>"}; the
// modes are listed in Read() below. "good" hands a valid two-item catalog
// (or two progress events).

#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "../../plugins/common/plugin_kit.h"
#include "pathrank/plugin.h"

namespace {

using pathrank::plugin::AtEdge;
using pathrank::plugin::Str;

struct State {
  std::string mode;
};

pr_item Item(const char* id) {
  pr_item item{};
  item.struct_size = sizeof(item);
  item.id = Str(id);
  item.title = Str(id);
  item.hours = 1;
  item.difficulty = 1;
  return item;
}

pr_status AddTwoItems(const pr_sink* sink) {
  pr_item a = Item("a");
  pr_item b = Item("b");
  pr_status s = sink->add_item(sink->host, &a);
  if (s == PR_OK) s = sink->add_item(sink->host, &b);
  return s;
}

pr_status Progress(const pr_sink* sink, double mastery) {
  pr_progress e{};
  e.struct_size = sizeof(e);
  e.learner = Str("ada");
  e.item = Str("a");
  e.mastery = mastery;
  e.id = Str("event-1");
  return sink->add_progress(sink->host, &e);
}

pr_status Open(pr_str config, const pr_sink* sink, void** state) noexcept {
  return AtEdge(sink, [&] {
    const auto json = nlohmann::json::parse(std::string(config.data, config.size));
    auto s = std::make_unique<State>();
    s->mode = json.at("mode").get<std::string>();
    if (s->mode == "open_error_with_message") {
      throw pathrank::plugin::PluginError(PR_ERR_CONFIG,
                                          "config: key \"mode\": asked to fail in open");
    }
    *state = s.release();
  });
}

pr_status Read(void* state, const pr_sink* sink) noexcept;

void Close(void* state) noexcept { delete static_cast<State*>(state); }

// An open that fails without a message (a C-style plugin would do this).
pr_status OpenSilently(pr_str config, const pr_sink* sink, void** state) noexcept {
  if (std::string(config.data, config.size).find("open_error_silent") != std::string::npos) {
    return PR_ERR_IO;
  }
  return Open(config, sink, state);
}

pr_status ReadMode(const std::string& mode, const pr_sink* sink) {
  if (mode == "good") return AddTwoItems(sink);
  if (mode == "good_progress") {
    pr_status s = Progress(sink, 0.5);
    return s == PR_OK ? Progress(sink, 1.0) : s;
  }
  if (mode == "read_error") {
    pr_status s = AddTwoItems(sink);
    if (s != PR_OK) return s;
    sink->set_error(sink->host, Str("source.csv line 3: the source broke half-way"));
    return PR_ERR_DATA;
  }
  if (mode == "read_error_silent") return PR_ERR_DATA;
  if (mode == "error_but_ok") {
    sink->set_error(sink->host, Str("something went wrong"));
    return PR_OK;
  }
  if (mode == "bad_utf8") {
    pr_item item = Item("a");
    item.title = Str("caf\xC3");
    return sink->add_item(sink->host, &item);
  }
  if (mode == "null_string") {
    pr_item item = Item("a");
    item.title = pr_str{nullptr, 5};
    return sink->add_item(sink->host, &item);
  }
  if (mode == "null_array") {
    pr_item item = Item("a");
    item.tag_count = 3;
    return sink->add_item(sink->host, &item);
  }
  if (mode == "bad_kind") {
    pr_item item = Item("a");
    item.kind = Str("library");
    return sink->add_item(sink->host, &item);
  }
  if (mode == "small_struct") {
    pr_item item = Item("a");
    item.struct_size = 8;
    return sink->add_item(sink->host, &item);
  }
  if (mode == "null_record") return sink->add_item(sink->host, nullptr);
  if (mode == "bad_clause_type" || mode == "unknown_prereq") {
    pr_status s = AddTwoItems(sink);
    if (s != PR_OK) return s;
    const pr_str alt = Str(mode == "unknown_prereq" ? "ghost" : "a");
    pr_clause c{};
    c.struct_size = sizeof(c);
    c.item = Str("b");
    c.any_of = &alt;
    c.any_of_count = 1;
    c.weight = 1;
    c.type = mode == "bad_clause_type" ? 7 : PR_CLAUSE_REQUIRES;
    return sink->add_clause(sink->host, &c);
  }
  if (mode == "bad_hours") {
    pr_item item = Item("a");
    item.hours = std::nan("");
    return sink->add_item(sink->host, &item);
  }
  if (mode == "ignores_rejection") {
    pr_item bad = Item("a");
    bad.kind = Str("library");
    pr_item a = Item("a");
    pr_item b = Item("b");
    sink->add_item(sink->host, &bad);  // rejected; the plugin goes on regardless
    sink->add_item(sink->host, &a);
    sink->add_item(sink->host, &b);
    return PR_OK;
  }
  if (mode == "progress_in_catalog") return Progress(sink, 0.5);
  if (mode == "bad_mastery") return Progress(sink, 1.5);
  if (mode == "throws") {
    pr_status s = AddTwoItems(sink);
    if (s != PR_OK) return s;
    throw std::runtime_error("boom after record 2");
  }
  throw pathrank::plugin::PluginError(PR_ERR_CONFIG, "config: unknown mode \"" + mode + "\"");
}

pr_status Read(void* state, const pr_sink* sink) noexcept {
  const std::string& mode = static_cast<State*>(state)->mode;
  pr_status status = PR_OK;
  const pr_status edge = AtEdge(sink, [&] { status = ReadMode(mode, sink); });
  return edge != PR_OK ? edge : status;
}

// Lets an exception escape through the C edge (what a plugin must never
// do); the host's noexcept call turns it into std::terminate.
pr_status ReadEscaping(void* state, const pr_sink* sink) {
  if (static_cast<State*>(state)->mode == "escapes") {
    throw std::runtime_error("escaped the plugin edge");
  }
  return Read(state, sink);
}

const pr_plugin kTable = {
    sizeof(pr_plugin),
    PR_PLUGIN_ABI_VERSION,
    "misbehaving",
    "0.0.1",
    "misbehaves as its config asks (tests only)",
    PR_PROVIDES_CATALOG | PR_PROVIDES_PROGRESS,
    &OpenSilently,
    &ReadEscaping,
    &Close,
};

}  // namespace

extern "C" PR_PLUGIN_EXPORT const pr_plugin* pathrank_plugin_entry(uint32_t host_abi_version) {
  if (host_abi_version < PR_PLUGIN_ABI_MIN_VERSION) return nullptr;
  return &kTable;
}
