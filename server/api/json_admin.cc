// Administration and service answers: reload results, plugins, status.

#include <nlohmann/json.hpp>

#include "api/json_api.h"

namespace pathrank::server {

using Json = nlohmann::ordered_json;

namespace {

Json ReloadMembers(const ServerReloadOutcome& all) {
  const ReloadOutcome& outcome = all.catalogs;
  Json catalogs = Json::array(), profiles = Json::array(), progress = Json::array();
  for (const SourceOutcome& s : outcome.sources) {
    Json entry;
    entry["id"] = s.id;
    entry["ok"] = s.ok;
    if (!s.ok) entry["error"] = s.error;
    if (s.kind == "catalog" && s.ok) {
      entry["version"] = s.version;
      entry["items"] = s.items;
      entry["clauses"] = s.clauses;
      entry["goals"] = s.goals;
    }
    (s.kind == "catalog" ? catalogs : profiles).push_back(std::move(entry));
  }
  Json j;
  j["generation"] = outcome.generation;
  j["catalogs"] = std::move(catalogs);
  j["profiles"] = std::move(profiles);
  for (const ProgressSourceOutcome& p : all.progress) {
    Json entry;
    entry["name"] = p.name;
    entry["ok"] = p.ok;
    if (!p.ok) {
      entry["error"] = p.error.message();
    } else {
      entry["events"] = p.report.events;
      entry["learners"] = p.report.learners;
      entry["learners_created"] = p.report.learners_created;
      entry["accepted"] = p.report.accepted;
      entry["duplicates"] = p.report.duplicates;
      entry["dropped"] = p.report.dropped.size();
    }
    progress.push_back(std::move(entry));
  }
  j["progress_sources"] = std::move(progress);
  return j;
}

}  // namespace

std::string RenderReload(const ServerReloadOutcome& outcome) {
  return ReloadMembers(outcome).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ReloadExtension(const ServerReloadOutcome& outcome) { return RenderReload(outcome); }

std::string RenderPlugins(const std::vector<PluginSource>& sources) {
  Json plugins = Json::array();
  for (const PluginSource& s : sources) {
    Json entry;
    if (s.info) {
      entry["name"] = s.info->name;
      entry["version"] = s.info->version;
      entry["abi_version"] = s.info->abi_version;
      entry["description"] = s.info->description;
    }
    entry["path"] = s.info ? s.info->path : s.path;
    entry["catalogs"] = s.catalogs;
    entry["progress_sources"] = s.progress_sources;
    entry["config"] = Json::parse(s.config_json, nullptr, false);
    entry["loaded"] = s.info.has_value();
    plugins.push_back(std::move(entry));
  }
  return Json{{"plugins", std::move(plugins)}}.dump();
}

std::string RenderStatus(std::string_view status) { return Json{{"status", status}}.dump(); }

}  // namespace pathrank::server
