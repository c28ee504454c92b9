#include "ops/catalog_registry.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "ops/access_log.h"
#include "pathrank/catalog_json.h"
#include "pathrank/transition_model.h"

namespace pathrank::server {

const ServedCatalog* RegistrySnapshot::FindCatalog(std::string_view id) const {
  auto it = catalogs.find(id);
  return it == catalogs.end() ? nullptr : it->second.get();
}

const ScoringProfile* RegistrySnapshot::FindProfile(std::string_view name) const {
  auto it = profiles.find(name);
  return it == profiles.end() ? nullptr : &it->second;
}

bool ReloadOutcome::ok() const {
  for (const SourceOutcome& s : sources) {
    if (!s.ok) return false;
  }
  return true;
}

Result<std::shared_ptr<const Catalog>> CatalogRegistry::LoadSource(
    const CatalogSourceConfig& source) {
  if (loader_) return loader_(source);
  if (source.plugin.empty()) return LoadCatalogFile(source.path);
  std::vector<PluginLogLine> log;
  Result<std::shared_ptr<const Catalog>> catalog =
      plugins_.ReadCatalog(source.plugin, source.plugin_config_json, &log);
  for (const PluginLogLine& line : log) {
    LogEvent(PluginLogLevelName(line.level), "plugin", "",
             "catalog " + (source.id.empty() ? source.plugin : source.id) + ": " + line.message);
  }
  return catalog;
}

PluginSource& FindOrAddPluginSource(std::vector<PluginSource>* plugins, const std::string& path,
                                    const std::string& config_json,
                                    const std::vector<PluginInfo>& loaded) {
  auto same = [&](const PluginSource& p) { return p.path == path; };
  if (auto it = std::find_if(plugins->begin(), plugins->end(), same); it != plugins->end()) {
    return *it;
  }
  PluginSource& entry = plugins->emplace_back();
  entry.path = path;
  entry.config_json = config_json;
  std::error_code error;
  const std::string canonical = std::filesystem::weakly_canonical(path, error).string();
  for (const PluginInfo& info : loaded) {
    if (info.path == canonical) entry.info = info;
  }
  return entry;
}

std::vector<PluginSource> CatalogRegistry::PluginSources() const {
  const std::vector<PluginInfo> loaded = plugins_.Loaded();
  std::lock_guard lock(load_mu_);
  std::vector<PluginSource> out;
  for (size_t i = 0; i < sources_.size(); ++i) {
    const CatalogSourceConfig& source = sources_[i];
    if (source.plugin.empty()) continue;
    FindOrAddPluginSource(&out, source.plugin, source.plugin_config_json, loaded)
        .catalogs.push_back(ids_[i].empty() ? source.plugin : ids_[i]);
  }
  return out;
}

CatalogRegistry::CatalogRegistry(std::vector<CatalogSourceConfig> catalogs,
                                 std::vector<ProfileSourceConfig> profiles, CatalogLoader loader)
    : sources_(std::move(catalogs)),
      profile_sources_(std::move(profiles)),
      loader_(std::move(loader)) {
  for (const CatalogSourceConfig& source : sources_) ids_.push_back(source.id);
}

ReloadOutcome CatalogRegistry::Build(const RegistrySnapshot* previous,
                                     std::shared_ptr<RegistrySnapshot>* next) {
  ReloadOutcome outcome;
  auto snapshot = std::make_shared<RegistrySnapshot>();
  const int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  for (size_t i = 0; i < sources_.size(); ++i) {
    const CatalogSourceConfig& source = sources_[i];
    const std::string where = source.plugin.empty() ? source.path : source.plugin;
    SourceOutcome result;
    result.kind = "catalog";
    result.id = ids_[i].empty() ? where : ids_[i];
    Result<std::shared_ptr<const Catalog>> catalog = LoadSource(source);
    std::shared_ptr<const SequenceModel> sequence;
    if (catalog && !source.sequence_model.empty()) {
      Result<TransitionModel> model = TransitionModel::Load(**catalog, source.sequence_model);
      if (model) {
        sequence = std::make_shared<const TransitionModel>(std::move(*model));
      } else {
        catalog = model.error();  // names the file and says "sequence model"
      }
    }
    if (catalog) {
      const std::string id = ids_[i].empty() ? (*catalog)->id() : ids_[i];
      result.id = id;
      if (snapshot->catalogs.count(id) > 0) {
        result.error = "catalog id \"" + id + "\" is served by another source too";
      } else {
        auto served = std::make_shared<ServedCatalog>();
        served->id = id;
        served->catalog = *catalog;
        served->scorer = std::make_shared<const Scorer>(*catalog);
        served->sequence = std::move(sequence);
        served->source = where;
        served->loaded_ms = now;
        result.ok = true;
        result.items = (*catalog)->item_count();
        result.clauses = (*catalog)->clause_count();
        result.goals = (*catalog)->goals().size();
        result.version = (*catalog)->version();
        snapshot->catalogs.emplace(id, std::move(served));
      }
    } else {
      result.error = catalog.error().message();
    }
    if (!result.ok && previous != nullptr) {
      // Keep serving what this source served before.
      if (auto it = previous->catalogs.find(result.id); it != previous->catalogs.end()) {
        snapshot->catalogs.emplace(it->first, it->second);
      }
    }
    outcome.sources.push_back(std::move(result));
  }

  for (const auto& [name, profile] : BuiltinProfiles()) snapshot->profiles.emplace(name, profile);
  for (const ProfileSourceConfig& source : profile_sources_) {
    SourceOutcome result;
    result.kind = "profile";
    result.id = source.name;
    Result<ScoringProfile> profile = LoadProfileFile(source.path);
    if (profile) {
      profile->name = source.name;
      snapshot->profiles[source.name] = *profile;
      result.ok = true;
    } else {
      result.error = profile.error().message();
      if (previous != nullptr) {
        if (const ScoringProfile* old = previous->FindProfile(source.name)) {
          snapshot->profiles[source.name] = *old;
        }
      }
    }
    outcome.sources.push_back(std::move(result));
  }
  snapshot->generation = previous != nullptr ? previous->generation + 1 : 1;
  outcome.generation = snapshot->generation;
  *next = std::move(snapshot);
  return outcome;
}

Status CatalogRegistry::LoadAll() {
  std::lock_guard lock(load_mu_);
  std::shared_ptr<RegistrySnapshot> next;
  ReloadOutcome outcome = Build(nullptr, &next);
  if (!outcome.ok()) {
    std::string message = "cannot load the configured sources:";
    bool unavailable = false;
    Status status;
    for (const SourceOutcome& s : outcome.sources) {
      if (s.ok) continue;
      message += "\n  " + s.kind + " " + s.id + ": " + s.error;
    }
    for (const SourceOutcome& s : outcome.sources) {
      if (!s.ok && s.error.find("cannot open") != std::string::npos) unavailable = true;
    }
    status = unavailable ? Status::Unavailable(message) : Status::InvalidArgument(message);
    for (const SourceOutcome& s : outcome.sources) {
      if (!s.ok) status.AddField("/" + s.kind + "s/" + s.id, s.error);
    }
    return status;
  }
  for (size_t i = 0; i < sources_.size(); ++i) ids_[i] = outcome.sources[i].id;
  Publish(std::move(next));
  return Status::Ok();
}

namespace {

// Stamps of published snapshots, unique in the process (over every
// registry), so that a thread's cached snapshot is never mistaken for one
// of another registry (tests run several, one after another at the same
// address).
std::atomic<uint64_t> next_stamp{1};

// The snapshot this thread took last, and its stamp.
struct CachedSnapshot {
  uint64_t stamp = 0;
  std::shared_ptr<const RegistrySnapshot> snapshot;
};
thread_local CachedSnapshot t_cached;

}  // namespace

std::shared_ptr<const RegistrySnapshot> CatalogRegistry::snapshot() const {
  // The common case: one atomic load, no lock, no shared write but the
  // copy's reference count.
  const uint64_t stamp = stamp_.load(std::memory_order_acquire);
  if (stamp != 0 && t_cached.stamp == stamp) return t_cached.snapshot;
  std::shared_ptr<const RegistrySnapshot> previous;  // released outside the lock
  {
    std::lock_guard lock(current_mu_);
    previous = std::move(t_cached.snapshot);
    t_cached.snapshot = current_;
    t_cached.stamp = stamp_.load(std::memory_order_relaxed);
  }
  return t_cached.snapshot;
}

void CatalogRegistry::Publish(std::shared_ptr<const RegistrySnapshot> next) {
  {
    std::lock_guard lock(current_mu_);
    current_.swap(next);
    stamp_.store(next_stamp.fetch_add(1), std::memory_order_release);
  }
  // `next` now holds the replaced snapshot, released here, outside the lock
  // (a thread that cached it releases it at its next snapshot()).
}

ReloadOutcome CatalogRegistry::Reload() {
  std::lock_guard lock(load_mu_);
  std::shared_ptr<const RegistrySnapshot> previous = snapshot();
  std::shared_ptr<RegistrySnapshot> next;
  ReloadOutcome outcome = Build(previous.get(), &next);
  Publish(std::move(next));
  (outcome.ok() ? reloads_ok_ : reloads_failed_).fetch_add(1);
  return outcome;
}

}  // namespace pathrank::server
