// The C API (pathrank/c.h): library, catalog, profile and learner calls.

#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

#include "capi/capi_internal.h"
#include "pathrank/catalog_builder.h"
#include "pathrank/catalog_json.h"

using pathrank::Catalog;
using pathrank::Result;
using pathrank::Status;
using pathrank::capi::Fail;
using pathrank::capi::FailInvalid;
using pathrank::capi::Guard;

namespace pathrank::capi {

void SetError(char** errmsg, std::string_view message, std::string_view prefix) noexcept {
  if (errmsg == nullptr) return;
  std::free(*errmsg);
  *errmsg = static_cast<char*>(std::malloc(prefix.size() + message.size() + 1));
  if (*errmsg == nullptr) return;
  // memcpy from a null pointer is undefined even for 0 bytes (an empty
  // string_view's data() may be null).
  if (!prefix.empty()) std::memcpy(*errmsg, prefix.data(), prefix.size());
  if (!message.empty()) std::memcpy(*errmsg + prefix.size(), message.data(), message.size());
  (*errmsg)[prefix.size() + message.size()] = '\0';
}

pathrank_status Fail(const Status& status, char** errmsg) {
  SetError(errmsg, status.message());
  const int code = static_cast<int>(status.code());
  if (status.ok() || code < 0 || code > PATHRANK_INTERNAL) return PATHRANK_INTERNAL;
  return static_cast<pathrank_status>(code);
}

pathrank_status FailInvalid(std::string message, char** errmsg) {
  return Fail(Status::InvalidArgument(std::move(message)), errmsg);
}

const ScoringProfile& ProfileOrDefault(const pathrank_profile* profile) {
  static const ScoringProfile kDefault;
  return profile != nullptr ? profile->profile : kDefault;
}

bool ParseKindArg(const char* kind, std::vector<ItemKind>* kinds, char** errmsg) {
  if (kind == nullptr) return true;
  auto parsed = ParseItemKind(kind);
  if (!parsed) {
    FailInvalid(
        std::string("kind: unknown item kind \"") + kind + "\" (topic, framework or project)",
        errmsg);
    return false;
  }
  kinds->push_back(*parsed);
  return true;
}

namespace {

// Wraps a loaded catalog into a new handle.
pathrank_status MakeCatalogHandle(std::shared_ptr<const Catalog> catalog, pathrank_catalog** out) {
  auto handle = std::make_unique<pathrank_catalog>();
  handle->catalog = std::move(catalog);
  handle->scorer = std::make_unique<Scorer>(handle->catalog);
  handle->batch = std::make_unique<BatchScorer>(*handle->scorer);
  *out = handle.release();
  return PATHRANK_OK;
}

pathrank_status MakeProfileHandle(Result<ScoringProfile> profile, pathrank_profile** out,
                                  char** errmsg) {
  if (!profile) return Fail(profile.error(), errmsg);
  *out = new pathrank_profile{std::move(*profile)};
  return PATHRANK_OK;
}

bool MissingOut(const void* out, const char* what, char** errmsg) {
  if (out != nullptr) return false;
  FailInvalid(std::string(what) + " must not be NULL", errmsg);
  return true;
}

}  // namespace

}  // namespace pathrank::capi

using namespace pathrank::capi;  // NOLINT: the C entry points below

extern "C" {

int pathrank_abi_version(void) { return PATHRANK_C_ABI_VERSION; }

const char* pathrank_version(void) { return PATHRANK_VERSION_STRING; }

const char* pathrank_status_name(int status) {
  if (status < 0 || status > PATHRANK_INTERNAL) return "Unknown";
  return pathrank::StatusCodeName(static_cast<pathrank::StatusCode>(status)).data();
}

void pathrank_free(void* ptr) { std::free(ptr); }

pathrank_status pathrank_catalog_load_file(const char* path, pathrank_catalog** catalog,
                                           char** errmsg) {
  return Guard(errmsg, [&] {
    if (MissingOut(path, "path", errmsg) || MissingOut(catalog, "catalog", errmsg)) {
      return PATHRANK_INVALID_ARGUMENT;
    }
    auto loaded = pathrank::LoadCatalogFile(path);
    if (!loaded) return Fail(loaded.error(), errmsg);
    return MakeCatalogHandle(std::move(*loaded), catalog);
  });
}

pathrank_status pathrank_catalog_load_json(const char* json, size_t size,
                                           pathrank_catalog** catalog, char** errmsg) {
  return Guard(errmsg, [&] {
    if (json == nullptr && size > 0) return FailInvalid("json is NULL but size > 0", errmsg);
    if (MissingOut(catalog, "catalog", errmsg)) return PATHRANK_INVALID_ARGUMENT;
    auto spec = pathrank::ParseCatalogJson(std::string_view(json == nullptr ? "" : json, size));
    if (!spec) return Fail(spec.error(), errmsg);
    auto built = pathrank::BuildCatalog(std::move(*spec));
    if (!built) return Fail(built.error(), errmsg);
    return MakeCatalogHandle(std::move(*built), catalog);
  });
}

void pathrank_catalog_free(pathrank_catalog* catalog) { delete catalog; }

const char* pathrank_catalog_id(const pathrank_catalog* catalog) {
  return catalog->catalog->id().c_str();
}

const char* pathrank_catalog_title(const pathrank_catalog* catalog) {
  return catalog->catalog->title().c_str();
}

size_t pathrank_catalog_item_count(const pathrank_catalog* catalog) {
  return catalog->catalog->item_count();
}

const char* pathrank_catalog_item_id(const pathrank_catalog* catalog, size_t index) {
  const Catalog& c = *catalog->catalog;
  return index < c.item_count() ? c.item(index).id.c_str() : nullptr;
}

const char* pathrank_catalog_item_title(const pathrank_catalog* catalog, size_t index) {
  const Catalog& c = *catalog->catalog;
  return index < c.item_count() ? c.item(index).title.c_str() : nullptr;
}

const char* pathrank_catalog_item_kind(const pathrank_catalog* catalog, size_t index) {
  const Catalog& c = *catalog->catalog;
  // ItemKindName views static literals, so data() is NUL-terminated.
  return index < c.item_count() ? pathrank::ItemKindName(c.item(index).kind).data() : nullptr;
}

double pathrank_catalog_item_hours(const pathrank_catalog* catalog, size_t index) {
  const Catalog& c = *catalog->catalog;
  return index < c.item_count() ? c.item(index).hours : kNaN;
}

int64_t pathrank_catalog_find_item(const pathrank_catalog* catalog, const char* id) {
  if (id == nullptr) return -1;
  auto found = catalog->catalog->FindItem(id);
  return found ? static_cast<int64_t>(*found) : -1;
}

size_t pathrank_catalog_goal_count(const pathrank_catalog* catalog) {
  return catalog->catalog->goals().size();
}

const char* pathrank_catalog_goal_id(const pathrank_catalog* catalog, size_t index) {
  auto goals = catalog->catalog->goals();
  return index < goals.size() ? goals[index].id.c_str() : nullptr;
}

const char* pathrank_catalog_goal_title(const pathrank_catalog* catalog, size_t index) {
  auto goals = catalog->catalog->goals();
  return index < goals.size() ? goals[index].title.c_str() : nullptr;
}

int64_t pathrank_catalog_find_goal(const pathrank_catalog* catalog, const char* id) {
  if (id == nullptr) return -1;
  auto found = catalog->catalog->FindGoal(id);
  return found ? static_cast<int64_t>(*found) : -1;
}

pathrank_status pathrank_profile_builtin(const char* name, pathrank_profile** profile,
                                         char** errmsg) {
  return Guard(errmsg, [&] {
    if (MissingOut(profile, "profile", errmsg)) return PATHRANK_INVALID_ARGUMENT;
    const std::string wanted = name == nullptr ? "default" : name;
    const auto& builtins = pathrank::BuiltinProfiles();
    auto it = builtins.find(wanted);
    if (it == builtins.end()) {
      std::string names;
      for (const auto& [n, p] : builtins) names += (names.empty() ? "" : ", ") + n;
      return Fail(
          pathrank::Status::NotFound("no built-in profile \"" + wanted + "\" (" + names + ")"),
          errmsg);
    }
    *profile = new pathrank_profile{it->second};
    return PATHRANK_OK;
  });
}

pathrank_status pathrank_profile_load_file(const char* path, pathrank_profile** profile,
                                           char** errmsg) {
  return Guard(errmsg, [&] {
    if (MissingOut(path, "path", errmsg) || MissingOut(profile, "profile", errmsg)) {
      return PATHRANK_INVALID_ARGUMENT;
    }
    return MakeProfileHandle(pathrank::LoadProfileFile(path), profile, errmsg);
  });
}

pathrank_status pathrank_profile_load_json(const char* json, size_t size,
                                           pathrank_profile** profile, char** errmsg) {
  return Guard(errmsg, [&] {
    if (json == nullptr && size > 0) return FailInvalid("json is NULL but size > 0", errmsg);
    if (MissingOut(profile, "profile", errmsg)) return PATHRANK_INVALID_ARGUMENT;
    return MakeProfileHandle(
        pathrank::ParseProfileJson(std::string_view(json == nullptr ? "" : json, size)), profile,
        errmsg);
  });
}

void pathrank_profile_free(pathrank_profile* profile) { delete profile; }

pathrank_status pathrank_profile_set(pathrank_profile* profile, const char* field, double value,
                                     char** errmsg) {
  return Guard(errmsg, [&] {
    if (MissingOut(profile, "profile", errmsg) || MissingOut(field, "field", errmsg)) {
      return PATHRANK_INVALID_ARGUMENT;
    }
    pathrank::ScoringProfile changed = profile->profile;
    Status status = pathrank::SetProfileField(changed, field, value);
    if (!status.ok()) return Fail(status, errmsg);
    profile->profile = std::move(changed);
    return PATHRANK_OK;
  });
}

double pathrank_profile_get(const pathrank_profile* profile, const char* field) {
  if (field == nullptr) return kNaN;
  for (const std::string& name : pathrank::ProfileFieldNames()) {
    if (name == field) return pathrank::GetProfileField(profile->profile, name);
  }
  return kNaN;
}

const char* pathrank_profile_name(const pathrank_profile* profile) {
  return profile->profile.name.c_str();
}

pathrank_status pathrank_learner_create(const pathrank_catalog* catalog,
                                        const char* const* item_ids, const double* mastery,
                                        size_t mastery_count, const char* const* goal_ids,
                                        const double* goal_weights, size_t goal_count,
                                        pathrank_learner** learner, char** errmsg) {
  return Guard(errmsg, [&] {
    if (MissingOut(catalog, "catalog", errmsg) || MissingOut(learner, "learner", errmsg)) {
      return PATHRANK_INVALID_ARGUMENT;
    }
    if (mastery_count > 0 && (item_ids == nullptr || mastery == nullptr)) {
      return FailInvalid("item_ids and mastery must not be NULL when mastery_count > 0", errmsg);
    }
    if (goal_count > 0 && (goal_ids == nullptr || goal_weights == nullptr)) {
      return FailInvalid("goal_ids and goal_weights must not be NULL when goal_count > 0", errmsg);
    }
    std::map<std::string, double> by_item, by_goal;
    for (size_t i = 0; i < mastery_count; ++i) {
      if (item_ids[i] == nullptr)
        return FailInvalid("item_ids[" + std::to_string(i) + "] is NULL", errmsg);
      by_item[item_ids[i]] = mastery[i];
    }
    for (size_t g = 0; g < goal_count; ++g) {
      if (goal_ids[g] == nullptr)
        return FailInvalid("goal_ids[" + std::to_string(g) + "] is NULL", errmsg);
      by_goal[goal_ids[g]] = goal_weights[g];
    }
    auto state = pathrank::MakeLearnerState(*catalog->catalog, by_item, by_goal);
    if (!state) return Fail(state.error(), errmsg);
    *learner = new pathrank_learner{catalog->catalog, std::move(*state)};
    return PATHRANK_OK;
  });
}

void pathrank_learner_free(pathrank_learner* learner) { delete learner; }

}  // extern "C"
