#include "pathrank/plugin_host.h"

#include <dlfcn.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <utility>

#include "pathrank/plugin.h"
#include "plugin/plugin_sink.h"
#include "util/utf8.h"

namespace pathrank {

namespace {

namespace fs = std::filesystem;
using internal::PluginSink;

// ----- calls into the plugin. noexcept: an exception escaping a plugin ends
// the process here rather than unwinding through its C frames.

const pr_plugin* CallEntry(pr_plugin_entry_fn entry) noexcept {
  return entry(PR_PLUGIN_ABI_VERSION);
}
pr_status CallOpen(const pr_plugin* t, std::string_view config, const pr_sink* sink,
                   void** state) noexcept {
  return t->open(pr_str{config.data(), config.size()}, sink, state);
}
pr_status CallRead(const pr_plugin* t, void* state, const pr_sink* sink) noexcept {
  return t->read(state, sink);
}
void CallClose(const pr_plugin* t, void* state) noexcept { t->close(state); }

std::string_view PrStatusName(pr_status s) {
  switch (s) {
    case PR_OK:
      return "PR_OK";
    case PR_ERR_CONFIG:
      return "PR_ERR_CONFIG";
    case PR_ERR_NOT_FOUND:
      return "PR_ERR_NOT_FOUND";
    case PR_ERR_IO:
      return "PR_ERR_IO";
    case PR_ERR_DATA:
      return "PR_ERR_DATA";
    case PR_ERR_ABI:
      return "PR_ERR_ABI";
    case PR_ERR_REJECTED:
      return "PR_ERR_REJECTED";
    case PR_ERR_INTERNAL:
      return "PR_ERR_INTERNAL";
  }
  return "an unknown status";
}

StatusCode MapStatus(pr_status s) {
  switch (s) {
    case PR_ERR_CONFIG:
    case PR_ERR_DATA:
    case PR_ERR_REJECTED:
      return StatusCode::kInvalidArgument;
    case PR_ERR_NOT_FOUND:
      return StatusCode::kNotFound;
    case PR_ERR_IO:
      return StatusCode::kUnavailable;
    case PR_ERR_ABI:
      return StatusCode::kFailedPrecondition;
    default:
      return StatusCode::kInternal;
  }
}

// A plugin-owned C string from the table, copied with a length cap; "" for
// NULL. Fails when it is not UTF-8.
bool CopyTableString(const char* s, std::string* out) {
  if (s == nullptr) {
    out->clear();
    return true;
  }
  const size_t n = strnlen(s, 1024);
  if (internal::FindInvalidUtf8(std::string_view(s, n))) return false;
  out->assign(s, n);
  return true;
}

// The canonical absolute path of an existing regular file.
Result<std::string> CanonicalFile(const std::string& path) {
  std::error_code ec;
  const fs::path canonical = fs::canonical(path, ec);
  if (ec) {
    const std::string reason = ec.message();
    if (ec == std::errc::no_such_file_or_directory) {
      return Status::NotFound("plugin " + path + ": no such file");
    }
    return Status::FailedPrecondition("plugin " + path + ": " + reason);
  }
  if (!fs::is_regular_file(canonical, ec)) {
    return Status::FailedPrecondition("plugin " + path + ": not a regular file");
  }
  return canonical.string();
}

Status PluginFailure(const std::string& ref, std::string_view step, pr_status code,
                     const std::optional<std::string>& message) {
  std::string text = ref + ": " + std::string(step) + " failed";
  if (message && !message->empty()) {
    text += ": " + *message;
  } else {
    text += " with status " + std::to_string(code) + " (" + std::string(PrStatusName(code)) +
            ") and gave no message";
  }
  return Status(MapStatus(code), std::move(text));
}

// open -> read -> close on `sink`; OK when every record was accepted.
Status RunRead(const pr_plugin* table, const std::string& ref, std::string_view config,
               PluginSink& sink) {
  void* state = nullptr;
  const pr_status opened = CallOpen(table, config, sink.sink(), &state);
  pr_status status = opened;
  if (opened == PR_OK) {
    sink.ClearErrorMessage();  // a message open gave but did not fail on is moot
    status = CallRead(table, state, sink.sink());
    CallClose(table, state);
  }
  if (sink.rejection()) {
    std::string text = ref + ": " + *sink.rejection();
    if (sink.rejected_count() > 1) {
      text +=
          " (and " + std::to_string(sink.rejected_count() - 1) + " later records refused after it)";
    }
    return Status::InvalidArgument(std::move(text));
  }
  if (sink.rejected_count() > 0) {
    return Status::Internal(ref + ": the host ran out of memory while copying records");
  }
  if (opened != PR_OK) return PluginFailure(ref, "open", opened, sink.error_message());
  if (status != PR_OK) return PluginFailure(ref, "read", status, sink.error_message());
  if (sink.error_message()) {
    return Status::Internal(
        ref + ": read returned PR_OK but reported an error: " + *sink.error_message());
  }
  return Status::Ok();
}

std::string PluginRef(const PluginInfo& info) {
  return "plugin " + info.name + " (" + info.path + ")";
}

}  // namespace

std::string_view PluginLogLevelName(PluginLogLevel level) {
  switch (level) {
    case PluginLogLevel::kDebug:
      return "debug";
    case PluginLogLevel::kInfo:
      return "info";
    case PluginLogLevel::kWarning:
      return "warning";
    case PluginLogLevel::kError:
      return "error";
  }
  return "info";
}

// ----- LoadedPlugin

Result<LoadedPlugin> LoadedPlugin::Open(const std::string& path) {
  auto canonical = CanonicalFile(path);
  if (!canonical) return canonical.error();
  const std::string& file = *canonical;
  const std::string at = "plugin " + file;

  LoadedPlugin plugin;
  plugin.info_.path = file;
  // An absolute path: dlopen searches nothing.
  plugin.handle_ = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (plugin.handle_ == nullptr) {
    const char* why = dlerror();
    return Status::FailedPrecondition(
        at + ": cannot load: " + internal::SanitizeUtf8(why ? why : "unknown reason"));
  }
  void* symbol = dlsym(plugin.handle_, PR_PLUGIN_ENTRY_NAME);
  if (symbol == nullptr) {
    return Status::FailedPrecondition(at + ": no symbol " PR_PLUGIN_ENTRY_NAME
                                           " (not a pathrank plugin?)");
  }
  const auto entry = reinterpret_cast<pr_plugin_entry_fn>(symbol);
  const pr_plugin* table = CallEntry(entry);
  if (table == nullptr) {
    return Status::FailedPrecondition(at + ": refused this host's plugin ABI version " +
                                      std::to_string(PR_PLUGIN_ABI_VERSION) +
                                      " (it needs a newer pathrank)");
  }
  // struct_size and abi_version are the first 8 bytes of every version.
  if (table->struct_size < 2 * sizeof(uint32_t)) {
    return Status::FailedPrecondition(at + ": plugin table struct_size " +
                                      std::to_string(table->struct_size) + " is too small");
  }
  if (table->abi_version < PR_PLUGIN_ABI_MIN_VERSION ||
      table->abi_version > PR_PLUGIN_ABI_VERSION) {
    return Status::FailedPrecondition(
        at + ": built for plugin ABI version " + std::to_string(table->abi_version) +
        "; this pathrank supports versions " + std::to_string(PR_PLUGIN_ABI_MIN_VERSION) + ".." +
        std::to_string(PR_PLUGIN_ABI_VERSION));
  }
  if (table->struct_size < sizeof(pr_plugin)) {
    return Status::FailedPrecondition(
        at + ": plugin table struct_size " + std::to_string(table->struct_size) +
        " is smaller than the " + std::to_string(sizeof(pr_plugin)) + " bytes of ABI version 1");
  }
  PluginInfo& info = plugin.info_;
  info.abi_version = table->abi_version;
  if (!CopyTableString(table->name, &info.name) || !IsSlug(info.name)) {
    return Status::FailedPrecondition(at + ": plugin name is missing or not a slug");
  }
  if (!CopyTableString(table->version, &info.version) || info.version.empty()) {
    return Status::FailedPrecondition(at + ": plugin " + info.name + " states no version");
  }
  if (!CopyTableString(table->description, &info.description)) {
    return Status::FailedPrecondition(at + ": plugin description is not UTF-8");
  }
  if (table->open == nullptr || table->read == nullptr || table->close == nullptr) {
    return Status::FailedPrecondition(at + ": plugin " + info.name +
                                      " lacks one of open, read, close");
  }
  info.provides_catalog = (table->provides & PR_PROVIDES_CATALOG) != 0;
  info.provides_progress = (table->provides & PR_PROVIDES_PROGRESS) != 0;
  if (!info.provides_catalog && !info.provides_progress) {
    return Status::FailedPrecondition(at + ": plugin " + info.name +
                                      " provides neither a catalog nor progress");
  }
  plugin.table_ = table;
  return plugin;
}

LoadedPlugin::LoadedPlugin(LoadedPlugin&& other) noexcept
    : handle_(std::exchange(other.handle_, nullptr)),
      table_(std::exchange(other.table_, nullptr)),
      info_(std::move(other.info_)) {}

LoadedPlugin& LoadedPlugin::operator=(LoadedPlugin&& other) noexcept {
  if (this != &other) {
    if (handle_ != nullptr) dlclose(handle_);
    handle_ = std::exchange(other.handle_, nullptr);
    table_ = std::exchange(other.table_, nullptr);
    info_ = std::move(other.info_);
  }
  return *this;
}

LoadedPlugin::~LoadedPlugin() {
  if (handle_ != nullptr) dlclose(handle_);
}

Result<std::shared_ptr<const Catalog>> LoadedPlugin::ReadCatalog(
    std::string_view config_json, std::vector<PluginLogLine>* log,
    const PluginReadLimits& limits) const {
  const std::string ref = PluginRef(info_);
  if (!info_.provides_catalog) return Status::FailedPrecondition(ref + " provides no catalog");
  PluginSink sink(PluginSink::Mode::kCatalog, limits, log);
  const auto* table = static_cast<const pr_plugin*>(table_);
  PATHRANK_RETURN_IF_ERROR(RunRead(table, ref, config_json, sink));
  if (!sink.has_info()) sink.builder().SetInfo(info_.name, info_.name, "", "");
  auto catalog = sink.builder().Build();
  if (!catalog) return catalog.error().WithPrefix(ref);
  return catalog;
}

Result<std::vector<ProgressEvent>> LoadedPlugin::ReadProgress(
    std::string_view config_json, std::vector<PluginLogLine>* log,
    const PluginReadLimits& limits) const {
  const std::string ref = PluginRef(info_);
  if (!info_.provides_progress) {
    return Status::FailedPrecondition(ref + " provides no progress events");
  }
  PluginSink sink(PluginSink::Mode::kProgress, limits, log);
  const auto* table = static_cast<const pr_plugin*>(table_);
  PATHRANK_RETURN_IF_ERROR(RunRead(table, ref, config_json, sink));
  return std::move(sink.events());
}

// ----- PluginHost

PluginHost::PluginHost(PluginHostOptions options) : options_(std::move(options)) {
  for (std::string& dir : options_.allowed_dirs) {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(dir, ec);
    if (!ec) dir = canonical.string();
  }
}

Result<std::shared_ptr<const LoadedPlugin>> PluginHost::Load(const std::string& path) {
  auto canonical = CanonicalFile(path);
  if (!canonical) return canonical.error();
  if (!options_.allowed_dirs.empty()) {
    const bool allowed = std::any_of(
        options_.allowed_dirs.begin(), options_.allowed_dirs.end(), [&](const std::string& dir) {
          return canonical->size() > dir.size() + 1 &&
                 canonical->compare(0, dir.size(), dir) == 0 && (*canonical)[dir.size()] == '/';
        });
    if (!allowed) {
      return Status::FailedPrecondition("plugin " + *canonical +
                                        ": not in a configured plugin directory");
    }
  }
  std::lock_guard<std::mutex> lock(mu_);
  auto it = loaded_.find(*canonical);
  if (it != loaded_.end()) return it->second;
  auto plugin = LoadedPlugin::Open(*canonical);
  if (!plugin) return plugin.error();
  auto shared = std::make_shared<const LoadedPlugin>(std::move(*plugin));
  loaded_.emplace(*canonical, shared);
  return shared;
}

std::vector<PluginInfo> PluginHost::Loaded() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<PluginInfo> out;
  for (const auto& [path, plugin] : loaded_) out.push_back(plugin->info());
  return out;
}

Result<std::shared_ptr<const Catalog>> PluginHost::ReadCatalog(const std::string& path,
                                                               std::string_view config_json,
                                                               std::vector<PluginLogLine>* log) {
  auto plugin = Load(path);
  if (!plugin) return plugin.error();
  return (*plugin)->ReadCatalog(config_json, log);
}

Result<std::vector<ProgressEvent>> PluginHost::ReadProgress(const std::string& path,
                                                            std::string_view config_json,
                                                            std::vector<PluginLogLine>* log) {
  auto plugin = Load(path);
  if (!plugin) return plugin.error();
  return (*plugin)->ReadProgress(config_json, log);
}

// ----- one-shot functions

Result<std::shared_ptr<const Catalog>> LoadCatalogFromPlugin(const std::string& plugin_path,
                                                             std::string_view config_json,
                                                             std::vector<PluginLogLine>* log) {
  auto plugin = LoadedPlugin::Open(plugin_path);
  if (!plugin) return plugin.error();
  return plugin->ReadCatalog(config_json, log);
}

Result<std::vector<ProgressEvent>> ReadProgressFromPlugin(const std::string& plugin_path,
                                                          std::string_view config_json,
                                                          std::vector<PluginLogLine>* log) {
  auto plugin = LoadedPlugin::Open(plugin_path);
  if (!plugin) return plugin.error();
  return plugin->ReadProgress(config_json, log);
}

Result<std::vector<PluginListing>> ListPlugins(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return Status::NotFound("plugin directory " + dir + ": not a directory");
  std::vector<std::string> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    std::error_code type_ec;
    if (p.extension() == ".so" && fs::is_regular_file(p, type_ec)) files.push_back(p.string());
  }
  if (ec) return Status::Unavailable("plugin directory " + dir + ": " + ec.message());
  std::sort(files.begin(), files.end());
  std::vector<PluginListing> out;
  for (const std::string& file : files) {
    PluginListing listing;
    listing.path = file;
    auto plugin = LoadedPlugin::Open(file);
    if (plugin) {
      listing.info = plugin->info();
    } else {
      listing.status = plugin.error();
    }
    out.push_back(std::move(listing));
  }
  return out;
}

}  // namespace pathrank
