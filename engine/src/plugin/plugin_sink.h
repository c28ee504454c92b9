// The host's side of the plugin sink (pr_sink of plugin.h) for one read:
// copies and checks every record a plugin hands over, into a CatalogBuilder
// or a list of progress events. Private to engine/src.
//
// Thread safety: one PluginSink per read; not shared.

#ifndef PATHRANK_SRC_PLUGIN_PLUGIN_SINK_H_
#define PATHRANK_SRC_PLUGIN_PLUGIN_SINK_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pathrank/catalog_builder.h"
#include "pathrank/plugin.h"
#include "pathrank/plugin_host.h"

namespace pathrank::internal {

class PluginSink {
 public:
  enum class Mode { kCatalog, kProgress };

  // `log` (may be null) receives copies of the lines the plugin logs.
  PluginSink(Mode mode, const PluginReadLimits& limits, std::vector<PluginLogLine>* log);
  PluginSink(const PluginSink&) = delete;
  PluginSink& operator=(const PluginSink&) = delete;

  // The C sink to pass to the plugin; valid while this object lives.
  const pr_sink* sink() const { return &sink_; }

  // The first rejected record and why: "record 3 (item \"x\"): ...".
  const std::optional<std::string>& rejection() const { return rejection_; }
  size_t rejected_count() const { return rejected_count_; }
  // The last message given to set_error (sanitised), if any.
  const std::optional<std::string>& error_message() const { return error_message_; }
  void ClearErrorMessage() { error_message_.reset(); }

  // The records accepted so far.
  bool has_info() const { return has_info_; }
  CatalogBuilder& builder() { return builder_; }
  std::vector<ProgressEvent>& events() { return events_; }

 private:
  static pr_status AddItemCallback(void* host, const pr_item* item) noexcept;
  static pr_status AddClauseCallback(void* host, const pr_clause* clause) noexcept;
  static pr_status AddGoalCallback(void* host, const pr_goal* goal) noexcept;
  static pr_status AddProgressCallback(void* host, const pr_progress* event) noexcept;
  static void LogCallback(void* host, pr_log_level level, pr_str message) noexcept;
  static void SetErrorCallback(void* host, pr_str message) noexcept;
  static pr_status SetInfoCallback(void* host, const pr_catalog_info* info) noexcept;

  // Each returns "" on success or the reason the record is rejected; `what`
  // is set to the record's description ("item \"x\"") as soon as known.
  std::string AddItem(const pr_item& item, std::string* what);
  std::string AddClause(const pr_clause& clause, std::string* what);
  std::string AddGoal(const pr_goal& goal, std::string* what);
  std::string AddProgress(const pr_progress& event, std::string* what);
  std::string SetInfo(const pr_catalog_info& info, std::string* what);

  // Runs `add` on the next record; turns a rejection (or a failure of the
  // host's own, such as std::bad_alloc) into PR_ERR_REJECTED.
  template <typename Record, typename Add>
  pr_status Accept(const Record* record, std::string_view kind, size_t v1_size, Add add) noexcept;

  // Copies `s` into `out`; "" or the reason it is malformed.
  std::string CopyString(pr_str s, std::string_view field, std::string* out) const;
  std::string CopyStrings(const pr_str* list, size_t count, std::string_view field,
                          std::vector<std::string>* out) const;
  std::string CheckArray(const void* list, size_t count, std::string_view field) const;

  Mode mode_;
  PluginReadLimits limits_;
  std::vector<PluginLogLine>* log_;
  pr_sink sink_;
  size_t records_ = 0;
  size_t rejected_count_ = 0;
  std::optional<std::string> rejection_;
  std::optional<std::string> error_message_;
  bool has_info_ = false;
  CatalogBuilder builder_;
  std::vector<ProgressEvent> events_;
};

}  // namespace pathrank::internal

#endif  // PATHRANK_SRC_PLUGIN_PLUGIN_SINK_H_
