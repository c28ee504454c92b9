// Helpers shared by pathrank's own C++ plugins (csv, exercism, xapi): the
// C edge (exceptions become a status plus set_error), the plugin table
// adapter, sink calls with std::string_view, and whole-file reads.
//
// This header is compiled into each plugin; it uses only plugin.h and the
// C++ standard library, so the plugins still link nothing of pathrank's.
// Inside a plugin, failures are thrown as PluginError and turned into a
// pr_status at the edge (AtEdge); nothing ever crosses the C boundary.
//
// Thread safety: stateless helpers.

#ifndef PATHRANK_PLUGINS_COMMON_PLUGIN_KIT_H_
#define PATHRANK_PLUGINS_COMMON_PLUGIN_KIT_H_

#include <cstdio>
#include <exception>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>

#include "pathrank/plugin.h"

namespace pathrank::plugin {

// A failure with a status code and a message naming the record and reason.
class PluginError : public std::exception {
 public:
  PluginError(pr_status code, std::string message) : code_(code), message_(std::move(message)) {}
  pr_status code() const { return code_; }
  const char* what() const noexcept override { return message_.c_str(); }

 private:
  pr_status code_;
  std::string message_;
};

// A borrowed pr_str view of `s`; valid while `s` is.
inline pr_str Str(std::string_view s) { return pr_str{s.data(), s.size()}; }

inline void SetError(const pr_sink* sink, std::string_view message) noexcept {
  sink->set_error(sink->host, Str(message));
}

inline void Log(const pr_sink* sink, pr_log_level level, std::string_view message) {
  sink->log(sink->host, level, Str(message));
}

// Throws when the host refused a record; the host already knows why.
inline void Check(pr_status status) {
  if (status != PR_OK) throw PluginError(status, "stopped: the host refused a record");
}

// Runs `fn` and returns PR_OK, or turns any exception into a status and a
// message handed to set_error. This is the one place our plugins catch.
template <typename Fn>
pr_status AtEdge(const pr_sink* sink, Fn&& fn) noexcept {
  try {
    fn();
    return PR_OK;
  } catch (const PluginError& e) {
    SetError(sink, e.what());
    return e.code();
  } catch (const std::bad_alloc&) {
    SetError(sink, "out of memory");
    return PR_ERR_INTERNAL;
  } catch (const std::exception& e) {
    try {
      SetError(sink, std::string("internal error: ") + e.what());
    } catch (const std::bad_alloc&) {
      SetError(sink, "internal error");
    }
    return PR_ERR_INTERNAL;
  } catch (...) {
    SetError(sink, "internal error: an exception of unknown type");
    return PR_ERR_INTERNAL;
  }
}

// The C functions of a plugin table for a C++ plugin `P` with
//   struct P::Options;                                  // parsed config
//   static P::Options P::Parse(std::string_view config);  // throws PluginError
//   static void P::Read(const P::Options&, const pr_sink*);  // throws PluginError
// open parses the config into a heap Options (the state), read reads, close
// frees it.
template <typename P>
struct PluginAdapter {
  using Options = typename P::Options;

  static pr_status Open(pr_str config, const pr_sink* sink, void** state) noexcept {
    if (sink == nullptr || sink->struct_size < sizeof(pr_sink)) return PR_ERR_ABI;
    return AtEdge(sink, [&] {
      auto options = std::make_unique<Options>(
          P::Parse(std::string_view(config.data == nullptr ? "" : config.data, config.size)));
      *state = options.release();
    });
  }
  static pr_status Read(void* state, const pr_sink* sink) noexcept {
    return AtEdge(sink, [&] { P::Read(*static_cast<const Options*>(state), sink); });
  }
  static void Close(void* state) noexcept { delete static_cast<Options*>(state); }
};

// The whole content of `path`. Throws PluginError PR_ERR_NOT_FOUND when it
// does not exist, PR_ERR_IO when it cannot be read.
std::string ReadWholeFile(const std::string& path);

}  // namespace pathrank::plugin

// Defines the plugin table of the C++ plugin class `P` (see PluginAdapter)
// and the one exported entry, pathrank_plugin_entry. Use once, at file
// scope, after P is defined (P may be in an unnamed namespace inside
// pathrank::plugin). NAME, VERSION and DESCRIPTION are string literals,
// PROVIDES a PR_PROVIDES_* mask.
#define PATHRANK_PLUGIN_ENTRY(P, NAME, VERSION, DESCRIPTION, PROVIDES)                    \
  namespace pathrank::plugin {                                                            \
  namespace {                                                                             \
  constexpr pr_plugin kPluginTable = {sizeof(pr_plugin),                                  \
                                      PR_PLUGIN_ABI_VERSION,                              \
                                      NAME,                                               \
                                      VERSION,                                            \
                                      DESCRIPTION,                                        \
                                      PROVIDES,                                           \
                                      &PluginAdapter<P>::Open,                            \
                                      &PluginAdapter<P>::Read,                            \
                                      &PluginAdapter<P>::Close};                          \
  }                                                                                       \
  }                                                                                       \
  extern "C" PR_PLUGIN_EXPORT const pr_plugin* pathrank_plugin_entry(uint32_t host_abi) { \
    if (host_abi < PR_PLUGIN_ABI_MIN_VERSION) return nullptr;                             \
    return &pathrank::plugin::kPluginTable;                                               \
  }

#endif  // PATHRANK_PLUGINS_COMMON_PLUGIN_KIT_H_
