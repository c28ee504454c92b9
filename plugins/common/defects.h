// Defects in a plugin's source data and the `on_invalid` policy that says
// what happens to them: fail the load naming every offending record (the
// default), or drop each offending record with one warning.
//
// Shared by pathrank's own plugins; compiled into each.
// Thread safety: one Defects per read.

#ifndef PATHRANK_PLUGINS_COMMON_DEFECTS_H_
#define PATHRANK_PLUGINS_COMMON_DEFECTS_H_

#include <string>
#include <string_view>

#include "pathrank/plugin.h"
#include "plugin_config.h"
#include "plugin_kit.h"

namespace pathrank::plugin {

// What to do with a defect in the source data.
enum class OnInvalid {
  kFail,  // fail the load, naming every offending record (the default)
  kDrop,  // drop the offending record with one warning each
};

// Reads config key "on_invalid" ("fail" or "drop"; default "fail").
inline OnInvalid ReadOnInvalid(const PluginConfig& config) {
  return config.Choice("on_invalid", {"fail", "drop"}, "fail") == "drop" ? OnInvalid::kDrop
                                                                         : OnInvalid::kFail;
}

// Collects defects: logs a PR_LOG_WARNING per dropped record (kDrop) or
// gathers them for one failure (kFail).
class Defects {
 public:
  // At most this many defects are listed in a failure message.
  static constexpr size_t kMaxListed = 200;

  Defects(OnInvalid policy, const pr_sink* sink) : policy_(policy), sink_(sink) {}

  // `record` names the source record, `reason` the defect, `dropped` what
  // kDrop removes ("the row", "the prerequisite"): the warning reads
  // "<record>: <reason>; <dropped> is dropped".
  void Add(const std::string& record, const std::string& reason, std::string_view dropped) {
    ++count_;
    if (policy_ == OnInvalid::kDrop) {
      Log(sink_, PR_LOG_WARNING,
          record + ": " + reason + "; " + std::string(dropped) + " is dropped");
    } else if (count_ <= kMaxListed) {
      listed_ += "\n  " + record + ": " + reason;
    }
  }

  size_t count() const { return count_; }

  // kDrop: returns the number of defects. kFail: throws PluginError
  // PR_ERR_DATA listing them, one per line, when there is any.
  size_t Finish() const {
    if (policy_ == OnInvalid::kDrop || count_ == 0) return count_;
    std::string message = std::to_string(count_) + (count_ == 1 ? " defect" : " defects") +
                          " in the source (set \"on_invalid\": \"drop\" to drop them):" + listed_;
    if (count_ > kMaxListed) {
      message += "\n  ... and " + std::to_string(count_ - kMaxListed) + " more";
    }
    throw PluginError(PR_ERR_DATA, message);
  }

 private:
  OnInvalid policy_;
  const pr_sink* sink_;
  size_t count_ = 0;
  std::string listed_;
};

}  // namespace pathrank::plugin

#endif  // PATHRANK_PLUGINS_COMMON_DEFECTS_H_
