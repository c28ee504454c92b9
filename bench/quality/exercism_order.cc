#include "exercism_order.h"

#include <algorithm>
#include <map>
#include <set>

#include "pathrank/catalog_builder.h"
#include "util/file_io.h"
#include "util/json/json_document.h"

namespace pathrank::quality {

namespace {

struct Exercise {
  std::vector<std::string> concepts;
  std::vector<std::string> prerequisites;
};

}  // namespace

Result<ExercismOrder> LoadExercismOrder(const std::string& track_dir, const std::string& track) {
  const std::string path = track_dir + "/config.json";
  auto text = ReadFile(path);
  if (!text) return text.error();
  json::JsonDocument doc;
  std::string error;
  if (!doc.Parse(*text, &error) || !doc.value().is_object()) {
    return Status::InvalidArgument(path + ": not a JSON object");
  }
  const json::JsonValue concepts = doc.value().Find("concepts");
  const json::JsonValue exercises = doc.value().Find("exercises").Find("concept");
  if (!concepts.is_array() || !exercises.is_array()) {
    return Status::InvalidArgument(path + ": expected concepts[] and exercises.concept[]");
  }
  ExercismOrder out;
  std::vector<Exercise> kept;
  std::set<std::string> taught_by_some;
  // Strings of the array `key` of `e` (none when absent).
  const auto strings = [](json::JsonValue e, std::string_view key) {
    std::vector<std::string> found;
    const json::JsonValue list = e.Find(key);
    for (size_t i = 0; i < list.size() && list.is_array(); ++i) {
      if (list[i].is_string()) found.emplace_back(list[i].string());
    }
    return found;
  };
  for (size_t i = 0; i < exercises.size(); ++i) {
    const json::JsonValue e = exercises[i];
    const json::JsonValue status = e.Find("status");
    if (status.is_string() && (status.string() == "wip" || status.string() == "deprecated")) {
      continue;
    }
    Exercise x;
    x.concepts = strings(e, "concepts");
    x.prerequisites = strings(e, "prerequisites");
    for (const std::string& c : x.concepts) taught_by_some.insert(c);
    kept.push_back(std::move(x));
  }
  out.exercises = kept.size();
  for (Exercise& x : kept) {
    const size_t before = x.prerequisites.size();
    std::erase_if(x.prerequisites, [&](const std::string& p) { return !taught_by_some.count(p); });
    out.dropped_prerequisites += before - x.prerequisites.size();
  }

  // The curated order: first unlocked exercise in config order, repeatedly.
  std::set<std::string> taught;
  std::vector<bool> done(kept.size(), false);
  std::vector<std::vector<std::string>> events;
  std::map<std::string, std::vector<std::string>> requires_of;  // from the first teacher
  for (size_t round = 0; round < kept.size(); ++round) {
    size_t pick = kept.size();
    for (size_t e = 0; e < kept.size() && pick == kept.size(); ++e) {
      if (done[e]) continue;
      const bool open = std::all_of(kept[e].prerequisites.begin(), kept[e].prerequisites.end(),
                                    [&](const std::string& p) { return taught.count(p) > 0; });
      if (open) pick = e;
    }
    if (pick == kept.size()) {  // nothing unlocked: take the first left, drop what blocks it
      for (size_t e = 0; e < kept.size(); ++e) {
        if (!done[e]) {
          pick = e;
          break;
        }
      }
      const size_t before = kept[pick].prerequisites.size();
      std::erase_if(kept[pick].prerequisites,
                    [&](const std::string& p) { return !taught.count(p); });
      out.dropped_prerequisites += before - kept[pick].prerequisites.size();
    }
    done[pick] = true;
    std::vector<std::string> fresh;
    for (const std::string& c : kept[pick].concepts) {
      if (taught.insert(c).second) {
        fresh.push_back(c);
        requires_of[c] = kept[pick].prerequisites;
      }
    }
    if (!fresh.empty()) events.push_back(std::move(fresh));
  }

  CatalogSpec& spec = out.spec;
  spec.id = "exercism-" + track;
  spec.title = "Exercism " + track + " track concepts (curated order)";
  spec.version = "evaluation";
  spec.summary = "Concepts of Exercism's " + track +
                 " track; each requires the prerequisites of the exercise that teaches it.";
  spec.stages = {{"syllabus", "Syllabus", ""}};
  std::set<std::string> listed;
  auto add_item = [&](const std::string& slug, const std::string& name) {
    if (!taught.count(slug) || !listed.insert(slug).second) return;
    ItemSpec item;
    item.id = slug;
    item.title = name.empty() ? slug : name;
    item.stage = "syllabus";
    item.source = "exercism/" + track + "/config.json";
    for (const std::string& p : requires_of[slug]) {
      if (p != slug) item.prerequisites.push_back({{p}, 1.0, ClauseType::kRequires, ""});
    }
    spec.items.push_back(std::move(item));
  };
  const auto text_of = [](json::JsonValue v) {
    return v.is_string() ? std::string(v.string()) : std::string();
  };
  for (size_t i = 0; i < concepts.size(); ++i) {
    const json::JsonValue c = concepts[i];
    if (c.is_object()) add_item(text_of(c.Find("slug")), text_of(c.Find("name")));
  }
  for (const auto& event : events) {
    for (const std::string& c : event) add_item(c, "");  // taught but not in concepts[]
  }
  auto built = BuildCatalog(spec);
  if (!built) return built.error().WithPrefix(path);
  out.catalog = *built;
  Trajectory t;
  t.learner = track + "-curated";
  for (size_t e = 0; e < events.size(); ++e) {
    for (const std::string& c : events[e]) {
      TrajectoryStep s;
      s.step = static_cast<int64_t>(e + 1);
      s.item = *out.catalog->FindItem(c);
      t.steps.push_back(s);
    }
  }
  out.trajectories.push_back(std::move(t));
  return out;
}

}  // namespace pathrank::quality
