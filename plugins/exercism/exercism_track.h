// An Exercism track's config.json as a pathrank catalog. The mapping
// (documented in plugins/README.md):
//   - each concept -> a topic, id = its slug, stage "concepts", tagged with
//     its slug; summary = the blurb of concepts/<slug>/.meta/config.json
//     when that file is beside config.json;
//   - each concept exercise -> a project "exercise.<slug>", stage
//     "concepts", requiring each of its prerequisite concepts, tagged with
//     the concepts it teaches;
//   - each concept an exercise teaches requires that exercise's
//     prerequisite concepts, and recommends (weight 0.5) the exercise;
//   - each practice exercise -> a project "exercise.<slug>", stage
//     "practice", requiring each of its prerequisite concepts, tagged with
//     the concepts it practices; difficulty 1..10 -> 1..5 (ceil(d / 2)),
//     hours 0.5 * d;
//   - deprecated exercises are skipped, and "wip" ones unless include_wip;
//   - concepts and concept exercises: difficulty 1, 1 hour;
//   - one goal "syllabus": every concept, weight 1.
//
// Thread safety: pure functions over their arguments.

#ifndef PATHRANK_PLUGINS_EXERCISM_EXERCISM_TRACK_H_
#define PATHRANK_PLUGINS_EXERCISM_EXERCISM_TRACK_H_

#include <string>

#include "../common/catalog_records.h"

namespace pathrank::plugin {

struct ExercismOptions {
  std::string path;  // the track's config.json
  bool include_wip = false;
  OnInvalid on_invalid = OnInvalid::kFail;
};

// Reads and maps the track; logs what it skipped. Throws PluginError
// (PR_ERR_DATA naming the JSON pointer of a malformed field).
CatalogRecords ReadExercismTrack(const ExercismOptions& options, const pr_sink* sink);

}  // namespace pathrank::plugin

#endif  // PATHRANK_PLUGINS_EXERCISM_EXERCISM_TRACK_H_
