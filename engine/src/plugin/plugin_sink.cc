#include "plugin/plugin_sink.h"

#include <cmath>
#include <exception>
#include <new>
#include <set>
#include <utility>

#include "util/text.h"
#include "util/utf8.h"

// Returns the reason from the enclosing function when `expr` gives one.
#define PATHRANK_RETURN_IF_REASON(expr)                     \
  do {                                                      \
    std::string pathrank_reason_ = (expr);                  \
    if (!pathrank_reason_.empty()) return pathrank_reason_; \
  } while (false)

namespace pathrank::internal {

namespace {

// At most this many log lines are kept per read; the rest are counted.
constexpr size_t kMaxLogLines = 10000;
// Ids quoted in messages are cut to this many bytes.
constexpr size_t kMaxQuotedBytes = 80;

// Quoted(s), cut at a UTF-8 boundary when long. `s` is valid UTF-8.
std::string QuotedShort(std::string_view s) {
  if (s.size() <= kMaxQuotedBytes) return Quoted(s);
  size_t n = kMaxQuotedBytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return Quoted(std::string(s.substr(0, n)) + "...");
}

}  // namespace

PluginSink::PluginSink(Mode mode, const PluginReadLimits& limits, std::vector<PluginLogLine>* log)
    : mode_(mode),
      limits_(limits),
      log_(log),
      builder_(CatalogBuildOptions{.declare_stages_on_use = true}) {
  sink_ = pr_sink{};
  sink_.struct_size = sizeof(pr_sink);
  sink_.abi_version = PR_PLUGIN_ABI_VERSION;
  sink_.host = this;
  sink_.add_item = &AddItemCallback;
  sink_.add_clause = &AddClauseCallback;
  sink_.add_goal = &AddGoalCallback;
  sink_.add_progress = &AddProgressCallback;
  sink_.log = &LogCallback;
  sink_.set_error = &SetErrorCallback;
  sink_.set_info = &SetInfoCallback;
}

template <typename Record, typename Add>
pr_status PluginSink::Accept(const Record* record, std::string_view kind, size_t v1_size,
                             Add add) noexcept {
  const size_t number = ++records_;
  try {
    if (rejected_count_ > 0) {
      // The plugin was told to stop; everything after is refused too.
      ++rejected_count_;
      return PR_ERR_REJECTED;
    }
    std::string what(kind);
    std::string reason;
    if (number > limits_.max_records) {
      reason = "more than " + std::to_string(limits_.max_records) + " records in one read";
    } else if (record == nullptr) {
      reason = "the record pointer is null";
    } else if (record->struct_size < v1_size) {
      reason = "struct_size " + std::to_string(record->struct_size) + " is smaller than the " +
               std::to_string(v1_size) + " bytes of ABI version 1";
    } else {
      reason = (this->*add)(*record, &what);
    }
    if (reason.empty()) return PR_OK;
    ++rejected_count_;
    rejection_ = "record " + std::to_string(number) + " (" + what + "): " + reason;
    return PR_ERR_REJECTED;
  } catch (const std::exception& e) {
    // Only the host's own code runs in this block (copies into std::string
    // and std::vector); its failures, such as std::bad_alloc, end the read.
    ++rejected_count_;
    try {
      rejection_ =
          "record " + std::to_string(number) + ": host failure while copying it: " + e.what();
    } catch (const std::bad_alloc&) {
      rejection_.reset();
    }
    return PR_ERR_INTERNAL;
  }
}

// ----- callbacks: recover `this`, then Accept.

pr_status PluginSink::AddItemCallback(void* host, const pr_item* item) noexcept {
  return static_cast<PluginSink*>(host)->Accept(item, "item", sizeof(pr_item),
                                                &PluginSink::AddItem);
}
pr_status PluginSink::AddClauseCallback(void* host, const pr_clause* clause) noexcept {
  return static_cast<PluginSink*>(host)->Accept(clause, "clause", sizeof(pr_clause),
                                                &PluginSink::AddClause);
}
pr_status PluginSink::AddGoalCallback(void* host, const pr_goal* goal) noexcept {
  return static_cast<PluginSink*>(host)->Accept(goal, "goal", sizeof(pr_goal),
                                                &PluginSink::AddGoal);
}
pr_status PluginSink::AddProgressCallback(void* host, const pr_progress* event) noexcept {
  return static_cast<PluginSink*>(host)->Accept(event, "progress event", sizeof(pr_progress),
                                                &PluginSink::AddProgress);
}
pr_status PluginSink::SetInfoCallback(void* host, const pr_catalog_info* info) noexcept {
  return static_cast<PluginSink*>(host)->Accept(info, "catalog info", sizeof(pr_catalog_info),
                                                &PluginSink::SetInfo);
}

void PluginSink::LogCallback(void* host, pr_log_level level, pr_str message) noexcept {
  auto* self = static_cast<PluginSink*>(host);
  if (self->log_ == nullptr) return;
  try {
    if (self->log_->size() == kMaxLogLines) {
      self->log_->push_back(
          {PluginLogLevel::kWarning, "further log lines of this read are dropped (more than " +
                                         std::to_string(kMaxLogLines) + ")"});
    }
    if (self->log_->size() > kMaxLogLines) return;
    PluginLogLevel lvl = PluginLogLevel::kInfo;
    if (level == PR_LOG_DEBUG) lvl = PluginLogLevel::kDebug;
    if (level == PR_LOG_WARNING) lvl = PluginLogLevel::kWarning;
    if (level == PR_LOG_ERROR) lvl = PluginLogLevel::kError;
    if (message.data == nullptr) message.size = 0;
    const size_t n = std::min(message.size, self->limits_.max_string_bytes);
    self->log_->push_back({lvl, SanitizeUtf8(std::string_view(message.data, n))});
  } catch (const std::exception&) {
    // A log line is best effort: losing one to an allocation failure is fine.
  }
}

void PluginSink::SetErrorCallback(void* host, pr_str message) noexcept {
  auto* self = static_cast<PluginSink*>(host);
  try {
    if (message.data == nullptr) message.size = 0;
    const size_t n = std::min(message.size, self->limits_.max_string_bytes);
    self->error_message_ = SanitizeUtf8(std::string_view(message.data, n));
  } catch (const std::exception&) {
    self->error_message_.reset();
  }
}

// ----- copying and checking

std::string PluginSink::CopyString(pr_str s, std::string_view field, std::string* out) const {
  if (s.data == nullptr && s.size != 0) {
    return "field \"" + std::string(field) + "\": null data with size " + std::to_string(s.size);
  }
  if (s.size > limits_.max_string_bytes) {
    return "field \"" + std::string(field) + "\": " + std::to_string(s.size) +
           " bytes, more than the limit of " + std::to_string(limits_.max_string_bytes);
  }
  const std::string_view view(s.data == nullptr ? "" : s.data, s.size);
  if (auto bad = FindInvalidUtf8(view)) {
    return "field \"" + std::string(field) + "\": not valid UTF-8 (byte " + std::to_string(*bad) +
           ")";
  }
  out->assign(view);
  return "";
}

std::string PluginSink::CheckArray(const void* list, size_t count, std::string_view field) const {
  if (list == nullptr && count != 0) {
    return "field \"" + std::string(field) + "\": null array with " + std::to_string(count) +
           " entries";
  }
  if (count > limits_.max_array_size) {
    return "field \"" + std::string(field) + "\": " + std::to_string(count) +
           " entries, more than the limit of " + std::to_string(limits_.max_array_size);
  }
  return "";
}

std::string PluginSink::CopyStrings(const pr_str* list, size_t count, std::string_view field,
                                    std::vector<std::string>* out) const {
  PATHRANK_RETURN_IF_REASON(CheckArray(list, count, field));
  out->resize(count);
  for (size_t i = 0; i < count; ++i) {
    PATHRANK_RETURN_IF_REASON(
        CopyString(list[i], std::string(field) + "[" + std::to_string(i) + "]", &(*out)[i]));
  }
  return "";
}

std::string PluginSink::SetInfo(const pr_catalog_info& in, std::string* what) {
  std::string id, title, version, summary;
  PATHRANK_RETURN_IF_REASON(CopyString(in.id, "id", &id));
  *what = "catalog info " + QuotedShort(id);
  if (mode_ != Mode::kCatalog) return "catalog info handed while reading progress events";
  PATHRANK_RETURN_IF_REASON(CopyString(in.title, "title", &title));
  PATHRANK_RETURN_IF_REASON(CopyString(in.version, "version", &version));
  PATHRANK_RETURN_IF_REASON(CopyString(in.summary, "summary", &summary));
  if (has_info_) return "set_info was called twice";
  builder_.SetInfo(std::move(id), std::move(title), std::move(version), std::move(summary));
  has_info_ = true;
  return "";
}

std::string PluginSink::AddItem(const pr_item& in, std::string* what) {
  ItemSpec item;
  PATHRANK_RETURN_IF_REASON(CopyString(in.id, "id", &item.id));
  *what = "item " + QuotedShort(item.id);
  if (mode_ != Mode::kCatalog) return "an item handed while reading progress events";
  std::string kind;
  PATHRANK_RETURN_IF_REASON(CopyString(in.kind, "kind", &kind));
  if (!kind.empty()) {
    auto parsed = ParseItemKind(kind);
    if (!parsed) {
      return "field \"kind\": " + QuotedShort(kind) + " is not topic, framework or project";
    }
    item.kind = *parsed;
  }
  PATHRANK_RETURN_IF_REASON(CopyString(in.title, "title", &item.title));
  PATHRANK_RETURN_IF_REASON(CopyString(in.stage, "stage", &item.stage));
  PATHRANK_RETURN_IF_REASON(CopyStrings(in.tags, in.tag_count, "tags", &item.tags));
  PATHRANK_RETURN_IF_REASON(CopyStrings(in.aliases, in.alias_count, "aliases", &item.aliases));
  PATHRANK_RETURN_IF_REASON(CopyString(in.summary, "summary", &item.summary));
  PATHRANK_RETURN_IF_REASON(CopyString(in.source, "source", &item.source));
  PATHRANK_RETURN_IF_REASON(CheckArray(in.attributes, in.attribute_count, "attributes"));
  for (size_t a = 0; a < in.attribute_count; ++a) {
    std::string key, value;
    const std::string field = "attributes[" + std::to_string(a) + "]";
    PATHRANK_RETURN_IF_REASON(CopyString(in.attributes[a].key, field + ".key", &key));
    PATHRANK_RETURN_IF_REASON(CopyString(in.attributes[a].value, field + ".value", &value));
    if (item.attributes.count(key)) {
      return "field \"" + field + "\": attribute " + QuotedShort(key) + " is given twice";
    }
    item.attributes.emplace(std::move(key), std::move(value));
  }
  // Numbers are range-checked by CatalogBuilder, which names the item.
  item.hours = in.hours;
  item.difficulty = in.difficulty;
  builder_.AddItem(std::move(item));
  return "";
}

std::string PluginSink::AddClause(const pr_clause& in, std::string* what) {
  std::string item;
  PATHRANK_RETURN_IF_REASON(CopyString(in.item, "item", &item));
  *what = "clause of item " + QuotedShort(item);
  if (mode_ != Mode::kCatalog) return "a clause handed while reading progress events";
  ClauseSpec clause;
  PATHRANK_RETURN_IF_REASON(CopyStrings(in.any_of, in.any_of_count, "any_of", &clause.any_of));
  if (in.type == PR_CLAUSE_REQUIRES) {
    clause.type = ClauseType::kRequires;
  } else if (in.type == PR_CLAUSE_RECOMMENDS) {
    clause.type = ClauseType::kRecommends;
  } else {
    return "field \"type\": " + std::to_string(in.type) +
           " is neither PR_CLAUSE_REQUIRES (0) nor PR_CLAUSE_RECOMMENDS (1)";
  }
  clause.weight = in.weight;
  PATHRANK_RETURN_IF_REASON(CopyString(in.note, "note", &clause.note));
  builder_.AddClause(std::move(item), std::move(clause));
  return "";
}

std::string PluginSink::AddGoal(const pr_goal& in, std::string* what) {
  GoalSpec goal;
  PATHRANK_RETURN_IF_REASON(CopyString(in.id, "id", &goal.id));
  *what = "goal " + QuotedShort(goal.id);
  if (mode_ != Mode::kCatalog) return "a goal handed while reading progress events";
  PATHRANK_RETURN_IF_REASON(CopyString(in.title, "title", &goal.title));
  PATHRANK_RETURN_IF_REASON(CopyString(in.summary, "summary", &goal.summary));
  const struct {
    const pr_goal_target* list;
    size_t count;
    const char* field;
    std::map<std::string, double>* out;
  } groups[] = {{in.items, in.item_count, "items", &goal.items},
                {in.tags, in.tag_count, "tags", &goal.tags}};
  for (const auto& g : groups) {
    PATHRANK_RETURN_IF_REASON(CheckArray(g.list, g.count, g.field));
    for (size_t t = 0; t < g.count; ++t) {
      std::string name;
      const std::string field = std::string(g.field) + "[" + std::to_string(t) + "]";
      PATHRANK_RETURN_IF_REASON(CopyString(g.list[t].name, field, &name));
      if (g.out->count(name))
        return "field \"" + field + "\": " + QuotedShort(name) + " is listed twice";
      (*g.out)[name] = g.list[t].weight;
    }
  }
  builder_.AddGoal(std::move(goal));
  return "";
}

std::string PluginSink::AddProgress(const pr_progress& in, std::string* what) {
  ProgressEvent event;
  PATHRANK_RETURN_IF_REASON(CopyString(in.id, "id", &event.id));
  PATHRANK_RETURN_IF_REASON(CopyString(in.learner, "learner", &event.learner));
  PATHRANK_RETURN_IF_REASON(CopyString(in.item, "item", &event.item));
  *what = event.id.empty() ? "progress of learner " + QuotedShort(event.learner) + " on item " +
                                 QuotedShort(event.item)
                           : "progress event " + QuotedShort(event.id);
  if (mode_ != Mode::kProgress) return "a progress event handed while reading a catalog";
  if (event.learner.empty()) return "field \"learner\": empty";
  if (event.item.empty()) return "field \"item\": empty";
  if (!std::isfinite(in.mastery) || in.mastery < 0 || in.mastery > 1) {
    return "field \"mastery\": " + std::to_string(in.mastery) + " is not in [0, 1]";
  }
  event.mastery = in.mastery;
  std::string at;
  PATHRANK_RETURN_IF_REASON(CopyString(in.at, "at", &at));
  if (!at.empty()) event.at = std::move(at);
  events_.push_back(std::move(event));
  return "";
}

}  // namespace pathrank::internal
