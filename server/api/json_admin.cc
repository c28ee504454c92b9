// Administration and service answers: reload results, plugins, status.

#include "api/json_api.h"
#include "util/json/json_writer.h"

namespace pathrank::server {

namespace {

void WriteSource(json::Writer& w, const SourceOutcome& s) {
  w.BeginObject();
  w.Member("id", s.id);
  w.Member("ok", s.ok);
  if (!s.ok) w.Member("error", s.error);
  if (s.kind == "catalog" && s.ok) {
    w.Member("version", s.version);
    w.Member("items", s.items);
    w.Member("clauses", s.clauses);
    w.Member("goals", s.goals);
  }
  w.EndObject();
}

void WriteProgressSource(json::Writer& w, const ProgressSourceOutcome& p) {
  w.BeginObject();
  w.Member("name", p.name);
  w.Member("ok", p.ok);
  if (!p.ok) {
    w.Member("error", p.error.message());
  } else {
    w.Member("events", p.report.events);
    w.Member("learners", p.report.learners);
    w.Member("learners_created", p.report.learners_created);
    w.Member("accepted", p.report.accepted);
    w.Member("duplicates", p.report.duplicates);
    w.Member("dropped", p.report.dropped.size());
  }
  w.EndObject();
}

}  // namespace

std::string RenderReload(const ServerReloadOutcome& all) {
  const ReloadOutcome& outcome = all.catalogs;
  json::Writer w;
  w.BeginObject();
  w.Member("generation", outcome.generation);
  for (const bool catalogs : {true, false}) {
    w.Key(catalogs ? "catalogs" : "profiles");
    w.BeginArray();
    for (const SourceOutcome& s : outcome.sources) {
      if ((s.kind == "catalog") == catalogs) WriteSource(w, s);
    }
    w.EndArray();
  }
  w.Key("progress_sources");
  w.BeginArray();
  for (const ProgressSourceOutcome& p : all.progress) WriteProgressSource(w, p);
  w.EndArray();
  w.EndObject();
  return w.Take();
}

std::string ReloadExtension(const ServerReloadOutcome& outcome) { return RenderReload(outcome); }

std::string RenderPlugins(const std::vector<PluginSource>& sources) {
  json::Writer w;
  w.BeginObject();
  w.Key("plugins");
  w.BeginArray();
  for (const PluginSource& s : sources) {
    w.BeginObject();
    if (s.info) {
      w.Member("name", s.info->name);
      w.Member("version", s.info->version);
      w.Member("abi_version", s.info->abi_version);
      w.Member("description", s.info->description);
    }
    w.Member("path", s.info ? s.info->path : s.path);
    w.Member("catalogs", s.catalogs);
    w.Member("progress_sources", s.progress_sources);
    // The plugin's config subtree, as the config reader wrote it
    // (JsonDocument::ToJson: compact JSON).
    w.Key("config");
    w.Raw(s.config_json.empty() ? std::string_view("{}") : std::string_view(s.config_json));
    w.Member("loaded", s.info.has_value());
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return w.Take();
}

std::string RenderStatus(std::string_view status) {
  json::Writer w;
  w.BeginObject();
  w.Member("status", status);
  w.EndObject();
  return w.Take();
}

}  // namespace pathrank::server
