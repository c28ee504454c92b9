#include "ops/progress_sources.h"

#include "ops/access_log.h"

namespace pathrank::server {

ProgressSources::ProgressSources(std::vector<ProgressSourceConfig> sources, int max_clock_skew_s)
    : sources_(std::move(sources)), max_clock_skew_s_(max_clock_skew_s) {}

std::vector<ProgressSourceOutcome> ProgressSources::ImportAll(const RegistrySnapshot& snapshot,
                                                              LearnerStore& store) {
  std::lock_guard lock(import_mu_);
  std::vector<ProgressSourceOutcome> outcomes;
  for (const ProgressSourceConfig& source : sources_) {
    ProgressSourceOutcome& outcome = outcomes.emplace_back();
    outcome.name = source.name;
    const ServedCatalog* served = snapshot.FindCatalog(source.catalog);
    if (served == nullptr) {
      outcome.error = Status::NotFound("progress source " + source.name + ": catalog \"" +
                                       source.catalog + "\" is not served");
      continue;
    }
    std::vector<PluginLogLine> log;
    Result<std::vector<pathrank::ProgressEvent>> events =
        plugins_.ReadProgress(source.plugin, source.plugin_config_json, &log);
    for (const PluginLogLine& line : log) {
      LogEvent(PluginLogLevelName(line.level), "progress", "", source.name + ": " + line.message);
    }
    if (!events) {
      outcome.error = events.error().WithPrefix("progress source " + source.name);
      continue;
    }
    ProgressImportOptions options;
    options.source = source.name;
    options.catalog_id = served->id;
    options.drop_invalid = source.drop_invalid;
    options.create_learners = source.create_learners;
    options.max_clock_skew_s = max_clock_skew_s_;
    Result<ProgressImportReport> report =
        ImportProgress(*events, *served->catalog, store, options, NowMs());
    if (!report) {
      outcome.error = report.error();
      continue;
    }
    for (const std::string& line : report->dropped) {
      LogEvent("warning", "progress", "", source.name + ": " + line);
    }
    outcome.ok = true;
    outcome.report = std::move(*report);
  }
  return outcomes;
}

void ProgressSources::AddPluginSources(std::vector<PluginSource>* plugins) const {
  const std::vector<PluginInfo> loaded = plugins_.Loaded();
  for (const ProgressSourceConfig& source : sources_) {
    FindOrAddPluginSource(plugins, source.plugin, source.plugin_config_json, loaded)
        .progress_sources.push_back(source.name);
  }
}

}  // namespace pathrank::server
